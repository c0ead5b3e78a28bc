package index

import (
	"sort"
	"unicode/utf8"
)

// paraTokens is a text analysed once: its exact-field tokens and, by token
// position, the main field's stems. A quote's tokens in its paragraph are
// found by the quote's byte offsets (within).
type paraTokens struct {
	ex    []token
	stems []string // by position; "" for a stop word
}

func (e *Engine) analyzePara(text string) paraTokens {
	return e.analyzeText(text, true)
}

// analyzeText is analyzePara, with the stems only when asked for. The text
// is tokenised once: a token's stem is what the main analyzer makes of its
// exact term (the main analyzer is the exact one plus stop words and the
// stemmer), remembered per engine (stemOf).
func (e *Engine) analyzeText(text string, withStems bool) paraTokens {
	ex := analyze(e.an.exact, text)
	if !withStems {
		return paraTokens{ex: ex}
	}
	last := 0
	for _, t := range ex {
		last = max(last, t.pos)
	}
	stems := make([]string, last+1)
	for _, t := range ex {
		if t.pos >= 0 && t.pos < len(stems) {
			stems[t.pos] = e.stemOf(t.term)
		}
	}
	return paraTokens{ex: ex, stems: stems}
}

// stemOf is the main field's term for an exact term ("" for a stop word),
// computed once per term and engine: the words of the articles are a
// bounded vocabulary.
func (e *Engine) stemOf(term string) string {
	if v, ok := e.stems.Load(term); ok {
		return v.(string)
	}
	st := ""
	if toks := analyze(e.an.main, term); len(toks) > 0 {
		st = toks[0].term
	}
	e.stems.Store(term, st)
	return st
}

// within returns the tokens that lie inside the byte range [start, end),
// a quote's place in its paragraph.
func (pt *paraTokens) within(start, end int) []token {
	i := sort.Search(len(pt.ex), func(i int) bool { return pt.ex[i].start >= start })
	j := i
	for j < len(pt.ex) && pt.ex[j].end <= end {
		j++
	}
	return pt.ex[i:j]
}

func (pt *paraTokens) stem(t token) string {
	if t.pos >= 0 && t.pos < len(pt.stems) {
		return pt.stems[t.pos]
	}
	return ""
}

// wordHits lists, for each query word, the tokens it matches by exact term
// or stem.
func (pt *paraTokens) wordHits(words []qword) [][]token {
	hits := make([][]token, len(words))
	for _, t := range pt.ex {
		st := pt.stem(t)
		for j, w := range words {
			if t.term == w.exact || w.stem != "" && st == w.stem {
				hits[j] = append(hits[j], t)
			}
		}
	}
	return hits
}

// phraseIn finds words (exact terms) one after another in toks and returns
// the byte span they cover.
func phraseIn(toks []token, words []qword) (start, end int, ok bool) {
	n := len(words)
	if n == 0 {
		return 0, 0, false
	}
	for i := 0; i+n <= len(toks); i++ {
		match := true
		for k := 0; k < n; k++ {
			if toks[i+k].term != words[k].exact {
				match = false
				break
			}
		}
		if match {
			return toks[i].start, toks[i+n-1].end, true
		}
	}
	return 0, 0, false
}

// mayHold is a cheap test run before analysing a quote: false only when
// text surely has no token whose exact term is term, or (for a stem) no
// word that stems to it. It looks for the term's letters as a
// case-insensitive substring, so it only rules out when the term is plain
// ASCII letters and digits and text has no other non-ASCII letters that
// folding could turn into ASCII ones (typographic punctuation is fine).
func mayHold(text, term string) bool {
	if len(term) < 3 {
		return true
	}
	for i := 0; i < len(term); i++ {
		c := term[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return true
		}
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			continue
		}
		switch r {
		case '\u2018', '\u2019', '\u201c', '\u201d', '\u201e', '\u00ab', '\u00bb', '\u2013', '\u2014', '\u2026', '\u00a0', '\u2039', '\u203a':
			continue
		}
		return true
	}
	return containsLowerASCII(text, term)
}

// containsLowerASCII reports whether text holds term (lower-case ASCII)
// ignoring the case of text's ASCII letters.
func containsLowerASCII(text, term string) bool {
	n := len(term)
	for i := 0; i+n <= len(text); i++ {
		if lowerASCII(text[i]) != term[0] {
			continue
		}
		j := 1
		for j < n && lowerASCII(text[i+j]) == term[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// exactMayHold is mayHold for every word of a phrase by its exact form.
func exactMayHold(text string, words []qword) bool {
	for _, w := range words {
		if len(apostropheForms(w.exact)) == 0 && !mayHold(text, w.exact) {
			return false
		}
	}
	return true
}
