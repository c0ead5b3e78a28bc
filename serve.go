package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"summitbot/answer"
	"summitbot/bot"
	"summitbot/config"
	"summitbot/control"
	"summitbot/corpus"
	"summitbot/feed"
	"summitbot/index"
	"summitbot/modlog"
	"summitbot/webpage"
	"summitbot/wording"
)

// errNotConfigured is serve's one line when there is nothing to connect.
var errNotConfigured = errors.New(`nothing to connect to Discord with: copy .env.example to .env and set DISCORD_TOKEN and DISCORD_APP_ID (gateway) or INTERACTIONS_ADDR and DISCORD_PUBLIC_KEY (HTTP endpoint). To ask without Discord: summitbot who-said "no deal"`)

func botConfig(cfg config.Config) bot.Config {
	return bot.Config{
		Token:              cfg.Token,
		AppID:              cfg.AppID,
		GuildIDs:           cfg.GuildIDs,
		PublicKey:          cfg.PublicKey,
		InteractionsAddr:   cfg.InteractionsAddr,
		APIBase:            cfg.APIBase,
		ModeratorRoleIDs:   cfg.ModeratorRoleIDs,
		CooldownPerUser:    botRate(cfg.CooldownPerUser),
		CooldownPerChannel: botRate(cfg.CooldownPerChannel),
		ShardID:            cfg.ShardID,
		ShardCount:         cfg.ShardCount,
	}
}

// botRate is a cooldown setting for the bot, which reads the zero Rate as
// its default and a negative count as none.
func botRate(r config.Rate) bot.Rate {
	if r.Off() {
		return bot.Rate{Count: -1}
	}
	return bot.Rate{Count: r.Count, Per: r.Per}
}

func fetcher(cfg config.Config) *webpage.Fetcher {
	return webpage.NewFetcher(webpage.Config{AllowPrivate: cfg.FetchAllowPrivate})
}

// serveMemoryLimit is serve's soft Go memory limit (see debug.SetMemoryLimit).
const serveMemoryLimit = 320 << 20

