package webpage

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"net/netip"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/publicsuffix"

	"summitbot/corpus"
)

// Extracted is an article as extracted from a page or file, ready to be
// written in the corpus file format.
type Extracted struct {
	Meta corpus.Meta
	// Body holds the paragraphs and subheadings in order.
	Body []corpus.Block
}

// Markdown renders the article in the corpus file format (see corpus.Format).
func (x *Extracted) Markdown() []byte { return corpus.Format(x.Meta, x.Body) }

// Paragraphs counts the body's paragraphs (not its headings).
func (x *Extracted) Paragraphs() int {
	n := 0
	for _, b := range x.Body {
		if !b.Heading {
			n++
		}
	}
	return n
}

// FileName suggests the corpus file name for the article: the site's name
// and the last meaningful part of its URL (or its title), as an article id,
// with ".md". The same URL always gives the same name.
func (x *Extracted) FileName() string {
	slug := ""
	site := ""
	if u, err := url.Parse(x.Meta.URL); err == nil && u.Hostname() != "" {
		site = siteLabel(u.Hostname())
		slug = pathSlug(u.Path)
	}
	if slug == "" {
		slug = corpus.IDFromFile(x.Meta.Title + ".md")
	}
	if _, err := netip.ParseAddr(x.Meta.Outlet); site == "" && x.Meta.Outlet != "" && err != nil {
		site = corpus.IDFromFile(x.Meta.Outlet + ".md")
	}
	name := slug
	if site != "" && !strings.HasPrefix(slug, site+"-") && slug != site {
		name = site + "-" + slug
	}
	return clip(name, 80) + ".md"
}

// File returns the article as a corpus file.
func (x *Extracted) File() File { return File{Name: x.FileName(), Data: x.Markdown()} }

// siteLabel is the registrable part of a host name without its suffix:
// "www.bbc.co.uk" → "bbc".
func siteLabel(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if _, err := netip.ParseAddr(host); err == nil {
		return "" // an address names no site
	}
	if etld1, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		host = etld1
	}
	label, _, _ := strings.Cut(host, ".")
	return corpus.IDFromFile(label + ".md")
}

// pathSlug is the last part of a URL path that reads as words, or "".
func pathSlug(p string) string {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	for i := len(parts) - 1; i >= 0; i-- {
		part, err := url.PathUnescape(parts[i])
		if err != nil {
			part = parts[i]
		}
		if dot := strings.LastIndexByte(part, '.'); dot > 0 && len(part)-dot <= 6 {
			part = part[:dot]
		}
		id := corpus.IDFromFile(part + ".md")
		words := 0
		for _, w := range strings.Split(id, "-") {
			if len(w) >= 2 && strings.IndexFunc(w, unicode.IsLetter) >= 0 {
				words++
			}
		}
		if words >= 2 {
			return id
		}
	}
	return ""
}

// clip shortens an id to at most n bytes, at a hyphen when it can.
func clip(id string, n int) string {
	if len(id) <= n {
		return id
	}
	id = id[:n]
	if i := strings.LastIndexByte(id, '-'); i > n/2 {
		id = id[:i]
	}
	return strings.Trim(id, "-")
}

