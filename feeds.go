package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"summitbot/answer"
	"summitbot/config"
	"summitbot/control"
	"summitbot/feed"
	"summitbot/index"
)

// feedArgs are the words and flags of a feed or queue command.
type feedArgs struct {
	json  bool
	auto  bool
	every time.Duration
	words []string
}

// parseFeedArgs takes --json, and for feed add --auto and --every D,
// anywhere before "--".
func parseFeedArgs(args []string) (feedArgs, error) {
	var a feedArgs
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		switch {
		case arg == "--":
			a.words = append(a.words, args[i+1:]...)
			return a, nil
		case !strings.HasPrefix(arg, "-"):
			a.words = append(a.words, arg)
		case name == "json" && !hasValue:
			a.json = true
		case name == "auto" && !hasValue:
			a.auto = true
		case name == "every":
			if !hasValue {
				if i+1 >= len(args) {
					return a, &usageError{"--every needs a duration, e.g. --every 1h"}
				}
				i++
				value = args[i]
			}
			d, err := time.ParseDuration(value)
			if err != nil || d < feed.MinEvery {
				return a, &usageError{fmt.Sprintf("--every %q: give a duration of at least %s, e.g. 45m or 2h", value, feed.MinEvery)}
			}
			a.every = d
		default:
			return a, &usageError{fmt.Sprintf("unknown flag %s", arg)}
		}
	}
	return a, nil
}

// feeds runs `summitbot feed …` and `summitbot queue …`: through the
// running bot's control socket when there is one, else on the feed folder
// here (opening the index only for what needs it: poll and approve).
func feeds(ctx context.Context, cfg config.Config, log *slog.Logger, cmd string, args []string, stdout io.Writer) error {
	sub := ""
	if len(args) > 0 {
		sub, args = args[0], args[1:]
	}
	a, err := parseFeedArgs(args)
	if err != nil {
		return err
	}
	if err := checkFeedArgs(cmd, sub, a); err != nil {
		return err
	}
	// poll checks the corpus for duplicates and approve adds to it: they
	// need the index, and stop at once when it cannot be opened.
	needsIndex := cmd+" "+sub == "feed poll" || cmd+" "+sub == "queue approve"
	m, done, err := feedManager(ctx, cfg, log, needsIndex)
	if err != nil {
		return err
	}
	defer done()
	switch cmd + " " + sub {
	case "feed add":
		return feedAdd(ctx, m, a, cfg.FeedPoll, stdout)
	case "feed list":
		list, err := m.Feeds(ctx)
		if err != nil {
			return fmt.Errorf("feed list: %w", err)
		}
		if a.json {
			return writeJSON(stdout, list)
		}
		printFeeds(stdout, list, cfg.FeedPoll)
	case "feed remove":
		f, err := m.RemoveFeed(ctx, a.words[0])
		if err != nil {
			return fmt.Errorf("feed remove: %w", err)
		}
		fmt.Fprintf(stdout, "Removed feed %s (%s). Its queued articles stay in the review queue.\n", f.ID, f.URL)
	case "feed poll":
		return feedPoll(ctx, m, a, stdout)
	case "queue list":
		items, err := m.Queue(ctx)
		if err != nil {
			return fmt.Errorf("queue list: %w", err)
		}
		if a.json {
			return writeJSON(stdout, items)
		}
		printQueue(stdout, items)
	case "queue approve":
		ap, err := m.Approve(ctx, a.words[0])
		if err != nil {
			return fmt.Errorf("queue approve: %w", err)
		}
		fmt.Fprintf(stdout, "Approved %s.\n", ap.Item.ID)
		printAdded(stdout, ap.Added)
	case "queue reject":
		it, err := m.Reject(ctx, a.words[0])
		if err != nil {
			return fmt.Errorf("queue reject: %w", err)
		}
		fmt.Fprintf(stdout, "Rejected %s: %s\n  %s will not be proposed again.\n", it.ID, it.Title, it.URL)
	}
	return nil
}

