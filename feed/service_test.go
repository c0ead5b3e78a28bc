package feed

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/webpage"
)

// TestPollQueuesMatchingArticles: a poll queues the matching entries'
// extracted articles and indexes nothing; an unchanged feed is a 304; a
// changed one gives only its new entry.
func TestPollQueuesMatchingArticles(t *testing.T) {
	web := newSite(t)
	c := &fakeCorpus{}
	s, clk := newService(t, c, Options{})
	a1 := web.article("/world/harbour-talks-end", "Harbour talks end without a deal", "Listening is not the same as agreeing")
	a2 := web.article("/world/harbour-fishermen-react", "Harbour fishermen react", "We needed a decision today")
	other := web.article("/weather/rain", "Rain all weekend", "Bring an umbrella")
	feedURL := web.rss("/rss.xml", "Courier", [2]string{"Harbour talks end without a deal", a1}, [2]string{"Rain all weekend", other}, [2]string{"Fishermen react to the harbour talks", a2})

	f := mustAdd(t, s, feedURL, "harbour talks", "fishermen")
	if f.ID != "feed" || f.Title != "Courier" || !f.NextPoll.Equal(clk.Now()) {
		t.Errorf("added feed: %+v", f)
	}
	reps := mustPoll(t, s)
	if len(reps) != 1 || reps[0].Error != "" || reps[0].Entries != 3 || reps[0].Matched != 2 || len(reps[0].Queued) != 2 {
		t.Fatalf("first poll: %+v", reps)
	}
	if got := queueTitles(t, s); !slices.Equal(got, []string{"Harbour talks end without a deal", "Harbour fishermen react"}) {
		t.Errorf("queue: %q", got)
	}
	if n := web.count("/weather/rain"); n != 0 {
		t.Errorf("the article that does not match was fetched %d times", n)
	}
	if len(c.added()) != 0 {
		t.Errorf("a poll indexed %v: nothing may be indexed before approval", c.added())
	}
	it := reps[0].Queued[0]
	if it.Feed != "feed" || it.FeedTitle != "Courier" || it.Outlet != "The Test Courier" || it.Paragraphs != 3 || !strings.HasSuffix(it.File, ".md") || !slices.Equal(it.Matched, []string{"harbour talks"}) || len(it.ID) != 8 {
		t.Errorf("queued item: %+v", it)
	}
	if _, err := os.Stat(filepath.Join(s.Store().Dir(), "queue", it.ID+".md")); err != nil {
		t.Errorf("the queued article's file: %v", err)
	}

	// Unchanged: a conditional request, answered 304.
	clk.add(time.Hour)
	reps = mustPoll(t, s)
	if !reps[0].NotModified || len(reps[0].Queued) != 0 || web.notMod["/rss.xml"] != 1 {
		t.Errorf("second poll of an unchanged feed: %+v (304s: %d)", reps, web.notMod["/rss.xml"])
	}

	// Changed: one new entry, the old ones not proposed again.
	a3 := web.article("/world/harbour-talks-resume", "Harbour talks to resume in autumn", "We will meet again")
	web.rss("/rss.xml", "Courier", [2]string{"Harbour talks to resume in autumn", a3}, [2]string{"Harbour talks end without a deal", a1}, [2]string{"Fishermen react to the harbour talks", a2})
	reps = mustPoll(t, s)
	if len(reps[0].Queued) != 1 || reps[0].Queued[0].Title != "Harbour talks to resume in autumn" || reps[0].Duplicates != 2 {
		t.Errorf("poll of the changed feed: %+v", reps[0])
	}
	if n := web.count("/world/harbour-talks-end"); n != 1 {
		t.Errorf("an article already queued was fetched %d times", n)
	}
}

