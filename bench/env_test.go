package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"summitbot/index"
)

// Environment variables that steer the benchmarks.
const (
	// envSizes lists the corpus sizes in articles, e.g. "1,1000,5000".
	envSizes = "BENCH_SIZES"
	// envQueries is how many queries of each kind one iteration times.
	envQueries = "BENCH_QUERIES"
	// envHTTPSeconds is how long one iteration of the HTTP benchmark lasts.
	envHTTPSeconds = "BENCH_HTTP_SECONDS"
	// envStarts is how many times one iteration starts the binary.
	envStarts = "BENCH_STARTS"
	// envCache overrides the cache folder (default os.TempDir()/summitbot-bench).
	envCache = "BENCH_CACHE"
)

// lockTimeout is how long an engine waits for the index lock: long, since
// a cached index may still be held by a closing engine or child process.
const lockTimeout = 10 * time.Second

// benchSizes returns the sizes to run, from BENCH_SIZES (default 1).
func benchSizes(tb testing.TB) []int {
	raw := os.Getenv(envSizes)
	if strings.TrimSpace(raw) == "" {
		return []int{1}
	}
	var out []int
	for _, f := range strings.Split(raw, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			tb.Fatalf("%s=%q: want article counts such as 1,1000,5000", envSizes, raw)
		}
		out = append(out, n)
	}
	return out
}

// envInt reads a positive integer setting, or def.
func envInt(tb testing.TB, name string, def int) int {
	raw := strings.TrimSpace(os.Getenv(name))
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		tb.Fatalf("%s=%q: want a positive number", name, raw)
	}
	return n
}

// fixture is one corpus size: its generated corpus folder and the folder
// where its index is kept between runs.
type fixture struct {
	n         int
	corpusDir string
	indexDir  string
	plan      queryPlan
}

// cachedFixture returns the corpus of n articles, generating it on first
// use into the cache folder (keyed by the generator's material and n).
// Its index folder is reused across runs: index.Open rebuilds it only when
// it does not match the corpus.
func cachedFixture(tb testing.TB, n int) fixture {
	tb.Helper()
	m, err := loadMaterial()
	if err != nil {
		tb.Fatal(err)
	}
	root := os.Getenv(envCache)
	if root == "" {
		root = filepath.Join(os.TempDir(), "summitbot-bench")
	}
	dir := filepath.Join(root, fmt.Sprintf("%s-n%d", m.key, n))
	fx := fixture{n: n, corpusDir: filepath.Join(dir, "corpus"), indexDir: filepath.Join(dir, "index"), plan: m.plan()}
	done := filepath.Join(fx.corpusDir, ".complete")
	if _, err := os.Stat(done); err == nil {
		return fx
	}
	tmp := filepath.Join(dir, fmt.Sprintf("corpus.tmp-%d", os.Getpid()))
	os.RemoveAll(tmp)
	start := time.Now()
	if err := m.writeCorpus(tmp, n); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, ".complete"), nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	os.RemoveAll(fx.corpusDir)
	os.RemoveAll(fx.indexDir)
	if err := os.Rename(tmp, fx.corpusDir); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %d articles in %s (%v)", n, fx.corpusDir, time.Since(start).Round(time.Millisecond))
	return fx
}

// tempFixture generates a corpus of n articles in a test's own folder.
func tempFixture(tb testing.TB, n int) fixture {
	tb.Helper()
	m, err := loadMaterial()
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	fx := fixture{n: n, corpusDir: filepath.Join(dir, "corpus"), indexDir: filepath.Join(dir, "index"), plan: m.plan()}
	if err := m.writeCorpus(fx.corpusDir, n); err != nil {
		tb.Fatal(err)
	}
	return fx
}

// open opens the fixture's engine, building its index when needed.
func (fx fixture) open(ctx context.Context) (*index.Engine, error) {
	return index.Open(ctx, index.Options{IndexDir: fx.indexDir, CorpusDir: fx.corpusDir, LockTimeout: lockTimeout})
}

// warm makes sure the fixture's index is built, so that what follows
// measures an existing index.
func (fx fixture) warm(tb testing.TB) {
	tb.Helper()
	start := time.Now()
	eng, err := fx.open(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	if err := eng.Close(); err != nil {
		tb.Fatal(err)
	}
	if d := time.Since(start); d > 5*time.Second {
		tb.Logf("index of %d articles ready in %v", fx.n, d.Round(time.Millisecond))
	}
}

// currentGen is the folder of the bleve index in use in an index folder,
// as its pointer file (current.json, see the index package's doc) names it.
func currentGen(indexDir string) (string, error) {
	data, err := os.ReadFile(filepath.Join(indexDir, "current.json"))
	if err != nil {
		return "", fmt.Errorf("bench: index pointer: %w", err)
	}
	var p struct {
		Gen string `json:"gen"`
	}
	if err := json.Unmarshal(data, &p); err != nil || p.Gen == "" || strings.ContainsAny(p.Gen, `/\`) {
		return "", fmt.Errorf("bench: index pointer %s: unreadable", data)
	}
	return filepath.Join(indexDir, p.Gen), nil
}

// copyDir copies a folder of regular files and folders.
func copyDir(from, to string) error {
	return filepath.Walk(from, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// latency summarises timed operations.
type latency struct {
	n            int
	p50, p99, mx time.Duration
}

func summarise(ds []time.Duration) latency {
	if len(ds) == 0 {
		return latency{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return latency{n: len(s), p50: rank(s, 0.50), p99: rank(s, 0.99), mx: s[len(s)-1]}
}

// rank is the nearest-rank percentile of sorted durations.
func rank(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted))*p+0.999999) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(sorted) {
		i = len(sorted) - 1
	}
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// resetPeakRSS returns freed memory to the system and resets this
// process's peak resident set size (VmHWM), where Linux allows it.
func resetPeakRSS() {
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0o644)
}

// peakRSSMB reads a process's peak resident set size (VmHWM) in MB from
// /proc ("self" for this process); 0 where /proc is missing.
func peakRSSMB(pid string) float64 {
	f, err := os.Open(filepath.Join("/proc", pid, "status"))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			if err != nil {
				return 0
			}
			return kb / 1024
		}
	}
	return 0
}

// freeAddr returns a loopback address with a port that was free a moment ago.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("bench: free port: %w", err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr, nil
}

// buildBinary builds the summitbot command into dir.
func buildBinary(tb testing.TB, dir string) string {
	tb.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		tb.Skipf("no go tool to build the binary: %v", err)
	}
	bin := filepath.Join(dir, "summitbot")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	cmd.Dir = ".."
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
