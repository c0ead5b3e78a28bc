package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Files of the feed folder. feeds.json is the one moderators edit by hand;
// the others are the poller's and the queue's, readable too.
const (
	feedsFile    = "feeds.json"
	stateFile    = "state.json"
	queueFile    = "queue.json"
	rejectedFile = "rejected.json"
	queueDir     = "queue"
	lockFile     = ".lock"
)

// maxSeen bounds the remembered addresses of proposed and added articles
// (the oldest are forgotten first; the corpus and the rejected list are
// checked too, so forgetting rarely proposes anything twice).
const maxSeen = 5000

// Store keeps the subscriptions, the poller's state, the review queue and
// the rejected addresses as JSON files in one folder, each written
// atomically (temporary file, fsync, rename). Every change holds a lock on
// the folder (an flock where the system has it), so two processes never
// interleave their changes. It is safe for concurrent use.
type Store struct {
	dir string
	mu  sync.Mutex
}

// NewStore returns the store in dir; the folder is created on the first
// change.
func NewStore(dir string) *Store { return &Store{dir: dir} }

// Dir is the store's folder.
func (s *Store) Dir() string { return s.dir }

// files is the whole store as loaded.
type files struct {
	Feeds    feedsDoc
	State    stateDoc
	Queue    queueDoc
	Rejected rejectedDoc
}

type feedsDoc struct {
	Feeds []Feed `json:"feeds"`
}

type stateDoc struct {
	Feeds map[string]*feedState `json:"feeds"`
	// Seen holds the address keys (corpus.URLKey) of articles queued,
	// added or given up on, with when.
	Seen map[string]seen `json:"seen"`
}

// feedState is how polling one feed goes.
type feedState struct {
	Validators validators `json:"validators,omitzero"`
	LastPoll   time.Time  `json:"last_poll,omitzero"`
	NextPoll   time.Time  `json:"next_poll,omitzero"`
	Failures   int        `json:"failures,omitempty"`
	LastError  string     `json:"last_error,omitempty"`
	// Tries counts failed fetches of matching articles, by address key,
	// so a broken article is given up on after a few polls.
	Tries map[string]int `json:"tries,omitempty"`
}

type validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

type seen struct {
	At time.Time `json:"at"`
	// What happened: "queued", "added", "approved", "failed".
	What string `json:"what"`
}

type queueDoc struct {
	Items []Item `json:"items"`
}

type rejectedDoc struct {
	Rejected []Rejected `json:"rejected"`
}

// Rejected is an address a moderator turned down.
type Rejected struct {
	URL   string    `json:"url"`
	Key   string    `json:"key"`
	Title string    `json:"title,omitempty"`
	At    time.Time `json:"at"`
}

// view loads the store under its lock and calls fn; nothing is written.
func (s *Store) view(fn func(*files) error) error {
	return s.locked(false, func() error {
		f, _, err := s.load()
		if err != nil {
			return err
		}
		return fn(f)
	})
}

// update loads the store under its lock, calls fn, and writes back the
// files fn changed.
func (s *Store) update(fn func(*files) error) error {
	return s.locked(true, func() error {
		f, raw, err := s.load()
		if err != nil {
			return err
		}
		if err := fn(f); err != nil {
			return err
		}
		f.State.trim()
		for _, out := range []struct {
			name string
			v    any
		}{{feedsFile, f.Feeds}, {stateFile, f.State}, {queueFile, f.Queue}, {rejectedFile, f.Rejected}} {
			b, err := json.MarshalIndent(out.v, "", "  ")
			if err != nil {
				return fmt.Errorf("%w: encode %s: %v", ErrStore, out.name, err)
			}
			b = append(b, '\n')
			if bytes.Equal(b, raw[out.name]) {
				continue
			}
			if err := writeAtomic(s.dir, out.name, b); err != nil {
				return err
			}
		}
		return nil
	})
}

// locked runs fn holding the store's lock; with create it makes the folder
// first (a view of a missing folder needs no lock: nothing is there).
func (s *Store) locked(create bool, fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if create {
		if err := os.MkdirAll(s.dir, 0o755); err != nil {
			return fmt.Errorf("%w: create %s: %v", ErrStore, s.dir, err)
		}
	} else if _, err := os.Stat(s.dir); errors.Is(err, fs.ErrNotExist) {
		return fn()
	}
	unlock, err := lockDir(filepath.Join(s.dir, lockFile))
	if err != nil {
		return fmt.Errorf("%w: lock %s: %v", ErrStore, s.dir, err)
	}
	defer unlock()
	return fn()
}

