package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parse reads one article file's content. name is the file name, whose
// extension picks the format: ".md" or ".markdown" is Markdown with an optional
// front-matter block, anything else is plain text. Parse reads the layout
// only (front matter, title, headings, paragraphs); package quote finds the
// quotes in the paragraphs.
func Parse(name string, data []byte) *Article {
	text := string(data)
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")

	sum := sha256.Sum256(data)
	a := &Article{
		ID:   IDFromFile(name),
		File: filepath.Base(name),
		Sum:  hex.EncodeToString(sum[:]),
	}
	ext := strings.ToLower(filepath.Ext(name))
	markdown := ext == ".md" || ext == ".markdown"
	body := text
	if fm, rest, ok := splitFrontMatter(text); ok {
		for key, value := range fm {
			switch key {
			case "title":
				a.Title = value
			case "outlet", "source", "site", "publisher":
				if a.Outlet == "" || key == "outlet" {
					a.Outlet = value
				}
			case "url", "link":
				if a.URL == "" || key == "url" {
					a.URL = value
				}
			case "published", "date":
				if a.Published == "" || key == "published" {
					a.Published = value
				}
			}
		}
		body = rest
	}
	blocks := splitBlocks(body, markdown)
	n := 0
	section := ""
	for i, b := range blocks {
		if b.heading {
			// A Markdown "# Title" before any paragraph is the title, not a section.
			if n == 0 && a.Title == "" && b.level == 1 {
				a.Title = b.text
				continue
			}
			section = b.text
			continue
		}
		if i == 0 && a.Title == "" {
			if lead, ok := leadOf(b.text); ok {
				a.Title = lead
			}
		}
		n++
		a.Paragraphs = append(a.Paragraphs, Paragraph{N: n, Section: section, Text: b.text})
	}
	if a.Title == "" {
		a.Title = titleFromFile(name)
	}
	return a
}

// block is one blank-line-separated piece of the body.
type block struct {
	text    string
	heading bool
	level   int // Markdown heading level; 0 for a heading found by its shape
}

var (
	mdHeading   = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdImage     = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink      = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdEmphasis  = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	listMarker  = regexp.MustCompile(`^(?:[-*+]|\d+[.)])\s+`)
	boilerplate = regexp.MustCompile(`(?i)^(?:also read|read more|read also|related|related stories|recommended|watch|watch video|advertisement|subscribe|sign up|click here|follow us|share this|(?:photo|image|video) credit)\b\s*[:|\-–—]?`)
	parenNote   = regexp.MustCompile(`(?i)^\((?:with (?:\w+ )?inputs?|reporting by|editing by|additional reporting|written by|compiled by|this (?:story|article))\b.*\)\.?$`)
)

func splitBlocks(body string, markdown bool) []block {
	var out []block
	var lines []string
	flush := func() {
		if len(lines) == 0 {
			return
		}
		text := joinFields(lines)
		lines = lines[:0]
		if text == "" || isBoilerplate(text) {
			return
		}
		if isHeadingShape(text) {
			out = append(out, block{text: text, heading: true})
			return
		}
		for len(text) > MaxParagraphBytes {
			n := splitPoint(text, MaxParagraphBytes)
			out = append(out, block{text: strings.TrimSpace(text[:n])})
			text = strings.TrimSpace(text[n:])
		}
		if text != "" {
			out = append(out, block{text: text})
		}
	}
	for _, line := range strings.Split(body, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			flush()
			continue
		}
		if markdown {
			if trimmed[0] != '#' {
				// mdHeading cannot match.
			} else if m := mdHeading.FindStringSubmatch(trimmed); m != nil {
				flush()
				if h := cleanMarkdown(m[2]); h != "" {
					out = append(out, block{text: h, heading: true, level: len(m[1])})
				}
				continue
			}
			if strings.HasPrefix(trimmed, "```") || trimmed == "---" || trimmed == "***" || trimmed == "___" {
				flush()
				continue
			}
			trimmed = strings.TrimSpace(strings.TrimLeft(trimmed, ">"))
			if trimmed != "" && mayStartList(trimmed[0]) {
				trimmed = listMarker.ReplaceAllString(trimmed, "")
			}
			trimmed = cleanMarkdown(trimmed)
			if trimmed == "" {
				continue
			}
		}
		lines = append(lines, trimmed)
	}
	flush()
	return out
}

// mayStartList: a line starting with byte c may start with a list marker.
func mayStartList(c byte) bool {
	return c == '-' || c == '*' || c == '+' || '0' <= c && c <= '9'
}

