package quote

import (
	"cmp"
	"slices"
	"strings"
	"summitbot/corpus"
	"unicode"
	"unicode/utf8"
)

// markFamily groups quote marks that pair with each other.
type markFamily uint8

const (
	famNone markFamily = iota
	famDouble
	famSingle
)

// qspan is one quoted span found in a paragraph.
type qspan struct {
	// open is the byte offset of the opening mark; start..end is the text
	// between the marks; close is the offset just after the closing mark
	// (len(text) for a span that runs to the paragraph's end).
	open, start, end, close int
	fam                     markFamily
	// continued: the span has no closing mark and the quote goes on in the
	// next paragraph.
	continued bool
	// unclosed: the span has no closing mark (continued or not).
	unclosed bool
}

// markInfo is one quote-mark character in a paragraph.
type markInfo struct {
	pos, size int
	r         rune
}

// openEntry is an opening mark waiting for its closer.
type openEntry struct {
	pos, size int
	fam       markFamily
	straight  bool
}

// elisions are words that a leading apostrophe shortens ('em, 'til, 'n').
var elisions = map[string]bool{
	"em": true, "til": true, "tis": true, "twas": true, "cause": true, "n": true,
	"bout": true, "round": true, "nuff": true, "cos": true, "coz": true, "ello": true,
	"s": true, "d": true, "ll": true, "re": true, "ve": true, "m": true, "t": true,
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isOpenContext: a rune before an opening mark (start, space, bracket, dash).
func isOpenContext(r rune) bool {
	if r == 0 || unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u201C', '\u2018', '"', '\'', '\u00AB':
		return true
	}
	return false
}

// isQuoteRune reports whether r is a character the scanner treats as a quote mark.
func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB', '\u201E', '\u201F', '\u2032', '\u2033':
		return true
	}
	return false
}

// leadingFamily tells which quote family a paragraph opens with, if it
// starts with an opening mark.
func leadingFamily(text string) markFamily {
	r, size := utf8.DecodeRuneInString(text)
	next, _ := utf8.DecodeRuneInString(text[size:])
	switch r {
	case '\u201C', '\u00AB', '\u201E', '"':
		return famDouble
	case '\u201D':
		if isWordRune(next) {
			return famDouble
		}
	case '\u2018':
		if !decadeElision(text[size:]) {
			return famSingle
		}
	case '\'':
		if unicode.IsLetter(next) && !elisions[strings.ToLower(leadingWord(text[size:]))] {
			return famSingle
		}
	}
	return famNone
}

func leadingWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// scanQuotes finds the top-level quoted spans of one paragraph. nextFam is
// the family of the mark the next paragraph opens with (famNone if it does
// not open with one): an unclosed quote of that family is taken to go on in
// the next paragraph and runs to the end of this one.
func scanQuotes(text string, nextFam markFamily) []qspan {
	marks := quoteMarks(text)
	if len(marks) == 0 {
		return nil
	}
	var stack []openEntry
	var spans []qspan
	hasOpen := func(fam markFamily) bool {
		for _, e := range stack {
			if e.fam == fam {
				return true
			}
		}
		return false
	}
	// topDouble returns the innermost open double mark, or nil.
	topDouble := func() *openEntry {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].fam == famDouble {
				return &stack[i]
			}
		}
		return nil
	}
	closeFam := func(m markInfo, fam markFamily) {
		for i := len(stack) - 1; i >= 0; i-- {
			if stack[i].fam != fam {
				continue
			}
			e := stack[i]
			stack = stack[:i]
			s := qspan{open: e.pos, start: e.pos + e.size, end: m.pos, close: m.pos + m.size, fam: fam}
			if validSpan(text[s.start:s.end], fam) {
				spans = append(spans, s)
			}
			return
		}
	}
	push := func(m markInfo, fam markFamily, straight bool) {
		stack = append(stack, openEntry{pos: m.pos, size: m.size, fam: fam, straight: straight})
	}
	for k, m := range marks {
		prev, next := runeBefore(text, m.pos), runeAt(text, m.pos+m.size)
		openLooking := isOpenContext(prev) && next != 0 && !unicode.IsSpace(next)
		closeLooking := (next == 0 || unicode.IsSpace(next) || unicode.IsPunct(next) || isQuoteRune(next)) && prev != 0 && !unicode.IsSpace(prev)
		switch m.r {
		case '\u201C', '\u201E', '\u00AB', '\u201F': // “ „ « ‟
			if (m.r == '\u201C' || m.r == '\u00AB') && closeLooking && !openLooking && hasOpen(famDouble) {
				closeFam(m, famDouble) // a mistyped closer, or German »…«
				continue
			}
			push(m, famDouble, false)
		case '\u201D', '\u00BB', '\u2033': // ” » ″
			if m.r == '\u2033' && unicode.IsDigit(prev) {
				continue // inches
			}
			if !hasOpen(famDouble) {
				if openLooking && isWordRune(next) {
					push(m, famDouble, false) // ” used as an opener
				}
				continue
			}
			closeFam(m, famDouble)
		case '"':
			top := topDouble()
			switch {
			case top == nil:
				if !closeLooking || openLooking {
					if next != 0 && !unicode.IsSpace(next) {
						push(m, famDouble, true)
					}
				}
			case top.straight:
				closeFam(m, famDouble)
			default: // inside curly double quotes
				if openLooking && !closeLooking {
					push(m, famDouble, true)
				} else {
					closeFam(m, famDouble)
				}
			}
		case '\u2018': // ‘
			if decadeElision(text[m.pos+m.size:]) {
				continue // ‘90s typed with the wrong mark
			}
			if isWordRune(prev) && isWordRune(next) {
				continue // apostrophe typed with the wrong mark
			}
			if closeLooking && !openLooking && hasOpen(famSingle) {
				closeFam(m, famSingle)
				continue
			}
			push(m, famSingle, false)
		case '\u2019', '\'', '\u2032': // ’ ' ′
			if m.r == '\u2032' && unicode.IsDigit(prev) {
				continue
			}
			wordBefore, wordAfter := isWordRune(prev), isWordRune(next)
			switch {
			case wordBefore && wordAfter:
				continue // don't, Russia's
			case !wordBefore && wordAfter:
				// Word-initial: an elision (’90s, 'em, ’n’) or an opener (a
				// straight one, or ’ typed where ‘ was meant).
				if m.r == '\u2032' || decadeElision(text[m.pos+m.size:]) || !isOpenContext(prev) {
					continue
				}
				if elisions[strings.ToLower(leadingWord(text[m.pos+m.size:]))] {
					continue
				}
				push(m, famSingle, true)
			default:
				// Word-final or after punctuation: a closer, or an
				// apostrophe (leaders' talks, goin').
				if !hasOpen(famSingle) {
					continue
				}
				if prev == 0 || unicode.IsSpace(prev) {
					continue
				}
				if wordBefore && isPluralPossessive(text, m, prev, marks[k+1:]) {
					continue
				}
				closeFam(m, famSingle)
			}
		}
	}
	// Leftover openers: the outermost one of the next paragraph's family
	// continues there; otherwise an unclosed quote that opens the paragraph
	// or follows "said:" still runs to its end.
	for _, e := range stack {
		if e.pos+e.size >= len(text) {
			continue
		}
		rest := text[e.pos+e.size:]
		s := qspan{open: e.pos, start: e.pos + e.size, end: len(text), close: len(text), fam: e.fam, unclosed: true}
		if e.fam == nextFam {
			s.continued = true
			if validSpan(rest, e.fam) {
				spans = append(spans, s)
			}
			break
		}
		before := strings.TrimRightFunc(text[:e.pos], unicode.IsSpace)
		if e.fam == famDouble && (before == "" || strings.HasSuffix(before, ":") || strings.HasSuffix(before, ",")) &&
			corpus.CountFields(rest, 3) >= 3 && validSpan(rest, e.fam) {
			spans = append(spans, s)
			break
		}
	}
	return topLevel(spans)
}

