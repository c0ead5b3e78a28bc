package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"summitbot/answer"
	"summitbot/lexicon"
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
	words := splitWords(cleanInput(requestText(speaker)), 8)
	if len(words) == 0 {
		ans.Note = "nothing to search for: type a speaker's name"
		return ans, ErrEmptyQuery
	}
	res := e.resolvePeople(s, words)
	if len(res.subject) == 0 && res.absent != nil {
		return e.namedNotQuoted(ctx, s, ans, res.absent, limit)
	}
	if len(res.subject) == 0 {
		ans.Note = fmt.Sprintf("no quoted speaker matches %q", joinWords(words))
		if names := s.closestSpeakers(words, 3); len(names) > 0 {
			ans.Note += "; closest names: " + strings.Join(names, ", ")
		}
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
		for _, r := range sp.byOffice {
			if len(rs) >= 8*limit {
				break
			}
			// The article says only "the French president": shown as
			// the holder's, uncertain (its confidence is the finder's 0).
			qr := s.quoteResult(r)
			qr.Speaker = sp.name
			rs = append(rs, qr)
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

// namedNotQuoted answers a request for a table person the articles name but
// quote nowhere: the paragraphs that name them, those that quote someone
// first, saying so.
func (e *Engine) namedNotQuoted(ctx context.Context, s *snapshot, ans answer.Answer, p *person, limit int) (answer.Answer, error) {
	ans.Subject = absentDisplay(p)
	ans.Note = fmt.Sprintf("no quote is attributed to %s in the articles", p.name)
	terms := append([]string{p.norm, p.last}, p.aliases...)
	var qs []query.Query
	for _, t := range subsumed(e.existingTerms(s, terms)) {
		if strings.Contains(t, " ") {
			qs = append(qs, phraseQ(fieldTextExact, t, 1))
		} else {
			qs = append(qs, termQ(fieldTextExact, t))
		}
	}
	if len(qs) == 0 {
		return ans, nil
	}
	hits, err := e.run(ctx, disj(1, qs...), 4*limit)
	if err != nil {
		return ans, err
	}
	var quoted, plain []answer.Result
	for _, h := range hits {
		a, para, ok := s.hitPara(h.ID)
		if !ok {
			continue
		}
		r := paraResult(a, para)
		if len(a.paraQuotes[para.N]) > 0 {
			quoted = append(quoted, r)
		} else {
			plain = append(plain, r)
		}
	}
	ans.Results = append(quoted, plain...)
	if len(ans.Results) > limit {
		ans.Results = ans.Results[:limit]
	}
	if len(ans.Results) > 0 {
		ans.Found = true
		ans.Note += ": paragraphs that name them"
	}
	return ans, nil
}

// closestSpeakers lists the quoted speakers whose names are nearest the
// request's words (edit distance of a name word), for a request that
// matched nobody.
func (s *snapshot) closestSpeakers(words []queryWord, n int) []string {
	type near struct {
		name string
		d    int
	}
	var best []near
	for _, sp := range s.speakers {
		if sp.name == "" {
			continue
		}
		d := 1 << 30
		for _, toks := range sp.normToks {
			for _, t := range toks {
				for _, w := range words {
					if len(w.low) >= 4 {
						if x := lexicon.Distance(w.low, t); x <= max(1, len(w.low)/3) {
							d = min(d, x)
						}
					}
				}
			}
		}
		if d == 1<<30 {
			continue
		}
		best = append(best, near{sp.name, d})
	}
	sort.SliceStable(best, func(i, j int) bool { return best[i].d < best[j].d })
	var out []string
	for _, b := range best {
		if len(out) == n {
			break
		}
		out = append(out, b.name)
	}
	return out
}