// TestProposedOnce: the same article from two feeds (one link with
// tracking parameters), twice in one feed, or already in the corpus, is
// proposed once or not at all.
func TestProposedOnce(t *testing.T) {
	web := newSite(t)
	inCorpus := web.article("/world/already-here", "Summit already here", "Old news")
	c := &fakeCorpus{sources: []answer.ArticleInfo{{Source: answer.Source{ID: "old", URL: strings.Replace(inCorpus, "http://", "https://www.", 1) + "/"}}}}
	s, _ := newService(t, c, Options{})
	shared := web.article("/world/summit-shared", "Summit shared story", "Both feeds have it")
	mustAdd(t, s, web.rss("/a.xml", "A", [2]string{"Summit shared story", shared + "?utm_source=rss"}, [2]string{"Summit shared story", shared}, [2]string{"Summit already here", inCorpus}), "summit")
	mustAdd(t, s, web.atom("/b.xml", "B", [2]string{"Summit shared story (B)", shared + "#top"}), "summit")
	reps := mustPoll(t, s)
	queued := 0
	for _, r := range reps {
		if r.Error != "" {
			t.Errorf("%s: %s", r.Feed, r.Error)
		}
		queued += len(r.Queued)
	}
	if got := queueTitles(t, s); queued != 1 || len(got) != 1 {
		t.Errorf("queued %d, queue %q: want the shared story once", queued, got)
	}
	if n := web.count("/world/already-here"); n != 0 {
		t.Errorf("an article already in the corpus was fetched %d times", n)
	}
	feeds, _ := s.Feeds(context.Background())
	if len(feeds) != 2 || feeds[0].ID != "feed" || feeds[1].ID != "feed-2" {
		t.Errorf("feeds: %+v", feeds)
	}
}

// TestApproveAndReject: approving adds the queued article to the corpus;
// rejecting keeps its address out for good, from any feed.
func TestApproveAndReject(t *testing.T) {
	web := newSite(t)
	c := &fakeCorpus{}
	s, clk := newService(t, c, Options{})
	good := web.article("/world/summit-good", "Summit good story", "Keep this one")
	bad := web.article("/world/summit-bad", "Summit bad story", "Not this one")
	mustAdd(t, s, web.rss("/rss.xml", "R", [2]string{"Summit good", good}, [2]string{"Summit bad", bad}), "summit")
	reps := mustPoll(t, s)
	if len(reps[0].Queued) != 2 {
		t.Fatalf("poll: %+v", reps[0])
	}
	goodID, badID := reps[0].Queued[0].ID, reps[0].Queued[1].ID

	ctx := context.Background()
	ap, err := s.Approve(ctx, goodID)
	if err != nil || ap.Item.ID != goodID || ap.Added.Info.URL != good || ap.Added.Info.Paragraphs != 3 {
		t.Fatalf("Approve: %+v, %v", ap, err)
	}
	if _, err := s.Approve(ctx, goodID); !errors.Is(err, ErrNoItem) {
		t.Errorf("approving twice: %v", err)
	}
	rj, err := s.Reject(ctx, badID)
	if err != nil || rj.URL != bad {
		t.Fatalf("Reject: %+v, %v", rj, err)
	}
	if _, err := s.Reject(ctx, "nope"); !errors.Is(err, ErrNoItem) {
		t.Errorf("rejecting an unknown id: %v", err)
	}
	if got := queueTitles(t, s); len(got) != 0 {
		t.Errorf("queue after approve and reject: %q", got)
	}
	if files, _ := filepath.Glob(filepath.Join(s.Store().Dir(), "queue", "*.md")); len(files) != 0 {
		t.Errorf("queued article files left: %v", files)
	}

	// The feed changes; a new feed carries the rejected story too.
	clk.add(time.Hour)
	web.rss("/rss.xml", "R", [2]string{"Summit bad, updated", bad}, [2]string{"Summit good", good}, [2]string{"Summit bad", bad + "?utm_campaign=x"})
	mustAdd(t, s, web.atom("/other.xml", "O", [2]string{"Summit bad elsewhere", bad}), "summit")
	for _, r := range mustPoll(t, s) {
		if len(r.Queued) != 0 || r.Error != "" {
			t.Errorf("%s proposed again: %+v", r.Feed, r)
		}
	}
	if n := len(c.added()); n != 1 {
		t.Errorf("%d articles added, want 1", n)
	}
}

// TestAutoFeedSkipsReview: a trusted feed's matching articles are added at once.
func TestAutoFeedSkipsReview(t *testing.T) {
	web := newSite(t)
	c := &fakeCorpus{}
	s, _ := newService(t, c, Options{})
	a := web.article("/world/summit-auto", "Summit auto story", "Straight in")
	if _, err := s.AddFeed(context.Background(), Feed{URL: web.rss("/rss.xml", "T", [2]string{"Summit auto", a}), Keywords: []string{"summit"}, Auto: true}); err != nil {
		t.Fatal(err)
	}
	reps := mustPoll(t, s)
	if len(reps[0].Added) != 1 || len(reps[0].Queued) != 0 || len(queueTitles(t, s)) != 0 || len(c.added()) != 1 {
		t.Errorf("auto feed: %+v; corpus %v", reps[0], c.added())
	}
	if reps = mustPoll(t, s); len(reps[0].Added) != 0 {
		t.Errorf("added again: %+v", reps[0])
	}
}

