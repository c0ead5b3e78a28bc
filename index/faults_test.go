package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"summitbot/corpus"
)

// within runs f and fails the test if it has not returned after d: a hang is
// a failure, not a stuck test run.
func within(t *testing.T, d time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s did not return within %s", what, d)
	}
}

// removeAll deletes dir under a running engine, whose background work may
// be writing in it meanwhile.
func removeAll(t *testing.T, dir string) {
	t.Helper()
	var err error
	for range 50 {
		if err = os.RemoveAll(dir); err == nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal(err)
}

var walrus = []byte("---\ntitle: Walrus watch\noutlet: Harbour News\nurl: https://example.org/walrus\npublished: 2025-08-16\n---\n" +
	"Harbour master Ingrid Holm watched the summit from the pier.\n\n" +
	"\"The walrus was the only one who looked relaxed,\" Holm said.\n")

// eventually polls ok until it holds or d has passed.
func eventually(t *testing.T, d time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// The fault-injection suite: TestDeletedIndexFolderDoesNotHang (the index
// folder deleted under a running engine), TestChangeFaults (full disk,
// read-only folder, failing and panicking batches), TestOpenReusesValid...
// (a full disk at start-up), TestCorpusProblemsReported (fifo, symlink loop,
// binary, oversized files), TestHugeOneLineFile; a killed process is
// crash_test.go's, a fifo given to `summitbot add` moderate_unix_test.go's.

// The index folder deleted under a running engine: a change fails with an
// error that says nothing was changed (a panic inside bleve included), no
// lock stays held, and the engine rebuilds its index and goes on.
func TestDeletedIndexFolderDoesNotHang(t *testing.T) {
	e, opt := openEngine(t, nil)
	ctx := context.Background()
	removeAll(t, opt.IndexDir)
	within(t, 20*time.Second, "add and remove", func() {
		for range 2 {
			_, err := e.AddArticle(ctx, "walrus.md", walrus)
			var ce *ChangeError
			switch {
			case err == nil:
			case errors.As(err, &ce) && !ce.Changed:
				if _, serr := os.Stat(filepath.Join(opt.CorpusDir, "walrus.md")); !errors.Is(serr, os.ErrNotExist) {
					t.Errorf("add failed (%v) but the file is in the corpus: %v", err, serr)
				}
			default:
				t.Errorf("add: %v, want nil or a ChangeError that changed nothing", err)
			}
			err = e.RemoveArticle(ctx, "alaska-summit")
			switch {
			case err == nil, errors.Is(err, ErrNotFound):
			case errors.As(err, &ce) && !ce.Changed:
				if _, serr := os.Stat(filepath.Join(opt.CorpusDir, corpus.SeedFile)); serr != nil {
					t.Errorf("remove failed (%v) but the file is gone: %v", err, serr)
				}
			default:
				t.Errorf("remove: %v, want nil or a ChangeError that changed nothing", err)
			}
		}
	})
	within(t, 5*time.Second, "a query", func() { e.Ask(ctx, "where was the summit", 3) })
	// The engine rebuilds its index and answers again.
	eventually(t, 20*time.Second, "the index repaired", func() bool {
		_, err := os.Stat(filepath.Join(opt.IndexDir, pointerFile))
		return err == nil && !e.healing.Load()
	})
	within(t, 20*time.Second, "add after the repair", func() {
		if _, err := e.AddArticle(ctx, "walrus.md", walrus); err != nil {
			t.Errorf("add after the repair: %v", err)
		}
		ans, err := e.WhoSaid(ctx, "only one who looked relaxed", 3)
		if err != nil || !ans.Found {
			t.Errorf("after the repair: %v %+v", err, ans)
		}
	})
	if !e.Ready() {
		t.Error("engine not ready")
	}
	if _, err := Open(ctx, Options{IndexDir: opt.IndexDir, CorpusDir: opt.CorpusDir}); !errors.Is(err, ErrLocked) {
		t.Errorf("a second Open of the rebuilt folder: %v, want ErrLocked", err)
	}
	within(t, 10*time.Second, "Close", func() { e.Close() })
}

// openWith opens an engine over the default corpus with fault hooks.
func openWith(t *testing.T, h *hooks) (*Engine, Options) {
	t.Helper()
	root := t.TempDir()
	opt := Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus"), hooks: h}
	e, err := Open(context.Background(), opt)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { e.Close() })
	return e, opt
}

var errNoSpace = fmt.Errorf("write: %w", syscall.ENOSPC)

// A change under a fault: what the moderator is told matches what the
// corpus folder and the answers hold.
func TestChangeFaults(t *testing.T) {
	cases := []struct {
		name string
		// fault is switched on after Open.
		fault func(h *hookFuncs)
		// applied: the change must succeed (and be in the corpus and the
		// answers); otherwise it must fail with a ChangeError that changed
		// nothing.
		applied bool
	}{
		{"index folder full: pointer cannot be written", func(h *hookFuncs) {
			h.writeFile = func(dir, name string, data []byte) error { return errNoSpace }
		}, true},
		{"index folder read-only: pointer cannot be written", func(h *hookFuncs) {
			h.writeFile = func(dir, name string, data []byte) error { return fmt.Errorf("open: %w", syscall.EROFS) }
		}, true},
		{"batch fails (full disk)", func(h *hookFuncs) {
			h.batch = func(*bleve.Batch) error { return errNoSpace }
		}, false},
		{"batch panics", func(h *hookFuncs) {
			h.batch = func(*bleve.Batch) error { panic("boom") }
		}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := &hooks{}
			e, opt := openWith(t, h)
			ctx := context.Background()
			h.update(tc.fault)
			walrusFile := filepath.Join(opt.CorpusDir, "walrus.md")
			seedFile := filepath.Join(opt.CorpusDir, corpus.SeedFile)
			within(t, 10*time.Second, "add", func() {
				_, err := e.AddArticle(ctx, "walrus.md", walrus)
				ans, _ := e.WhoSaid(ctx, "only one who looked relaxed", 3)
				_, serr := os.Stat(walrusFile)
				checkChange(t, "add", err, tc.applied, serr == nil, ans.Found)
			})
			within(t, 10*time.Second, "remove", func() {
				err := e.RemoveArticle(ctx, "alaska-summit")
				ans, _ := e.WhoSaid(ctx, "no deal until there's a deal", 3)
				_, serr := os.Stat(seedFile)
				checkChange(t, "remove", err, tc.applied, serr != nil, !ans.Found)
			})
			if !e.Ready() {
				t.Error("engine not ready after the fault")
			}
			// The next start serves what the corpus folder holds.
			h.update(func(f *hookFuncs) { *f = hookFuncs{} })
			e.Close()
			e2, err := Open(ctx, opt)
			if err != nil {
				t.Fatalf("reopen: %v", err)
			}
			defer e2.Close()
			ans, _ := e2.WhoSaid(ctx, "only one who looked relaxed", 3)
			if ans.Found != tc.applied {
				t.Errorf("after restart the added article answers: %v, want %v", ans.Found, tc.applied)
			}
		})
	}
}

