package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"summitbot/corpus"
	"summitbot/index"
)

// baselineBatch is the batch size of bleve's own indexing (the size the
// reference figures were measured with).
const baselineBatch = 1000

// ingestResult is one ingest of a corpus folder.
type ingestResult struct {
	articles, paragraphs, quotes int
	// engine is index.Open on an empty index folder: reading and parsing
	// the corpus folder, linking speakers, building the index.
	engine time.Duration
	// load is corpus.Load alone (read, parse, link): part of engine.
	load time.Duration
	// bleve is bleve's batch indexing of the same paragraphs (the fields
	// the engine searches) with the engine's mapping.
	bleve time.Duration
	// peakMB is this process's peak RSS during the engine's ingest.
	peakMB float64
}

// The fields the engine searches, checked against its stored mapping so
// that the baseline cannot drift from what the engine indexes: a paragraph
// document's text (stemmed), exact text and section heading. The engine
// indexes nothing else (quotes are found in paragraphs by their offsets).
var paraFields = []string{"text", "text_exact", "section"}

// measureIngest builds an index of corpusDir in work with the engine, then
// indexes the same paragraphs with bleve alone, with the mapping the engine
// stored.
func measureIngest(ctx context.Context, corpusDir, work string) (ingestResult, error) {
	var r ingestResult
	indexDir := filepath.Join(work, "engine")
	resetPeakRSS()
	start := time.Now()
	eng, err := index.Open(ctx, index.Options{IndexDir: indexDir, CorpusDir: corpusDir, LockTimeout: lockTimeout})
	if err != nil {
		return r, err
	}
	r.engine = time.Since(start)
	r.peakMB = peakRSSMB("self")
	for _, a := range eng.Sources() {
		r.articles++
		r.paragraphs += a.Paragraphs
		r.quotes += a.Quotes
	}
	if err := eng.Close(); err != nil {
		return r, err
	}

	gen, err := currentGen(indexDir)
	if err != nil {
		return r, err
	}
	built, err := bleve.Open(gen)
	if err != nil {
		return r, fmt.Errorf("bench: open the engine's index: %w", err)
	}
	m := built.Mapping()
	built.Close()
	if err := checkFields(m, paraFields); err != nil {
		return r, err
	}
	os.RemoveAll(indexDir)

	start = time.Now()
	c, err := corpus.Load(corpusDir)
	if err != nil {
		return r, err
	}
	r.load = time.Since(start)

	paras := func(add func(id string, doc map[string]interface{}) error) error {
		for _, a := range c.Articles {
			for _, p := range a.Paragraphs {
				doc := map[string]interface{}{"text": p.Text, "text_exact": p.Text, "section": p.Section}
				if err := add("p|"+a.ID+"|"+strconv.Itoa(p.N), doc); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if r.bleve, err = bleveBatch(filepath.Join(work, "bleve-paragraphs"), m, paras); err != nil {
		return r, err
	}
	return r, nil
}

// checkFields fails when the mapping does not index one of the fields.
func checkFields(m mapping.IndexMapping, lists ...[]string) error {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok {
		return fmt.Errorf("bench: mapping is a %T", m)
	}
	for _, list := range lists {
		for _, f := range list {
			if im.FieldMappingForPath(f).Type == "" {
				return fmt.Errorf("bench: the engine's mapping has no field %q: update the baseline's documents", f)
			}
		}
	}
	return nil
}

// bleveBatch indexes the documents in batches with bleve alone, on disk,
// and returns how long it took (creating the index included).
func bleveBatch(path string, m mapping.IndexMapping, feeds ...func(add func(string, map[string]interface{}) error) error) (time.Duration, error) {
	defer os.RemoveAll(path)
	start := time.Now()
	idx, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return 0, fmt.Errorf("bench: bleve baseline: %w", err)
	}
	defer idx.Close()
	b := idx.NewBatch()
	add := func(id string, doc map[string]interface{}) error {
		if err := b.Index(id, doc); err != nil {
			return err
		}
		if b.Size() >= baselineBatch {
			if err := idx.Batch(b); err != nil {
				return err
			}
			b.Reset()
		}
		return nil
	}
	for _, feed := range feeds {
		if err := feed(add); err != nil {
			return 0, fmt.Errorf("bench: bleve baseline: %w", err)
		}
	}
	if err := idx.Batch(b); err != nil {
		return 0, fmt.Errorf("bench: bleve baseline: %w", err)
	}
	return time.Since(start), nil
}

// BenchmarkIngest: corpus folder to searchable index, against bleve's own
// batch indexing of the same paragraphs with the same mapping.
// x-bleve is the engine's paragraph rate over bleve's (target ≥ 0.8).
func BenchmarkIngest(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			fx := cachedFixture(b, n)
			var rs []ingestResult
			for b.Loop() {
				r, err := measureIngest(context.Background(), fx.corpusDir, b.TempDir())
				if err != nil {
					b.Fatal(err)
				}
				rs = append(rs, r)
			}
			var engine, load, bl time.Duration
			peak := 0.0
			for _, r := range rs {
				engine += r.engine
				load += r.load
				bl += r.bleve
				peak = max(peak, r.peakMB)
			}
			k := float64(len(rs))
			r := rs[0]
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(float64(r.articles)*k/engine.Seconds(), "articles/s")
			b.ReportMetric(float64(r.paragraphs)*k/engine.Seconds(), "paras/s")
			b.ReportMetric(float64(r.paragraphs)*k/bl.Seconds(), "bleve-paras/s")
			b.ReportMetric(bl.Seconds()/engine.Seconds(), "x-bleve")
			b.ReportMetric(engine.Seconds()/k, "engine-s")
			b.ReportMetric(load.Seconds()/k, "load-s")
			b.ReportMetric(float64(r.paragraphs), "paragraphs")
			b.ReportMetric(float64(r.quotes), "quotes")
			b.ReportMetric(peak, "peak-rss-MB")
		})
	}
}
