package webpage

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestFetchFeed(t *testing.T) {
	const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Thu, 12 Jun 2031 19:40:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Thu, 12 Jun 2031 19:40:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.Write([]byte(rss))
	})
	mux.HandleFunc("/bare-304", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNotModified) })
	for _, ct := range []string{"text/xml", "application/atom+xml", "text/plain", "text/html", "application/xhtml+xml", "image/png"} {
		mux.HandleFunc("/type/"+ct, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write([]byte(rss))
		})
	}
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(strings.Repeat("<item/>", 3000)))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := NewFetcher(Config{AllowPrivate: true, MaxBytes: 10_000, Timeout: 2 * time.Second})
	ctx := context.Background()

	p, err := f.FetchFeed(ctx, srv.URL+"/rss", Validators{})
	if err != nil || p.NotModified || string(p.Body) != rss || p.ContentType != "application/rss+xml" || p.Validators.ETag != `"v1"` || p.Validators.LastModified == "" {
		t.Fatalf("first fetch: %+v, %v", p, err)
	}
	for _, v := range []Validators{{ETag: `"v1"`}, {LastModified: p.Validators.LastModified}} {
		q, err := f.FetchFeed(ctx, srv.URL+"/rss", v)
		if err != nil || !q.NotModified || len(q.Body) != 0 || q.Validators.ETag != `"v1"` {
			t.Errorf("conditional fetch with %+v: %+v, %v", v, q, err)
		}
	}
	old := Validators{ETag: `"x"`}
	if q, err := f.FetchFeed(ctx, srv.URL+"/bare-304", old); err != nil || !q.NotModified || q.Validators != old {
		t.Errorf("a 304 without validators keeps the old ones: %+v, %v", q, err)
	}

	tests := []struct {
		path string
		kind error // nil: fetched
	}{
		{"/type/text/xml", nil},
		{"/type/application/atom+xml", nil},
		{"/type/text/plain", nil},
		{"/type/text/html", ErrNotArticle},
		{"/type/application/xhtml+xml", ErrNotArticle},
		{"/type/image/png", ErrNotArticle},
		{"/huge", ErrTooLarge},
		{"/missing", ErrHTTPStatus},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			_, err := f.FetchFeed(ctx, srv.URL+tc.path, Validators{})
			if (tc.kind == nil) != (err == nil) || (tc.kind != nil && !errors.Is(err, tc.kind)) {
				t.Errorf("FetchFeed: %v, want %v", err, tc.kind)
			}
		})
	}

	// The address rule holds for feeds as for pages.
	if _, err := NewFetcher(Config{}).FetchFeed(ctx, srv.URL+"/rss", Validators{}); !errors.Is(err, ErrRefused) {
		t.Errorf("a loopback feed without AllowPrivate: %v", err)
	}
}
