package feed

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/webpage"
)

// site is a test web server: feeds and article pages that a test can
// change, with ETags, counting the requests it answers.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	docs     map[string]doc
	requests map[string]int
	notMod   map[string]int
}

type doc struct {
	contentType string
	body        string
	status      int
	delay       time.Duration
	noETag      bool
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{docs: map[string]doc{}, requests: map[string]int{}, notMod: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	d, ok := s.docs[r.URL.Path]
	s.requests[r.URL.Path]++
	s.mu.Unlock()
	if d.delay > 0 {
		select {
		case <-time.After(d.delay):
		case <-r.Context().Done():
			return
		}
	}
	if !ok {
		http.NotFound(w, r)
		return
	}
	if d.status != 0 {
		w.WriteHeader(d.status)
		return
	}
	etag := fmt.Sprintf(`"%x"`, len(d.body)*31+strings.Count(d.body, "<"))
	if !d.noETag {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notMod[r.URL.Path]++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	w.Header().Set("Content-Type", d.contentType)
	fmt.Fprint(w, d.body)
}

func (s *site) set(path string, d doc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = d
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// article puts an article page at path.
func (s *site) article(path, title, quote string) string {
	s.set(path, doc{contentType: "text/html; charset=utf-8", body: articleHTML(title, quote)})
	return s.URL + path
}

func articleHTML(title, quote string) string {
	return fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>%[1]s</title>
<meta property="og:title" content="%[1]s"><meta property="og:site_name" content="The Test Courier">
<meta property="article:published_time" content="2031-06-12T21:40:00Z"></head>
<body><article><h1>%[1]s</h1>
<p>LINDHOLM — The two prime ministers met on Thursday in the harbour town for six hours of talks about the fishing quotas.</p>
<p>"%[2]s," Prime Minister Sanna Kirov told reporters after the meeting, standing in the rain outside the old customs hall.</p>
<p>Officials on both sides had said before the meeting that a compromise was within reach, but no date was set for another round.</p>
</article></body></html>`, html.EscapeString(title), html.EscapeString(quote))
}

// rssFeed is an RSS 2.0 feed of (title, link) pairs.
func rssFeed(title string, items ...[2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>`, html.EscapeString(title))
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><description>A story.</description></item>", html.EscapeString(it[0]), html.EscapeString(it[1]))
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// atomFeed is an Atom feed of (title, link) pairs.
func atomFeed(title string, items ...[2]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title>`, html.EscapeString(title))
	for _, it := range items {
		fmt.Fprintf(&b, `<entry><title>%s</title><link rel="alternate" href="%s"/><summary>A story.</summary></entry>`, html.EscapeString(it[0]), html.EscapeString(it[1]))
	}
	b.WriteString("</feed>")
	return b.String()
}

func (s *site) rss(path, title string, items ...[2]string) string {
	s.set(path, doc{contentType: "application/rss+xml", body: rssFeed(title, items...)})
	return s.URL + path
}

func (s *site) atom(path, title string, items ...[2]string) string {
	s.set(path, doc{contentType: "application/atom+xml; charset=utf-8", body: atomFeed(title, items...)})
	return s.URL + path
}

// fakeCorpus records added articles.
type fakeCorpus struct {
	mu      sync.Mutex
	sources []answer.ArticleInfo
	files   map[string][]byte
	err     error
}

func (c *fakeCorpus) AddArticle(_ context.Context, name string, data []byte) (answer.Added, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return answer.Added{}, c.err
	}
	if c.files == nil {
		c.files = map[string][]byte{}
	}
	c.files[name] = data
	a := corpus.Parse(name, data)
	info := answer.ArticleInfo{Source: answer.Source{ID: corpus.IDFromFile(name), Title: a.Title, URL: a.URL}, Paragraphs: len(a.Paragraphs)}
	c.sources = append(c.sources, info)
	return answer.Added{Info: info}, nil
}

func (c *fakeCorpus) Sources() []answer.ArticleInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]answer.ArticleInfo(nil), c.sources...)
}

func (c *fakeCorpus) added() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for n := range c.files {
		out = append(out, n)
	}
	return out
}

// clock is a settable time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// newService is a Service over a fresh folder, fetching from loopback.
func newService(t *testing.T, c *fakeCorpus, opt Options) (*Service, *clock) {
	t.Helper()
	clk := &clock{now: time.Date(2031, 6, 13, 12, 0, 0, 0, time.UTC)}
	opt.Dir = t.TempDir()
	opt.Corpus = c
	if opt.Fetcher == nil {
		opt.Fetcher = webpage.NewFetcher(webpage.Config{AllowPrivate: true, Timeout: 5 * time.Second})
	}
	if opt.Now == nil {
		opt.Now = clk.Now
	}
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	return s, clk
}

func mustAdd(t *testing.T, s *Service, url string, keywords ...string) Status {
	t.Helper()
	sub, err := s.AddFeed(context.Background(), Feed{URL: url, Keywords: keywords})
	if err != nil {
		t.Fatalf("AddFeed %s: %v", url, err)
	}
	return sub.Feed
}

func mustPoll(t *testing.T, s *Service) []Report {
	t.Helper()
	reps, err := s.Poll(context.Background())
	if err != nil {
		t.Fatalf("Poll: %v", err)
	}
	return reps
}

func queueTitles(t *testing.T, s *Service) []string {
	t.Helper()
	items, err := s.Queue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.Title)
	}
	return out
}
