package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
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
			if got := CountFields(s, limit); got != min(len(want), limit+1) {
				t.Fatalf("CountFields(%q, %d) = %d, want %d", s, limit, got, min(len(want), limit+1))
			}
		}
		var got []string
		for from := 0; ; {
			start, end := NextField(s, from)
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
