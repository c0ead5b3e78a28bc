package index

import (
	"strings"
	"summitbot/lexicon"
	"unicode"
	"unicode/utf8"
)

// Limits on user text: anything longer is cut, never rejected.
const (
	maxInputBytes = 4000
	maxQueryWords = 32
)

// cleanInput makes any user text safe to look at: valid UTF-8, at most
// maxInputBytes, control characters turned into spaces, typographic quotes
// and dashes folded, Discord Markdown markers removed.
func cleanInput(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	if len(s) > maxInputBytes {
		cut := maxInputBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case unicode.IsControl(r) || r == '\u200B' || r == '\uFEFF' || r == '\u00A0':
			b.WriteByte(' ')
		case r == '*' || r == '_' || r == '~' || r == '`' || r == '|':
			b.WriteByte(' ')
		default:
			b.WriteRune(lexicon.FoldPunct(r))
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// queryWord is one word of a query as typed (after cleaning).
type queryWord struct {
	text string // as typed, e.g. "US", "can't"
	low  string // folded and lower-cased
}

// splitWords returns the words of cleaned text: runs of letters and digits,
// keeping an apostrophe between letters ("can't"), at most max words.
func splitWords(s string, max int) []queryWord {
	var out []queryWord
	runes := []rune(s)
	i := 0
	for i < len(runes) && len(out) < max {
		if !isWordRune(runes[i]) {
			i++
			continue
		}
		j := i
		for j < len(runes) {
			r := runes[j]
			if isWordRune(r) {
				j++
				continue
			}
			if r == '\'' && j+1 < len(runes) && isWordRune(runes[j+1]) && j > i {
				j++
				continue
			}
			break
		}
		w := string(runes[i:j])
		out = append(out, queryWord{text: w, low: strings.ToLower(lexicon.Fold(w))})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func joinWords(ws []queryWord) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.text
	}
	return strings.Join(parts, " ")
}

// stripOuterQuotes removes quote marks around a phrase ("no deal" → no deal).
func stripOuterQuotes(s string) string {
	s = strings.TrimSpace(s)
	for len(s) >= 1 {
		r, n := utf8.DecodeRuneInString(s)
		if r == '"' || r == '\'' {
			s = strings.TrimSpace(s[n:])
			continue
		}
		break
	}
	for len(s) >= 1 {
		r, n := utf8.DecodeLastRuneInString(s)
		if r == '"' || r == '\'' {
			s = strings.TrimSpace(s[:len(s)-n])
			continue
		}
		break
	}
	return s
}

// fuzziness is the number of typos tolerated in a word of n runes.
func fuzziness(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	default:
		return 2
	}
}

// fuzzyEqual reports whether typed (a query word) could be a typo of word.
func fuzzyEqual(typed, word string) bool {
	if typed == word {
		return true
	}
	f := fuzziness(utf8.RuneCountInString(typed))
	if f == 0 {
		return false
	}
	// Apostrophes are free where that makes no other word: "cant" is "can't".
	if apostropheVariant(typed, word) {
		return true
	}
	return lexicon.Within(typed, word, f)
}

// cutText shortens s to at most max bytes at a word boundary, adding "…".
func cutText(s string, max int) string {
	if len(s) <= max {
		return s
	}
	limit := max - len("…")
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > limit/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// apostropheFalseFriends are words that a contraction becomes when its
// apostrophe is dropped: "well" is not "we'll", "its" is not "it's".
var apostropheFalseFriends = map[string]bool{
	"well": true, "were": true, "hell": true, "shell": true, "shed": true, "ill": true,
	"wed": true, "id": true, "its": true, "lets": true, "hes": true, "whos": true, "hed": true,
}

// apostropheVariant reports whether typed is word with its apostrophes
// left out ("cant" for "can't", "putins" for "putin's"), and is not a
// different word of its own ("well" for "we'll").
func apostropheVariant(typed, word string) bool {
	if typed == word {
		return true
	}
	if strings.IndexByte(typed, '\'') < 0 && strings.IndexByte(word, '\'') < 0 {
		return false
	}
	plainTyped, plainWord := strings.ReplaceAll(typed, "'", ""), strings.ReplaceAll(word, "'", "")
	if plainTyped != plainWord {
		return false
	}
	if strings.HasSuffix(word, "n't") || strings.HasSuffix(typed, "n't") {
		return true
	}
	return !apostropheFalseFriends[plainTyped]
}
