package quote

import (
	"strings"
	"summitbot/lexicon"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldName folds a name for comparison across spellings and
// transliterations: lower case, no diacritics, and common variant letters
// made the same (Zelensky/Zelenskyy/Zelenskiy, Zoltanov/Zoltanow,
// Quist/Kvist, Ana/Anna).
//
// It is the composition of three steps, done in one pass over the name's
// letters: the transliteration digraphs ("qu" → "kv", "sch" → "sh", …,
// replaced left to right without overlaps), then the variant letters
// ("w" → "v", "x" → "ks", …), then the collapse of doubled letters
// (Anna/Ana, Zelenskii/Zelenski).
func foldName(s string) string {
	var buf, out [64]byte
	letters := foldLetters(buf[:0], s)
	return string(foldSpelling(out[:0], letters))
}

// foldLetters appends s's letters to b in lower case, without diacritics,
// with ł, ø, æ and ß spelt in Latin letters.
func foldLetters(b []byte, s string) []byte {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if 'a' <= c && c <= 'z' {
				b = append(b, c)
			}
		}
		return b
	}
	s = norm.NFD.String(strings.ToLower(s))
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || !unicode.IsLetter(r) {
			continue
		}
		switch r {
		case 'ł':
			r = 'l'
		case 'ø':
			r = 'o'
		case 'æ':
			b = append(b, "ae"...)
			continue
		case 'ß':
			b = append(b, "ss"...)
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// foldSpelling appends to out the letters f with the transliteration
// digraphs and variant letters folded and doubled letters collapsed.
func foldSpelling(out, f []byte) []byte {
	for i := 0; i < len(f); {
		// Transliteration digraphs: no two begin with the same letter and
		// none is a prefix of another, so at most one matches at i.
		var rep string
		n := 0
		if i+1 < len(f) {
			switch c, d := f[i], f[i+1]; {
			case c == 'q' && d == 'u':
				rep, n = "kv", 2
			case c == 'p' && d == 'h':
				rep, n = "f", 2
			case c == 'c' && d == 'k':
				rep, n = "k", 2
			case c == 'k' && d == 'h':
				rep, n = "h", 2
			case c == 's' && d == 'c' && i+2 < len(f) && f[i+2] == 'h':
				rep, n = "sh", 3
			case c == 't' && d == 'c' && i+2 < len(f) && f[i+2] == 'h':
				rep, n = "ch", 3
			case c == 'o' && d == 'u':
				rep, n = "u", 2
			case c == 'd' && d == 'j':
				rep, n = "j", 2
			}
		}
		if n == 0 {
			out = appendVariant(out, f[i])
			i++
			continue
		}
		for k := 0; k < len(rep); k++ {
			out = appendVariant(out, rep[k])
		}
		i += n
	}
	return out
}

// appendVariant appends c with the variant letters folded (w → v, y → i,
// c → k, x → ks, q → k), skipping a byte equal to the one before it.
func appendVariant(out []byte, c byte) []byte {
	switch c {
	case 'w':
		c = 'v'
	case 'y':
		c = 'i'
	case 'c', 'q':
		c = 'k'
	case 'x':
		out = appendUndoubled(out, 'k')
		c = 's'
	}
	return appendUndoubled(out, c)
}

func appendUndoubled(out []byte, c byte) []byte {
	if n := len(out); n > 0 && out[n-1] == c {
		return out
	}
	return append(out, c)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// similarFold reports whether two folded surnames are spelling variants.
func similarFold(a, b string) bool {
	if a == b {
		return a != ""
	}
	if a == "" || b == "" || a[0] != b[0] {
		return false
	}
	n := min(len(a), len(b))
	if n < 5 {
		return false
	}
	limit := 1
	if n >= 9 {
		limit = 2
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return false
	}
	return lexicon.Distance(a, b) <= limit
}

// givenCompatible reports whether two given names can be the same person's:
// equal after folding, a spelling variant, or one an initial of the other.
// An empty given name is compatible with any.
func givenCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	return foldedGivenCompatible(foldName(firstWord(a)), foldName(firstWord(b)))
}

// foldedGivenCompatible is givenCompatible for two non-empty given names
// whose first words are already folded.
func foldedGivenCompatible(fa, fb string) bool {
	if fa == "" || fb == "" {
		return true
	}
	if fa == fb {
		return true
	}
	if len(fa) == 1 || len(fb) == 1 {
		return fa[0] == fb[0]
	}
	if fa[0] != fb[0] {
		return false
	}
	return lexicon.Distance(fa, fb) <= 1 && min(len(fa), len(fb)) >= 3
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// nameParticles join a surname to the words before it (von der Leyen).
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "bin": true, "al": true, "el": true,
	"da": true, "di": true, "du": true, "la": true, "le": true, "dos": true, "das": true, "del": true,
	"ter": true, "ten": true, "ibn": true, "abu": true, "bint": true, "ben": true, "st": true, "mac": true,
}

// splitName splits a person's name into given names and surname.
func splitName(ws []string) (given, surname string) {
	if len(ws) == 0 {
		return "", ""
	}
	i := len(ws) - 1
	for i > 0 && nameParticles[strings.ToLower(ws[i-1])] && i-1 > 0 {
		i--
	}
	return strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")
}

// titleCase capitalises each word except short function words.
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && (lw == "of" || lw == "and" || lw == "for" || lw == "the" || lw == "on" || lw == "in" || lw == "at") {
			ws[i] = lw
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}
