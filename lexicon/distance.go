package lexicon

import "unicode/utf8"

// Distance is the Levenshtein distance between two short strings, counted
// in runes. ASCII strings shorter than 64 bytes are compared without
// allocating.
func Distance(a, b string) int {
	if len(a) < 64 && len(b) < 64 && isASCII(a) && isASCII(b) {
		var pa, ca [64]int
		return levenshtein([]byte(a), []byte(b), pa[:len(b)+1], ca[:len(b)+1])
	}
	rb := []rune(b)
	return levenshtein([]rune(a), rb, make([]int, len(rb)+1), make([]int, len(rb)+1))
}

// Within reports whether a and b are at most max edits apart.
func Within(a, b string, max int) bool {
	if d := utf8.RuneCountInString(a) - utf8.RuneCountInString(b); d > max || -d > max {
		return false
	}
	return Distance(a, b) <= max
}

// levenshtein is the edit distance of a and b, with two rows of len(b)+1.
func levenshtein[T byte | rune](a, b []T, prev, cur []int) int {
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
