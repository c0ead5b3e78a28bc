package quote

import (
	"strings"
	"summitbot/corpus"
	"unicode"
	"unicode/utf8"
)

// wholeSentence: the quote opens with a capital and ends a sentence.
func wholeSentence(q string) bool {
	q = strings.TrimSpace(q)
	last, _ := lastRune(q)
	return unicode.IsUpper(firstRune(q)) && (last == '.' || last == '!' || last == '?') && corpus.CountFields(q, 2) >= 2
}

// isNumberToken: a word of digits ("42").
func isNumberToken(t token) bool {
	if t.kind != tkWord || t.text == "" {
		return false
	}
	for _, r := range t.text {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// headlineQuote: the paragraph is nothing but a short quote without a
// closing full stop or comma — a subheading or pull quote such as “A just
// peace, not a frozen conflict”, which the article does not attribute.
func (a *attributor) headlineQuote(q qspan) bool {
	if len(a.toks) != 1 || a.toks[0].kind != tkQuote || q.unclosed || q.open != 0 || q.close != len(a.text) {
		return false
	}
	if n := len(a.quotes); n > 0 && a.quotes[n-1].para == a.para-1 && a.quotes[n-1].span.continued {
		return false // the quote before goes on here
	}
	inner := strings.TrimSpace(a.text[q.start:q.end])
	last, _ := lastRune(inner)
	switch last {
	case '.', '!', '?', ',', ';', ':', '\u2026', '-', '\u2014', '\u2013':
		return false
	}
	return corpus.CountFields(inner, 15) <= 15
}

// short: a phrase of at most four words, as scare quotes are.
func short(s string) bool {
	return corpus.CountFields(s, 4) <= 4
}

// isTitleCased: a name or title in quotes ("The Art of the Deal").
func isTitleCased(lx *wordLists, s string) bool {
	if n := corpus.CountFields(s, 10); n > 10 || n < 2 {
		return false
	}
	last, _ := lastRune(s)
	if last == '.' || last == ',' || last == '!' || last == '?' {
		return false
	}
	for i, from := 0, 0; ; i++ {
		start, end := corpus.NextField(s, from)
		if start == len(s) {
			break
		}
		from = end
		w := s[start:end]
		r := firstRune(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		lw := strings.ToLower(w)
		if i > 0 && (lw == "of" || lw == "the" || lw == "and" || lw == "a" || lw == "an" || lw == "in" || lw == "on" || lw == "for" || lw == "to" || lw == "at") {
			continue
		}
		return false
	}
	return true
}

func lastRune(s string) (rune, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r, true
}

// nameNouns are nouns a quoted name follows ("the newspaper “Kommersant”").
var nameNouns = map[string]bool{"newspaper": true, "magazine": true, "daily": true, "channel": true,
	"programme": true, "program": true, "show": true, "book": true, "film": true, "movie": true,
	"operation": true, "party": true, "group": true, "movement": true, "platform": true, "app": true,
	"network": true, "station": true, "outlet": true, "website": true, "ship": true, "vessel": true,
	"plan": true, "doctrine": true, "initiative": true, "project": true, "codenamed": true, "dubbed": true,
	"named": true, "titled": true, "nicknamed": true, "entitled": true, "brand": true, "slogan": true,
	"song": true, "album": true, "series": true, "podcast": true, "documentary": true, "agency": true}

// namedThing: a capitalised name in quotes after a noun that names things
// ("the newspaper “Kommersant”", "the ship “Admiral Kuznetsov”").
func (a *attributor) namedThing(s sentence, qi int, qtext string) bool {
	if qi-1 < s.from {
		return false
	}
	// "told CNN's Jake Tapper on “State of the Union.”", "appearing on
	// NBC's “Meet the Press,”": a title after "on" or an outlet's name,
	// with the sentence's own comma or full stop inside the marks.
	if p := a.toks[qi-1]; p.is("on", "in", "to", "from") || p.cap && p.possessive() {
		if t := strings.TrimRight(strings.TrimSpace(qtext), ".,"); t != strings.TrimSpace(qtext) && isTitleCased(a.lx, t) && corpus.CountFields(t, 8) <= 8 {
			return true
		}
	}
	if !nameNouns[a.toks[qi-1].low] {
		return false
	}
	if n := corpus.CountFields(qtext, 6); n == 0 || n > 6 {
		return false
	}
	// A foreign title keeps only its first capital ("Esimene stuudio").
	if n := corpus.CountFields(qtext, 4); n <= 3 && unicode.IsUpper(firstRune(qtext)) {
		last, _ := lastRune(qtext)
		return last != '.' && last != '!' && last != '?' && last != ','
	}
	for from := 0; ; {
		start, end := corpus.NextField(qtext, from)
		if start == len(qtext) {
			break
		}
		from = end
		w := qtext[start:end]
		if !unicode.IsUpper(firstRune(w)) && !unicode.IsDigit(firstRune(w)) {
			return false
		}
	}
	last, _ := lastRune(qtext)
	return last != '.' && last != '!' && last != '?'
}

// displayVerbs put words on a sign, a screen or a page, or in a chant,
// not in anyone's mouth: "chanted “…”", "a report titled “…”".
var displayVerbs = map[string]bool{"chanted": true, "chanting": true, "chant": true, "chants": true,
	"titled": true, "entitled": true, "headlined": true, "captioned": true, "emblazoned": true,
	"inscribed": true, "labelled": true, "labeled": true, "stamped": true, "printed": true, "painted": true}

// displayNouns carry words that nobody says: "a banner reading “…”",
// "the backdrop behind them said “…”".
var displayNouns = map[string]bool{"banner": true, "banners": true, "placard": true, "placards": true,
	"sign": true, "signs": true, "backdrop": true, "screen": true, "screens": true, "poster": true,
	"posters": true, "slogan": true, "slogans": true, "billboard": true, "billboards": true, "t-shirt": true,
	"t-shirts": true, "shirt": true, "shirts": true, "cap": true, "caps": true, "hat": true, "hats": true,
	"sticker": true, "stickers": true, "graffiti": true, "mural": true, "flag": true, "flags": true,
	"caption": true, "headline": true, "chyron": true, "ticker": true, "lectern": true, "podium": true,
	"sweatshirt": true, "hoodie": true, "jacket": true, "badge": true, "badges": true, "motto": true}

// displayed: the quote is words on a sign, a screen, a page or in a
// chant: a display verb just before it, or a display noun shortly before
// with the verb that shows its words ("a banner reading", "a screen
// carried the words", "placards that said").
func (a *attributor) displayed(s sentence, qi int) bool {
	// "signs reading “…” and “…”": the second sign's words too.
	if p := qi - 2; p >= s.from && a.toks[p].kind == tkQuote && a.toks[qi-1].is("and", "or", ",") {
		return a.displayed(s, p)
	}
	for k := qi - 1; k >= s.from && qi-k <= 3; k-- {
		t := a.toks[k]
		if t.kind == tkQuote {
			return false
		}
		if displayVerbs[t.low] {
			return true
		}
	}
	for k := qi - 1; k >= s.from && qi-k <= 7; k-- {
		t := a.toks[k]
		if t.kind == tkQuote || t.isPunct(".", ";") {
			return false
		}
		if displayNouns[t.low] {
			// a noun, not the verb of "to sign up to" or "will flag"
			p := token{}
			if k > s.from {
				p = a.toks[k-1]
			}
			return !(p.is("to", "i", "we", "you", "they", "will", "would", "could", "should", "must", "can", "may", "might", "not", "did", "do") ||
				a.lx.tokIs(p, fAuxiliary))
		}
	}
	return false
}

// scareMarked: the quote follows "so-called" or an agentless "dubbed".
func (a *attributor) scareMarked(s sentence, qi int) bool {
	if qi-1 < s.from {
		return false
	}
	p := a.toks[qi-1]
	if p.low == "so-called" || p.low == "self-styled" || p.low == "self-described" {
		return true
	}
	if p.low == "called" && qi-2 >= s.from && a.toks[qi-2].low == "so" {
		return true
	}
	if qi-2 >= s.from && p.is("the", "a", "an") && a.toks[qi-2].is("so-called", "self-styled", "self-described") {
		return true
	}
	return false
}

// namingVerbs give a thing its name: "the car the Secret Service calls
// “The Beast.”", "It is called, in its draft, “Security Guarantees: …”".
var namingVerbs = map[string]bool{"called": true, "calls": true, "call": true, "nicknamed": true, "codenamed": true}

// broadcastWords go before "on" and a programme's title: "aired on
// “Hannity”", "appearing on “Sunday Morning Futures”".
var broadcastWords = map[string]bool{"aired": true, "airing": true, "airs": true, "broadcast": true,
	"appeared": true, "appearing": true, "appears": true, "appearance": true, "interview": true, "segment": true}

// namingCue: the quote is a name, not speech: a title-cased name after a
// naming verb, words after "known as", or a programme's title after
// "aired on" / "appearing on".
func (a *attributor) namingCue(s sentence, qi int, qtext string) bool {
	k := qi - 1
	// ", in its working draft,": a parenthetical between verb and name.
	if k >= s.from && a.toks[k].isPunct(",") {
		m := k - 1
		for m >= s.from && k-m <= 8 && a.toks[m].kind == tkWord {
			m--
		}
		if m >= s.from && m < k-1 && a.toks[m].isPunct(",") {
			k = m - 1
		}
	}
	for k >= s.from && a.toks[k].is("the", "a", "an") {
		k--
	}
	if k < s.from || a.toks[k].kind != tkWord {
		return false
	}
	name := strings.TrimRight(strings.TrimSpace(qtext), ".,")
	oneName := corpus.CountFields(name, 2) == 1 && unicode.IsUpper(firstRune(name))
	p := a.toks[k]
	switch {
	case namingVerbs[p.low]:
		return isTitleCased(a.lx, name)
	case p.low == "as":
		m := k - 1
		if m >= s.from && strings.HasSuffix(a.toks[m].low, "ly") {
			m-- // "known internally as"
		}
		return m >= s.from && a.toks[m].is("known") && corpus.CountFields(name, 6) <= 5
	case p.low == "on":
		return k-1 >= s.from && broadcastWords[a.toks[k-1].low] && (oneName || isTitleCased(a.lx, name))
	}
	return false
}
