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

// whoSaidLead strips a leading "who said" from a who-said phrase.
func whoSaidLead(ws []queryWord) []queryWord {
	if len(ws) > 2 && ws[0].low == "who" && (ws[1].low == "said" || ws[1].low == "says") {
		ws = ws[2:]
		if len(ws) > 1 && ws[0].low == "that" {
			ws = ws[1:]
		}
	}
	return ws
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
	for _, id := range s.phrases.find(want, whoSaidPool) {
		entry := &s.phrases.entries[id]
		share := float64(len(want)) / float64(len(entry.words))
		fragment := len(entry.words) <= len(words)+2
		for _, res := range s.speakerReports(s.phrases.refs[id]) {
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

// WhoSaid finds the quotes that contain phrase, best first.
func (e *Engine) WhoSaid(ctx context.Context, phrase string, limit int) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "who-said", Query: phrase, Results: []answer.Result{}}
	raw := whoSaidLead(splitWords(stripOuterQuotes(cleanInput(phrase)), maxQueryWords))
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	words := e.prepWords(raw)
	if len(words) == 0 {
		ans.Note = "nothing to search for: type some words of the quote"
		return ans, ErrEmptyQuery
	}
	content := contentWords(words)
	finish := func(rs []answer.Result, note string) (answer.Answer, error) {
		if len(rs) > limit {
			rs = rs[:limit]
		}
		ans.Found, ans.Results, ans.Note = true, rs, note
		return ans, nil
	}

	// 1. The exact phrase, every word kept, looked up in the quotes' own
	// word index (complete.go): exact, and no paragraph is read.
	if rs := e.exactQuotes(s, raw, words, limit); len(rs) > 0 {
		return finish(rs, "")
	}

	// 2. Every word of the phrase in one quote, close together, in any
	// order: stop words as typed ("up to Ukraine" needs "up" and "to"),
	// other words as typed or in another form of the same stem. A phrase
	// of stop words only must match exactly: common words close together
	// prove nothing.
	// 3. Allowing for typos in the longer words: one wrong letter in a word
	// of five letters or more, two from eight.
	maxSpan := 2*len(words) + 6
	px := s.phrases
	var forms []map[string]bool
	if len(content) > 0 {
		notes := []string{
			"no quote has these exact words in this order; these quotes contain all of them",
			"no exact match; allowing for typos, these quotes come closest",
		}
		for stage, typos := range []bool{false, true} {
			forms = make([]map[string]bool, len(words))
			for j, w := range words {
				forms[j] = e.quoteForms(px, w, typos)
			}
			if rs := e.nearResults(s, px.nearQuotes(forms, maxSpan, whoSaidPool), len(words), limit); len(rs) > 0 {
				return finish(rs, notes[stage])
			}
		}
	}

	// Not found: say so, and show the nearest quotes as not matching.
	ans.Note = fmt.Sprintf("no quote contains %q", joinWords(raw))
	if len(content) == 0 {
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
	// The closest quotes: those with most of the words (typos allowed).
	var cf []map[string]bool
	for j, w := range words {
		if w.stem != "" {
			cf = append(cf, forms[j])
		}
	}
	ans.Closest = e.closestQuotes(s, cf, 3)
	return ans, nil
}

// whoSaidPool is how many quote texts who-said's second and third stages
// consider at most (most quoted speakers first).
const whoSaidPool = 200

// nearResults turns stage 2 and 3 matches into results: each speaker's
// quote once per text (other articles as also reporting it), confident
// before uncertain, whole quotes before fragments, the words closest
// together first.
func (e *Engine) nearResults(s *snapshot, ms []quoteMatch, phraseWords, limit int) []answer.Result {
	px := s.phrases
	var cs []rankedQuote
	for _, m := range ms {
		entry := &px.entries[m.id]
		terms := surfaceTerms(entry.text, m.hits)
		fragment := len(entry.words) <= phraseWords+2
		for _, res := range s.speakerReports(px.refs[m.id]) {
			res.Terms = terms
			res.Score = 1 / float64(m.window)
			cs = append(cs, rankedQuote{res, fragment, float64(m.window)})
		}
	}
	return rankQuotes(cs, limit)
}

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

// closestQuotes are the quotes holding most of the words (forms per word),
// at least one; for a who-said miss.
func (e *Engine) closestQuotes(s *snapshot, forms []map[string]bool, n int) []answer.Result {
	px := s.phrases
	count := map[int32]int{}
	for _, fs := range forms {
		for _, id := range px.union(fs) {
			count[id]++
		}
	}
	ids := make([]int32, 0, len(count))
	for id := range count {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if count[ids[i]] != count[ids[j]] {
			return count[ids[i]] > count[ids[j]]
		}
		return ids[i] < ids[j]
	})
	var out []answer.Result
	for _, id := range ids {
		if len(out) >= n {
			break
		}
		res := s.quoteResult(px.refs[id][0])
		res.Terms = surfaceTerms(px.entries[id].text, px.entryHits(id, forms))
		out = append(out, res)
	}
	return out
}
