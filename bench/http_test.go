package bench

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"summitbot/bot"
	"summitbot/index"
)

// httpClients is how many loopback clients send interactions at once.
const httpClients = 16

// signed is one interaction with Discord's signature headers.
type signed struct {
	body      []byte
	timestamp string
	signature string
}

// interaction is a slash command interaction as Discord sends it.
func interaction(i int, command, option, value string) []byte {
	body, _ := json.Marshal(map[string]any{
		"id": strconv.Itoa(1000000 + i), "application_id": "99", "type": 2, "token": "tok", "version": 1,
		"guild_id": "11", "channel_id": "2",
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "user42", "discriminator": "0"}, "roles": []string{}, "permissions": "0"},
		"data":   map[string]any{"id": "100", "name": command, "type": 1, "options": []any{map[string]any{"name": option, "type": 3, "value": value}}},
	})
	return body
}

// signedMix signs who-said, ask and reactions interactions in turn, made
// from the plan, with one timestamp (valid for Discord's five minutes).
func signedMix(plan queryPlan, key ed25519.PrivateKey, n int) []signed {
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	out := make([]signed, 0, n)
	for i := 0; i < n; i++ {
		var body []byte
		switch i % 3 {
		case 0:
			body = interaction(i, "who-said", "phrase", plan.whoSaid[i/3%len(plan.whoSaid)])
		case 1:
			body = interaction(i, "ask", "question", plan.ask[i/3%len(plan.ask)])
		default:
			body = interaction(i, "reactions", "group", plan.reactions[i/3%len(plan.reactions)])
		}
		sig := ed25519.Sign(key, append([]byte(ts), body...))
		out = append(out, signed{body, ts, hex.EncodeToString(sig)})
	}
	return out
}

// problemLog counts the bot's warnings and errors (an interaction it could
// not answer is logged at warn or error) and keeps the first.
type problemLog struct {
	n     atomic.Int64
	mu    sync.Mutex
	first string
}

func (p *problemLog) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelWarn }
func (p *problemLog) Handle(_ context.Context, r slog.Record) error {
	if p.n.Add(1) == 1 {
		var b bytes.Buffer
		b.WriteString(r.Message)
		r.Attrs(func(a slog.Attr) bool { fmt.Fprintf(&b, " %s", a); return true })
		p.mu.Lock()
		p.first = b.String()
		p.mu.Unlock()
	}
	return nil
}
func (p *problemLog) WithAttrs([]slog.Attr) slog.Handler { return p }
func (p *problemLog) WithGroup(string) slog.Handler      { return p }

// httpResult is one load run against the interactions endpoint.
type httpResult struct {
	answers int
	took    time.Duration
	times   []time.Duration
	errors  int
	first   string // the first error, for the log
}

// measureHTTP serves eng's HTTP interactions endpoint (bot.Serve) on a
// free loopback port and sends signed interactions from httpClients
// clients until total requests were sent (total > 0) or for d.
func measureHTTP(ctx context.Context, eng *index.Engine, plan queryPlan, total int, d time.Duration) (httpResult, error) {
	var r httpResult
	addr, err := freeAddr()
	if err != nil {
		return r, err
	}
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return r, err
	}
	problems := &problemLog{}
	sctx, cancel := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() {
		served <- bot.Serve(sctx, bot.Config{PublicKey: pub, InteractionsAddr: addr}, eng, slog.New(problems))
	}()
	defer func() {
		cancel()
		<-served
	}()
	base := "http://" + addr
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: httpClients, MaxConnsPerHost: httpClients},
	}
	defer client.CloseIdleConnections()
	for start := time.Now(); ; {
		resp, err := client.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		select {
		case err := <-served:
			served <- err
			return r, fmt.Errorf("bench: serve stopped before it was ready: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
		if time.Since(start) > 30*time.Second {
			return r, fmt.Errorf("bench: /healthz not ready after 30 s")
		}
	}

	pool := 3 * 64
	if total > 0 && total < pool {
		pool = total
	}
	reqs := signedMix(plan, priv, pool)
	var (
		next  atomic.Int64
		mu    sync.Mutex
		wg    sync.WaitGroup
		start = time.Now()
	)
	fail := func(msg string) {
		mu.Lock()
		defer mu.Unlock()
		r.errors++
		if r.first == "" {
			r.first = msg
		}
	}
	for c := 0; c < httpClients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var times []time.Duration
			answers := 0
			for {
				i := int(next.Add(1) - 1)
				if total > 0 && i >= total || total <= 0 && time.Since(start) >= d {
					break
				}
				took, err := send(ctx, client, base, reqs[i%len(reqs)])
				if took > 0 {
					times = append(times, took)
				}
				if err != nil {
					fail(err.Error())
					continue
				}
				answers++
			}
			mu.Lock()
			r.times = append(r.times, times...)
			r.answers += answers
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.took = time.Since(start)
	if n := int(problems.n.Load()); n > 0 {
		r.errors += n
		problems.mu.Lock()
		if r.first == "" {
			r.first = problems.first
		}
		problems.mu.Unlock()
	}
	return r, nil
}

// send posts one signed interaction and checks that the answer is a
// message; the duration is 0 when no response came.
func send(ctx context.Context, client *http.Client, base string, s signed) (time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/interactions", bytes.NewReader(s.body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", s.timestamp)
	req.Header.Set("X-Signature-Ed25519", s.signature)
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(start)
	var out struct {
		Type int `json:"type"`
	}
	switch {
	case err != nil:
		return d, err
	case resp.StatusCode != http.StatusOK:
		return d, fmt.Errorf("status %d: %s", resp.StatusCode, body)
	case json.Unmarshal(body, &out) != nil || out.Type != 4:
		return d, fmt.Errorf("not a message response: %s", body)
	}
	return d, nil
}

// BenchmarkHTTP: the HTTP interactions endpoint under 16 concurrent
// loopback clients sending signed who-said, ask and reactions interactions
// (target ≥ 300 answers/s, p99 < 100 ms, no errors).
func BenchmarkHTTP(b *testing.B) {
	seconds := envInt(b, envHTTPSeconds, 5)
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			fx := cachedFixture(b, n)
			eng, err := fx.open(ctx)
			if err != nil {
				b.Fatal(err)
			}
			defer eng.Close()
			var all httpResult
			for b.Loop() {
				r, err := measureHTTP(ctx, eng, fx.plan, 0, time.Duration(seconds)*time.Second)
				if err != nil {
					b.Fatal(err)
				}
				all.answers += r.answers
				all.errors += r.errors
				all.took += r.took
				all.times = append(all.times, r.times...)
				if all.first == "" {
					all.first = r.first
				}
			}
			if all.first != "" {
				b.Logf("first error: %s", all.first)
			}
			l := summarise(all.times)
			b.ReportMetric(0, "ns/op")
			b.ReportMetric(float64(all.answers)/all.took.Seconds(), "answers/s")
			b.ReportMetric(ms(l.p50), "p50-ms")
			b.ReportMetric(ms(l.p99), "p99-ms")
			b.ReportMetric(float64(all.errors), "errors")
		})
	}
}
