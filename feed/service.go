package feed

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"summitbot/answer"
	"summitbot/lexicon"
	"summitbot/webpage"
)

// Defaults for the zero fields of Options.
const (
	DefaultEvery       = 30 * time.Minute
	DefaultMaxEntries  = 50
	DefaultMaxArticles = 10
	DefaultFeedTimeout = 2 * time.Minute
	DefaultParallel    = 2
	DefaultMaxQueue    = 200
	DefaultTick        = 30 * time.Second
	// MinEvery is the shortest interval a subscription may ask for.
	MinEvery = time.Minute
	// maxTries is how many polls try to fetch a matching article before it
	// is given up on.
	maxTries = 3
)

// Corpus is what the feeds need of the corpus: its articles' addresses, to
// propose nothing already in it, and a way to add an article file.
// control.Local is one.
type Corpus interface {
	AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error)
	Sources() []answer.ArticleInfo
}

// Options configure a Service. Dir, Fetcher and Corpus are required.
type Options struct {
	// Dir is the feed folder (FEED_DIR).
	Dir     string
	Fetcher *webpage.Fetcher
	Corpus  Corpus
	// Lexicon folds and lemmatises keywords; nil means lexicon.Default().
	Lexicon *lexicon.Lexicon
	// Every is how often a feed is polled unless it says otherwise (FEED_POLL).
	Every time.Duration
	// MaxEntries bounds the entries read from one feed per poll.
	MaxEntries int
	// MaxArticles bounds the article pages fetched for one feed per poll;
	// the rest wait for the next poll.
	MaxArticles int
	// MaxQueue bounds the review queue: once it is full, polls propose
	// nothing more until moderators have reviewed some.
	MaxQueue int
	// FeedTimeout bounds one feed's whole poll, its articles included.
	FeedTimeout time.Duration
	// Parallel is how many feeds Run polls at once.
	Parallel int
	// Tick is how often Run looks for feeds that are due.
	Tick time.Duration
	Log  *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// OnQueued, when set, is called for every item put in the review
	// queue (outside any lock): serve posts it (with Preview) to the review
	// channel, whose Approve and Reject buttons call Approve and Reject.
	OnQueued func(Item)
}

// Service subscribes to feeds, polls them, queues the articles that match
// their keywords for review and adds the approved ones to the corpus. It
// implements Manager and is safe for concurrent use.
type Service struct {
	opt   Options
	store *Store
	log   *slog.Logger
	lx    *lexicon.Lexicon

	mu   sync.Mutex
	busy map[string]chan struct{} // feeds being polled, closed when done
}

var _ Manager = (*Service)(nil)

