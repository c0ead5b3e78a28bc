package index

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/quote"
)

// Errors callers check with errors.Is.
var (
	// ErrLocked: another process (usually `summitbot serve`) holds the index.
	ErrLocked = errors.New("index: held by another process")
	// ErrReindexRunning: a reindex is already under way.
	ErrReindexRunning = errors.New("index: a reindex is already running")
	// ErrEmptyQuery: the query has no searchable words.
	ErrEmptyQuery = errors.New("index: empty query")
	// ErrNotFound: no article with that id.
	ErrNotFound = errors.New("index: no such article")
	// ErrClosed: the engine was closed.
	ErrClosed = errors.New("index: closed")
)

// DefaultLockTimeout is how long Open waits for another process's lock when
// Options.LockTimeout is 0.
const DefaultLockTimeout = 200 * time.Millisecond

// Options configure Open.
type Options struct {
	// IndexDir holds the bleve index (and its fingerprint).
	IndexDir string
	// CorpusDir is the corpus folder, the single source of truth.
	CorpusDir string
	Logger    *slog.Logger
	// LockTimeout is how long Open waits for another process's lock on the
	// index before failing with ErrLocked; 0 means a short default.
	LockTimeout time.Duration

	// MaxArticleBytes is the largest corpus file read (a larger one is
	// skipped and reported) and the largest article added; 0 means
	// corpus.DefaultMaxFileBytes.
	MaxArticleBytes int64

	// hooks inject faults in tests.
	hooks *hooks
}

func (o *Options) maxArticleBytes() int64 {
	if o.MaxArticleBytes > 0 {
		return o.MaxArticleBytes
	}
	return corpus.DefaultMaxFileBytes
}

// Engine answers questions from the index. It is safe for concurrent use.
//
// The index folder holds a lock file, a pointer file (current.json: the
// generation folder in use and the fingerprint of what it holds) and one
// generation folder (gen-N) with the bleve index. Queries read a snapshot of
// the corpus held in memory and the bleve index behind an IndexAlias; a
// change builds a new snapshot and swaps it in under a short write lock.
type Engine struct {
	opt  Options
	log  *slog.Logger
	lock *dirLock
	gt   *groupTable
	an   analyzers
	// stems remembers the main field's term of each exact term seen in a
	// paragraph (see stemOf).
	stems sync.Map

	// wmu serialises changes: AddArticle, RemoveArticle, the end of a
	// Reindex and Close.
	wmu sync.Mutex
	// recording and pending (guarded by wmu) keep the changes made while a
	// reindex builds, to apply them to the new index before it goes live.
	recording bool
	pending   []change
	// cached (guarded by wmu) is the snapshot the corpus cache file holds.
	cached *snapshot

	reindexing atomic.Bool
	// bg counts background work Close waits for (the corpus cache write).
	bg sync.WaitGroup
	// healing is set while heal rebuilds a broken index; stop cancels it
	// (Close), healed counts it.
	healing atomic.Bool
	stop    context.CancelFunc
	stopCtx context.Context
	healed  sync.WaitGroup

	// mu guards the fields below; queries hold it for reading while they
	// search, so a swap waits for them.
	mu     sync.RWMutex
	alias  bleve.IndexAlias
	idx    bleve.Index
	gen    string
	snap   *snapshot
	closed bool
	// problems are the corpus folder's skipped and suspicious files, as
	// the last load (Open, Reindex) found them.
	problems []corpus.Problem
}

// change is one AddArticle or RemoveArticle, replayable on another index.
type change struct {
	add    *quote.Article // parsed article to add (nil for a removal)
	remove []string       // ids of articles to delete first
}

