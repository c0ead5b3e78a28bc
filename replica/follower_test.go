package replica

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/index"
)

// nextModerator writes and removes article files as the engine would.
type nextModerator struct{ dir string }

func (m nextModerator) AddArticle(_ context.Context, name string, data []byte) (answer.Added, error) {
	if err := os.WriteFile(filepath.Join(m.dir, name), data, 0o644); err != nil {
		return answer.Added{}, err
	}
	return answer.Added{Info: answer.ArticleInfo{Source: answer.Source{ID: name[:len(name)-len(filepath.Ext(name))]}}}, nil
}
func (m nextModerator) AddURL(ctx context.Context, url string) (answer.Added, error) {
	return m.AddArticle(ctx, "from-link.md", []byte("fetched"))
}
func (m nextModerator) RemoveArticle(_ context.Context, id string) error {
	return os.Remove(filepath.Join(m.dir, id+".md"))
}
func (m nextModerator) Reindex(context.Context, func(answer.Progress)) (answer.Stats, error) {
	return answer.Stats{}, nil
}
func (m nextModerator) Sources() []answer.ArticleInfo { return nil }

func TestFollowerReindexesOnlyForOthersChanges(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.md", "first")
	var reindexes atomic.Int32
	var fail atomic.Bool
	var reported []error
	f, err := New(Options{
		CorpusDir: dir,
		// check is called directly; the interval sets the backoff (twice
		// it after one failure).
		Interval: 200 * time.Millisecond,
		Reindex: func(context.Context, func(answer.Progress)) (answer.Stats, error) {
			reindexes.Add(1)
			if fail.Load() {
				return answer.Stats{}, errors.New("disk full")
			}
			return answer.Stats{}, nil
		},
		Reindexed: func(_ time.Duration, err error) { reported = append(reported, err) },
	})
	if err != nil {
		t.Fatal(err)
	}
	mod := f.Moderator(nextModerator{dir})
	ctx := context.Background()

	steps := []struct {
		name    string
		change  func()
		reindex bool
	}{
		{"nothing changed", func() {}, false},
		{"another process adds a file", func() { write("b.md", "second") }, true},
		{"looked at again", func() {}, false},
		{"this process adds a file", func() { mod.AddArticle(ctx, "c.md", []byte("third")) }, false},
		{"this process adds from a link", func() { mod.AddURL(ctx, "https://example.org/") }, false},
		{"this process removes a file", func() { mod.RemoveArticle(ctx, "c") }, false},
		{"a file is touched but not changed", func() {
			later := time.Now().Add(time.Hour)
			os.Chtimes(filepath.Join(dir, "a.md"), later, later)
		}, false},
		{"another process changes a file", func() { write("a.md", "first, corrected") }, true},
		{"another process removes a file", func() { os.Remove(filepath.Join(dir, "b.md")) }, true},
		{"a file that is not an article", func() { write("notes.json", "{}") }, false},
		{"a moderator's reindex here, after another's change", func() {
			write("d.md", "fourth")
			mod.Reindex(ctx, nil)
		}, false},
	}
	for _, s := range steps {
		before := reindexes.Load()
		s.change()
		f.check(ctx)
		if got := reindexes.Load() > before; got != s.reindex {
			t.Errorf("%s: reindexed %v, want %v", s.name, got, s.reindex)
		}
	}
	if len(reported) != 3 {
		t.Errorf("%d reindexes reported, want 3", len(reported))
	}

	// A failed reindex is retried, after a wait that grows.
	fail.Store(true)
	write("e.md", "fifth")
	f.check(ctx)
	n := reindexes.Load()
	f.check(ctx) // within the backoff: not yet
	if reindexes.Load() != n {
		t.Error("retried at once after a failure")
	}
	fail.Store(false)
	time.Sleep(450 * time.Millisecond)
	f.check(ctx)
	if reindexes.Load() != n+1 {
		t.Error("not retried after the backoff")
	}
	f.check(ctx)
	if reindexes.Load() != n+1 {
		t.Error("reindexed again after the retry succeeded")
	}
}

func TestFollowerLeavesTheFolderToARunningReindex(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("first"), 0o644)
	calls := 0
	f, err := New(Options{CorpusDir: dir, Interval: time.Millisecond, Reindex: func(context.Context, func(answer.Progress)) (answer.Stats, error) {
		calls++
		if calls == 1 {
			return answer.Stats{}, index.ErrReindexRunning
		}
		return answer.Stats{}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "b.md"), []byte("second"), 0o644)
	f.check(context.Background())
	f.check(context.Background())
	if calls != 2 {
		t.Errorf("%d reindexes, want the busy one and a second try", calls)
	}
}

func TestFollowerRuns(t *testing.T) {
	dir := t.TempDir()
	done := make(chan struct{}, 1)
	f, err := New(Options{CorpusDir: dir, Interval: 5 * time.Millisecond, Reindex: func(context.Context, func(answer.Progress)) (answer.Stats, error) {
		select {
		case done <- struct{}{}:
		default:
		}
		return answer.Stats{}, nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan struct{})
	go func() { f.Run(ctx); close(stopped) }()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("new"), 0o644)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("no reindex within 5 s of a change")
	}
	cancel()
	<-stopped
	if _, err := New(Options{CorpusDir: dir}); err == nil {
		t.Error("New without an interval and a reindex")
	}
}
