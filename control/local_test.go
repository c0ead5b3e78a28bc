package control

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"summitbot/answer"
	"summitbot/index"
	"summitbot/webpage"
)

// TestLocalOverTheSocket runs the moderator commands end to end: a real
// engine behind the control socket, a client adding an article file and a
// web page, listing, reindexing and removing.
func TestLocalOverTheSocket(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	eng, err := index.Open(ctx, index.Options{IndexDir: filepath.Join(dir, "index"), CorpusDir: filepath.Join(dir, "corpus")})
	if err != nil {
		t.Fatalf("index.Open: %v", err)
	}
	defer eng.Close()

	page, err := os.ReadFile("../webpage/testdata/news-subheadings.html")
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer web.Close()

	local := Local{Engine: eng, Fetcher: webpage.NewFetcher(webpage.Config{AllowPrivate: true})}
	_, c := start(t, local)

	file := []byte("---\ntitle: Ferry talks resume\noutlet: Valley Gazette\nurl: https://example.org/ferry-talks\npublished: 2031-06-01\n---\n" +
		"\"We are ready to sign,\" said Transport Minister Paulo Renner on Monday.\n\n" +
		"The two provinces resumed talks on the ferry link across Lake Orrin.\n")
	added, err := c.AddArticle(ctx, "Ferry Talks.md", file)
	if err != nil {
		t.Fatalf("AddArticle: %v", err)
	}
	if added.Info.ID != "ferry-talks" || added.Info.Paragraphs != 2 || added.Updated {
		t.Errorf("added = %+v", added)
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", "ferry-talks.md")); err != nil {
		t.Errorf("file not in the corpus folder: %v", err)
	}

	url := web.URL + "/world/harbour-talks-end-without-deal"
	fromWeb, err := c.AddURL(ctx, url)
	if err != nil {
		t.Fatalf("AddURL: %v", err)
	}
	if fromWeb.Info.Title != "Harbour talks end without a deal" || fromWeb.Info.URL != url || fromWeb.Info.Paragraphs != 8 {
		t.Errorf("added from the web = %+v", fromWeb)
	}
	again, err := c.AddURL(ctx, url)
	if err != nil {
		t.Fatalf("AddURL again: %v", err)
	}
	if !again.Updated || again.Info.ID != fromWeb.Info.ID {
		t.Errorf("adding the same URL again = %+v, want an update of %s", again, fromWeb.Info.ID)
	}

	list, err := c.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, a := range list {
		ids[a.ID] = true
	}
	if !ids["ferry-talks"] || !ids[fromWeb.Info.ID] {
		t.Errorf("list = %v", ids)
	}

	var progressed bool
	stats, err := c.Reindex(ctx, func(answer.Progress) { progressed = true })
	if err != nil {
		t.Fatalf("Reindex: %v", err)
	}
	if stats.Articles != len(list) || !progressed {
		t.Errorf("reindex: %+v (progress seen: %v), want %d articles", stats, progressed, len(list))
	}

	if err := c.RemoveArticle(ctx, "ferry-talks"); err != nil {
		t.Fatalf("RemoveArticle: %v", err)
	}
	if err := c.RemoveArticle(ctx, "ferry-talks"); !errors.Is(err, index.ErrNotFound) {
		t.Errorf("second remove = %v, want index.ErrNotFound", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", "ferry-talks.md")); !os.IsNotExist(err) {
		t.Errorf("file still in the corpus folder: %v", err)
	}
	// A refused link keeps its kind and its one-line reason across the socket.
	_, err = c.AddURL(ctx, "ftp://example.org/article.txt")
	if !errors.Is(err, webpage.ErrRefused) || err.Error() != "refused: only http and https links, not ftp:" {
		t.Errorf("AddURL(ftp) = %v, want the refusal", err)
	}
}
