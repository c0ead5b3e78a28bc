package fakediscord

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

var nameRule = regexp.MustCompile(`^[-_'\p{L}\p{N}]{1,32}$`)

// n is a text's length in characters, as Discord's limits count.
func n(s string) int { return utf8.RuneCountInString(s) }

// ValidateCommands checks one bulk overwrite against Discord's rules and
// returns what is wrong.
func ValidateCommands(cmds []Command) []string {
	var p []string
	seen := map[string]bool{}
	counts := map[float64]int{}
	for i, c := range cmds {
		name, _ := c["name"].(string)
		typ := 1.0
		if t, ok := c["type"].(float64); ok {
			typ = t
		}
		counts[typ]++
		where := fmt.Sprintf("command %d %q", i, name)
		key := fmt.Sprint(typ, "/", name)
		if seen[key] {
			p = append(p, where+": duplicate name")
		}
		seen[key] = true
		desc, _ := c["description"].(string)
		opts, _ := c["options"].([]any)
		switch typ {
		case 1:
			if !nameRule.MatchString(name) || name != strings.ToLower(name) {
				p = append(p, where+": name must match ^[-_'\\p{L}\\p{N}]{1,32}$ in lowercase")
			}
			if n(desc) < 1 || n(desc) > 100 {
				p = append(p, fmt.Sprintf("%s: description must be 1-100 characters (has %d)", where, n(desc)))
			}
			p = append(p, validateOptions(where, opts, 0)...)
		case 2, 3:
			if n(name) < 1 || n(name) > 32 {
				p = append(p, where+": name must be 1-32 characters")
			}
			if desc != "" {
				p = append(p, where+": context-menu commands must have an empty description")
			}
			if len(opts) > 0 {
				p = append(p, where+": context-menu commands take no options")
			}
		default:
			p = append(p, fmt.Sprintf("%s: unknown type %v", where, typ))
		}
		if size := commandSize(c); size > 8000 {
			p = append(p, fmt.Sprintf("%s: %d characters in all (at most 8000)", where, size))
		}
	}
	if counts[1] > 100 {
		p = append(p, "more than 100 slash commands")
	}
	if counts[2] > 15 || counts[3] > 15 {
		p = append(p, "more than 15 context-menu commands of a type")
	}
	return p
}

func validateOptions(where string, opts []any, depth int) []string {
	var p []string
	if len(opts) > 25 {
		p = append(p, fmt.Sprintf("%s: %d options (at most 25)", where, len(opts)))
	}
	optional := false
	for j, o := range opts {
		m, ok := o.(map[string]any)
		if !ok {
			p = append(p, fmt.Sprintf("%s option %d: not an object", where, j))
			continue
		}
		name, _ := m["name"].(string)
		desc, _ := m["description"].(string)
		typ, _ := m["type"].(float64)
		w := fmt.Sprintf("%s option %q", where, name)
		if !nameRule.MatchString(name) || name != strings.ToLower(name) {
			p = append(p, w+": name must match ^[-_'\\p{L}\\p{N}]{1,32}$ in lowercase")
		}
		if n(desc) < 1 || n(desc) > 100 {
			p = append(p, fmt.Sprintf("%s: description must be 1-100 characters (has %d)", w, n(desc)))
		}
		if typ < 1 || typ > 11 {
			p = append(p, fmt.Sprintf("%s: unknown type %v", w, typ))
		}
		if typ == 1 || typ == 2 {
			if depth >= 2 || (typ == 2 && depth >= 1) {
				p = append(p, w+": subcommands nested too deep")
			}
			sub, _ := m["options"].([]any)
			p = append(p, validateOptions(w, sub, depth+1)...)
			continue
		}
		required, _ := m["required"].(bool)
		if required && optional {
			p = append(p, w+": required options must come before optional ones")
		}
		if !required {
			optional = true
		}
		choices, _ := m["choices"].([]any)
		if ac, _ := m["autocomplete"].(bool); ac {
			if typ != 3 && typ != 4 && typ != 10 {
				p = append(p, w+": autocomplete only on string, integer or number options")
			}
			if len(choices) > 0 {
				p = append(p, w+": autocomplete cannot be combined with choices")
			}
		}
		if len(choices) > 25 {
			p = append(p, w+": more than 25 choices")
		}
		for _, c := range choices {
			cm, _ := c.(map[string]any)
			cn, _ := cm["name"].(string)
			if n(cn) < 1 || n(cn) > 100 {
				p = append(p, w+": choice name must be 1-100 characters")
			}
			if v, ok := cm["value"].(string); ok && n(v) > 100 {
				p = append(p, w+": choice value longer than 100 characters")
			}
		}
		if v, ok := m["min_length"].(float64); ok && (v < 0 || v > 6000) {
			p = append(p, w+": min_length must be 0-6000")
		}
		if v, ok := m["max_length"].(float64); ok && (v < 1 || v > 6000) {
			p = append(p, w+": max_length must be 1-6000")
		}
		if _, ok := m["max_length"]; ok && typ != 3 {
			p = append(p, w+": max_length only on string options")
		}
	}
	return p
}

