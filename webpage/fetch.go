package webpage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"code.dny.dev/ssrf"
	"golang.org/x/net/html/charset"
)

// Defaults for the zero fields of Config.
const (
	DefaultTimeout      = 10 * time.Second
	DefaultMaxBytes     = 5 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "summitbot/1.0 (article fetcher for a news-quote Discord bot)"
)

// Config configures a Fetcher. Zero fields take the defaults above.
type Config struct {
	// AllowPrivate lifts the address rule (FETCH_ALLOW_PRIVATE=true): loopback,
	// private and other special addresses may be fetched. Nothing else changes.
	AllowPrivate bool
	// Timeout bounds the whole fetch, redirects and body included.
	Timeout time.Duration
	// MaxBytes caps the body; a larger page is refused, not truncated.
	MaxBytes int64
	// MaxRedirects is how many redirects are followed; a negative value
	// follows none.
	MaxRedirects int
	UserAgent    string
	// Allow lists exact address:port pairs that are exempt from the address
	// rule even when AllowPrivate is false, e.g. a test server on loopback
	// whose redirects to other addresses must still be refused.
	Allow []netip.AddrPort
}

// Page is a fetched page.
type Page struct {
	// URL is where the page was found, after redirects.
	URL *url.URL
	// ContentType is the media type, lower case, without parameters:
	// "text/html", "application/xhtml+xml" or "text/plain".
	ContentType string
	// Body is the page, converted to UTF-8 when it declared another charset.
	Body []byte
}

// Fetcher fetches pages under the rules of its Config. It is safe for
// concurrent use.
type Fetcher struct {
	cfg    Config
	guard  *ssrf.Guardian
	client *http.Client
}

// NewFetcher returns a Fetcher for cfg, with defaults for its zero fields.
func NewFetcher(cfg Config) *Fetcher {
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	switch {
	case cfg.MaxRedirects == 0:
		cfg.MaxRedirects = DefaultMaxRedirects
	case cfg.MaxRedirects < 0:
		cfg.MaxRedirects = 0
	}
	if cfg.UserAgent == "" {
		cfg.UserAgent = DefaultUserAgent
	}
	cfg.Allow = slices.Clone(cfg.Allow)
	f := &Fetcher{
		cfg: cfg,
		// Any port: the rule is about addresses. Only tcp4 and tcp6.
		guard: ssrf.New(ssrf.WithAnyPort()),
	}
	dialer := &net.Dialer{Timeout: cfg.Timeout, Control: f.checkAddress}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would connect for us, past the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   cfg.Timeout,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxIdleConns:          4,
		IdleConnTimeout:       30 * time.Second,
	}
	f.client = &http.Client{
		Transport:     transport,
		CheckRedirect: f.checkRedirect,
	}
	return f
}

// checkAddress is the dialer's Control hook: it runs for every connection
// attempt with the resolved numeric address, before connecting.
func (f *Fetcher) checkAddress(network, address string, c syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return newError(ErrRefused, err, "refused: cannot check address %s", address)
	}
	ap = netip.AddrPortFrom(ap.Addr().Unmap(), ap.Port())
	if f.cfg.AllowPrivate || slices.Contains(f.cfg.Allow, ap) {
		return nil
	}
	if err := f.guard.Safe(network, address, c); err != nil {
		if errors.Is(err, ssrf.ErrProhibitedIP) {
			return newError(ErrRefused, err, "refused: %s is %s", ap.Addr(), describeAddr(ap.Addr()))
		}
		return newError(ErrRefused, err, "refused: %s to %s: %v", network, address, err)
	}
	return nil
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.cfg.MaxRedirects {
		return newError(ErrTooManyRedirects, nil, "too many redirects: more than %d", f.cfg.MaxRedirects)
	}
	if err := checkURL(req.URL, req.URL.String()); err != nil {
		return err
	}
	return nil
}

// ParseURL checks a link typed by a moderator and returns it parsed. A link
// without a scheme whose first part looks like a host name gets "https://".
func ParseURL(rawURL string) (*url.URL, error) {
	raw := strings.TrimSpace(rawURL)
	if raw == "" {
		return nil, newError(ErrBadURL, nil, "not a web address: empty link")
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, newError(ErrBadURL, err, "not a web address: %q", raw)
	}
	if u.Scheme == "" && u.Host == "" {
		first, _, _ := strings.Cut(u.Path, "/")
		if strings.Contains(first, ".") && !strings.ContainsAny(first, " \\") {
			if v, err := url.Parse("https://" + raw); err == nil {
				u = v
			}
		}
	}
	if err := checkURL(u, raw); err != nil {
		return nil, err
	}
	return u, nil
}

// checkURL checks a link's scheme, host and credentials; shown is the link
// as the reason quotes it.
func checkURL(u *url.URL, shown string) error {
	scheme := strings.ToLower(u.Scheme)
	switch {
	case scheme == "":
		return newError(ErrBadURL, nil, "not a web address: %q has no http:// or https://", shown)
	case scheme != "http" && scheme != "https":
		return newError(ErrRefused, nil, "refused: only http and https links, not %s:", scheme)
	case u.Hostname() == "":
		return newError(ErrBadURL, nil, "not a web address: %q has no host", shown)
	case u.User != nil:
		return newError(ErrRefused, nil, "refused: links with a user name or password")
	}
	return nil
}

