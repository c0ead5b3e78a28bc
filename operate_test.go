package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"summitbot/internal/devdata"
	"summitbot/modlog"
)

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// lockedBuffer is a log sink several goroutines write to.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// endpoint is a `summitbot serve` running in this process with its HTTP
// interactions endpoint, signed for with key.
type endpoint struct {
	addr string
	key  ed25519.PrivateKey
	logs *lockedBuffer
}

// startEndpoint runs `summitbot serve` with env (plus an interactions
// endpoint and its key) until the test ends, and waits until /healthz
// answers 200.
func startEndpoint(t *testing.T, env map[string]string) *endpoint {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	e := &endpoint{addr: freeAddr(t), key: priv, logs: &lockedBuffer{}}
	// Cooldowns off: the tests ask again and again, as no member would.
	m := map[string]string{"INTERACTIONS_ADDR": e.addr, "DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "LOG_LEVEL": "info", "COOLDOWN_PER_USER": "off", "COOLDOWN_PER_CHANNEL": "off"}
	for k, v := range env {
		m[k] = v
	}
	getenv := func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- run(ctx, []string{"serve"}, getenv, io.Discard, e.logs) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-errc:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("serve did not stop within 30 s of its context ending")
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + e.addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return e
			}
		}
		select {
		case err := <-errc:
			t.Fatalf("serve stopped: %v\n%s", err, e.logs)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve's /healthz not 200 within 60 s\n%s", e.logs)
		}
	}
}

// slash is a signed-ready slash command interaction in guild 11.
func slash(name, option, value string) []byte {
	opts := []any{}
	if option != "" {
		opts = append(opts, map[string]any{"name": option, "type": 3, "value": value})
	}
	b, _ := json.Marshal(map[string]any{
		"type": 2, "id": "1" + strconv.FormatInt(time.Now().UnixNano()%1e15, 10), "application_id": "99", "token": "itoken", "guild_id": "11", "channel_id": "2",
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "member"}, "roles": []any{}, "permissions": "0"},
		"data":   map[string]any{"id": "100", "name": name, "type": 1, "options": opts},
	})
	return b
}

// reply is the part of an interaction response the tests read.
type reply struct {
	Type int `json:"type"`
	Data struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
		Embeds  []struct {
			Description string `json:"description"`
			Author      *struct {
				Name string `json:"name"`
			} `json:"author"`
		} `json:"embeds"`
	} `json:"data"`
}

// speaker is the first answer's speaker, "" for a miss.
func (r reply) speaker() string {
	if r.Data.Flags&64 != 0 || len(r.Data.Embeds) == 0 || r.Data.Embeds[0].Author == nil {
		return ""
	}
	return r.Data.Embeds[0].Author.Name
}

// interact POSTs a signed interaction and returns the response.
func (e *endpoint) interact(t *testing.T, body []byte) reply {
	t.Helper()
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, _ := http.NewRequest(http.MethodPost, "http://"+e.addr+"/interactions", bytes.NewReader(body))
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(e.key, append([]byte(ts), body...))))
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("POST /interactions: %s %s", resp.Status, raw)
	}
	var r reply
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("response %s: %v", raw, err)
	}
	return r
}

// samples scrapes /metrics at addr: each sample's value by its name and
// labels as written.
func samples(t *testing.T, addr string) map[string]float64 {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET /metrics: %s", resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("metrics line %q", line)
		}
		out[line[:i]] = v
	}
	return out
}

