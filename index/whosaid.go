package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"summitbot/answer"
)

// sameStatement reports whether two quotes by one speaker, given as their
// words (wordSpans), are the same statement as reported by different outlets.
func sameStatement(wa, wb []string) bool {
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	ja, jb := strings.Join(wa, " "), strings.Join(wb, " ")
	if ja == jb {
		return true
	}
	short, long := ja, jb
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(strings.Fields(short)) >= 4 && strings.Contains(" "+long+" ", " "+short+" ") {
		return true
	}
	set := map[string]bool{}
	for _, w := range wa {
		set[w] = true
	}
	inter, union := 0, len(set)
	seen := map[string]bool{}
	for _, w := range wb {
		if seen[w] {
			continue
		}
		seen[w] = true
		if set[w] {
			inter++
		} else {
			union++
		}
	}
	return union > 0 && len(seen) >= 4 && float64(inter)/float64(union) >= 0.75
}

// reportedIn reports whether r comes from, or is also reported by, the
// article id.
func reportedIn(r answer.Result, id string) bool {
	if r.Article.ID == id {
		return true
	}
	for _, a := range r.AlsoReportedBy {
		if a.ID == id {
			return true
		}
	}
	return false
}

// mergeReports folds results that are the same statement by the same
// speaker in other articles into the first one's AlsoReportedBy. It keeps
// at most limit results: once it has them, later results only add to
// their AlsoReportedBy.
func mergeReports(rs []answer.Result, limit int) []answer.Result {
	out := rs[:0:0]
	var keys [][]string
	for _, r := range rs {
		merged := false
		var words []string
		for i := range out {
			o := &out[i]
			if o.Quote == "" || r.Quote == "" || o.Article.ID == r.Article.ID {
				continue
			}
			if !strings.EqualFold(o.Speaker, r.Speaker) || o.Speaker == "" && !strings.EqualFold(o.Description, r.Description) {
				continue
			}
			if keys[i] == nil {
				keys[i], _ = wordSpans(o.Quote)
			}
			if words == nil {
				words, _ = wordSpans(r.Quote)
			}
			if sameStatement(keys[i], words) {
				dup := false
				for _, s := range o.AlsoReportedBy {
					dup = dup || s.ID == r.Article.ID
				}
				if !dup {
					o.AlsoReportedBy = append(o.AlsoReportedBy, r.Article)
				}
				merged = true
				break
			}
		}
		if !merged && len(out) < limit {
			out = append(out, r)
			keys = append(keys, nil)
		}
	}
	return out
}

// Who-said runs in memory, over the word index of the attributed quotes
// (complete.go, quotewords.go): the index holds no quote documents, and
// only a miss searches the paragraphs, for its note.

// Each distinct quote text gives at most whoSaidReports reports of it (the
// same words in several articles).
const whoSaidReports = 10

// speakerReports turns the reports of one quote text into one result per
// speaker: the same words by the same speaker in several articles are one
// statement, also reported by the others (at most whoSaidReports in all).
// A text reported by hundreds of articles is grouped from its first
// 4 × whoSaidReports reports.
func (s *snapshot) speakerReports(refs []quoteRef) []answer.Result {
	if max := 4 * whoSaidReports; len(refs) > max {
		refs = refs[:max]
	}
	var out []answer.Result
	bySpeaker := map[string]int{}
	for _, r := range refs {
		key := speakerKey(r.q())
		if i, ok := bySpeaker[key]; ok {
			o := &out[i]
			if len(o.AlsoReportedBy) < whoSaidReports-1 && !reportedIn(*o, r.art.src.ID) {
				o.AlsoReportedBy = append(o.AlsoReportedBy, r.art.src)
			}
			continue
		}
		bySpeaker[key] = len(out)
		out = append(out, s.quoteResult(r))
	}
	return out
}

// exactQuotes is who-said's first stage: the attributed quotes that hold
// the words one after another (as wordSpans splits and folds them), ordered
// confident before uncertain, whole quotes before fragments, then the quotes
// the phrase is most of first.
func (e *Engine) exactQuotes(s *snapshot, raw []queryWord, words []qword, limit int) []answer.Result {
	var want []string
	for _, w := range raw {
		ws, _ := wordSpans(w.text)
		want = append(want, ws...)
	}
	var cs []rankedQuote
	ids := s.phrases.find(want, whoSaidPool)
	// A split quote joined answers only a phrase that no part holds alone.
	plain := false
	for _, id := range ids {
		plain = plain || !s.phrases.entries[id].joined
	}
	for _, id := range ids {
		entry := &s.phrases.entries[id]
		if plain && entry.joined {
			continue
		}
		share := float64(len(want)) / float64(len(entry.words))
		fragment := len(entry.words) <= len(words)+2
		for _, res := range s.speakerReports(s.phrases.refs[id]) {
			entry.show(&res)
			res.Score = share
			cs = append(cs, rankedQuote{res, fragment, -share})
		}
	}
	rs := rankQuotes(cs, limit)
	for i := range rs {
		if span := e.phraseSpan(rs[i].Quote, words); span != "" {
			rs[i].Terms = []string{span}
		}
	}
	return rs
}

