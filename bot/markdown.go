package bot

import (
	"slices"
	"strings"
	"summitbot/lexicon"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

const (
	ellipsis = "…"
	// zwsp breaks "@everyone" and "@here" so they are plain text even
	// where allowed_mentions would not apply.
	zwsp = "\u200b"
)

// textLen is a text's length as Discord counts it, measured in UTF-16 code
// units: never less than the number of characters, so a text that fits here
// fits Discord however it counts.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// escape makes article or user text inert in Discord Markdown: it escapes
// the inline markers (\ * _ ~ ` | [ ] < and the masked-link brackets), the
// block markers that only count at the start of a line (# > - + and "1."),
// and defuses @everyone and @here. Parentheses and mid-line hyphens are left
// alone: they cannot form markup once brackets are escaped, and escaping them
// would litter every hyphenated name with backslashes.
func escape(s string) string {
	var e escaper
	e.write(s)
	return e.String()
}

// escaper writes escaped text, remembering whether it is at a line start.
type escaper struct {
	strings.Builder
	midLine bool
}

func (e *escaper) write(s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		rest := s[i+size:]
		switch {
		case r == '\n':
			e.midLine = false
			e.WriteRune(r)
			i += size
			continue
		case !e.midLine && (r == ' ' || r == '\t'):
			e.WriteRune(r)
			i += size
			continue
		}
		lineStart := !e.midLine
		e.midLine = true
		switch {
		case strings.ContainsRune("\\*_~`|[]<", r):
			e.WriteByte('\\')
			e.WriteRune(r)
		case lineStart && strings.ContainsRune("#>-+", r):
			e.WriteByte('\\')
			e.WriteRune(r)
		case lineStart && r >= '0' && r <= '9':
			// "12. " or "12) " at a line start would start a list.
			j := 0
			for j < len(s)-i && s[i+j] >= '0' && s[i+j] <= '9' {
				j++
			}
			e.WriteString(s[i : i+j])
			if k := i + j; k < len(s) && (s[k] == '.' || s[k] == ')') && (k+1 == len(s) || s[k+1] == ' ') {
				e.WriteByte('\\')
			}
			i += j
			continue
		case r == '@' && (strings.HasPrefix(rest, "everyone") || strings.HasPrefix(rest, "here")):
			e.WriteRune(r)
			e.WriteString(zwsp)
		default:
			e.WriteRune(r)
		}
		i += size
	}
}

// highlight escapes s and puts the words that match terms in bold, a run of
// matching words separated only by spaces in one bold span. A term of one
// word matches that word (or a close inflection); a term of several words
// matches only where they occur in sequence.
func highlight(s string, terms []string) string {
	var e escaper
	words := wordSpans(s)
	hit := matchTerms(s, words, terms)
	pos := 0
	for i := 0; i < len(words); i++ {
		if !hit[i] {
			continue
		}
		j := i
		for j+1 < len(words) && hit[j+1] &&
			strings.TrimSpace(s[words[j][1]:words[j+1][0]]) == "" &&
			!strings.Contains(s[words[j][1]:words[j+1][0]], "\n") {
			j++
		}
		e.write(s[pos:words[i][0]])
		e.WriteString("**")
		e.write(s[words[i][0]:words[j][1]])
		e.WriteString("**")
		pos = words[j][1]
		i = j
	}
	e.write(s[pos:])
	return e.String()
}

// matchTerms marks the words of s (spans from wordSpans) that terms match.
func matchTerms(s string, words [][2]int, terms []string) []bool {
	hit := make([]bool, len(words))
	if len(terms) == 0 {
		return hit
	}
	folded := make([]string, len(words))
	for i, w := range words {
		folded[i] = fold(s[w[0]:w[1]])
	}
	singles := map[string]bool{}
	for _, t := range terms {
		var tw []string
		for _, sp := range wordSpans(t) {
			tw = append(tw, fold(t[sp[0]:sp[1]]))
		}
		if len(tw) == 1 {
			singles[tw[0]] = true
			continue
		}
		for i := 0; len(tw) > 0 && i+len(tw) <= len(folded); i++ {
			if slices.Equal(folded[i:i+len(tw)], tw) {
				for k := range tw {
					hit[i+k] = true
				}
			}
		}
	}
	for i, w := range folded {
		hit[i] = hit[i] || matchesWord(singles, w)
	}
	return hit
}

