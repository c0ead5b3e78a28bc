package bot

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestEscape(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Trump met Putin in Anchorage.", "Trump met Putin in Anchorage."},
		{"hyphen and parentheses mid-line stay", "Trump-Putin talks (ICC)", "Trump-Putin talks (ICC)"},
		{"emphasis", "*a* _b_ ~~c~~ `d` ||e||", `\*a\* \_b\_ \~\~c\~\~ \` + "`" + `d\` + "`" + ` \|\|e\|\|`},
		{"backslash", `a\b`, `a\\b`},
		{"masked link", "[x](https://evil.example)", `\[x\](https://evil.example)`},
		{"heading at line start", "# Big", `\# Big`},
		{"subtext at line start", "-# small", `\-# small`},
		{"list at line start", "- item\n  + item", "\\- item\n  \\+ item"},
		{"quote at line start", "> quoted\n>>> more", "\\> quoted\n\\>>> more"},
		{"numbered list", "1. first\n12) second", "1\\. first\n12\\) second"},
		{"number mid-line", "in 2025. Then", "in 2025. Then"},
		{"year at line start without list", "2025 was long", "2025 was long"},
		{"everyone and here", "hey @everyone and @here", "hey @\u200beveryone and @\u200bhere"},
		{"user and role mentions", "<@123> <@&456> <#789>", `\<@123> \<@&456> \<#789>`},
		{"email stays", "a@b.example", "a@b.example"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := escape(tc.in); got != tc.want {
				t.Errorf("escape(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if back := unmarkdown(escape(tc.in)); back != tc.in {
				t.Errorf("unmarkdown(escape(%q)) = %q", tc.in, back)
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		name, text string
		terms      []string
		want       string
	}{
		{"adjacent words share one span", "There’s no deal until there’s a deal", []string{"no", "deal"}, "There’s **no deal** until there’s a **deal**"},
		{"a phrase as one term", "There’s no deal until", []string{"no deal"}, "There’s **no deal** until"},
		{"a phrase matches only in sequence", "a deal, no deal: no, a deal", []string{"no deal"}, "a deal, **no deal**: no, a deal"},
		{"a quoted phrase", `"There’s no deal until there’s a deal," Trump said`, []string{"There's no deal until there's a deal"}, `"**There’s no deal until there’s a deal**," Trump said`},
		{"case and apostrophes", "THERE'S a deal", []string{"there’s"}, "**THERE'S** a deal"},
		{"inflections", "sanctions on India; sanction", []string{"sanction"}, "**sanctions** on India; **sanction**"},
		{"short terms need the whole word", "nobody said no", []string{"no"}, "nobody said **no**"},
		{"distant forms are not matched", "talking points", []string{"talk"}, "**talking** points"},
		{"diacritics", "Lipavský said", []string{"lipavsky"}, "**Lipavský** said"},
		{"punctuation between breaks the span", "many, many points", []string{"many"}, "**many**, **many** points"},
		{"no span over a line break", "no\ndeal", []string{"no", "deal"}, "**no**\n**deal**"},
		{"markup around a match is escaped", "*deal*", []string{"deal"}, `\***deal**\*`},
		{"no terms", "a *b*", nil, `a \*b\*`},
		{"line-start escape still applies", "- deal", []string{"deal"}, `\- **deal**`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := highlight(tc.text, tc.terms); got != tc.want {
				t.Errorf("highlight(%q, %q) = %q, want %q", tc.text, tc.terms, got, tc.want)
			}
		})
	}
}

func Example_highlight() {
	fmt.Println(highlight("“There’s no deal until there’s a deal,” Trump said. @everyone *listen*", []string{"no", "deal"}))
	// Output: “There’s **no deal** until there’s a **deal**,” Trump said. @​everyone \*listen\*
}

func TestCutMarkdown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
		want string
	}{
		{"fits", "short text", 20, "short text"},
		{"at a word", "one two three four", 12, "one two…"},
		{"bold closed", "**one two three four**", 14, "**one two**…"},
		{"empty bold dropped", "one **two three**", 7, "one…"},
		{"escape kept whole", `aaaa \*\*\*\*`, 8, `aaaa…`},
		{"long word cut hard", strings.Repeat("x", 50), 10, strings.Repeat("x", 9) + "…"},
		{"tiny", "abc def", 1, "…"},
		{"zero", "abc", 0, ""},
		{"surrogates counted as two", "😀😀😀😀", 5, "😀😀…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := cutMarkdown(tc.in, tc.max)
			if got != tc.want {
				t.Errorf("cutMarkdown(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
			}
			if textLen(got) > tc.max {
				t.Errorf("length %d > %d", textLen(got), tc.max)
			}
		})
	}
}

// TestCutMarkdownProperties cuts random rendered Markdown at random limits:
// the result always fits, keeps escapes whole, balances bold markers, ends
// with an ellipsis and reads as a prefix of the original.
func TestCutMarkdownProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"deal", "no", " ", " ", "*", "_", "\\", "@everyone", "😀", "é", "\n", "- ", "peace", "`", "[", "]"}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := rng.IntN(400); n > 0; n-- {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		raw := b.String()
		rendered := highlight(raw, []string{"deal", "peace"})
		limit := rng.IntN(textLen(rendered) + 5)
		got := cutMarkdown(rendered, limit)
		switch {
		case textLen(got) > limit:
			t.Fatalf("cut to %d has %d: %q", limit, textLen(got), got)
		case got == rendered:
			continue
		case limit > 0 && !strings.HasSuffix(got, ellipsis):
			t.Fatalf("cut without ellipsis: %q", got)
		}
		body := strings.TrimSuffix(got, ellipsis)
		if boldMarkers(body)%2 != 0 {
			t.Fatalf("unbalanced bold: %q", got)
		}
		if trailingBackslashes(body)%2 != 0 {
			t.Fatalf("escape split: %q", got)
		}
		if back := unmarkdown(body); !strings.HasPrefix(unmarkdown(rendered), back) {
			t.Fatalf("not a prefix of the original:\n%q\n%q", back, unmarkdown(rendered))
		}
	}
}

// boldMarkers counts the unescaped "**" in s.
func boldMarkers(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case strings.HasPrefix(s[i:], "**"):
			n++
			i++
		}
	}
	return n
}

func trailingBackslashes(s string) int {
	n := 0
	for strings.HasSuffix(s[:len(s)-n], `\`) {
		n++
	}
	return n
}

func TestCutPlain(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		max      int
		ellipsis bool
		want     string
	}{
		{"fits", "Donald Trump", 100, true, "Donald Trump"},
		{"at a word with ellipsis", "one two three", 10, true, "one two…"},
		{"at a word, no ellipsis", "one two three", 10, false, "one two"},
		{"hard cut", "abcdefghij", 5, false, "abcde"},
		{"nothing fits", "abc", 1, true, "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cutPlain(tc.in, tc.max, tc.ellipsis); got != tc.want {
				t.Errorf("cutPlain(%q, %d, %v) = %q, want %q", tc.in, tc.max, tc.ellipsis, got, tc.want)
			}
		})
	}
}
