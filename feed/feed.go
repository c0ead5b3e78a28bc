package feed

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"summitbot/answer"
)

// Errors, checked with errors.Is.
var (
	// ErrNoFeed: no subscription has that id.
	ErrNoFeed = errors.New("no such feed")
	// ErrNoItem: no queued item has that id.
	ErrNoItem = errors.New("no such queued item")
	// ErrNotFeed: the document is not an RSS or Atom feed.
	ErrNotFeed = errors.New("not a feed")
	// ErrStore: the feed folder cannot be read or written, or one of its
	// files is not valid (a hand edit gone wrong): the message names it.
	ErrStore = errors.New("feed store")
)

// Feed is one subscription, as moderators see and edit it in feeds.json.
type Feed struct {
	// ID names the feed in commands: the site's name, e.g. "courier".
	ID  string `json:"id"`
	URL string `json:"url"`
	// Title is the feed's own title, filled in when it is fetched.
	Title string `json:"title,omitempty"`
	// Keywords select the items worth proposing (see Matcher); none
	// proposes every item.
	Keywords []string `json:"keywords"`
	// Auto adds matching articles at once, without review: for trusted feeds.
	Auto bool `json:"auto,omitempty"`
	// Every is how often the feed is polled; zero means the default
	// (FEED_POLL).
	Every Interval  `json:"every,omitempty"`
	Added time.Time `json:"added"`
}

// Interval is a duration written as Go writes it ("30m", "2h") in JSON.
type Interval time.Duration

// String writes the interval short: "30m", "2h", "1h30m".
func (i Interval) String() string {
	s := time.Duration(i).String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// MarshalText writes the interval as String does.
func (i Interval) MarshalText() ([]byte, error) { return []byte(i.String()), nil }

// UnmarshalText reads "30m", "1h30m" and the like.
func (i *Interval) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*i = 0
		return nil
	}
	d, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("interval %q: %w", b, err)
	}
	if d < 0 {
		return fmt.Errorf("interval %q is negative", b)
	}
	*i = Interval(d)
	return nil
}

// Status is a feed with how its polling goes.
type Status struct {
	Feed
	LastPoll time.Time `json:"last_poll,omitzero"`
	NextPoll time.Time `json:"next_poll,omitzero"`
	// Failures counts the polls that failed in a row; the next poll waits
	// the longer the more there are.
	Failures  int    `json:"failures,omitempty"`
	LastError string `json:"last_error,omitempty"`
	// Queued is how many of its items wait for review.
	Queued int `json:"queued"`
}

// Subscribed is the outcome of adding a feed.
type Subscribed struct {
	Feed Status `json:"feed"`
	// Updated: the feed was already subscribed; its keywords and settings
	// were replaced.
	Updated bool `json:"updated,omitempty"`
	// Entries is how many entries the feed holds now (up to the bound).
	Entries int `json:"entries"`
}

// Item is an article found in a feed and waiting for review.
type Item struct {
	// ID names the item in queue approve and reject.
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Summary   string    `json:"summary,omitempty"`
	Feed      string    `json:"feed"`
	FeedTitle string    `json:"feed_title,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published string    `json:"published,omitempty"`
	Matched   []string  `json:"matched,omitempty"`
	Found     time.Time `json:"found"`
	// Paragraphs is how many paragraphs were extracted from the page.
	Paragraphs int `json:"paragraphs"`
	// File is the article file it becomes in the corpus folder.
	File string `json:"file"`
}

// Approved is an approved item and the article it became.
type Approved struct {
	Item  Item         `json:"item"`
	Added answer.Added `json:"added"`
}

// Report says what one poll of one feed found.
type Report struct {
	Feed string `json:"feed"`
	URL  string `json:"url"`
	// NotModified: the server answered 304 (nothing new).
	NotModified bool `json:"not_modified,omitempty"`
	// Entries read from the feed (at most the bound); Matched of them
	// matched the keywords; Duplicates were already proposed, rejected or in
	// the corpus.
	Entries    int `json:"entries"`
	Matched    int `json:"matched"`
	Duplicates int `json:"duplicates"`
	// Queued items wait for review; Added were added at once (auto feeds).
	Queued []Item          `json:"queued"`
	Added  []answer.Added  `json:"added"`
	Failed []FailedArticle `json:"failed,omitempty"`
	// Error is why the poll failed; the feed is retried later.
	Error string `json:"error,omitempty"`
	// Skipped: the feed was being polled already.
	Skipped bool `json:"skipped,omitempty"`
	// QueueFull: matching articles wait because the review queue holds
	// MaxQueue items; they come once moderators have reviewed some.
	QueueFull bool `json:"queue_full,omitempty"`
}

// FailedArticle is a matching article that could not be fetched or
// extracted this time.
type FailedArticle struct {
	URL   string `json:"url"`
	Error string `json:"error"`
}

// Manager is what moderators do with feeds and the review queue. Service
// does it in the process that owns the index; control.Client hands it to
// the running bot. The review channel's Approve and Reject buttons (bot)
// call Approve and Reject with the item's ID.
type Manager interface {
	// AddFeed subscribes to a feed (checking that it is one), or updates
	// the subscription to the same address.
	AddFeed(ctx context.Context, f Feed) (Subscribed, error)
	Feeds(ctx context.Context) ([]Status, error)
	RemoveFeed(ctx context.Context, id string) (Feed, error)
	// Poll polls every feed now, whatever its interval.
	Poll(ctx context.Context) ([]Report, error)
	Queue(ctx context.Context) ([]Item, error)
	// Approve adds a queued item's article to the corpus and the index.
	Approve(ctx context.Context, id string) (Approved, error)
	// Reject drops a queued item and remembers its address, so that it is
	// never proposed again.
	Reject(ctx context.Context, id string) (Item, error)
}
