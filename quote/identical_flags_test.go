package quote

import (
	"strings"
	"testing"
)

// Every token flag must say what a look-up in its word list says.
func TestIdenticalTokenFlags(t *testing.T) {
	var words []string
	for _, w := range identicalWords(t) {
		words = append(words, w, strings.ToLower(w))
	}
	for _, m := range []map[string]bool{lex.stop, lex.titles, lex.boundaries, lex.auxiliaries, lex.determiners,
		lex.orgHeads, lex.timeWords, lex.pluralNouns, lex.orgWords, prepositions, nameParticles, pronouns, placePrepositions} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range lex.countryKeys {
		words = append(words, w)
	}
	for w := range lex.verbs {
		words = append(words, w)
	}
	for w := range lex.personHeads {
		words = append(words, w)
	}
	for w := range lex.honorifics {
		words = append(words, w)
	}
	n := len(words)
	for _, w := range words[:n] {
		words = append(words, w+"'s", w+"'", w+"'s'", "", ",", ".")
	}
	for _, low := range words {
		f := lex.wordFlags(low)
		_, head := lex.personHeads[low]
		_, verb := lex.verbs[low]
		l := strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "'")
		_, country := lex.countryKeys[l]
		want := map[tokFlag]bool{
			fStop: lex.stop[low], fTitle: lex.titles[low], fPersonHead: head, fBoundary: lex.boundaries[low],
			fAuxiliary: lex.auxiliaries[low], fDeterminer: lex.determiners[low], fVerb: verb,
			fHonorific: lex.honorifics[low] != 0, fOrgHead: lex.orgHeads[low], fTimeWord: lex.timeWords[low],
			fPreposition: prepositions[low], fNameParticle: nameParticles[low], fPronoun: pronouns[low],
			fPlacePrep: placePrepositions[low],
			fNotName: lex.stop[l] || lex.titles[l] || lex.orgHeads[l] || lex.timeWords[l] || lex.pluralNouns[l] ||
				lex.orgWords[l] || country,
			fNotNameKey: false,
		}
		for flag, w := range want {
			if got := f&flag != 0; got != w {
				t.Fatalf("wordFlags(%q) flag %b = %v, want %v", low, flag, got, w)
			}
		}
	}
	// Tokens carry their flags, and lowerText is strings.ToLower of their text.
	texts := append(identicalWords(t), "Mr. Putin's aides said in Kyiv, the minister's “quote” (AfD) — they're",
		"Ⅰ Ⅱ ’Tis O’Brien’s NATO’s İstanbul")
	for _, text := range texts {
		for _, tok := range tokenize(text, scanQuotes(text, famNone)) {
			if tok.flags != lex.wordFlags(tok.low) {
				t.Fatalf("token %q has flags %b, want %b", tok.text, tok.flags, lex.wordFlags(tok.low))
			}
			if got, want := lowerText(tok), strings.ToLower(tok.text); got != want {
				t.Fatalf("lowerText(%q) = %q, want %q", tok.text, got, want)
			}
		}
	}
}