// wordSpans returns the byte spans of s's words: runs of letters and digits,
// with apostrophes inside a word kept ("there's").
func wordSpans(s string) [][2]int {
	var spans [][2]int
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		if !inWord && start >= 0 && (r == '\'' || r == '’') {
			// keep the apostrophe when a letter follows
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
			inWord = unicode.IsLetter(next)
		}
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			spans = append(spans, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	return spans
}

// matchesWord reports whether a folded word is one of the terms or a close
// inflection of one (one a prefix of the other, the shorter at least 4
// letters, at most 3 letters apart: "sanction" and "sanctions"), since the
// engine matches stems.
func matchesWord(terms map[string]bool, w string) bool {
	if terms[w] {
		return true
	}
	for term := range terms {
		short, long := term, w
		if len(short) > len(long) {
			short, long = long, short
		}
		if utf8.RuneCountInString(short) >= 4 && len(long)-len(short) <= 3 && strings.HasPrefix(long, short) {
			return true
		}
	}
	return false
}

// fold lowercases a word, drops diacritics and straightens apostrophes,
// as the index folds its terms.
func fold(w string) string { return strings.ToLower(lexicon.Fold(w)) }

// cutMarkdown shortens rendered Markdown (as escape and highlight make it)
// to at most max UTF-16 units: it cuts at a word when that keeps at least
// half, never inside an escape, closes an open bold span and ends with an
// ellipsis.
func cutMarkdown(s string, max int) string {
	if textLen(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	type unit struct {
		end   int  // byte offset after the unit
		n     int  // length before and including the unit
		bold  bool // a bold span is open after the unit
		space bool // the unit is white space
	}
	var units []unit
	n, bold := 0, false
	for i := 0; i < len(s); {
		size := 0
		switch {
		case s[i] == '\\' && i+1 < len(s):
			_, sz := utf8.DecodeRuneInString(s[i+1:])
			size = 1 + sz
		case strings.HasPrefix(s[i:], "**"):
			size = 2
			bold = !bold
		default:
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		n += textLen(s[i : i+size])
		r, _ := utf8.DecodeRuneInString(s[i:])
		units = append(units, unit{end: i + size, n: n, bold: bold, space: unicode.IsSpace(r)})
		i += size
	}
	fits := func(u unit) bool {
		need := u.n + textLen(ellipsis)
		if u.bold {
			need += 2
		}
		return need <= max
	}
	best, word := -1, -1
	for k, u := range units {
		if !fits(u) {
			break
		}
		best = k
		if k+1 < len(units) && units[k+1].space && !u.space {
			word = k
		}
	}
	if word >= 0 && units[word].n*2 >= max {
		best = word
	}
	if best < 0 {
		return cutPlain(ellipsis, max, false)
	}
	out := strings.TrimRightFunc(s[:units[best].end], unicode.IsSpace)
	if units[best].bold {
		if strings.HasSuffix(out, "**") {
			out = strings.TrimRightFunc(strings.TrimSuffix(out, "**"), unicode.IsSpace)
		} else {
			out += "**"
		}
	}
	return out + ellipsis
}

// cutPlain shortens plain text to at most max UTF-16 units, at a word when
// that keeps at least half, adding an ellipsis when withEllipsis is set.
func cutPlain(s string, max int, withEllipsis bool) string {
	if textLen(s) <= max {
		return s
	}
	room := max
	if withEllipsis {
		room -= textLen(ellipsis)
	}
	switch {
	case max <= 0:
		return ""
	case room <= 0:
		return ellipsis
	}
	n, end, word := 0, 0, -1
	for i, r := range s {
		if n+utf16.RuneLen(r) > room {
			break
		}
		if unicode.IsSpace(r) && i > 0 {
			word = i
		}
		n += utf16.RuneLen(r)
		end = i + utf8.RuneLen(r)
	}
	if word > 0 && textLen(s[:word])*2 >= room {
		end = word
	}
	out := strings.TrimRightFunc(s[:end], unicode.IsSpace)
	if withEllipsis {
		out += ellipsis
	}
	return out
}
