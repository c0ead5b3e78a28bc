package webpage

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"summitbot/corpus"
)

// FuzzExtract: any bytes give an article or an ErrNotArticle, never a panic,
// and the saved file reads back with the counts Extract reported.
func FuzzExtract(f *testing.F) {
	pages, _ := filepath.Glob("testdata/*.html")
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("<p>Short.</p>"))
	f.Add([]byte("<ul><li>One item without a stop</li><li>Another</li></ul><p>A sentence that ends.</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := Extract(data, nil)
		if err != nil {
			if !isKind(err, ErrNotArticle) {
				t.Fatalf("error of another kind: %v", err)
			}
			return
		}
		a := corpus.Parse(x.FileName(), x.Markdown())
		if x.Paragraphs() == 0 || len(a.Paragraphs) != x.Paragraphs() {
			t.Fatalf("extracted %d paragraphs, the file reads back %d\n%s", x.Paragraphs(), len(a.Paragraphs), x.Markdown())
		}
		if corpus.MetaOf(a) != x.Meta {
			t.Fatalf("meta %+v reads back as %+v", x.Meta, corpus.MetaOf(a))
		}
	})
}

// FuzzFromText: a plain-text page reads back as what was extracted.
func FuzzFromText(f *testing.F) {
	data, err := os.ReadFile("testdata/plain.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("Council  votes\n\nThe council voted.\n\n# What happens next\n\nRepairs start in spring.\n"))
	f.Add([]byte("Title line\n\n> quoted line that ends.\n\n1. first item\n\n---\n\n\"A quote,\" she said.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		u, _ := url.Parse("https://example.org/notices/vote.txt")
		x, err := FromPage(&Page{URL: u, ContentType: "text/plain", Body: data})
		if err != nil {
			if !isKind(err, ErrNotArticle) {
				t.Fatalf("error of another kind: %v", err)
			}
			return
		}
		a := corpus.Parse(x.FileName(), x.Markdown())
		if len(a.Paragraphs) != x.Paragraphs() || corpus.MetaOf(a) != x.Meta {
			t.Fatalf("extracted %d paragraphs and %+v, the file reads back %d and %+v", x.Paragraphs(), x.Meta, len(a.Paragraphs), corpus.MetaOf(a))
		}
	})
}
