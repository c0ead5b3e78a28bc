package index

import (
	"slices"
	"strings"
	"summitbot/quote"
	"unicode/utf8"
)

// groupQuery is what a /reactions query resolved to.
type groupQuery struct {
	label string
	// kind: "table" (the group table knows it), "person" (a speaker of the
	// articles), "derived" (a place or body the articles' speakers are
	// described by, e.g. "Norvala" from "Norvalan Prime Minister"),
	// "unknown" (a camp such as "fishermen": plain search).
	kind string
	// official tells whether office holders speak for the group first
	// (countries, blocs, places), rather than anyone in it (camps).
	official bool
	members  map[*speakerInfo]int // speaker → strength (memberWeak, memberFull, 3 = the person asked for)
	terms    []string             // folded words or phrases whose mention counts
	prefixes []string             // word prefixes whose mention counts (places the table does not know)
	stemmed  []string             // words searched on the stemmed field (camps)
	// within, when set, are a group's terms a paragraph found by its
	// mention of terms must also name ("russian media": the media, in
	// Russia).
	within  []string
	byFirst map[string][][]string
	// subject shows what the request resolved to; also names the others it
	// matched (a role several people hold).
	subject string
	also    []string
	// voices are the members that speak as the institution the request
	// named ("the kremlin": the Kremlin itself, the Kremlin spokesman, a
	// Kremlin aide), when it named one rather than the country: they score
	// voiceBonus more (see voiceOf).
	voices map[*speakerInfo]bool
}

// voiceBonus lifts a voice of the institution a request named above the
// country's other office holders, by less than the repeat penalty of
// diversify: the institution first, then other voices.
const voiceBonus = 2

// voiceOf is what sp scores more as a voice of the institution the
// request named: voiceBonus or 0.
func (gq *groupQuery) voiceOf(sp *speakerInfo) float64 {
	if sp != nil && gq.voices[sp] {
		return voiceBonus
	}
	return 0
}

var leadingArticles = map[string]bool{"the": true, "a": true, "an": true}

// resolveGroup turns a group query into members and mention terms. "X
// and Y" is both groups, when each is one. A request no group answers is
// tried again with its typos of group names and role words mended
// ("hungray").
func (e *Engine) resolveGroup(s *snapshot, raw []queryWord) groupQuery {
	gq := e.resolveGroupWords(s, raw)
	if gq.kind != "unknown" {
		return gq
	}
	low := make([]string, len(raw))
	for i, w := range raw {
		low[i] = w.low
	}
	mended := e.gt.correctRequest(low)
	if slices.Equal(mended, low) {
		return gq
	}
	fixed := make([]queryWord, len(raw))
	for i, w := range mended {
		fixed[i] = queryWord{text: w, low: w}
	}
	if again := e.resolveGroupWords(s, fixed); again.kind != "unknown" {
		return again
	}
	return gq
}

// resolveGroupWords resolves a group request as typed.
func (e *Engine) resolveGroupWords(s *snapshot, raw []queryWord) groupQuery {
	whole := make([]string, len(raw))
	for i, w := range raw {
		whole[i] = w.low
	}
	if parts := splitCompound(raw); len(parts) > 1 && e.gt.byTerm[strings.Join(whole, " ")] == nil {
		var gqs []groupQuery
		for _, part := range parts {
			gq := e.resolveOne(s, part)
			if gq.label == "" || gq.kind == "unknown" {
				gqs = nil
				break
			}
			gqs = append(gqs, gq)
		}
		if gqs != nil {
			return mergeGroups(gqs)
		}
	}
	return e.resolveOne(s, raw)
}

// splitCompound splits a request at "and" ("nordic and baltic countries",
// "france, germany and italy": commas and "&" arrive as "and", see
// compoundInput); nil parts are never returned.
func splitCompound(raw []queryWord) [][]queryWord {
	var parts [][]queryWord
	var cur []queryWord
	for _, w := range raw {
		if w.low == "and" {
			if len(cur) == 0 {
				return nil
			}
			parts = append(parts, cur)
			cur = nil
			continue
		}
		cur = append(cur, w)
	}
	if len(cur) == 0 {
		return nil
	}
	return append(parts, cur)
}

