package index

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"

	"summitbot/corpus"
	"summitbot/quote"
)

// The parsed corpus is cached in IndexDir so that reopening a large corpus
// does not parse and attribute every article again. The cache is used only
// when the corpus folder holds exactly the files (by name and SHA-256) it was
// made from, and it was written for the same parser (corpus.ParserVersion),
// quote finder (quote.Version) and mapping.
//
// The file is a gob stream: a cacheHeader, then one quote.Article (the
// corpus.Article and its quotes) per article, so that decoding never holds
// the whole file in memory. A quote's text is left out when it is the slice
// of its paragraph's text that its Start and End name (it always is for a
// parsed article) and is re-sliced from the paragraph on load, which also
// makes the quote share the paragraph's memory.
const cacheFile = "corpus-cache.gob"

// cacheFormat changes whenever the layout of the cache file changes.
const cacheFormat = "cache-4"

type cacheHeader struct {
	Version  string
	Files    []fileSum
	Speakers []quote.Speaker
	Articles int
	// Problems are the folder's skipped and suspicious files, so that one
	// bad file does not keep the good ones from being cached.
	Problems []problemRecord
}

// problemRecord is a corpus.Problem as the cache keeps it.
type problemRecord struct {
	File, Reason string
	Loaded       bool
}

type fileSum struct{ Name, Sum string }

func cacheVersion() string {
	return cacheFormat + "|" + corpus.ParserVersion + "|" + quote.Version + "|" + mappingVersion
}

// quoteInParagraph returns the paragraph text q's offsets name, and whether
// it is exactly q's text.
func quoteInParagraph(a *quote.Article, q *quote.Quote) (string, bool) {
	i := q.Paragraph - 1
	if i < 0 || i >= len(a.Paragraphs) || a.Paragraphs[i].N != q.Paragraph {
		i = -1
		for j := range a.Paragraphs {
			if a.Paragraphs[j].N == q.Paragraph {
				i = j
				break
			}
		}
		if i < 0 {
			return "", false
		}
	}
	t := a.Paragraphs[i].Text
	if q.Start < 0 || q.End > len(t) || q.Start > q.End {
		return "", false
	}
	s := t[q.Start:q.End]
	return s, s == q.Text
}

// shareQuoteText makes each quote's text a slice of its paragraph's text
// instead of a copy, when its offsets name exactly that text.
func shareQuoteText(arts []*quote.Article) {
	for _, a := range arts {
		for i := range a.Quotes {
			q := &a.Quotes[i]
			if s, ok := quoteInParagraph(a, q); ok {
				q.Text = s
			}
		}
	}
}

// corpusSums lists the corpus folder's entries as corpus.Load sees them:
// each article file with its SHA-256 (a file over limit bytes, which Load
// skips, by its size and time), and each other entry with the reason Load
// does not read it; ok is false when the folder cannot be read.
func corpusSums(dir string, limit int64) ([]fileSum, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	var names []string
	var out []fileSum
	for _, e := range entries {
		switch reason, ok := corpus.Listed(e); {
		case !ok:
		case reason != nil:
			out = append(out, fileSum{e.Name(), "-" + reason.Error()})
		default:
			names = append(names, e.Name())
		}
	}
	// Hash the files on every core.
	sums := make([]fileSum, len(names))
	var failed atomic.Bool
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) || failed.Load() {
					return
				}
				path := filepath.Join(dir, names[i])
				data, err := corpus.ReadFile(context.Background(), path, limit)
				if errors.Is(err, corpus.ErrTooLarge) {
					if fi, serr := os.Stat(path); serr == nil {
						sums[i] = fileSum{names[i], fmt.Sprintf("-large:%d:%d", fi.Size(), fi.ModTime().UnixNano())}
						continue
					}
				}
				if err != nil {
					failed.Store(true)
					return
				}
				sum := sha256.Sum256(data)
				sums[i] = fileSum{names[i], hex.EncodeToString(sum[:])}
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		return nil, false
	}
	out = append(out, sums...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, len(names) > 0
}

// cached is what the corpus cache holds.
type cached struct {
	arts     []*quote.Article
	speakers []quote.Speaker
	problems []corpus.Problem
}

// readCorpusCache decodes the cache when it matches the corpus folder.
func readCorpusCache(o *Options) (cached, bool) {
	var none cached
	f, err := os.Open(filepath.Join(o.IndexDir, cacheFile))
	if err != nil {
		return none, false
	}
	defer f.Close()
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<20))
	var h cacheHeader
	if dec.Decode(&h) != nil || h.Version != cacheVersion() || h.Articles < 0 {
		return none, false
	}
	if files, ok := corpusSums(o.CorpusDir, o.maxArticleBytes()); !ok || !slices.Equal(files, h.Files) {
		return none, false
	}
	arts := make([]*quote.Article, 0, min(h.Articles, len(h.Files)))
	for range h.Articles {
		a := new(quote.Article)
		if dec.Decode(a) != nil {
			return none, false
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			if q.Text != "" {
				continue
			}
			s, _ := quoteInParagraph(a, q)
			q.Text = s
		}
		arts = append(arts, a)
	}
	c := cached{arts: arts, speakers: h.Speakers}
	for _, p := range h.Problems {
		c.problems = append(c.problems, corpus.Problem{File: p.File, Err: errors.New(p.Reason), Loaded: p.Loaded})
	}
	return c, true
}

// saveCorpusCache writes the cache for snapshot s and the folder's
// problems when every entry of the corpus folder is one of s's articles
// (as read) or a reported problem (anything else means the folder cannot
// be told from s alone, so nothing is cached).
func saveCorpusCache(o *Options, s *snapshot, problems []corpus.Problem) error {
	indexDir, corpusDir := o.IndexDir, o.CorpusDir
	os.Remove(filepath.Join(indexDir, cacheFile))
	files, ok := corpusSums(corpusDir, o.maxArticleBytes())
	if !ok {
		return nil
	}
	byFile := map[string]*artEntry{}
	for _, a := range s.arts {
		byFile[a.a.File] = a
	}
	skipped := map[string]bool{}
	var records []problemRecord
	for _, p := range problems {
		skipped[p.File] = skipped[p.File] || !p.Loaded
		records = append(records, problemRecord{File: p.File, Reason: p.Err.Error(), Loaded: p.Loaded})
	}
	for _, f := range files {
		if a := byFile[f.Name]; (a == nil || a.a.Sum != f.Sum) && !skipped[f.Name] {
			return nil
		}
	}
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(&cacheHeader{Version: cacheVersion(), Files: files, Speakers: s.linked, Articles: len(s.arts), Problems: records}); err != nil {
		return fmt.Errorf("index: corpus cache: %w", err)
	}
	for _, e := range s.arts {
		a := *e.a
		a.Quotes = append([]quote.Quote(nil), e.a.Quotes...)
		for i := range a.Quotes {
			q := &a.Quotes[i]
			if _, ok := quoteInParagraph(&a, q); ok {
				q.Text = ""
			}
		}
		if err := enc.Encode(&a); err != nil {
			return fmt.Errorf("index: corpus cache: %w", err)
		}
	}
	if err := o.writeIndexFile(cacheFile, buf.Bytes()); err != nil {
		return fmt.Errorf("index: corpus cache: %w", err)
	}
	return nil
}
