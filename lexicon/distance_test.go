package lexicon

import "testing"

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"zelensky", "zelenskyy", 1},
		{"kvist", "quist", 2},
		{"kitten", "sitting", 3},
		{"zoltanov", "zoltanow", 1},
		{"café", "cafe", 1},
		{"Łukasz", "Lukasz", 1},
	} {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := Distance(tt.b, tt.a); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.b, tt.a, got, tt.want)
		}
		for max := 0; max <= 4; max++ {
			if got, want := Within(tt.a, tt.b, max), tt.want <= max; got != want {
				t.Errorf("Within(%q, %q, %d) = %v, want %v", tt.a, tt.b, max, got, want)
			}
		}
	}
}
