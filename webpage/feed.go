package webpage

import (
	"context"
	"net/http"
	"net/url"
	"strings"
)

// Validators are what a server said about a document last time, sent back
// so that it can answer 304 Not Modified instead of the whole document.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// FeedPage is a fetched news feed (RSS or Atom).
type FeedPage struct {
	// URL is where the feed was found, after redirects.
	URL *url.URL
	// NotModified: the server answered 304 to the validators; Body is empty.
	NotModified bool
	// ContentType is the media type, lower case, without parameters.
	ContentType string
	// Header is the Content-Type header as sent (its charset may matter to
	// an XML decoder).
	Header string
	// Body is the document as sent (XML declares its own encoding).
	Body []byte
	// Validators are the ones to send next time (the old ones after a 304
	// that sent none).
	Validators Validators
}

// FetchFeed gets a news feed under the same rules as Fetch (addresses,
// redirects, timeout, size cap), as a conditional request when v holds
// validators. It accepts XML and plain-text content types (feeds are
// served under many) and refuses HTML pages and other kinds with
// ErrNotArticle.
func (f *Fetcher) FetchFeed(ctx context.Context, rawURL string, v Validators) (*FeedPage, error) {
	return fetchWith(ctx, f, rawURL, func(ctx context.Context, u *url.URL) (*FeedPage, error) { return f.fetchFeed(ctx, u, v) })
}

func (f *Fetcher) fetchFeed(ctx context.Context, u *url.URL, v Validators) (*FeedPage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(ErrBadURL, err, "not a web address: %q", u.String())
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "application/rss+xml,application/atom+xml,application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1")
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	next := Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if resp.StatusCode == http.StatusNotModified {
		if next == (Validators{}) {
			next = v
		}
		return &FeedPage{URL: resp.Request.URL, NotModified: true, Validators: next}, nil
	}
	mediaType, header, body, err := f.readBody(resp, "a feed", feedType)
	if err != nil {
		return nil, err
	}
	return &FeedPage{URL: resp.Request.URL, ContentType: mediaType, Header: header, Body: body, Validators: next}, nil
}

// feedType reports whether a media type may hold a feed: any XML type,
// and the generic types servers send feeds as.
func feedType(mediaType string) bool {
	switch {
	case strings.HasSuffix(mediaType, "/xml"), strings.HasSuffix(mediaType, "+xml"):
		return mediaType != "application/xhtml+xml"
	case mediaType == "text/plain", mediaType == "application/octet-stream":
		return true
	}
	return false
}
