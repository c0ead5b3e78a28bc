package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitbot/internal/devdata"
	"summitbot/lexicon"
)

// TestWhoSaidFresh runs the fresh who-said sets over all 18 development
// articles (testdata/whosaid_fresh.tsv, written before the matcher was
// tuned, and whosaid_fresh2.tsv, written after, to measure generalisation)
// and fails below the floors reached now: found with the right speaker
// first, and not found for the phrases nobody said.
func TestWhoSaidFresh(t *testing.T) {
	files := devdata.FictionFiles(t)
	files["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	matches, err := filepath.Glob(filepath.Join(devdata.OutletsDir(t), "o*.md"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("outlets articles: %v", err)
	}
	for _, m := range matches {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(m)] = data
	}
	e, _ := openEngine(t, files)
	for _, set := range []struct {
		file   string
		floors map[string]int
	}{
		{"whosaid_fresh.tsv", map[string]int{"who-said": 94, "who-said-none": 30}},
		{"whosaid_fresh2.tsv", map[string]int{"who-said": 39, "who-said-none": 15}},
		{"whosaid_contrary.tsv", map[string]int{"who-said-none": 24}},
	} {
		t.Run(set.file, func(t *testing.T) { whoSaidSet(t, e, set.file, set.floors) })
	}
}

// whoSaidSet runs the who-said lines of one testdata file and fails below
// the floors per kind.
func whoSaidSet(t *testing.T, e *Engine, file string, floors map[string]int) {
	pass, total := map[string]int{}, map[string]int{}
	for _, l := range readEval(t, filepath.Join("testdata", file)) {
		ans, err := e.WhoSaid(context.Background(), l.query, 3)
		if err != nil {
			t.Fatalf("WhoSaid(%q): %v", l.query, err)
		}
		total[l.kind]++
		ok := false
		switch l.kind {
		case "who-said-none":
			ok = !ans.Found
		case "who-said":
			if ans.Found && len(ans.Results) > 0 {
				r := ans.Results[0]
				who := lexicon.Fold(strings.ToLower(r.Speaker + " " + r.Description))
				for _, want := range strings.Split(l.expected, "|") {
					ok = ok || strings.Contains(who, lexicon.Fold(strings.ToLower(want)))
				}
			}
		default:
			t.Fatalf("line %d: kind %q", l.line, l.kind)
		}
		if ok {
			pass[l.kind]++
		} else {
			t.Logf("MISS %s %q (want %s): found=%v %v", l.kind, l.query, l.expected, ans.Found, ans.Results)
		}
	}
	for kind, floor := range floors {
		t.Logf("%s %d/%d", kind, pass[kind], total[kind])
		if pass[kind] < floor {
			t.Errorf("%s: %d of %d, want at least %d", kind, pass[kind], total[kind], floor)
		}
	}
}