// TestBrokenFeedBacksOff: each failure in a row doubles the wait; a good
// poll resets it. Broken feeds, pages that are not feeds and feeds over the
// size cap fail with a one-line reason.
func TestBrokenFeedBacksOff(t *testing.T) {
	web := newSite(t)
	s, clk := newService(t, &fakeCorpus{}, Options{Every: 30 * time.Minute})
	url := web.rss("/rss.xml", "R")
	mustAdd(t, s, url)
	web.set("/rss.xml", doc{status: 500})
	for i, want := range []time.Duration{time.Hour, 2 * time.Hour, 4 * time.Hour} {
		r := mustPoll(t, s)[0]
		feeds, _ := s.Feeds(context.Background())
		if r.Error != "HTTP 500" || feeds[0].Failures != i+1 || feeds[0].NextPoll.Sub(clk.Now()) != want || feeds[0].LastError != "HTTP 500" {
			t.Errorf("failure %d: %+v; next poll in %s, want %s", i+1, feeds[0], feeds[0].NextPoll.Sub(clk.Now()), want)
		}
	}
	web.rss("/rss.xml", "R")
	mustPoll(t, s)
	if feeds, _ := s.Feeds(context.Background()); feeds[0].Failures != 0 || feeds[0].NextPoll.Sub(clk.Now()) != 30*time.Minute || feeds[0].LastError != "" {
		t.Errorf("after a good poll: %+v", feeds[0])
	}

	small := webpage.NewFetcher(webpage.Config{AllowPrivate: true, MaxBytes: 64 << 10})
	s2, _ := newService(t, &fakeCorpus{}, Options{Fetcher: small})
	tests := []struct {
		name string
		doc  doc
		want string
	}{
		{"broken xml", doc{contentType: "application/xml", body: "<rss><channel><item><title>x"}, "not a feed"},
		{"html page", doc{contentType: "text/html", body: "<html><body>hi</body></html>"}, "not a feed: content type text/html"},
		{"html served as xml", doc{contentType: "text/xml", body: "<html><body>hi</body></html>"}, "not a feed: the document is <html>"},
		{"over the size cap", doc{contentType: "application/rss+xml", body: rssFeed("Huge", slices.Repeat([][2]string{{"x", "https://e.example/"}}, 2000)...)}, "too large"},
		{"not found", doc{status: 404}, "HTTP 404"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := "/" + strings.ReplaceAll(tc.name, " ", "-")
			web.set(path, tc.doc)
			_, err := s2.AddFeed(context.Background(), Feed{URL: web.URL + path})
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("AddFeed: %v; want one line with %q", err, tc.want)
			}
		})
	}
	if feeds, _ := s2.Feeds(context.Background()); len(feeds) != 0 {
		t.Errorf("feeds that failed the check were added: %+v", feeds)
	}
}

// TestHugeFeedIsBounded: a poll reads at most MaxEntries entries and
// fetches at most MaxArticles pages; the rest come with the next polls.
func TestHugeFeedIsBounded(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{MaxEntries: 5, MaxArticles: 2})
	var items [][2]string
	for i := range 3000 {
		p := fmt.Sprintf("/world/summit-story-%d", i)
		if i < 5 {
			web.article(p, fmt.Sprintf("Summit story %d", i), "Words")
		}
		items = append(items, [2]string{fmt.Sprintf("Summit story %d", i), web.URL + p})
	}
	mustAdd(t, s, web.rss("/rss.xml", "Big", items...), "summit")
	for i, want := range []int{2, 2, 1} {
		r := mustPoll(t, s)[0]
		if r.Error != "" || r.Entries != 5 || len(r.Queued) != want {
			t.Errorf("poll %d: %d entries, %d queued (want %d), error %q", i+1, r.Entries, len(r.Queued), want, r.Error)
		}
	}
	// All read: the validators are kept now, and the feed is unchanged.
	if r := mustPoll(t, s)[0]; !r.NotModified {
		t.Errorf("poll 4: %+v", r)
	}
	if got := queueTitles(t, s); len(got) != 5 {
		t.Errorf("queue: %q", got)
	}
}

