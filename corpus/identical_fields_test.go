package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The allocation-free field helpers must agree with strings.Fields.
func TestIdenticalFields(t *testing.T) {
	alphabet := []rune("ab .,\t\n\v\f\r\u0085\u00a0\u2003\u3000\u1680\u2028\u205f\u00ab\u1234éИ\"“")
	rng := rand.New(rand.NewPCG(5, 6))
	var samples []string
	for range 100000 {
		rs := make([]rune, rng.IntN(20))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		samples = append(samples, string(rs))
	}
	samples = append(samples, "", " ", "a", "\xff \xfe", "a\xffb c")
	for _, s := range samples {
		want := strings.Fields(s)
		for limit := 0; limit < 6; limit++ {
			if got := countFields(s, limit); got != min(len(want), limit+1) {
				t.Fatalf("countFields(%q, %d) = %d, want %d", s, limit, got, min(len(want), limit+1))
			}
		}
		var got []string
		for from := 0; ; {
			start, end := nextField(s, from)
			if start == len(s) {
				break
			}
			got = append(got, s[start:end])
			from = end
		}
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Fatalf("fields of %q = %q, want %q", s, got, want)
		}
	}
	for range 20000 {
		parts := make([]string, rng.IntN(5))
		for i := range parts {
			parts[i] = samples[rng.IntN(len(samples))]
		}
		if got, want := joinFields(parts), strings.Join(strings.Fields(strings.Join(parts, " ")), " "); got != want {
			t.Fatalf("joinFields(%q) = %q, want %q", parts, got, want)
		}
	}
}

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

// spaceByte marks the lead byte of every white space rune.
func TestIdenticalSpaceByte(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.IsSpace(r) {
			continue
		}
		b := []byte(string(r))
		if spaceByte[b[0]] == sbOther {
			t.Fatalf("white space %U starts with byte %#x, which spaceByte does not mark", r, b[0])
		}
	}
}
