package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind tells what a token is.
type tokKind uint8

const (
	tkWord tokKind = iota
	tkPunct
	tkQuote
)

// token is one word, punctuation mark or whole top-level quote of a
// paragraph's text.
type token struct {
	text       string // surface form
	low        string // lower case, ’ folded to '
	start, end int32  // byte offsets in the paragraph
	q          int32  // for tkQuote: index into the paragraph's spans
	kind       tokKind
	cap        bool    // starts with an upper-case letter
	flags      tokFlag // what lex says of low
}

// base is a word without a possessive 's.
func (t token) base() string {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(t.text, suf) && len(t.text) > len(suf) {
			return t.text[:len(t.text)-len(suf)]
		}
	}
	return strings.TrimRight(t.text, "'’")
}

func (t token) possessive() bool {
	return strings.HasSuffix(t.low, "'s") || strings.HasSuffix(t.low, "s'")
}

func (t token) is(words ...string) bool {
	if t.kind != tkWord {
		return false
	}
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

func (t token) isPunct(ps ...string) bool {
	if t.kind != tkPunct {
		return false
	}
	for _, p := range ps {
		if t.text == p {
			return true
		}
	}
	return false
}

// tokenize splits a paragraph into tokens; each top-level quote span is one
// token. Stray quote marks (apostrophes not inside words) are dropped.
func tokenize(text string, spans []qspan) []token {
	toks := make([]token, 0, tokenCapacity(text, spans))
	pos := 0
	for qi, s := range spans {
		toks = tokenizeNarrative(toks, text, pos, s.open)
		toks = append(toks, token{kind: tkQuote, text: text[s.open:s.close], start: int32(s.open), end: int32(s.close), q: int32(qi), flags: quoteTokenFlags})
		pos = s.close
	}
	return dropAsides(tokenizeNarrative(toks, text, pos, len(text)))
}

// tokenCapacity estimates how many tokens tokenize makes of text: a word
// or mark per five bytes outside the quotes, one token per quote.
func tokenCapacity(text string, spans []qspan) int {
	n := len(text)
	for _, s := range spans {
		n -= s.close - s.open
	}
	return n/5 + len(spans) + 4
}

// dropAsides removes short bracketed asides between words — party tags,
// acronyms, an agency's name: "Merz (CDU) told", "the Ministry of External
// Affairs (MEA) said", "Alternative for Germany (AfD) co-leader Alice
// Weidel" — so that a name and its verb stand together. An aside holding a
// quote or more than five words stays.
func dropAsides(toks []token) []token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		if toks[i].isPunct("(", "[") && i > 0 && toks[i-1].kind == tkWord {
			closer := ")"
			if toks[i].text == "[" {
				closer = "]"
			}
			end := -1
			for k := i + 1; k < len(toks) && k <= i+8; k++ {
				if toks[k].kind == tkQuote || toks[k].isPunct("(", "[") {
					break
				}
				if toks[k].isPunct(closer) {
					end = k
					break
				}
			}
			words := 0
			for k := i + 1; k < end; k++ {
				if toks[k].kind == tkWord {
					words++
				}
			}
			if end > i && words > 0 && words <= 5 {
				i = end
				continue
			}
		}
		out = append(out, toks[i])
	}
	return out
}

// runeClass is what tokenizeNarrative makes of a rune.
type runeClass uint8

const (
	rcSkip  runeClass = iota // space, control, symbol, mark: not part of a token
	rcWord                   // starts a word
	rcQuote                  // a stray quote mark, dropped
	rcPunct                  // a punctuation token
)

// classOf classifies a rune for tokenizeNarrative.
func classOf(r rune) runeClass {
	switch {
	case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r) ||
		unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Co, r) || r == utf8.RuneError:
		return rcSkip // emoji, variation selectors, joiners: not words
	case isWordRune(r):
		return rcWord
	case isQuoteRune(r):
		return rcQuote
	}
	return rcPunct
}

// asciiClass is classOf for the ASCII runes, computed once.
var asciiClass = func() (t [utf8.RuneSelf]runeClass) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = classOf(r)
	}
	return t
}()

