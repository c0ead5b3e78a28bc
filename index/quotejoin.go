package index

import (
	"strings"
	"summitbot/answer"
	"unicode/utf8"
)

// A quote split around its speech tag ("I taught Alaska history for 30
// years," he said, "and I never thought …") is one utterance: the phrase
// index holds it joined as well as in parts, so that a member's phrase that
// spans both parts matches, and the answer shows both. So does a quote that
// runs on into the next paragraph (the first paragraph left without a
// closing mark, the next opening with the quote).
const (
	maxJoinGap = 80 // bytes of narration between the parts, at most
	maxRunOn   = 3  // bytes before the run-on part in its paragraph, at most
)

// joinsNext reports whether the quote r and the one after it in its article
// are one utterance: the same speaker, in the same paragraph with only a
// short speech tag between them, or run on into the next paragraph.
func (r quoteRef) joinsNext() bool {
	qs := r.art.a.Quotes
	if r.i+1 >= len(qs) {
		return false
	}
	a, b := &qs[r.i], &qs[r.i+1]
	if speakerKey(a) != speakerKey(b) || a.Kind != b.Kind {
		return false
	}
	switch b.Paragraph {
	case a.Paragraph:
		p, ok := r.art.para(a.Paragraph)
		if !ok || b.Start < a.End || b.Start-a.End > maxJoinGap || b.Start > len(p.Text) {
			return false
		}
		// The narration between them is a speech tag, not a sentence of its own.
		gap := p.Text[a.End:b.Start]
		return !strings.ContainsAny(strings.Trim(gap, " \u00a0\"'“”‘’«»„"), ".!?")
	case a.Paragraph + 1:
		p, ok := r.art.para(a.Paragraph)
		if !ok || len(p.Text)-a.End > maxRunOn || b.Start > maxRunOn {
			return false
		}
		rest, _ := utf8.DecodeRuneInString(p.Text[min(a.End, len(p.Text)):] + " ")
		return !strings.ContainsRune("\"”’»", rest) // the first paragraph's quote was not closed
	}
	return false
}

// joinedText is the quote r and the one after it as one text, joined by a
// space.
func (r quoteRef) joinedText() string {
	return strings.TrimRight(strings.TrimSpace(r.q().Text), ",;:\u00a0 ") + " " + strings.TrimSpace(r.art.a.Quotes[r.i+1].Text)
}

// show puts a joined entry's text, both parts, as the result's quote.
func (e *phraseEntry) show(res *answer.Result) {
	if e.joined {
		res.Quote = displayQuote(e.text)
	}
}
