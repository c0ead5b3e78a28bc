package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// The regexp prechecks of splitBlocks must not change what it finds.
func TestIdenticalBoilerplateAndMarkdown(t *testing.T) {
	isBoilerplateOriginal := func(text string) bool {
		if boilerplate.MatchString(text) || parenNote.MatchString(text) {
			return true
		}
		for _, r := range text {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
		return true
	}
	cleanMarkdownOriginal := func(s string) string {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
		s = mdEmphasis.ReplaceAllString(s, "$2")
		return strings.TrimSpace(s)
	}
	pieces := []string{"Also read", "READ MORE", "read also", "Related", "related stories", "Recommended", "Watch",
		"watch video", "Advertisement", "ſubscribe", "Sign up", "cliK here", "Follow us", "Share this", "Photo credit",
		"image credit", "Video Credit", "(with inputs", "(Reporting by", "(This story", ")", ".", ":", " ", "|", "-", "—",
		"**", "__", "*", "_", "[", "]", "(", "![", "](", "x", "Sa", "Re", "A", "s", "k", "é", "\u00a0", "Watchdog", "S"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := isBoilerplate(s), isBoilerplateOriginal(s); got != want {
			t.Fatalf("isBoilerplate(%q) = %v, want %v", s, got, want)
		}
		if got, want := cleanMarkdown(s), cleanMarkdownOriginal(s); got != want {
			t.Fatalf("cleanMarkdown(%q) = %q, want %q", s, got, want)
		}
	}
}