// compoundInput turns the separators of a list of groups into "and".
func compoundInput(s string) string {
	return strings.NewReplacer("&", " and ", "+", " and ", ",", " and ", "/", " and ").Replace(s)
}

// mergeGroups joins the groups of a compound request: the members of any,
// the mentions of any.
func mergeGroups(gqs []groupQuery) groupQuery {
	out := groupQuery{kind: "table", official: true, members: map[*speakerInfo]int{}}
	var labels []string
	for _, gq := range gqs {
		labels = append(labels, gq.label)
		if gq.kind != "table" {
			out.kind = gq.kind
		}
		out.official = out.official && gq.official
		for sp, st := range gq.members {
			out.members[sp] = max(out.members[sp], st)
		}
		for _, t := range gq.terms {
			out.terms = appendDistinct(out.terms, t)
		}
		out.prefixes = append(out.prefixes, gq.prefixes...)
		out.stemmed = append(out.stemmed, gq.stemmed...)
		out.within = append(out.within, gq.within...)
	}
	out.label = strings.Join(labels, " and ")
	out.subject = out.label
	return out
}

// resolveOne resolves one group, camp or person.
func (e *Engine) resolveOne(s *snapshot, raw []queryWord) groupQuery {
	var ws []string
	for _, w := range raw {
		ws = append(ws, strings.TrimSuffix(w.low, "'s"))
	}
	for len(ws) > 1 && leadingArticles[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) == 1 && leadingArticles[ws[0]] {
		ws = nil
	}
	phrase := strings.Join(ws, " ")
	gq := groupQuery{label: phrase, members: map[*speakerInfo]int{}}
	if phrase == "" {
		return gq
	}

	// 1. A role or an office ("hungarian prime minister", "the
	// spokesman"), or a person by nickname: the resolver's answer, a group
	// of one.
	if e.gt.byTerm[phrase] == nil {
		req := e.gt.readRequest(phrase)
		if table, camp := e.gt.tableAndCamp(ws); table != nil && e.gt.pluralRoles(req, camp) {
			// A group's office holders ("europe's leaders", "baltic
			// presidents"): the group, its office holders first.
			gq := e.tableGroup(s, table, nil, ws)
			gq.label = phrase
			return gq
		}
		nick, isNick := e.gt.nicknames[phrase]
		if len(req.roles) > 0 || isNick && !nick.officeTarget {
			res := e.resolvePeople(s, raw)
			if len(res.subject) > 0 && res.score >= titleLoose {
				gq := personGroup(res)
				if namesBody(req) {
					// A ministry or office speaks through its people too
					// ("the russian foreign ministry": the ministry, its
					// spokeswoman).
					if table, camp := e.gt.tableAndCamp(ws); table != nil && len(camp) > 0 {
						for sp, st := range e.tableGroup(s, table, camp, ws).members {
							if gq.members[sp] == 0 {
								gq.members[sp] = st
							}
						}
					}
				}
				return gq
			}
			if res.absent != nil {
				// Named in the articles, quoted nowhere: the paragraphs
				// that name them.
				gq = e.tableGroup(s, []*group{e.gt.groups["person:"+res.absent.norm]}, nil, ws)
				gq.subject = absentDisplay(res.absent)
				return gq
			}
		}
	}

	// 1. The table knows the whole name, or part of it and the rest is a
	// camp ("russian opposition").
	if table, camp := e.gt.tableAndCamp(ws); table != nil {
		return e.tableGroup(s, table, camp, ws)
	}

	// 2. A speaker of the articles.
	if res := e.resolvePeople(s, raw); len(res.subject) > 0 && res.subject[0].name != "" {
		strong := res.score >= scoreNameWord
		for _, sp := range res.subject {
			for i, n := range sp.norms {
				strong = strong || n == phrase || containsTokens(sp.normToks[i], ws, false)
			}
		}
		if strong {
			return personGroup(res)
		}
	}

	// 3. A camp: people described, not named ("analysts", "ordinary
	// people", "soldiers").
	if c := e.gt.campByTerm[phrase]; c != nil {
		for _, sp := range s.speakers {
			if containsString(sp.camps, c.id) {
				gq.members[sp] = memberFull
			}
		}
		if len(gq.members) > 0 {
			gq.kind, gq.label, gq.subject = "camp", c.name, c.name
			gq.terms = append([]string{phrase}, c.terms...)
			for _, w := range ws {
				gq.stemmed = append(gq.stemmed, w)
			}
			return gq
		}
	}
	// A camp of a place the table does not know ("anchorage residents",
	// "port aldren fishermen"): the camp's people described by the place.
	for n := len(ws) - 1; n >= 1; n-- {
		for _, cut := range [][2][]string{{ws[len(ws)-n:], ws[:len(ws)-n]}, {ws[:n], ws[n:]}} {
			c, place := e.gt.campByTerm[strings.Join(cut[0], " ")], cut[1]
			if c == nil || len(place) == 0 {
				continue
			}
			for _, sp := range s.speakers {
				if containsString(sp.camps, c.id) && speakerHasWords(sp, place, false) {
					gq.members[sp] = memberFull
				}
			}
			if len(gq.members) > 0 {
				gq.kind, gq.label = "camp", phrase
				gq.subject = c.name + " (" + titleWords(place) + ")"
				gq.terms = append([]string{phrase}, c.terms...)
				gq.within = []string{strings.Join(place, " ")}
				return gq
			}
		}
	}

	// 4. Speakers whose descriptions carry every word: a place or body the
	// articles name ("Norvala" ~ "Norvalan"), or a camp ("opposition").
	proper := false
	for _, sp := range s.withInitials(ws) {
		if speakerHasWords(sp, ws, false) && commonWordsInHead(sp, ws) {
			gq.members[sp] = memberFull
			if speakerHasWords(sp, ws, true) {
				proper = true
			}
		}
	}
	if proper {
		gq.kind, gq.official = "derived", true
		gq.label = titleWords(ws)
		gq.terms = append(gq.terms, phrase)
		if len(ws) == 1 {
			for sp := range gq.members {
				for _, w := range sp.proper {
					if placeMatch(ws[0], w) {
						gq.terms = appendDistinct(gq.terms, w)
					}
				}
			}
			if p := placePrefix(ws[0]); p != "" {
				gq.prefixes = append(gq.prefixes, p)
			}
		}
		return gq
	}
	gq.kind = "unknown"
	gq.terms = append(gq.terms, phrase)
	for _, w := range ws {
		gq.stemmed = append(gq.stemmed, w)
		gq.stemmed = append(gq.stemmed, irregular[w]...)
	}
	return gq
}

