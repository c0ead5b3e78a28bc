package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/user"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"summitbot/answer"
	"summitbot/bot"
	"summitbot/config"
	"summitbot/corpus"
	"summitbot/index"
	"summitbot/metrics"
	"summitbot/modlog"
	"summitbot/replica"
)

// operating is what runs beside the bot to run it as a service: the
// metrics (and their own endpoint), the moderation log and the corpus
// follower.
type operating struct {
	metrics  *metrics.Metrics
	modlog   *modlog.Log
	follower *replica.Follower
	closers  []func()
}

// newFollower makes the corpus follower when CORPUS_POLL is set; it looks
// at the folder now, before the index opens. reindex is called once the
// engine is open.
func newFollower(cfg config.Config, log *slog.Logger, m *metrics.Metrics, reindex func(context.Context, func(answer.Progress)) (answer.Stats, error)) (*replica.Follower, error) {
	if cfg.CorpusPoll <= 0 {
		return nil, nil
	}
	// The default article a new corpus folder gets is written first, as
	// opening the index would: it is not another process's change.
	if _, err := corpus.EnsureSeed(cfg.CorpusDir); err != nil {
		return nil, err
	}
	return replica.New(replica.Options{
		CorpusDir: cfg.CorpusDir,
		Interval:  cfg.CorpusPoll,
		Reindex:   reindex,
		Reindexed: func(took time.Duration, err error) { m.Reindexed(metrics.TriggerCorpusChange, took, err) },
		Logger:    log,
	})
}

// newMetrics makes the metrics on a registry of their own, with the Go
// runtime's and the process's.
func newMetrics() (*metrics.Metrics, error) {
	reg := prometheus.NewRegistry()
	if err := reg.Register(collectors.NewGoCollector()); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	if err := reg.Register(collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})); err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	m, err := metrics.New(reg)
	if err != nil {
		return nil, fmt.Errorf("metrics: %w", err)
	}
	return m, nil
}

// startOperating sets up the metrics, the metrics endpoint, the
// moderation log and the follower's loop, until close.
func startOperating(ctx context.Context, cfg config.Config, bc bot.Config, eng *index.Engine, m *metrics.Metrics, follower *replica.Follower, log *slog.Logger) (*operating, error) {
	ops := &operating{metrics: m, follower: follower}
	fail := func(err error) (*operating, error) {
		ops.close()
		return nil, err
	}
	if err := m.WatchIndex(eng); err != nil {
		return fail(fmt.Errorf("metrics: %w", err))
	}

	if cfg.MetricsAddr != "" {
		stop, err := serveMetrics(cfg.MetricsAddr, m.Handler(), eng.Ready, log)
		if err != nil {
			return fail(err)
		}
		ops.closers = append(ops.closers, stop)
	}

	opt := modlog.Options{Logger: log}
	if cfg.ModlogChannelID != "" {
		bc.Observer = m
		p, err := bot.NewChannelPoster(bc)
		if err != nil {
			return fail(err)
		}
		opt.Poster, opt.ChannelID = p, cfg.ModlogChannelID
	}
	var err error
	if ops.modlog, err = modlog.Open(cfg.ModlogFile, opt); err != nil {
		return fail(fmt.Errorf("%w (set MODLOG_FILE to a writable file)", err))
	}
	ops.closers = append(ops.closers, func() { ops.modlog.Close() })
	log.Info("moderation log", "file", cfg.ModlogFile, "channel", cfg.ModlogChannelID)

	if follower != nil {
		fctx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { follower.Run(fctx); close(done) }()
		ops.closers = append(ops.closers, func() { cancel(); <-done })
		log.Info("following the corpus folder for other processes' changes", "every", cfg.CorpusPoll)
	}
	return ops, nil
}

// moderator wraps the process's moderator: measured, known to the
// follower, and recorded in the moderation log.
func (o *operating) moderator(local answer.Moderator) answer.Moderator {
	m := o.metrics.Moderator(local)
	if o.follower != nil {
		m = o.follower.Moderator(m)
	}
	return o.modlog.Moderator(m)
}

// close stops what startOperating started, the last first.
func (o *operating) close() {
	for i := len(o.closers) - 1; i >= 0; i-- {
		o.closers[i]()
	}
	o.closers = nil
}