// checkChange checks a change's error against what it left: inCorpus and
// answering say whether the corpus folder and the answers hold the change.
func checkChange(t *testing.T, op string, err error, applied, inCorpus, answering bool) {
	t.Helper()
	if applied {
		if err != nil || !inCorpus || !answering {
			t.Errorf("%s: err %v, in corpus %v, answering %v: want it done", op, err, inCorpus, answering)
		}
		return
	}
	var ce *ChangeError
	if !errors.As(err, &ce) || ce.Changed {
		t.Errorf("%s: err %v, want a ChangeError saying nothing was changed", op, err)
	}
	if inCorpus || answering {
		t.Errorf("%s failed (%v) but in corpus %v, answering %v", op, err, inCorpus, answering)
	}
}

// Start-up on a nearly full disk: the build started while the corpus is
// read fails, but the index in use holds the corpus, so Open reuses it.
func TestOpenReusesValidIndexWhenDiskIsFull(t *testing.T) {
	cases := []struct {
		name  string
		fault func(h *hookFuncs)
	}{
		{"new generation cannot be created", func(h *hookFuncs) {
			h.create = func(string) error { return errNoSpace }
		}},
		{"new generation's batches fail", func(h *hookFuncs) {
			h.batch = func(*bleve.Batch) error { return errNoSpace }
		}},
		{"new generation's batches panic", func(h *hookFuncs) {
			h.batch = func(*bleve.Batch) error { panic("boom") }
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := &hooks{}
			e, opt := openWith(t, h)
			gen := currentGen(t, opt.IndexDir)
			e.Close()
			// No cache: Open cannot tell the corpus unchanged before parsing it.
			os.Remove(filepath.Join(opt.IndexDir, cacheFile))
			h.update(tc.fault)
			e2, err := Open(context.Background(), opt)
			if err != nil {
				t.Fatalf("Open with a valid index on a full disk: %v", err)
			}
			defer e2.Close()
			if g := currentGen(t, opt.IndexDir); g != gen {
				t.Errorf("generation %s, want the valid %s reused", g, gen)
			}
			if ans, err := e2.WhoSaid(context.Background(), "no deal until there's a deal", 3); err != nil || !ans.Found {
				t.Errorf("reused index does not answer: %v %+v", err, ans)
			}
			entries, _ := os.ReadDir(opt.IndexDir)
			for _, en := range entries {
				if en.IsDir() && en.Name() != gen {
					t.Errorf("left-over folder %s", en.Name())
				}
			}
		})
	}
}
