package index

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"summitbot/lexicon"

	"summitbot/quote"
)

// Titles are how articles and members name people by what they are rather
// than who: "Russian President", "the Czech foreign minister", "White House
// press secretary", "the spokesman". A title is read into tokens: roles
// (groupdata/roles.tsv: "premier" and "pm" are the prime minister's role),
// groups of the table ("Russian", "White House" → the United States),
// modifiers that make another office ("former", "vice", "deputy") and plain
// words ("Skellan", "foreign policy"). Requests are read the same way and
// compared token by token (see matchTitle).

// roleTable maps the words of roles to their role.
type roleTable struct {
	byVariant map[string]string // folded variant → role
	maxWords  int               // the longest variant, in words
	// loose lists, per role, the request roles that match it less closely.
	loose map[string]map[string]bool
}

// nickname is what a short form or nickname stands for: a table person, or
// whoever holds an office (group and role).
type nickname struct {
	person       *person
	group, role  string
	officeTarget bool
}

// camp is a kind of people the articles describe rather than name.
type camp struct {
	id, name string
	// words are the description words that place a speaker in the camp.
	words map[string]bool
	// phrases are the description words of more than one word.
	phrases []string
	// terms are the request words, for mentions in paragraphs.
	terms []string
}

// titleModifiers make a different office of the same role: a title with
// one matches only a request with it.
var titleModifiers = map[string]string{"former": "former", "ex": "former", "vice": "vice", "deputy": "deputy",
	"acting": "acting", "outgoing": "former", "late": "former", "first deputy": "deputy", "interim": "acting"}

// titleStopWords carry no meaning in a title or request.
var titleStopWords = map[string]bool{"the": true, "a": true, "an": true, "of": true, "s": true, "his": true, "her": true,
	"its": true, "their": true, "what": true, "did": true, "say": true, "says": true, "said": true, "quotes": true,
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true, "lord": true,
	"mister": true, "madam": true, "herr": true, "monsieur": true}

// honorifics go before a name and say nothing of who is meant ("mr
// putin").
var honorifics = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "mister": true,
	"madam": true, "herr": true, "monsieur": true, "comrade": true}

