package webpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const articleHTML = `<html><head><title>A page</title></head><body><article>
<p>The two delegations met for most of the day and agreed to meet again next month, officials from both sides said afterwards.</p>
<p>"We are not there yet, but we are closer than we were this morning," one of the negotiators told reporters outside the hall.</p>
</article></body></html>`

// countingServer is a loopback server that counts the requests it gets, so
// a test can show that a refused fetch sent nothing.
func countingServer(t *testing.T, network string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML)
	})
	if network == "tcp4" {
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		return srv, &hits
	}
	l, err := net.Listen(network, "[::1]:0")
	if err != nil {
		return nil, &hits
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Listener.Close()
	srv.Listener = l
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &hits
}

func addrPort(t *testing.T, srv *httptest.Server) netip.AddrPort {
	t.Helper()
	ap, err := netip.ParseAddrPort(srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return ap
}

func TestFetchRefusesSpecialAddresses(t *testing.T) {
	v4, v4hits := countingServer(t, "tcp4")
	v6, v6hits := countingServer(t, "tcp6")
	port := addrPort(t, v4).Port()
	v6URL := "http://[::1]:9/"
	if v6 != nil {
		v6URL = v6.URL + "/"
	}
	tests := []struct{ name, url, reason string }{
		{"loopback", v4.URL + "/", "refused: 127.0.0.1 is a loopback address"},
		{"loopback by name", fmt.Sprintf("http://localhost:%d/", port), " is a loopback address"},
		{"ipv6 loopback", v6URL, "refused: ::1 is a loopback address"},
		{"ipv4-mapped loopback", fmt.Sprintf("http://[::ffff:127.0.0.1]:%d/", port), "refused: 127.0.0.1 is a loopback address"},
		{"private", "http://10.0.0.1/", "refused: 10.0.0.1 is a private address"},
		{"private 192.168", "http://192.168.1.1:8080/admin", "refused: 192.168.1.1 is a private address"},
		{"cloud metadata", "http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"},
		{"unspecified", fmt.Sprintf("http://0.0.0.0:%d/", port), "refused: 0.0.0.0 is an unspecified address"},
		{"carrier-grade NAT", "http://100.64.0.1/", "refused: 100.64.0.1 is a shared (carrier-grade NAT) address"},
		{"documentation range", "https://192.0.2.10/", "refused: 192.0.2.10 is a special-purpose address"},
		{"ipv6 unique local", "http://[fd00::1]/", "refused: fd00::1 is a private address"},
	}
	f := NewFetcher(Config{Timeout: 5 * time.Second})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := f.Fetch(context.Background(), tc.url)
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %s: the refusal must come before connecting", took)
			}
			if !isKind(err, ErrRefused) {
				t.Fatalf("err = %v, want ErrRefused", err)
			}
			if !strings.Contains(err.Error(), tc.reason) || strings.Contains(err.Error(), "\n") {
				t.Errorf("reason = %q, want it to contain %q on one line", err, tc.reason)
			}
		})
	}
	if n := v4hits.Load() + v6hits.Load(); n != 0 {
		t.Errorf("the loopback servers got %d requests", n)
	}

	// The same servers are fetched when the address rule is lifted, so the
	// refusals above are the rule's doing.
	open := NewFetcher(Config{AllowPrivate: true})
	for _, u := range []string{v4.URL + "/", fmt.Sprintf("http://localhost:%d/", port)} {
		if _, err := open.Fetch(context.Background(), u); err != nil {
			t.Errorf("AllowPrivate: Fetch(%s): %v", u, err)
		}
	}
}