// Extract finds the article in an HTML page: its title, site name (outlet),
// publication date (YYYY-MM-DD when it can be read), and its paragraphs and
// subheadings, without captions, bylines, share buttons, related-links boxes
// and other furniture. pageURL, which may be nil, is where the page came
// from; it becomes the article's URL and resolves relative links. Without it
// the page's canonical URL is used. A page with no article text gives an
// error of kind ErrNotArticle.
func Extract(page []byte, pageURL *url.URL) (x *Extracted, err error) {
	defer func() {
		// The HTML comes from anywhere; a parser bug on it must not take the
		// bot down.
		if r := recover(); r != nil {
			x, err = nil, newError(ErrNotArticle, fmt.Errorf("panic: %v", r), "not an article: the page could not be read")
		}
	}()
	if !utf8.Valid(page) {
		page = toUTF8(page, "")
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, newError(ErrNotArticle, err, "not an article: cannot read the HTML: %v", err)
	}
	info := scanHead(doc)

	parser := readability.NewParser()
	parser.KeepClasses = true // the walk below uses class names to drop furniture
	art, err := parser.ParseDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return nil, newError(ErrNotArticle, err, "not an article: no article text found on the page")
	}

	x = &Extracted{}
	x.Meta.Title = flat(cmp.Or(strings.TrimSpace(art.Title()), strings.TrimSpace(info.title), strings.TrimSpace(info.htmlTitle)))
	x.Meta.Outlet = flat(cmp.Or(strings.TrimSpace(art.SiteName()), strings.TrimSpace(info.siteName), strings.TrimSpace(info.publisher)))
	switch {
	case pageURL != nil:
		x.Meta.URL = cleanURL(pageURL)
	case info.canonical != "":
		if u, err := url.Parse(info.canonical); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			x.Meta.URL = cleanURL(u)
		}
	}
	if x.Meta.Outlet == "" && x.Meta.URL != "" {
		if u, err := url.Parse(x.Meta.URL); err == nil {
			x.Meta.Outlet = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	x.Meta.Title = stripSiteName(stripSiteName(x.Meta.Title, x.Meta.Outlet), flat(art.Byline()))
	for _, raw := range info.dates {
		if d := normaliseDate(raw); d != "" {
			x.Meta.Published = d
			break
		}
	}
	if x.Meta.Published == "" {
		if t, err := art.PublishedTime(); err == nil && plausibleYear(t.Year()) {
			x.Meta.Published = t.Format(time.DateOnly)
		}
	}

	w := &walker{title: x.Meta.Title, byline: flat(art.Byline())}
	w.total = w.textLen(art.Node)
	w.walk(art.Node)
	if x.Meta.Published == "" {
		x.Meta.Published = w.published
	}
	if x.Meta.Title == "" {
		for _, b := range w.blocks {
			if !b.Heading {
				x.Meta.Title = clipWords(b.Text, 12)
				break
			}
		}
	}
	// The body is what corpus.Parse will read back from the saved file (a
	// short line without closing punctuation is a subheading there, some
	// boilerplate is dropped), so the counts shown to the moderator are the
	// ones the index will have.
	x.settle(trimHeadings(w.blocks))
	if x.Paragraphs() == 0 {
		return nil, newError(ErrNotArticle, nil, "not an article: no paragraphs found on the page")
	}
	return x, nil
}

// stripSiteName drops the site's name (or the author's) from a title such
// as "Talks end | Example News" or "Example News - Talks end".
func stripSiteName(title, site string) string {
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", " / ", ": "} {
		if len(title) > len(sep+site) && strings.EqualFold(title[len(title)-len(sep+site):], sep+site) {
			return strings.TrimSpace(title[:len(title)-len(sep+site)])
		}
		if sep != ": " && len(title) > len(site+sep) && strings.EqualFold(title[:len(site+sep)], site+sep) {
			return strings.TrimSpace(title[len(site+sep):])
		}
	}
	return title
}

// settle sets the article's body to body as corpus.Parse will read it back
// from the saved file, and flattens the meta the same way, so that what
// Extracted holds is what the index gets.
func (x *Extracted) settle(body []corpus.Block) {
	a := corpus.Parse("article.md", corpus.Format(x.Meta, body))
	x.Meta = corpus.MetaOf(a)
	x.Body = corpus.BlocksOf(a)
}

// cleanURL drops the fragment and utm_* tracking parameters.
func cleanURL(u *url.URL) string {
	v := *u
	v.Fragment = ""
	v.RawFragment = ""
	if v.RawQuery != "" {
		q := v.Query()
		changed := false
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
				changed = true
			}
		}
		if changed {
			v.RawQuery = q.Encode()
		}
	}
	return v.String()
}

// headInfo is what the page says about itself outside the article text.
type headInfo struct {
	title, htmlTitle, siteName, publisher, canonical string
	// dates are publication-date candidates, best first.
	dates []string
}

var dateMetaNames = []string{
	"article:published_time", "og:published_time", "datepublished",
	"pubdate", "publishdate", "publish-date", "publish_date", "date",
	"dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
	"sailthru.date", "parsely-pub-date", "article.published", "displaydate",
}

