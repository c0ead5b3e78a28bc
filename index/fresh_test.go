package index

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"summitbot/answer"
	"summitbot/internal/devdata"
)

// freshFiles are the 18 articles fresh.tsv asks about: the seed article,
// the four fiction articles and the 13 outlets articles.
func freshFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := devdata.FictionFiles(t)
	files["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	for _, p := range devdata.OutletsArticles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = data
	}
	return files
}

// freshHit is run-members.py's test: one of the '|'-separated fragments in
// the speaker, description, quote or paragraph of the top k results.
func freshHit(rs []answer.Result, expected string, k int) bool {
	rs = rs[:min(k, len(rs))]
	for _, frag := range strings.Split(expected, "|") {
		f := normFrag(frag)
		for _, r := range rs {
			if strings.Contains(normFrag(r.Speaker+" "+r.Description+" "+r.Quote+" "+r.Text), f) {
				return true
			}
		}
	}
	return false
}

// TestFreshSet runs testdata/fresh.tsv, phrasings written to measure how
// /ask, /quotes and /reactions generalise beyond the members' dev set and
// the outlets queries, with a floor per kind at the score reached; each
// miss is logged.
func TestFreshSet(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 18 articles")
	}
	e, _ := openEngine(t, freshFiles(t))
	ctx := context.Background()
	run := map[string]func(context.Context, string, int) (answer.Answer, error){
		"ask":       e.Ask,
		"quotes":    e.Quotes,
		"reactions": e.Reactions,
	}
	tests := []struct {
		kind  string
		floor int // passes required
	}{
		{"ask", 44},
		{"quotes", 23},
		{"reactions", 23},
	}
	lines := readEval(t, filepath.Join("testdata", "fresh.tsv"))
	for _, tc := range tests {
		t.Run(tc.kind, func(t *testing.T) {
			pass, total := 0, 0
			for _, l := range lines {
				if l.kind != tc.kind {
					continue
				}
				total++
				k, err := strconv.Atoi(l.extra)
				if err != nil {
					t.Fatalf("fresh.tsv line %d: topk %q: %v", l.line, l.extra, err)
				}
				ans, err := run[tc.kind](ctx, l.query, 5)
				if err != nil {
					t.Fatalf("%s(%q): %v", tc.kind, l.query, err)
				}
				if ans.Found && freshHit(ans.Results, l.expected, k) {
					pass++
					continue
				}
				t.Logf("miss (line %d) %q: want %s\n%s", l.line, l.query, l.expected, describe(ans.Results))
			}
			t.Logf("%s: %d/%d", tc.kind, pass, total)
			if pass < tc.floor {
				t.Errorf("%s: %d/%d pass, below the floor of %d", tc.kind, pass, total, tc.floor)
			}
		})
	}
}

// TestReactionsResolvesBodies pins how /reactions reads requests for a
// body, an institution, a group's office holders and a group's people in a
// place: the first result and what one of the top 3 says.
func TestReactionsResolvesBodies(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 18 articles")
	}
	e, _ := openEngine(t, freshFiles(t))
	tests := []struct {
		name, request, first, top3 string
	}{
		{"institution's own voice first", "the state department", "State Department", "reaffirmed the United States' commitment"},
		{"the kremlin itself first", "the kremlin", "Kremlin", "spoke in favour of continuing direct negotiations"},
		{"a ministry is its minister", "the ukrainian foreign ministry", "Andrii Sybiha", "buys time with missiles|keep the pressure on Moscow"},
		{"a ministry is its people too", "the russian foreign ministry", "Russian Foreign Ministry", "a dangerous game"},
		{"a group's leaders are the group", "europe's leaders", "", "meeting of four|stands ready|is not a peace"},
		{"a group's people in a place", "ukrainians in lublin", "Oksana Melnyk", "nice words before"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := e.Reactions(context.Background(), tc.request, 5)
			if err != nil {
				t.Fatal(err)
			}
			if !ans.Found || len(ans.Results) == 0 {
				t.Fatalf("%q: not found (%s)", tc.request, ans.Note)
			}
			if tc.first != "" && ans.Results[0].Speaker != tc.first {
				t.Errorf("%q: first by %q, want %q\n%s", tc.request, ans.Results[0].Speaker, tc.first, describe(ans.Results))
			}
			if !freshHit(ans.Results, tc.top3, 3) {
				t.Errorf("%q: none of %q in the top 3\n%s", tc.request, tc.top3, describe(ans.Results))
			}
		})
	}
}