// load reads every file; a missing file is empty. raw holds the bytes read,
// so update writes only what changed.
func (s *Store) load() (*files, map[string][]byte, error) {
	f := &files{}
	raw := map[string][]byte{}
	for _, in := range []struct {
		name string
		v    any
	}{{feedsFile, &f.Feeds}, {stateFile, &f.State}, {queueFile, &f.Queue}, {rejectedFile, &f.Rejected}} {
		b, err := os.ReadFile(filepath.Join(s.dir, in.name))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%w: read %s: %v", ErrStore, in.name, err)
		}
		raw[in.name] = b
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		if err := json.Unmarshal(b, in.v); err != nil {
			return nil, nil, fmt.Errorf("%w: %s is not valid: %v (fix or remove it)", ErrStore, filepath.Join(s.dir, in.name), err)
		}
	}
	if f.State.Feeds == nil {
		f.State.Feeds = map[string]*feedState{}
	}
	if f.State.Seen == nil {
		f.State.Seen = map[string]seen{}
	}
	if f.Feeds.Feeds == nil {
		f.Feeds.Feeds = []Feed{}
	}
	if f.Queue.Items == nil {
		f.Queue.Items = []Item{}
	}
	if f.Rejected.Rejected == nil {
		f.Rejected.Rejected = []Rejected{}
	}
	for i := range f.Feeds.Feeds {
		fd := &f.Feeds.Feeds[i]
		if fd.Keywords == nil {
			fd.Keywords = []string{}
		}
		if fd.ID == "" {
			// A feed added to feeds.json by hand gets its id here; the next
			// change writes it.
			fd.ID = uniqueID(siteID(fd.URL), func(id string) bool { return f.feed(id) != nil })
		}
	}
	return f, raw, nil
}

// trim forgets the oldest seen addresses past maxSeen.
func (st *stateDoc) trim() {
	if len(st.Seen) <= maxSeen {
		return
	}
	keys := make([]string, 0, len(st.Seen))
	for k := range st.Seen {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return st.Seen[keys[i]].At.Before(st.Seen[keys[j]].At) })
	for _, k := range keys[:len(keys)-maxSeen] {
		delete(st.Seen, k)
	}
}

// feed returns the subscription with id, or nil.
func (f *files) feed(id string) *Feed {
	for i := range f.Feeds.Feeds {
		if f.Feeds.Feeds[i].ID == id {
			return &f.Feeds.Feeds[i]
		}
	}
	return nil
}

// state returns a feed's polling state, creating it.
func (f *files) state(id string) *feedState {
	st := f.State.Feeds[id]
	if st == nil {
		st = &feedState{}
		f.State.Feeds[id] = st
	}
	return st
}

// rejected reports whether a moderator turned the address key down.
func (f *files) rejected(key string) bool {
	for _, r := range f.Rejected.Rejected {
		if r.Key == key {
			return true
		}
	}
	return false
}

// queued returns the index of the queued item with the address key, or -1.
func (f *files) queued(key string) int {
	for i, it := range f.Queue.Items {
		if linkKey(it.URL) == key {
			return i
		}
	}
	return -1
}

// article files of queued items: queue/<id>.md.

func (s *Store) articlePath(id string) string { return filepath.Join(s.dir, queueDir, id+".md") }

func (s *Store) writeArticle(id string, data []byte) error {
	dir := filepath.Join(s.dir, queueDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%w: create %s: %v", ErrStore, dir, err)
	}
	return writeAtomic(dir, id+".md", data)
}

func (s *Store) readArticle(id string) ([]byte, error) {
	b, err := os.ReadFile(s.articlePath(id))
	if err != nil {
		return nil, fmt.Errorf("%w: read the queued article %s: %v", ErrStore, id, err)
	}
	return b, nil
}

func (s *Store) removeArticle(id string) {
	os.Remove(s.articlePath(id))
}

// writeAtomic writes dir/name through a temporary file in dir: written,
// synced, renamed over the target, and the folder synced.
func writeAtomic(dir, name string, data []byte) error {
	tmp, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return fmt.Errorf("%w: write %s: %v", ErrStore, name, err)
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), filepath.Join(dir, name))
	}
	if err != nil {
		return fmt.Errorf("%w: write %s: %v", ErrStore, filepath.Join(dir, name), err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
