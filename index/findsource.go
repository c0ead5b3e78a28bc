package index

import (
	"context"
	"sort"
	"strings"
	"summitbot/answer"

	"github.com/blevesearch/bleve/v2/search/query"
)

// FindSource finds the quote or paragraph a message's text quotes.
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
	raw := splitWords(stripOuterQuotes(cleanInput(strings.Join(lines, " "))), maxQueryWords)
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	words := e.prepWords(raw)
	if len(words) == 0 {
		ans.Note = "nothing to search for"
		return ans, ErrEmptyQuery
	}
	phrase := exactText(words)
	// 1. The paragraphs holding the text, as the attributed quote that
	// holds it when there is one.
	hits, err := e.run(ctx, phraseQ(fieldTextExact, phrase, 1), 20)
	if err != nil {
		return ans, err
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
	if len(rs) > 0 {
		rs = mergeReports(rs, limit)
		if len(rs) > limit {
			rs = rs[:limit]
		}
		ans.Found, ans.Results = true, rs
		return ans, nil
	}
	// 3. The paragraph with most of the words.
	content := contentWords(words)
	if len(content) == 0 {
		ans.Note = "no passage contains this text"
		return ans, nil
	}
	qs := make([]query.Query, len(content))
	for i, w := range content {
		qs[i] = matchQ(fieldText, w.text, 1)
	}
	need := (len(content)*3 + 3) / 4
	hits, err = e.run(ctx, disj(need, qs...), 10)
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
		ans.Found, ans.Results = true, rs
		ans.Note = "no exact match; the passages with most of these words"
	} else {
		ans.Note = "no passage contains this text"
	}
	return ans, nil
}