// TestFailedArticleIsRetriedThenGivenUp: a matching article whose page
// fails is tried again on the next polls (the feed is read in full again),
// then given up on.
func TestFailedArticleIsRetriedThenGivenUp(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{})
	web.set("/world/summit-broken", doc{status: 503})
	mustAdd(t, s, web.rss("/rss.xml", "R", [2]string{"Summit broken", web.URL + "/world/summit-broken"}), "summit")
	for i := range maxTries + 2 {
		r := mustPoll(t, s)[0]
		wantFailed := 1
		if i >= maxTries {
			wantFailed = 0
		}
		if len(r.Failed) != wantFailed || r.NotModified != (i > maxTries) {
			t.Errorf("poll %d: %+v", i+1, r)
		}
	}
	if n := web.count("/world/summit-broken"); n != maxTries {
		t.Errorf("the broken article was fetched %d times, want %d", n, maxTries)
	}
}

// TestRunPollsInTheBackground: Run polls due feeds on its own; a slow feed
// does not hold up another; cancelling stops it promptly.
func TestRunPollsInTheBackground(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{Tick: 20 * time.Millisecond, FeedTimeout: 3 * time.Second, Every: time.Hour})
	a := web.article("/world/summit-fast", "Summit fast", "Quick")
	mustAdd(t, s, web.rss("/slow.xml", "Slow"), "summit")
	mustAdd(t, s, web.rss("/fast.xml", "Fast", [2]string{"Summit fast", a}), "summit")
	web.set("/slow.xml", doc{contentType: "application/rss+xml", body: rssFeed("Slow"), delay: time.Minute})

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { s.Run(ctx); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for len(queueTitles(t, s)) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if got := queueTitles(t, s); len(got) != 1 {
		t.Errorf("the fast feed was not polled while the slow one hung: %q", got)
	}
	start := time.Now()
	cancel()
	select {
	case <-done:
		if took := time.Since(start); took > time.Second {
			t.Errorf("Run took %s to stop", took)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
	if n := web.count("/fast.xml"); n != 2 { // AddFeed's check and one poll
		t.Errorf("the fast feed was fetched %d times, want 2 (its check and one poll within its interval)", n)
	}
}

// TestStoreFiles: feeds.json is plain JSON a moderator can edit; a broken
// edit is reported with the file's name; RemoveFeed ends a subscription.
func TestStoreFiles(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{})
	url := web.rss("/rss.xml", "R")
	if _, err := s.AddFeed(context.Background(), Feed{URL: url, Keywords: []string{" alaska  summit ", "putin", "Putin"}, Every: Interval(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	sub, err := s.AddFeed(context.Background(), Feed{URL: url, Keywords: []string{"putin"}})
	if err != nil || !sub.Updated || sub.Feed.ID != "feed" || !slices.Equal(sub.Feed.Keywords, []string{"putin"}) {
		t.Errorf("adding the same feed again: %+v, %v", sub, err)
	}
	path := filepath.Join(s.Store().Dir(), "feeds.json")
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), `"keywords": [`) || !strings.Contains(string(b), `"url": "`+url+`"`) {
		t.Errorf("feeds.json: %v\n%s", err, b)
	}
	edited := strings.Replace(string(b), `"putin"`, `"putin", "trump"`, 1)
	edited = strings.Replace(edited, `"keywords"`, `"every": "2h", "keywords"`, 1)
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	feeds, err := s.Feeds(context.Background())
	if err != nil || len(feeds) != 1 || !slices.Equal(feeds[0].Keywords, []string{"putin", "trump"}) || time.Duration(feeds[0].Every) != 2*time.Hour {
		t.Errorf("after a hand edit: %+v, %v", feeds, err)
	}
	os.WriteFile(path, []byte(`{"feeds": [`), 0o644)
	if _, err := s.Feeds(context.Background()); !errors.Is(err, ErrStore) || !strings.Contains(err.Error(), "feeds.json") {
		t.Errorf("a broken feeds.json: %v", err)
	}
	os.WriteFile(path, b, 0o644)
	if _, err := s.RemoveFeed(context.Background(), "nope"); !errors.Is(err, ErrNoFeed) {
		t.Errorf("removing an unknown feed: %v", err)
	}
	if f, err := s.RemoveFeed(context.Background(), "feed"); err != nil || f.URL != url {
		t.Errorf("RemoveFeed: %+v, %v", f, err)
	}
	if feeds, _ := s.Feeds(context.Background()); len(feeds) != 0 {
		t.Errorf("after remove: %+v", feeds)
	}
	if _, err := s.AddFeed(context.Background(), Feed{URL: url, Every: Interval(time.Second)}); err == nil {
		t.Error("a one-second interval was accepted")
	}
}

// TestSlowArticleKeepsWhatWasFetched: when a feed's time runs out among
// its articles, those fetched are queued, the feed does not count a
// failure, and the next poll reads it again for the rest.
func TestSlowArticleKeepsWhatWasFetched(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{FeedTimeout: 300 * time.Millisecond})
	fast := web.article("/world/summit-fast", "Summit fast", "Quick")
	web.set("/world/summit-slow", doc{contentType: "text/html", body: articleHTML("Summit slow", "Slow"), delay: time.Minute})
	mustAdd(t, s, web.rss("/rss.xml", "R", [2]string{"Summit fast", fast}, [2]string{"Summit slow", web.URL + "/world/summit-slow"}), "summit")
	start := time.Now()
	r := mustPoll(t, s)[0]
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the poll took %s", took)
	}
	if r.Error != "" || len(r.Queued) != 1 || r.Queued[0].Title != "Summit fast" {
		t.Errorf("poll: %+v", r)
	}
	if feeds, _ := s.Feeds(context.Background()); feeds[0].Failures != 0 {
		t.Errorf("a slow article counted as the feed's failure: %+v", feeds[0])
	}
	web.set("/world/summit-slow", doc{contentType: "text/html", body: articleHTML("Summit slow", "Slow")})
	if r := mustPoll(t, s)[0]; r.NotModified || len(r.Queued) != 1 || r.Queued[0].Title != "Summit slow" {
		t.Errorf("next poll: %+v", r)
	}
}