// tableGroup is a group of the table (countries, blocs, people), or, with
// camp words, the part of it they describe ("russian opposition").
func (e *Engine) tableGroup(s *snapshot, table []*group, camp []string, ws []string) groupQuery {
	phrase := strings.Join(ws, " ")
	gq := groupQuery{label: phrase, members: map[*speakerInfo]int{}}
	gq.kind, gq.official = "table", len(camp) == 0
	gq.label = table[0].name
	for _, sp := range s.speakers {
		best := 0
		for _, g := range table {
			if st, ok := sp.groups[g.id]; ok {
				if g.kind == "person" {
					st = 3
				}
				best = max(best, st)
			}
		}
		if best > 0 && (len(camp) == 0 || speakerHasWords(sp, camp, false)) {
			gq.members[sp] = best
		}
	}
	for _, g := range table {
		gq.terms = append(gq.terms, e.groupTerms(g)...)
		if g.kind == "person" {
			gq.official = false
		}
	}
	gq.subject = gq.label
	if len(camp) == 0 && len(table) == 1 && institution(table[0], phrase) {
		for sp := range gq.members {
			if speakerHasWords(sp, ws, false) && commonWordsInHead(sp, ws) {
				if gq.voices == nil {
					gq.voices = map[*speakerInfo]bool{}
				}
				gq.voices[sp] = true
			}
		}
	}
	if len(camp) > 1 && placePrepositions[camp[0]] {
		// The group's people in a place ("ukrainians in lublin"): those
		// its descriptions place there, and paragraphs that name both.
		place := camp[1:]
		for sp := range gq.members {
			if !speakerHasWords(sp, place, false) {
				delete(gq.members, sp)
			}
		}
		gq.official = false
		gq.within = []string{strings.Join(place, " ")}
		if pt, rest := e.gt.tableAndCamp(place); pt != nil && len(rest) == 0 {
			gq.within = nil
			for _, g := range pt {
				gq.within = append(gq.within, e.groupTerms(g)...)
			}
		}
		gq.subject = table[0].name + " (" + strings.Join(camp, " ") + ")"
		return gq
	}
	if len(camp) > 0 {
		gq.label = strings.Join(ws, " ")
		gq.terms = []string{phrase}
		gq.subject = table[0].name + " (" + strings.Join(camp, " ") + ")"
		if c := e.gt.campByTerm[strings.Join(camp, " ")]; c != nil {
			// A camp of the group's people ("ordinary ukrainians",
			// "russian media"): paragraphs that name the camp and the
			// group.
			for sp := range gq.members {
				if !containsString(sp.camps, c.id) {
					delete(gq.members, sp)
				}
			}
			for _, sp := range s.speakers {
				if gq.members[sp] == 0 && containsString(sp.camps, c.id) && inGroups(sp, table) {
					gq.members[sp] = memberFull
				}
			}
			gq.within = gq.terms[:0:0]
			for _, g := range table {
				gq.within = append(gq.within, e.groupTerms(g)...)
			}
			gq.terms = append([]string{phrase}, c.terms...)
			gq.subject = c.name + " (" + table[0].name + ")"
		}
	}
	return gq
}