// Open opens the index in opt.IndexDir, reusing it when the corpus and mapping
// fingerprint match, and building it from opt.CorpusDir otherwise.
func Open(ctx context.Context, opt Options) (*Engine, error) {
	if strings.TrimSpace(opt.IndexDir) == "" || strings.TrimSpace(opt.CorpusDir) == "" {
		return nil, errors.New("index: open: IndexDir and CorpusDir are required")
	}
	if opt.LockTimeout <= 0 {
		opt.LockTimeout = DefaultLockTimeout
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	an, err := newAnalyzers(m)
	if err != nil {
		return nil, err
	}
	gt, err := loadGroups()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(opt.IndexDir, 0o755); err != nil {
		return nil, fmt.Errorf("index: open %s: %w", opt.IndexDir, err)
	}
	lock, err := lockDir(opt.IndexDir, opt.LockTimeout)
	if err != nil {
		return nil, err
	}
	e := &Engine{opt: opt, log: log, lock: lock, gt: gt, an: an}
	e.stopCtx, e.stop = context.WithCancel(context.Background())
	// What a crash left: temporary files of atomic writes.
	corpus.RemoveTemp(opt.IndexDir, 0, log)
	corpus.RemoveTemp(opt.CorpusDir, time.Minute, log)
	cc, cached := readCorpusCache(&opt)
	arts, speakers, problems := cc.arts, cc.speakers, cc.problems
	var pre *streamBuild
	if !cached {
		// A corpus the cache does not hold has most likely changed: index
		// its paragraphs while its files are parsed (openOrBuild drops
		// this build when the index in use turns out to hold the corpus).
		// The build is speculative: when it fails (a nearly full disk),
		// the index in use may still be valid, so Open goes on without it.
		pre, err = startStreamBuild(ctx, filepath.Join(opt.IndexDir, nextGen(opt.IndexDir)), opt.LockTimeout, opt.hooks)
		if err != nil {
			log.Warn("index: no build while the corpus is read; the index in use is checked first", "err", err)
			pre = nil
		}
		lopt := corpus.LoadOptions{MaxFileBytes: opt.maxArticleBytes()}
		if pre != nil {
			lopt.Parsed = pre.add
		}
		c, err := quote.LoadWith(opt.CorpusDir, lopt)
		if pre != nil {
			if err != nil {
				pre.abort()
				pre = nil
			} else if ferr := pre.finish(c.Articles); ferr != nil {
				log.Warn("index: the build made while the corpus was read failed; the index in use is checked first", "err", ferr)
				pre = nil
			}
		}
		if err != nil {
			lock.release()
			return nil, fmt.Errorf("index: open: %w", err)
		}
		shareQuoteText(c.Articles)
		arts, speakers, problems = c.Articles, c.Speakers, c.Problems
	}
	reportProblems(log, problems)
	e.problems = problems
	// The tables are built while the index is opened or built: the index
	// needs only the paragraphs.
	snapc := make(chan *snapshot, 1)
	go func() { snapc <- newSnapshot(arts, speakers, gt) }()
	idx, gen, err := e.openOrBuild(ctx, fingerprintOf(arts), arts, pre)
	snap := <-snapc
	if err != nil {
		lock.release()
		return nil, err
	}
	e.idx, e.gen, e.snap = idx, gen, snap
	e.alias = bleve.NewIndexAlias(idx)
	if !cached {
		// Written in the background: the engine answers meanwhile, and
		// Close waits for it.
		e.bg.Add(1)
		go func() {
			defer e.bg.Done()
			e.saveCache(snap, problems)
		}()
	}
	e.cached = snap
	return e, nil
}

// reportProblems logs every skipped or suspicious corpus file with the
// reason.
func reportProblems(log *slog.Logger, problems []corpus.Problem) {
	skipped := 0
	for _, p := range problems {
		if p.Loaded {
			log.Warn("corpus file loaded but suspicious", "file", p.File, "reason", p.Err)
			continue
		}
		skipped++
		log.Warn("corpus file skipped", "file", p.File, "reason", p.Err)
	}
	if len(problems) > 0 {
		log.Warn("corpus problems: fix or remove these files, then reindex", "skipped", skipped, "suspicious", len(problems)-skipped)
	}
}

// Problems lists the corpus folder's skipped and suspicious files.
func (e *Engine) Problems() []corpus.Problem {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return append([]corpus.Problem(nil), e.problems...)
}

// CorpusProblems is Problems for the bot and the command line.
func (e *Engine) CorpusProblems() []answer.CorpusProblem {
	var out []answer.CorpusProblem
	for _, p := range e.Problems() {
		out = append(out, answer.CorpusProblem{File: p.File, Reason: p.Err.Error(), Skipped: !p.Loaded})
	}
	return out
}

// saveCache records the parsed corpus for the next Open (see cache.go).
func (e *Engine) saveCache(s *snapshot, problems []corpus.Problem) {
	if err := saveCorpusCache(&e.opt, s, problems); err != nil {
		e.log.Warn("corpus cache not written", "err", err)
	}
}

// openOrBuild reuses the index the pointer names when it holds this corpus,
// and otherwise uses pre (built while the corpus was parsed) or builds a new
// generation.
func (e *Engine) openOrBuild(ctx context.Context, fingerprint string, arts []*quote.Article, pre *streamBuild) (bleve.Index, string, error) {
	paras := paragraphCount(arts)
	dir := e.opt.IndexDir
	if p, ok := readPointer(dir); ok {
		if p.Fingerprint == fingerprint && p.Mapping == mappingVersion {
			idx, err := openExisting(filepath.Join(dir, p.Gen), e.opt.LockTimeout)
			if errors.Is(err, ErrLocked) {
				return nil, "", err
			}
			if err == nil {
				n, cerr := idx.DocCount()
				if cerr == nil && n == uint64(paras) {
					if pre != nil {
						pre.discard()
					}
					removeOtherGens(dir, p.Gen)
					return idx, p.Gen, nil
				}
				idx.Close()
				e.log.Warn("index does not match the corpus; rebuilding", "gen", p.Gen, "docs", n)
			} else {
				e.log.Warn("index unreadable; rebuilding", "gen", p.Gen, "err", err)
			}
		} else {
			e.log.Info("corpus or mapping changed; rebuilding the index", "gen", p.Gen)
		}
	}
	var idx bleve.Index
	var gen string
	start := time.Now()
	if pre != nil {
		idx, gen = pre.idx, filepath.Base(pre.path)
		if n, err := idx.DocCount(); err != nil || n != uint64(paras) {
			pre.discard()
			return nil, "", fmt.Errorf("index: build %s: %d documents for %d paragraphs (%v)", pre.path, n, paras, err)
		}
	} else {
		gen = nextGen(dir)
		var err error
		if idx, err = buildIndex(ctx, filepath.Join(dir, gen), arts, e.opt.LockTimeout, nil); err != nil {
			return nil, "", err
		}
	}
	if err := writePointer(&e.opt, pointer{Gen: gen, Fingerprint: fingerprint}); err != nil {
		idx.Close()
		return nil, "", err
	}
	removeOtherGens(dir, gen)
	e.log.Info("index built", "gen", gen, "articles", len(arts), "paragraphs", paras, "took", time.Since(start))
	return idx, gen, nil
}

// Close releases the index.
func (e *Engine) Close() error {
	e.stop()
	e.healed.Wait()
	e.wmu.Lock()
	defer e.wmu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return nil
	}
	e.closed = true
	e.bg.Wait()
	if e.snap != e.cached {
		e.saveCache(e.snap, e.problems)
	}
	e.alias.Close()
	err := e.idx.Close()
	e.lock.release()
	if err != nil {
		return fmt.Errorf("index: close: %w", err)
	}
	return nil
}

