package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/itlightning/dateparse"
	"golang.org/x/net/html/charset"
)

// Document is a parsed feed: its title and its first entries in document
// order (feeds list the newest first).
type Document struct {
	Title   string
	Entries []Entry
}

// Entry is one item of a feed.
type Entry struct {
	Title string
	// Link is the article's address, resolved against the feed's.
	Link string
	// Summary is the description or summary as plain text.
	Summary string
	// Published is when the feed says the item was published (zero when
	// it does not say, or not readably).
	Published time.Time
}

// Namespaces the parser reads elements from. RSS 2.0 has none; RSS 1.0
// and Atom have their own, and sloppy Atom feeds leave theirs out.
const (
	nsAtom    = "http://www.w3.org/2005/Atom"
	nsRSS1    = "http://purl.org/rss/1.0/"
	nsContent = "http://purl.org/rss/1.0/modules/content/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

// Parse reads an RSS 2.0 (or 0.9x), RSS 1.0 (RDF) or Atom 1.0 feed and
// returns at most max entries (all when max <= 0). It stops reading once it
// has them, so a huge feed costs no more than its first entries. base is
// the feed's address, against which relative links are resolved; it may be
// nil. A document that is not a feed gives an error matching ErrNotFeed.
func Parse(data []byte, base *url.URL, max int) (*Document, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	root, err := firstElement(d)
	if err != nil {
		return nil, err
	}
	p := parser{d: d, base: base, max: max}
	switch root.Name.Local {
	case "rss", "RDF":
		err = p.rss(root)
	case "feed":
		p.atom = true
		err = p.feed(root)
	default:
		return nil, fmt.Errorf("%w: the document is <%s>, not <rss> or <feed>", ErrNotFeed, root.Name.Local)
	}
	if err != nil && !errors.Is(err, errEnough) {
		if len(p.doc.Entries) == 0 {
			return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
		}
		// A feed broken after some entries still gives those.
	}
	return &p.doc, nil
}

// errEnough stops the parse once max entries are read.
var errEnough = errors.New("feed: enough entries")

func firstElement(d *xml.Decoder) (xml.StartElement, error) {
	for {
		tok, err := d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return xml.StartElement{}, fmt.Errorf("%w: no XML element in the document", ErrNotFeed)
			}
			return xml.StartElement{}, fmt.Errorf("%w: %v", ErrNotFeed, err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

type parser struct {
	d    *xml.Decoder
	base *url.URL
	max  int
	atom bool
	doc  Document
}

// ours reports whether an element belongs to the feed's vocabulary (and not
// to an extension such as media: or itunes:).
func (p *parser) ours(n xml.Name) bool {
	if p.atom {
		return n.Space == "" || n.Space == nsAtom
	}
	return n.Space == "" || n.Space == nsRSS1
}

// rss walks an RSS document: the channel's title and every item, wherever
// it is (inside <channel> in RSS 2.0, beside it in RSS 1.0).
func (p *parser) rss(root xml.StartElement) error {
	return p.walk(root, "item", p.rssItem, func(parent string, depth int) bool { return parent == "channel" })
}

// feed walks an Atom document: the feed's title and every entry.
func (p *parser) feed(root xml.StartElement) error {
	return p.walk(root, "entry", p.atomEntry, func(_ string, depth int) bool { return depth == 1 })
}

// walk reads the elements below root: every element named entry (in the
// feed's own vocabulary) is read whole by readEntry, and the document's
// title is the first title element whose place isTitle accepts (parent is
// the enclosing element's name, depth 1 the root's children).
func (p *parser) walk(root xml.StartElement, entry string, readEntry func() (Entry, error), isTitle func(parent string, depth int) bool) error {
	open := []string{root.Name.Local}
	for len(open) > 0 {
		tok, err := p.d.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == entry && p.ours(t.Name):
				e, err := readEntry()
				if err != nil {
					return err
				}
				if err := p.add(e); err != nil {
					return err
				}
				continue
			case t.Name.Local == "title" && p.ours(t.Name) && p.doc.Title == "" && isTitle(open[len(open)-1], len(open)):
				s, err := p.text()
				if err != nil {
					return err
				}
				p.doc.Title = plain(s)
				continue
			}
			open = append(open, t.Name.Local)
		case xml.EndElement:
			open = open[:len(open)-1]
		}
	}
	return nil
}

func (p *parser) add(e Entry) error {
	p.doc.Entries = append(p.doc.Entries, e)
	if p.max > 0 && len(p.doc.Entries) >= p.max {
		return errEnough
	}
	return nil
}

// rssItem reads an <item> after its start tag.
func (p *parser) rssItem() (Entry, error) {
	var e Entry
	var guid, content, atomLink string
	for {
		tok, err := p.d.Token()
		if err != nil {
			return e, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if e.Link == "" {
				e.Link = orElse(guid, atomLink)
			}
			if e.Summary == "" {
				e.Summary = content
			}
			e.Link = p.resolve(e.Link)
			e.Summary = clipText(plain(e.Summary), maxSummary)
			return e, nil
		case xml.StartElement:
			s, err := p.text()
			if err != nil {
				return e, err
			}
			switch {
			case t.Name.Space == nsContent && t.Name.Local == "encoded":
				content = s
			case t.Name.Space == nsDC && t.Name.Local == "date" && e.Published.IsZero():
				e.Published = parseDate(s)
			case t.Name.Space == nsAtom && t.Name.Local == "link":
				if rel := attrValue(t, "rel"); rel == "" || rel == "alternate" {
					atomLink = attrValue(t, "href")
				}
			case !p.ours(t.Name):
			case t.Name.Local == "title":
				e.Title = plain(s)
			case t.Name.Local == "link":
				e.Link = strings.TrimSpace(s)
			case t.Name.Local == "guid":
				if !strings.EqualFold(attrValue(t, "isPermaLink"), "false") && looksLikeLink(s) {
					guid = strings.TrimSpace(s)
				}
			case t.Name.Local == "description":
				e.Summary = s
			case t.Name.Local == "pubDate":
				e.Published = parseDate(s)
			}
		}
	}
}

// atomEntry reads an <entry> after its start tag.
func (p *parser) atomEntry() (Entry, error) {
	var e Entry
	var content, updated, other string
	for {
		tok, err := p.d.Token()
		if err != nil {
			return e, err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if e.Link == "" {
				e.Link = other
			}
			if e.Summary == "" {
				e.Summary = content
			}
			if e.Published.IsZero() {
				e.Published = parseDate(updated)
			}
			e.Link = p.resolve(e.Link)
			e.Summary = clipText(plain(e.Summary), maxSummary)
			return e, nil
		case xml.StartElement:
			if !p.ours(t.Name) {
				if err := p.d.Skip(); err != nil {
					return e, err
				}
				continue
			}
			if t.Name.Local == "link" {
				href := attrValue(t, "href")
				switch rel := attrValue(t, "rel"); {
				case rel == "" || rel == "alternate":
					if e.Link == "" || attrValue(t, "type") == "text/html" {
						e.Link = href
					}
				case rel != "self" && rel != "enclosure" && rel != "replies" && other == "":
					other = href
				}
				if err := p.d.Skip(); err != nil {
					return e, err
				}
				continue
			}
			s, err := p.text()
			if err != nil {
				return e, err
			}
			switch t.Name.Local {
			case "title":
				e.Title = plain(s)
			case "summary":
				e.Summary = s
			case "content":
				content = s
			case "published", "issued":
				e.Published = parseDate(s)
			case "updated", "modified":
				updated = s
			}
		}
	}
}

// maxText bounds the text read from one element: a summary is clipped far
// below it, and a feed's whole body is capped by the fetcher anyway.
const maxText = 256 << 10

// text reads an element's text after its start tag, nested elements'
// text included (Atom's type="xhtml"), up to its end tag.
func (p *parser) text() (string, error) {
	var b strings.Builder
	depth := 1
	for depth > 0 {
		tok, err := p.d.Token()
		if err != nil {
			return b.String(), err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if b.Len() < maxText {
				b.Write(t)
			}
		case xml.StartElement:
			depth++
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), nil
}

// resolve makes a link absolute against the feed's address.
func (p *parser) resolve(link string) string {
	link = strings.TrimSpace(link)
	if link == "" || p.base == nil {
		return link
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	return p.base.ResolveReference(u).String()
}

func attrValue(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

func looksLikeLink(s string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// maxSummary bounds an entry's summary, in bytes.
const maxSummary = 600

var tags = regexp.MustCompile(`(?s)<[^>]*>`)

// plain turns a feed's text, which is often escaped HTML, into one line of
// plain text.
func plain(s string) string {
	if strings.ContainsRune(s, '<') {
		s = tags.ReplaceAllString(s, " ")
	}
	s = html.UnescapeString(s)
	return strings.Join(strings.Fields(s), " ")
}

// clipText cuts s to at most n bytes at a word boundary, with "…".
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
	}
	return strings.TrimSpace(s[:cut]) + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// dateLayouts are the forms feeds write dates in, most common first.
var dateLayouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC3339, time.RFC3339Nano,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700", "Mon, 02 Jan 2006 15:04 -0700",
}

func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC()
		}
	}
	if t, err := dateparse.ParseAny(s); err == nil {
		return t.UTC()
	}
	return time.Time{}
}
