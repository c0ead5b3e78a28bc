package lexicon

import (
	"fmt"
	"strings"
)

func (lx *Lexicon) addSpelling(f []string) error {
	if len(f) != 3 || f[0] == "" || f[1] == "" {
		return fmt.Errorf("want british, american, class: %q", f)
	}
	br, am := f[0], f[1]
	switch f[2] {
	case "word":
		lx.spell[br] = am
	case "s":
		lx.spell[br] = am
		lx.spell[br+"s"] = am + "s"
	case "re": // centre/center: centres, centred, centring
		if !strings.HasSuffix(br, "re") || !strings.HasSuffix(am, "er") {
			return fmt.Errorf("class re wants -re and -er: %q", f)
		}
		lx.spell[br] = am
		lx.spell[br+"s"] = am + "s"
		lx.spell[br+"d"] = am + "ed"
		lx.spell[br[:len(br)-1]+"ing"] = am + "ing"
	case "ll": // travel: travelled, travelling, traveller(s)
		if !strings.HasSuffix(br, "l") {
			return fmt.Errorf("class ll wants a verb ending in l: %q", f)
		}
		for _, suf := range []string{"ed", "ing", "er", "ers"} {
			lx.spell[br+"l"+suf] = br + suf
		}
	case "keep":
		lx.spellKeep[br] = true
	default:
		return fmt.Errorf("unknown class %q", f[2])
	}
	return nil
}

// Spelling returns the American spelling of a British one ("harbour" →
// "harbor", "organised" → "organized", "travelled" → "traveled"), and the
// word itself otherwise. Listed pairs come from spellings.tsv; the regular
// patterns -our → -or, -ise → -ize, -isation → -ization and -yse → -yze are
// applied by rule, except to the words spellings.tsv marks "keep" (hour,
// promise, …).
func (lx *Lexicon) Spelling(word string) string { return lx.americanize(word) }

var ourSuffixes = []string{"", "s", "ed", "ing", "ite", "ites", "able", "ably", "ful", "fully", "less", "er", "ers", "al", "ally", "y", "ism"}

var iseSuffixes = []string{"e", "es", "ed", "ing", "er", "ers"}

func (lx *Lexicon) americanize(w string) string {
	if a, ok := lx.spell[w]; ok {
		return a
	}
	if len(w) < 5 {
		return w
	}
	// -isation(s) → -ization(s)
	if i := strings.Index(w, "isation"); i >= 2 && (len(w) == i+7 || w[i+7:] == "s") {
		return w[:i] + "iz" + w[i+2:]
	}
	// -our family: harbour, colours, favourite, honourable, behavioural.
	if i := strings.LastIndex(w, "our"); i >= 2 {
		suf := w[i+3:]
		for _, s := range ourSuffixes {
			if s == suf {
				if lx.spellKeep[w[:i+3]] {
					return w
				}
				return w[:i] + "or" + suf
			}
		}
	}
	// -ise and -yse families: organise, organised, analysing.
	if i := strings.LastIndex(w, "is"); i >= 3 {
		if r := lx.iseRule(w, i, 'i'); r != "" {
			return r
		}
	}
	if i := strings.LastIndex(w, "lys"); i >= 2 {
		if r := lx.iseRule(w, i+1, 'y'); r != "" {
			return r
		}
	}
	return w
}

// iseRule rewrites w whose "is"/"ys" starts at i to "iz"/"yz" when the rest
// is an -ise suffix and the base word is not kept.
func (lx *Lexicon) iseRule(w string, i int, vowel byte) string {
	rest := w[i+2:] // after "is"/"ys"
	for _, s := range iseSuffixes {
		tail := s
		if s == "ing" || s == "er" || s == "ers" || s == "ed" || s == "es" {
			// rest is s itself (organis|ing, organis|ed)
		} else {
			tail = "e"
		}
		if rest != tail {
			continue
		}
		base := w[:i] + string(vowel) + "se"
		if w[i-1] == 'w' || lx.spellKeep[base] {
			return ""
		}
		return w[:i] + string(vowel) + "z" + rest
	}
	return ""
}
