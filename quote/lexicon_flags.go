package quote

import (
	"strings"
	"unicode/utf8"
)

// tokFlag is a fact the lexicon states about a token's lower-case form
// (token.low). Every token carries its flags, computed once with lex when
// the token is made, so that the attribution rules test a bit instead of
// looking the word up in a map again and again.
type tokFlag uint16

const (
	fStop         tokFlag = 1 << iota // lx.stop
	fTitle                            // lx.titles
	fPersonHead                       // in lx.personHeads
	fBoundary                         // lx.boundaries
	fAuxiliary                        // lx.auxiliaries
	fDeterminer                       // lx.determiners
	fVerb                             // in lx.verbs
	fHonorific                        // lx.honorifics is not 0
	fOrgHead                          // lx.orgHeads
	fTimeWord                         // lx.timeWords
	fPreposition                      // prepositions
	fNameParticle                     // nameParticles
	fPronoun                          // pronouns
	fPlacePrep                        // placePrepositions
	// fNotName: the word without a possessive 's or ' is in one of the
	// lists that rule a capitalised word out as a name (see isNameWord).
	fNotName
	// fNotNameKey marks, in lexicon.flags only, the words of those lists.
	fNotNameKey
)

// buildFlags gathers the flags of every word the lists name.
func (lx *wordLists) buildFlags() map[string]tokFlag {
	m := map[string]tokFlag{}
	add := func(f tokFlag, words map[string]bool) {
		for w, ok := range words {
			if ok {
				m[w] |= f
			}
		}
	}
	add(fStop, lx.stop)
	add(fTitle, lx.titles)
	for w := range lx.personHeads {
		m[w] |= fPersonHead
	}
	add(fBoundary, lx.boundaries)
	add(fAuxiliary, lx.auxiliaries)
	add(fDeterminer, lx.determiners)
	for w := range lx.verbs {
		m[w] |= fVerb
	}
	for w, g := range lx.honorifics {
		if g != 0 {
			m[w] |= fHonorific
		}
	}
	add(fOrgHead, lx.orgHeads)
	add(fTimeWord, lx.timeWords)
	add(fPreposition, prepositions)
	add(fNameParticle, nameParticles)
	add(fPronoun, pronouns)
	add(fPlacePrep, placePrepositions)
	for _, words := range []map[string]bool{lx.stop, lx.titles, lx.orgHeads, lx.timeWords, lx.pluralNouns, lx.orgWords} {
		add(fNotNameKey, words)
	}
	for w := range lx.countryKeys {
		m[w] |= fNotNameKey
	}
	return m
}

// wordFlags computes the flags of a token's lower-case form.
func (lx *wordLists) wordFlags(low string) tokFlag {
	f := lx.flags[low]
	l := strings.TrimSuffix(strings.TrimSuffix(low, "'s"), "'")
	nk := f
	if l != low {
		nk = lx.flags[l]
	}
	f &^= fNotNameKey
	if nk&fNotNameKey != 0 {
		f |= fNotName
	}
	return f
}

// quoteTokenFlags are the flags of a quote token, whose low is "".
var quoteTokenFlags = lex.wordFlags("")

// asciiTokenFlags are the flags of the one-byte tokens (punctuation).
var asciiTokenFlags = func() (t [utf8.RuneSelf]tokFlag) {
	for c := range byte(utf8.RuneSelf) {
		t[c] = lex.wordFlags(string([]byte{c}))
	}
	return t
}()

// tokIs reports whether token t's lower-case form has flag f in lx.
func (lx *wordLists) tokIs(t token, f tokFlag) bool {
	if lx == lex {
		return t.flags&f != 0
	}
	return lx.wordFlags(t.low)&f != 0
}

// has reports whether t's lower-case form has flag f. It is for the flags of
// the package's own word lists (prepositions, nameParticles, pronouns,
// placePrepositions), which do not depend on a lexicon.
func (t token) has(f tokFlag) bool { return t.flags&f != 0 }
