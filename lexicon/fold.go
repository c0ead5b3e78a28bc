package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	unorm "golang.org/x/text/unicode/norm"
)

// Fold removes accents (compatibility decomposition, combining marks
// dropped) and maps typographic quotes, apostrophes and dashes to plain
// ASCII, keeping case: "Lipavský’s" → "Lipavsky's". ASCII text comes back
// as it is, without allocating. The index's analyzer folds every term this
// way, so text folded here matches what was indexed.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := unorm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(FoldPunct(r))
	}
	return unorm.NFC.String(b.String())
}

// FoldPunct maps a typographic quote, apostrophe or dash to plain ASCII and
// returns any other rune as it is.
func FoldPunct(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\uFF07', '`', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB', '\uFF02':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	}
	return r
}
