package webpage

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"summitbot/corpus"
	"summitbot/internal/devdata"
)

func TestFromFile(t *testing.T) {
	withFrontMatter := "---\ntitle: Strait talks\noutlet: Wire\nurl: https://example.org/strait\npublished: 2031-05-03\n---\nThe talks ended without a deal on Friday, both sides said.\n\n## Reactions\n\n\"Nothing is settled,\" the chancellor said on her return.\n"
	html, err := os.ReadFile("testdata/news-subheadings.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		data       []byte
		wantName   string
		verbatim   bool   // the bytes are kept as they are
		title      string // parsed title of the result
		paragraphs int
	}{
		{"markdown with front matter is kept", "Strait Talks.md", []byte(withFrontMatter), "strait-talks.md", true, "Strait talks", 2},
		{"markdown extension normalised", "notes.markdown", []byte(withFrontMatter), "notes.md", true, "Strait talks", 2},
		{"markdown without front matter gets one", "raw.md", []byte("# Harbour deal collapses\n\nThe harbour deal collapsed on Monday after a night of talks.\n\n## Why\n\nNeither side would move on the fees.\n"), "raw.md", false, "Harbour deal collapses", 2},
		{"text is kept", "Notice.TXT", []byte("The council met on Monday and agreed to keep the lighthouse.\n\nRepairs start in spring.\n"), "notice.txt", true, "Notice", 2},
		{"text with BOM and CRLF", "bom.txt", []byte("\uFEFFThe council met on Monday and agreed to keep it.\r\n\r\nRepairs start in spring.\r\n"), "bom.txt", true, "Bom", 2},
		{"folders in the name are dropped", "../../etc/evil.md", []byte(withFrontMatter), "evil.md", true, "Strait talks", 2},
		{"windows path", `C:\Users\mod\Desktop\article.txt`, []byte("One paragraph of text that ends as a sentence.\n"), "article.txt", true, "Article", 1},
		{"html is extracted", "page.html", html, "page.md", false, "Harbour talks end without a deal", 8},
		{"htm too", "PAGE.HTM", html, "page.md", false, "Harbour talks end without a deal", 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := FromFile(tc.file, tc.data)
			if err != nil {
				t.Fatalf("FromFile: %v", err)
			}
			if f.Name != tc.wantName {
				t.Errorf("name = %q, want %q", f.Name, tc.wantName)
			}
			if got := bytes.Equal(f.Data, tc.data); got != tc.verbatim {
				t.Errorf("kept verbatim = %v, want %v\n%s", got, tc.verbatim, f.Data)
			}
			if !tc.verbatim && !bytes.HasPrefix(f.Data, []byte("---\ntitle: ")) {
				t.Errorf("no front matter:\n%s", f.Data)
			}
			a := corpus.Parse(f.Name, f.Data)
			if a.Title != tc.title || len(a.Paragraphs) != tc.paragraphs {
				t.Errorf("parsed: title %q, %d paragraphs; want %q, %d\n%s", a.Title, len(a.Paragraphs), tc.title, tc.paragraphs, f.Data)
			}
		})
	}
}

func TestFromFileDerivedFrontMatterKeepsSections(t *testing.T) {
	f, err := FromFile("raw.md", []byte("# Harbour deal collapses\n\nThe harbour deal collapsed on Monday.\n\n## Why\n\nNeither side would move on the fees.\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := corpus.Parse(f.Name, f.Data)
	if len(a.Paragraphs) != 2 || a.Paragraphs[0].Section != "" || a.Paragraphs[1].Section != "Why" {
		t.Errorf("paragraphs = %+v\n%s", a.Paragraphs, f.Data)
	}
}

func TestFromFileRefuses(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		kind       error
		reason     string
	}{
		{"pdf", "report.pdf", []byte("%PDF-1.7"), ErrBadFile, "not an article file: .pdf (use .md, .txt or .html)"},
		{"docx", "story.docx", []byte("PK"), ErrBadFile, "not an article file: .docx (use .md, .txt or .html)"},
		{"no extension", "README", []byte("text"), ErrBadFile, "not an article file: README has no extension (use .md, .txt or .html)"},
		{"not utf-8", "latin.txt", []byte("Caf\xe9 owners said the summit was good for trade."), ErrBadFile, "not UTF-8 text: save latin.txt as UTF-8 and try again"},
		{"over 2 MiB", "huge.txt", bytes.Repeat([]byte("word "), MaxFileBytes/5+1), ErrTooLarge, "too large: over 2 MiB"},
		{"no paragraphs", "empty.md", []byte("---\ntitle: Nothing\n---\n\n"), ErrNotArticle, "not an article: no paragraphs in empty.md"},
		{"only boilerplate", "ads.txt", []byte("Advertisement\n\n***\n"), ErrNotArticle, "not an article: no paragraphs in ads.txt"},
		{"html without article", "nav.html", []byte(`<html><body><nav><a href="/">Home</a></nav></body></html>`), ErrNotArticle, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromFile(tc.file, tc.data)
			if !isKind(err, tc.kind) {
				t.Fatalf("err = %v, want %v", err, tc.kind)
			}
			if tc.reason != "" && err.Error() != tc.reason {
				t.Errorf("reason = %q, want %q", err, tc.reason)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("reason spans lines: %q", err)
			}
		})
	}
}

func TestFromFileSharedFictionArticles(t *testing.T) {
	// The corpus files moderators are told to add must be accepted unchanged.
	for _, name := range []string{"a1.md", "a2.md", "a3.md", "a4.md"} {
		data := devdata.Read(t, "eval", "fiction", name)
		f, err := FromFile(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Name != name || !bytes.Equal(f.Data, data) {
			t.Errorf("%s: changed to %s", name, f.Name)
		}
	}
}
