package index

import (
	"context"
	"path/filepath"
	"testing"
)

// TestAskBlindSet runs testdata/ask_blind.tsv, /ask questions written
// before any of them was run (short, indirect, comparative, numbers and
// money, places inside a place, what came next, reasons, paraphrased
// speakers), with floors at the scores reached at its top 3 and at its
// first answer; each miss is logged.
func TestAskBlindSet(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 18 articles")
	}
	e, _ := openEngine(t, freshFiles(t))
	lines := readEval(t, filepath.Join("testdata", "ask_blind.tsv"))
	tests := []struct {
		name  string
		k     int // results looked at
		floor int // passes required
	}{
		{"top 3", 3, 61},
		{"top 1", 1, 53},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pass, total := 0, 0
			for _, l := range lines {
				if l.kind != "ask" {
					continue
				}
				total++
				ans, err := e.Ask(context.Background(), l.query, 5)
				if err != nil {
					t.Fatalf("Ask(%q): %v", l.query, err)
				}
				if ans.Found && freshHit(ans.Results, l.expected, tc.k) {
					pass++
					continue
				}
				t.Logf("miss (line %d) %q: want %s\n%s", l.line, l.query, l.expected, describe(ans.Results))
			}
			t.Logf("ask %s: %d/%d", tc.name, pass, total)
			if pass < tc.floor {
				t.Errorf("ask %s: %d/%d pass, below the floor of %d", tc.name, pass, total, tc.floor)
			}
		})
	}
}