func TestFetchRefusesRedirectToSpecialAddress(t *testing.T) {
	target, targetHits := countingServer(t, "tcp4")
	v6, v6hits := countingServer(t, "tcp6")
	v6URL := "http://[::1]:9/"
	if v6 != nil {
		v6URL = v6.URL + "/"
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, articleHTML)
	})
	mux.HandleFunc("/go", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	})
	first := httptest.NewServer(mux)
	defer first.Close()
	// Only the first server's exact address and port are allowed.
	f := NewFetcher(Config{Allow: []netip.AddrPort{addrPort(t, first)}})

	if _, err := f.Fetch(context.Background(), first.URL+"/article"); err != nil {
		t.Fatalf("the allowed first host must be fetched: %v", err)
	}
	if _, err := f.Fetch(context.Background(), first.URL+"/go?to="+url.QueryEscape(first.URL+"/article")); err != nil {
		t.Fatalf("a redirect within the allowed host must be followed: %v", err)
	}
	tests := []struct{ name, to, reason string }{
		{"to cloud metadata", "http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"},
		{"to private", "http://10.0.0.1/", "refused: 10.0.0.1 is a private address"},
		{"to another loopback port", target.URL + "/", "refused: 127.0.0.1 is a loopback address"},
		{"to ipv6 loopback", v6URL, "refused: ::1 is a loopback address"},
		{"to file scheme", "file:///etc/passwd", "refused: only http and https links, not file:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), first.URL+"/go?to="+url.QueryEscape(tc.to))
			if !isKind(err, ErrRefused) {
				t.Fatalf("err = %v, want ErrRefused", err)
			}
			if err.Error() != tc.reason {
				t.Errorf("reason = %q, want %q", err, tc.reason)
			}
		})
	}
	if n := targetHits.Load() + v6hits.Load(); n != 0 {
		t.Errorf("redirect targets got %d requests", n)
	}
}

func TestFetchRefusesBadLinks(t *testing.T) {
	tests := []struct {
		name, url string
		kind      error
		reason    string
	}{
		{"file", "file:///etc/passwd", ErrRefused, "refused: only http and https links, not file:"},
		{"ftp", "ftp://example.org/article.txt", ErrRefused, "refused: only http and https links, not ftp:"},
		{"javascript", "javascript:alert(1)", ErrRefused, "refused: only http and https links, not javascript:"},
		{"data", "data:text/html,<p>hi</p>", ErrRefused, "refused: only http and https links, not data:"},
		{"credentials", "http://user:pass@example.org/", ErrRefused, "refused: links with a user name or password"},
		{"empty", "  ", ErrBadURL, "not a web address: empty link"},
		{"no host", "http:///path", ErrBadURL, `not a web address: "http:///path" has no host`},
		{"words", "not a link", ErrBadURL, `not a web address: "not a link" has no http:// or https://`},
	}
	f := NewFetcher(Config{})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), tc.url)
			if !isKind(err, tc.kind) {
				t.Fatalf("err = %v, want %v", err, tc.kind)
			}
			if err.Error() != tc.reason {
				t.Errorf("reason = %q, want %q", err, tc.reason)
			}
		})
	}
}

func TestParseURLAddsScheme(t *testing.T) {
	u, err := ParseURL(" www.example.org/news/summit ")
	if err != nil || u.String() != "https://www.example.org/news/summit" {
		t.Fatalf("ParseURL = %v, %v", u, err)
	}
}