// isPluralPossessive tells whether a word-final ’ after an s is the
// apostrophe of a plural possessive ("the leaders’ talks") rather than a
// closing mark: it is followed by a lower-case word and a later mark could
// close the quote instead.
func isPluralPossessive(text string, m markInfo, prev rune, later []markInfo) bool {
	if prev != 's' && prev != 'S' {
		return false
	}
	after := text[m.pos+m.size:]
	if !strings.HasPrefix(after, " ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after[1:])
	if !unicode.IsLower(r) && !unicode.IsDigit(r) {
		return false
	}
	// A possessive is followed by a noun; "were", "and", "in" follow a
	// closing mark ("the 'red lines' were").
	if w := strings.ToLower(leadingWord(after[1:])); lex.auxiliaries[w] || lex.boundaries[w] || prepositions[w] || lex.stop[w] {
		return false
	}
	for _, l := range later {
		if l.r != '\u2019' && l.r != '\'' {
			continue
		}
		p, n := runeBefore(text, l.pos), runeAt(text, l.pos+l.size)
		if !isWordRune(n) && p != 0 && !unicode.IsSpace(p) {
			return true
		}
	}
	return false
}

// validSpan rejects spans that cannot be quotes: no letters or digits, or a
// single-mark span that is really a pair of apostrophes ('n').
func validSpan(s string, fam markFamily) bool {
	letters := 0
	for _, r := range s {
		if isWordRune(r) {
			letters++
		}
	}
	if letters == 0 {
		return false
	}
	if fam == famSingle && letters < 2 {
		return false
	}
	return true
}

// topLevel keeps the spans not nested inside another, in order.
func topLevel(spans []qspan) []qspan {
	if len(spans) < 2 {
		return spans
	}
	// Spans open at distinct marks, so any sort by opening gives one order.
	slices.SortFunc(spans, func(a, b qspan) int { return cmp.Compare(a.open, b.open) })
	out := spans[:0:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.open >= out[n-1].open && s.close <= out[n-1].close {
			continue
		}
		out = append(out, s)
	}
	return out
}

// decadeElision: the text after an apostrophe is a shortened year or decade
// ('90s, ’22, '08 alone), not the start of a quote ('10 out of 10').
func decadeElision(after string) bool {
	if len(after) < 2 || !isDigitByte(after[0]) || !isDigitByte(after[1]) {
		return false
	}
	rest := after[2:]
	if strings.HasPrefix(rest, "s") || strings.HasPrefix(rest, "’s") || strings.HasPrefix(rest, "'s") {
		return true
	}
	r := runeAt(rest, 0)
	// '22 at a word's end is a year unless a closing mark follows soon.
	return r == 0 || !strings.ContainsAny(rest, "'\u2019")
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// runeBefore is the rune ending at byte i, or 0 at the start.
func runeBefore(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// runeAt is the rune starting at byte i, or 0 at the end.
func runeAt(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

// quoteMarks lists the quote-mark characters of text (see isQuoteRune).
func quoteMarks(text string) []markInfo {
	var marks []markInfo
	// The quote marks are '"', '\'' and runes whose UTF-8 encoding starts
	// with 0xC2 (« ») or 0xE2 (the rest): only those bytes need decoding.
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '"' && c != '\'' && c != 0xC2 && c != 0xE2 {
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isQuoteRune(r) {
			marks = append(marks, markInfo{pos: i, size: utf8.RuneLen(r), r: r})
		}
		i += size - 1
	}
	return marks
}
