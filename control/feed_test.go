package control

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/feed"
	"summitbot/webpage"
)

// fakeFeeds is a feed.Manager that records its calls.
type fakeFeeds struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeFeeds) record(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, s)
}

var fakeItem = feed.Item{ID: "ab12cd34", URL: "https://news.example/summit", Title: "Summit", Feed: "news", File: "news-summit.md", Found: time.Date(2031, 6, 1, 0, 0, 0, 0, time.UTC)}

func (f *fakeFeeds) AddFeed(_ context.Context, fd feed.Feed) (feed.Subscribed, error) {
	f.record(fmt.Sprintf("add %s %q auto=%v", fd.URL, fd.Keywords, fd.Auto))
	if fd.URL == "https://bad.example/" {
		return feed.Subscribed{}, &webpage.Error{Kind: webpage.ErrHTTPStatus, Reason: "HTTP 404", Status: 404}
	}
	fd.ID = "news"
	return feed.Subscribed{Feed: feed.Status{Feed: fd}, Entries: 7}, nil
}

func (f *fakeFeeds) Feeds(context.Context) ([]feed.Status, error) {
	f.record("list")
	return []feed.Status{{Feed: feed.Feed{ID: "news", URL: "https://news.example/rss", Keywords: []string{"summit"}}, Queued: 1}}, nil
}

func (f *fakeFeeds) RemoveFeed(_ context.Context, id string) (feed.Feed, error) {
	f.record("remove " + id)
	if id != "news" {
		return feed.Feed{}, fmt.Errorf("%w: %q", feed.ErrNoFeed, id)
	}
	return feed.Feed{ID: "news", URL: "https://news.example/rss"}, nil
}

func (f *fakeFeeds) Poll(context.Context) ([]feed.Report, error) {
	f.record("poll")
	return []feed.Report{{Feed: "news", Entries: 3, Matched: 1, Queued: []feed.Item{fakeItem}, Added: []answer.Added{}}}, nil
}

func (f *fakeFeeds) Queue(context.Context) ([]feed.Item, error) {
	f.record("queue")
	return []feed.Item{fakeItem}, nil
}

func (f *fakeFeeds) Approve(_ context.Context, id string) (feed.Approved, error) {
	f.record("approve " + id)
	if id != fakeItem.ID {
		return feed.Approved{}, fmt.Errorf("%w: %q", feed.ErrNoItem, id)
	}
	return feed.Approved{Item: fakeItem, Added: answer.Added{Info: answer.ArticleInfo{Source: answer.Source{ID: "news-summit"}}}}, nil
}

func (f *fakeFeeds) Reject(_ context.Context, id string) (feed.Item, error) {
	f.record("reject " + id)
	if id != fakeItem.ID {
		return feed.Item{}, fmt.Errorf("%w: %q", feed.ErrNoItem, id)
	}
	return fakeItem, nil
}

// TestFeedRequests: every feed and queue request crosses the socket with
// its result, and its errors keep their identity.
func TestFeedRequests(t *testing.T) {
	path := socketPath(t)
	srv, err := Listen(path, &fake{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	c, err := Dial(path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()

	if _, err := c.Queue(ctx); !errors.Is(err, ErrNoFeeds) {
		t.Errorf("before ServeFeeds: %v, want ErrNoFeeds", err)
	}
	ff := &fakeFeeds{}
	srv.ServeFeeds(ff)

	sub, err := c.AddFeed(ctx, feed.Feed{URL: "https://news.example/rss", Keywords: []string{"summit", "alaska talks"}, Auto: true})
	if err != nil || sub.Feed.ID != "news" || sub.Entries != 7 || !sub.Feed.Auto {
		t.Errorf("AddFeed: %+v, %v", sub, err)
	}
	if _, err := c.AddFeed(ctx, feed.Feed{URL: "https://bad.example/"}); !errors.Is(err, webpage.ErrHTTPStatus) || err.Error() != "HTTP 404" {
		t.Errorf("AddFeed of a missing feed: %v", err)
	}
	if list, err := c.Feeds(ctx); err != nil || len(list) != 1 || list[0].Queued != 1 || list[0].Keywords[0] != "summit" {
		t.Errorf("Feeds: %+v, %v", list, err)
	}
	if f, err := c.RemoveFeed(ctx, "news"); err != nil || f.ID != "news" {
		t.Errorf("RemoveFeed: %+v, %v", f, err)
	}
	if _, err := c.RemoveFeed(ctx, "nope"); !errors.Is(err, feed.ErrNoFeed) {
		t.Errorf("RemoveFeed of an unknown feed: %v", err)
	}
	if reps, err := c.Poll(ctx); err != nil || len(reps) != 1 || !reflect.DeepEqual(reps[0].Queued, []feed.Item{fakeItem}) {
		t.Errorf("Poll: %+v, %v", reps, err)
	}
	if items, err := c.Queue(ctx); err != nil || !reflect.DeepEqual(items, []feed.Item{fakeItem}) {
		t.Errorf("Queue: %+v, %v", items, err)
	}
	if a, err := c.Approve(ctx, fakeItem.ID); err != nil || a.Added.Info.ID != "news-summit" || a.Item.ID != fakeItem.ID {
		t.Errorf("Approve: %+v, %v", a, err)
	}
	if _, err := c.Approve(ctx, "nope"); !errors.Is(err, feed.ErrNoItem) {
		t.Errorf("Approve of an unknown item: %v", err)
	}
	if it, err := c.Reject(ctx, fakeItem.ID); err != nil || it.URL != fakeItem.URL {
		t.Errorf("Reject: %+v, %v", it, err)
	}
	want := []string{`add https://news.example/rss ["summit" "alaska talks"] auto=true`, `add https://bad.example/ [] auto=false`, "list", "remove news", "remove nope", "poll", "queue", "approve ab12cd34", "approve nope", "reject ab12cd34"}
	if !reflect.DeepEqual(ff.calls, want) {
		t.Errorf("calls:\n got %q\nwant %q", ff.calls, want)
	}
}
