package bench

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"
)

// served is a running `summitbot serve` with its HTTP interactions
// endpoint on a loopback port.
type served struct {
	cmd    *exec.Cmd
	env    []string
	base   string
	key    ed25519.PrivateKey
	stderr *bytes.Buffer
	exited chan error
	// ready is from starting the process to the first 200 from /healthz.
	ready time.Duration
}

// serveEnv is the binary's whole environment: nothing of this process's
// (a DISCORD_TOKEN would connect to Discord).
func serveEnv(corpusDir, indexDir, addr string, pub ed25519.PublicKey) []string {
	return []string{
		"CORPUS_DIR=" + corpusDir,
		"INDEX_DIR=" + indexDir,
		"INTERACTIONS_ADDR=" + addr,
		"DISCORD_PUBLIC_KEY=" + hex.EncodeToString(pub),
		"LOG_LEVEL=warn",
	}
}

// startServe starts the binary in work (a folder without a .env file) and
// waits at most wait for /healthz to answer 200.
func startServe(ctx context.Context, bin, corpusDir, indexDir, work string, wait time.Duration) (*served, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, err
	}
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, err
	}
	s := &served{env: serveEnv(corpusDir, indexDir, addr, pub), base: "http://" + addr, key: priv, stderr: &bytes.Buffer{}, exited: make(chan error, 1)}
	s.cmd = exec.CommandContext(ctx, bin, "serve")
	s.cmd.Env, s.cmd.Dir, s.cmd.Stderr = s.env, work, s.stderr
	client := &http.Client{Timeout: time.Second}
	start := time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("bench: start %s: %w", bin, err)
	}
	go func() { s.exited <- s.cmd.Wait() }()
	for {
		resp, err := client.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				s.ready = time.Since(start)
				return s, nil
			}
		}
		select {
		case err := <-s.exited:
			return nil, fmt.Errorf("bench: serve exited before it was ready: %v\n%s", err, s.stderr.Bytes())
		case <-time.After(2 * time.Millisecond):
		}
		if time.Since(start) > wait {
			s.stop()
			return nil, fmt.Errorf("bench: serve not ready after %v\n%s", wait, s.stderr.Bytes())
		}
	}
}

func (s *served) pid() string { return strconv.Itoa(s.cmd.Process.Pid) }

// stop interrupts the process and waits for it to finish.
func (s *served) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		s.cmd.Process.Kill()
		<-s.exited
	}
}

// startResult is one start of `summitbot serve`.
type startResult struct {
	ready time.Duration
	// peakMB is the process's peak RSS once ready.
	peakMB float64
}

// measureStartup starts the binary over the fixture's existing index, waits
// for /healthz to answer 200, and stops it. It fails when the start rebuilt
// the index.
func measureStartup(ctx context.Context, bin string, fx fixture, work string) (startResult, error) {
	var r startResult
	before, err := currentGen(fx.indexDir)
	if err != nil {
		return r, err
	}
	s, err := startServe(ctx, bin, fx.corpusDir, fx.indexDir, work, 2*time.Minute)
	if err != nil {
		return r, err
	}
	r.ready, r.peakMB = s.ready, peakRSSMB(s.pid())
	s.stop()
	after, err := currentGen(fx.indexDir)
	if err != nil {
		return r, err
	}
	if after != before {
		return r, fmt.Errorf("bench: serve rebuilt the index at start (%s, then %s)\n%s", before, after, s.stderr.Bytes())
	}
	return r, nil
}

// BenchmarkStartup: process start of `summitbot serve` to a 200 from
// /healthz, with an existing index (target < 1 s at any size). first-ms is
// the first start of the freshly built binary, after the index was opened
// by another program (the benchmark itself); p50-ms and max-ms are the
// BENCH_STARTS starts after it.
func BenchmarkStartup(b *testing.B) {
	bin := buildBinary(b, b.TempDir())
	starts := envInt(b, envStarts, 5)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			fx := cachedFixture(b, n)
			fx.warm(b)
			work := b.TempDir()
			// The first start of a new binary may redo work that the index
			// folder caches for the program that wrote it: timed apart.
			first, err := measureStartup(context.Background(), bin, fx, work)
			if err != nil {
				b.Fatal(err)
			}
			var ds []time.Duration
			peak := first.peakMB
			for b.Loop() {
				for i := 0; i < starts; i++ {
					r, err := measureStartup(context.Background(), bin, fx, work)
					if err != nil {
						b.Fatal(err)
					}
					ds = append(ds, r.ready)
					peak = max(peak, r.peakMB)
				}
			}
			l := summarise(ds)
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(ms(first.ready), "first-ms")
			b.ReportMetric(ms(l.p50), "p50-ms")
			b.ReportMetric(ms(l.mx), "max-ms")
			b.ReportMetric(peak, "child-peak-rss-MB")
		})
	}
}
