package corpus

import (
	"regexp"
	"strings"
)

// Meta is an article's front matter: what Parse reads into Article's
// Title, Outlet, URL and Published.
type Meta struct {
	Title     string
	Outlet    string
	URL       string
	Published string // YYYY-MM-DD when known
}

// Block is one piece of an article's body: a paragraph, or a subheading when
// Heading is set.
type Block struct {
	Heading bool
	Text    string
}

// Format renders an article in the corpus file format, to be saved under a
// ".md" name so that Parse reads it as Markdown: a front-matter block
// (title, outlet, url, published), then the body, one paragraph per line with
// a blank line between paragraphs and each subheading as a "## Heading" line.
// Whitespace runs (newlines included) in values and texts become single
// spaces; empty blocks are dropped. A value that Parse would unwrap because it
// starts and ends with the same quote mark is wrapped in one more pair.
// A paragraph's leading Markdown markers (a heading's #, >, a list bullet or
// number, a code fence) are dropped, since Parse would otherwise read it as
// something else; the rest of the text is written as it is.
//
// Parse reads the result back with the same meta and blocks, with two
// exceptions that come from how Parse reads any file: a short paragraph
// shaped like a heading (no closing punctuation) is read as a heading, and a
// boilerplate line ("Read more: …") is dropped.
func Format(m Meta, body []Block) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	for _, kv := range [...][2]string{
		{"title", m.Title},
		{"outlet", m.Outlet},
		{"url", m.URL},
		{"published", m.Published},
	} {
		b.WriteString(kv[0])
		b.WriteByte(':')
		if v := frontMatterValue(kv[1]); v != "" {
			b.WriteByte(' ')
			b.WriteString(v)
		}
		b.WriteByte('\n')
	}
	b.WriteString("---\n")
	first := true
	for _, blk := range body {
		text := flatten(blk.Text)
		if blk.Heading {
			text = headingText(text)
		} else {
			text = paragraphText(text)
		}
		if text == "" {
			continue
		}
		if !first {
			b.WriteByte('\n')
		}
		first = false
		if blk.Heading {
			b.WriteString("## ")
		}
		b.WriteString(text)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// MetaOf returns an article's front matter.
func MetaOf(a *Article) Meta {
	return Meta{Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published}
}

// BlocksOf returns an article's paragraphs as blocks, with a heading block
// wherever the section changes, so that Format(MetaOf(a), BlocksOf(a))
// writes the article as Parse read it.
func BlocksOf(a *Article) []Block {
	out := make([]Block, 0, len(a.Paragraphs)+4)
	section := ""
	for _, p := range a.Paragraphs {
		if p.Section != section && p.Section != "" {
			out = append(out, Block{Heading: true, Text: p.Section})
		}
		section = p.Section
		out = append(out, Block{Text: p.Text})
	}
	return out
}

func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

func frontMatterValue(v string) string {
	v = flatten(v)
	if len(v) >= 2 {
		first, last := v[0], v[len(v)-1]
		if (first == '"' || first == '\'') && first == last {
			return string(first) + v + string(first)
		}
	}
	return v
}

var (
	// leadingMarker matches what Parse's Markdown reading would take as
	// structure at the start of a paragraph line.
	leadingMarker = regexp.MustCompile(`^(?:#{1,6}(?:\s+|$)|>+\s*|(?:[-*+]|\d+[.)])\s+|` + "```+" + `\s*)`)
)

func paragraphText(s string) string {
	for {
		loc := leadingMarker.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = strings.TrimSpace(s[loc[1]:])
	}
	if s == "---" || s == "***" || s == "___" {
		return ""
	}
	return s
}

// headingText guards a heading that ends in "#": Parse drops a closing run
// of #s, so one is added for it to drop.
func headingText(s string) string {
	if strings.HasSuffix(s, "#") {
		return s + " #"
	}
	return s
}