// placePrepositions put a group's people in a place ("ukrainians in
// lublin").
var placePrepositions = map[string]bool{"in": true, "inside": true, "across": true}

// tableAndCamp finds the groups of the table a request names, whole or in
// part, and the words left over ("russian opposition": Russia, opposition).
func (t *groupTable) tableAndCamp(ws []string) ([]*group, []string) {
	if gs := t.byTerm[strings.Join(ws, " ")]; len(gs) > 0 {
		return gs, nil
	}
	for n := len(ws) - 1; n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if gs := t.byTerm[strings.Join(ws[i:i+n], " ")]; len(gs) > 0 {
				return gs, append(append([]string{}, ws[:i]...), ws[i+n:]...)
			}
		}
	}
	return nil, nil
}

// pluralRoles reports whether the words a request adds to a group name
// are all roles in the plural ("leaders", "foreign ministers"): the
// group's office holders, not one of them.
func (t *groupTable) pluralRoles(r request, rest []string) bool {
	if len(r.roles) == 0 || len(rest) == 0 {
		return false
	}
	n := 0
	for _, tok := range r.roles {
		ws := strings.Fields(tok.surface)
		last, plural := ws[len(ws)-1], false
		for _, one := range []string{strings.TrimSuffix(last, "s"), strings.TrimSuffix(last, "es"), strings.TrimSuffix(last, "men") + "man"} {
			ws[len(ws)-1] = one
			if one != last && t.roles.byVariant[strings.Join(ws, " ")] == tok.val {
				plural = true
			}
		}
		if !plural {
			return false
		}
		n += len(ws)
	}
	return n == len(rest)
}

// bodyWords name a body rather than a person: a request for a role by its
// body ("foreign ministry", "foreign office") means its people too.
var bodyWords = map[string]bool{"ministry": true, "office": true, "department": true, "chancellery": true}

// namesBody reports whether a request names its role by a body.
func namesBody(r request) bool {
	for _, tok := range r.roles {
		if surfaceNamesBody(tok.surface) {
			return true
		}
	}
	return false
}

// surfaceNamesBody reports whether a role's words name a body.
func surfaceNamesBody(surface string) bool {
	for _, w := range strings.Fields(surface) {
		if bodyWords[w] {
			return true
		}
	}
	return false
}

