//go:build unix

package index

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"summitbot/corpus"
)

// Every skipped or suspicious corpus file is reported with its reason, the
// good files still answer, and the corpus cache stays valid.
func TestCorpusProblemsReported(t *testing.T) {
	good := []byte("---\ntitle: Harbour notes\nurl: https://example.org/harbour\n---\n\"The walrus was the only one who looked relaxed,\" Holm said.\n")
	files := map[string][]byte{
		"good.md":        good,
		"huge.txt":       bytes.Repeat([]byte("The summit went on and on. "), 20<<20/27),
		"latin1.txt":     []byte("Caf\xe9 owners in Anchorage said the summit was good for business.\n"),
		"binary.md":      []byte("PK\x03\x04\x00\x00binary"),
		"unclosed.md":    []byte("---\ntitle: Half a header\n\nThe header above is never closed, so the paragraph is read as text.\n"),
		"Dup File.md":    []byte("# Dup\n\nThe first of two files with one id.\n"),
		"dup-file.md":    []byte("# Dup\n\nThe second of two files with one id.\n"),
		"notes.json":     []byte("{}"),
		".crash.tmp-123": []byte("left by a crash"),
	}
	e, opt := openEngineWith(t, files, func(dir string) {
		os.Symlink("good.md", filepath.Join(dir, "link.md"))
		os.Symlink("loop.md", filepath.Join(dir, "loop.md"))
		os.Mkdir(filepath.Join(dir, "old"), 0o755)
		syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644)
		old := time.Now().Add(-time.Hour)
		os.Chtimes(filepath.Join(dir, ".crash.tmp-123"), old, old)
	})
	want := []struct {
		file   string
		reason error
		loaded bool
	}{
		{"huge.txt", corpus.ErrTooLarge, false},
		{"latin1.txt", corpus.ErrNotUTF8, true},
		{"binary.md", corpus.ErrBinary, false},
		{"unclosed.md", corpus.ErrUnclosedFrontMatter, true},
		{"link.md", corpus.ErrSymlink, false},
		{"loop.md", corpus.ErrSymlink, false},
		{"old", corpus.ErrSubfolder, false},
		{"pipe.md", corpus.ErrNotRegular, false},
		{"notes.json", corpus.ErrNotArticleFile, false},
		{"dup-file.md", corpus.ErrDuplicateID, false},
	}
	check := func(t *testing.T, e *Engine, exact bool) {
		t.Helper()
		got := map[string]corpus.Problem{}
		for _, p := range e.Problems() {
			got[p.File] = p
		}
		for _, w := range want {
			p, ok := got[w.file]
			switch {
			case !ok:
				t.Errorf("%s: not reported", w.file)
			case p.Loaded != w.loaded:
				t.Errorf("%s: loaded %v, want %v (%v)", w.file, p.Loaded, w.loaded, p.Err)
			case exact && !errors.Is(p.Err, w.reason):
				t.Errorf("%s: %v, want %v", w.file, p.Err, w.reason)
			case !strings.Contains(p.Err.Error(), strings.SplitN(w.reason.Error(), " (", 2)[0]):
				t.Errorf("%s: reason %q does not say %q", w.file, p.Err, w.reason)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%d problems reported, want %d: %v", len(got), len(want), e.Problems())
		}
		ans, err := e.WhoSaid(context.Background(), "only one who looked relaxed", 3)
		if err != nil || !ans.Found {
			t.Errorf("the good file does not answer: %v", err)
		}
	}
	check(t, e, true)
	if _, err := os.Stat(filepath.Join(opt.CorpusDir, ".crash.tmp-123")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temporary file not removed: %v", err)
	}
	e.Close()
	if _, ok := readCorpusCache(&opt); !ok {
		t.Fatal("one bad file disabled the corpus cache")
	}
	e2, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer e2.Close()
	check(t, e2, false)
}

// A file over the limit is skipped; under a raised limit, one enormous
// line is split into paragraphs of bounded size, so a query's work stays
// bounded.
func TestHugeOneLineFile(t *testing.T) {
	line := bytes.Repeat([]byte("Harbour master Ingrid Holm counted the boats in the bay again "), 300<<10/62)
	root := t.TempDir()
	opt := Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus"), MaxArticleBytes: 256 << 10}
	os.MkdirAll(opt.CorpusDir, 0o755)
	os.WriteFile(filepath.Join(opt.CorpusDir, "huge.txt"), line, 0o644)
	os.WriteFile(filepath.Join(opt.CorpusDir, corpus.SeedFile), corpus.Seed(), 0o644)
	e, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(e.Sources()); n != 1 {
		t.Errorf("%d articles under a 256 KiB limit, want the huge file skipped", n)
	}
	if _, err := e.AddArticle(context.Background(), "huge2.txt", line); !errors.Is(err, corpus.ErrTooLarge) {
		t.Errorf("adding a file over the limit: %v, want ErrTooLarge", err)
	}
	e.Close()

	opt.MaxArticleBytes = 1 << 20
	e, err = Open(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if n := len(e.Sources()); n != 2 {
		t.Fatalf("%d articles under a 1 MiB limit, want 2", n)
	}
	s, done, _ := e.view()
	for _, a := range s.arts {
		for _, p := range a.a.Paragraphs {
			if len(p.Text) > corpus.MaxParagraphBytes {
				t.Fatalf("%s paragraph %d is %d bytes, over %d", a.a.ID, p.N, len(p.Text), corpus.MaxParagraphBytes)
			}
		}
	}
	done()
	start := time.Now()
	for range 5 {
		if _, err := e.Ask(context.Background(), "how many boats did the harbour master count", 3); err != nil {
			t.Fatal(err)
		}
		e.WhoSaid(context.Background(), "counted the boats", 3)
	}
	if took := time.Since(start) / 5; took > time.Second {
		t.Errorf("a query over the huge file took %s", took)
	}
}

// openEngineWith is openEngine with a function that adds what a map of
// files cannot (links, folders, fifos) to the corpus folder first.
func openEngineWith(t *testing.T, files map[string][]byte, setup func(dir string)) (*Engine, Options) {
	t.Helper()
	root := t.TempDir()
	opt := Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus")}
	os.MkdirAll(opt.CorpusDir, 0o755)
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(opt.CorpusDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	setup(opt.CorpusDir)
	e, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e, opt
}
