package index

import (
	"math"
	"strings"
	"unicode/utf8"

	"summitbot/corpus"
	"summitbot/lexicon"
)

// askHits is wordHits for a question's words over a paragraph and its
// section heading, counting other forms and related words (askTerms: began
// for start, agreement for agree, alongside for beside) at their strength,
// and for a place or people's name its other form ("European" for
// "Europe's", "Ukrainian" for "Ukraine"). A word found only in the heading
// counts 0.6. It returns each word's tokens in the text, how well each
// word matched (0: not at all) and the text's tokens.
func (e *Engine) askHits(p corpus.Paragraph, words []qword, terms []askTerm) ([][]token, []float64, []token) {
	pt := e.analyzePara(p.Text)
	ex := pt.ex
	hits := make([][]token, len(words))
	str := make([]float64, len(words))
	for _, t := range ex {
		st := pt.stem(t)
		for j, w := range words {
			switch {
			case t.term == w.exact || w.stem != "" && st == w.stem:
				hits[j] = append(hits[j], t)
				str[j] = 1
			case st != "" && terms[j].stems[st] > 0:
				hits[j] = append(hits[j], t)
				str[j] = max(str[j], terms[j].stems[st])
			}
		}
	}
	for j, w := range words {
		forms := irregular[w.exact]
		proper := isCapitalised(w.text) && len(hits[j]) == 0
		if len(forms) == 0 && !proper {
			continue
		}
		var names map[string]bool
		if proper {
			names = e.gt.otherNames(w.exact)
		}
		for _, t := range ex {
			match := proper && placeMatch(w.exact, t.term)
			for _, f := range forms {
				match = match || t.term == f
			}
			switch {
			case match:
				hits[j] = append(hits[j], t)
				str[j] = 1
			case proper && names[t.term]:
				// The country for its capital ("Russian" for "Moscow"):
				// related, not the same.
				hits[j] = append(hits[j], t)
				str[j] = max(str[j], 0.7)
			}
		}
	}
	if p.Section != "" {
		// A heading that asks the question ("Will Putin and Zelensky
		// meet?") answers for its paragraphs more than one that names a
		// topic.
		v := 0.6
		if strings.HasSuffix(strings.TrimSpace(p.Section), "?") {
			v = 0.9
		}
		sec := e.analyzePara(p.Section)
		for _, t := range sec.ex {
			st := sec.stem(t)
			for j, w := range words {
				if str[j] < v && (t.term == w.exact || w.stem != "" && st == w.stem) {
					str[j] = v
				}
			}
		}
	}
	return hits, str, ex
}

// coverWeights multiplies each question word's weight by a soft inverse
// document frequency (the square root of its BM25 IDF over the mean of the
// question's), read from the index's term counts, which do not depend on
// how the index is laid out.
func (e *Engine) coverWeights(s *snapshot, words []qword, weights []float64) []float64 {
	count, done := e.termChecker(s)
	defer done()
	n := float64(max(s.paras, 1))
	idf := make([]float64, len(words))
	mean := 0.0
	for j, w := range words {
		var df uint64
		if w.stem != "" {
			df = count(fieldText, w.stem)
		} else {
			df = count(fieldTextExact, w.exact)
		}
		idf[j] = math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
		mean += idf[j]
	}
	out := make([]float64, len(words))
	for j := range words {
		out[j] = weights[j]
		if mean > 0 {
			out[j] *= math.Sqrt(idf[j] * float64(len(words)) / mean)
		}
	}
	return out
}

// sectionCov is how much of the question (weighted) only the section
// heading holds.
func sectionCov(str []float64, hw [][]token, weights []float64) float64 {
	c := 0.0
	for j := range str {
		if str[j] > 0 && len(hw[j]) == 0 {
			c += weights[j]
		}
	}
	return c
}

// askTerm is what a question word matches besides itself: main-field stems
// with their strength (1 for the word's own forms, a synonym's strength
// otherwise); extra lists the stems worth adding to the search.
type askTerm struct {
	stems map[string]float64
	extra []string
}

// askTerms finds, through the lexicon, the other forms of each question
// word (begin: began, begun; agree: agreement) and its synonyms of
// strength 0.7 or more (start: begin 1, launch 0.7), each with its own
// forms. Names, numbers and question fillers get none.
func (e *Engine) askTerms(words []qword, lx *lexicon.Lexicon) []askTerm {
	falseFriends := map[string]bool{}
	for f := range askTable().words["falsefriend"] {
		falseFriends[e.stemOf(f)] = true
	}
	out := make([]askTerm, len(words))
	for j, w := range words {
		t := askTerm{stems: map[string]float64{}}
		out[j] = t
		if w.stem == "" || isCapitalised(w.text) || w.exact[0] >= '0' && w.exact[0] <= '9' {
			continue
		}
		add := func(word string, strength float64) {
			for _, f := range lx.Family(word) {
				st := e.stemOf(f)
				if st == "" || st == w.stem || t.stems[st] >= strength || strength < 1 && falseFriends[st] {
					continue
				}
				if _, seen := t.stems[st]; !seen {
					t.extra = append(t.extra, st)
				}
				t.stems[st] = strength
			}
		}
		add(w.exact, 1)
		for _, syn := range lx.Synonyms(w.exact) {
			if syn.Strength >= 0.7 && !strings.Contains(syn.Word, " ") {
				add(syn.Word, 0.8*syn.Strength)
			}
		}
		out[j] = t
	}
	return out
}

// opensWithQuote: the paragraph begins with a quotation mark, as a reply
// does.
func opensWithQuote(text string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(text))
	switch r {
	case '"', '\'', '\u201c', '\u2018', '\u201e', '\u00ab':
		return true
	}
	return false
}

// askLeadIn is how well each question word matched in the paragraph
// before paragraph n when that paragraph puts a question to someone
// ("asked", "pressed", a question mark); nil otherwise. The paragraph after
// it holds the answer.
func (e *Engine) askLeadIn(a *artEntry, n int, words []qword, terms []askTerm, quoted bool) []float64 {
	prev, ok := a.para(n - 1)
	if !ok {
		return nil
	}
	// Put to the person asked about, a question may be reported ("pressed
	// him on elections"); otherwise it is quoted, with its question mark.
	if !strings.Contains(prev.Text, "?") && (!quoted || !containsAnyWord(strings.ToLower(prev.Text), []string{"asked", "pressed", "question"})) {
		return nil
	}
	_, str, _ := e.askHits(prev, words, terms)
	return str
}
