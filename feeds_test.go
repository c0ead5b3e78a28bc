package main

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/control"
	"summitbot/feed"
	"summitbot/index"
	"summitbot/webpage"
)

// newsSite serves an RSS feed that a test can change, and the same
// article page (webpage/testdata/news-subheadings.html) at every other path.
type newsSite struct {
	*httptest.Server
	mu   sync.Mutex
	feed string
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("webpage", "testdata", "news-subheadings.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := &newsSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss.xml" {
			s.mu.Lock()
			body := s.feed
			s.mu.Unlock()
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Header().Set("ETag", fmt.Sprintf(`"%d"`, len(body)))
			if r.Header.Get("If-None-Match") == fmt.Sprintf(`"%d"`, len(body)) {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			fmt.Fprint(w, body)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	t.Cleanup(s.Close)
	return s
}

// setFeed sets the feed's entries: (title, path) pairs.
func (s *newsSite) setFeed(items ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>The Northern Courier</title>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link></item>", html.EscapeString(it[0]), html.EscapeString(s.URL+it[1]))
	}
	b.WriteString("</channel></rss>")
	s.mu.Lock()
	s.feed = b.String()
	s.mu.Unlock()
	return s.URL + "/rss.xml"
}

func queueItems(t *testing.T, env func(string) (string, bool)) []feed.Item {
	t.Helper()
	out, _, err := runCLI(t, env, "queue", "list", "--json")
	if err != nil {
		t.Fatalf("queue list: %v", err)
	}
	var items []feed.Item
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatalf("queue list --json: %v\n%s", err, out)
	}
	return items
}

const harbourQuote = "listening is not the same as agreeing"

// whoSaid runs who-said --json and returns the answer.
func whoSaid(t *testing.T, env func(string) (string, bool), phrase string) answer.Answer {
	t.Helper()
	out, _, err := runCLI(t, env, "who-said", "--json", phrase)
	var ans answer.Answer
	if err != nil || json.Unmarshal([]byte(out), &ans) != nil {
		t.Fatalf("who-said: %v\n%s", err, out)
	}
	return ans
}

// TestFeedReviewFlow: feed add → feed poll → queue list → queue approve →
// the article answers who-said; queue reject keeps an article out for good.
func TestFeedReviewFlow(t *testing.T) {
	env, corpusDir, _ := modEnv(t, map[string]string{"FETCH_ALLOW_PRIVATE": "true"})
	web := newNewsSite(t)
	feedURL := web.setFeed(
		[2]string{"Harbour talks end without a deal", "/world/harbour-talks-end-without-deal"},
		[2]string{"Weather: rain all weekend", "/weather/rain"},
		[2]string{"Harbour talks: the fishermen's view", "/opinion/harbour-fishermen"},
	)

	out, _, err := runCLI(t, env, "feed", "add", feedURL, "harbour talks")
	if err != nil || !strings.HasPrefix(out, "Subscribed to feed feed: The Northern Courier (3 entries now)") || !strings.Contains(out, "keywords: harbour talks") {
		t.Fatalf("feed add: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(corpusDir), "feeds", "feeds.json")); err != nil {
		t.Errorf("feeds.json is not beside the corpus folder: %v", err)
	}
	out, _, err = runCLI(t, env, "feed", "list")
	if err != nil || !strings.Contains(out, "feed\tThe Northern Courier\t"+feedURL) || !strings.Contains(out, "not polled yet") {
		t.Errorf("feed list: %v\n%s", err, out)
	}

	out, _, err = runCLI(t, env, "feed", "poll")
	if err != nil || !strings.Contains(out, "feed: 3 entries, 2 matching, 2 queued") {
		t.Fatalf("feed poll: %v\n%s", err, out)
	}
	items := queueItems(t, env)
	if len(items) != 2 {
		t.Fatalf("queue: %+v", items)
	}
	for _, it := range items {
		if len(it.ID) != 8 || !strings.HasPrefix(it.URL, web.URL+"/") || it.Title != "Harbour talks end without a deal" || it.Feed != "feed" {
			t.Errorf("queued item: %+v", it)
		}
	}
	if ans := whoSaid(t, env, harbourQuote); ans.Found {
		t.Errorf("a queued article answers before approval: %+v", ans.Results[0].Article)
	}
	out, _, _ = runCLI(t, env, "queue", "list")
	if !strings.Contains(out, items[0].ID+"\tHarbour talks end without a deal") || !strings.Contains(out, "The Northern Courier · 2031-06-12 · 8 paragraphs · feed feed · matched: harbour talks") {
		t.Errorf("queue list:\n%s", out)
	}

	approve, reject := items[0], items[1]
	out, _, err = runCLI(t, env, "queue", "approve", approve.ID)
	if err != nil || !strings.HasPrefix(out, "Approved "+approve.ID+".\nAdded ") || !strings.Contains(out, "Sanna Kirov") {
		t.Fatalf("queue approve: %v\n%s", err, out)
	}
	ans := whoSaid(t, env, harbourQuote)
	if !ans.Found || ans.Results[0].Speaker != "Sanna Kirov" || ans.Results[0].Article.URL != approve.URL {
		t.Errorf("who-said after approval: %+v", ans)
	}
	out, _, err = runCLI(t, env, "queue", "reject", reject.ID)
	if err != nil || !strings.HasPrefix(out, "Rejected "+reject.ID+": ") {
		t.Fatalf("queue reject: %v\n%s", err, out)
	}
	if _, _, err := runCLI(t, env, "queue", "approve", reject.ID); err == nil || !strings.Contains(err.Error(), "no such queued item") {
		t.Errorf("approving a rejected item: %v", err)
	}

	// The feed changes and carries both again, one with tracking parameters:
	// neither is proposed.
	web.setFeed(
		[2]string{"Harbour talks: more", "/world/harbour-talks-more"},
		[2]string{"Harbour talks end without a deal", "/world/harbour-talks-end-without-deal"},
		[2]string{"Harbour talks: the fishermen's view", "/opinion/harbour-fishermen?utm_source=rss"},
	)
	out, _, err = runCLI(t, env, "feed", "poll", "--json")
	var reps []feed.Report
	if err != nil || json.Unmarshal([]byte(out), &reps) != nil || len(reps) != 1 || len(reps[0].Queued) != 1 || reps[0].Duplicates != 2 {
		t.Errorf("poll of the changed feed: %v\n%s", err, out)
	}
	if items := queueItems(t, env); len(items) != 1 || strings.Contains(items[0].URL, "fishermen") {
		t.Errorf("queue after the second poll: %+v", items)
	}
	ids := listIDs(t, env)
	if len(ids) != 2 {
		t.Errorf("corpus: %v (want the default article and the approved one)", ids)
	}

	out, _, err = runCLI(t, env, "feed", "remove", "feed")
	if err != nil || !strings.HasPrefix(out, "Removed feed feed (") {
		t.Errorf("feed remove: %v\n%s", err, out)
	}
	if out, _, _ := runCLI(t, env, "feed", "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Errorf("feed list after remove: %s", out)
	}
}

// TestFeedThroughRunningBot: while a bot runs, feed and queue commands
// are handed to its feed service through the control socket.
func TestFeedThroughRunningBot(t *testing.T) {
	env, corpusDir, indexDir := modEnv(t, map[string]string{"FETCH_ALLOW_PRIVATE": "true"})
	eng, err := index.Open(context.Background(), index.Options{IndexDir: indexDir, CorpusDir: corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	local := control.Local{Engine: eng, Fetcher: webpage.NewFetcher(webpage.Config{AllowPrivate: true})}
	srv, err := control.Listen(control.SocketPath(indexDir), local, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	feedDir := filepath.Join(t.TempDir(), "bot-feeds") // the bot's own folder: the command line must not use its own
	svc, err := feed.New(feed.Options{Dir: feedDir, Fetcher: local.Fetcher, Corpus: local})
	if err != nil {
		t.Fatal(err)
	}
	srv.ServeFeeds(svc)

	web := newNewsSite(t)
	feedURL := web.setFeed([2]string{"Harbour talks end without a deal", "/world/harbour-talks-end-without-deal"})
	if out, err := runBounded(t, 10*time.Second, env, "feed", "add", "--every", "2h", feedURL, "harbour,fishing"); err != nil || !strings.Contains(out, "keywords: harbour, fishing · every 2h") {
		t.Fatalf("feed add: %v\n%s", err, out)
	}
	if out, err := runBounded(t, 10*time.Second, env, "feed", "poll"); err != nil || !strings.Contains(out, "1 queued") {
		t.Fatalf("feed poll: %v\n%s", err, out)
	}
	items, err := svc.Queue(context.Background())
	if err != nil || len(items) != 1 {
		t.Fatalf("the bot's queue: %+v, %v", items, err)
	}
	if out, err := runBounded(t, 10*time.Second, env, "queue", "approve", items[0].ID); err != nil || !strings.Contains(out, "Approved") {
		t.Fatalf("queue approve: %v\n%s", err, out)
	}
	if !slices.ContainsFunc(eng.Sources(), func(a answer.ArticleInfo) bool { return a.URL == items[0].URL }) {
		t.Errorf("the running bot's engine does not have the approved article: %v", eng.Sources())
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(corpusDir), "feeds")); !os.IsNotExist(err) {
		t.Errorf("the command line used its own feed folder: %v", err)
	}
}

func TestFeedUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"feed"}, "feed needs one of: add, list, remove, poll"},
		{[]string{"queue", "show"}, `unknown command queue "show"`},
		{[]string{"feed", "add"}, "feed add needs a feed's address"},
		{[]string{"feed", "remove"}, "feed remove needs a feed id"},
		{[]string{"queue", "approve", "a", "b"}, "queue approve needs a queued item's id"},
		{[]string{"feed", "list", "extra"}, "feed list takes no arguments"},
		{[]string{"feed", "add", "--every", "10s", "https://e.example/rss"}, `--every "10s": give a duration of at least 1m0s`},
		{[]string{"queue", "list", "--auto"}, "--auto and --every go with feed add"},
		{[]string{"feed", "poll", "--fast"}, "unknown flag --fast"},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			env, corpusDir, _ := modEnv(t, nil)
			out, _, err := runCLI(t, env, tc.args...)
			if err == nil || !strings.Contains(err.Error(), tc.want) || exitCode(err) != 2 || out != "" {
				t.Errorf("error %v (exit %d), printed %q; want %q", err, exitCode(err), out, tc.want)
			}
			if _, err := os.Stat(filepath.Join(filepath.Dir(corpusDir), "feeds")); !os.IsNotExist(err) {
				t.Errorf("a usage error created the feed folder: %v", err)
			}
		})
	}
}