// institution reports whether a request names a country or bloc by one of
// its institutions ("the kremlin", "the state department", "the elysee")
// rather than by its name, a demonym, a form of them ("america") or a
// short form ("usa").
func institution(g *group, phrase string) bool {
	if g.kind == "person" || len(phrase) < 5 || !containsString(g.terms, phrase) || containsString(g.demonyms, phrase) {
		return false
	}
	for _, n := range append([]string{normTerm(g.name)}, g.demonyms...) {
		if phrase == n || !strings.Contains(phrase, " ") && placeMatch(phrase, n) {
			return false
		}
	}
	return true
}

// personGroup is a group of one person (or office) the resolver found:
// their statements, and the paragraphs that name them.
func personGroup(res resolution) groupQuery {
	gq := groupQuery{kind: "person", members: map[*speakerInfo]int{}, subject: res.display, also: res.also}
	gq.label = res.subject[0].display()
	if p := res.subject[0].person; p != nil && res.subject[0].name == "" {
		gq.label = p.name
	}
	for _, sp := range res.subject {
		gq.members[sp] = 3
		for i, n := range sp.norms {
			gq.terms = appendDistinct(gq.terms, n)
			if toks := sp.normToks[i]; len(toks) > 1 && sp.kind == quote.Person {
				// A person's surname; a body's last word ("ministry") is
				// no name of it.
				gq.terms = appendDistinct(gq.terms, toks[len(toks)-1])
			}
		}
		if sp.person != nil {
			gq.terms = appendDistinct(gq.terms, sp.person.norm)
			gq.terms = appendDistinct(gq.terms, sp.person.last)
		}
	}
	return gq
}

// inGroups reports whether a speaker belongs fully to one of the groups.
func inGroups(sp *speakerInfo, gs []*group) bool {
	for _, g := range gs {
		if sp.groups[g.id] >= memberFull {
			return true
		}
	}
	return false
}

// withInitials lists the speakers who may have all the words: those with a
// word beginning as each does (the smallest such list, checked by the
// caller).
func (s *snapshot) withInitials(ws []string) []*speakerInfo {
	var best []*speakerInfo
	for i, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		l := s.byInitial[r]
		if i == 0 || len(l) < len(best) {
			best = l
		}
	}
	return best
}

func titleWords(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = titleCase(w)
	}
	return strings.Join(out, " ")
}

