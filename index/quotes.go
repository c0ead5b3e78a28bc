package index

import (
	"context"
	"fmt"
	"strings"
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
	sps := e.resolveSpeakers(s, words)
	if len(sps) == 0 {
		ans.Note = fmt.Sprintf("no quoted speaker matches %q", joinWords(words))
		return ans, nil
	}
	// Bounded: the first quotes in corpus order, enough to fill the answer
	// after the same statements from several outlets are merged.
	var rs []answer.Result
	for _, sp := range sps {
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
	if len(sps) > 1 {
		names := make([]string, len(sps))
		for i, sp := range sps {
			names[i] = sp.display()
		}
		ans.Note = "several speakers match: " + strings.Join(names, ", ")
	}
	return ans, nil
}

// resolveSpeakers finds the speakers a name stands for: the full name or an
// alias, a table person's other spellings, the surname, a typo of it, or (for
// people the articles do not name) words of their description.
func (e *Engine) resolveSpeakers(s *snapshot, words []queryWord) []*speakerInfo {
	full := make([]string, len(words))
	for i, w := range words {
		full[i] = w.low
	}
	name := strings.Join(full, " ")
	if len(full) > 1 && (full[0] == "the" || full[0] == "a" || full[0] == "an") {
		full = full[1:]
		name = strings.Join(full, " ")
	}
	tablePerson := e.gt.matchPerson(name)
	best := 0
	var out []*speakerInfo
	for _, sp := range s.speakers {
		score := 0
		for i, n := range sp.norms {
			toks := sp.normToks[i]
			switch {
			case n == name:
				score = max(score, 100)
			case containsTokens(toks, full, false):
				score = max(score, 80)
			case containsTokens(toks, full, true):
				score = max(score, 60)
			}
		}
		if tablePerson != nil && sp.person == tablePerson {
			score = max(score, 90)
		}
		if sp.name == "" && containsTokens(sp.words, full, false) {
			score = max(score, 40)
		}
		if score == 0 {
			continue
		}
		if score > best {
			best, out = score, out[:0]
		}
		if score == best {
			out = append(out, sp)
		}
	}
	return out
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
