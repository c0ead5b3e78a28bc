package index

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"summitbot/answer"
	"summitbot/internal/devdata"
	"testing"
)

// TestLazyReactionsPickAsExhaustive: scoring reactions candidates by their
// bounds, and skipping the search when members' statements settle the
// answer, picks answers of the same scores as scoring every candidate after
// the search. Ties may be broken differently (the search's score breaks
// them when it runs), so the scores are compared, in order.
func TestLazyReactionsPickAsExhaustive(t *testing.T) {
	corpora := map[string]struct {
		files   map[string][]byte
		queries string
	}{
		"fiction":   {fictionFiles(t), filepath.Join(devdata.FictionDir(t), "queries.tsv")},
		"realistic": {realisticFiles(t), filepath.Join("testdata", "realistic_queries.tsv")},
	}
	ctx := context.Background()
	for name, c := range corpora {
		t.Run(name, func(t *testing.T) {
			e, _ := openEngine(t, c.files)
			groups := []string{"europe", "ukraine", "russia", "united states", "nato", "the opposition", "leaders", "officials"}
			for _, l := range readEval(t, c.queries) {
				if l.kind == "reactions" {
					groups = append(groups, l.query)
				}
			}
			compared := 0
			for _, g := range groups {
				for _, limit := range []int{1, 3, 8} {
					lazy, err := e.reactions(ctx, g, limit, false)
					if err != nil {
						t.Fatal(err)
					}
					full, err := e.reactions(ctx, g, limit, true)
					if err != nil {
						t.Fatal(err)
					}
					if a, b := scores(lazy.Results), scores(full.Results); a != b {
						t.Errorf("reactions %q (limit %d): lazy scores %s, exhaustive %s", g, limit, a, b)
					}
					compared += len(full.Results)
				}
			}
			if compared == 0 {
				t.Fatal("no results compared")
			}
		})
	}
}

func scores(rs []answer.Result) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%.4f", r.Score)
	}
	return strings.Join(parts, " ")
}