// serve runs the Discord bot, and the control socket through which the
// command line's add, remove and reindex reach it, until ctx ends.
func serve(ctx context.Context, cfg config.Config, log *slog.Logger, stdout io.Writer) error {
	if cfg.Token == "" && cfg.InteractionsAddr == "" {
		return errNotConfigured
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft heap limit: the collector works harder near it instead of
		// letting the heap double during a reindex (GOMEMLIMIT overrides).
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	m, err := newMetrics()
	if err != nil {
		return err
	}
	// The bot starts first, so that its HTTP endpoint is up at once and
	// /healthz says "starting" (or why opening failed) until the index
	// answers; interactions meanwhile are told the index is loading.
	slot := newEngineSlot()
	// Each article a feed proposes is posted to the review channel, whose
	// Approve and Reject buttons the /feed row answers.
	var feeds *feed.Service
	onQueued, err := reviewPoster(ctx, cfg, m, log, func(ctx context.Context, id string) (feed.Preview, error) { return feeds.Preview(ctx, id) })
	if err != nil {
		return err
	}
	feeds, err = feed.New(feed.Options{Dir: cfg.FeedDir, Fetcher: fetcher(cfg), Corpus: slot, Every: cfg.FeedPoll, Log: log, OnQueued: onQueued})
	if err != nil {
		return err
	}
	bc := botConfig(cfg)
	bc.Moderator = slot // /article and /reindex change the corpus the same way as the command line
	bc.Commands = append(bot.DefaultCommands(), bot.FeedCommand(feeds))
	bc.Observer = m
	bc.Routes = map[string]http.Handler{"GET /metrics": m.Handler()}
	openCtx, cancelOpen := context.WithCancel(ctx)
	defer cancelOpen()
	botCtx, stopBot := context.WithCancel(ctx)
	defer stopBot()
	botDone := make(chan error, 1)
	go func() {
		err := bot.Serve(botCtx, bc, slot, log)
		cancelOpen() // a bot that cannot start stops the opening too
		botDone <- err
	}()
	botErr := func(err error) error {
		if errors.Is(err, bot.ErrNotConfigured) {
			return errNotConfigured
		}
		return err
	}
	// fail stops the bot and returns err.
	fail := func(err error) error {
		stopBot()
		<-botDone
		return err
	}

	var eng *index.Engine
	follower, err := newFollower(cfg, log, m, func(ctx context.Context, p func(answer.Progress)) (answer.Stats, error) { return eng.Reindex(ctx, p) })
	if err != nil {
		return fail(err)
	}
	eng, err = index.Open(openCtx, index.Options{IndexDir: cfg.IndexDir, CorpusDir: cfg.CorpusDir, Logger: log, MaxArticleBytes: cfg.MaxArticleBytes})
	if err != nil {
		slot.fail(err)
		cancelOpen()
		if openCtx.Err() != nil && ctx.Err() == nil {
			return botErr(<-botDone) // the bot stopped first: its error is the cause
		}
		if errors.Is(err, index.ErrLocked) {
			err = fmt.Errorf("another summitbot process holds the index in %s: stop it first, or give this one another INDEX_DIR", cfg.IndexDir)
		}
		return fail(err)
	}
	defer eng.Close()
	ops, err := startOperating(ctx, cfg, bc, eng, m, follower, log)
	if err != nil {
		return fail(err)
	}
	defer ops.close()
	mod := ops.moderator(control.Local{Engine: eng, Fetcher: fetcher(cfg), MaxBytes: cfg.MaxArticleBytes})

	// The socket serves the corpus changes and the feeds (summitbot feed, queue).
	ctl, err := control.Listen(control.SocketPath(cfg.IndexDir), moderatorWithFeeds{mod, feeds}, log)
	switch {
	case err == nil:
		defer ctl.Close()
	case errors.Is(err, control.ErrInUse):
		return fail(fmt.Errorf("another summitbot serve is running on %s", cfg.IndexDir))
	default:
		// The bot still serves; only the command line cannot reach it.
		log.Warn("no control socket: command-line add, remove and reindex cannot reach this bot", "err", err)
	}
	if cfg.FeedPoll > 0 {
		// The poller has its own goroutine; it stops (and its polls under
		// way are cancelled) before the control socket and the index close.
		polling, stopPolling := context.WithCancel(ctx)
		polled := make(chan struct{})
		go func() { defer close(polled); feeds.Run(polling) }()
		defer func() { stopPolling(); <-polled }()
	}
	slot.set(eng, mod)
	log.Info("index ready: answering")
	return botErr(<-botDone)
}

// moderatorWithFeeds is what the control socket serves: the corpus
// changes and the feeds.
type moderatorWithFeeds struct {
	answer.Moderator
	*feed.Service
}

// moderate carries out add, remove and reindex: through the running bot when
// there is one (only one process may open the index), else on the index here.
func moderate(ctx context.Context, cfg config.Config, log *slog.Logger, cmd string, c cli, stdout io.Writer) error {
	arg := strings.TrimSpace(strings.Join(c.words, " "))
	switch {
	case cmd == "add" && arg == "":
		return &usageError{"add needs a link or a file: summitbot add https://… or summitbot add article.md"}
	case cmd == "remove" && arg == "":
		return &usageError{"remove needs an article id (see summitbot list)"}
	case cmd == "reindex" && arg != "":
		return &usageError{"reindex takes no arguments"}
	}
	// A file is read before the index or the bot is reached: reading it
	// can fail (a fifo, a device, too large) and must not hold either.
	var file []byte
	if cmd == "add" && !looksLikeURL(arg) {
		var err error
		if file, err = readArticleFile(ctx, arg, cfg.MaxArticleBytes); err != nil {
			return err
		}
	}
	var m answer.Editor // the running bot's control socket, or this process's own engine
	var mlog *modlog.Log
	client, err := control.Dial(control.SocketPath(cfg.IndexDir))
	switch {
	case err == nil:
		defer client.Close()
		log.Info("handing the work to the running bot")
		m = client
	case errors.Is(err, control.ErrNoServer):
		eng, err := index.Open(ctx, index.Options{IndexDir: cfg.IndexDir, CorpusDir: cfg.CorpusDir, Logger: log, MaxArticleBytes: cfg.MaxArticleBytes})
		if errors.Is(err, index.ErrLocked) {
			return fmt.Errorf("the running bot holds the index in %s and its control socket cannot be reached: use the bot's /article and /reindex commands, or stop the bot and run this again", cfg.IndexDir)
		}
		if err != nil {
			return err
		}
		defer eng.Close()
		// The moderation log records the change here, as the bot would.
		if mlog, err = modlog.Open(cfg.ModlogFile, modlog.Options{Logger: log}); err != nil {
			return err
		}
		defer mlog.Close()
		m = mlog.Moderator(control.Local{Engine: eng, Fetcher: fetcher(cfg), MaxBytes: cfg.MaxArticleBytes})
		ctx = answer.WithActor(ctx, localActor())
	default:
		return err
	}

	switch cmd {
	case "add":
		var added answer.Added
		if looksLikeURL(arg) {
			added, err = m.AddURL(ctx, arg)
		} else {
			added, err = m.AddArticle(ctx, filepath.Base(arg), file)
		}
		if err != nil {
			return fmt.Errorf("add %s: %w", arg, err)
		}
		printAdded(stdout, added)
	case "remove":
		if err := m.RemoveArticle(ctx, arg); err != nil {
			if errors.Is(err, index.ErrNotFound) {
				return fmt.Errorf("remove: no article with id %q (see summitbot list)", arg)
			}
			return fmt.Errorf("remove %s: %w", arg, err)
		}
		fmt.Fprintf(stdout, "Removed %s.\n", arg)
	case "reindex":
		last := time.Time{}
		st, err := m.Reindex(ctx, func(p answer.Progress) {
			if time.Since(last) >= time.Second && p.Total > 0 {
				last = time.Now()
				fmt.Fprintf(stdout, "… %d of %d paragraphs\n", p.Done, p.Total)
			}
		})
		if errors.Is(err, index.ErrReindexRunning) {
			return errors.New("reindex: one is already running; wait for it to finish")
		}
		if err != nil {
			return fmt.Errorf("reindex: %w (the previous index still serves)", err)
		}
		fmt.Fprintf(stdout, "Reindexed %s, %s, %s in %s.\n", wording.Count(st.Articles, "article"), wording.Count(st.Paragraphs, "paragraph"), wording.Count(st.Quotes, "quote"), st.Took.Round(time.Millisecond))
	}
	return nil
}

func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return true
	}
	if _, err := os.Stat(s); err == nil {
		return false
	}
	if strings.Contains(s, "://") {
		// ftp://…, file://…: a link the fetcher refuses in one line.
		return true
	}
	// "example.org/story" without a scheme: a link, unless it names a file.
	return strings.Contains(s, "/") && strings.Contains(strings.SplitN(s, "/", 2)[0], ".") && !strings.HasPrefix(s, ".")
}

