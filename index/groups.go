package index

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"summitbot/lexicon"
)

// The group table is data: countries (with demonyms, capitals and seats of
// government), blocs and regions, and people known for 2025, embedded from
// groupdata/*.tsv. Groups the table does not know (invented countries, camps
// such as "the opposition") are found in the articles themselves: see
// resolveGroup.
//
//go:embed groupdata/*.tsv
var groupData embed.FS

// Membership strengths: how a member country's people speak for a bloc.
const (
	memberNone = 0
	memberWeak = 1
	memberFull = 2
)

type group struct {
	id, name, kind string // kind: country, bloc, person
	membership     int
	// terms are the folded lower-case names the group goes by in text:
	// name, aliases, demonyms, capitals (for a person: name and aliases).
	terms    []string
	demonyms []string
	parents  []string
	person   *person
}

type person struct {
	name    string
	norm    string   // folded lower full name
	aliases []string // folded lower
	first   string   // first token of the name
	last    string   // last token of the name
	group   string
	role    string   // the latest office's role
	offices []office // in table order, the latest last
}

// office is one office a person holds or held: from and to are
// YYYY-MM-DD, "" when open or not known.
type office struct {
	role     string
	from, to string
	// title and former are the role read as a title, in office and after
	// it ("former …"), with the person's group when the role names none
	// (see loadTitles).
	title, former title
}

// dateField reads a date column: "-" is no date.
func dateField(s string) string {
	s = strings.TrimSpace(s)
	if s == "-" {
		return ""
	}
	return s
}

// groupTable is immutable once loaded.
type groupTable struct {
	groups map[string]*group
	// byTerm maps every folded term to the groups it names.
	byTerm map[string][]*group
	people []*person
	// personByToken maps single-token aliases and last names to people.
	personByToken map[string][]*person
	// ancestors maps a group id to every group it belongs to, with the
	// weakest strength along the way.
	ancestors map[string]map[string]int
	// names is every group's display name, for autocomplete.
	names []string
	// titles: roles, nicknames and camps (see titles.go).
	roles     roleTable
	nicknames map[string]nickname
	camps     []*camp
	// campByTerm maps a camp's request words to it.
	campByTerm map[string]*camp
	// oneWordTerms are the one-word group names and role words, sorted.
	oneWordTerms []string
}

func normTerm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(lexicon.Fold(s))), " ")
}

func splitList(s string) []string {
	if s == "" || s == "-" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = normTerm(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func readTSV(name string, cols int) ([][]string, error) {
	data, err := groupData.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("index: group table %s: %w", name, err)
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != cols {
			return nil, fmt.Errorf("index: group table %s:%d: %d columns, want %d", name, line, len(f), cols)
		}
		rows = append(rows, f)
	}
	return rows, sc.Err()
}

// loadGroups parses the embedded group table.
func loadGroups() (*groupTable, error) {
	t := &groupTable{
		groups:        map[string]*group{},
		byTerm:        map[string][]*group{},
		personByToken: map[string][]*person{},
		ancestors:     map[string]map[string]int{},
	}
	add := func(g *group) error {
		if _, dup := t.groups[g.id]; dup {
			return fmt.Errorf("index: group table: duplicate id %q", g.id)
		}
		t.groups[g.id] = g
		seen := map[string]bool{}
		for _, term := range g.terms {
			if seen[term] {
				continue
			}
			seen[term] = true
			t.byTerm[term] = append(t.byTerm[term], g)
		}
		t.names = append(t.names, g.name)
		return nil
	}
	blocs, err := readTSV("groupdata/blocs.tsv", 6)
	if err != nil {
		return nil, err
	}
	for _, f := range blocs {
		g := &group{id: f[0], name: f[1], kind: "bloc", parents: splitList(f[5])}
		switch f[4] {
		case "full":
			g.membership = memberFull
		case "weak":
			g.membership = memberWeak
		case "none":
			g.membership = memberNone
		default:
			return nil, fmt.Errorf("index: group table: bloc %s: membership %q", f[0], f[4])
		}
		g.demonyms = splitList(f[3])
		g.terms = append(append([]string{normTerm(f[1])}, splitList(f[2])...), g.demonyms...)
		if err := add(g); err != nil {
			return nil, err
		}
	}
	countries, err := readTSV("groupdata/countries.tsv", 6)
	if err != nil {
		return nil, err
	}
	for _, f := range countries {
		g := &group{id: f[0], name: f[1], kind: "country", parents: splitList(f[5]), membership: memberFull}
		g.demonyms = splitList(f[3])
		g.terms = append(append(append([]string{normTerm(f[1])}, splitList(f[2])...), g.demonyms...), splitList(f[4])...)
		if err := add(g); err != nil {
			return nil, err
		}
	}
	people, err := readTSV("groupdata/people.tsv", 6)
	if err != nil {
		return nil, err
	}
	byName := map[string]*person{}
	for _, f := range people {
		o := office{role: f[3], from: dateField(f[4]), to: dateField(f[5])}
		if p := byName[normTerm(f[0])]; p != nil {
			// Another office of a person already read.
			if p.group != f[2] {
				return nil, fmt.Errorf("index: group table: %s: offices in two groups (%s, %s)", p.name, p.group, f[2])
			}
			p.offices = append(p.offices, o)
			for _, a := range splitList(f[1]) {
				p.aliases = appendDistinct(p.aliases, a)
				t.byTerm[a] = append(t.byTerm[a], t.groups["person:"+p.norm])
				if !strings.Contains(a, " ") {
					t.personByToken[a] = append(t.personByToken[a], p)
				}
			}
			continue
		}
		p := &person{name: f[0], norm: normTerm(f[0]), aliases: splitList(f[1]), group: f[2], role: f[3], offices: []office{o}}
		byName[p.norm] = p
		toks := strings.Fields(p.norm)
		p.first, p.last = toks[0], toks[len(toks)-1]
		if _, ok := t.groups[p.group]; !ok {
			return nil, fmt.Errorf("index: group table: %s: unknown group %q", p.name, p.group)
		}
		t.people = append(t.people, p)
		g := &group{id: "person:" + p.norm, name: p.name, kind: "person", person: p, parents: []string{p.group}, membership: memberFull}
		g.terms = append([]string{p.norm}, p.aliases...)
		if err := add(g); err != nil {
			return nil, err
		}
		tokens := map[string]bool{p.last: true}
		for _, a := range p.aliases {
			if !strings.Contains(a, " ") {
				tokens[a] = true
			}
		}
		for tok := range tokens {
			t.personByToken[tok] = append(t.personByToken[tok], p)
		}
	}
	for _, p := range t.people {
		// The role the person is known by: the latest office.
		p.role = p.offices[len(p.offices)-1].role
	}
	if err := t.loadTitles(); err != nil {
		return nil, err
	}
	for id, g := range t.groups {
		for _, pid := range g.parents {
			if _, ok := t.groups[pid]; !ok {
				return nil, fmt.Errorf("index: group table: %s: unknown parent %q", id, pid)
			}
		}
	}
	for id := range t.groups {
		t.ancestors[id] = t.walkUp(id)
	}
	sort.Strings(t.names)
	return t, nil
}

// walkUp finds every group id belongs to. A country's strength in a bloc is
// the bloc's membership; along a chain the weakest link wins.
func (t *groupTable) walkUp(id string) map[string]int {
	out := map[string]int{}
	type item struct {
		id       string
		strength int
	}
	queue := []item{{id, memberFull}}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		g := t.groups[it.id]
		for _, pid := range g.parents {
			p := t.groups[pid]
			s := it.strength
			if g.kind != "person" && p.membership < s {
				s = p.membership
			}
			if s == memberNone {
				continue
			}
			if old, seen := out[pid]; seen && old >= s {
				continue
			}
			out[pid] = s
			queue = append(queue, item{pid, s})
		}
	}
	return out
}

