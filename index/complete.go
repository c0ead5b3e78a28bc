package index

import (
	"sort"
	"strings"
	"summitbot/lexicon"
	"unicode"
	"unicode/utf8"
)

// Autocomplete answers from lists prepared when a snapshot is built, never
// from the index: a keystroke costs a few map look-ups and string compares.

const (
	maxSuggestion  = 100 // Discord's limit on a choice's name and value
	maxSuggestions = 25  // Discord's limit on the number of choices
)

func clampSuggestions(limit int) int {
	if limit <= 0 || limit > maxSuggestions {
		return maxSuggestions
	}
	return limit
}

// phraseIndex holds the attributed quotes, one entry per distinct text,
// most quoted speakers first, with an inverted index of their words.
type phraseIndex struct {
	entries  []phraseEntry
	refs     [][]quoteRef // per entry: the quotes with its words
	postings map[string][]int32
	vocab    []string // sorted keys of postings
}

type phraseEntry struct {
	text  string
	words []string // folded lower-case words
	offs  []int    // byte offset of each word in text
	// joined: text is a split quote's two parts (quotejoin.go); refs name
	// the first.
	joined bool
}

// wordSpans splits text into folded lower-case words with their byte offsets.
func wordSpans(text string) ([]string, []int) {
	var words []string
	var offs []int
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i = wordEnd(text, i)
		words = append(words, strings.ToLower(lexicon.Fold(text[start:i])))
		offs = append(offs, start)
	}
	return words, offs
}

func newPhraseIndex(s *snapshot) *phraseIndex {
	px := &phraseIndex{postings: map[string][]int32{}}
	byKey := map[string]int32{}
	// Quotes repeat across articles: a text seen once is not split again.
	byText := map[string]int32{}
	for _, sp := range s.quoted {
		// Each quote, then its split parts joined where they are one
		// utterance (quotejoin.go).
		for n := 0; n < 2*len(sp.quotes); n++ {
			r, joined := sp.quotes[n/2], n%2 == 1
			if joined && !r.joinsNext() {
				continue
			}
			text := strings.TrimSpace(r.q().Text)
			if joined {
				text = r.joinedText()
			}
			if id, ok := byText[text]; ok {
				if id >= 0 {
					px.refs[id] = append(px.refs[id], r)
				}
				continue
			}
			words, offs := wordSpans(text)
			if len(words) == 0 {
				byText[text] = -1
				continue
			}
			key := strings.Join(words, " ")
			if id, ok := byKey[key]; ok {
				byText[text] = id
				px.refs[id] = append(px.refs[id], r)
				continue
			}
			id := int32(len(px.entries))
			byKey[key], byText[text] = id, id
			px.entries = append(px.entries, phraseEntry{text: text, words: words, offs: offs, joined: joined})
			px.refs = append(px.refs, []quoteRef{r})
			last := ""
			for _, w := range sortedDistinct(words) {
				if w != last {
					px.postings[w] = append(px.postings[w], id)
				}
				last = w
			}
		}
	}
	px.vocab = make([]string, 0, len(px.postings))
	for w := range px.postings {
		px.vocab = append(px.vocab, w)
	}
	sort.Strings(px.vocab)
	return px
}

// find returns the entries whose words hold words one after another, in
// entry order (most quoted speakers first), at most max of them.
func (px *phraseIndex) find(words []string, max int) []int32 {
	if len(words) == 0 {
		return nil
	}
	lists := make([][]int32, 0, len(words))
	for _, w := range words {
		p, ok := px.postings[w]
		if !ok {
			return nil
		}
		lists = append(lists, p)
	}
	var out []int32
	intersect(lists, func(id int32) bool {
		if wordsAt(px.entries[id].words, words) >= 0 {
			out = append(out, id)
		}
		return len(out) < max
	})
	return out
}

// intersect calls visit with each id that stands in every list (sorted
// lists of distinct ids), in order, until visit returns false.
func intersect(lists [][]int32, visit func(id int32) bool) {
	if len(lists) == 0 {
		return
	}
	lists = append([][]int32(nil), lists...)
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
next:
	for _, id := range lists[0] {
		for _, l := range lists[1:] {
			k := sort.Search(len(l), func(i int) bool { return l[i] >= id })
			if k == len(l) || l[k] != id {
				continue next
			}
		}
		if !visit(id) {
			return
		}
	}
}