// checkFeedArgs checks a feed or queue command line before anything is
// opened.
func checkFeedArgs(cmd, sub string, a feedArgs) error {
	subs := map[string][]string{"feed": {"add", "list", "remove", "poll"}, "queue": {"list", "approve", "reject"}}[cmd]
	known := false
	for _, s := range subs {
		known = known || s == sub
	}
	switch {
	case sub == "":
		return &usageError{fmt.Sprintf("%s needs one of: %s", cmd, strings.Join(subs, ", "))}
	case !known:
		return &usageError{fmt.Sprintf("unknown command %s %q (use %s)", cmd, sub, strings.Join(subs, ", "))}
	case (a.auto || a.every != 0) && !(cmd == "feed" && sub == "add"):
		return &usageError{"--auto and --every go with feed add"}
	}
	switch cmd + " " + sub {
	case "feed add":
		if len(a.words) == 0 {
			return &usageError{"feed add needs a feed's address: summitbot feed add https://example.org/rss.xml putin \"alaska summit\""}
		}
	case "feed remove", "queue approve", "queue reject":
		if len(a.words) != 1 {
			what := map[string]string{"feed": "a feed id (see summitbot feed list)", "queue": "a queued item's id (see summitbot queue list)"}[cmd]
			return &usageError{fmt.Sprintf("%s %s needs %s", cmd, sub, what)}
		}
	default:
		if len(a.words) > 0 {
			return &usageError{fmt.Sprintf("%s %s takes no arguments", cmd, sub)}
		}
	}
	return nil
}

// feedManager is the running bot's feed service, through its control
// socket, or one on the feed folder here.
func feedManager(ctx context.Context, cfg config.Config, log *slog.Logger, needsIndex bool) (feed.Manager, func(), error) {
	client, err := control.Dial(control.SocketPath(cfg.IndexDir))
	switch {
	case err == nil:
		log.Info("handing the work to the running bot")
		return client, func() { client.Close() }, nil
	case !errors.Is(err, control.ErrNoServer):
		return nil, nil, err
	}
	lc := &lazyCorpus{ctx: ctx, cfg: cfg, log: log}
	if needsIndex {
		if _, err := lc.open(); err != nil {
			return nil, nil, err
		}
	}
	svc, err := feed.New(feed.Options{Dir: cfg.FeedDir, Fetcher: fetcher(cfg), Corpus: lc, Every: cfg.FeedPoll, Log: log})
	if err != nil {
		return nil, nil, err
	}
	return svc, lc.close, nil
}

// lazyCorpus opens the index on first use: listing or removing feeds and
// rejecting items need none.
type lazyCorpus struct {
	ctx context.Context
	cfg config.Config
	log *slog.Logger

	once  sync.Once
	local control.Local
	err   error
}

func (l *lazyCorpus) open() (control.Local, error) {
	l.once.Do(func() {
		eng, err := index.Open(l.ctx, index.Options{IndexDir: l.cfg.IndexDir, CorpusDir: l.cfg.CorpusDir, Logger: l.log})
		if errors.Is(err, index.ErrLocked) {
			err = fmt.Errorf("the running bot holds the index in %s and its control socket cannot be reached: stop the bot and run this again", l.cfg.IndexDir)
		}
		l.local, l.err = control.Local{Engine: eng, Fetcher: fetcher(l.cfg)}, err
	})
	return l.local, l.err
}

func (l *lazyCorpus) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	loc, err := l.open()
	if err != nil {
		return answer.Added{}, err
	}
	return loc.AddArticle(ctx, name, data)
}

// Sources lists the corpus's articles; without an index (it could not be
// opened) there are none, and AddArticle reports why.
func (l *lazyCorpus) Sources() []answer.ArticleInfo {
	loc, err := l.open()
	if err != nil {
		l.log.Warn("feed: the corpus cannot be checked for duplicates", "err", err)
		return nil
	}
	return loc.Sources()
}

func (l *lazyCorpus) close() {
	if l.local.Engine != nil {
		l.local.Engine.Close()
	}
}

