package index

import (
	"context"
	"fmt"
	"testing"
)

func liveUpdates(url, text string) []byte {
	return fmt.Appendf(nil, "---\ntitle: Live updates\noutlet: Example News\nurl: %s\n---\n%s\n", url, text)
}

// Pages with one title at different links are different articles: each
// gets an id of its own, and only the same link updates one.
func TestArticleIDsAreUniquePerURL(t *testing.T) {
	e, _ := openEngine(t, nil)
	ctx := context.Background()
	before := len(e.Sources())
	ids := map[string]bool{}
	for i := 1; i <= 4; i++ {
		url := fmt.Sprintf("https://example.org/live/%d", 1000+i)
		added, err := e.AddArticle(ctx, "live-updates.md", liveUpdates(url, fmt.Sprintf("Update number %d from the harbour.", i)))
		if err != nil {
			t.Fatal(err)
		}
		if added.Updated {
			t.Errorf("page %d reported as an update of another page", i)
		}
		if ids[added.Info.ID] {
			t.Errorf("page %d got the id %s of another page", i, added.Info.ID)
		}
		ids[added.Info.ID] = true
	}
	if n := len(e.Sources()); n != before+4 {
		t.Fatalf("%d articles, want %d", n, before+4)
	}
	// The third link again: an update of that page only, under its id.
	third := ""
	for _, s := range e.Sources() {
		if s.URL == "https://example.org/live/1003" {
			third = s.ID
		}
	}
	added, err := e.AddArticle(ctx, "live-updates.md", liveUpdates("https://www.example.org/live/1003/", "Update number three, corrected."))
	if err != nil {
		t.Fatal(err)
	}
	if !added.Updated || added.Info.ID != third {
		t.Errorf("same link: updated %v id %s, want an update of %s", added.Updated, added.Info.ID, third)
	}
	if n := len(e.Sources()); n != before+4 {
		t.Errorf("%d articles after the update, want %d", n, before+4)
	}
	for i := 1; i <= 4; i++ {
		ans, _ := e.Ask(ctx, fmt.Sprintf("update number %d harbour", i), 1)
		if i != 3 && !ans.Found {
			t.Errorf("page %d lost", i)
		}
	}
	// Files without links: the same name is the same article.
	a1, err := e.AddArticle(ctx, "notes.md", []byte("# Notes\n\nFirst draft of the notes.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a2, err := e.AddArticle(ctx, "notes.md", []byte("# Notes\n\nSecond draft of the notes.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !a2.Updated || a2.Info.ID != a1.Info.ID {
		t.Errorf("same file again: %+v, want an update of %s", a2, a1.Info.ID)
	}
}
