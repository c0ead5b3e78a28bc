package index

import (
	"sort"
	"strings"
	"summitbot/lexicon"
	"unicode/utf8"
)

// Who-said's second and third stages run in memory, over the word index of
// the attributed quotes (phraseIndex): every quote is considered, so no
// quote is missed because other paragraphs rank higher, and no paragraph is
// read. A query word matches a quote word (as wordSpans splits and folds
// it) by its exact form (an apostrophe left out where that makes no other
// word), by stem unless it is a stop word and, with typos, by a form or
// stem a few letters off.

// exactOf is a quote word as the exact field has it: without a possessive
// "'s" (the exact analyzer drops it).
func exactOf(v string) string {
	if strings.HasSuffix(v, "'s") && len(v) > 2 {
		return v[:len(v)-2]
	}
	return v
}

// quoteForms returns the vocabulary words of the quotes that the query word
// w matches.
func (e *Engine) quoteForms(px *phraseIndex, w qword, typos bool) map[string]bool {
	forms := map[string]bool{}
	try := func(v string) {
		if _, ok := px.postings[v]; ok && !forms[v] && e.formMatches(w, v, typos) {
			forms[v] = true
		}
	}
	// The exact form, without or with an apostrophe, possessive or not.
	for _, v := range append([]string{w.exact, noApostrophe(w.exact)}, apostropheForms(w.exact)...) {
		try(v)
		try(v + "'s")
	}
	// Other forms of the stem: the stemmer only changes a word's ending,
	// so they share the stem's beginning.
	if w.stem != "" {
		p := w.stem
		if len(p) > 3 {
			p = p[:len(p)-1]
		}
		for _, v := range px.prefixRange(p) {
			try(v)
		}
	}
	// A few letters off: any word of about the same length.
	if typos && w.stem != "" && typoLimit(utf8.RuneCountInString(w.exact)) > 0 {
		f := typoLimit(utf8.RuneCountInString(w.exact))
		lo, hi := len(w.stem)-f, len(w.exact)+f+2
		for _, v := range px.vocab {
			if n := len(v); n >= lo && n <= hi {
				try(v)
			}
		}
	}
	return forms
}

// formMatches tells whether the query word w matches the quote word v.
func (e *Engine) formMatches(w qword, v string, typos bool) bool {
	x := exactOf(v)
	if apostropheVariant(w.exact, x) {
		return true
	}
	st := e.stemOf(x)
	if w.stem != "" && st == w.stem {
		return true
	}
	if typos && w.stem != "" {
		if f := typoLimit(utf8.RuneCountInString(w.exact)); f > 0 {
			return lexicon.Within(w.exact, x, f) || st != "" && lexicon.Within(w.stem, st, f)
		}
	}
	return false
}

// quoteMatch is one quote text (a phrase index entry) holding every query
// word: where each word is, and the smallest run of words holding them all.
type quoteMatch struct {
	id     int32
	hits   [][]token // per query word: its places in the entry (pos = word index)
	window int
}

// nearQuotes finds the entries that hold every query word (by forms) within
// maxSpan words, at most max of them, in entry order.
func (px *phraseIndex) nearQuotes(forms []map[string]bool, maxSpan, max int) []quoteMatch {
	if len(forms) == 0 {
		return nil
	}
	lists := make([][]int32, len(forms))
	for j, fs := range forms {
		if len(fs) == 0 {
			return nil
		}
		lists[j] = px.union(fs)
	}
	var out []quoteMatch
	intersect(lists, func(id int32) bool {
		hits := px.entryHits(id, forms)
		if w := window(hits, len(forms)); w > 0 && w <= maxSpan {
			out = append(out, quoteMatch{id: id, hits: hits, window: w})
		}
		return len(out) < max
	})
	return out
}

// entryHits lists, for each query word (its forms), the places of an
// entry's words it matches (pos = word index).
func (px *phraseIndex) entryHits(id int32, forms []map[string]bool) [][]token {
	entry := &px.entries[id]
	hits := make([][]token, len(forms))
	for i, v := range entry.words {
		for j, fs := range forms {
			if fs[v] {
				hits[j] = append(hits[j], token{term: v, start: entry.offs[i], end: wordEnd(entry.text, entry.offs[i]), pos: i})
			}
		}
	}
	return hits
}

// union is the sorted, distinct entries holding any of the words.
func (px *phraseIndex) union(words map[string]bool) []int32 {
	if len(words) == 1 {
		for w := range words {
			return px.postings[w]
		}
	}
	seen := map[int32]bool{}
	var out []int32
	for w := range words {
		for _, id := range px.postings[w] {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// wordEnd is the byte offset where the word starting at off ends, as
// wordSpans delimits words.
func wordEnd(text string, off int) int {
	i := off
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if (r == '\'' || r == '\u2019') && i+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}