// keywordArgs reads feed add's keywords: one per argument (an argument
// with spaces is a phrase), commas splitting an argument further.
func keywordArgs(words []string) []string {
	var out []string
	for _, w := range words {
		if strings.Contains(w, ",") {
			out = append(out, feed.SplitKeywords(w)...)
		} else if w = strings.TrimSpace(w); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func feedAdd(ctx context.Context, m feed.Manager, a feedArgs, defaultEvery time.Duration, w io.Writer) error {
	f := feed.Feed{URL: a.words[0], Keywords: keywordArgs(a.words[1:]), Auto: a.auto, Every: feed.Interval(a.every)}
	sub, err := m.AddFeed(ctx, f)
	if err != nil {
		return fmt.Errorf("feed add %s: %w", f.URL, err)
	}
	if a.json {
		return writeJSON(w, sub)
	}
	verb := "Subscribed to"
	if sub.Updated {
		verb = "Updated"
	}
	fmt.Fprintf(w, "%s feed %s: %s (%d entries now)\n", verb, sub.Feed.ID, cmp.Or(sub.Feed.Title, "untitled"), sub.Entries)
	fmt.Fprintf(w, "  %s\n  %s\n", sub.Feed.URL, feedSettings(sub.Feed, defaultEvery))
	return nil
}

func feedPoll(ctx context.Context, m feed.Manager, a feedArgs, w io.Writer) error {
	reps, err := m.Poll(ctx)
	if err != nil {
		return fmt.Errorf("feed poll: %w", err)
	}
	failed := 0
	for _, r := range reps {
		if r.Error != "" {
			failed++
		}
	}
	if a.json {
		if err := writeJSON(w, reps); err != nil {
			return err
		}
	} else {
		printReports(w, reps)
	}
	if failed > 0 {
		return fmt.Errorf("feed poll: %d of %d feeds failed (they are retried later)", failed, len(reps))
	}
	return nil
}

// feedSettings is one line on what a feed proposes and how often it is read.
func feedSettings(f feed.Status, defaultEvery time.Duration) string {
	kw := "every entry (no keywords)"
	if len(f.Keywords) > 0 {
		kw = "keywords: " + strings.Join(f.Keywords, ", ")
	}
	every := "every " + f.Every.String()
	if f.Every == 0 {
		every = "at the default interval (FEED_POLL)"
		if defaultEvery > 0 {
			every = "every " + feed.Interval(defaultEvery).String()
		}
	}
	review := "moderators review its articles"
	if f.Auto {
		review = "auto: its articles are added without review"
	}
	return strings.Join([]string{kw, every, review}, " · ")
}

func printFeeds(w io.Writer, list []feed.Status, defaultEvery time.Duration) {
	if len(list) == 0 {
		fmt.Fprintln(w, "No feeds. Subscribe with: summitbot feed add <url> [keywords…]")
		return
	}
	for i, f := range list {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", f.ID, cmp.Or(f.Title, "-"), f.URL)
		fmt.Fprintf(w, "  %s · %d queued\n", feedSettings(f, defaultEvery), f.Queued)
		switch {
		case f.LastPoll.IsZero():
			fmt.Fprintln(w, "  not polled yet")
		case f.Failures > 0:
			fmt.Fprintf(w, "  last poll %s failed (%d in a row): %s · next try %s\n", stamp(f.LastPoll), f.Failures, f.LastError, stamp(f.NextPoll))
		default:
			fmt.Fprintf(w, "  last poll %s · next %s\n", stamp(f.LastPoll), stamp(f.NextPoll))
		}
	}
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") }

func printReports(w io.Writer, reps []feed.Report) {
	if len(reps) == 0 {
		fmt.Fprintln(w, "No feeds to poll. Subscribe with: summitbot feed add <url> [keywords…]")
		return
	}
	for _, r := range reps {
		switch {
		case r.Error != "":
			fmt.Fprintf(w, "%s: failed: %s\n", r.Feed, r.Error)
			continue
		case r.NotModified:
			fmt.Fprintf(w, "%s: not modified\n", r.Feed)
			continue
		}
		fmt.Fprintf(w, "%s: %d entries, %d matching, %d queued, %d added, %d already known\n", r.Feed, r.Entries, r.Matched, len(r.Queued), len(r.Added), r.Duplicates)
		for _, it := range r.Queued {
			fmt.Fprintf(w, "  queued %s\t%s\n", it.ID, it.Title)
		}
		for _, ad := range r.Added {
			fmt.Fprintf(w, "  added %s\t%s\n", ad.Info.ID, ad.Info.Title)
		}
		for _, f := range r.Failed {
			fmt.Fprintf(w, "  could not fetch %s: %s\n", f.URL, f.Error)
		}
		if r.QueueFull {
			fmt.Fprintln(w, "  the review queue is full: review some articles (summitbot queue list), and the rest come with the next polls")
		}
	}
}

func printQueue(w io.Writer, items []feed.Item) {
	if len(items) == 0 {
		fmt.Fprintln(w, "The review queue is empty.")
		return
	}
	for i, it := range items {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\t%s\n", it.ID, it.Title)
		parts := []string{cmp.Or(it.Outlet, "-"), cmp.Or(it.Published, "-"), fmt.Sprintf("%d paragraphs", it.Paragraphs), "feed " + it.Feed}
		if len(it.Matched) > 0 {
			parts = append(parts, "matched: "+strings.Join(it.Matched, ", "))
		}
		fmt.Fprintf(w, "  %s\n  %s\n", strings.Join(parts, " · "), it.URL)
	}
	fmt.Fprintln(w, "\nApprove with: summitbot queue approve <id> · reject with: summitbot queue reject <id>")
}