// Ready reports whether the index is open and answering.
func (e *Engine) Ready() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return !e.closed && e.idx != nil
}

// Health says whether the engine answers and, when not, why: closed, or
// rebuilding an index that broke under it.
func (e *Engine) Health() (bool, string) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	switch {
	case e.closed || e.idx == nil:
		return false, "the index is closed"
	case e.healing.Load():
		return false, "the index broke (its folder changed under the bot) and is being rebuilt from the corpus folder"
	}
	return true, ""
}

// view returns the current snapshot with the read lock held; call done.
func (e *Engine) view() (*snapshot, func(), error) {
	e.mu.RLock()
	if e.closed {
		e.mu.RUnlock()
		return nil, nil, ErrClosed
	}
	return e.snap, e.mu.RUnlock, nil
}

// Sources lists the indexed articles.
func (e *Engine) Sources() []answer.ArticleInfo {
	s, done, err := e.view()
	if err != nil {
		return nil
	}
	defer done()
	out := make([]answer.ArticleInfo, 0, len(s.arts))
	for _, a := range s.arts {
		out = append(out, articleInfo(a))
	}
	return out
}

func articleInfo(a *artEntry) answer.ArticleInfo {
	return answer.ArticleInfo{Source: a.src, Paragraphs: len(a.a.Paragraphs), Quotes: len(a.a.Quotes)}
}