// Fetch gets the page at rawURL under the Fetcher's rules. Every error is an
// *Error (see errors.Is with the Err* kinds) unless ctx itself was cancelled,
// in which case ctx's error is wrapped.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	return fetchWith(ctx, f, rawURL, f.fetch)
}

// fetchWith parses rawURL and runs do under the Fetcher's timeout, turning
// its failure into an *Error (or ctx's own error, wrapped, when ctx ended).
func fetchWith[T any](ctx context.Context, f *Fetcher, rawURL string, do func(context.Context, *url.URL) (T, error)) (T, error) {
	var zero T
	u, err := ParseURL(rawURL)
	if err != nil {
		return zero, err
	}
	tctx, cancel := context.WithTimeout(ctx, f.cfg.Timeout)
	defer cancel()
	page, err := do(tctx, u)
	if err == nil {
		return page, nil
	}
	var we *Error
	switch {
	case ctx.Err() != nil:
		return zero, fmt.Errorf("webpage: fetch %s: %w", u.Redacted(), ctx.Err())
	case errors.As(err, &we):
		return zero, we
	case errors.Is(err, context.DeadlineExceeded) || tctx.Err() != nil || isTimeout(err):
		return zero, newError(ErrTimeout, err, "timed out after %s", f.cfg.Timeout)
	default:
		return zero, newError(ErrUnreachable, err, "cannot reach %s: %s", u.Hostname(), shortCause(err))
	}
}

func (f *Fetcher) fetch(ctx context.Context, u *url.URL) (*Page, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, newError(ErrBadURL, err, "not a web address: %q", u.String())
	}
	req.Header.Set("User-Agent", f.cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	mediaType, header, body, err := f.readBody(resp, "an article", articleType)
	if err != nil {
		return nil, err
	}
	if mediaType == "" {
		mt, _, _ := mime.ParseMediaType(http.DetectContentType(body))
		mediaType = mt
		header = http.DetectContentType(body)
		if !articleType(mediaType) {
			return nil, newError(ErrNotArticle, nil, "not an article: content type %s", mediaType)
		}
	}
	return &Page{URL: resp.Request.URL, ContentType: mediaType, Body: toUTF8(body, header)}, nil
}

// readBody checks a response's status and content type (what it must be
// is said as what, e.g. "an article", and accepted by accept; a response
// without one is left to the caller) and reads its body up to the size cap.
func (f *Fetcher) readBody(resp *http.Response, what string, accept func(string) bool) (mediaType, header string, body []byte, err error) {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		e := newError(ErrHTTPStatus, nil, "HTTP %d", resp.StatusCode)
		e.Status = resp.StatusCode
		return "", "", nil, e
	}
	header = resp.Header.Get("Content-Type")
	if header != "" {
		mt, _, err := mime.ParseMediaType(header)
		if err != nil {
			return "", "", nil, newError(ErrNotArticle, err, "not %s: content type %q", what, header)
		}
		mediaType = strings.ToLower(mt)
		if !accept(mediaType) {
			return "", "", nil, newError(ErrNotArticle, nil, "not %s: content type %s", what, mediaType)
		}
	}
	if resp.ContentLength > f.cfg.MaxBytes {
		return "", "", nil, newError(ErrTooLarge, nil, "too large: over %s", sizeText(f.cfg.MaxBytes))
	}
	body, err = io.ReadAll(io.LimitReader(resp.Body, f.cfg.MaxBytes+1))
	if err != nil {
		return "", "", nil, err
	}
	if int64(len(body)) > f.cfg.MaxBytes {
		return "", "", nil, newError(ErrTooLarge, nil, "too large: over %s", sizeText(f.cfg.MaxBytes))
	}
	return mediaType, header, body, nil
}

func articleType(mediaType string) bool {
	switch mediaType {
	case "text/html", "application/xhtml+xml", "text/plain":
		return true
	}
	return false
}

// toUTF8 converts body to UTF-8 when its Content-Type or <meta> charset names
// another encoding; an undeclared body that is valid UTF-8 stays as it is.
// Bytes that are still not UTF-8 become U+FFFD.
func toUTF8(body []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || enc == nil || (!certain && utf8.Valid(body)) {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD"))
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// shortCause gives the innermost useful part of a transport error, without
// the "Get "…": dial tcp …:" chain.
func shortCause(err error) string {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		// Never dnsErr.Err as it is: it may name the resolver's address
		// ("read udp 127.0.0.1:41234->127.0.0.53:53: …"), which is the
		// server's business, not a moderator's.
		switch {
		case dnsErr.IsNotFound:
			return "no such host"
		case dnsErr.IsTimeout:
			return "the host name could not be looked up in time (DNS)"
		case dnsErr.IsTemporary:
			return "the host name could not be looked up just now (DNS); try again"
		}
		return "the host name could not be looked up (DNS)"
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Err != nil {
		return opErr.Err.Error()
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) && urlErr.Err != nil {
		return urlErr.Err.Error()
	}
	return err.Error()
}