func TestFetchLimits(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("a"), DefaultMaxBytes+1))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		chunk := bytes.Repeat([]byte("word "), 1000)
		for i := 0; i < 3; i++ {
			w.Write(chunk)
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/exact", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write(bytes.Repeat([]byte("b"), 10_000))
	})
	for _, ct := range []string{"image/png", "application/pdf", "application/json", "video/mp4"} {
		mux.HandleFunc("/type/"+ct, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ct)
			w.Write([]byte("data"))
		})
	}
	mux.HandleFunc("/untyped-png", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/untyped-html", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte(articleHTML))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/hop/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/hop/"), "%d", &n)
		if n == 0 {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, articleHTML)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	release := make(chan struct{})
	mux.HandleFunc("/slow-headers", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	mux.HandleFunc("/slow-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>Start"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(release) // before srv.Close, so no handler holds it up

	def := NewFetcher(Config{AllowPrivate: true})
	small := NewFetcher(Config{AllowPrivate: true, MaxBytes: 10_000, Timeout: 150 * time.Millisecond})
	tests := []struct {
		name   string
		f      *Fetcher
		path   string
		kind   error // nil: success
		reason string
	}{
		{"over 5 MiB with length", def, "/big", ErrTooLarge, "too large: over 5 MiB"},
		{"over the cap while streaming", small, "/big-chunked", ErrTooLarge, "too large: over 10000 bytes"},
		{"exactly the cap", small, "/exact", nil, ""},
		{"png", def, "/type/image/png", ErrNotArticle, "not an article: content type image/png"},
		{"pdf", def, "/type/application/pdf", ErrNotArticle, "not an article: content type application/pdf"},
		{"json", def, "/type/application/json", ErrNotArticle, "not an article: content type application/json"},
		{"video", def, "/type/video/mp4", ErrNotArticle, "not an article: content type video/mp4"},
		{"untyped png is sniffed", def, "/untyped-png", ErrNotArticle, "not an article: content type image/png"},
		{"untyped html is sniffed", def, "/untyped-html", nil, ""},
		{"404", def, "/missing", ErrHTTPStatus, "HTTP 404"},
		{"500", def, "/broken", ErrHTTPStatus, "HTTP 500"},
		{"5 redirects", def, "/hop/5", nil, ""},
		{"6 redirects", def, "/hop/6", ErrTooManyRedirects, "too many redirects: more than 5"},
		{"redirect loop", def, "/loop", ErrTooManyRedirects, "too many redirects: more than 5"},
		{"no headers in time", small, "/slow-headers", ErrTimeout, "timed out after 150ms"},
		{"body stalls", small, "/slow-body", ErrTimeout, "timed out after 150ms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			p, err := tc.f.Fetch(context.Background(), srv.URL+tc.path)
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("took %s", took)
			}
			if tc.kind == nil {
				if err != nil {
					t.Fatalf("Fetch: %v", err)
				}
				if len(p.Body) == 0 || !strings.HasPrefix(p.URL.String(), srv.URL) {
					t.Errorf("page = %s, %d bytes", p.URL, len(p.Body))
				}
				return
			}
			if !isKind(err, tc.kind) {
				t.Fatalf("err = %v, want %v", err, tc.kind)
			}
			if err.Error() != tc.reason {
				t.Errorf("reason = %q, want %q", err, tc.reason)
			}
			var we *Error
			if tc.kind == ErrHTTPStatus && (!errors.As(err, &we) || we.Status == 0) {
				t.Errorf("no status in %#v", err)
			}
		})
	}
}

func TestFetchFinalURLAndCharset(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new#top", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/new", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
		w.Write([]byte("<html><body><p>Caf\xe9 owners in the old town said the summit had been good for trade, and hoped the leaders would come back.</p></body></html>"))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p, err := NewFetcher(Config{AllowPrivate: true}).Fetch(context.Background(), srv.URL+"/old")
	if err != nil {
		t.Fatal(err)
	}
	if p.URL.Path != "/new" || p.ContentType != "text/html" {
		t.Errorf("page = %s %s", p.URL, p.ContentType)
	}
	if !bytes.Contains(p.Body, []byte("Café owners")) {
		t.Errorf("body not converted to UTF-8: %q", p.Body[:40])
	}
}

func TestFetchCallerCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := NewFetcher(Config{AllowPrivate: true}).Fetch(ctx, srv.URL)
	var we *Error
	if !errors.Is(err, context.DeadlineExceeded) || errors.As(err, &we) {
		t.Errorf("err = %v, want the caller's deadline, not a fetch error", err)
	}
}

// A failed DNS lookup is told without the resolver's address.
func TestDNSErrorHidesResolver(t *testing.T) {
	cases := []struct {
		name string
		err  *net.DNSError
	}{
		{"refused", &net.DNSError{Err: "read udp 127.0.0.1:41234->127.0.0.53:53: read: connection refused", Name: "example.org", Server: "127.0.0.53:53"}},
		{"timeout", &net.DNSError{Err: "read udp 127.0.0.1:41234->127.0.0.53:53: i/o timeout", Name: "example.org", Server: "127.0.0.53:53", IsTimeout: true}},
		{"misbehaving", &net.DNSError{Err: "server misbehaving", Name: "example.org", Server: "127.0.0.53:53", IsTemporary: true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := &url.Error{Op: "Get", URL: "https://example.org/", Err: &net.OpError{Op: "dial", Net: "tcp", Err: tc.err}}
			got := shortCause(err)
			if strings.Contains(got, "127.0.0") || strings.Contains(got, ":53") {
				t.Errorf("shortCause = %q: names the resolver", got)
			}
		})
	}
}