func tokenizeNarrative(toks []token, text string, from, to int) []token {
	i := from
	for i < to {
		var r rune
		var size int
		var class runeClass
		if c := text[i]; c < utf8.RuneSelf {
			r, size, class = rune(c), 1, asciiClass[c]
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			class = classOf(r)
		}
		switch class {
		case rcSkip:
			i += size
		case rcWord:
			j := scanWord(text, i, to)
			// Keep the dot of an abbreviation or initial before a name
			// ("Sen. Lindsey Graham", "S. Jaishankar", "Donald J. Trump").
			if j+1 < to && text[j] == '.' && text[j+1] == ' ' {
				w := text[i:j]
				if abbreviations[strings.ToLower(w)] || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(r) {
					if n, _ := utf8.DecodeRuneInString(text[j+2:]); unicode.IsUpper(n) {
						j++
					}
				}
			}
			w := text[i:j]
			low := foldApostrophe(strings.ToLower(w))
			toks = append(toks, token{kind: tkWord, text: w, low: low, start: int32(i), end: int32(j), cap: unicode.IsUpper(r), flags: lex.wordFlags(low)})
			i = j
		case rcQuote:
			i += size // stray mark
		default:
			p := text[i : i+size]
			var flags tokFlag
			if size == 1 {
				flags = asciiTokenFlags[p[0]]
			} else {
				flags = lex.wordFlags(p)
			}
			toks = append(toks, token{kind: tkPunct, text: p, low: p, start: int32(i), end: int32(i + size), q: -1, flags: flags})
			i += size
		}
	}
	return toks
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by apostrophes, hyphens and the dots of abbreviations (U.S.), with
// the trailing apostrophe of a plural possessive (leaders’) kept.
func scanWord(text string, i, to int) int {
	j := i
	for j < to {
		if c := text[j]; c < utf8.RuneSelf && asciiClass[c] == rcWord {
			j++ // the common case: an ASCII letter or digit
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		var n rune
		if j+size < to {
			n, _ = utf8.DecodeRuneInString(text[j+size:])
		}
		switch r {
		case '\'', '\u2019':
			if isWordRune(n) {
				j += size
				continue
			}
			if p, _ := utf8.DecodeLastRuneInString(text[i:j]); (p == 's' || p == 'S') && (n == 0 || unicode.IsSpace(n) || n == ',' || n == '.' || n == ';') {
				return j + size
			}
		case '-', '\u2010', '\u2011', '&':
			if isWordRune(n) {
				j += size
				continue
			}
		case '.':
			if dottedLetters(text[i:j]) {
				if unicode.IsLetter(n) {
					j += size
					continue
				}
				if strings.Contains(text[i:j], ".") {
					return j + size // the final dot of U.S.
				}
			}
		}
		return j
	}
	return j
}

// dottedLetters reports whether s is single letters joined by dots ("U", "U.S").
func dottedLetters(s string) bool {
	want := true // expect a letter
	for _, r := range s {
		if want {
			if !unicode.IsLetter(r) {
				return false
			}
		} else if r != '.' {
			return false
		}
		want = !want
	}
	return !want
}

func foldApostrophe(s string) string {
	if strings.IndexByte(s, 0xE2) >= 0 && strings.Contains(s, "\u2019") {
		return strings.ReplaceAll(s, "\u2019", "'")
	}
	return s
}

// abbreviations end with a dot that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "capt": true, "prof": true, "jr": true, "sr": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true,
	"aug": true, "sept": true, "sep": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
	"rev": true, "hon": true, "adm": true, "maj": true, "sgt": true, "messrs": true, "pres": true, "approx": true,
}

// sentence is a run of tokens [from, to) of a paragraph.
type sentence struct{ from, to int }

// splitSentences splits tokens into sentences. A quote whose text ends a
// sentence ends the narrative sentence too, unless an attribution ("…,"
// she said) follows.
func splitSentences(toks []token, text string, spans []qspan, lx *wordLists) []sentence {
	var out []sentence
	from := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		end := false
		switch {
		case t.isPunct(".", "!", "?", "\u2026"):
			if i+1 < len(toks) {
				n := toks[i+1]
				if n.kind == tkQuote || (n.kind == tkWord && (n.cap || unicode.IsDigit(firstRune(n.text))) && n.start > t.end) {
					end = true // not "R-S.C.": a sentence ends before a space
					if t.text == "." && i > 0 {
						p := toks[i-1]
						if p.kind == tkWord && p.end == t.start && (abbreviations[p.low] || utf8.RuneCountInString(p.text) == 1 && p.cap) {
							end = false
						}
					}
				}
				if n.kind == tkQuote && i > 0 && toks[i-1].kind == tkQuote && t.text == "." {
					end = true
				}
			}
		case t.kind == tkQuote && i+1 < len(toks):
			s := spans[t.q]
			inner := strings.TrimRightFunc(text[s.start:s.end], func(r rune) bool { return unicode.IsSpace(r) || isQuoteRune(r) })
			last, _ := utf8.DecodeLastRuneInString(inner)
			if last == '.' || last == '!' || last == '?' || last == '\u2026' {
				// "…open." She left: a new sentence. "Why?" Putin asked:
				// the attribution of the question.
				n := toks[i+1]
				switch {
				case n.kind == tkQuote:
					end = true
				case n.kind == tkWord && n.cap:
					end = last == '.' || last == '\u2026' || n.has(fPronoun) || !lx.attributionFollows(toks, i+1)
				}
			}
		}
		if end {
			out = append(out, sentence{from, i + 1})
			from = i + 1
		}
	}
	if from < len(toks) {
		out = append(out, sentence{from, len(toks)})
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// attributionFollows tells whether the tokens from i are a short subject and
// speech verb ("Vantberg said"), which attribute the quote before them
// rather than start a sentence.
func (lx *wordLists) attributionFollows(toks []token, i int) bool {
	for m := i; m < len(toks) && m-i < 9; m++ {
		t := toks[m]
		if t.kind != tkWord {
			return false
		}
		if v, ok := lx.verbs[t.low]; ok && m > i && v.form == vfFinite {
			return true
		}
		if t.has(fPronoun) {
			if m != i {
				return false
			}
			continue
		}
		if m > i && toks[i].has(fPronoun) {
			return false
		}
		head := lx.tokIs(t, fPersonHead)
		if !(t.cap || lx.tokIs(t, fTitle) || head || lx.tokIs(t, fDeterminer) || t.low == "of" || t.has(fNameParticle)) {
			return false
		}
	}
	return false
}