// New returns a Service for opt, with defaults for its zero fields.
func New(opt Options) (*Service, error) {
	switch {
	case opt.Dir == "":
		return nil, errors.New("feed: no folder")
	case opt.Fetcher == nil:
		return nil, errors.New("feed: no fetcher")
	case opt.Corpus == nil:
		return nil, errors.New("feed: no corpus")
	}
	if opt.Every <= 0 {
		opt.Every = DefaultEvery
	}
	if opt.MaxEntries <= 0 {
		opt.MaxEntries = DefaultMaxEntries
	}
	if opt.MaxArticles <= 0 {
		opt.MaxArticles = DefaultMaxArticles
	}
	if opt.MaxQueue <= 0 {
		opt.MaxQueue = DefaultMaxQueue
	}
	if opt.FeedTimeout <= 0 {
		opt.FeedTimeout = DefaultFeedTimeout
	}
	if opt.Parallel <= 0 {
		opt.Parallel = DefaultParallel
	}
	if opt.Tick <= 0 {
		opt.Tick = DefaultTick
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	lx := opt.Lexicon
	if lx == nil {
		lx = lexicon.Default()
	}
	return &Service{opt: opt, store: NewStore(opt.Dir), log: log, lx: lx, busy: map[string]chan struct{}{}}, nil
}

// Store is the service's store.
func (s *Service) Store() *Store { return s.store }

// AddFeed fetches and parses the feed to check it is one, then subscribes
// to it; the same address again updates the subscription's keywords and
// settings. The first poll comes at once.
func (s *Service) AddFeed(ctx context.Context, f Feed) (Subscribed, error) {
	u, err := webpage.ParseURL(f.URL)
	if err != nil {
		return Subscribed{}, err
	}
	if f.Every != 0 && time.Duration(f.Every) < MinEvery {
		return Subscribed{}, fmt.Errorf("feed: polling every %s is too often (at least %s)", time.Duration(f.Every), MinEvery)
	}
	page, err := s.opt.Fetcher.FetchFeed(ctx, u.String(), webpage.Validators{})
	if err != nil {
		return Subscribed{}, err
	}
	doc, err := Parse(page.Body, page.URL, s.opt.MaxEntries)
	if err != nil {
		return Subscribed{}, err
	}
	f.URL = u.String()
	f.Title = doc.Title
	f.Keywords = cleanKeywords(f.Keywords)
	var out Subscribed
	err = s.store.update(func(fs *files) error {
		now := s.opt.Now().UTC()
		key := linkKey(f.URL)
		for i := range fs.Feeds.Feeds {
			if linkKey(fs.Feeds.Feeds[i].URL) == key {
				old := fs.Feeds.Feeds[i]
				f.ID, f.Added = old.ID, old.Added
				fs.Feeds.Feeds[i] = f
				out.Updated = true
			}
		}
		if !out.Updated {
			f.ID = uniqueID(siteID(f.URL), func(id string) bool { return fs.feed(id) != nil })
			f.Added = now
			fs.Feeds.Feeds = append(fs.Feeds.Feeds, f)
		}
		st := fs.state(f.ID)
		st.NextPoll = now
		out.Feed = s.status(fs, f)
		return nil
	})
	out.Entries = len(doc.Entries)
	return out, err
}

// cleanKeywords trims keywords and drops empty and repeated ones.
func cleanKeywords(in []string) []string {
	out := []string{}
	for _, k := range in {
		k = strings.Join(strings.Fields(k), " ")
		if k != "" && !containsFold(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// uniqueID is base, or base-2, base-3, … when taken.
func uniqueID(base string, taken func(string) bool) string {
	id := base
	for n := 2; taken(id); n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}

// Feeds lists the subscriptions with their polling state.
func (s *Service) Feeds(ctx context.Context) ([]Status, error) {
	var out []Status
	err := s.store.view(func(fs *files) error {
		out = make([]Status, 0, len(fs.Feeds.Feeds))
		for _, f := range fs.Feeds.Feeds {
			out = append(out, s.status(fs, f))
		}
		return nil
	})
	return out, err
}

func (s *Service) status(fs *files, f Feed) Status {
	st := Status{Feed: f}
	if fst := fs.State.Feeds[f.ID]; fst != nil {
		st.LastPoll, st.NextPoll, st.Failures, st.LastError = fst.LastPoll, fst.NextPoll, fst.Failures, fst.LastError
	}
	for _, it := range fs.Queue.Items {
		if it.Feed == f.ID {
			st.Queued++
		}
	}
	return st
}

// RemoveFeed ends a subscription. Its queued items stay for review.
func (s *Service) RemoveFeed(ctx context.Context, id string) (Feed, error) {
	var gone Feed
	err := s.store.update(func(fs *files) error {
		i := slices.IndexFunc(fs.Feeds.Feeds, func(f Feed) bool { return f.ID == id })
		if i < 0 {
			return fmt.Errorf("%w: %q (see summitbot feed list)", ErrNoFeed, id)
		}
		gone = fs.Feeds.Feeds[i]
		fs.Feeds.Feeds = slices.Delete(fs.Feeds.Feeds, i, i+1)
		delete(fs.State.Feeds, id)
		return nil
	})
	return gone, err
}

// Queue lists the items waiting for review, oldest first.
func (s *Service) Queue(ctx context.Context) ([]Item, error) {
	var out []Item
	err := s.store.view(func(fs *files) error {
		out = fs.Queue.Items
		return nil
	})
	return out, err
}

// queued is the queued item with this id.
func (s *Service) queued(id string) (Item, error) {
	var it Item
	err := s.store.view(func(fs *files) error {
		i := slices.IndexFunc(fs.Queue.Items, func(it Item) bool { return it.ID == id })
		if i < 0 {
			return fmt.Errorf("%w: %q (see summitbot queue list)", ErrNoItem, id)
		}
		it = fs.Queue.Items[i]
		return nil
	})
	return it, err
}

// Approve adds a queued item's article (as extracted when it was found) to
// the corpus and the index, then takes it off the queue.
func (s *Service) Approve(ctx context.Context, id string) (Approved, error) {
	it, err := s.queued(id)
	if err != nil {
		return Approved{}, err
	}
	data, err := s.store.readArticle(it.ID)
	if err != nil {
		return Approved{}, err
	}
	added, err := s.opt.Corpus.AddArticle(ctx, it.File, data)
	if err != nil {
		return Approved{}, fmt.Errorf("approve %s: %w", it.ID, err)
	}
	err = s.store.update(func(fs *files) error {
		now := s.opt.Now().UTC()
		fs.Queue.Items = slices.DeleteFunc(fs.Queue.Items, func(q Item) bool { return q.ID == it.ID })
		for _, k := range []string{linkKey(it.URL), linkKey(added.Info.URL)} {
			if k != "" {
				fs.State.Seen[k] = seen{At: now, What: "approved"}
			}
		}
		return nil
	})
	if err != nil {
		return Approved{}, err
	}
	s.store.removeArticle(it.ID)
	s.log.Info("feed: approved", "item", it.ID, "article", added.Info.ID, "url", it.URL)
	return Approved{Item: it, Added: added}, nil
}

// Reject takes an item off the queue and remembers its address for good.
func (s *Service) Reject(ctx context.Context, id string) (Item, error) {
	var it Item
	err := s.store.update(func(fs *files) error {
		i := slices.IndexFunc(fs.Queue.Items, func(it Item) bool { return it.ID == id })
		if i < 0 {
			return fmt.Errorf("%w: %q (see summitbot queue list)", ErrNoItem, id)
		}
		it = fs.Queue.Items[i]
		fs.Queue.Items = slices.Delete(fs.Queue.Items, i, i+1)
		key := linkKey(it.URL)
		if !fs.rejected(key) {
			fs.Rejected.Rejected = append(fs.Rejected.Rejected, Rejected{URL: it.URL, Key: key, Title: it.Title, At: s.opt.Now().UTC()})
		}
		return nil
	})
	if err != nil {
		return Item{}, err
	}
	s.store.removeArticle(it.ID)
	s.log.Info("feed: rejected", "item", it.ID, "url", it.URL)
	return it, nil
}

// Run polls the feeds that are due, every Tick, until ctx ends; then it
// waits for the polls under way (cancelled with ctx) and returns. A slow
// feed holds one of the Parallel slots, up to FeedTimeout, and no more.
func (s *Service) Run(ctx context.Context) {
	var wg sync.WaitGroup
	defer wg.Wait()
	slots := make(chan struct{}, s.opt.Parallel)
	t := time.NewTicker(s.opt.Tick)
	defer t.Stop()
	var lastErr string // logged once, not at every tick
	for {
		due, err := s.due()
		switch {
		case err == nil:
			lastErr = ""
		case err.Error() != lastErr:
			lastErr = err.Error()
			s.log.Warn("feed: cannot read the feed folder", "err", err)
		}
		for _, f := range due {
			select {
			case slots <- struct{}{}:
			default:
				continue // all slots busy: the feed waits for a later tick
			}
			done, ok := s.claim(f.ID)
			if ok && !s.stillDue(f.ID) {
				// A poll that ended between due and claim has moved it on.
				done()
				ok = false
			}
			if !ok {
				<-slots
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer func() { <-slots }()
				defer done()
				s.poll(ctx, f)
			}()
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// due lists the feeds whose next poll has come.
func (s *Service) due() ([]Feed, error) {
	var out []Feed
	now := s.opt.Now()
	err := s.store.view(func(fs *files) error {
		for _, f := range fs.Feeds.Feeds {
			st := fs.State.Feeds[f.ID]
			if st == nil || !st.NextPoll.After(now) {
				out = append(out, f)
			}
		}
		return nil
	})
	return out, err
}

// stillDue reports whether the feed is still subscribed and due.
func (s *Service) stillDue(id string) bool {
	due, _ := s.due()
	return slices.ContainsFunc(due, func(f Feed) bool { return f.ID == id })
}

// claim marks a feed as being polled; ok is false when it already is.
func (s *Service) claim(id string) (done func(), ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, busy := s.busy[id]; busy {
		return nil, false
	}
	ch := make(chan struct{})
	s.busy[id] = ch
	return func() {
		s.mu.Lock()
		delete(s.busy, id)
		s.mu.Unlock()
		close(ch)
	}, true
}

// wait claims a feed, waiting while another poll of it runs.
func (s *Service) wait(ctx context.Context, id string) (func(), error) {
	for {
		if done, ok := s.claim(id); ok {
			return done, nil
		}
		s.mu.Lock()
		ch := s.busy[id]
		s.mu.Unlock()
		if ch == nil {
			continue
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// Poll polls every feed now, Parallel at a time, and reports on each in
// the order of feeds.json. A feed being polled by Run is waited for, then
// polled again.
func (s *Service) Poll(ctx context.Context) ([]Report, error) {
	var feeds []Feed
	if err := s.store.view(func(fs *files) error { feeds = fs.Feeds.Feeds; return nil }); err != nil {
		return nil, err
	}
	reports := make([]Report, len(feeds))
	slots := make(chan struct{}, s.opt.Parallel)
	var wg sync.WaitGroup
	for i, f := range feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			done, err := s.wait(ctx, f.ID)
			if err != nil {
				reports[i] = Report{Feed: f.ID, URL: f.URL, Error: err.Error(), Skipped: true}
				return
			}
			defer done()
			reports[i] = s.poll(ctx, f)
		}()
	}
	wg.Wait()
	return reports, ctx.Err()
}