// wordsAt is the index in ws where want starts, or -1.
func wordsAt(ws, want []string) int {
	for i := 0; i+len(want) <= len(ws); i++ {
		ok := true
		for k, w := range want {
			if ws[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return i
		}
	}
	return -1
}

func sortedDistinct(words []string) []string {
	c := append([]string(nil), words...)
	sort.Strings(c)
	out := c[:0]
	for i, w := range c {
		if i == 0 || w != c[i-1] {
			out = append(out, w)
		}
	}
	return out
}

// prefixRange returns the vocabulary words that start with p.
func (px *phraseIndex) prefixRange(p string) []string {
	i := sort.SearchStrings(px.vocab, p)
	j := i
	for j < len(px.vocab) && strings.HasPrefix(px.vocab[j], p) {
		j++
	}
	return px.vocab[i:j]
}

const maxPhraseCandidates = 2000

func (px *phraseIndex) complete(typed string, limit int) []string {
	limit = clampSuggestions(limit)
	clean := cleanInput(stripOuterQuotes(typed))
	words := splitWords(clean, maxQueryWords)
	out := make([]string, 0, limit)
	if len(words) == 0 {
		for i := 0; i < len(px.entries) && len(out) < limit; i++ {
			out = append(out, cutText(px.entries[i].text, maxSuggestion))
		}
		return out
	}
	partialLast := clean != "" && !strings.HasSuffix(typed, " ")
	var whole []string
	partial := ""
	for i, w := range words {
		if i == len(words)-1 && partialLast {
			partial = w.low
		} else {
			whole = append(whole, w.low)
		}
	}
	// Candidates: the rarest whole word's postings, or the partial word's.
	var cands []int32
	if len(whole) > 0 {
		for i, w := range whole {
			p, ok := px.postings[w]
			if !ok {
				return out
			}
			if i == 0 || len(p) < len(cands) {
				cands = p
			}
		}
	} else {
		set := map[int32]bool{}
	fill:
		for _, w := range px.prefixRange(partial) {
			for _, id := range px.postings[w] {
				if len(set) >= maxPhraseCandidates {
					break fill
				}
				set[id] = true
			}
		}
		cands = make([]int32, 0, len(set))
		for id := range set {
			cands = append(cands, id)
		}
		sort.Slice(cands, func(i, j int) bool { return cands[i] < cands[j] })
	}
	var starts, inner []string
	for n, id := range cands {
		// Entries run from the most quoted speakers down: once the list is
		// full, or enough has been looked at, stop.
		if len(starts) >= limit || n >= maxPhraseCandidates || n >= 4*limit && len(starts)+len(inner) >= limit {
			break
		}
		e := &px.entries[id]
		at := matchAt(e.words, whole, partial)
		if at < 0 {
			continue
		}
		s := suggestionAt(e, at)
		if at == 0 {
			starts = append(starts, s)
		} else if len(inner) < limit {
			inner = append(inner, s)
		}
	}
	out = append(out, starts...)
	for _, s := range inner {
		if len(out) >= limit {
			break
		}
		out = append(out, s)
	}
	return out
}

// matchAt finds where whole words followed by a word starting with partial
// occur in words; -1 when they do not.
func matchAt(words, whole []string, partial string) int {
	n := len(whole)
	for i := 0; i+n <= len(words); i++ {
		ok := true
		for k, w := range whole {
			if words[i+k] != w {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if partial == "" {
			return i
		}
		if i+n < len(words) && strings.HasPrefix(words[i+n], partial) {
			return i
		}
	}
	return -1
}

// suggestionAt shows a quote from the matched word on when it is too long.
func suggestionAt(e *phraseEntry, at int) string {
	if len(e.text) <= maxSuggestion || at == 0 {
		return cutText(e.text, maxSuggestion)
	}
	// Keep a couple of words of context before the match.
	from := at - 2
	if from < 0 {
		from = 0
	}
	if from == 0 {
		return cutText(e.text, maxSuggestion)
	}
	return cutText("…"+e.text[e.offs[from]:], maxSuggestion)
}

// choice is one autocomplete candidate with its searchable words.
type choice struct {
	label string
	words []string // folded lower-case words of the label and its aliases
	full  string   // folded lower-case label
}

func newChoice(label string, aliases ...string) choice {
	c := choice{label: cutText(label, maxSuggestion), full: normTerm(label)}
	for _, s := range append([]string{label}, aliases...) {
		ws, _ := wordSpans(s)
		c.words = append(c.words, ws...)
	}
	return c
}

// completeChoices returns the labels whose full form or one of whose words
// starts with what was typed, full-form matches first, in list order.
func completeChoices(list []choice, typed string, limit int) []string {
	limit = clampSuggestions(limit)
	t := normTerm(cleanInput(typed))
	if rest, ok := strings.CutPrefix(t, "the "); ok {
		// "the russian pres…": the labels have no article.
		t = rest
	}
	out := make([]string, 0, limit)
	if t == "" {
		for i := 0; i < len(list) && len(out) < limit; i++ {
			out = append(out, list[i].label)
		}
		return out
	}
	var later []string
	for _, c := range list {
		if len(out) >= limit {
			break
		}
		if strings.HasPrefix(c.full, t) {
			out = append(out, c.label)
			continue
		}
		if len(later) >= limit {
			continue
		}
		for _, w := range c.words {
			if strings.HasPrefix(w, t) {
				later = append(later, c.label)
				break
			}
		}
	}
	for _, l := range later {
		if len(out) >= limit {
			break
		}
		out = append(out, l)
	}
	return out
}

// groupChoices lists the groups to suggest: the table's groups that have
// speakers in the corpus (most quoted first), the sides and places the
// articles name for their speakers, then the rest of the table's countries
// and blocs.
func groupChoices(s *snapshot, gt *groupTable) []string {
	var out []string
	seen := map[string]bool{}
	add := func(label string) {
		label = strings.TrimSpace(label)
		k := normTerm(label)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, label)
	}
	weight := map[string]int{}
	for _, sp := range s.speakers {
		for id := range sp.groups {
			weight[id] += len(sp.quotes)
		}
	}
	ids := make([]string, 0, len(weight))
	for id := range weight {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if weight[ids[i]] != weight[ids[j]] {
			return weight[ids[i]] > weight[ids[j]]
		}
		return ids[i] < ids[j]
	})
	for _, id := range ids {
		add(gt.groups[id].name)
	}
	for _, sp := range s.speakers {
		for _, a := range sp.affiliations {
			if len(a) <= 40 {
				add(a)
			}
		}
		for _, w := range sp.proper {
			if len(w) >= 5 && len(gt.byTerm[w]) == 0 && demonymLike(w) {
				add(titleCase(w))
			}
		}
	}
	// Camps with people in the articles, then the titles of the quoted
	// (/reactions takes a person or an office too).
	for _, c := range gt.camps {
		for _, sp := range s.speakers {
			if containsString(sp.camps, c.id) {
				add(c.name)
				break
			}
		}
	}
	for _, t := range speakerTitleList(s) {
		add(t)
	}
	var rest []string
	for _, g := range gt.groups {
		if g.kind != "person" {
			rest = append(rest, g.name)
		}
	}
	sort.Strings(rest)
	for _, r := range rest {
		add(r)
	}
	return out
}

func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// speakerChoices lists what /quotes suggests: the quoted speakers' names
// (most quoted first, found by any of their names), then the titles they
// hold ("Russian President", "White House press secretary"), then the
// short forms of nicknames.tsv for people and offices the articles quote.
func speakerChoices(s *snapshot, gt *groupTable) []choice {
	var out []choice
	seen := map[string]bool{}
	add := func(label string, aliases ...string) {
		k := normTerm(label)
		if k == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, newChoice(label, aliases...))
	}
	quoted := map[*person]bool{}
	for _, sp := range s.speakers {
		if sp.person != nil {
			quoted[sp.person] = true
		}
		if sp.name != "" {
			add(sp.name, sp.aliases...)
		}
	}
	for _, t := range speakerTitleList(s) {
		add(t)
	}
	var nicks []string
	for n, target := range gt.nicknames {
		if strings.HasPrefix(n, "the ") && gt.nicknames[n[4:]] == target {
			continue
		}
		ok := target.person != nil && quoted[target.person]
		if target.officeTarget {
			for _, p := range gt.holders(target.group, target.role, s.lastDate) {
				ok = ok || quoted[p]
			}
		}
		if ok {
			nicks = append(nicks, n)
		}
	}
	sort.Strings(nicks)
	for _, n := range nicks {
		add(n)
	}
	return out
}

// speakerTitleList is the titles of the quoted speakers, as the articles
// (or the table) put them, most quoted speakers first; bare roles
// ("President") are left out.
func speakerTitleList(s *snapshot) []string {
	var out []string
	for _, sp := range s.speakers {
		if sp.name == "" && sp.person == nil {
			continue
		}
		for _, tt := range sp.titles {
			ws := titleTokens(tt.text)
			if len(tt.toks) < 2 || tt.hasKind(tokModifier) || len(tt.text) > 60 || len(ws) == 0 || titleStopWords[ws[len(ws)-1]] {
				continue
			}
			out = append(out, tt.text)
		}
	}
	return out
}
