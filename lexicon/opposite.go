package lexicon

import "fmt"

// addOpposite reads one row of opposites.tsv: two words that say the
// opposite of each other in place.
func (lx *Lexicon) addOpposite(f []string) error {
	if len(f) != 2 || f[0] == "" || f[1] == "" || f[0] == f[1] {
		return fmt.Errorf("want two different words: %q", f)
	}
	a, b := lx.Lemma(f[0]), lx.Lemma(f[1])
	lx.opposite[a] = append(lx.opposite[a], b)
	lx.opposite[b] = append(lx.opposite[b], a)
	return nil
}

// Opposites returns the lemma keys of the words that say the opposite of
// the word with the lemma key ("out" for "in", "less" for "more";
// opposites.tsv), nil for most words.
func (lx *Lexicon) Opposites(key string) []string { return lx.opposite[key] }
