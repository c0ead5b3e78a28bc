package wording

import (
	"fmt"
	"slices"
	"testing"
)

func TestMeta(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"value", " Reuters ", "Reuters"},
		{"spaces inside", "BBC \n News", "BBC News"},
		{"empty", "", ""},
		{"unknown", "Unknown", ""},
		{"n/a", "N/A", ""},
		{"dash", "-", ""},
		{"em dash", "—", ""},
		{"bracketed", "(unknown)", ""},
		{"word containing a placeholder", "Unknown Pleasures Weekly", "Unknown Pleasures Weekly"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Meta(tc.in); got != tc.want {
				t.Errorf("Meta(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"iso", "2025-08-16", "16 Aug 2025"},
		{"rfc3339", "2025-08-16T10:30:00Z", "16 Aug 2025"},
		{"long", "16 August 2025", "16 Aug 2025"},
		{"american", "August 16, 2025", "16 Aug 2025"},
		{"weekday", "Saturday, August 16, 2025", "16 Aug 2025"},
		{"month only", "August 2025", "Aug 2025"},
		{"placeholder", "unknown", ""},
		{"dash", "-", ""},
		{"not a date", "last week", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Date(tc.in); got != tc.want {
				t.Errorf("Date(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestShortOutlet(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"short already", "Reuters", "Reuters"},
		{"the kept when short", "The Guardian", "The Guardian"},
		{"parenthesis", "RIA Novosti (English service)", "RIA Novosti"},
		{"table", "Agence France-Presse", "AFP"},
		{"table after parenthesis", "Associated Press (Europe)", "AP"},
		{"long with separator", "The Anchorage Evening Chronicle – Politics", "Anchorage Evening Chronicle"},
		{"placeholder", "n/a", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ShortOutlet(tc.in); got != tc.want {
				t.Errorf("ShortOutlet(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"note", "no quote contains \"x\"", "No quote contains \"x\"."},
		{"already a sentence", "Done.", "Done."},
		{"quote closing a sentence", "he said “no.”", "He said “no.”"},
		{"empty", "  ", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Sentence(tc.in); got != tc.want {
				t.Errorf("Sentence(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	got := Sentences("No quote contains “a. b”. Try fewer words!\nSecond line")
	want := []string{"No quote contains “a.", "b”.", "Try fewer words!", "Second line"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestRepeats(t *testing.T) {
	tests := []struct {
		name, said, s string
		want          bool
	}{
		{"same sentence, other case and quotes", "No quote contains “no deal”. Try fewer words.", `no quote contains "no deal"`, true},
		{"something new", "No quote contains “no deal”.", "several speakers match: a, b", false},
		{"empty", "No quote contains “no deal”.", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Repeats(tc.said, tc.s); got != tc.want {
				t.Errorf("Repeats(%q, %q) = %v", tc.said, tc.s, got)
			}
		})
	}
}

func ExampleCount() {
	fmt.Println(Count(1, "quote"), "·", Count(3, "quote"), "·", Count(0, "reply", "replies"))
	// Output: 1 quote · 3 quotes · 0 replies
}

func ExampleDate() {
	fmt.Printf("%q %q %q\n", Date("2025-08-15"), Date("August 15, 2025"), Date("unknown"))
	// Output: "15 Aug 2025" "15 Aug 2025" ""
}

func TestRedundant(t *testing.T) {
	tests := []struct {
		name, said, note string
		want             bool
	}{
		{"repeat", "No quote contains “no deal”.", `no quote contains "no deal"`, true},
		{"restates the miss", "No quotes from “nobody”. Pick a speaker from the suggestions.", `no quoted speaker matches "nobody"`, true},
		{"says more without quoting", "Nothing found for “the”.", "nothing to search for: type some words", false},
		{"names something else", "No quotes from “nobody”.", `no quoted speaker matches "somebody"`, false},
		{"explains", "Found nothing on how “fishermen” reacted.", `"fishermen" is not a known group: plain search`, false},
		{"found something", "Quotes by Vladimir Putin", "several speakers match: a, b", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Redundant(tc.said, tc.note); got != tc.want {
				t.Errorf("Redundant(%q, %q) = %v", tc.said, tc.note, got)
			}
		})
	}
}
