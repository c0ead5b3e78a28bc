package lexicon

import (
	"fmt"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ascii unchanged", "No deal", "No deal"},
		{"accents dropped, case kept", "Lipavský", "Lipavsky"},
		{"curly apostrophe", "There’s", "There's"},
		{"curly and guillemet quotes", "“a” «b» „c“", `"a" "b" "c"`},
		{"dashes", "Elmendorf–Richardson — end", "Elmendorf-Richardson - end"},
		{"compatibility forms", "ﬁnal", "final"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Fold(tc.in); got != tc.want {
				t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func ExampleFold() {
	fmt.Println(Fold("Lipavský’s “pragmatic” line"))
	// Output: Lipavsky's "pragmatic" line
}
