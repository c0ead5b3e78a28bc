package metrics

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"summitbot/answer"
	"summitbot/bot"
	"summitbot/index"
	"summitbot/webpage"
)

// scrape GETs the handler and returns each sample line's value by its name
// and labels as written, e.g. `summitbot_interactions_total{command="ask",outcome="miss"}`.
func scrape(t *testing.T, m *Metrics) map[string]float64 {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("GET /metrics: %d", rec.Code)
	}
	return parseSamples(t, rec.Body)
}

func parseSamples(t *testing.T, r io.Reader) map[string]float64 {
	t.Helper()
	out := map[string]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		v, err := strconv.ParseFloat(line[i+1:], 64)
		if err != nil {
			t.Fatalf("sample line %q: %v", line, err)
		}
		out[line[:i]] = v
	}
	return out
}

func newMetrics(t *testing.T) *Metrics {
	t.Helper()
	m, err := New(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestObserverCounts(t *testing.T) {
	m := newMetrics(t)
	m.Interaction("who-said", bot.OutcomeAnswered, 20*time.Millisecond)
	m.Interaction("who-said", bot.OutcomeAnswered, 3*time.Second)
	m.Interaction("who-said", bot.OutcomeMiss, time.Millisecond)
	m.Interaction("ask", bot.OutcomeError, time.Millisecond)
	m.Deferred("who-said")
	m.GatewayReconnected()
	m.RateLimited(1500 * time.Millisecond)
	m.Reindexed(TriggerCorpusChange, 2*time.Second, nil)
	m.Reindexed(TriggerModerator, 0, errors.New("disk full"))

	got := scrape(t, m)
	want := map[string]float64{
		`summitbot_interactions_total{command="who-said",outcome="answered"}`:     2,
		`summitbot_interactions_total{command="who-said",outcome="miss"}`:         1,
		`summitbot_interactions_total{command="ask",outcome="error"}`:             1,
		`summitbot_answer_duration_seconds_count{command="who-said"}`:             3,
		`summitbot_answer_duration_seconds_bucket{command="who-said",le="0.025"}`: 2,
		`summitbot_answer_duration_seconds_bucket{command="who-said",le="+Inf"}`:  3,
		`summitbot_interaction_deferrals_total{command="who-said"}`:               1,
		`summitbot_gateway_reconnects_total`:                                      1,
		`summitbot_rest_rate_limit_waits_total`:                                   1,
		`summitbot_rest_rate_limit_wait_seconds_total`:                            1.5,
		`summitbot_reindex_duration_seconds_count{trigger="corpus_change"}`:       1,
		`summitbot_reindex_failures_total{trigger="moderator"}`:                   1,
		`summitbot_reindex_failures_total{trigger="corpus_change"}`:               0,
		`summitbot_fetch_refusals_total{reason="ssrf"}`:                           0,
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s = %v (present %v), want %v", k, g, ok, v)
		}
	}
}

// fakeModerator fails with err (when set) and otherwise succeeds.
type fakeModerator struct{ err error }

func (f fakeModerator) AddArticle(context.Context, string, []byte) (answer.Added, error) {
	return answer.Added{}, f.err
}
func (f fakeModerator) AddURL(context.Context, string) (answer.Added, error) {
	return answer.Added{}, f.err
}
func (f fakeModerator) RemoveArticle(context.Context, string) error { return f.err }
func (f fakeModerator) Reindex(context.Context, func(answer.Progress)) (answer.Stats, error) {
	return answer.Stats{}, f.err
}
func (f fakeModerator) Sources() []answer.ArticleInfo { return nil }

func TestModeratorClassifiesRefusals(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		sample string // the counter that goes up besides the add failures ("" = none)
	}{
		{"private address", &webpage.Error{Kind: webpage.ErrRefused, Reason: "refused: 10.0.0.1 is a private address"}, `summitbot_fetch_refusals_total{reason="ssrf"}`},
		{"too large", &webpage.Error{Kind: webpage.ErrTooLarge, Reason: "too large: over 5 MiB"}, `summitbot_fetch_refusals_total{reason="size"}`},
		{"content type", fmt.Errorf("add: %w", &webpage.Error{Kind: webpage.ErrNotArticle, Reason: "not an article: content type image/png"}), `summitbot_fetch_refusals_total{reason="type"}`},
		{"unreachable", &webpage.Error{Kind: webpage.ErrUnreachable, Reason: "unreachable"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := newMetrics(t)
			mod := m.Moderator(fakeModerator{err: tt.err})
			if _, err := mod.AddURL(context.Background(), "https://example.org/"); !errors.Is(err, tt.err) {
				t.Fatalf("error %v not passed through", err)
			}
			got := scrape(t, m)
			if got[`summitbot_article_add_failures_total`] != 1 {
				t.Errorf("add failures %v, want 1", got[`summitbot_article_add_failures_total`])
			}
			var refusals float64
			for _, r := range []string{RefusalSSRF, RefusalSize, RefusalType} {
				refusals += got[`summitbot_fetch_refusals_total{reason="`+r+`"}`]
			}
			want := 0.0
			if tt.sample != "" {
				want = 1
				if got[tt.sample] != 1 {
					t.Errorf("%s = %v, want 1", tt.sample, got[tt.sample])
				}
			}
			if refusals != want {
				t.Errorf("refusals %v, want %v", refusals, want)
			}
		})
	}
}

func TestModeratorTimesSuccessAndSkipsBusyReindex(t *testing.T) {
	m := newMetrics(t)
	ok := m.Moderator(fakeModerator{})
	ok.AddArticle(context.Background(), "a.md", nil)
	ok.Reindex(context.Background(), nil)
	m.Moderator(fakeModerator{err: index.ErrReindexRunning}).Reindex(context.Background(), nil)
	m.Moderator(fakeModerator{err: index.ErrNotFound}).RemoveArticle(context.Background(), "x")
	got := scrape(t, m)
	for k, v := range map[string]float64{
		`summitbot_article_add_duration_seconds_count`:                  1,
		`summitbot_article_add_failures_total`:                          0,
		`summitbot_reindex_duration_seconds_count{trigger="moderator"}`: 1,
		`summitbot_reindex_failures_total{trigger="moderator"}`:         0,
		`summitbot_article_remove_failures_total`:                       1,
	} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}

type fakeIndex struct{ infos []answer.ArticleInfo }

func (f fakeIndex) Sources() []answer.ArticleInfo { return f.infos }
func (f fakeIndex) Ready() bool                   { return true }

func TestIndexSize(t *testing.T) {
	m := newMetrics(t)
	if err := m.WatchIndex(fakeIndex{[]answer.ArticleInfo{{Paragraphs: 10, Quotes: 4}, {Paragraphs: 5, Quotes: 1}}}); err != nil {
		t.Fatal(err)
	}
	got := scrape(t, m)
	for k, v := range map[string]float64{"summitbot_index_articles": 2, "summitbot_index_paragraphs": 15, "summitbot_index_quotes": 5, "summitbot_index_ready": 1} {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
}
