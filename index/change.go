package index

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"

	"summitbot/corpus"
)

// ChangeError is an add or remove that failed. It says what the failure
// left: Changed is true when the corpus folder holds the change anyway (its
// file was written or removed and could not be put back), so that a
// moderator is told the truth; otherwise nothing was changed.
type ChangeError struct {
	// Op is "add" or "remove"; ID is the article's id.
	Op, ID string
	// Changed: the corpus folder holds the change although the index does
	// not answer from it yet (a reindex or restart brings it in).
	Changed bool
	Err     error
}

func (e *ChangeError) Error() string {
	if e.Changed {
		return fmt.Sprintf("index: %s %s: the corpus folder holds the change but the index could not be updated (%v); it answers from it after a reindex or a restart", e.Op, e.ID, e.Err)
	}
	return fmt.Sprintf("index: %s %s: nothing was changed: %v", e.Op, e.ID, e.Err)
}

func (e *ChangeError) Unwrap() error { return e.Err }

// ErrPanic: bleve panicked while applying a change (e.g. its files were
// deleted under it); the change was not applied and the engine goes on.
var ErrPanic = errors.New("index: bleve panicked")

// safeBatch applies b to idx, turning a panic inside bleve into an error.
func safeBatch(idx bleve.Index, b *bleve.Batch, h *hooks) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v\n%s", ErrPanic, r, debug.Stack())
		}
	}()
	if f := h.get().batch; f != nil {
		if err := f(b); err != nil {
			return err
		}
	}
	return idx.Batch(b)
}

// hooks inject faults in tests; nil in production. Tests change them with
// update while the engine's background work may read them.
type hooks struct {
	mu sync.Mutex
	hookFuncs
}

// get returns the hooks in force (none for a nil *hooks).
func (h *hooks) get() hookFuncs {
	if h == nil {
		return hookFuncs{}
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hookFuncs
}

// update changes the hooks.
func (h *hooks) update(f func(*hookFuncs)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f(&h.hookFuncs)
}

type hookFuncs struct {
	// writeFile replaces corpus.WriteFile for the index folder's own files
	// (the pointer, the corpus cache).
	writeFile func(dir, name string, data []byte) error
	// batch runs before every batch into a live index: its error is the
	// batch's, and it may panic.
	batch func(*bleve.Batch) error
	// create runs before a new index generation is created.
	create func(path string) error
}

// writeIndexFile writes one of the index folder's own files.
func (o *Options) writeIndexFile(name string, data []byte) error {
	if f := o.hooks.get().writeFile; f != nil {
		if err := f(o.IndexDir, name, data); err != nil {
			return err
		}
	}
	return corpus.WriteFile(o.IndexDir, name, data)
}

// backup is a corpus file's content before a change, to put back when the
// index cannot follow.
type backup struct {
	name string
	data []byte // nil: the file did not exist
}

// backupFiles reads the named corpus files.
func backupFiles(dir string, names ...string) ([]backup, error) {
	var out []backup
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n))
		switch {
		case err == nil:
			out = append(out, backup{n, data})
		case errors.Is(err, os.ErrNotExist):
			out = append(out, backup{n, nil})
		default:
			return nil, fmt.Errorf("index: read %s: %w", n, err)
		}
	}
	return out, nil
}

// restore puts the backed-up files back as they were.
func restore(dir string, bs []backup) error {
	var errs []error
	for _, b := range bs {
		if b.data == nil {
			errs = append(errs, corpus.RemoveFile(dir, b.name))
			continue
		}
		errs = append(errs, corpus.WriteFile(dir, b.name, b.data))
	}
	return errors.Join(errs...)
}

// placeArticle picks the corpus file name for an added article and the
// articles it replaces. Only the same article is replaced: one with the
// same URL (whose file name it takes), or, when neither has a URL, one with
// the same file name or id (a corrected file uploaded again). An article
// whose name or id is taken by an article with another URL ("Live updates"
// pages at several links) gets a name of its own: "-2", "-3", … is added.
func placeArticle(s *snapshot, name, url string) (string, []*artEntry) {
	var replaced []*artEntry
	same := map[*artEntry]bool{}
	if url != "" {
		for _, x := range s.arts {
			if sameURL(x.a.URL, url) {
				replaced = append(replaced, x)
				same[x] = true
			}
		}
		if len(replaced) > 0 && sameKind(replaced[0].a.File, name) {
			name = replaced[0].a.File
		}
	}
	taken := func(n string) *artEntry {
		id := corpus.IDFromFile(n)
		for _, x := range s.arts {
			if !same[x] && (x.a.ID == id || strings.EqualFold(x.a.File, n)) {
				return x
			}
		}
		return nil
	}
	if x := taken(name); x != nil {
		if url == "" && x.a.URL == "" {
			return name, append(replaced, x)
		}
		ext := filepath.Ext(name)
		base := strings.TrimSuffix(name, ext)
		for i := 2; ; i++ {
			if n := fmt.Sprintf("%s-%d%s", base, i, ext); taken(n) == nil {
				name = n
				break
			}
		}
	}
	return name, replaced
}

// sameKind reports whether two article file names are of one format.
func sameKind(a, b string) bool {
	md := func(n string) bool {
		ext := strings.ToLower(filepath.Ext(n))
		return ext == ".md" || ext == ".markdown"
	}
	return md(a) == md(b)
}
