package metrics

import (
	"errors"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"summitbot/bot"
	"summitbot/webpage"
)

// Metrics records what the bot does. It implements bot.Observer. Make it
// with New; it is safe for concurrent use.
type Metrics struct {
	reg *prometheus.Registry

	interactions   *prometheus.CounterVec
	answerSeconds  *prometheus.HistogramVec
	deferrals      *prometheus.CounterVec
	reconnects     prometheus.Counter
	rateLimits     prometheus.Counter
	rateLimitWait  prometheus.Counter
	reindexSeconds *prometheus.HistogramVec
	reindexFails   *prometheus.CounterVec
	addSeconds     prometheus.Histogram
	addFails       prometheus.Counter
	removeFails    prometheus.Counter
	fetchRefusals  *prometheus.CounterVec
}

var _ bot.Observer = (*Metrics)(nil)

// Reindex triggers, the trigger label of the reindex metrics.
const (
	// TriggerModerator: /reindex or `summitbot reindex`.
	TriggerModerator = "moderator"
	// TriggerCorpusChange: another process changed the shared corpus folder
	// (see the replica package).
	TriggerCorpusChange = "corpus_change"
)

// Fetch refusal reasons, the reason label of summitbot_fetch_refusals_total.
const (
	RefusalSSRF = "ssrf" // a loopback, private or other special address, or a scheme not allowed
	RefusalSize = "size" // over the size cap
	RefusalType = "type" // not HTML or text, or no article in it
)

var (
	answerBuckets  = []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5, 10, 30}
	reindexBuckets = []float64{.1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}
	addBuckets     = []float64{.01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}
)

// New makes the metrics and registers them on reg.
func New(reg *prometheus.Registry) (*Metrics, error) {
	m := &Metrics{
		reg: reg,
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "summitbot_interactions_total",
			Help: "Application commands answered, by command and outcome (answered, miss, error, refused, cooled_down).",
		}, []string{"command", "outcome"}),
		answerSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "summitbot_answer_duration_seconds",
			Help:    "Time from receiving an application command to its final response, by command.",
			Buckets: answerBuckets,
		}, []string{"command"}),
		deferrals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "summitbot_interaction_deferrals_total",
			Help: "Interactions deferred (\"thinking…\") because the answer took longer than the deferral threshold, by command.",
		}, []string{"command"}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "summitbot_gateway_reconnects_total",
			Help: "Gateway connections made again after the first.",
		}),
		rateLimits: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "summitbot_rest_rate_limit_waits_total",
			Help: "REST calls Discord answered 429 Too Many Requests; each is retried after a wait.",
		}),
		rateLimitWait: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "summitbot_rest_rate_limit_wait_seconds_total",
			Help: "Time Discord asked REST calls to wait (retry_after of 429 answers), in all.",
		}),
		reindexSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "summitbot_reindex_duration_seconds",
			Help:    "Time of the reindexes that succeeded, by trigger (moderator, corpus_change).",
			Buckets: reindexBuckets,
		}, []string{"trigger"}),
		reindexFails: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "summitbot_reindex_failures_total",
			Help: "Reindexes that failed (the previous index kept serving), by trigger.",
		}, []string{"trigger"}),
		addSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "summitbot_article_add_duration_seconds",
			Help:    "Time of the article adds and updates that succeeded, fetch included.",
			Buckets: addBuckets,
		}),
		addFails: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "summitbot_article_add_failures_total",
			Help: "Article adds that failed (refused fetch, bad file, indexing error).",
		}),
		removeFails: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "summitbot_article_remove_failures_total",
			Help: "Article removals that failed (no such article, or an error).",
		}),
		fetchRefusals: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "summitbot_fetch_refusals_total",
			Help: "Pages and files refused when adding an article, by reason (ssrf, size, type).",
		}, []string{"reason"}),
	}
	for _, c := range []prometheus.Collector{m.interactions, m.answerSeconds, m.deferrals, m.reconnects, m.rateLimits, m.rateLimitWait,
		m.reindexSeconds, m.reindexFails, m.addSeconds, m.addFails, m.removeFails, m.fetchRefusals} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	// The labels every dashboard asks for exist from the start, at 0.
	for _, r := range []string{RefusalSSRF, RefusalSize, RefusalType} {
		m.fetchRefusals.WithLabelValues(r)
	}
	for _, t := range []string{TriggerModerator, TriggerCorpusChange} {
		m.reindexFails.WithLabelValues(t)
	}
	return m, nil
}

// Handler serves the registry in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Interaction implements bot.Observer.
func (m *Metrics) Interaction(command string, outcome bot.Outcome, took time.Duration) {
	m.interactions.WithLabelValues(command, string(outcome)).Inc()
	m.answerSeconds.WithLabelValues(command).Observe(took.Seconds())
}

// Deferred implements bot.Observer.
func (m *Metrics) Deferred(command string) { m.deferrals.WithLabelValues(command).Inc() }

// GatewayReconnected implements bot.Observer.
func (m *Metrics) GatewayReconnected() { m.reconnects.Inc() }

// RateLimited implements bot.Observer.
func (m *Metrics) RateLimited(wait time.Duration) {
	m.rateLimits.Inc()
	m.rateLimitWait.Add(max(wait, 0).Seconds())
}

// Reindexed records a reindex: its time when it succeeded, a failure when
// it did not. A reindex refused because another is running is neither.
func (m *Metrics) Reindexed(trigger string, took time.Duration, err error) {
	if err != nil {
		m.reindexFails.WithLabelValues(trigger).Inc()
		return
	}
	m.reindexSeconds.WithLabelValues(trigger).Observe(took.Seconds())
}

// added records an article add.
func (m *Metrics) added(took time.Duration, err error) {
	if err == nil {
		m.addSeconds.Observe(took.Seconds())
		return
	}
	m.addFails.Inc()
	if r := refusal(err); r != "" {
		m.fetchRefusals.WithLabelValues(r).Inc()
	}
}

// refusal is the reason label of a refused page or file, or "".
func refusal(err error) string {
	switch {
	case errors.Is(err, webpage.ErrRefused):
		return RefusalSSRF
	case errors.Is(err, webpage.ErrTooLarge):
		return RefusalSize
	case errors.Is(err, webpage.ErrNotArticle), errors.Is(err, webpage.ErrBadFile):
		return RefusalType
	}
	return ""
}