// serveMetrics serves GET /metrics and GET /healthz (200 once the index
// answers) on addr, for a bot that runs without the HTTP interactions
// endpoint (or to keep metrics off the public one).
func serveMetrics(addr string, h http.Handler, ready func() bool, log *slog.Logger) (func(), error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics endpoint: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", h)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if !ready() {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "not ready\n")
			return
		}
		io.WriteString(w, "ok\n")
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second, WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second}
	go srv.Serve(ln)
	log.Info("metrics endpoint listening", "addr", ln.Addr().String(), "paths", "/metrics /healthz")
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// localActor is the user running the command line, for the moderation log.
func localActor() answer.Actor {
	a := answer.Actor{Via: "command line", UserID: fmt.Sprint(os.Getuid())}
	if u, err := user.Current(); err == nil {
		a.Name = u.Username
	}
	return a
}

// printLog prints the moderation log: one line per change, or with --json
// each entry as one JSON object per line (JSON lines, as the file).
func printLog(cfg config.Config, c cli, stdout, stderr io.Writer) error {
	if len(c.words) > 0 {
		return &usageError{"log takes no arguments besides --json"}
	}
	entries, skipped, err := modlog.Read(cfg.ModlogFile)
	if err != nil {
		return err
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "summitbot: %d unreadable lines in %s skipped\n", skipped, cfg.ModlogFile)
	}
	if c.json {
		for _, e := range entries {
			if err := writeJSONLine(stdout, e); err != nil {
				return err
			}
		}
		return nil
	}
	if len(entries) == 0 {
		fmt.Fprintf(stdout, "No moderator changes recorded yet in %s.\n", cfg.ModlogFile)
		return nil
	}
	for _, e := range entries {
		fmt.Fprintln(stdout, logLine(e))
	}
	return nil
}

// logLine is an entry on one line: time, action, result, article, who.
func logLine(e modlog.Entry) string {
	parts := []string{e.Time.UTC().Format("2006-01-02 15:04:05Z"), fmt.Sprintf("%-7s", e.Action), fmt.Sprintf("%-6s", e.Result)}
	switch {
	case e.Action == modlog.ActionReindex && e.Result == modlog.ResultOK:
		parts = append(parts, fmt.Sprintf("%d articles, %d paragraphs, %d quotes", e.Articles, e.Paragraphs, e.Quotes))
	case e.ArticleID != "":
		s := e.ArticleID
		if e.Title != "" {
			s += " “" + e.Title + "”"
		}
		parts = append(parts, s)
	default:
		parts = append(parts, cmp.Or(e.URL, e.File, "-"))
	}
	who := cmp.Or(e.Who.Name, e.Who.UserID, "?")
	switch e.Who.Via {
	case "discord":
		who = fmt.Sprintf("by %s (Discord user %s, guild %s)", who, cmp.Or(e.Who.UserID, "?"), cmp.Or(e.Who.GuildID, "?"))
	default:
		who = fmt.Sprintf("by %s (%s)", who, cmp.Or(e.Who.Via, "unknown"))
	}
	parts = append(parts, who)
	if e.Error != "" {
		parts = append(parts, "— "+e.Error)
	}
	return strings.Join(parts, "  ")
}

// writeJSONLine writes v as one line of JSON.
func writeJSONLine(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// healthcheck GETs the health URL (by default /healthz on METRICS_ADDR, else
// on INTERACTIONS_ADDR) and fails unless it answers 200: the container's
// HEALTHCHECK, which has no curl.
func healthcheck(ctx context.Context, cfg config.Config, c cli, stdout io.Writer) error {
	var target string
	switch {
	case len(c.words) > 1:
		return &usageError{"healthcheck takes at most one URL"}
	case len(c.words) == 1:
		target = c.words[0]
	case cfg.MetricsAddr != "":
		target = "http://" + loopback(cfg.MetricsAddr) + "/healthz"
	case cfg.InteractionsAddr != "":
		target = "http://" + loopback(cfg.InteractionsAddr) + "/healthz"
	default:
		return errors.New("healthcheck: nothing to check: set METRICS_ADDR or INTERACTIONS_ADDR, or give the URL")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", target, resp.Status)
	}
	fmt.Fprintf(stdout, "ok: %s\n", target)
	return nil
}

// loopback is a listen address as an address to connect to on this
// machine: an empty or unspecified host becomes the loopback address.
func loopback(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	switch host {
	case "", "0.0.0.0":
		host = "127.0.0.1"
	case "::":
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}