// readArticleFile reads a file to add: a regular file of at most max bytes
// (a fifo or a device is refused at once, never waited on), stopping when
// ctx ends (SIGINT, SIGTERM).
func readArticleFile(ctx context.Context, path string, max int64) ([]byte, error) {
	data, err := corpus.ReadFile(ctx, path, max)
	switch {
	case errors.Is(err, corpus.ErrNotRegular):
		return nil, fmt.Errorf("add: %s is not a regular file: give a .md, .txt or .html file", path)
	case errors.Is(err, corpus.ErrTooLarge):
		return nil, fmt.Errorf("add: %s is larger than %s", path, corpus.SizeText(max))
	case err != nil:
		return nil, fmt.Errorf("add: %w", err)
	}
	return data, nil
}

func printAdded(w io.Writer, a answer.Added) {
	verb := "Added"
	if a.Updated {
		verb = "Updated"
	}
	i := a.Info
	fmt.Fprintf(w, "%s %s: %s\n", verb, i.ID, i.Title)
	printAddedMeta(w, i)
	if len(a.Speakers) > 0 {
		fmt.Fprintf(w, "  speakers: %s\n", strings.Join(a.Speakers, ", "))
	} else {
		fmt.Fprintln(w, "  speakers: none found")
	}
	if i.URL != "" {
		fmt.Fprintf(w, "  %s\n", i.URL)
	}
}