// TestMetricsModerationLogAndHealthcheck runs the bot's HTTP endpoint,
// answers a few signed interactions, adds and removes an article through
// the command line, and reads the counts from /metrics, the changes from
// the moderation log, and the health from `summitbot healthcheck`.
func TestMetricsModerationLogAndHealthcheck(t *testing.T) {
	dir := t.TempDir()
	metricsAddr := freeAddr(t)
	env := map[string]string{"CORPUS_DIR": filepath.Join(dir, "corpus"), "INDEX_DIR": filepath.Join(dir, "index"), "METRICS_ADDR": metricsAddr}
	e := startEndpoint(t, env)
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }

	if r := e.interact(t, slash("who-said", "phrase", "no deal")); r.speaker() != "Donald Trump" {
		t.Errorf("who-said no deal: %+v", r)
	}
	if r := e.interact(t, slash("who-said", "phrase", "purple elephants dancing")); r.speaker() != "" {
		t.Errorf("who-said miss answered: %+v", r)
	}
	e.interact(t, slash("ask", "question", "where was the summit held"))
	e.interact(t, slash("no-such-command", "", ""))
	if out, _, err := runCLI(t, getenv, "add", filepath.Join(devdata.FictionDir(t), "a1.md")); err != nil || !strings.HasPrefix(out, "Added a1") {
		t.Fatalf("add: %v %s", err, out)
	}
	if _, _, err := runCLI(t, getenv, "remove", "nothing-here"); err == nil {
		t.Error("removing a missing article succeeded")
	}

	for _, addr := range []string{e.addr, metricsAddr} {
		got := samples(t, addr)
		for k, v := range map[string]float64{
			`summitbot_interactions_total{command="who-said",outcome="answered"}`: 1,
			`summitbot_interactions_total{command="who-said",outcome="miss"}`:     1,
			`summitbot_interactions_total{command="ask",outcome="answered"}`:      1,
			`summitbot_interactions_total{command="unknown",outcome="refused"}`:   1,
			`summitbot_answer_duration_seconds_count{command="who-said"}`:         2,
			`summitbot_article_add_duration_seconds_count`:                        1,
			`summitbot_article_remove_failures_total`:                             1,
			`summitbot_index_articles`:                                            2,
			`summitbot_index_ready`:                                               1,
		} {
			if got[k] != v {
				t.Errorf("%s: %s = %v, want %v", addr, k, got[k], v)
			}
		}
		if got["go_goroutines"] == 0 || got["summitbot_index_quotes"] < 20 {
			t.Errorf("%s: go_goroutines %v, quotes %v", addr, got["go_goroutines"], got["summitbot_index_quotes"])
		}
	}

	out, _, err := runCLI(t, getenv, "log")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "add      ok") || !strings.Contains(lines[0], "a1 “Vestria") ||
		!strings.Contains(lines[0], "(command line)") || !strings.Contains(lines[1], "remove   failed  nothing-here") {
		t.Errorf("log:\n%s", out)
	}
	out, _, err = runCLI(t, getenv, "log", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var entries []modlog.Entry
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var en modlog.Entry
		if err := json.Unmarshal([]byte(l), &en); err != nil {
			t.Fatalf("log --json line %q: %v", l, err)
		}
		entries = append(entries, en)
	}
	if len(entries) != 2 || entries[0].URL != "https://example.org/vestria-galdoria-summit-ends-without-deal" || entries[0].Who.Via != "command line" || entries[0].Who.UserID == "" {
		t.Errorf("log --json: %+v", entries)
	}
	if beside, _, err := modlog.Read(filepath.Join(dir, "modlog.jsonl")); err != nil || len(beside) != 2 {
		t.Errorf("the log is not beside the corpus folder: %v %v", beside, err)
	}

	if out, _, err := runCLI(t, getenv, "healthcheck"); err != nil || !strings.Contains(out, metricsAddr) {
		t.Errorf("healthcheck: %v %q", err, out)
	}
	dead := "http://" + freeAddr(t) + "/healthz"
	if _, _, err := runCLI(t, getenv, "healthcheck", dead); err == nil || exitCode(err) != 1 {
		t.Errorf("healthcheck of nothing: %v", err)
	}
}

// TestReplicasShareACorpus runs two bots on one corpus folder with their
// own index folders, as replicas behind a load balancer: an article added
// through one is answered by the other within its poll interval, and a
// removal reaches it too.
func TestReplicasShareACorpus(t *testing.T) {
	dir := t.TempDir()
	shared := map[string]string{"CORPUS_DIR": filepath.Join(dir, "corpus"), "MODLOG_FILE": filepath.Join(dir, "modlog.jsonl"), "CORPUS_POLL": "0.2"}
	replica := func(name string) (*endpoint, func(string) (string, bool)) {
		env := map[string]string{"INDEX_DIR": filepath.Join(dir, name)}
		for k, v := range shared {
			env[k] = v
		}
		return startEndpoint(t, env), func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	}
	a, aEnv := replica("index-a")
	b, _ := replica("index-b")
	phrase := slash("who-said", "phrase", "grain ships to sail")
	if r := b.interact(t, phrase); r.speaker() != "" {
		t.Fatalf("b answers before the article is added: %+v", r)
	}

	if out, _, err := runCLI(t, aEnv, "add", filepath.Join(devdata.FictionDir(t), "a1.md")); err != nil || !strings.HasPrefix(out, "Added a1") {
		t.Fatalf("add through a: %v %s", err, out)
	}
	if r := a.interact(t, phrase); r.speaker() != "Piet Halloran" {
		t.Errorf("a after its own add: %+v", r)
	}
	waitAnswer := func(want string) time.Duration {
		t.Helper()
		start := time.Now()
		for {
			r := b.interact(t, phrase)
			if r.speaker() == want {
				return time.Since(start)
			}
			if time.Since(start) > 20*time.Second {
				t.Fatalf("b still answers %q 20 s after the change, want %q\n%s", r.speaker(), want, b.logs)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	took := waitAnswer("Piet Halloran")
	t.Logf("b answered from the new article %s after the add", took)

	if _, _, err := runCLI(t, aEnv, "remove", "a1"); err != nil {
		t.Fatalf("remove through a: %v", err)
	}
	waitAnswer("")

	// a changed the corpus itself: only b reindexed for it.
	ga, gb := samples(t, a.addr), samples(t, b.addr)
	key := `summitbot_reindex_duration_seconds_count{trigger="corpus_change"}`
	if ga[key] != 0 || gb[key] != 2 {
		t.Errorf("corpus-change reindexes: a %v, b %v; want 0 and 2", ga[key], gb[key])
	}
	entries, _, err := modlog.Read(shared["MODLOG_FILE"])
	if err != nil || len(entries) != 2 || entries[0].Action != modlog.ActionAdd || entries[1].Action != modlog.ActionRemove {
		t.Errorf("shared moderation log: %v %+v", err, entries)
	}
}
