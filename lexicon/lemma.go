package lexicon

import (
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// Lemma returns the key under which word forms of one word family match:
// irregular forms are mapped to their lemma (forms.tsv: went → go, children →
// child), British spellings to American, the result is stemmed with the
// Snowball English stemmer, and a nominalisation's stem is joined to its
// verb's (derived.tsv: agreement → agree). The key is not always an English
// word ("agre"); compare keys only with keys. Digits and words with no letter
// are returned unchanged.
func (lx *Lexicon) Lemma(word string) string {
	if l, ok := lx.lemmas[word]; ok {
		return l
	}
	if !hasLetter(word) {
		return word
	}
	w := lx.americanize(word)
	if l, ok := lx.forms[w]; ok {
		w = l
	}
	s := stem(w)
	if d, ok := lx.derived[s]; ok {
		return d
	}
	return s
}

func hasLetter(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' || c >= 0x80 {
			return true
		}
	}
	return false
}

// stem is the Snowball English stem of a lower-case word.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	env := snowballstem.NewEnv(w)
	english.Stem(env)
	return env.Current()
}