func (t *groupTable) loadTitles() error {
	t.roles = roleTable{byVariant: map[string]string{}, loose: map[string]map[string]bool{}}
	rows, err := readTSV("groupdata/roles.tsv", 3)
	if err != nil {
		return err
	}
	for _, f := range rows {
		role := normTerm(f[0])
		for _, v := range append([]string{role}, splitList(f[1])...) {
			t.roles.byVariant[v] = role
			t.roles.maxWords = max(t.roles.maxWords, len(strings.Fields(v)))
		}
		for _, l := range splitList(f[2]) {
			if t.roles.loose[role] == nil {
				t.roles.loose[role] = map[string]bool{}
			}
			t.roles.loose[role][l] = true
		}
	}
	for role, ls := range t.roles.loose {
		for l := range ls {
			if _, ok := t.roles.byVariant[l]; !ok {
				return fmt.Errorf("index: group table: roles.tsv: %s: loose role %q is no role's variant", role, l)
			}
		}
	}
	for _, p := range t.people {
		for i := range p.offices {
			o := &p.offices[i]
			for _, d := range []string{o.from, o.to} {
				if _, err := time.Parse(time.DateOnly, d); d != "" && err != nil {
					return fmt.Errorf("index: group table: people.tsv: %s: date %q: %w", p.name, d, err)
				}
			}
			o.title, o.former = t.officeTitle(p, o.role), t.officeTitle(p, "former "+o.role)
		}
	}
	t.nicknames = map[string]nickname{}
	rows, err = readTSV("groupdata/nicknames.tsv", 2)
	if err != nil {
		return err
	}
	for _, f := range rows {
		key := normTerm(f[0])
		target := strings.TrimSpace(f[1])
		if rest, ok := strings.CutPrefix(target, "office:"); ok {
			group, role, _ := strings.Cut(rest, ":")
			role = normTerm(role)
			if _, ok := t.groups[group]; !ok {
				return fmt.Errorf("index: group table: nicknames.tsv: %s: unknown group %q", key, group)
			}
			if _, ok := t.roles.byVariant[role]; !ok {
				return fmt.Errorf("index: group table: nicknames.tsv: %s: unknown role %q", key, role)
			}
			t.nicknames[key] = nickname{group: group, role: t.roles.byVariant[role], officeTarget: true}
			continue
		}
		var p *person
		for _, g := range t.byTerm[normTerm(target)] {
			if g.person != nil {
				p = g.person
			}
		}
		if p == nil {
			return fmt.Errorf("index: group table: nicknames.tsv: %s: %q is not in people.tsv", key, target)
		}
		t.nicknames[key] = nickname{person: p}
	}
	// The one-word group names, role words and camp words, for mending
	// typos.
	for term, gs := range t.byTerm {
		if strings.Contains(term, " ") || len(term) < 4 {
			continue
		}
		for _, g := range gs {
			if g.kind != "person" {
				t.oneWordTerms = append(t.oneWordTerms, term)
				break
			}
		}
	}
	seen := map[string]bool{}
	for v := range t.roles.byVariant {
		for _, w := range strings.Fields(v) {
			if len(w) >= 4 && !seen[w] && t.byTerm[w] == nil {
				seen[w] = true
				t.oneWordTerms = append(t.oneWordTerms, w)
			}
		}
	}
	t.campByTerm = map[string]*camp{}
	rows, err = readTSV("groupdata/camps.tsv", 4)
	if err != nil {
		return err
	}
	for _, f := range rows {
		c := &camp{id: f[0], name: f[1], words: map[string]bool{}, terms: splitList(f[2])}
		for _, w := range splitList(f[3]) {
			if strings.Contains(w, " ") {
				c.phrases = append(c.phrases, w)
			} else {
				c.words[w] = true
			}
		}
		for _, term := range c.terms {
			if _, dup := t.campByTerm[term]; !dup {
				t.campByTerm[term] = c
			}
		}
		t.camps = append(t.camps, c)
		for _, term := range c.terms {
			for _, w := range strings.Fields(term) {
				if len(w) >= 4 && !seen[w] && t.byTerm[w] == nil {
					seen[w] = true
					t.oneWordTerms = append(t.oneWordTerms, w)
				}
			}
		}
	}
	sort.Strings(t.oneWordTerms)
	return nil
}

// Token kinds.
const (
	tokRole     = 'r' // val: the role
	tokGroup    = 'g' // val: the group id
	tokModifier = 'm' // val: the modifier
	tokWord     = 'w' // val: the folded word
)

type titleTok struct {
	kind byte
	val  string
	// surface is the words as written, folded, for a closer match.
	surface string
}

// title is one title a speaker holds, read into tokens.
type title struct {
	text string
	toks []titleTok
	// head is the index of the first role (the title's own office; later
	// roles describe something else: "adviser to President Trump"), -1
	// when there is none.
	head int
	// fromTable: the title is an office of people.tsv.
	fromTable bool
}

