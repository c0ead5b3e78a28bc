package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestParseSeed(t *testing.T) {
	a := Parse(SeedFile, Seed())
	if a.Title != "Trump-Putin Alaska summit" {
		t.Errorf("title = %q", a.Title)
	}
	if a.URL != "" {
		t.Errorf("url = %q", a.URL)
	}
	for _, p := range a.Paragraphs {
		t.Logf("%d [%s] %.60s", p.N, p.Section, p.Text)
	}
	if got := a.Paragraphs[2].Text; !strings.HasPrefix(got, "\"There’s no deal") {
		t.Errorf("paragraph 3 starts %q", got)
	}
	for _, p := range a.Paragraphs {
		if p.Text == "(With agency inputs.)" || len(p.Text) > 10 && p.Text[:10] == "ALSO READ:" {
			t.Errorf("boilerplate kept as paragraph %d: %q", p.N, p.Text)
		}
	}
	want := map[string]string{
		"For Putin, the Alaska summit": "Putin Sees Win In US Recognition",
		"Ukraine, which was not":       "Kyiv And European Leaders' Reactions to Alaska Summit",
		"After the talks":              "",
	}
	for prefix, section := range want {
		found := false
		for _, p := range a.Paragraphs {
			if len(p.Text) >= len(prefix) && p.Text[:len(prefix)] == prefix {
				found = true
				if p.Section != section {
					t.Errorf("%q: section %q, want %q", prefix, p.Section, section)
				}
			}
		}
		if !found {
			t.Errorf("no paragraph starts %q", prefix)
		}
	}
}

func TestParseFrontMatter(t *testing.T) {
	tests := []struct {
		name, file, in          string
		title, outlet, url, pub string
		paras                   int
	}{
		{"front matter with colon values", "x.md", "---\ntitle: \"Trump: no deal\"\noutlet: Wire: World\nurl: https://e.org/a?b=c\npublished: 2025-08-16\n---\nFirst para.\n\nSecond para.\n", "Trump: no deal", "Wire: World", "https://e.org/a?b=c", "2025-08-16", 2},
		{"markdown title heading", "y.md", "# Big title\n\nBody text here.\n\n## Section\n\nMore text.", "Big title", "", "", "", 2},
		{"no front matter plain", "some-file_name.txt", "Just one paragraph here.", "Some File Name", "", "", "", 1},
		{"crlf", "z.md", "---\r\ntitle: T\r\n---\r\nA.\r\n\r\nB.\r\n", "T", "", "", "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse(tt.file, []byte(tt.in))
			if a.Title != tt.title || a.Outlet != tt.outlet || a.URL != tt.url || a.Published != tt.pub || len(a.Paragraphs) != tt.paras {
				t.Errorf("got title %q outlet %q url %q pub %q paras %d", a.Title, a.Outlet, a.URL, a.Published, len(a.Paragraphs))
			}
		})
	}
}

func TestLoadWritesSeed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].ID != "alaska-summit" {
		t.Fatalf("articles = %+v", c.Articles)
	}
	if _, err := os.Stat(filepath.Join(dir, SeedFile)); err != nil {
		t.Fatal(err)
	}
}

func TestLoadKeepsNewerOfTwoFilesForOneURL(t *testing.T) {
	dir := t.TempDir()
	old := "---\ntitle: Old\nurl: https://www.example.org/story/\n---\nOld text here.\n"
	newer := "---\ntitle: New\nurl: http://example.org/story\n---\nNew text here.\n"
	if err := os.WriteFile(filepath.Join(dir, "b-old.md"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "b-old.md"), past, past); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a-new.md"), []byte(newer), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].Title != "New" || len(c.Problems) != 1 || c.Problems[0].File != "b-old.md" {
		t.Errorf("articles %d (first %q), problems %v", len(c.Articles), c.Articles[0].Title, c.Problems)
	}
}

// TestLoadWithHandsOverEveryParsedArticle: LoadWith gives Parsed every
// file's article as it is parsed, the ones Load then drops included, and
// returns what Load returns, with any number of workers.
func TestLoadWithHandsOverEveryParsedArticle(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.md":   "---\ntitle: A\nurl: https://example.org/a\n---\nFirst text.\n",
		"a.txt":  "A again\n\nSame id as a.md.\n",
		"b.md":   "---\ntitle: B\nurl: https://example.org/b\n---\nSecond text.\n",
		"c.md":   "---\ntitle: C\n---\nThird text.\n",
		"d.md":   "---\ntitle: D\nurl: https://example.org/d\n---\nFourth text.\n",
		"e.md":   "---\ntitle: E\nurl: https://example.org/e\n---\nFifth text.\n",
		"f.md":   "---\ntitle: F\nurl: https://example.org/f\n---\nSixth text.\n",
		"seed.x": "not an article file",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{0, 1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			var mu sync.Mutex
			seen := map[string]bool{}
			got, err := LoadWith(dir, LoadOptions{Workers: workers, Parsed: func(a *Article) {
				mu.Lock()
				defer mu.Unlock()
				seen[a.File] = true
			}})
			if err != nil {
				t.Fatal(err)
			}
			if len(seen) != 7 || !seen["a.txt"] {
				t.Errorf("Parsed saw %v, want the 7 article files, a.txt (dropped) too", seen)
			}
			if len(got.Articles) != len(want.Articles) || len(got.Problems) != len(want.Problems) {
				t.Fatalf("%d articles, %d problems; Load: %d, %d", len(got.Articles), len(got.Problems), len(want.Articles), len(want.Problems))
			}
			for i, a := range got.Articles {
				if a.File != want.Articles[i].File || a.Title != want.Articles[i].Title {
					t.Errorf("article %d: %s %q, Load: %s %q", i, a.File, a.Title, want.Articles[i].File, want.Articles[i].Title)
				}
			}
		})
	}
}