// WhoSaid finds who said phrase: the quotes that hold its words as typed
// (Match exact), else the quotes very likely meant (Match close, graded in
// quotematch.go), else none, with at most three closest quotes shown as
// not matching.
func (e *Engine) WhoSaid(ctx context.Context, phrase string, limit int) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "who-said", Query: phrase, Results: []answer.Result{}}
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	text, named := s.speakerLabel(cleanInput(phrase))
	raw := splitWords(stripOuterQuotes(text), maxQueryWords)
	core, hint := stripChatter(s.keys, raw, s.isNameWord)
	hint = append(hint, named...)
	if len(e.prepWords(core)) == 0 {
		ans.Note = "nothing to search for: type some words of the quote"
		return ans, ErrEmptyQuery
	}
	return e.quoteAnswer(ctx, s, ans, raw, core, hint, limit)
}

// quoteAnswer answers who-said for the words of a quote, chatter
// stripped: exact, close, or not found with the closest quotes.
func (e *Engine) quoteAnswer(ctx context.Context, s *snapshot, ans answer.Answer, raw, core []queryWord, hint []string, limit int) (answer.Answer, error) {
	words := e.prepWords(core)
	// 1. The exact phrase, every word kept, looked up in the quotes' own
	// word index (complete.go): exact, and no paragraph is read. The
	// phrase with its chatter first, in case a quote has those words too.
	if len(raw) > len(core) {
		if rs := e.exactQuotes(s, raw, e.prepWords(raw), limit); len(rs) > 0 {
			return exactAnswer(ans, rs, limit), nil
		}
	}
	if rs := e.exactQuotes(s, core, words, limit+hintReach(hint)); len(rs) > 0 {
		return exactAnswer(ans, hintFirst(rs, hint), limit), nil
	}
	// 2. The graded match.
	g := newGraded(s.keys, lowWords(core))
	ranked := g.withContext(s, g.rank(false))
	if rs := e.closeResults(s, g, ranked, hint, limit); len(rs) > 0 {
		return closeAnswer(ans, rs), nil
	}

	// Not found: say so, and show the nearest quotes as not matching.
	ans.Note = fmt.Sprintf("no quote contains %q", joinWords(core))
	if contentWordsOf(g) == 0 {
		return ans, nil // nearest by common words alone would be noise
	}
	// Do the words stand in the articles outside quotes? The best
	// paragraphs with all of them tell.
	hits, err := e.run(ctx, conj(wordQueries(words)...), 20)
	if err != nil {
		return ans, err
	}
	for _, h := range hits {
		if _, p, ok := s.hitPara(h.ID); ok && exactMayHold(p.Text, words) && e.phraseSpan(p.Text, words) != "" {
			ans.Note += "; the words appear in the articles, but not in a quote anyone is reported to have said"
			break
		}
	}
	if len(ranked) == 0 {
		ranked = g.rank(true)
	}
	ans.Closest = e.closestGraded(s, g, ranked, 3)
	return ans, nil
}

func exactAnswer(ans answer.Answer, rs []answer.Result, limit int) answer.Answer {
	if len(rs) > limit {
		rs = rs[:limit]
	}
	ans.Found, ans.Match, ans.Results = true, answer.MatchExact, rs
	return ans
}

func closeAnswer(ans answer.Answer, rs []answer.Result) answer.Answer {
	ans.Found, ans.Match, ans.Results = true, answer.MatchClose, rs
	ans.Note = "closest quote: no quote has these exact words; the quote's own words are shown"
	return ans
}

// lowWords are the folded lower-case forms of words.
func lowWords(ws []queryWord) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.low
	}
	return out
}

func contentWordsOf(g *graded) int { return g.contents }