// CompletePhrase suggests quotes containing what was typed.
func (e *Engine) CompletePhrase(prefix string, limit int) []string {
	s, done, err := e.view()
	if err != nil {
		return nil
	}
	defer done()
	return s.phrases.complete(prefix, limit)
}

// CompleteGroup suggests known groups.
func (e *Engine) CompleteGroup(prefix string, limit int) []string {
	s, done, err := e.view()
	if err != nil {
		return nil
	}
	defer done()
	return completeChoices(s.groupList, prefix, limit)
}

// CompleteSpeaker suggests speakers.
func (e *Engine) CompleteSpeaker(prefix string, limit int) []string {
	s, done, err := e.view()
	if err != nil {
		return nil
	}
	defer done()
	return completeChoices(s.speakerList, prefix, limit)
}

// Reindex rebuilds the whole index from the corpus folder in a new folder
// while the old index keeps answering, then swaps atomically. Articles added
// or removed while it runs are applied to the new index before the swap.
func (e *Engine) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	if !e.reindexing.CompareAndSwap(false, true) {
		return answer.Stats{}, ErrReindexRunning
	}
	defer e.reindexing.Store(false)
	start := time.Now()

	e.wmu.Lock()
	if e.isClosed() {
		e.wmu.Unlock()
		return answer.Stats{}, ErrClosed
	}
	e.recording, e.pending = true, nil
	e.wmu.Unlock()
	stopRecording := func() {
		e.recording, e.pending = false, nil
	}

	// One core for the reindex, parsing and building: the other answers.
	c, err := quote.LoadWith(e.opt.CorpusDir, corpus.LoadOptions{Workers: 1, MaxFileBytes: e.opt.maxArticleBytes()})
	if err != nil {
		e.wmu.Lock()
		stopRecording()
		e.wmu.Unlock()
		return answer.Stats{}, fmt.Errorf("index: reindex: %w", err)
	}
	reportProblems(e.log, c.Problems)
	shareQuoteText(c.Articles)
	snap := newSnapshot(c.Articles, c.Speakers, e.gt)
	if err := os.MkdirAll(e.opt.IndexDir, 0o755); err != nil {
		e.wmu.Lock()
		stopRecording()
		e.wmu.Unlock()
		return answer.Stats{}, fmt.Errorf("index: reindex: %w", err)
	}
	e.mu.RLock()
	gen := nextGen(e.opt.IndexDir, e.gen)
	e.mu.RUnlock()
	path := filepath.Join(e.opt.IndexDir, gen)
	idx, err := buildInBackground(ctx, path, snap, e.opt.LockTimeout, progress)
	if err != nil {
		e.wmu.Lock()
		stopRecording()
		e.wmu.Unlock()
		return answer.Stats{}, fmt.Errorf("index: reindex: %w", err)
	}

	e.wmu.Lock()
	defer e.wmu.Unlock()
	discard := func(err error) (answer.Stats, error) {
		stopRecording()
		idx.Close()
		os.RemoveAll(path)
		return answer.Stats{}, err
	}
	if e.isClosed() {
		return discard(ErrClosed)
	}
	for _, ch := range e.pending {
		ns, b, err := e.prepareChange(idx, snap, ch)
		if err == nil {
			err = safeBatch(idx, b, e.opt.hooks)
		}
		if err != nil {
			return discard(fmt.Errorf("index: reindex: %w", err))
		}
		snap = ns
	}
	stopRecording()
	if err := writePointer(&e.opt, pointer{Gen: gen, Fingerprint: snap.fingerprint}); err != nil {
		return discard(err)
	}
	e.mu.Lock()
	old, oldGen := e.idx, e.gen
	e.alias.Swap([]bleve.Index{idx}, []bleve.Index{old})
	e.idx, e.gen, e.snap = idx, gen, snap
	e.problems = c.Problems
	e.mu.Unlock()
	if err := old.Close(); err != nil {
		e.log.Warn("closing the replaced index", "gen", oldGen, "err", err)
	}
	os.RemoveAll(filepath.Join(e.opt.IndexDir, oldGen))
	removeOtherGens(e.opt.IndexDir, gen) // and what a crashed build left
	st := answer.Stats{Articles: len(snap.arts), Paragraphs: snap.paras, Quotes: snap.quotes, Took: time.Since(start)}
	e.log.Info("reindexed", "gen", gen, "articles", st.Articles, "paragraphs", st.Paragraphs, "quotes", st.Quotes, "took", st.Took)
	return st, nil
}

