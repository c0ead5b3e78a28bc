package replica

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/index"
)

// maxBackoff is the longest wait after reindexes that failed in a row.
const maxBackoff = 5 * time.Minute

// Options configure New.
type Options struct {
	// CorpusDir is the shared corpus folder.
	CorpusDir string
	// Interval is how often the folder is looked at.
	Interval time.Duration
	// Reindex rebuilds this process's index from the folder
	// (*index.Engine's Reindex).
	Reindex func(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error)
	// Reindexed, when set, is told of each reindex the follower ran: its
	// time, or its error.
	Reindexed func(took time.Duration, err error)
	Logger    *slog.Logger
}

// Follower watches the corpus folder; see the package comment.
type Follower struct {
	opt Options
	log *slog.Logger

	// own is held (shared) while this process changes the corpus itself;
	// a check skips its turn rather than mistake such a change for another
	// process's.
	own sync.RWMutex

	mu       sync.Mutex
	state    folder          // the folder as this process's index holds it; replaced, never changed in place
	absorbed map[string]bool // own changes while a follower's reindex ran
	fails    int             // reindexes that failed in a row
	next     time.Time       // no check before then (after failures)
}

// file is what a check compares of one article file.
type file struct {
	size    int64
	modTime int64
	sum     [sha256.Size]byte
}

// folder is the article files by name.
type folder map[string]file

// New looks at the folder as it is now: take it before the index is
// opened, so that a change made while it opens is noticed.
func New(opt Options) (*Follower, error) {
	if opt.Interval <= 0 || opt.Reindex == nil || opt.CorpusDir == "" {
		return nil, errors.New("replica: a corpus folder, an interval and a reindex are required")
	}
	f := &Follower{opt: opt, log: opt.Logger}
	if f.log == nil {
		f.log = slog.New(slog.DiscardHandler)
	}
	st, err := scan(opt.CorpusDir, nil)
	if err != nil {
		return nil, err
	}
	f.state = st
	return f, nil
}

// Run checks the folder every interval until ctx ends.
func (f *Follower) Run(ctx context.Context) {
	t := time.NewTicker(f.opt.Interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f.check(ctx)
		}
	}
}

// check reindexes when another process changed the folder.
func (f *Follower) check(ctx context.Context) {
	if !f.own.TryLock() {
		return
	}
	f.mu.Lock()
	wait := time.Now().Before(f.next)
	prev := f.state
	f.mu.Unlock()
	if wait {
		f.own.Unlock()
		return
	}
	now, err := scan(f.opt.CorpusDir, prev)
	var changed []string
	if err == nil {
		changed = diff(prev, now)
	}
	if len(changed) > 0 {
		// From here on, this process's own changes are remembered, to be
		// kept in the state the reindex leaves.
		f.mu.Lock()
		f.absorbed = map[string]bool{}
		f.mu.Unlock()
	}
	f.own.Unlock()
	if err != nil {
		f.log.Warn("corpus folder not checked for changes", "err", err)
		return
	}
	if len(changed) == 0 {
		return
	}
	f.log.Info("corpus folder changed by another process: reindexing", "files", summary(changed))

	start := time.Now()
	_, err = f.opt.Reindex(ctx, nil)
	if errors.Is(err, index.ErrReindexRunning) || ctx.Err() != nil {
		// A moderator's reindex runs (and reads the folder): look again
		// next time.
		f.mu.Lock()
		f.absorbed = nil
		f.mu.Unlock()
		return
	}
	if f.opt.Reindexed != nil {
		f.opt.Reindexed(time.Since(start), err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err != nil {
		f.fails++
		backoff := min(f.opt.Interval<<min(f.fails, 20), maxBackoff)
		f.next = time.Now().Add(backoff)
		f.absorbed = nil
		f.log.Error("reindex after a corpus change failed; the previous index still serves", "err", err, "retry_in", backoff)
		return
	}
	f.fails, f.next = 0, time.Time{}
	// The index now holds the folder as scanned, and the changes this
	// process made meanwhile (the engine applies them to the new index).
	for name := range f.absorbed {
		if s, ok := f.state[name]; ok {
			now[name] = s
		} else {
			delete(now, name)
		}
	}
	f.state, f.absorbed = now, nil
}

// absorb takes this process's own change of the article id into the state:
// its files are as the index holds them.
func (f *Follower) absorb(id string) {
	now, err := scan(f.opt.CorpusDir, f.current())
	if err != nil {
		f.log.Warn("corpus folder not read after a change", "err", err)
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	// A new map: checks read the old one without the lock.
	next := maps.Clone(f.state)
	names := maps.Clone(f.state)
	maps.Copy(names, now)
	for name := range names {
		if strings.TrimSuffix(name, filepath.Ext(name)) != id {
			continue
		}
		if s, ok := now[name]; ok {
			next[name] = s
		} else {
			delete(next, name)
		}
		if f.absorbed != nil {
			f.absorbed[name] = true
		}
	}
	f.state = next
}

func (f *Follower) current() folder {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.state
}

// scan reads the folder's article files; a file whose size and time are as
// in prev keeps prev's sum, others are hashed.
func scan(dir string, prev folder) (folder, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("replica: read %s: %w", dir, err)
	}
	out := folder{}
	for _, e := range entries {
		if !e.Type().IsRegular() || !corpus.IsArticleFile(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		st := file{size: info.Size(), modTime: info.ModTime().UnixNano()}
		if p, ok := prev[e.Name()]; ok && p.size == st.size && p.modTime == st.modTime {
			st.sum = p.sum
		} else {
			data, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				continue
			}
			st.sum = sha256.Sum256(data)
		}
		out[e.Name()] = st
	}
	return out, nil
}

// diff names the files added, removed or changed in content.
func diff(a, b folder) []string {
	var out []string
	for name, x := range a {
		if y, ok := b[name]; !ok || y.sum != x.sum {
			out = append(out, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func summary(names []string) string {
	if len(names) > 5 {
		return fmt.Sprintf("%s and %d more", strings.Join(names[:5], ", "), len(names)-5)
	}
	return strings.Join(names, ", ")
}
