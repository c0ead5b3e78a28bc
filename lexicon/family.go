package lexicon

import "sort"

// Family returns the words of the tables that share word's lemma key: its
// irregular forms (forms.tsv: meet → met; begin → began, begun) and its
// nominalisations and their roots (derived.tsv: agree → agreement), the
// word itself included, sorted. A word the tables do not know is its own
// family. The result is shared: do not modify it. A caller that matches
// by its own stemmer can stem these to find the family in a text without
// lemmatising the text.
func (lx *Lexicon) Family(word string) []string {
	if f, ok := lx.family[lx.Lemma(word)]; ok {
		return f
	}
	return []string{word}
}

// buildFamilies groups the words of forms.tsv and the derived tables by
// lemma key (Load).
func (lx *Lexicon) buildFamilies() {
	words := map[string]bool{}
	for f, l := range lx.forms {
		words[f], words[l] = true, true
	}
	for w := range lx.derivedWords {
		words[w] = true
	}
	fam := map[string][]string{}
	for w := range words {
		k := lx.Lemma(w)
		fam[k] = append(fam[k], w)
	}
	for k, list := range fam {
		sort.Strings(list)
		fam[k] = list
	}
	lx.family = fam
}
