package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Allocation-free helpers with the semantics of strings.Fields (exported for
// package quote, which counts and walks the words of quotes): fields are
// separated by runs of unicode.IsSpace runes.

// NextField returns the bounds of the first field of s at or after byte i,
// or start == len(s) when there is none.
func NextField(s string, i int) (start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return start, i
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// CountFields is min(len(strings.Fields(s)), limit+1).
func CountFields(s string, limit int) int {
	n := 0
	for i := 0; n <= limit; n++ {
		start, end := NextField(s, i)
		if start == len(s) {
			break
		}
		i = end
	}
	return n
}

// joinFields is strings.Join(strings.Fields(strings.Join(parts, " ")), " ").
func joinFields(parts []string) string {
	if allSingleSpaced(parts) {
		// Already fields separated by single spaces: joined as they are.
		return strings.Join(parts, " ")
	}
	total := len(parts)
	for _, p := range parts {
		total += len(p)
	}
	var b strings.Builder
	b.Grow(total)
	for _, p := range parts {
		for i := 0; ; {
			start, end := NextField(p, i)
			if start == len(p) {
				break
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p[start:end])
			i = end
		}
	}
	return b.String()
}

// allSingleSpaced reports whether every part is non-empty and is fields
// separated by single ' ', with no other white space.
func allSingleSpaced(parts []string) bool {
	for _, p := range parts {
		if p == "" || p[0] == ' ' || p[len(p)-1] == ' ' {
			return false
		}
		for i := 0; i < len(p); i++ {
			switch spaceByte[p[i]] {
			case sbOther:
			case sbSpace:
				if p[i-1] == ' ' {
					return false
				}
			case sbASCIISpace:
				return false
			case sbLead:
				if r, _ := utf8.DecodeRuneInString(p[i:]); unicode.IsSpace(r) {
					return false
				}
			}
		}
	}
	return true
}

// What a byte may be in white space, for allSingleSpaced.
const (
	sbOther      = iota // not white space, nor the start of any
	sbSpace             // ' '
	sbASCIISpace        // '\t', '\n', '\v', '\f', '\r'
	sbLead              // may start a non-ASCII white space rune
)

var spaceByte = func() (t [256]uint8) {
	for _, c := range []byte("\t\n\v\f\r") {
		t[c] = sbASCIISpace
	}
	t[' '] = sbSpace
	// The lead bytes of the non-ASCII white space runes (U+0085, U+00A0,
	// U+1680, U+2000..U+205F, U+3000).
	for _, c := range []byte{0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = sbLead
	}
	return t
}()