// TestServeRunsFeeds: `summitbot serve` serves its feeds on the control
// socket and stops its poller cleanly on shutdown.
func TestServeRunsFeeds(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "off") // serve would set the test process's memory limit
	pub, _, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	env, _, indexDir := modEnv(t, map[string]string{
		"FETCH_ALLOW_PRIVATE": "true", "INTERACTIONS_ADDR": "127.0.0.1:0",
		"DISCORD_PUBLIC_KEY": hex.EncodeToString(pub), "FEED_POLL": "1m",
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	served := make(chan error, 1)
	go func() {
		var out, errOut strings.Builder
		served <- run(ctx, []string{"serve"}, env, &out, &errOut)
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := control.Dial(control.SocketPath(indexDir))
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-served:
			t.Fatalf("serve stopped: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("serve's control socket did not come up")
		}
	}

	web := newNewsSite(t)
	feedURL := web.setFeed([2]string{"Harbour talks end without a deal", "/world/harbour-talks-end-without-deal"})
	if out, err := runBounded(t, 10*time.Second, env, "feed", "add", feedURL, "harbour"); err != nil || !strings.Contains(out, "Subscribed") {
		t.Fatalf("feed add: %v\n%s", err, out)
	}
	// The poller may have polled the new feed already; either way it is queued once.
	if out, err := runBounded(t, 10*time.Second, env, "feed", "poll"); err != nil {
		t.Fatalf("feed poll: %v\n%s", err, out)
	}
	items := queueItems(t, env)
	if len(items) != 1 {
		t.Fatalf("queue: %+v", items)
	}
	if out, err := runBounded(t, 10*time.Second, env, "queue", "approve", items[0].ID); err != nil || !strings.Contains(out, "Approved") {
		t.Fatalf("queue approve: %v\n%s", err, out)
	}
	if ans := whoSaid(t, env, harbourQuote); !ans.Found || ans.Results[0].Speaker != "Sanna Kirov" {
		t.Errorf("who-said after approval: %+v", ans)
	}
	cancel()
	select {
	case err := <-served:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop")
	}
}

// TestFeedLockedWithoutSocket: when the index is held but no bot answers,
// feed poll and queue approve stop at once with one line; the commands
// that need no index still work.
func TestFeedLockedWithoutSocket(t *testing.T) {
	env, corpusDir, indexDir := modEnv(t, nil)
	eng, err := index.Open(context.Background(), index.Options{IndexDir: indexDir, CorpusDir: corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	for _, args := range [][]string{{"feed", "poll"}, {"queue", "approve", "ab12cd34"}} {
		out, err := runBounded(t, 3*time.Second, env, args...)
		if err == nil || !strings.Contains(err.Error(), "holds the index") || strings.Contains(err.Error(), "\n") || out != "" {
			t.Errorf("%v: err %v, printed %q", args, err, out)
		}
	}
	for _, args := range [][]string{{"feed", "list"}, {"queue", "list"}} {
		if out, err := runBounded(t, 3*time.Second, env, args...); err != nil {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
	}
}
