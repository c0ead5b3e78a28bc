package index

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"testing"

	"summitbot/internal/devdata"
)

// TestAskDeterministic: the same question over the same corpus gives the
// same answers in the same order however the index was built — one
// streamed build, a reindex, articles added one by one in another order
// (on one core), and an article removed and added again, which leaves
// deleted documents in the index's segments.
func TestAskDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the index several times")
	}
	files := devdata.FictionFiles(t)
	files["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var questions []string
	for _, l := range readEval(t, devdata.MembersDev(t)) {
		if l.kind == "ask" {
			questions = append(questions, l.query)
		}
	}
	questions = append(questions, "what did Putin say", "where was the summit held", "talks", "the")
	ctx := context.Background()
	answers := func(e *Engine) []string {
		t.Helper()
		var out []string
		for _, q := range questions {
			ans, err := e.Ask(ctx, q, 5)
			if err != nil {
				t.Fatalf("Ask(%q): %v", q, err)
			}
			var b strings.Builder
			for _, r := range ans.Results {
				fmt.Fprintf(&b, " %s#%d=%.6g", r.Article.ID, r.Paragraph, r.Score)
			}
			out = append(out, q+":"+b.String())
		}
		return out
	}
	compare := func(name string, want, got []string) {
		t.Helper()
		for i := range want {
			if want[i] != got[i] {
				t.Errorf("%s: answers differ\n want %s\n  got %s", name, want[i], got[i])
			}
		}
	}

	e, _ := openEngine(t, files)
	want := answers(e)
	if _, err := e.Reindex(ctx, nil); err != nil {
		t.Fatalf("Reindex: %v", err)
	}
	compare("after reindex", want, answers(e))

	// Articles added one at a time, last name first, on one core.
	prev := runtime.GOMAXPROCS(1)
	e2, _ := openEngine(t, map[string][]byte{names[len(names)-1]: files[names[len(names)-1]]})
	for i := len(names) - 2; i >= 0; i-- {
		if _, err := e2.AddArticle(ctx, names[i], files[names[i]]); err != nil {
			runtime.GOMAXPROCS(prev)
			t.Fatalf("AddArticle(%s): %v", names[i], err)
		}
	}
	runtime.GOMAXPROCS(prev)
	compare("added one by one", want, answers(e2))

	// Removed and added again: the old documents linger as deletions.
	id := strings.TrimSuffix(names[0], ".md")
	if err := e2.RemoveArticle(ctx, id); err != nil {
		t.Fatalf("RemoveArticle(%s): %v", id, err)
	}
	if _, err := e2.AddArticle(ctx, names[0], files[names[0]]); err != nil {
		t.Fatalf("AddArticle(%s): %v", names[0], err)
	}
	compare("removed and added again", want, answers(e2))
}
