package bot

import (
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits (../shared/docs/discord-api.md), in UTF-16 units.
const (
	maxContent     = 2000
	maxEmbeds      = 10
	maxEmbedTotal  = 6000
	maxTitle       = 256
	maxDescription = 4096
	maxFields      = 25
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxAuthor      = 256
	maxURL         = 2048
	maxChoices     = 25
	maxChoiceName  = 100
	maxChoiceValue = 100
	placeholder    = zwsp
)

// noMentions is the allowed_mentions of every message: parse nothing. It is
// a function, not a shared variable, so no caller can change it for others.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// fit makes a response obey every Discord limit, in place, and returns it:
// texts are cut at a word with an ellipsis (Markdown-aware where Discord
// renders Markdown), surplus embeds, fields and choices are dropped, invalid
// URLs removed, empty parts filled or dropped, flags limited to what the
// response type allows, and allowed_mentions set to parse nothing.
func fit(resp *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	switch resp.Type {
	case discordgo.InteractionResponsePong:
		resp.Data = nil
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		var flags discordgo.MessageFlags
		if resp.Data != nil {
			flags = resp.Data.Flags & discordgo.MessageFlagsEphemeral
		}
		resp.Data = nil
		if flags != 0 {
			resp.Data = &discordgo.InteractionResponseData{Flags: flags}
		}
	case discordgo.InteractionResponseDeferredMessageUpdate:
		resp.Data = nil
	case discordgo.InteractionResponseUpdateMessage:
		if resp.Data == nil {
			resp.Data = &discordgo.InteractionResponseData{}
		}
		fitMessage(resp.Data)
		resp.Data.Flags &= discordgo.MessageFlagsSuppressEmbeds // an update cannot change flags
		// An update replaces the message: say "none" rather than null.
		if resp.Data.Embeds == nil {
			resp.Data.Embeds = []*discordgo.MessageEmbed{}
		}
		if resp.Data.Components == nil {
			resp.Data.Components = []discordgo.MessageComponent{}
		}
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if resp.Data == nil {
			resp.Data = &discordgo.InteractionResponseData{}
		}
		resp.Data = &discordgo.InteractionResponseData{Choices: fitChoices(resp.Data.Choices)}
	default:
		if resp.Data == nil {
			resp.Data = &discordgo.InteractionResponseData{}
		}
		fitMessage(resp.Data)
	}
	return resp
}

func fitChoices(in []*discordgo.ApplicationCommandOptionChoice) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(in), maxChoices))
	seen := map[string]bool{}
	for _, c := range in {
		if len(out) == maxChoices {
			break
		}
		if c == nil {
			continue
		}
		name := cutPlain(strings.TrimSpace(c.Name), maxChoiceName, true)
		var value any = c.Value
		if s, ok := c.Value.(string); ok {
			s = cutPlain(strings.TrimSpace(s), maxChoiceValue, false)
			if s == "" || seen[s] {
				continue
			}
			seen[s] = true
			value = s
		}
		if name == "" {
			continue
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: value})
	}
	return out
}

// fitMessage applies the message limits to a type 4 (or edit) payload.
func fitMessage(d *discordgo.InteractionResponseData) {
	d.Flags &= discordgo.MessageFlagsEphemeral | discordgo.MessageFlagsSuppressEmbeds
	d.AllowedMentions = noMentions()
	d.Choices = nil
	d.Content = cutMarkdown(d.Content, maxContent)

	var embeds []*discordgo.MessageEmbed
	for _, e := range d.Embeds {
		if len(embeds) == maxEmbeds {
			break
		}
		if e = fitEmbed(e); e != nil {
			embeds = append(embeds, e)
		}
	}
	fitTotal(embeds)
	d.Embeds = embeds
	d.Components = fitComponents(d.Components)
	if strings.TrimSpace(d.Content) == "" && len(d.Embeds) == 0 {
		d.Content = "Nothing to show."
	}
}

// Component limits.
const (
	maxRows        = 5
	maxRowButtons  = 5
	maxButtonLabel = 80
	maxCustomID    = 100
)

// fitComponents keeps what Discord accepts of a message's components: at
// most 5 rows of at most 5 buttons, labels of at most 80 characters, and
// custom ids of 1 to 100 characters, unique in the message. Rows left
// empty are dropped; nil stays nil (components unchanged on an edit) and an
// empty list stays empty (components removed).
func fitComponents(in []discordgo.MessageComponent) []discordgo.MessageComponent {
	if in == nil {
		return nil
	}
	out := []discordgo.MessageComponent{}
	seen := map[string]bool{}
	for _, c := range in {
		row, ok := c.(discordgo.ActionsRow)
		if !ok || len(out) == maxRows {
			continue
		}
		var buttons []discordgo.MessageComponent
		for _, b := range row.Components {
			btn, ok := b.(discordgo.Button)
			if !ok || len(buttons) == maxRowButtons {
				continue
			}
			btn.Label = cutPlain(strings.TrimSpace(btn.Label), maxButtonLabel, true)
			if btn.Style == discordgo.LinkButton {
				if !validURL(btn.URL) || btn.Label == "" {
					continue
				}
				btn.CustomID = ""
			} else if n := len(btn.CustomID); n == 0 || n > maxCustomID || seen[btn.CustomID] || btn.Label == "" {
				continue
			}
			seen[btn.CustomID] = true
			buttons = append(buttons, btn)
		}
		if len(buttons) > 0 {
			out = append(out, discordgo.ActionsRow{Components: buttons})
		}
	}
	return out
}