func (e *Engine) isClosed() bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.closed
}

// prepareChange computes the snapshot after ch and the batch that brings an
// index holding s up to it: the removed articles' documents are deleted, the
// added article's indexed, and the quotes of other articles whose text
// changed are indexed again (speakers are not indexed: linking changes only
// the snapshot).
func (e *Engine) prepareChange(idx bleve.Index, s *snapshot, ch change) (*snapshot, *bleve.Batch, error) {
	drop := map[string]bool{}
	for _, id := range ch.remove {
		drop[id] = true
	}
	if ch.add != nil {
		drop[ch.add.ID] = true
	}
	arts := make([]*quote.Article, 0, len(s.arts)+1)
	b := idx.NewBatch()
	for _, a := range s.arts {
		if drop[a.a.ID] {
			deleteArticleDocs(b, a.a.Article)
			continue
		}
		arts = append(arts, a.a)
	}
	if ch.add != nil {
		arts = append(arts, ch.add)
		sort.SliceStable(arts, func(i, j int) bool { return arts[i].File < arts[j].File })
	}
	linked, speakers := linkArticles(arts)
	ns := newSnapshot(linked, speakers, e.gt)
	if ch.add != nil {
		if err := addArticleDocs(b, ch.add.Article); err != nil {
			return nil, nil, err
		}
	}
	return ns, b, nil
}

// applyLive applies a change to the live index and swaps the snapshot in.
// The caller holds wmu. A failed batch (or a panic inside bleve) leaves the
// snapshot as it was; the locks are released on every path.
func (e *Engine) applyLive(ch change) (*snapshot, error) {
	e.mu.RLock()
	s, idx := e.snap, e.idx
	e.mu.RUnlock()
	ns, b, err := e.prepareChange(idx, s, ch)
	if err != nil {
		return nil, err
	}
	gen, err := e.swapIn(idx, b, ns)
	if err != nil {
		if errors.Is(err, ErrPanic) || !e.genIntact() {
			e.heal()
		}
		return nil, err
	}
	if e.recording {
		e.pending = append(e.pending, ch)
	}
	// The change is in the corpus and answering. A pointer that cannot be
	// written (a full or read-only index folder) only means the next start
	// finds the fingerprint changed and rebuilds: the change stands.
	if err := writePointer(&e.opt, pointer{Gen: gen, Fingerprint: ns.fingerprint}); err != nil {
		e.log.Warn("the index folder could not record the change; the next start rebuilds the index", "err", err)
	}
	return ns, nil
}

// swapIn applies b to idx and makes ns the snapshot queries read, under the
// write lock.
func (e *Engine) swapIn(idx bleve.Index, b *bleve.Batch, ns *snapshot) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if err := safeBatch(idx, b, e.opt.hooks); err != nil {
		return "", fmt.Errorf("index: update: %w", err)
	}
	e.snap = ns
	return e.gen, nil
}

