package index

import (
	"context"
	"fmt"

	"summitbot/answer"
)

// Quotes lists a speaker's quotes.
func (e *Engine) Quotes(ctx context.Context, speaker string, limit int) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "quotes", Query: speaker, Results: []answer.Result{}}
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	if err := ctx.Err(); err != nil {
		return ans, fmt.Errorf("index: quotes: %w", err)
	}
	words := splitWords(cleanInput(speaker), 8)
	if len(words) == 0 {
		ans.Note = "nothing to search for: type a speaker's name"
		return ans, ErrEmptyQuery
	}
	res := e.resolvePeople(s, words)
	if len(res.subject) == 0 {
		ans.Note = fmt.Sprintf("no quoted speaker matches %q", joinWords(words))
		return ans, nil
	}
	// Bounded: the first quotes in corpus order, enough to fill the answer
	// after the same statements from several outlets are merged.
	var rs []answer.Result
	for _, sp := range res.subject {
		for _, r := range sp.quotes {
			if len(rs) >= 8*limit {
				break
			}
			rs = append(rs, s.quoteResult(r))
		}
	}
	rs = mergeReports(rs, limit)
	if len(rs) > limit {
		rs = rs[:limit]
	}
	ans.Found, ans.Results = true, rs
	ans.Subject, ans.Also = res.display, res.also
	return ans, nil
}

// containsTokens reports whether every word is one of toks (or, fuzzy, a
// likely typo of one).
func containsTokens(toks, words []string, fuzzy bool) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		found := false
		for _, t := range toks {
			if t == w || fuzzy && fuzzyEqual(w, t) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
