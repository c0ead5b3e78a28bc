// Package webpage fetches article pages safely and extracts the article from
// them, or from an uploaded file, in the corpus file format.
//
// A Fetcher only speaks http and https, only accepts HTML or plain text, caps
// the body size, the number of redirects and the time taken, and refuses to
// connect to loopback, private, link-local and other special addresses. The
// address check runs when connecting (in the dialer), after DNS resolution,
// so a name that resolves to such an address, a DNS rebinding or a redirect to
// one is refused too. Every failure is an *Error whose message is a one-line
// reason such as "refused: 127.0.0.1 is a loopback address".
//
// Extract turns an HTML page into an Extracted article (title, outlet, date,
// paragraphs and subheadings) with a readability library, dropping captions,
// bylines, share buttons and related-links boxes; FromFile does the same for
// an uploaded .md, .txt or .html file.
package webpage
