package index

import (
	"context"
	"sort"
	"strings"
	"summitbot/answer"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// FindSource finds the quote or paragraph a message quotes. The message is
// chatty ("lol did he really say "…"?"): the text in quotation marks is
// the quotation when there is some, else the whole message, chatter
// stripped, and failing that its longest stretch that matches a quote
// (between punctuation, or with a few words off either end). It answers like who-said: an attributed quote or a
// paragraph holding the words as typed (Match exact), a quote very likely
// meant, else the passages with most of its words (Match close), or not
// found.
func (e *Engine) FindSource(ctx context.Context, text string, limit int) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "source", Query: text, Results: []answer.Result{}}
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		for strings.HasPrefix(l, ">") {
			l = strings.TrimSpace(strings.TrimPrefix(l, ">"))
		}
		lines = append(lines, l)
	}
	message := cleanInput(strings.Join(lines, " "))
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	quoted := quotedPart(message)
	phrase := message
	if quoted != "" {
		phrase = quoted
	}
	core, hint := stripChatter(s.keys, splitWords(stripOuterQuotes(phrase), maxQueryWords), s.isNameWord)
	if quoted != "" {
		// A name in the chatter around the quotation is a hint too.
		_, h := stripChatter(s.keys, splitWords(strings.Replace(message, `"`+quoted+`"`, " x ", 1), maxQueryWords), s.isNameWord)
		hint = append(hint, h...)
	}
	words := e.prepWords(core)
	if len(words) == 0 {
		ans.Note = "nothing to search for"
		return ans, ErrEmptyQuery
	}
	// 1. An attributed quote with the words as typed.
	if rs := e.exactQuotes(s, core, words, limit+hintReach(hint)); len(rs) > 0 {
		return exactAnswer(ans, hintFirst(rs, hint), limit), nil
	}
	// 2. A paragraph with the words as typed (narration, or a quote that
	// nobody is reported to have said).
	rs, err := e.exactParagraphs(ctx, s, words, limit)
	if err != nil {
		return ans, err
	}
	if len(rs) > 0 {
		return exactAnswer(ans, rs, limit), nil
	}
	// 3. A quote very likely meant: the whole text, else its longest
	// stretch between punctuation that matches one.
	var parts [][]queryWord
	for _, part := range append([]string{joinWords(core)}, stretches(phrase)...) {
		pw, _ := stripChatter(s.keys, splitWords(part, maxQueryWords), s.isNameWord)
		parts = append(parts, pw)
	}
	// Then the text with a few words off either end, longest first.
	for cut := 1; cut <= 2*maxFindTrim; cut++ {
		for front := max(0, cut-maxFindTrim); front <= min(cut, maxFindTrim); front++ {
			if back := cut - front; len(core)-cut >= 4 {
				parts = append(parts, core[front:len(core)-back])
			}
		}
	}
	for _, pw := range parts {
		g := newGraded(s.keys, lowWords(pw))
		if rs := e.closeResults(s, g, g.withContext(s, g.rank(false)), hint, limit); len(rs) > 0 {
			return closeAnswer(ans, rs), nil
		}
	}
	// 4. The paragraphs with most of the words (three in four): the
	// passage a paraphrase comes from, shown in its own words.
	content := contentWords(words)
	ans.Note = "no passage contains this text"
	if len(content) == 0 {
		return ans, nil
	}
	qs := make([]query.Query, len(content))
	for i, w := range content {
		qs[i] = matchQ(fieldText, w.text, 1)
	}
	need := (len(content)*3 + 3) / 4
	hits, err := e.run(ctx, disj(need, qs...), 10)
	if err != nil {
		return ans, err
	}
	for _, h := range hits {
		if a, p, ok := s.hitPara(h.ID); ok {
			res := paraResult(a, p)
			pt := e.analyzePara(p.Text)
			res.Terms = surfaceTerms(p.Text, pt.wordHits(content))
			res.Score = h.Score
			rs = append(rs, res)
			if len(rs) >= limit {
				break
			}
		}
	}
	if len(rs) > 0 {
		ans.Found, ans.Match, ans.Results = true, answer.MatchClose, rs
		ans.Note = "no exact match; the passages with most of these words"
	}
	return ans, nil
}

// maxFindTrim is how many words Find source takes off each end of a
// message at most, looking for the stretch that matches a quote.
const maxFindTrim = 3

// exactParagraphs are the paragraphs holding the words one after another,
// as the attributed quote that holds them when there is one, quotes first.
func (e *Engine) exactParagraphs(ctx context.Context, s *snapshot, words []qword, limit int) ([]answer.Result, error) {
	hits, err := e.run(ctx, phraseQ(fieldTextExact, exactText(words), 1), 20)
	if err != nil {
		return nil, err
	}
	var rs []answer.Result
	for _, h := range hits {
		a, p, ok := s.hitPara(h.ID)
		if !ok {
			continue
		}
		pt := e.analyzePara(p.Text)
		res := paraResult(a, p)
		for _, qi := range a.paraQuotes[p.N] {
			q := &a.a.Quotes[qi]
			if !attributed(q) || q.Start < 0 || q.End > len(p.Text) {
				continue
			}
			if _, _, in := phraseIn(pt.within(q.Start, q.End), words); in {
				res = s.quoteResult(quoteRef{a, qi})
				break
			}
		}
		if start, end, in := phraseIn(pt.ex, words); in {
			res.Terms = []string{p.Text[start:end]}
		}
		rs = append(rs, res)
	}
	// Someone's words before a passage of narration.
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Quote != "" && rs[j].Quote == "" })
	return mergeReports(rs, limit), nil
}

// quotedPart is the longest text in quotation marks in a cleaned message
// (typographic quotes are straight after cleanInput) with two words or
// more, or "". A single quote mark counts only at a word's edge, so that
// apostrophes ("don't") are not taken for quotation marks.
func quotedPart(msg string) string {
	best := ""
	consider := func(s string) {
		s = strings.TrimSpace(s)
		if len(splitWords(s, 3)) >= 2 && len(s) > len(best) {
			best = s
		}
	}
	for i := 0; i < len(msg); i++ {
		if msg[i] != '"' {
			continue
		}
		j := strings.IndexByte(msg[i+1:], '"')
		if j < 0 {
			consider(msg[i+1:]) // an unclosed quotation runs to the end
			break
		}
		consider(msg[i+1 : i+1+j])
		i += j + 1
	}
	if best != "" {
		return best
	}
	isWord := func(b byte) bool { return b >= utf8.RuneSelf || isWordRune(rune(b)) }
	for i := 0; i < len(msg); i++ {
		if msg[i] != '\'' || i > 0 && isWord(msg[i-1]) || i+1 >= len(msg) || !isWord(msg[i+1]) {
			continue
		}
		for j := i + 1; j < len(msg); j++ {
			if msg[j] == '\'' && msg[j-1] != ' ' && (j+1 == len(msg) || !isWord(msg[j+1])) {
				consider(msg[i+1 : j])
				i = j
				break
			}
		}
	}
	return best
}

// stretches splits text at sentence punctuation into the parts of three
// words or more, longest first.
func stretches(text string) []string {
	parts := strings.FieldsFunc(text, func(r rune) bool {
		return r == '.' || r == '?' || r == '!' || r == ';' || r == ':' || r == ',' || r == '"' || r == '(' || r == ')'
	})
	var out []string
	for _, p := range parts {
		if len(splitWords(p, 4)) >= 3 {
			out = append(out, strings.TrimSpace(p))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	if len(parts) < 2 {
		return nil // the whole text was tried already
	}
	return out
}
