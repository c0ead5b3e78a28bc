package webpage

import (
	"errors"
	"fmt"
	"net/netip"
)

// Kinds of failure, checked with errors.Is on any error this package returns.
var (
	// ErrRefused: the link or an address it leads to is not allowed (scheme,
	// loopback/private/special address, credentials in the link).
	ErrRefused = errors.New("refused")
	// ErrBadURL: the link is not a usable web address.
	ErrBadURL = errors.New("bad link")
	// ErrTooLarge: the page or file is over the size cap.
	ErrTooLarge = errors.New("too large")
	// ErrNotArticle: the content type is not HTML or text, or no article text
	// was found in it.
	ErrNotArticle = errors.New("not an article")
	// ErrTimeout: the fetch took longer than the timeout.
	ErrTimeout = errors.New("timed out")
	// ErrHTTPStatus: the server answered with a status other than 2xx.
	ErrHTTPStatus = errors.New("HTTP error")
	// ErrTooManyRedirects: the page redirected more often than allowed.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnreachable: the server could not be reached or the transfer failed.
	ErrUnreachable = errors.New("unreachable")
	// ErrBadFile: an uploaded file is of an unsupported kind or not UTF-8 text.
	ErrBadFile = errors.New("bad file")
)

// Error is a failed fetch or extraction. Its message is a one-line reason
// fit to show a moderator, e.g. "refused: 10.0.0.1 is a private address",
// "too large: over 5 MiB", "not an article: content type image/png",
// "timed out after 10s" or "HTTP 404".
type Error struct {
	// Kind is one of the Err* values above.
	Kind error
	// Reason is the one-line message.
	Reason string
	// Status is the HTTP status code for ErrHTTPStatus, else 0.
	Status int
	// Err is the underlying cause, if any.
	Err error
}

func (e *Error) Error() string { return e.Reason }

// Unwrap lets errors.Is match both the kind and the cause.
func (e *Error) Unwrap() []error {
	out := make([]error, 0, 2)
	if e.Kind != nil {
		out = append(out, e.Kind)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

func newError(kind error, cause error, format string, args ...any) *Error {
	return &Error{Kind: kind, Reason: fmt.Sprintf(format, args...), Err: cause}
}

// describeAddr says what sort of special address ip is.
func describeAddr(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case ip.IsLoopback():
		return "a loopback address"
	case ip.IsPrivate():
		return "a private address"
	case ip.IsLinkLocalUnicast():
		return "a link-local address"
	case ip.IsMulticast():
		return "a multicast address"
	case ip.IsUnspecified():
		return "an unspecified address"
	case ip.Is4() && cgnat.Contains(ip):
		return "a shared (carrier-grade NAT) address"
	default:
		return "a special-purpose address"
	}
}

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// sizeText writes a byte count the way a person reads it: "5 MiB", "700 KiB",
// "300 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
