package bench

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// memoryReport is the peak RSS of one life of `summitbot serve`.
type memoryReport struct {
	// buildMB is the peak once the index is built and the bot is ready.
	buildMB float64
	// peakMB is the peak over the whole life.
	peakMB float64
	// reindex is how long `summitbot reindex` took through the bot.
	reindex time.Duration
}

// measureMemory runs the bot's whole life as its users see it and reads the
// process's peak RSS: `summitbot serve` on an empty index folder (a full
// build before /healthz is ready), queries signed interactions, then a
// `summitbot reindex` (which hands the work to the running bot through its
// control socket), then the interactions again.
func measureMemory(ctx context.Context, bin, corpusDir string, plan queryPlan, queries int) (memoryReport, error) {
	var rep memoryReport
	// A short folder: the control socket's path must fit in 107 bytes.
	root, err := os.MkdirTemp("", "sbm-")
	if err != nil {
		return rep, err
	}
	defer os.RemoveAll(root)
	s, err := startServe(ctx, bin, corpusDir, filepath.Join(root, "index"), root, 30*time.Minute)
	if err != nil {
		return rep, err
	}
	defer s.stop()
	rep.buildMB = peakRSSMB(s.pid())
	client := &http.Client{Timeout: 10 * time.Second}
	defer client.CloseIdleConnections()
	ask := func() error {
		for _, r := range signedMix(plan, s.key, queries) {
			if _, err := send(ctx, client, s.base, r); err != nil {
				return fmt.Errorf("bench: interaction: %w", err)
			}
		}
		return nil
	}
	if err := ask(); err != nil {
		return rep, err
	}
	cmd := exec.CommandContext(ctx, bin, "reindex")
	cmd.Env, cmd.Dir = s.env, root
	start := time.Now()
	out, err := cmd.CombinedOutput()
	rep.reindex = time.Since(start)
	if err != nil || !strings.Contains(string(out), "Reindexed") {
		return rep, fmt.Errorf("bench: summitbot reindex: %v\n%s", err, out)
	}
	if err := ask(); err != nil {
		return rep, err
	}
	rep.peakMB = peakRSSMB(s.pid())
	return rep, nil
}

// BenchmarkMemory: peak RSS of `summitbot serve` that builds the index from
// the corpus folder, answers interactions, reindexes and answers again
// (target < 500 MB).
func BenchmarkMemory(b *testing.B) {
	bin := buildBinary(b, b.TempDir())
	queries := envInt(b, envQueries, 200)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			fx := cachedFixture(b, n)
			var build, peak float64
			var reindex time.Duration
			for b.Loop() {
				rep, err := measureMemory(context.Background(), bin, fx.corpusDir, fx.plan, queries)
				if err != nil {
					b.Fatal(err)
				}
				build, peak = max(build, rep.buildMB), max(peak, rep.peakMB)
				reindex += rep.reindex
			}
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(build, "build-peak-rss-MB")
			b.ReportMetric(peak, "peak-rss-MB")
			b.ReportMetric(reindex.Seconds()/float64(b.N), "reindex-s")
		})
	}
}
