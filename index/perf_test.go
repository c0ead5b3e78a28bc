package index

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"summitbot/quote"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
)

// synthCorpus writes n articles of paras paragraphs each into dir: news-like
// sentences over a fixed vocabulary, with quoted statements by named and
// described speakers, so that every query kind has work to do.
func synthCorpus(t testing.TB, dir string, n, paras int) int {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(1))
	subjects := []string{"The summit", "The delegation", "The ministry", "The talks", "Negotiators", "The envoy", "Officials", "The alliance", "The government", "Analysts"}
	verbs := []string{"discussed", "rejected", "welcomed", "postponed", "examined", "questioned", "announced", "debated", "criticised", "praised"}
	objects := []string{"the ceasefire proposal", "new sanctions", "the energy deal", "security guarantees", "the prisoner exchange", "grain exports", "the border dispute", "nuclear arms control", "a second meeting", "reconstruction funds"}
	places := []string{"in Anchorage", "in Geneva", "in Istanbul", "in Riyadh", "in Brussels", "in Warsaw", "in Helsinki", "in Budapest", "near the front line", "at the airbase"}
	times := []string{"on Friday", "on Monday", "late on Sunday", "this week", "within 24 hours", "after three hours", "before the vote", "in February", "at dawn", "by the end of the year"}
	speakers := []string{"Russian President Vladimir Putin", "US President Donald Trump", "Ukrainian President Volodymyr Zelensky", "French President Emmanuel Macron",
		"German Chancellor Friedrich Merz", "Polish Prime Minister Donald Tusk", "Czech Foreign Minister Jan Lipavsky", "NATO Secretary General Mark Rutte",
		"Kremlin spokesman Dmitry Peskov", "Italian Prime Minister Giorgia Meloni", "Finnish President Alexander Stubb", "Hungarian Prime Minister Viktor Orban"}
	words := strings.Fields("peace progress deal pressure patience strength guarantees territory sovereignty dialogue trust unity leverage sanctions security future partners compromise borders victory")
	sentence := func() string {
		return fmt.Sprintf("%s %s %s %s %s.", subjects[rng.Intn(len(subjects))], verbs[rng.Intn(len(verbs))], objects[rng.Intn(len(objects))], places[rng.Intn(len(places))], times[rng.Intn(len(times))])
	}
	quote := func() string {
		var b strings.Builder
		for i := 0; i < 6+rng.Intn(8); i++ {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[rng.Intn(len(words))])
		}
		return "We need " + b.String() + " now"
	}
	total := 0
	for a := 0; a < n; a++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Report %d on the summit\noutlet: Wire %d\nurl: https://example.org/report-%d\npublished: 2025-08-%02d\n---\n", a, a%17, a, 1+a%28)
		for p := 0; p < paras; p++ {
			if p%10 == 9 {
				fmt.Fprintf(&b, "## Section %d\n\n", p/10)
			}
			switch p % 3 {
			case 0:
				fmt.Fprintf(&b, "%s %s %s\n\n", sentence(), sentence(), sentence())
			case 1:
				fmt.Fprintf(&b, "\"%s,\" %s said. %s\n\n", quote(), speakers[rng.Intn(len(speakers))], sentence())
			default:
				fmt.Fprintf(&b, "%s %s said: \"%s.\"\n\n", sentence(), speakers[rng.Intn(len(speakers))], quote())
			}
			total++
		}
		if err := os.WriteFile(filepath.Join(dir, "report-"+strconv.Itoa(a)+".md"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return total
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(float64(len(s)-1) * p)
	return s[i]
}

// TestPerformance measures building and querying a large synthetic corpus.
// It runs only with SUMMIT_PERF set (e.g. SUMMIT_PERF=100000 for 100k
// paragraphs), since building takes a while on a 2-core machine.
func TestPerformance(t *testing.T) {
	target, _ := strconv.Atoi(os.Getenv("SUMMIT_PERF"))
	if target <= 0 {
		t.Skip("set SUMMIT_PERF=<paragraphs> to run")
	}
	const paras = 50
	root := t.TempDir()
	opt := Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus")}
	total := synthCorpus(t, opt.CorpusDir, target/paras, paras)
	ctx := context.Background()

	start := time.Now()
	e, err := Open(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	build := time.Since(start)
	e.mu.RLock()
	docs := e.snap.paras
	quotes := e.snap.quotes
	e.mu.RUnlock()
	t.Logf("open+build: %d paragraphs, %d quotes in %v (%.0f docs/s incl. corpus load)", total, quotes, build, float64(docs)/build.Seconds())

	// Ingest alone: our build (documents made from the snapshot, batches of
	// 1000) against bleve's own batch indexing of the same documents with
	// the same mapping, and, for scale, of the bare paragraphs with the
	// stock en analyzer.
	e.mu.RLock()
	snap := e.snap
	e.mu.RUnlock()
	start = time.Now()
	arts := make([]*quote.Article, len(snap.arts))
	for i, a := range snap.arts {
		arts[i] = a.a
	}
	idx, err := buildIndex(ctx, filepath.Join(root, "ours"), arts, DefaultLockTimeout, nil)
	if err != nil {
		t.Fatal(err)
	}
	ours := time.Since(start)
	idx.Close()
	batchAll := func(path string, m mapping.IndexMapping, docs func(add func(id string, doc interface{}))) time.Duration {
		ref, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer ref.Close()
		start := time.Now()
		b := ref.NewBatch()
		docs(func(id string, doc interface{}) {
			b.Index(id, doc)
			if b.Size() >= batchSize {
				if err := ref.Batch(b); err != nil {
					t.Fatal(err)
				}
				b.Reset()
			}
		})
		if err := ref.Batch(b); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	same, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	sameTook := batchAll(filepath.Join(root, "same"), same, func(add func(string, interface{})) {
		for _, a := range snap.arts {
			for _, p := range a.a.Paragraphs {
				add(paraDocID(a.a.ID, p.N), paraDoc(p))
			}
		}
	})
	en := mapping.NewIndexMapping()
	en.DefaultAnalyzer = "en"
	en.ScoringModel = "bm25"
	enTook := batchAll(filepath.Join(root, "en"), en, func(add func(string, interface{})) {
		for _, a := range snap.arts {
			for _, p := range a.a.Paragraphs {
				add(paraDocID(a.a.ID, p.N), map[string]interface{}{"text": p.Text})
			}
		}
	})
	t.Logf("ingest: ours %v for %d docs (%.0f docs/s); bleve batch, same documents and mapping %v (ratio %.2f); bleve batch, bare paragraphs with en %v (%.0f paragraphs/s)",
		ours, docs, float64(docs)/ours.Seconds(), sameTook, sameTook.Seconds()/ours.Seconds(), enTook, float64(snap.paras)/enTook.Seconds())
	if r := sameTook.Seconds() / ours.Seconds(); r < 0.8 {
		t.Errorf("ingest at %.2f of bleve's batch rate for the same documents, want at least 0.8", r)
	}

	measure := func(name string, qs []string, f func(string) error) {
		var ds []time.Duration
		slowest, slowQ := time.Duration(0), ""
		for round := 0; round < 3; round++ {
			for _, q := range qs {
				s := time.Now()
				if err := f(q); err != nil {
					t.Fatalf("%s %q: %v", name, q, err)
				}
				d := time.Since(s)
				ds = append(ds, d)
				if d > slowest {
					slowest, slowQ = d, q
				}
			}
		}
		p50, p99 := percentile(ds, 0.5), percentile(ds, 0.99)
		t.Logf("%-12s n=%d p50=%v p99=%v (slowest %q)", name, len(ds), p50, p99, slowQ)
		limit := 50 * time.Millisecond
		if strings.HasPrefix(name, "complete") {
			limit = 20 * time.Millisecond
		}
		if p99 > limit {
			t.Errorf("%s p99 %v over %v", name, p99, limit)
		}
	}
	phrases := []string{"no deal", "peace progress", "we need sanctions now", "security guarantees unity", "trust leverage partners", "make america great again", "setled borders", "patience strength deal"}
	measure("who-said", phrases, func(q string) error { _, err := e.WhoSaid(ctx, q, 3); return err })
	asks := []string{"where was the summit held", "what did negotiators discuss in Geneva", "nuclear arms control", "when will the second meeting be", "how many hours did the talks last", "energy deal sanctions"}
	measure("ask", asks, func(q string) error { _, err := e.Ask(ctx, q, 3); return err })
	groups := []string{"europe", "russia", "ukraine", "czech", "nato", "trump", "fishermen", "the opposition", "poland", "eu"}
	measure("reactions", groups, func(q string) error { _, err := e.Reactions(ctx, q, 3); return err })
	measure("quotes", []string{"putin", "zelensky", "macron", "lipavsky"}, func(q string) error { _, err := e.Quotes(ctx, q, 3); return err })
	prefixes := []string{"w", "we n", "we need pe", "sanc", "no", "peace progress d", "", "xyz"}
	measure("complete-phrase", prefixes, func(q string) error { e.CompletePhrase(q, 25); return nil })
	measure("complete-group", []string{"", "e", "eu", "cz", "rus", "n"}, func(q string) error { e.CompleteGroup(q, 25); return nil })
	measure("complete-speaker", []string{"", "p", "put", "ze", "mac"}, func(q string) error { e.CompleteSpeaker(q, 25); return nil })

	e.Close()
	start = time.Now()
	e2, err := Open(ctx, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("reopen (reuse): %v", time.Since(start))
	e2.Close()
}

func BenchmarkWhoSaid(b *testing.B) {
	e, _ := openEngine(b, fictionFiles(b))
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.WhoSaid(ctx, "nothing is setled until the strait", 3)
	}
}

func BenchmarkReactions(b *testing.B) {
	e, _ := openEngine(b, nil)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Reactions(ctx, "europe", 3)
	}
}

func BenchmarkCompletePhrase(b *testing.B) {
	e, _ := openEngine(b, fictionFiles(b))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.CompletePhrase("we a", 25)
	}
}
