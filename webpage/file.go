package webpage

import (
	"bytes"
	"cmp"
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"summitbot/corpus"
)

// MaxFileBytes caps an uploaded article file.
const MaxFileBytes = 2 << 20

// File is an article file ready for the corpus folder.
type File struct {
	// Name is a plain file name (no folder) whose extension Parse reads.
	Name string
	Data []byte
}

// FromFile checks an uploaded article file and returns it ready for the
// corpus folder. A .md, .markdown or .txt file is kept as it is (it must be
// UTF-8, at most MaxFileBytes, with at least one paragraph); a Markdown file
// without front matter gets one derived from its content. An .html or .htm
// file goes through Extract and becomes Markdown. Any other kind is refused
// (ErrBadFile). The returned name is the article id of name with its
// extension, so it is always a plain file name.
func FromFile(name string, data []byte) (File, error) {
	return FromFileMax(name, data, MaxFileBytes)
}

// FromFileMax is FromFile with another size cap (MAX_ARTICLE_BYTES); max
// <= 0 means MaxFileBytes.
func FromFileMax(name string, data []byte, max int64) (File, error) {
	if max <= 0 {
		max = MaxFileBytes
	}
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := strings.ToLower(filepath.Ext(base))
	if int64(len(data)) > max {
		return File{}, newError(ErrTooLarge, nil, "too large: over %s", sizeText(max))
	}
	switch ext {
	case ".md", ".markdown", ".txt":
		text := bytes.TrimPrefix(data, []byte("\uFEFF"))
		if !utf8.Valid(text) {
			return File{}, newError(ErrBadFile, nil, "not UTF-8 text: save %s as UTF-8 and try again", base)
		}
		if ext == ".markdown" {
			ext = ".md"
		}
		f := File{Name: corpus.IDFromFile(base) + ext, Data: data}
		a := corpus.Parse(f.Name, f.Data)
		if len(a.Paragraphs) == 0 {
			return File{}, newError(ErrNotArticle, nil, "not an article: no paragraphs in %s", base)
		}
		if ext == ".md" && !hasFrontMatter(text) {
			f.Data = corpus.Format(corpus.MetaOf(a), corpus.BlocksOf(a))
		}
		return f, nil
	case ".html", ".htm", ".xhtml":
		x, err := Extract(data, nil)
		if err != nil {
			return File{}, err
		}
		f := x.File()
		if x.Meta.URL == "" {
			f.Name = corpus.IDFromFile(base) + ".md"
		}
		if len(corpus.Parse(f.Name, f.Data).Paragraphs) == 0 {
			return File{}, newError(ErrNotArticle, nil, "not an article: no paragraphs in %s", base)
		}
		return f, nil
	case "":
		return File{}, newError(ErrBadFile, nil, "not an article file: %s has no extension (use .md, .txt or .html)", base)
	default:
		return File{}, newError(ErrBadFile, nil, "not an article file: %s (use .md, .txt or .html)", ext)
	}
}

// hasFrontMatter reports whether text opens with a "---" block closed by
// another "---" line, as corpus.Parse reads it.
func hasFrontMatter(text []byte) bool {
	t := strings.ReplaceAll(string(text), "\r\n", "\n")
	t = strings.TrimLeft(t, "\n \t")
	return strings.HasPrefix(t, "---\n") && strings.Contains(t[len("---\n"):], "\n---")
}

// FromPage extracts the article from a fetched page: HTML through Extract,
// plain text as a corpus text file whose first line, when it reads as a
// title, is the title.
func FromPage(p *Page) (*Extracted, error) {
	switch p.ContentType {
	case "text/html", "application/xhtml+xml":
		return Extract(p.Body, p.URL)
	case "text/plain":
		return fromText(p.Body, p.URL)
	}
	return nil, newError(ErrNotArticle, nil, "not an article: content type %s", p.ContentType)
}

// FetchArticle fetches rawURL and extracts its article.
func (f *Fetcher) FetchArticle(ctx context.Context, rawURL string) (*Extracted, error) {
	p, err := f.Fetch(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	return FromPage(p)
}

func fromText(data []byte, pageURL *url.URL) (*Extracted, error) {
	text := strings.TrimPrefix(string(data), "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	x := &Extracted{}
	name := "page.txt"
	if pageURL != nil {
		x.Meta.URL = cleanURL(pageURL)
		x.Meta.Outlet = strings.TrimPrefix(strings.ToLower(pageURL.Hostname()), "www.")
		if slug := pathSlug(pageURL.Path); slug != "" {
			name = slug + ".txt"
		}
	}
	title := ""
	if !hasFrontMatter([]byte(text)) {
		// A first line standing alone and not ending as a sentence is the title.
		t := strings.TrimLeft(text, "\n \t")
		first, rest, _ := strings.Cut(t, "\n")
		first = strings.TrimSpace(first)
		if first != "" && len(first) <= 200 && strings.HasPrefix(rest, "\n") && strings.TrimSpace(rest) != "" &&
			!strings.ContainsAny(first[len(first)-1:], ".,;:") {
			title = first
			text = rest
		}
	}
	a := corpus.Parse(name, []byte(text))
	if len(a.Paragraphs) == 0 {
		return nil, newError(ErrNotArticle, nil, "not an article: no paragraphs in the text")
	}
	x.Meta.Title = cmp.Or(strings.TrimSpace(title), strings.TrimSpace(a.Title))
	x.Meta.Outlet = cmp.Or(strings.TrimSpace(a.Outlet), strings.TrimSpace(x.Meta.Outlet))
	x.Meta.URL = cmp.Or(strings.TrimSpace(x.Meta.URL), strings.TrimSpace(a.URL))
	x.Meta.Published = normaliseDate(a.Published)
	if x.Meta.Published == "" {
		x.Meta.Published = a.Published
	}
	x.settle(corpus.BlocksOf(a))
	if x.Paragraphs() == 0 {
		return nil, newError(ErrNotArticle, nil, "not an article: no paragraphs in the text")
	}
	return x, nil
}
