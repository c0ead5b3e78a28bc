package feed

import (
	"strings"
	"unicode"

	"summitbot/lexicon"
)

// SplitKeywords reads keywords as a moderator types them: separated by
// commas when there is a comma ("putin, alaska summit": two keywords, the
// second a phrase), else by spaces ("putin zelensky": two words). Empty
// entries are dropped.
func SplitKeywords(s string) []string {
	var parts []string
	if strings.Contains(s, ",") {
		parts = strings.Split(s, ",")
	} else {
		parts = strings.Fields(s)
	}
	var out []string
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" && !containsFold(out, p) {
			out = append(out, p)
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// Matcher tells whether an entry is about one of a feed's keywords. Words
// are compared folded (accents, case) and as lemmas, so "summits" and
// "Summit" match "summit", and "Zelenskyy’s" matches "zelenskyy". A keyword
// of several words matches them next to each other, in order. A feed with
// no keywords matches every entry.
type Matcher struct {
	lx      *lexicon.Lexicon
	phrases [][]string
	names   []string
}

// NewMatcher prepares keywords for matching.
func NewMatcher(lx *lexicon.Lexicon, keywords []string) *Matcher {
	m := &Matcher{lx: lx}
	for _, k := range keywords {
		if words := m.lemmas(k); len(words) > 0 {
			m.phrases = append(m.phrases, words)
			m.names = append(m.names, k)
		}
	}
	return m
}

// Match returns the keywords that the texts contain, and whether the
// entry matches at all (always, without keywords).
func (m *Matcher) Match(texts ...string) ([]string, bool) {
	if len(m.phrases) == 0 {
		return nil, true
	}
	var words []string
	for _, t := range texts {
		words = append(words, m.lemmas(t)...)
		words = append(words, "") // no phrase runs from one text into the next
	}
	var hit []string
	for i, ph := range m.phrases {
		if containsRun(words, ph) {
			hit = append(hit, m.names[i])
		}
	}
	return hit, len(hit) > 0
}

// lemmas splits text into words (letters and digits), folded, lower case,
// each as its lemma.
func (m *Matcher) lemmas(text string) []string {
	text = strings.ToLower(lexicon.Fold(text))
	fields := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, f := range fields {
		fields[i] = m.lx.Lemma(f)
	}
	return fields
}

func containsRun(words, run []string) bool {
	for i := 0; i+len(run) <= len(words); i++ {
		ok := true
		for j, w := range run {
			if words[i+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