// AddArticle saves an article file into the corpus folder (atomically) and
// indexes it. Adding an article with the URL of an existing one replaces it.
func (e *Engine) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	name = strings.TrimSpace(name)
	if name == "" || name != filepath.Base(name) || !corpus.IsArticleFile(name) {
		return answer.Added{}, fmt.Errorf("index: add %q: the file name must be a plain .md, .markdown or .txt name", name)
	}
	if err := ctx.Err(); err != nil {
		return answer.Added{}, fmt.Errorf("index: add %s: %w", name, err)
	}
	if max := e.opt.maxArticleBytes(); int64(len(data)) > max {
		return answer.Added{}, fmt.Errorf("index: add %s: %w: over %s (MAX_ARTICLE_BYTES)", name, corpus.ErrTooLarge, corpus.SizeText(max))
	}
	a := quote.Parse(name, data)
	if len(a.Paragraphs) == 0 {
		return answer.Added{}, fmt.Errorf("index: add %s: no paragraphs found", name)
	}
	e.wmu.Lock()
	defer e.wmu.Unlock()
	if e.isClosed() {
		return answer.Added{}, ErrClosed
	}
	e.mu.RLock()
	s := e.snap
	e.mu.RUnlock()
	name, replaced := placeArticle(s, name, a.URL)
	if name != a.File {
		a = quote.Parse(name, data)
	}
	// What the change overwrites or removes is kept, to put back when the
	// index cannot follow: the corpus folder and the index must agree.
	names := []string{name}
	for _, r := range replaced {
		if r.a.File != name {
			names = append(names, r.a.File)
		}
	}
	saved, err := backupFiles(e.opt.CorpusDir, names...)
	if err != nil {
		return answer.Added{}, &ChangeError{Op: "add", ID: a.ID, Err: err}
	}
	if err := corpus.WriteFile(e.opt.CorpusDir, name, data); err != nil {
		return answer.Added{}, &ChangeError{Op: "add", ID: a.ID, Err: err}
	}
	ch := change{add: a}
	for _, r := range replaced {
		ch.remove = append(ch.remove, r.a.ID)
		if r.a.File != a.File {
			if err := corpus.RemoveFile(e.opt.CorpusDir, r.a.File); err != nil {
				e.log.Warn("removing the replaced article file", "file", r.a.File, "err", err)
			}
		}
	}
	if err := corpus.SyncDir(e.opt.CorpusDir); err != nil {
		e.log.Warn("syncing the corpus folder", "err", err)
	}
	ns, err := e.applyLive(ch)
	if err != nil {
		return answer.Added{}, e.undo("add", a.ID, saved, err)
	}
	e.mu.Lock()
	kept := e.problems[:0:0]
	for _, p := range e.problems {
		if p.File != name {
			kept = append(kept, p)
		}
	}
	e.problems = kept
	e.mu.Unlock()
	entry := ns.byID[a.ID]
	out := answer.Added{Info: articleInfo(entry), Updated: len(replaced) > 0}
	seen := map[string]bool{}
	for i := range entry.a.Quotes {
		q := &entry.a.Quotes[i]
		if q.Speaker != "" && !seen[q.Speaker] {
			seen[q.Speaker] = true
			out.Speakers = append(out.Speakers, q.Speaker)
		}
	}
	e.log.Info("article added", "id", a.ID, "file", name, "updated", out.Updated, "paragraphs", out.Info.Paragraphs, "quotes", out.Info.Quotes)
	return out, nil
}

// undo puts the corpus files of a change the index could not take back as
// they were, and says what the failure left.
func (e *Engine) undo(op, id string, saved []backup, err error) error {
	e.log.Error("the index could not take a change; putting the corpus files back", "op", op, "id", id, "err", err)
	if rerr := restore(e.opt.CorpusDir, saved); rerr != nil {
		e.log.Error("the corpus files could not be put back", "op", op, "id", id, "err", rerr)
		return &ChangeError{Op: op, ID: id, Changed: true, Err: err}
	}
	return &ChangeError{Op: op, ID: id, Err: err}
}

// sameURL reports whether two article URLs name the same page.
func sameURL(a, b string) bool {
	return corpus.URLKey(a) != "" && corpus.URLKey(a) == corpus.URLKey(b)
}

// RemoveArticle deletes an article from the corpus folder and the index.
func (e *Engine) RemoveArticle(ctx context.Context, id string) error {
	e.wmu.Lock()
	defer e.wmu.Unlock()
	if e.isClosed() {
		return ErrClosed
	}
	e.mu.RLock()
	a := e.snap.byID[strings.TrimSpace(id)]
	e.mu.RUnlock()
	if a == nil {
		return fmt.Errorf("index: remove %q: %w", id, ErrNotFound)
	}
	saved, err := backupFiles(e.opt.CorpusDir, a.a.File)
	if err != nil {
		return &ChangeError{Op: "remove", ID: a.a.ID, Err: err}
	}
	if err := corpus.RemoveFile(e.opt.CorpusDir, a.a.File); err != nil {
		return &ChangeError{Op: "remove", ID: a.a.ID, Err: err}
	}
	if err := corpus.SyncDir(e.opt.CorpusDir); err != nil {
		e.log.Warn("syncing the corpus folder", "err", err)
	}
	if _, err := e.applyLive(change{remove: []string{a.a.ID}}); err != nil {
		return e.undo("remove", a.a.ID, saved, err)
	}
	e.log.Info("article removed", "id", a.a.ID, "file", a.a.File)
	return nil
}
