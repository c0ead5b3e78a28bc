package quote

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// quoteMarks must find what ranging over the runes finds.
func TestIdenticalQuoteMarks(t *testing.T) {
	alphabet := []string{"a", " ", "\"", "'", "\u201C", "\u201D", "\u2018", "\u2019", "\u00AB", "\u00BB", "\u201E",
		"\u201F", "\u2032", "\u2033", "\u2014", "\u00A0", "é", "\xE2", "\xE2\x80", "\xC2", "\x80", "\xff", "€"}
	rng := rand.New(rand.NewPCG(9, 10))
	for range 200000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		var want []markInfo
		for i, r := range text {
			if isQuoteRune(r) {
				want = append(want, markInfo{pos: i, size: utf8.RuneLen(r), r: r})
			}
		}
		got := quoteMarks(text)
		if len(got) != len(want) {
			t.Fatalf("quoteMarks(%q) = %v, want %v", text, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("quoteMarks(%q) = %v, want %v", text, got, want)
			}
		}
	}
}
