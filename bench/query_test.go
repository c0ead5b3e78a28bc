package bench

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"summitbot/answer"
	"summitbot/index"
)

// Limits the bot asks with: 3 results, 25 suggestions.
const (
	answerLimit  = 3
	suggestLimit = 25
)

// queryKind is one kind of question the bot answers.
type queryKind struct {
	name    string
	queries func(queryPlan) []string
	// run asks the engine and reports whether something was found.
	run func(ctx context.Context, eng *index.Engine, q string) (bool, error)
	// match is true when the kind is compared with a plain match query.
	match bool
}

func found(ans answer.Answer, err error) (bool, error) {
	if errors.Is(err, index.ErrEmptyQuery) {
		return false, nil
	}
	return ans.Found, err
}

func suggestions(list []string) (bool, error) { return len(list) > 0, nil }

// queryKinds are the kinds the query benchmark times.
func queryKinds() []queryKind {
	return []queryKind{
		{"who-said", func(p queryPlan) []string { return p.whoSaid }, func(ctx context.Context, e *index.Engine, q string) (bool, error) {
			return found(e.WhoSaid(ctx, q, answerLimit))
		}, true},
		{"ask", func(p queryPlan) []string { return p.ask }, func(ctx context.Context, e *index.Engine, q string) (bool, error) {
			return found(e.Ask(ctx, q, answerLimit))
		}, true},
		{"reactions", func(p queryPlan) []string { return p.reactions }, func(ctx context.Context, e *index.Engine, q string) (bool, error) {
			return found(e.Reactions(ctx, q, answerLimit))
		}, true},
		{"complete-phrase", func(p queryPlan) []string { return p.phrasePrefixes }, func(_ context.Context, e *index.Engine, q string) (bool, error) {
			return suggestions(e.CompletePhrase(q, suggestLimit))
		}, false},
		{"complete-group", func(p queryPlan) []string { return p.groupPrefixes }, func(_ context.Context, e *index.Engine, q string) (bool, error) {
			return suggestions(e.CompleteGroup(q, suggestLimit))
		}, false},
		{"complete-speaker", func(p queryPlan) []string { return p.speakerPrefixes }, func(_ context.Context, e *index.Engine, q string) (bool, error) {
			return suggestions(e.CompleteSpeaker(q, suggestLimit))
		}, false},
	}
}

// kindTimes are the timings of one kind of query.
type kindTimes struct {
	engine, match []time.Duration
	found         int
}

// matchQuery is the baseline: a plain match query of the same text on the
// mapping's default field (the paragraph text), top 10.
func matchQuery(ctx context.Context, idx bleve.Index, q string) error {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 10, 0, false)
	_, err := idx.SearchInContext(ctx, req)
	return err
}

// measureKind asks n queries of kind k (cycling through the plan from
// offset), each followed by the same text as a plain match query on match
// (nil: no baseline), and adds the timings to t.
func measureKind(ctx context.Context, eng *index.Engine, match bleve.Index, k queryKind, qs []string, offset, n int, t *kindTimes) error {
	if len(qs) == 0 {
		return fmt.Errorf("bench: no %s queries", k.name)
	}
	for i := 0; i < n; i++ {
		q := qs[(offset+i)%len(qs)]
		start := time.Now()
		found, err := k.run(ctx, eng, q)
		t.engine = append(t.engine, time.Since(start))
		if err != nil {
			return fmt.Errorf("bench: %s %q: %w", k.name, q, err)
		}
		if found {
			t.found++
		}
		if match != nil && k.match {
			start = time.Now()
			if err := matchQuery(ctx, match, q); err != nil {
				return fmt.Errorf("bench: match %q: %w", q, err)
			}
			t.match = append(t.match, time.Since(start))
		}
	}
	return nil
}

// openMatchCopy copies the engine's bleve index (which the engine holds
// locked) and opens the copy with bleve alone, for the baseline.
func openMatchCopy(indexDir, work string) (bleve.Index, error) {
	gen, err := currentGen(indexDir)
	if err != nil {
		return nil, err
	}
	dst := filepath.Join(work, "match-copy")
	if err := copyDir(gen, dst); err != nil {
		return nil, fmt.Errorf("bench: copy the index: %w", err)
	}
	idx, err := bleve.Open(dst)
	if err != nil {
		return nil, fmt.Errorf("bench: open the index copy: %w", err)
	}
	return idx, nil
}

// BenchmarkQuery: latency of each kind of question over an existing index
// (warmed up by one untimed pass over the questions), each query followed by
// a plain bleve match query of the same text over a copy of the same index. x-match-p99 is the engine's p99 over the match
// query's (target ≤ 1.5, and p99 < 50 ms; autocomplete p99 < 20 ms).
func BenchmarkQuery(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			fx := cachedFixture(b, n)
			eng, err := fx.open(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer eng.Close()
			match, err := openMatchCopy(fx.indexDir, b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer match.Close()
			perIter := envInt(b, envQueries, 200)
			// Warm up: every question once, untimed, on both the engine and
			// the baseline, so that the first kind timed does not pay for
			// faulting in the index files and growing the heap.
			for _, k := range queryKinds() {
				var warm kindTimes
				qs := k.queries(fx.plan)
				if err := measureKind(ctx, eng, match, k, qs, 0, len(qs), &warm); err != nil {
					b.Fatal(err)
				}
			}
			for _, k := range queryKinds() {
				b.Run(k.name, func(b *testing.B) {
					var t kindTimes
					off := 0
					for b.Loop() {
						if err := measureKind(ctx, eng, match, k, k.queries(fx.plan), off, perIter, &t); err != nil {
							b.Fatal(err)
						}
						off += perIter
					}
					e := summarise(t.engine)
					b.ReportMetric(0, "ns/op")
					b.ReportMetric(ms(e.p50), "p50-ms")
					b.ReportMetric(ms(e.p99), "p99-ms")
					b.ReportMetric(ms(e.mx), "max-ms")
					b.ReportMetric(100*float64(t.found)/float64(e.n), "found-%")
					if k.match {
						m := summarise(t.match)
						b.ReportMetric(ms(m.p50), "match-p50-ms")
						b.ReportMetric(ms(m.p99), "match-p99-ms")
						b.ReportMetric(float64(e.p99)/float64(m.p99), "x-match-p99")
					}
				})
			}
		})
	}
}
