package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
)

// fakeEngine answers from canned answers keyed "command:query"; a query
// with no canned answer is a miss.
type fakeEngine struct {
	notReady    bool
	answers     map[string]answer.Answer
	err         error
	delay       time.Duration
	sources     []answer.ArticleInfo
	suggestions []string

	mu    sync.Mutex
	calls []string
}

func (f *fakeEngine) answer(ctx context.Context, cmd, q string, limit int) (answer.Answer, error) {
	f.mu.Lock()
	f.calls = append(f.calls, fmt.Sprintf("%s:%s:%d", cmd, q, limit))
	f.mu.Unlock()
	if f.delay > 0 {
		select {
		case <-time.After(f.delay):
		case <-ctx.Done():
			return answer.Answer{}, ctx.Err()
		}
	}
	if f.err != nil {
		return answer.Answer{}, f.err
	}
	if a, ok := f.answers[cmd+":"+q]; ok {
		return a, nil
	}
	return answer.Answer{Command: cmd, Query: q}, nil
}

func (f *fakeEngine) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeEngine) WhoSaid(ctx context.Context, q string, n int) (answer.Answer, error) {
	return f.answer(ctx, "who-said", q, n)
}
func (f *fakeEngine) Reactions(ctx context.Context, q string, n int) (answer.Answer, error) {
	return f.answer(ctx, "reactions", q, n)
}
func (f *fakeEngine) Ask(ctx context.Context, q string, n int) (answer.Answer, error) {
	return f.answer(ctx, "ask", q, n)
}
func (f *fakeEngine) Quotes(ctx context.Context, q string, n int) (answer.Answer, error) {
	return f.answer(ctx, "quotes", q, n)
}
func (f *fakeEngine) FindSource(ctx context.Context, q string, n int) (answer.Answer, error) {
	return f.answer(ctx, "find-source", q, n)
}
func (f *fakeEngine) Sources() []answer.ArticleInfo { return f.sources }
func (f *fakeEngine) complete(kind, prefix string) []string {
	f.mu.Lock()
	f.calls = append(f.calls, "complete-"+kind+":"+prefix)
	f.mu.Unlock()
	return f.suggestions
}
func (f *fakeEngine) CompletePhrase(p string, _ int) []string  { return f.complete("phrase", p) }
func (f *fakeEngine) CompleteGroup(p string, _ int) []string   { return f.complete("group", p) }
func (f *fakeEngine) CompleteSpeaker(p string, _ int) []string { return f.complete("speaker", p) }
func (f *fakeEngine) Ready() bool                              { return !f.notReady }

var article = answer.Source{ID: "alaska", Title: "Trump-Putin Alaska summit: no breakthrough", Outlet: "Example News", URL: "https://example.org/alaska", Published: "2025-08-15"}

func quoteResult(speaker, quote string, terms ...string) answer.Result {
	return answer.Result{Speaker: speaker, Quote: quote, Text: "Before. “" + quote + "” After.", Paragraph: 3, Article: article, Terms: terms}
}

// logBuffer collects log output safely across goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func testLogger(t *testing.T) (*slog.Logger, *logBuffer) {
	t.Helper()
	buf := &logBuffer{}
	return slog.New(slog.NewTextHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

func newTestService(t *testing.T, cfg Config, eng answer.Querier) (*service, *logBuffer) {
	t.Helper()
	log, buf := testLogger(t)
	noCooldowns(&cfg)
	s, err := newService(cfg, eng, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.stop)
	return s, buf
}

// noCooldowns turns the cooldowns off unless the test sets them: most
// tests ask many questions as one member.
func noCooldowns(cfg *Config) {
	if cfg.CooldownPerUser == (Rate{}) {
		cfg.CooldownPerUser = Rate{Count: -1}
	}
	if cfg.CooldownPerChannel == (Rate{}) {
		cfg.CooldownPerChannel = Rate{Count: -1}
	}
}

// response is a decoded callback.
type response struct {
	Type int `json:"type"`
	Data struct {
		fakediscord.Message
		Choices []fakediscord.Choice `json:"choices"`
	} `json:"data"`
	raw []byte
}

// decodeInteraction turns a fake Discord interaction into what discordgo
// gives the bot.
func decodeInteraction(t *testing.T, m map[string]any) *discordgo.Interaction {
	t.Helper()
	if _, ok := m["id"]; !ok {
		m["id"], m["token"], m["application_id"] = "1", "tok", "99"
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(fakediscord.Marshal(m), &in); err != nil {
		t.Fatal(err)
	}
	return &in
}

// call runs an interaction through the service's dispatch and returns the
// first response, checked against Discord's rules by the fake's checker.
func call(t *testing.T, s *service, m map[string]any) response {
	t.Helper()
	in := decodeInteraction(t, m)
	var body []byte
	s.handle(in, func(_ context.Context, b []byte) error { body = b; return nil })
	if body == nil {
		t.Fatal("no response")
	}
	var r response
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatalf("response %s: %v", body, err)
	}
	r.raw = body
	if problems := fakediscord.CheckCallbackFor(body, int(in.Type)); len(problems) > 0 {
		t.Errorf("response breaks Discord's rules: %v\n%s", problems, body)
	}
	return r
}

// plain strips the bot's Markdown: bold markers and escapes.
func plain(s string) string {
	return unmarkdown(strings.ReplaceAll(s, "**", ""))
}
