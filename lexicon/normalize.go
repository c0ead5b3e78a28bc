package lexicon

import "strings"

// Span is the range [Start, End) of input tokens an output token of
// NormalizeSpans comes from: "forty three" → "43" has Span{0, 2}, and both
// "do" and "not" of "don't" have the span of "don't".
type Span struct{ Start, End int }

// Normalize rewrites lower-cased, accent-folded tokens into canonical ones:
// contractions are expanded (don't → do not, theres → there is, there'll →
// there will; ambiguous forms such as "were", "well", "its", "ill", "shell"
// are left alone), till/til → until, gonna → going to, number words become
// digits ("twenty four" and "twenty-four" → "24", "first" → "1st", "3
// million" → "3000000", "1,000" → "1000"), and British spellings become
// American (harbour → harbor). Unchanged tokens are returned as given, so the
// result shares their memory.
func (lx *Lexicon) Normalize(tokens []string) []string {
	return lx.normalize(make([]string, 0, len(tokens)+2), nil, tokens)
}

// AppendNormalized is Normalize appending to dst, for callers that reuse a
// buffer.
func (lx *Lexicon) AppendNormalized(dst, tokens []string) []string {
	return lx.normalize(dst, nil, tokens)
}

// NormalizeSpans is Normalize that also tells, for each output token, the
// input tokens it comes from (for highlighting).
func (lx *Lexicon) NormalizeSpans(tokens []string) ([]string, []Span) {
	spans := make([]Span, 0, len(tokens)+2)
	out := lx.normalize(make([]string, 0, len(tokens)+2), &spans, tokens)
	return out, spans
}

// Alternatives returns every expansion a contraction may stand for,
// including the forms Normalize leaves alone because they are also ordinary
// words: "were" → [[we are]], "id" → [[i would] [i had]], "ill" → [[i will]].
// A matcher may try them against text where the other side had the
// apostrophe form. It returns nil for other words. The result is shared:
// do not modify it.
func (lx *Lexicon) Alternatives(word string) [][]string {
	return lx.contr[word].alts
}

// IsAmbiguousContraction reports whether word is a contraction typed without
// its apostrophe that is also an ordinary word ("were", "well", "its").
func (lx *Lexicon) IsAmbiguousContraction(word string) bool {
	return lx.contr[word].ambiguous
}

// clitics are the contracted endings expanded after any word ("the
// president'll", "the talks've").
var clitics = []struct{ suffix, word string }{
	{"n't", "not"}, {"'ll", "will"}, {"'re", "are"}, {"'ve", "have"}, {"'d", "would"}, {"'m", "am"},
}

func (lx *Lexicon) normalize(out []string, spans *[]Span, tokens []string) []string {
	emit := func(w string, start, end int) {
		out = append(out, w)
		if spans != nil {
			*spans = append(*spans, Span{start, end})
		}
	}
	for i := 0; i < len(tokens); {
		tok := tokens[i]
		if tok == "" {
			i++
			continue
		}
		if c := tok[0]; c >= '0' && c <= '9' || numberWords[firstPart(tok)].kind != numNone || tok == "zero" {
			if s, n := parseNumber(tokens, i); n > 0 && !loneWordOne(tokens, i, n) {
				emit(s, i, i+n)
				i += n
				continue
			}
			if strings.IndexByte(tok, ',') > 0 {
				if _, ok := parseDigits(tok); ok {
					emit(strings.ReplaceAll(tok, ",", ""), i, i+1)
					i++
					continue
				}
			}
		}
		if c, ok := lx.contr[tok]; ok && !c.ambiguous {
			for _, w := range c.alts[0] {
				emit(w, i, i+1)
			}
			i++
			continue
		}
		if strings.IndexByte(tok, '\'') > 0 {
			done := false
			for _, cl := range clitics {
				if base, ok := strings.CutSuffix(tok, cl.suffix); ok && base != "" && strings.IndexByte(base, '\'') < 0 {
					emit(lx.americanize(base), i, i+1)
					emit(cl.word, i, i+1)
					done = true
					break
				}
			}
			if done {
				i++
				continue
			}
		}
		emit(lx.americanize(tok), i, i+1)
		i++
	}
	return out
}

func firstPart(tok string) string {
	if j := strings.IndexByte(tok, '-'); j > 0 {
		return tok[:j]
	}
	return tok
}

// loneWordOne reports a lone "one" used as a pronoun ("no one", "the one
// who", "one another"), which stays a word.
func loneWordOne(tokens []string, i, n int) bool {
	if n != 1 || tokens[i] != "one" {
		return false
	}
	return i > 0 && pronounOne[tokens[i-1]] || i+1 < len(tokens) && tokens[i+1] == "another"
}