// matchPerson finds the table person a corpus speaker's name stands for.
func (t *groupTable) matchPerson(name string) *person {
	n := normTerm(name)
	if n == "" {
		return nil
	}
	if gs := t.byTerm[n]; len(gs) > 0 {
		for _, g := range gs {
			if g.person != nil {
				return g.person
			}
		}
	}
	toks := strings.Fields(n)
	last := toks[len(toks)-1]
	var found *person
	for _, p := range t.personByToken[last] {
		if len(toks) == 1 || toks[0] == p.first || len(toks[0]) <= 2 && strings.HasPrefix(p.first, strings.TrimSuffix(toks[0], ".")) {
			if found != nil && found != p {
				return nil // ambiguous
			}
			found = p
		}
	}
	return found
}

// groupsInText finds the table countries and blocs a short text (a speaker's
// affiliation, description or organisation name) names. first limits the
// answer to the first one named.
func (t *groupTable) groupsInText(text string, first bool) []*group {
	words := descWords(text)
	var out []*group
	for i := 0; i < len(words); i++ {
		for n := 4; n >= 1; n-- {
			if i+n > len(words) {
				continue
			}
			term := strings.Join(words[i:i+n], " ")
			gs := t.byTerm[term]
			var hit bool
			for _, g := range gs {
				if g.kind == "person" {
					continue
				}
				out = append(out, g)
				hit = true
			}
			if hit {
				if first {
					return out
				}
				i += n - 1
				break
			}
		}
	}
	return out
}

// descWords splits a short text into folded lower-case words, dropping
// surrounding punctuation and a possessive 's.
func descWords(text string) []string {
	raw := strings.FieldsFunc(normTerm(text), func(r rune) bool {
		return r == ' ' || r == ',' || r == '(' || r == ')' || r == ';' || r == ':' || r == '"' || r == '/'
	})
	out := make([]string, 0, len(raw))
	for _, w := range raw {
		w = strings.Trim(w, ".-'")
		w = strings.TrimSuffix(w, "'s")
		if rest, ok := strings.CutPrefix(w, "ex-"); ok && rest != "" {
			// "Ex-Tory minister": a former one, of the Tories.
			out = append(out, "ex")
			w = rest
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// otherNames lists the one-word names of the country or bloc a word names
// ("ukraine" → ukrainian, kyiv, kiev …), for matching a question's words;
// nil when the word names none.
func (t *groupTable) otherNames(w string) map[string]bool {
	var out map[string]bool
	for _, g := range t.byTerm[w] {
		if g.kind == "person" {
			continue
		}
		for _, term := range g.terms {
			if !strings.Contains(term, " ") && term != w {
				if out == nil {
					out = map[string]bool{}
				}
				out[term] = true
			}
		}
	}
	return out
}