// titleTokens splits a title or request into folded words, "ex-" and
// possessives apart (see descWords) ("Russia's" → russia).
func titleTokens(text string) []string {
	var out []string
	for _, w := range descWords(text) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// readTitle reads a title or request into tokens: at each word the longest
// role variant, else the longest group term (four words at most), else a
// modifier, else a plain word; stop words are dropped.
func (t *groupTable) readTitle(text string) title {
	ws := titleTokens(text)
	tt := title{text: text, head: -1}
	for i := 0; i < len(ws); {
		n, tok := t.tokenAt(ws, i)
		if n == 0 {
			i++
			continue
		}
		if tok.kind == tokRole && tt.head < 0 {
			tt.head = len(tt.toks)
		}
		tt.toks = append(tt.toks, tok)
		i += n
	}
	return tt
}

func (t *groupTable) tokenAt(ws []string, i int) (int, titleTok) {
	for n := min(t.roles.maxWords, len(ws)-i); n >= 1; n-- {
		phrase := strings.Join(ws[i:i+n], " ")
		if role, ok := t.roles.byVariant[phrase]; ok {
			return n, titleTok{kind: tokRole, val: role, surface: phrase}
		}
		if n <= 2 {
			if m, ok := titleModifiers[phrase]; ok {
				return n, titleTok{kind: tokModifier, val: m, surface: phrase}
			}
		}
		if n <= 4 {
			for _, g := range t.byTerm[phrase] {
				if g.kind != "person" {
					return n, titleTok{kind: tokGroup, val: g.id, surface: phrase}
				}
			}
		}
	}
	if titleStopWords[ws[i]] {
		return 1, titleTok{}
	}
	return 1, titleTok{kind: tokWord, val: ws[i], surface: ws[i]}
}

// groupsOf lists a title's own groups: those before its role ("Russian
// President"), or, when it opens with its role, those after ("President of
// Russia"); not those of what follows ("US envoy to Russia" is American).
func (tt *title) groupsOf() []string {
	var before, after []string
	for i, tok := range tt.toks {
		if tok.kind != tokGroup {
			continue
		}
		if tt.head < 0 || i < tt.head {
			before = append(before, tok.val)
		} else {
			after = append(after, tok.val)
		}
	}
	if len(before) > 0 {
		return before
	}
	return after
}

func (tt *title) has(kind byte, val string) bool {
	for _, tok := range tt.toks {
		if tok.kind == kind && tok.val == val {
			return true
		}
	}
	return false
}

// request is a /quotes or /reactions request read as a title.
type request struct {
	title
	roles, groups, modifiers, words []titleTok
}

func (t *groupTable) readRequest(text string) request {
	r := request{title: t.readTitle(text)}
	for _, tok := range r.toks {
		switch tok.kind {
		case tokRole:
			r.roles = append(r.roles, tok)
		case tokGroup:
			r.groups = append(r.groups, tok)
		case tokModifier:
			r.modifiers = append(r.modifiers, tok)
		case tokWord:
			r.words = append(r.words, tok)
		}
	}
	return r
}

// Title match scores (see matchTitle); names score more (see resolve.go).
const (
	titleExact = 70 // the request's role is the title's
	titleLoose = 55 // a looser role ("leader" for a president)
)

// matchTitle scores how well a speaker's title answers a request: every
// role, group, modifier and word of the request must be in the title (a
// group may be the speaker's own when the title names none), and the title
// may have no modifier the request lacks ("Vice President" is no answer to
// "the president"). 0 when it does not match.
func (t *groupTable) matchTitle(r *request, tt *title, own map[string]int) int {
	if len(r.roles) == 0 || tt.head < 0 {
		return 0
	}
	head := tt.toks[tt.head].val
	want := r.roles[0]
	if surfaceNamesBody(tt.toks[tt.head].surface) && !surfaceNamesBody(want.surface) {
		// A body ("Russian Foreign Ministry") answers a request for the
		// body, not for the person ("the russian foreign minister").
		return 0
	}
	score := 0
	switch {
	case want.val == head:
		score = titleExact
	case t.roles.loose[head][want.val] || t.roles.loose[head][want.surface]:
		score = titleLoose
	default:
		return 0
	}
	for _, role := range r.roles[1:] {
		if !tt.has(tokRole, role.val) {
			return 0
		}
	}
	for _, tok := range tt.toks {
		if tok.kind == tokModifier && !r.has(tokModifier, tok.val) {
			return 0
		}
	}
	for _, m := range r.modifiers {
		if !tt.has(tokModifier, m.val) {
			return 0
		}
	}
	groups := tt.groupsOf()
	for _, g := range r.groups {
		switch {
		case containsString(groups, g.val):
		case len(groups) == 0 && own[g.val] >= memberFull:
		default:
			inside := false
			for _, tg := range groups {
				if t.ancestors[tg][g.val] >= memberFull {
					inside = true
				}
			}
			if !inside {
				return 0
			}
			score -= 2
		}
	}
	for _, w := range r.words {
		found := false
		for _, tok := range tt.toks {
			if tok.kind == tokWord && wordMatch(w.val, tok.val) ||
				tok.kind == tokGroup && containsString(strings.Fields(tok.surface), w.val) {
				// A word of a group's name ("commission" of "European
				// Commission") counts too.
				found = true
				break
			}
		}
		if !found {
			return 0
		}
	}
	// Closer: the request's own words in the title ("premier" for a
	// Premier, not a Prime Minister). Among equals the most quoted wins
	// (pickPeople).
	same := 0
	for _, q := range r.toks {
		for _, tok := range tt.toks {
			if q.surface == tok.surface {
				same++
				break
			}
		}
	}
	score += 2 * min(same, 2)
	return score
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// officeTitles are a table person's offices as titles at a date
// (YYYY-MM-DD, "" when not known): the offices held then, and those held
// before as "former …"; offices not begun yet are left out.
func (t *groupTable) officeTitles(p *person, date string) []title {
	var out []title
	for _, o := range p.offices {
		switch {
		case date != "" && o.from != "" && date < o.from:
			continue
		case o.to != "" && (date == "" || date >= o.to):
			out = append(out, o.former)
		default:
			out = append(out, o.title)
		}
	}
	return out
}

// officeTitle reads a person's role as a title of the table.
func (t *groupTable) officeTitle(p *person, role string) title {
	tt := t.readTitle(role)
	if len(tt.groupsOf()) == 0 {
		// "Kremlin spokesman" names its group; "Taoiseach" does not.
		if g := t.groups[p.group]; g != nil && tt.head >= 0 {
			tt.toks = append(tt.toks, titleTok{kind: tokGroup, val: p.group, surface: normTerm(g.name)})
		}
	}
	tt.fromTable = true
	return tt
}

// holders lists the table people who hold an office (group and role) at a
// date ("" when not known: those with no end).
func (t *groupTable) holders(group, role, date string) []*person {
	var out []*person
	for _, p := range t.people {
		if p.group != group {
			continue
		}
		for _, o := range p.offices {
			if date == "" && o.to != "" || date != "" && (o.from != "" && date < o.from || o.to != "" && date >= o.to) {
				continue
			}
			if tt := &o.title; tt.head >= 0 && tt.toks[tt.head].val == role && !tt.hasKind(tokModifier) {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

func (tt *title) hasKind(kind byte) bool {
	for _, tok := range tt.toks {
		if tok.kind == kind {
			return true
		}
	}
	return false
}

// officeOf reads a description that names an office and nothing else ("the
// French president", "Russia's foreign minister"): its group and role.
func (t *groupTable) officeOf(desc string) (group, role string, ok bool) {
	tt := t.readTitle(desc)
	if tt.head < 0 || tt.hasKind(tokModifier) || tt.hasKind(tokWord) {
		return "", "", false
	}
	gs := tt.groupsOf()
	roles := 0
	for _, tok := range tt.toks {
		if tok.kind == tokRole {
			roles++
		}
	}
	if len(gs) != 1 || roles != 1 {
		return "", "", false
	}
	return gs[0], tt.toks[tt.head].val, true
}

// officeHolder links a speaker the article names only by an office ("the
// French president said") to the table person holding it at the date of
// the articles quoting them; nil when no one or several do.
func officeHolder(sp *speakerInfo, gt *groupTable) *person {
	var found *person
	for _, d := range sp.descriptions {
		group, role, ok := gt.officeOf(d)
		if !ok {
			continue
		}
		hs := gt.holders(group, role, sp.date)
		if len(hs) != 1 || found != nil && found != hs[0] {
			return nil
		}
		found = hs[0]
	}
	return found
}

// speakerTitles reads a speaker's titles: a table person's offices at the
// speaker's date, then the descriptions (for a table person, only those of
// an office the table gives them: attribution may take another's title
// for theirs).
func speakerTitles(sp *speakerInfo, gt *groupTable) []title {
	var out []title
	var heads []string
	if sp.person != nil {
		for _, tt := range gt.officeTitles(sp.person, sp.date) {
			out = append(out, tt)
			if tt.head >= 0 {
				heads = append(heads, tt.toks[tt.head].val)
			}
		}
	}
	for _, d := range sp.descriptions {
		tt := gt.readTitle(d)
		if tt.head < 0 {
			continue
		}
		if sp.person != nil && len(heads) > 0 && !containsString(heads, tt.toks[tt.head].val) {
			continue
		}
		out = append(out, tt)
	}
	if sp.kind == quote.Organisation {
		// A body's name is its title ("French Presidency", "Kremlin press
		// office").
		if tt := gt.readTitle(sp.name); tt.head >= 0 {
			out = append(out, tt)
		}
	}
	return out
}

// linkOffices links the quotes an article gives only an office for ("the
// French president said", and no name anywhere) to the table person who held
// that office on the article's date, as that person's byOffice quotes: the
// person's speaker when the articles quote them elsewhere, else a speaker
// of their own.
func linkOffices(s *snapshot, refs []quoteRef, gt *groupTable) {
	if len(refs) == 0 {
		return
	}
	byPerson := map[*person]*speakerInfo{}
	for _, sp := range s.byKey {
		if sp.kind != quote.Person || sp.name == "" {
			continue
		}
		p := gt.matchPerson(sp.name)
		for _, a := range sp.aliases {
			if p == nil {
				p = gt.matchPerson(a)
			}
		}
		if p != nil && (byPerson[p] == nil || len(sp.quotes) > len(byPerson[p].quotes) ||
			len(sp.quotes) == len(byPerson[p].quotes) && sp.key < byPerson[p].key) {
			byPerson[p] = sp
		}
	}
	type office struct {
		group, role string
		ok          bool
	}
	offices := map[string]office{}   // descriptions repeat
	linked := map[*speakerInfo]int{} // unnamed office labels: quotes linked
	for _, r := range refs {
		q := r.q()
		o, seen := offices[q.Description]
		if !seen {
			o.group, o.role, o.ok = gt.officeOf(q.Description)
			offices[q.Description] = o
		}
		if !o.ok {
			continue
		}
		group, role := o.group, o.role
		date := r.art.src.Published
		if len(date) > 10 {
			date = date[:10]
		}
		p := onlyOne(gt.holders(group, role, date))
		if p == nil {
			continue
		}
		sp := byPerson[p]
		if sp == nil {
			sp = s.byKey[p.name]
		}
		if sp == nil {
			sp = &speakerInfo{key: p.name, name: p.name, kind: quote.Person}
			s.byKey[p.name] = sp
			byPerson[p] = sp
		}
		sp.byOffice = append(sp.byOffice, r)
		sp.descriptions = appendDistinct(sp.descriptions, strings.TrimSpace(q.Description))
		if q.Kind == quote.Unnamed {
			if label := s.byKey[speakerKey(q)]; label != nil {
				linked[label]++
			}
		}
	}
	for label, n := range linked {
		label.officeLinked = n == len(label.quotes)
	}
}

// correctRequest mends the typos of a request's words that are neither
// roles nor groups ("russain" → "russian", "minster" → "minister"): a word
// of five letters or more one edit or one swap of neighbours away from
// exactly one one-word group name or role word. It returns the request
// unchanged when there is nothing to mend.
func (t *groupTable) correctRequest(ws []string) []string {
	out := append([]string(nil), ws...)
	for i, w := range ws {
		if len(w) < 5 || t.byTerm[w] != nil || t.roles.byVariant[w] != "" || titleStopWords[w] {
			continue
		}
		if _, known := slices.BinarySearch(t.oneWordTerms, w); known {
			continue
		}
		found := ""
		for _, cand := range t.oneWordTerms {
			if cand != w && (lexicon.Within(w, cand, 1) || swapped(w, cand)) {
				if found != "" && found != cand && !pluralOf(found, cand) && !pluralOf(cand, found) {
					found = "" // two different words: no telling which
					break
				}
				if found == "" {
					found = cand
				}
			}
		}
		if found != "" {
			out[i] = found
		}
	}
	return out
}

// swapped reports whether b is a with two neighbouring letters swapped.
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
