package index

import (
	"errors"
	"os"
	"path/filepath"
)

// genIntact reports whether the generation in use is still on disk.
func (e *Engine) genIntact() bool {
	e.mu.RLock()
	gen := e.gen
	e.mu.RUnlock()
	return e.genExists(gen)
}

// genExists reports whether generation gen's folder is on disk.
func (e *Engine) genExists(gen string) bool {
	_, err := os.Stat(filepath.Join(e.opt.IndexDir, gen, "index_meta.json"))
	return err == nil
}

// heal rebuilds the index from the corpus folder in the background when
// bleve failed in a way that leaves the index in use broken (its folder
// deleted under the running bot). Queries meanwhile fail with an error
// instead of hanging; the old index keeps whatever it can answer.
func (e *Engine) heal() {
	if e.stopCtx.Err() != nil || !e.healing.CompareAndSwap(false, true) {
		return
	}
	e.healed.Add(1)
	go func() {
		defer e.healed.Done()
		defer e.healing.Store(false)
		e.log.Error("the index in use is broken (its folder changed under the bot); rebuilding it from the corpus folder")
		if _, err := e.Reindex(e.stopCtx, nil); err != nil {
			e.log.Error("rebuilding the broken index failed; run /reindex", "err", err)
			return
		}
		// The lock file went with the folder: take a new one, so that no
		// other process can open the rebuilt index beside this one.
		if _, err := os.Stat(filepath.Join(e.opt.IndexDir, "lock")); errors.Is(err, os.ErrNotExist) {
			if l, err := lockDir(e.opt.IndexDir, e.opt.LockTimeout); err == nil {
				old := e.lock
				e.lock = l
				old.release()
			} else {
				e.log.Warn("the rebuilt index folder could not be locked", "err", err)
			}
		}
	}()
}
