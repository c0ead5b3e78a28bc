package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	bolterrors "go.etcd.io/bbolt/errors"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/quote"
)

const (
	pointerFile = "current.json"
	genPrefix   = "gen-"
	// batchSize is how many paragraph documents go to bleve at once: fewer,
	// larger segments to merge than bleve's usual 1,000 (ingest at 5,000
	// articles 1.0x bleve's batch rate instead of 0.8x), at some memory.
	batchSize = 4000
)

// pointer is the small file that names the index folder in use and what it
// holds. It is replaced by an atomic rename, so a crash mid-build leaves the
// previous index in use.
type pointer struct {
	Gen         string `json:"gen"`
	Fingerprint string `json:"fingerprint"`
	Mapping     string `json:"mapping"`
}

func readPointer(dir string) (pointer, bool) {
	var p pointer
	data, err := os.ReadFile(filepath.Join(dir, pointerFile))
	if err != nil {
		return p, false
	}
	if json.Unmarshal(data, &p) != nil || p.Gen == "" || strings.ContainsAny(p.Gen, `/\`) || !strings.HasPrefix(p.Gen, genPrefix) {
		return pointer{}, false
	}
	return p, true
}

func writePointer(o *Options, p pointer) error {
	p.Mapping = mappingVersion
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return fmt.Errorf("index: pointer: %w", err)
	}
	if err := o.writeIndexFile(pointerFile, append(data, '\n')); err != nil {
		return fmt.Errorf("index: record current index: %w", err)
	}
	return nil
}

// nextGen picks a generation folder name that does not exist yet and is
// none of inUse (a generation whose folder was deleted under the engine).
func nextGen(dir string, inUse ...string) string {
	max := 0
	for _, g := range inUse {
		if n, err := strconv.Atoi(strings.TrimPrefix(g, genPrefix)); err == nil && n > max {
			max = n
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if n, err := strconv.Atoi(strings.TrimPrefix(e.Name(), genPrefix)); err == nil && strings.HasPrefix(e.Name(), genPrefix) && n > max {
			max = n
		}
	}
	return genPrefix + strconv.Itoa(max+1)
}

// removeOtherGens deletes generation folders other than keep (left-overs
// of replaced indexes or of builds that crashed).
func removeOtherGens(dir string, keep ...string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), genPrefix) {
			continue
		}
		skip := false
		for _, k := range keep {
			skip = skip || e.Name() == k
		}
		if !skip {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

func boltConfig(timeout time.Duration) map[string]interface{} {
	return map[string]interface{}{"bolt_timeout": timeout.String()}
}

// openExisting opens the index folder named by the pointer.
func openExisting(path string, timeout time.Duration) (bleve.Index, error) {
	if err := registerAnalysis(); err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); err != nil {
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	idx, err := bleve.OpenUsing(path, boltConfig(timeout))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("index: open %s: %w", path, err)
		}
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("index: open %s: %w", path, ErrLocked)
		}
		return nil, fmt.Errorf("index: open %s: %w", path, err)
	}
	return idx, nil
}

// paraDoc is what bleve indexes, one document per paragraph, with only the
// fields queries search. Nothing is stored: hits are turned into results
// from the snapshot, which knows each paragraph's article and quotes (with
// their speakers and byte offsets) by the document id.
func paraDoc(p corpus.Paragraph) map[string]interface{} {
	return map[string]interface{}{
		fieldText:      p.Text,
		fieldTextExact: p.Text,
		fieldSection:   p.Section,
	}
}

// addArticleDocs adds an article's paragraph documents to b.
func addArticleDocs(b *bleve.Batch, a *corpus.Article) error {
	for _, p := range a.Paragraphs {
		if err := b.Index(paraDocID(a.ID, p.N), paraDoc(p)); err != nil {
			return fmt.Errorf("index: article %s: %w", a.ID, err)
		}
	}
	return nil
}

// deleteArticleDocs deletes an article's documents, as the snapshot it was
// indexed with knows them.
func deleteArticleDocs(b *bleve.Batch, a *corpus.Article) {
	for _, p := range a.Paragraphs {
		b.Delete(paraDocID(a.ID, p.N))
	}
}

// createIndex creates an empty index with the engine's mapping in path.
func createIndex(path string, timeout time.Duration) (bleve.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, boltConfig(timeout))
	if err != nil {
		return nil, fmt.Errorf("index: create %s: %w", path, err)
	}
	return idx, nil
}

// paragraphCount is how many paragraph documents the articles make.
func paragraphCount(arts []*quote.Article) int {
	n := 0
	for _, a := range arts {
		n += len(a.Paragraphs)
	}
	return n
}

// buildIndex writes a new index of the articles into path, in batches on
// every core.
func buildIndex(ctx context.Context, path string, arts []*quote.Article, timeout time.Duration, progress func(answer.Progress)) (bleve.Index, error) {
	total := paragraphCount(arts)
	idx, err := createIndex(path, timeout)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (bleve.Index, error) {
		idx.Close()
		os.RemoveAll(path)
		return nil, err
	}
	b := idx.NewBatch()
	done := 0
	flush := func() error {
		if b.Size() == 0 {
			return nil
		}
		if err := safeBatch(idx, b, nil); err != nil {
			return fmt.Errorf("index: build %s: %w", path, err)
		}
		b.Reset()
		if progress != nil {
			progress(answer.Progress{Done: done, Total: total})
		}
		return nil
	}
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("index: build %s: %w", path, err))
		}
		if err := addArticleDocs(b, a.Article); err != nil {
			return fail(err)
		}
		done += len(a.Paragraphs)
		if b.Size() >= batchSize {
			if err := flush(); err != nil {
				return fail(err)
			}
		}
	}
	if err := flush(); err != nil {
		return fail(err)
	}
	if progress != nil {
		progress(answer.Progress{Done: total, Total: total})
	}
	return idx, nil
}

// buildInBackground writes a new index for snapshot s into path while the
// engine keeps answering from the old one (Reindex). It uses bleve's offline
// builder, which analyses and merges in the calling goroutine: the build
// takes one core and leaves the other to queries, where batches into a live
// index would analyse on every core. The builder's temporary segments go to
// path+".build" (a leftover of a crash is removed with the other
// generations).
func buildInBackground(ctx context.Context, path string, s *snapshot, timeout time.Duration, progress func(answer.Progress)) (bleve.Index, error) {
	if s.paras == 0 {
		return buildIndex(ctx, path, nil, timeout, progress) // the builder needs a document
	}
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	tmp := path + ".build"
	fail := func(err error) (bleve.Index, error) {
		os.RemoveAll(path)
		os.RemoveAll(tmp)
		return nil, err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return fail(fmt.Errorf("index: build %s: %w", path, err))
	}
	b, err := bleve.NewBuilder(path, m, map[string]interface{}{"buildPathPrefix": tmp, "batchSize": batchSize})
	if err != nil {
		return fail(fmt.Errorf("index: build %s: %w", path, err))
	}
	done, next := 0, batchSize
	for _, e := range s.arts {
		if err := ctx.Err(); err != nil {
			return fail(fmt.Errorf("index: build %s: %w", path, err))
		}
		for _, p := range e.a.Paragraphs {
			if err := b.Index(paraDocID(e.a.ID, p.N), paraDoc(p)); err != nil {
				return fail(fmt.Errorf("index: article %s: %w", e.a.ID, err))
			}
		}
		done += len(e.a.Paragraphs)
		if progress != nil && done >= next {
			progress(answer.Progress{Done: done, Total: s.paras})
			next += batchSize
		}
	}
	if err := b.Close(); err != nil {
		return fail(fmt.Errorf("index: build %s: %w", path, err))
	}
	os.RemoveAll(tmp)
	idx, err := openExisting(path, timeout)
	if err != nil {
		return fail(err)
	}
	if progress != nil {
		progress(answer.Progress{Done: s.paras, Total: s.paras})
	}
	return idx, nil
}

// streamBuild indexes articles while the corpus is still being parsed (the
// first build at Open): quote.LoadWith hands each parsed article to add (its layout: the paragraphs are all the index holds),
// a goroutine batches their paragraphs into a new generation, and finish
// makes the index hold exactly the articles Load kept.
type streamBuild struct {
	path string
	idx  bleve.Index
	h    *hooks
	in   chan *corpus.Article
	done chan error
	// indexed lists, by id, every article indexed (owned by the goroutine
	// until done).
	indexed map[string][]*corpus.Article
}

func startStreamBuild(ctx context.Context, path string, timeout time.Duration, h *hooks) (*streamBuild, error) {
	if f := h.get().create; f != nil {
		if err := f(path); err != nil {
			return nil, fmt.Errorf("index: create %s: %w", path, err)
		}
	}
	idx, err := createIndex(path, timeout)
	if err != nil {
		os.RemoveAll(path)
		return nil, err
	}
	sb := &streamBuild{path: path, idx: idx, h: h, in: make(chan *corpus.Article, 64), done: make(chan error, 1), indexed: map[string][]*corpus.Article{}}
	go sb.run(ctx)
	return sb, nil
}

// add is corpus.LoadOptions.Parsed.
func (sb *streamBuild) add(a *corpus.Article) { sb.in <- a }

func (sb *streamBuild) run(ctx context.Context) {
	var err error
	b := sb.idx.NewBatch()
	for a := range sb.in {
		if err != nil || len(a.Paragraphs) == 0 {
			continue // keep draining: the parsers must not block
		}
		if err = ctx.Err(); err != nil {
			continue
		}
		if err = addArticleDocs(b, a); err != nil {
			continue
		}
		sb.indexed[a.ID] = append(sb.indexed[a.ID], a)
		if b.Size() >= batchSize {
			if err = safeBatch(sb.idx, b, sb.h); err == nil {
				b.Reset()
			}
		}
	}
	if err == nil && b.Size() > 0 {
		err = safeBatch(sb.idx, b, sb.h)
	}
	if err != nil {
		err = fmt.Errorf("index: build %s: %w", sb.path, err)
	}
	sb.done <- err
}

// finish waits for the indexing and reconciles it with the articles Load
// kept: the documents of articles it dropped (a second file with one id or
// URL) go, and an id indexed from another file than the one kept is
// indexed again.
func (sb *streamBuild) finish(kept []*quote.Article) error {
	close(sb.in)
	if err := <-sb.done; err != nil {
		sb.discard()
		return err
	}
	want := make(map[string]*corpus.Article, len(kept))
	for _, a := range kept {
		want[a.ID] = a.Article
	}
	b := sb.idx.NewBatch()
	for id, versions := range sb.indexed {
		if w := want[id]; len(versions) == 1 && versions[0] == w {
			continue
		}
		for _, v := range versions {
			deleteArticleDocs(b, v)
		}
		if w := want[id]; w != nil {
			if err := addArticleDocs(b, w); err != nil {
				sb.discard()
				return err
			}
		}
	}
	for id, w := range want {
		if sb.indexed[id] == nil {
			if err := addArticleDocs(b, w); err != nil {
				sb.discard()
				return err
			}
		}
	}
	if b.Size() > 0 {
		if err := safeBatch(sb.idx, b, sb.h); err != nil {
			sb.discard()
			return fmt.Errorf("index: build %s: %w", sb.path, err)
		}
	}
	return nil
}

// abort stops the build (Load failed) and removes it.
func (sb *streamBuild) abort() {
	close(sb.in)
	<-sb.done
	sb.discard()
}

// discard closes and removes the build.
func (sb *streamBuild) discard() {
	sb.idx.Close()
	os.RemoveAll(sb.path)
}