// groupTerms lists what names a table group in text: its own terms and
// those of the groups and people that fully belong to it.
func (e *Engine) groupTerms(g *group) []string {
	var out []string
	seen := map[string]bool{}
	add := func(ts []string) {
		for _, t := range ts {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	add(g.terms)
	for id, anc := range e.gt.ancestors {
		if anc[g.id] == memberFull {
			add(e.gt.groups[id].terms)
		}
	}
	return out
}

// speakerHasWords reports whether each word names something in the
// speaker's description, affiliation or (for a body) name: the same word, its
// plural or singular, a demonym of a place ("norvala" ~ "norvalan"), or the
// same stem. With proper set, at least one word must match a capitalised
// word (a place, people or body rather than a common noun).
func speakerHasWords(sp *speakerInfo, ws []string, proper bool) bool {
	if len(ws) == 0 {
		return false
	}
	properHit := false
	for _, w := range ws {
		found := false
		for _, x := range sp.words {
			if wordMatch(w, x) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
		for _, x := range sp.proper {
			if wordMatch(w, x) {
				properHit = true
			}
		}
	}
	return !proper || properHit
}

// descPrepositions end the head of a description: what follows describes
// something else ("a reporter for the conservative network").
var descPrepositions = map[string]bool{"for": true, "with": true, "at": true, "from": true, "in": true,
	"on": true, "by": true, "about": true, "to": true, "who": true, "which": true, "that": true}

// commonWordsInHead reports whether each query word that is not a name
// (a camp such as "conservatives", "fishermen") describes the speaker
// themselves: it stands in the head of one of their descriptions ("Vestrian
// opposition leader", "a fisherman in Port Aldren"), or in their
// affiliation, not in a phrase after it ("a reporter for the conservative
// network").
func commonWordsInHead(sp *speakerInfo, ws []string) bool {
	for _, w := range ws {
		name := false
		for _, x := range sp.proper {
			if wordMatch(w, x) {
				name = true
				break
			}
		}
		if name {
			continue
		}
		found := false
		texts := append(append(append([]string{}, sp.affiliations...), sp.descriptions...), sp.appositions...)
		if sp.kind != quote.Person {
			texts = append(texts, sp.name)
		}
		for _, t := range texts {
			for _, x := range descWords(t) {
				if descPrepositions[x] {
					break
				}
				if wordMatch(w, x) {
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// wordMatch compares two folded lower-case words as forms of one name.
func wordMatch(a, b string) bool {
	if a == b {
		return true
	}
	if pluralOf(a, b) || pluralOf(b, a) {
		return true
	}
	return placeMatch(a, b)
}

// pluralOf reports whether p is a plural of w (fisherman/fishermen,
// leader/leaders, country/countries).
func pluralOf(w, p string) bool {
	switch {
	case strings.HasSuffix(w, "man") && len(p) == len(w) && strings.HasPrefix(p, w[:len(w)-3]) && strings.HasSuffix(p, "men"):
		return true
	case len(p) == len(w)+1 && strings.HasPrefix(p, w) && p[len(w)] == 's',
		len(p) == len(w)+2 && strings.HasPrefix(p, w) && p[len(w):] == "es":
		return true
	case strings.HasSuffix(w, "y") && len(p) == len(w)+2 && strings.HasPrefix(p, w[:len(w)-1]) && strings.HasSuffix(p, "ies"):
		return true
	}
	return false
}

var demonymSuffixes = map[string]bool{
	"": true, "a": true, "ia": true, "e": true, "n": true, "an": true, "ian": true, "ians": true, "ans": true, "ns": true,
	"ese": true, "ish": true, "i": true, "is": true, "s": true, "es": true, "y": true, "o": true, "er": true, "ers": true,
}

// placeMatch is the general rule that ties a place to its demonym: a
// shared stem of at least five letters, the rest being a known ending
// (Norvala/Norvalan, Istrel/Istrelian, Ukraine/Ukrainian).
func placeMatch(a, b string) bool {
	// The shared beginning, in whole runes.
	p, runes := 0, 0
	for p < len(a) && p < len(b) {
		ra, n := utf8.DecodeRuneInString(a[p:])
		rb, _ := utf8.DecodeRuneInString(b[p:])
		if ra != rb {
			break
		}
		p += n
		runes++
	}
	if runes < 5 {
		return false
	}
	return demonymSuffixes[a[p:]] && demonymSuffixes[b[p:]]
}

// placePrefix is the stem a place and its demonym share, for a prefix
// search: the word without its final vowels, at least five letters.
func placePrefix(w string) string {
	r := []rune(w)
	for len(r) > 0 && strings.ContainsRune("aeiouy", r[len(r)-1]) {
		r = r[:len(r)-1]
	}
	if len(r) < 5 {
		return ""
	}
	return string(r)
}

// demonymLike reports whether a word ends as demonyms usually do.
func demonymLike(w string) bool {
	for _, suf := range []string{"an", "ian", "ese", "ish", "i"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func pluralForms(w string) []string {
	var out []string
	if strings.HasSuffix(w, "men") {
		out = append(out, w[:len(w)-3]+"man")
	}
	if strings.HasSuffix(w, "man") {
		out = append(out, w[:len(w)-3]+"men")
	}
	if strings.HasSuffix(w, "s") && utf8.RuneCountInString(w) > 3 {
		out = append(out, strings.TrimSuffix(w, "s"))
	} else {
		out = append(out, w+"s")
	}
	return out
}

// subsumed drops the phrases that contain one of the single-word terms
// ("emmanuel macron" when "macron" is there): every paragraph with the phrase
// has the word, and a phrase over common words is costly to search.
func subsumed(terms []string) []string {
	single := map[string]bool{}
	for _, t := range terms {
		if !strings.Contains(t, " ") {
			single[t] = true
		}
	}
	out := terms[:0:0]
	for _, t := range terms {
		keep := true
		if strings.Contains(t, " ") {
			for _, w := range strings.Fields(t) {
				if single[w] {
					keep = false
					break
				}
			}
		}
		if keep {
			out = append(out, t)
		}
	}
	return out
}