// TestFeedAddedByHand: a subscription written into feeds.json by hand,
// without an id, gets one and is polled.
func TestFeedAddedByHand(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{})
	a := web.article("/world/summit-hand", "Summit by hand", "Hello")
	url := web.rss("/rss.xml", "Hand", [2]string{"Summit by hand", a})
	if err := os.WriteFile(filepath.Join(s.Store().Dir(), "feeds.json"), []byte(`{"feeds": [{"url": "`+url+`", "keywords": ["summit"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	feeds, err := s.Feeds(context.Background())
	if err != nil || len(feeds) != 1 || feeds[0].ID != "feed" {
		t.Fatalf("Feeds: %+v, %v", feeds, err)
	}
	if r := mustPoll(t, s)[0]; r.Feed != "feed" || len(r.Queued) != 1 {
		t.Errorf("poll: %+v", r)
	}
	if b, _ := os.ReadFile(filepath.Join(s.Store().Dir(), "feeds.json")); !strings.Contains(string(b), `"id": "feed"`) || !strings.Contains(string(b), `"title": "Hand"`) {
		t.Errorf("feeds.json after the poll:\n%s", b)
	}
}

// TestQueueIsBounded: a full review queue takes nothing more; the feed is
// read again once moderators have made room.
func TestQueueIsBounded(t *testing.T) {
	web := newSite(t)
	s, _ := newService(t, &fakeCorpus{}, Options{MaxQueue: 2})
	var items [][2]string
	for i := range 3 {
		items = append(items, [2]string{fmt.Sprintf("Summit %d", i), web.article(fmt.Sprintf("/world/summit-%d", i), fmt.Sprintf("Summit %d", i), "Words")})
	}
	mustAdd(t, s, web.rss("/rss.xml", "R", items...), "summit")
	r := mustPoll(t, s)[0]
	if len(r.Queued) != 2 || r.QueueFull {
		t.Fatalf("first poll: %+v", r)
	}
	if r := mustPoll(t, s)[0]; len(r.Queued) != 0 || !r.QueueFull || r.NotModified {
		t.Errorf("poll with a full queue: %+v", r)
	}
	if _, err := s.Reject(context.Background(), r.Queued[0].ID); err != nil {
		t.Fatal(err)
	}
	if r := mustPoll(t, s)[0]; len(r.Queued) != 1 || r.Queued[0].Title != "Summit 2" {
		t.Errorf("poll after a reject: %+v", r)
	}
}