// closeResults turns the close matches into results, best first: each
// speaker's quote once per text (other articles as also reporting it),
// uncertain attributions after confident ones of about the same score, and
// a speaker named in the chatter ahead of others of about the same score.
func (e *Engine) closeResults(s *snapshot, g *graded, ranked []gradedMatch, hint []string, limit int) []answer.Result {
	px := s.phrases
	var cs []rankedQuote
	for i, m := range ranked {
		if !g.isClose(m) || m.score < ranked[0].score-closeSpread || i >= whoSaidPool {
			continue
		}
		terms := g.terms(px, m)
		for _, res := range s.speakerReports(px.refs[m.id]) {
			px.entries[m.id].show(&res)
			res.Terms = terms
			res.Score = m.score
			key := -m.score
			if res.Uncertain {
				key += uncertainPenalty
			}
			if hintMatches(hint, res) {
				key -= hintBonus
			}
			cs = append(cs, rankedQuote{r: res, key: key})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].key < cs[j].key })
	rs := make([]answer.Result, len(cs))
	for i, c := range cs {
		rs[i] = c.r
	}
	return mergeReports(rs, limit)
}

// Ranking of close matches.
const (
	closeSpread      = 0.25 // shown: close matches within this of the best
	uncertainPenalty = 0.08 // an uncertain attribution ranks as if this much lower
	hintBonus        = 0.06 // a speaker named in the chatter ranks as if this much higher
)

// speakerLabel takes a speaker's name written before a colon off a phrase
// ("putin: next time in moscow"), returning the rest and the name's words
// as a hint.
func (s *snapshot) speakerLabel(text string) (string, []string) {
	before, after, ok := strings.Cut(text, ":")
	if !ok || strings.TrimSpace(after) == "" {
		return text, nil
	}
	ws := splitWords(before, 4)
	if len(ws) == 0 || len(ws) > 3 || len(splitWords(before, maxQueryWords)) > 3 {
		return text, nil
	}
	var hint []string
	for _, w := range ws {
		if !s.isNameWord(w.low) {
			return text, nil
		}
		hint = append(hint, w.low)
	}
	return strings.TrimSpace(after), hint
}

// isNameWord reports whether w (folded, lower-case) is a word of a quoted
// speaker's name ("trump", "putin", "von"), for the chatter "trump said …".
func (s *snapshot) isNameWord(w string) bool {
	for _, sp := range s.speakers {
		if sp.name == "" {
			continue
		}
		for _, toks := range sp.normToks {
			for _, t := range toks {
				if t == w {
					return true
				}
			}
		}
	}
	return false
}

// hintReach is how many more exact results to look through for a speaker
// named in the chatter.
func hintReach(hint []string) int {
	if len(hint) == 0 {
		return 0
	}
	return 2 * maxLimit
}

// hintFirst moves the exact results by a speaker named in the chatter
// ahead of the others (all of them hold the phrase as typed).
func hintFirst(rs []answer.Result, hint []string) []answer.Result {
	if len(hint) == 0 {
		return rs
	}
	sort.SliceStable(rs, func(i, j int) bool { return hintMatches(hint, rs[i]) && !hintMatches(hint, rs[j]) })
	return rs
}

// hintMatches reports whether a word of the hint names the result's speaker.
func hintMatches(hint []string, r answer.Result) bool {
	if len(hint) == 0 {
		return false
	}
	name, _ := wordSpans(r.Speaker + " " + r.Description)
	for _, h := range hint {
		for _, w := range name {
			if w == h || len(h) >= 5 && typoLimit(len(h)) > 0 && fuzzyEqual(h, w) {
				return true
			}
		}
	}
	return false
}

// closestGraded are the best graded quotes for a miss, shown as not
// matching.
func (e *Engine) closestGraded(s *snapshot, g *graded, ranked []gradedMatch, n int) []answer.Result {
	var out []answer.Result
	for _, m := range ranked {
		if len(out) >= n {
			break
		}
		res := s.quoteResult(s.phrases.refs[m.id][0])
		s.phrases.entries[m.id].show(&res)
		res.Terms = g.terms(s.phrases, m)
		out = append(out, res)
	}
	return out
}

// whoSaidPool is how many quote texts who-said considers at most for its
// results (most quoted speakers first).
const whoSaidPool = 200

// rankedQuote is a who-said candidate: its result, whether its quote is
// little more than the phrase, and its rank among equals (lower first).
type rankedQuote struct {
	r        answer.Result
	fragment bool
	key      float64
}

// rankQuotes orders who-said candidates, confident before uncertain, whole
// quotes before fragments, then by key (stable), and merges the same
// statement reported by several articles, keeping limit results.
func rankQuotes(cs []rankedQuote, limit int) []answer.Result {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.r.Uncertain != b.r.Uncertain {
			return !a.r.Uncertain
		}
		if a.fragment != b.fragment {
			return !a.fragment
		}
		return a.key < b.key
	})
	rs := make([]answer.Result, len(cs))
	for i, c := range cs {
		rs[i] = c.r
	}
	return mergeReports(rs, limit)
}