// commandSize counts the characters Discord's 8000 limit covers: names,
// descriptions, and the options' and choices' names, descriptions and values.
func commandSize(c map[string]any) int {
	size := 0
	for _, k := range []string{"name", "description"} {
		if s, ok := c[k].(string); ok {
			size += n(s)
		}
	}
	if v, ok := c["value"].(string); ok {
		size += n(v)
	}
	for _, k := range []string{"options", "choices"} {
		list, _ := c[k].([]any)
		for _, o := range list {
			if m, ok := o.(map[string]any); ok {
				size += commandSize(m)
			}
		}
	}
	return size
}

// CheckCallback checks an interaction callback body; autocomplete tells
// whether the interaction was an autocomplete request (else a command).
func CheckCallback(body []byte, autocomplete bool) []string {
	if autocomplete {
		return CheckCallbackFor(body, 4)
	}
	return CheckCallbackFor(body, 2)
}

// CheckCallbackFor checks an interaction callback body for an interaction
// of the given type: 2 a command, 3 a component (a button press), 4 an
// autocomplete request.
func CheckCallbackFor(body []byte, interactionType int) []string {
	var resp struct {
		Type *int            `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil || resp.Type == nil {
		return []string{"callback must be a JSON object with a type"}
	}
	t := *resp.Type
	switch interactionType {
	case 4:
		if t != 8 {
			return []string{fmt.Sprintf("an autocomplete interaction needs callback type 8, got %d", t)}
		}
	case 3:
		if t != 4 && t != 5 && t != 6 && t != 7 {
			return []string{fmt.Sprintf("a component interaction needs callback type 4, 5, 6 or 7, got %d", t)}
		}
	default:
		if t != 4 && t != 5 {
			return []string{fmt.Sprintf("a command needs callback type 4 or 5, got %d", t)}
		}
	}
	switch t {
	case 6:
		if len(resp.Data) == 0 || string(resp.Data) == "null" {
			return nil
		}
		return []string{"a deferred update carries no data"}
	case 7:
		if len(resp.Data) == 0 || string(resp.Data) == "null" {
			return []string{"an update needs data"}
		}
		return CheckMessageUpdate(resp.Data)
	case 8:
		return checkChoices(resp.Data)
	case 5:
		if len(resp.Data) == 0 || string(resp.Data) == "null" {
			return nil
		}
		var d map[string]any
		if err := json.Unmarshal(resp.Data, &d); err != nil {
			return []string{"deferred data is not an object"}
		}
		for k, v := range d {
			if k != "flags" {
				return []string{fmt.Sprintf("a deferred response carries only flags, not %q", k)}
			}
			if f, _ := v.(float64); f != 0 && f != 64 {
				return []string{fmt.Sprintf("a deferred response allows only flag 64, got %v", v)}
			}
		}
		return nil
	}
	if len(resp.Data) == 0 || string(resp.Data) == "null" {
		return []string{"a message response needs data"}
	}
	return CheckMessage(resp.Data, true)
}

// CheckMessageUpdate checks the data of an update (callback type 7): a
// message whose flags may only suppress embeds.
func CheckMessageUpdate(body []byte) []string {
	p := CheckMessage(body, true)
	var m struct {
		Flags int `json:"flags"`
	}
	if json.Unmarshal(body, &m) == nil && m.Flags&64 != 0 {
		p = append(p, "an update cannot make a message ephemeral")
	}
	return p
}

func checkChoices(data json.RawMessage) []string {
	var d struct {
		Choices *[]map[string]any `json:"choices"`
	}
	if err := json.Unmarshal(data, &d); err != nil || d.Choices == nil {
		return []string{"an autocomplete result needs a choices array"}
	}
	var p []string
	if len(*d.Choices) > 25 {
		p = append(p, fmt.Sprintf("%d choices (at most 25)", len(*d.Choices)))
	}
	for i, c := range *d.Choices {
		name, _ := c["name"].(string)
		if n(name) < 1 || n(name) > 100 {
			p = append(p, fmt.Sprintf("choice %d: name must be 1-100 characters (has %d)", i, n(name)))
		}
		switch v := c["value"].(type) {
		case string:
			if n(v) < 1 || n(v) > 100 {
				p = append(p, fmt.Sprintf("choice %d: value must be 1-100 characters (has %d)", i, n(v)))
			}
		case float64:
		default:
			p = append(p, fmt.Sprintf("choice %d: value must be a string or a number", i))
		}
	}
	return p
}

// CheckMessage checks a message body (a callback's data, an edit or a
// follow-up) against Discord's message and embed limits, and requires
// allowed_mentions to parse nothing. flagsAllowed tells whether flags may be
// set (not on an edit).
func CheckMessage(body []byte, flagsAllowed bool) []string {
	var m struct {
		Content         string            `json:"content"`
		Flags           int               `json:"flags"`
		Embeds          []json.RawMessage `json:"embeds"`
		Components      []Component       `json:"components"`
		AllowedMentions *struct {
			Parse *[]string `json:"parse"`
		} `json:"allowed_mentions"`
	}
	if err := json.Unmarshal(body, &m); err != nil {
		return []string{fmt.Sprintf("message is not valid: %v", err)}
	}
	var p []string
	if n(m.Content) > 2000 {
		p = append(p, fmt.Sprintf("content has %d characters (at most 2000)", n(m.Content)))
	}
	if len(m.Embeds) > 10 {
		p = append(p, fmt.Sprintf("%d embeds (at most 10)", len(m.Embeds)))
	}
	if m.AllowedMentions == nil || m.AllowedMentions.Parse == nil || len(*m.AllowedMentions.Parse) != 0 {
		p = append(p, `allowed_mentions must be {"parse":[]}`)
	}
	p = append(p, checkComponents(m.Components)...)
	if m.Flags&^(64|4) != 0 || (!flagsAllowed && m.Flags != 0) {
		p = append(p, fmt.Sprintf("flags %d not allowed here", m.Flags))
	}
	total := 0
	for i, raw := range m.Embeds {
		size, problems := checkEmbed(raw)
		total += size
		for _, q := range problems {
			p = append(p, fmt.Sprintf("embed %d: %s", i, q))
		}
	}
	if total > 6000 {
		p = append(p, fmt.Sprintf("embeds have %d characters together (at most 6000)", total))
	}
	if strings.TrimSpace(m.Content) == "" && len(m.Embeds) == 0 {
		p = append(p, "cannot send an empty message")
	}
	return p
}

// checkComponents checks a message's components: at most 5 action rows of
// at most 5 buttons; each button with a style, a label of at most 80
// characters, and a custom_id of 1-100 characters unique in the message
// (a link button: a URL instead).
func checkComponents(rows []Component) []string {
	var p []string
	if len(rows) > 5 {
		p = append(p, fmt.Sprintf("%d component rows (at most 5)", len(rows)))
	}
	seen := map[string]bool{}
	for i, row := range rows {
		if row.Type != 1 {
			p = append(p, fmt.Sprintf("component %d: top-level components must be action rows (type 1), got %d", i, row.Type))
			continue
		}
		if len(row.Components) == 0 || len(row.Components) > 5 {
			p = append(p, fmt.Sprintf("row %d: %d buttons (1-5)", i, len(row.Components)))
		}
		for j, b := range row.Components {
			w := fmt.Sprintf("row %d button %d", i, j)
			if b.Type != 2 {
				p = append(p, fmt.Sprintf("%s: type %d, want a button (2)", w, b.Type))
				continue
			}
			if b.Style < 1 || b.Style > 6 {
				p = append(p, fmt.Sprintf("%s: style %d", w, b.Style))
			}
			if b.Label == "" || n(b.Label) > 80 {
				p = append(p, fmt.Sprintf("%s: label must be 1-80 characters (has %d)", w, n(b.Label)))
			}
			if b.Style == 5 {
				if b.URL == "" || b.CustomID != "" {
					p = append(p, w+": a link button has a url and no custom_id")
				}
				continue
			}
			if n(b.CustomID) < 1 || n(b.CustomID) > 100 {
				p = append(p, fmt.Sprintf("%s: custom_id must be 1-100 characters (has %d)", w, n(b.CustomID)))
			}
			if seen[b.CustomID] {
				p = append(p, fmt.Sprintf("%s: custom_id %q used twice in the message", w, b.CustomID))
			}
			seen[b.CustomID] = true
		}
	}
	return p
}

func checkEmbed(raw json.RawMessage) (int, []string) {
	var e Embed
	if err := json.Unmarshal(raw, &e); err != nil {
		return 0, []string{"not an embed object"}
	}
	var p []string
	limit := func(what, s string, max int) {
		if n(s) > max {
			p = append(p, fmt.Sprintf("%s has %d characters (at most %d)", what, n(s), max))
		}
	}
	limit("title", e.Title, 256)
	limit("description", e.Description, 4096)
	size := n(e.Title) + n(e.Description)
	if e.Author != nil {
		if e.Author.Name == "" {
			p = append(p, "author without a name")
		}
		limit("author name", e.Author.Name, 256)
		size += n(e.Author.Name)
	}
	if e.Footer != nil {
		if e.Footer.Text == "" {
			p = append(p, "footer without text")
		}
		limit("footer", e.Footer.Text, 2048)
		size += n(e.Footer.Text)
	}
	if len(e.Fields) > 25 {
		p = append(p, fmt.Sprintf("%d fields (at most 25)", len(e.Fields)))
	}
	for i, f := range e.Fields {
		if f.Name == "" || f.Value == "" {
			p = append(p, fmt.Sprintf("field %d: name and value must not be empty", i))
		}
		limit(fmt.Sprintf("field %d name", i), f.Name, 256)
		limit(fmt.Sprintf("field %d value", i), f.Value, 1024)
		size += n(f.Name) + n(f.Value)
	}
	if e.URL != "" {
		u, err := url.Parse(e.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			p = append(p, fmt.Sprintf("url %q is not a well formed URL", e.URL))
		}
	}
	if e.Title == "" && e.Description == "" && e.Author == nil && e.Footer == nil && len(e.Fields) == 0 {
		p = append(p, "empty embed")
	}
	return size, p
}