// fitEmbed cuts one embed's parts to their limits; it returns nil for an
// embed with nothing to show.
func fitEmbed(e *discordgo.MessageEmbed) *discordgo.MessageEmbed {
	if e == nil {
		return nil
	}
	e.Title = cutMarkdown(e.Title, maxTitle)
	e.Description = cutMarkdown(e.Description, maxDescription)
	if !validURL(e.URL) || e.Title == "" {
		e.URL = ""
	}
	if e.Author != nil {
		e.Author.Name = cutPlain(e.Author.Name, maxAuthor, true)
		if !validURL(e.Author.URL) {
			e.Author.URL = ""
		}
		if e.Author.Name == "" {
			e.Author = nil
		}
	}
	if e.Footer != nil {
		e.Footer.Text = cutPlain(e.Footer.Text, maxFooter, true)
		if e.Footer.Text == "" {
			e.Footer = nil
		}
	}
	var fields []*discordgo.MessageEmbedField
	for _, f := range e.Fields {
		if len(fields) == maxFields {
			break
		}
		if f == nil || strings.TrimSpace(f.Value) == "" {
			continue
		}
		f.Name = cutMarkdown(f.Name, maxFieldName)
		if strings.TrimSpace(f.Name) == "" {
			f.Name = placeholder
		}
		f.Value = cutMarkdown(f.Value, maxFieldValue)
		fields = append(fields, f)
	}
	e.Fields = fields
	if e.Title == "" && strings.TrimSpace(e.Description) == "" && e.Author == nil && e.Footer == nil && len(e.Fields) == 0 {
		return nil
	}
	return e
}

// part is one text of an embed that counts toward the 6000 total.
type part struct {
	s     *string
	plain bool // author and footer: plain text, not Markdown
	body  bool // description or field value: cut these first
}

func embedParts(embeds []*discordgo.MessageEmbed) []part {
	var ps []part
	for _, e := range embeds {
		ps = append(ps, part{s: &e.Title}, part{s: &e.Description, body: true})
		for _, f := range e.Fields {
			ps = append(ps, part{s: &f.Name}, part{s: &f.Value, body: true})
		}
		if e.Footer != nil {
			ps = append(ps, part{s: &e.Footer.Text, plain: true})
		}
		if e.Author != nil {
			ps = append(ps, part{s: &e.Author.Name, plain: true})
		}
	}
	return ps
}

func embedTotal(embeds []*discordgo.MessageEmbed) int {
	n := 0
	for _, p := range embedParts(embeds) {
		n += textLen(*p.s)
	}
	return n
}

// fitTotal brings all embeds of a message to at most 6000 units together by
// cutting the longest text first, descriptions and field values before
// titles, footers and author names.
func fitTotal(embeds []*discordgo.MessageEmbed) {
	ps := embedParts(embeds)
	lens := make([]int, len(ps))
	total := 0
	for i, p := range ps {
		lens[i] = textLen(*p.s)
		total += lens[i]
	}
	for total > maxEmbedTotal {
		pick := -1
		for _, bodyOnly := range []bool{true, false} {
			for i, p := range ps {
				if (!bodyOnly || p.body) && (pick < 0 || lens[i] > lens[pick]) {
					pick = i
				}
			}
			if lens[pick] > 64 {
				break
			}
		}
		if lens[pick] <= 2 {
			return // cannot happen within 10 embeds of 25 fields; stop rather than loop
		}
		p := ps[pick]
		target := max(lens[pick]-(total-maxEmbedTotal), lens[pick]/2)
		if p.plain {
			*p.s = cutPlain(*p.s, target, true)
		} else {
			*p.s = cutMarkdown(*p.s, target)
		}
		if strings.TrimSpace(*p.s) == "" && !p.body {
			*p.s = placeholder
		}
		n := textLen(*p.s)
		total += n - lens[pick]
		lens[pick] = n
	}
}

// validURL reports whether Discord accepts u as an embed link: an absolute
// http or https URL of reasonable length.
func validURL(u string) bool {
	if u == "" || len(u) > maxURL || strings.ContainsAny(u, " \t\r\n") {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}