func scanHead(doc *html.Node) headInfo {
	var info headInfo
	meta := map[string]string{}
	var jsonLDDates []string
	var timeDates []string
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				for _, key := range []string{"property", "name", "itemprop"} {
					if k := strings.ToLower(strings.TrimSpace(attr(n, key))); k != "" && content != "" {
						if _, seen := meta[k]; !seen {
							meta[k] = content
						}
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && info.canonical == "" {
					info.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Title:
				if info.htmlTitle == "" {
					info.htmlTitle = textOf(n)
				}
			case atom.Time:
				if d := strings.TrimSpace(attr(n, "datetime")); d != "" {
					if strings.EqualFold(attr(n, "itemprop"), "datePublished") || strings.Contains(strings.ToLower(attr(n, "class")), "publish") {
						timeDates = append([]string{d}, timeDates...)
					} else {
						timeDates = append(timeDates, d)
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					var v any
					if json.Unmarshal([]byte(n.FirstChild.Data), &v) == nil {
						if d := findJSONString(v, "datePublished", 0); d != "" {
							jsonLDDates = append(jsonLDDates, d)
						}
						if info.publisher == "" {
							info.publisher = findPublisherName(v, 0)
						}
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	info.title = cmp.Or(strings.TrimSpace(meta["og:title"]), strings.TrimSpace(meta["twitter:title"]))
	info.siteName = cmp.Or(strings.TrimSpace(meta["og:site_name"]), strings.TrimSpace(meta["application-name"]))
	info.dates = append(info.dates, jsonLDDates...)
	for _, k := range dateMetaNames {
		if v := meta[k]; v != "" {
			info.dates = append(info.dates, v)
		}
	}
	info.dates = append(info.dates, timeDates...)
	return info
}

// findJSONString finds the first string value under key anywhere in a
// decoded JSON-LD value (objects, arrays, @graph).
func findJSONString(v any, key string, depth int) string {
	if depth > 8 {
		return ""
	}
	switch t := v.(type) {
	case map[string]any:
		if s, ok := t[key].(string); ok && strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
		for _, c := range t {
			if s := findJSONString(c, key, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, c := range t {
			if s := findJSONString(c, key, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

func findPublisherName(v any, depth int) string {
	if depth > 8 {
		return ""
	}
	switch t := v.(type) {
	case map[string]any:
		if p, ok := t["publisher"].(map[string]any); ok {
			if s, ok := p["name"].(string); ok && strings.TrimSpace(s) != "" {
				return strings.TrimSpace(s)
			}
		}
		for _, c := range t {
			if s := findPublisherName(c, depth+1); s != "" {
				return s
			}
		}
	case []any:
		for _, c := range t {
			if s := findPublisherName(c, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

var isoDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(?:$|[T\s])`)

// normaliseDate reads a publication date as YYYY-MM-DD. An ISO date keeps
// the day as the publisher wrote it (no time-zone shift). An unreadable or
// ambiguous date (08/09/2025) gives "".
func normaliseDate(raw string) string {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > 64 {
		return ""
	}
	if m := isoDate.FindStringSubmatch(raw); m != nil {
		if t, err := time.Parse(time.DateOnly, m[1]); err == nil && plausibleYear(t.Year()) {
			return m[1]
		}
		return ""
	}
	t, err := dateparse.ParseStrict(raw)
	if err != nil || !plausibleYear(t.Year()) {
		return ""
	}
	return t.Format(time.DateOnly)
}

func plausibleYear(y int) bool { return y >= 1900 && y <= 2200 }

// walker turns readability's article tree into blocks.
type walker struct {
	title, byline string
	blocks        []corpus.Block
	// skipIn is set after a "Related"/"Read more" heading to the heading's
	// container: what follows, up to the next heading or the container's
	// end, belongs to that box.
	skipIn *html.Node
	// published is the date of a visible "Published 13 June 2031" line.
	published string
	// total is the article's length in words; sizes caches elements'.
	total int
	sizes map[*html.Node]int
}

// blockTags are the elements that start a new block of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Pre: true, atom.Table: true, atom.Figure: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Hr: true,
	atom.Form: true, atom.Details: true, atom.Address: true,
}

// hardDropTags never hold article text.
var hardDropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Figure: true, atom.Figcaption: true, atom.Picture: true, atom.Img: true,
	atom.Svg: true, atom.Math: true, atom.Video: true, atom.Audio: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Input: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
}

// softDropTags usually hold page furniture, but some sites lay the whole
// page out in them (a <table>, an ASP.NET <form>).
var softDropTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Header: true,
	atom.Table: true, atom.Address: true, atom.Dialog: true, atom.Menu: true,
	atom.Form: true,
}

func (w *walker) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			w.element(c)
			c = c.NextSibling
			continue
		}
		// A run of inline content between blocks is one paragraph.
		var run []*html.Node
		for ; c != nil && !(c.Type == html.ElementNode && blockTags[c.DataAtom]); c = c.NextSibling {
			run = append(run, c)
		}
		w.paragraph(run...)
	}
	if w.skipIn == n {
		w.skipIn = nil // the box ends with its container
	}
}

func (w *walker) element(n *html.Node) {
	if w.drop(n) {
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		text := flat(textOf(n))
		switch {
		case text == "" || !hasLetterOrDigit(text):
		case sameText(text, w.title):
		case boxHeading.MatchString(text):
			w.skipIn = n.Parent
		default:
			w.skipIn = nil
			w.blocks = append(w.blocks, corpus.Block{Heading: true, Text: text})
		}
		return
	case atom.Hr:
		return
	}
	if hasBlockChild(n) {
		w.walk(n)
		return
	}
	w.paragraph(n)
}

// paragraph adds the text of nodes as one paragraph, unless it is furniture.
func (w *walker) paragraph(nodes ...*html.Node) {
	var all, linked strings.Builder
	for _, c := range nodes {
		w.collectText(c, &all, &linked, false)
	}
	text := flat(all.String())
	if text == "" || !hasLetterOrDigit(text) {
		return
	}
	runes := utf8.RuneCountInString(text)
	linkRunes := utf8.RuneCountInString(flat(linked.String()))
	if float64(linkRunes) >= 0.8*float64(runes) {
		return // a link, or a list of links: navigation or a related box
	}
	if w.skipIn != nil {
		// Inside a "Related"/"Read more" box, teasers are short or carry
		// links; a long plain paragraph means the article has resumed.
		if len(strings.Fields(text)) < 25 || linkRunes > 0 {
			return
		}
		w.skipIn = nil
	}
	if w.furniture(text) {
		if m := publishedLine.FindStringSubmatch(text); m != nil && w.published == "" {
			w.published = normaliseDate(m[1])
		}
		return
	}
	if len(nodes) == 1 && nodes[0].Type == html.ElementNode && nodes[0].DataAtom == atom.Li && readAsHeading(text) {
		// A short list item without closing punctuation would be read back
		// as a subheading; it is an item of the story, so close it.
		text += "."
	}
	w.blocks = append(w.blocks, corpus.Block{Text: text})
}

// readAsHeading reports whether corpus.Parse would read a paragraph of text
// as a subheading (short, no closing punctuation).
func readAsHeading(text string) bool {
	a := corpus.Parse("block.md", corpus.Format(corpus.Meta{Title: "-"}, []corpus.Block{{Text: text}, {Text: "Body."}}))
	return len(a.Paragraphs) == 1 && a.Paragraphs[0].Section != ""
}

func (w *walker) furniture(text string) bool {
	words := len(strings.Fields(text))
	switch {
	case sameText(text, w.title):
		return true
	case w.byline != "" && (sameText(text, w.byline) || words <= 16 && (hasPrefixFold(text, w.byline) || hasPrefixFold(text, "By "+w.byline))):
		return true
	case words <= 14 && bylineLine.MatchString(text):
		return true
	case words <= 15 && boxLine.MatchString(text):
		return true
	case boxLead.MatchString(text):
		return true
	case words <= 40 && captionLine.MatchString(text):
		return true
	case words <= 8 && (creditLine.MatchString(text) || shareLine.MatchString(text)):
		return true
	case words <= 8 && stampLine.MatchString(text):
		return true
	case words <= 6 && normaliseDate(strings.TrimSuffix(text, ".")) != "":
		return true // a lone date line
	}
	return false
}

var (
	// boxHeading names a related-links or promotion box.
	boxHeading = regexp.MustCompile(`(?i)^(?:related(?: (?:articles?|stories|content|coverage|links|reading|news|topics))?|read (?:more|also|next)|also read|more (?:on this (?:story|topic)|from|stories|news|like this)|see also|recommended(?: for you)?|most (?:read|popular|viewed)|trending(?: now)?|you (?:may|might) also like|editor'?s picks|don'?t miss|top stories|latest (?:news|stories)|(?:sign up|subscribe)(?: to| for)?.*|(?:get )?our (?:\w+ )?newsletter|share (?:this|on)\b.*|follow us.*|tags|topics|comments?)\W*$`)
	// boxLine is a short line of a related or promotion box.
	boxLine = regexp.MustCompile(`(?i)^(?:related|read more|read also|also read|read next|more on|more from|see also|recommended|watch|listen|advertisement|sponsored|subscribe|sign up|follow us|click here|don'?t miss|most read|trending|continue reading|skip advertisement|story continues below|article continues)\b`)
	// boxLead is a "Read more: …" line of any length.
	boxLead = regexp.MustCompile(`(?i)^(?:read more|also read|read also|related|see also|more|watch|listen)\s*[:|»›>–—-]\s`)
	// bylineLine is "By Jane Doe", "By Jane Doe and John Roe, Reuters".
	bylineLine = regexp.MustCompile(`^(?:By|BY|Words by|Written by|Reporting by|Story by)\s+\p{Lu}[\p{L}'’.\-]*(?:\s*[,&|]?\s*(?:\p{Lu}[\p{L}'’.\-]*|@\w+|and|in|for|of|the|with))*\s*$`)
	// captionLine is a photo caption or credit.
	captionLine = regexp.MustCompile(`(?i)(?:^(?:photo|image|picture|video|illustration|graphic|file photo|pictured|above|top|main image)\s*(?:credit|courtesy)?\s*[:|/–—]\s)|(?:\(\s*(?:[\w.]+\s+)*(?:photo|image|picture)s?\b[^()]*\)\s*$)|(?:\b(?:photo|image)\s*(?:credit|courtesy|by)\s*:)`)
	// creditLine is a bare agency credit: "Andrew Harnik / Getty Images".
	creditLine = regexp.MustCompile(`(?i)(?:getty images|via getty|/\s*(?:afp|ap|reuters|epa|efe|anadolu|sputnik|tass|ria novosti|bloomberg|shutterstock|alamy|pool)\b)`)
	// shareLine is a share or tool button's text.
	shareLine = regexp.MustCompile(`(?i)^(?:share|tweet|copy link|link copied|email|e-mail|print|save|bookmark|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|flipboard|comments?|\d+\s+comments?|listen(?: to (?:this )?article)?|gift (?:this )?article)\b`)
	// stampLine is a "Published 15 August 2025" or "Updated 3:45 PM" line.
	stampLine = regexp.MustCompile(`(?i)^(?:published|updated|posted|last updated|first published|modified)\b`)
	// publishedLine is a stamp line giving the publication date.
	publishedLine = regexp.MustCompile(`(?i)^(?:first )?(?:published|posted)(?: on)?\s*:?\s*(.+?)\s*$`)
)

// drop reports whether n is furniture to leave out. Hidden elements and
// tags that never hold article text always go; elements marked as furniture
// by their tag, role, class or id go only when they hold a small part of
// the article's text, since sites also put the whole story in a
// "newsletter-post" or a collapsed "read-more" box.
func (w *walker) drop(n *html.Node) bool {
	if hardDropTags[n.DataAtom] {
		return true
	}
	if _, hidden := attrOK(n, "hidden"); hidden {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	style := strings.ToLower(strings.ReplaceAll(attr(n, "style"), " ", ""))
	if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
		return true
	}
	marked := softDropTags[n.DataAtom]
	switch strings.ToLower(attr(n, "role")) {
	case "navigation", "complementary", "banner", "contentinfo", "button", "dialog", "alert", "toolbar", "figure", "img":
		marked = true
	}
	if !marked {
		marked = furnitureClass(attr(n, "class") + " " + attr(n, "id") + " " + attr(n, "data-component") + " " + attr(n, "itemprop"))
	}
	return marked && w.small(n)
}

// small reports whether n holds less than a third of the article's text.
func (w *walker) small(n *html.Node) bool {
	return 3*w.textLen(n) < w.total
}

func (w *walker) textLen(n *html.Node) int {
	if v, ok := w.sizes[n]; ok {
		return v
	}
	v := len(strings.Fields(textOf(n)))
	if w.sizes == nil {
		w.sizes = map[*html.Node]int{}
	}
	w.sizes[n] = v
	return v
}

var (
	// furnitureWords are class/id tokens that mark page furniture.
	furnitureWords = map[string]bool{
		"ad": true, "ads": true, "advert": true, "byline": true, "author": true,
		"authors": true, "caption": true, "credit": true, "credits": true,
		"share": true, "sharing": true, "social": true, "related": true,
		"newsletter": true, "promo": true, "sponsor": true, "sponsored": true,
		"tags": true, "tag": true, "breadcrumb": true, "breadcrumbs": true,
		"comments": true, "comment": true, "subscribe": true, "signup": true,
		"paywall": true, "recommended": true, "recirculation": true, "outbrain": true,
		"taboola": true, "toolbar": true, "tools": true, "timestamp": true,
		"meta": true, "print": true, "bio": true, "pullquote": true, "button": true,
		"disclaimer": true, "readmore": true, "trending": true, "popular": true,
	}
	// furniturePhrases are class/id substrings that mark page furniture.
	furniturePhrases = []string{
		"read-more", "readmore", "read_more", "more-stories", "more-from", "most-read",
		"mostread", "most-popular", "also-read", "see-also", "related", "byline",
		"caption", "newsletter", "advert", "sponsor", "share-", "-share", "social",
		"promo", "recommend", "subscribe", "sign-up", "signup", "breadcrumb",
		"author-", "-author", "visually-hidden", "sr-only", "screen-reader",
		"pull-quote", "pullquote",
	}
)

func furnitureClass(s string) bool {
	s = strings.ToLower(s)
	if strings.TrimSpace(s) == "" {
		return false
	}
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if furnitureWords[tok] {
			return true
		}
	}
	for _, p := range furniturePhrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return true
		}
	}
	return false
}

// collectText appends n's visible text to all, and the part inside links to
// linked too.
func (w *walker) collectText(n *html.Node, all, linked *strings.Builder, inLink bool) {
	switch n.Type {
	case html.TextNode:
		all.WriteString(n.Data)
		if inLink {
			linked.WriteString(n.Data)
		}
		return
	case html.ElementNode:
		if w.drop(n) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			all.WriteByte(' ')
			return
		case atom.A:
			inLink = true
		}
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.collectText(c, all, linked, inLink)
	}
	if n.Type == html.ElementNode && blockTags[n.DataAtom] {
		all.WriteByte(' ')
	}
}

// textOf is n's text, whatever it is.
func textOf(n *html.Node) string {
	var b strings.Builder
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return b.String()
}

// trimHeadings drops headings with no paragraph after them before the next
// heading or the end.
func trimHeadings(blocks []corpus.Block) []corpus.Block {
	out := blocks[:0:0]
	for i, b := range blocks {
		if b.Heading && (i+1 == len(blocks) || blocks[i+1].Heading) {
			continue
		}
		out = append(out, b)
	}
	return out
}

func attr(n *html.Node, key string) string {
	v, _ := attrOK(n, key)
	return v
}

func attrOK(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val, true
		}
	}
	return "", false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func sameText(a, b string) bool {
	return a != "" && b != "" && strings.EqualFold(flat(a), flat(b))
}

func hasLetterOrDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

func clipWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}