func cleanMarkdown(s string) string {
	// The regexps are costly and seldom match: an image or link needs
	// "](", emphasis a "**" or "__".
	if strings.Contains(s, "](") {
		s = mdImage.ReplaceAllString(s, "")
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "**") || strings.Contains(s, "__") {
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	return strings.TrimSpace(s)
}

// mayBeBoilerplate: text may match boilerplate, whose phrases start with
// these two letters in either case. Under Unicode case folding only an s
// (ſ) or a k (K) has a non-ASCII form, so text starting with two ASCII bytes
// that are not one of these pairs cannot match.
func mayBeBoilerplate(text string) bool {
	if len(text) < 2 || text[0] >= utf8.RuneSelf || text[1] >= utf8.RuneSelf {
		return true
	}
	switch string([]byte{text[0] | 0x20, text[1] | 0x20}) {
	case "al", "re", "wa", "ad", "su", "si", "cl", "fo", "sh", "ph", "im", "vi":
		return true
	}
	return false
}

func isBoilerplate(text string) bool {
	if mayBeBoilerplate(text) && boilerplate.MatchString(text) ||
		strings.HasPrefix(text, "(") && parenNote.MatchString(text) {
		return true
	}
	// A paragraph of nothing but punctuation or symbols carries no passage.
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// isHeadingShape reports whether a one-line block looks like a section
// heading: short, and not ending as a sentence or a quote does.
func isHeadingShape(text string) bool {
	if len(text) > 100 || CountFields(text, 14) > 14 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	switch last {
	case '.', '!', '?', ':', ';', ',', '"', '\'', '\u201D', '\u2019', '\u2026', ')':
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	return !containsQuoteMark(text)
}

func containsQuoteMark(s string) bool {
	return strings.ContainsAny(s, "\"\u201C\u201D\u2018")
}

// leadOf finds a lead such as "Trump-Putin Alaska summit: The much-anticipated
// …", a short label before the first ": " of the first paragraph.
func leadOf(text string) (string, bool) {
	i := strings.Index(text, ": ")
	if i <= 0 || i > 80 {
		return "", false
	}
	lead := strings.TrimSpace(text[:i])
	if CountFields(lead, 8) > 8 || strings.ContainsAny(lead, ".!?\"\u201C\u201D") {
		return "", false
	}
	return lead, true
}

// IDFromFile derives an article's stable id from its file name: the base name
// without extension, lower case, with runs of anything but letters and digits
// turned into single hyphens.
func IDFromFile(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(base) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
			continue
		}
		if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	id := strings.TrimRight(b.String(), "-")
	if id == "" {
		sum := sha256.Sum256([]byte(base))
		id = "article-" + hex.EncodeToString(sum[:4])
	}
	return id
}

func titleFromFile(name string) string {
	id := IDFromFile(name)
	words := strings.Split(id, "-")
	for i, w := range words {
		if w != "" {
			r, size := utf8.DecodeRuneInString(w)
			words[i] = string(unicode.ToUpper(r)) + w[size:]
		}
	}
	return strings.Join(words, " ")
}

// splitFrontMatter splits a leading "---" block of "key: value" lines from
// the body. Values may contain ": " and may be wrapped in quotes.
func splitFrontMatter(text string) (map[string]string, string, bool) {
	t := strings.TrimLeft(text, "\n \t")
	if !strings.HasPrefix(t, "---\n") {
		return nil, text, false
	}
	rest := t[len("---\n"):]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return nil, text, false
	}
	head := rest[:end]
	body := rest[end+len("\n---"):]
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	fm := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		if len(value) >= 2 && (value[0] == '"' && value[len(value)-1] == '"' || value[0] == '\'' && value[len(value)-1] == '\'') {
			value = value[1 : len(value)-1]
		}
		if key != "" {
			fm[key] = value
		}
	}
	return fm, body, true
}

// MaxParagraphBytes caps a paragraph: a longer block (a file with no blank
// lines, one enormous line) is split, at a sentence end when it can, so
// that the work per paragraph, and so per query, stays bounded whatever the
// corpus holds. News paragraphs are far shorter.
const MaxParagraphBytes = 4000

// splitPoint is where to cut text, at most max bytes in: after the last
// sentence end in its second half, else at the last space there, else at a
// character boundary.
func splitPoint(text string, max int) int {
	head := text[:max]
	for i := len(head) - 1; i > max/2; i-- {
		if head[i] == ' ' && strings.ContainsRune(".!?”\"", rune(head[i-1])) {
			return i
		}
		if head[i] == ' ' && i >= 4 && strings.HasSuffix(head[:i], "”") && strings.ContainsAny(head[i-4:i-3], ".!?,") {
			return i
		}
	}
	if i := strings.LastIndexByte(head, ' '); i > max/2 {
		return i
	}
	n := max
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	if n == 0 {
		return max
	}
	return n
}
