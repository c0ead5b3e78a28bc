package bench

import (
	"context"
	"fmt"
	"testing"
	"time"

	"summitbot/index"
)

// mixedQuery asks query i of the who-said, ask, reactions rotation.
func mixedQuery(ctx context.Context, eng *index.Engine, plan queryPlan, i int) error {
	kinds := queryKinds()[:3]
	k := kinds[i%len(kinds)]
	qs := k.queries(plan)
	_, err := k.run(ctx, eng, qs[i/len(kinds)%len(qs)])
	return err
}

// reindexResult is one full reindex under queries.
type reindexResult struct {
	idle, during []time.Duration
	failed       int
	first        error
	took         time.Duration
}

// measureReindex times idleN mixed queries on an idle engine, then keeps
// asking them one after another while a full reindex runs.
func measureReindex(ctx context.Context, eng *index.Engine, plan queryPlan, idleN int) (reindexResult, error) {
	var r reindexResult
	for i := 0; i < idleN; i++ {
		start := time.Now()
		if err := mixedQuery(ctx, eng, plan, i); err != nil {
			return r, fmt.Errorf("bench: idle query: %w", err)
		}
		r.idle = append(r.idle, time.Since(start))
	}
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		_, err := eng.Reindex(ctx, nil)
		done <- err
	}()
	for i := 0; ; i++ {
		q := time.Now()
		err := mixedQuery(ctx, eng, plan, i)
		r.during = append(r.during, time.Since(q))
		if err != nil {
			r.failed++
			if r.first == nil {
				r.first = err
			}
		}
		select {
		case err := <-done:
			r.took = time.Since(start)
			if err != nil {
				return r, fmt.Errorf("bench: reindex: %w", err)
			}
			return r, nil
		default:
		}
	}
}

// BenchmarkReindex: query latency while a full reindex runs, against the
// same queries on the idle engine (target: no failed query, p99 ≤ 3× idle).
func BenchmarkReindex(b *testing.B) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			fx := cachedFixture(b, n)
			eng, err := fx.open(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer eng.Close()
			idleN := envInt(b, envQueries, 200)
			var all reindexResult
			resetPeakRSS()
			for b.Loop() {
				r, err := measureReindex(ctx, eng, fx.plan, idleN)
				if err != nil {
					b.Fatal(err)
				}
				all.idle = append(all.idle, r.idle...)
				all.during = append(all.during, r.during...)
				all.failed += r.failed
				all.took += r.took
				if all.first == nil {
					all.first = r.first
				}
			}
			if all.first != nil {
				b.Logf("first failed query: %v", all.first)
			}
			idle, during := summarise(all.idle), summarise(all.during)
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(ms(idle.p99), "idle-p99-ms")
			b.ReportMetric(ms(during.p50), "reindex-p50-ms")
			b.ReportMetric(ms(during.p99), "reindex-p99-ms")
			b.ReportMetric(float64(during.p99)/float64(idle.p99), "x-idle-p99")
			b.ReportMetric(float64(all.failed), "failed")
			b.ReportMetric(float64(during.n), "queries")
			b.ReportMetric(all.took.Seconds()/float64(b.N), "reindex-s")
			b.ReportMetric(peakRSSMB("self"), "peak-rss-MB")
		})
	}
}
