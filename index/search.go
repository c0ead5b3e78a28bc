package index

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/quote"
)

const (
	defaultLimit = 3
	maxLimit     = 25
)

func clampLimit(n int) int {
	switch {
	case n <= 0:
		return defaultLimit
	case n > maxLimit:
		return maxLimit
	}
	return n
}

// qword is one query word as each field sees it.
type qword struct {
	text  string // as typed
	exact string // the exact field's term ("" when the word has none)
	stem  string // the main field's term ("" for a stop word)
}

func (e *Engine) prepWords(ws []queryWord) []qword {
	out := make([]qword, 0, len(ws))
	for _, w := range ws {
		q := qword{text: w.text}
		if t := analyze(e.an.exact, w.text); len(t) > 0 {
			q.exact = t[0].term
		}
		if t := analyze(e.an.main, w.text); len(t) > 0 {
			q.stem = t[0].term
		}
		if q.exact == "" {
			continue
		}
		out = append(out, q)
	}
	return out
}

func contentWords(ws []qword) []qword {
	var out []qword
	for _, w := range ws {
		if w.stem != "" {
			out = append(out, w)
		}
	}
	return out
}

func exactText(ws []qword) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.exact
	}
	return strings.Join(parts, " ")
}

// Query builders: user text only ever reaches bleve through these.

func termQ(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

func matchQ(field, text string, boost float64) *query.MatchQuery {
	q := query.NewMatchQuery(text)
	q.SetField(field)
	q.SetOperator(query.MatchQueryOperatorAnd)
	if boost != 0 && boost != 1 {
		q.SetBoost(boost)
	}
	return q
}

func phraseQ(field, text string, boost float64) *query.MatchPhraseQuery {
	q := query.NewMatchPhraseQuery(text)
	q.SetField(field)
	if boost != 0 && boost != 1 {
		q.SetBoost(boost)
	}
	return q
}

// boosted sets a term query's boost (1 and 0 leave it alone).
func boosted(q *query.TermQuery, b float64) *query.TermQuery {
	if b != 0 && b != 1 {
		q.SetBoost(b)
	}
	return q
}

func conj(qs ...query.Query) *query.ConjunctionQuery { return query.NewConjunctionQuery(qs) }

func disj(min int, qs ...query.Query) *query.DisjunctionQuery {
	q := query.NewDisjunctionQuery(qs)
	if min > 0 {
		q.SetMin(float64(min))
	}
	return q
}

// run searches the live index. The caller holds the read lock (view).
func (e *Engine) run(ctx context.Context, q query.Query, size int) (search.DocumentMatchCollection, error) {
	req := bleve.NewSearchRequestOptions(q, size, 0, false)
	res, err := e.alias.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("index: search: %w", ctx.Err())
		}
		return nil, fmt.Errorf("index: search: %w", err)
	}
	return res.Hits, nil
}

// hitPara resolves a hit against the snapshot.
func (s *snapshot) hitPara(id string) (*artEntry, corpus.Paragraph, bool) {
	kind, art, n, ok := parseDocID(id)
	if !ok || kind != 'p' {
		return nil, corpus.Paragraph{}, false
	}
	a := s.byID[art]
	if a == nil {
		return nil, corpus.Paragraph{}, false
	}
	p, ok := a.para(n)
	return a, p, ok
}

func (s *snapshot) quoteResult(r quoteRef) answer.Result {
	q := r.q()
	p, _ := r.art.para(q.Paragraph)
	res := answer.Result{
		Speaker:     strings.TrimSpace(q.Speaker),
		Quote:       displayQuote(q.Text),
		Text:        p.Text,
		Paragraph:   q.Paragraph,
		Section:     p.Section,
		Article:     r.art.src,
		Description: q.Description,
		Confidence:  q.Confidence,
		Uncertain:   q.Confidence < quote.UncertainBelow,
	}
	if res.Description == "" {
		if sp := s.byKey[speakerKey(q)]; sp != nil {
			res.Description = sp.description()
		}
	}
	return res
}

// displayQuote is a quote as answers show it: the comma or colon that ends
// the quoted words before "X said" belongs to the sentence, not the quote.
func displayQuote(text string) string {
	return strings.TrimRight(strings.TrimSpace(text), ",;: \u00a0")
}

func paraResult(a *artEntry, p corpus.Paragraph) answer.Result {
	return answer.Result{Text: p.Text, Paragraph: p.N, Section: p.Section, Article: a.src}
}

// typoLimit is how many wrong letters a who-said word of n runes may have:
// none under five letters, one from five, two from eight.
func typoLimit(n int) int {
	switch {
	case n >= 8:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// noApostrophe drops apostrophes, so that "cant" is "can't".
func noApostrophe(s string) string {
	if strings.IndexByte(s, '\'') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "'", "")
}

// apostropheForms are the contractions a word typed without its
// apostrophe may stand for ("cant" → "can't", "theyre" → "they're").
func apostropheForms(w string) []string {
	if strings.Contains(w, "'") || len(w) < 4 {
		return nil
	}
	var out []string
	if strings.HasSuffix(w, "nt") {
		out = append(out, w[:len(w)-1]+"'t") // can't, don't, isn't
	}
	for _, suf := range []string{"re", "ve", "ll"} {
		if strings.HasSuffix(w, suf) {
			out = append(out, w[:len(w)-len(suf)]+"'"+suf) // they're, we've, we'll
		}
	}
	return out
}

// wordQueries builds one clause per who-said word, for a conjunction of
// paragraphs: a stop word by its exact form, another word by its stem (which
// its exact form has too), either also without its apostrophe. The clauses
// only fetch candidate paragraphs.
func wordQueries(words []qword) []query.Query {
	qs := make([]query.Query, 0, len(words))
	for _, w := range words {
		var alts []query.Query
		if w.stem != "" {
			alts = append(alts, termQ(fieldText, w.stem))
		} else {
			alts = append(alts, termQ(fieldTextExact, w.exact))
		}
		if na := noApostrophe(w.exact); na != w.exact {
			alts = append(alts, termQ(fieldTextExact, na))
		}
		if len(alts) == 1 {
			qs = append(qs, alts[0])
		} else {
			qs = append(qs, disj(1, alts...))
		}
	}
	return qs
}

// window finds the smallest run of positions holding a hit of at least
// need distinct words; it returns the run's length (0 when none).
func window(hits [][]token, need int) int {
	type ph struct{ pos, word int }
	var all []ph
	for j, hs := range hits {
		for _, t := range hs {
			all = append(all, ph{t.pos, j})
		}
	}
	if need <= 0 || len(all) == 0 {
		return 0
	}
	sort.Slice(all, func(i, j int) bool { return all[i].pos < all[j].pos })
	count := map[int]int{}
	best := 0
	l := 0
	for r := range all {
		count[all[r].word]++
		for len(count) >= need {
			if span := all[r].pos - all[l].pos + 1; best == 0 || span < best {
				best = span
			}
			count[all[l].word]--
			if count[all[l].word] == 0 {
				delete(count, all[l].word)
			}
			l++
		}
	}
	return best
}

// surfaceTerms returns the distinct words of text as written that hits
// point at, for bolding.
func surfaceTerms(text string, hits [][]token) []string {
	var out []string
	seen := map[string]bool{}
	for _, hs := range hits {
		for _, t := range hs {
			w := text[t.start:t.end]
			if k := strings.ToLower(w); !seen[k] {
				seen[k] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// phraseSpan finds the words of phrase (exact terms) in text and returns the
// span as written ("many, many points").
func (e *Engine) phraseSpan(text string, words []qword) string {
	if start, end, ok := phraseIn(analyze(e.an.exact, text), words); ok {
		return text[start:end]
	}
	return ""
}

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

// pairLead are stop words that, followed by a word of the question, tend
// to be echoed by the answer ("who leads", "not invited").
var pairLead = map[string]bool{"who": true, "which": true, "not": true, "no": true, "never": true}

// questionFillers are words that shape a question but say nothing about
// its subject.
var questionFillers = map[string]bool{
	"tell": true, "explain": true, "please": true, "know": true, "anyon": true, "anybodi": true,
	"say": true, "happen": true,
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

// irregular maps common irregular English verb forms to each other, so that
// "buy" finds "bought" (the stemmer cannot).
var irregular = func() map[string][]string {
	groups := [][]string{
		{"buy", "bought"}, {"sell", "sold"}, {"meet", "met"}, {"hold", "held"}, {"say", "said"},
		{"tell", "told"}, {"speak", "spoke", "spoken"}, {"make", "made"}, {"go", "went", "gone"},
		{"come", "came"}, {"leave", "left"}, {"take", "took", "taken"}, {"give", "gave", "given"},
		{"get", "got", "gotten"}, {"find", "found"}, {"think", "thought"}, {"bring", "brought"},
		{"begin", "began", "begun"}, {"win", "won"}, {"lose", "lost"}, {"fight", "fought"},
		{"fly", "flew", "flown"}, {"see", "saw", "seen"}, {"know", "knew", "known"}, {"send", "sent"},
		{"spend", "spent"}, {"build", "built"}, {"keep", "kept"}, {"lead", "led"}, {"run", "ran"},
		{"write", "wrote", "written"}, {"break", "broke", "broken"}, {"choose", "chose", "chosen"},
		{"seek", "sought"}, {"teach", "taught"}, {"catch", "caught"}, {"stand", "stood"},
		{"understand", "understood"}, {"withdraw", "withdrew", "withdrawn"}, {"shoot", "shot"},
		{"strike", "struck"}, {"drive", "drove", "driven"}, {"rise", "rose", "risen"}, {"fall", "fell", "fallen"},
		{"eat", "ate", "eaten"}, {"sit", "sat"}, {"pay", "paid"}, {"feel", "felt"}, {"hear", "heard"},
		{"mean", "meant"}, {"forbid", "forbade", "forbidden"}, {"freeze", "froze", "frozen"},
		{"steal", "stole", "stolen"}, {"swear", "swore", "sworn"}, {"wear", "wore", "worn"},
		{"tear", "tore", "torn"}, {"sing", "sang", "sung"}, {"ring", "rang", "rung"}, {"draw", "drew", "drawn"},
		{"grow", "grew", "grown"}, {"throw", "threw", "thrown"}, {"show", "showed", "shown"},
		{"hide", "hid", "hidden"}, {"bite", "bit", "bitten"}, {"arise", "arose", "arisen"},
		{"foresee", "foresaw", "foreseen"}, {"overtake", "overtook", "overtaken"}, {"undertake", "undertook", "undertaken"},
		{"man", "men"}, {"woman", "women"}, {"child", "children"}, {"person", "people"},
	}
	m := map[string][]string{}
	for _, g := range groups {
		for _, w := range g {
			for _, o := range g {
				if o != w {
					m[w] = append(m[w], o)
				}
			}
		}
	}
	return m
}()

// Ask finds the paragraphs that best answer a free question.
func (e *Engine) Ask(ctx context.Context, question string, limit int) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "ask", Query: question, Results: []answer.Result{}}
	raw := splitWords(cleanInput(question), maxQueryWords)
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	words := e.prepWords(raw)
	var content []qword
	for i, w := range contentWords(words) {
		// "how long", "how many": the second word asks, it is not the subject.
		if i == 0 && len(words) > 1 && words[0].exact == "how" && w.exact == words[1].exact {
			continue
		}
		if !questionFillers[w.stem] {
			content = append(content, w)
		}
	}
	if len(content) == 0 {
		content = words // a question of stop words only: search them as they are
	}
	if len(content) == 0 {
		ans.Note = "nothing to search for: ask with some words"
		return ans, ErrEmptyQuery
	}
	weights := questionWeights(raw, content)
	// The focus counts double only in coverage: boosting it in the search
	// would let a rare form of it ("hold" for "held") swamp everything.
	per := make([]query.Query, 0, len(content))
	setting := map[string]bool{}
	for i, w := range content {
		b := min(weights[i], 1)
		if b < 1 {
			setting[w.exact] = true
		}
		alts := []query.Query{boosted(termQ(fieldText, w.stem), b), boosted(termQ(fieldSection, w.stem), 0.3*b)}
		if w.stem == "" {
			alts = []query.Query{termQ(fieldTextExact, w.exact)}
		}
		for _, form := range irregular[w.exact] {
			alts = append(alts, matchQ(fieldText, form, 0.8*b))
		}
		// One small disjunction per word: bleve's slice disjunction is
		// cheaper than the heap it switches to past ten clauses.
		per = append(per, disj(1, alts...))
	}
	// Words next to each other in the question count more together ("red
	// carpet", "who leads"): checked in memory on the hits (pairIn).
	var pairs [][2]string
	for i := 0; i+1 < len(words); i++ {
		if setting[words[i].exact] && setting[words[i+1].exact] {
			continue // "White House" in "at the White House" only sets the scene
		}
		if len(pairs) < 4 && (words[i].stem != "" && words[i+1].stem != "" || pairLead[words[i].exact] && words[i+1].stem != "") {
			pairs = append(pairs, [2]string{words[i].exact, words[i+1].exact})
		}
	}
	hits, err := e.run(ctx, disj(1, per...), 40)
	if err != nil {
		return ans, err
	}
	hint := answerHint(raw)
	type scored struct {
		r     answer.Result
		score float64
		order int
	}
	var rs []scored
	top := 0.0
	for _, h := range hits {
		top = max(top, h.Score)
	}
	total := 0.0
	for _, wt := range weights {
		total += wt
	}
	// "What did Trump say …": the paragraphs where the articles quote the
	// person asked about are candidates too, and count them as there.
	speakers := map[string]bool{}
	var subjWords []string
	if subj := questionSubject(raw); len(subj) > 0 && asksForWords(raw) {
		for _, w := range subj {
			subjWords = append(subjWords, w.low)
		}
		for _, sp := range e.resolveSpeakers(s, subj) {
			if sp.name != "" {
				speakers[sp.key] = true
			}
		}
	}
	quotedThere := func(a *artEntry, n int) bool {
		for _, qi := range a.paraQuotes[n] {
			if q := &a.a.Quotes[qi]; attributed(q) && speakers[speakerKey(q)] {
				return true
			}
		}
		return false
	}
	type cand struct {
		a   *artEntry
		p   corpus.Paragraph
		rel float64 // search score relative to the best hit
		hw  [][]token
	}
	var cands []cand
	seen := map[paraKey]bool{}
	// A paragraph without any of the question's word pairs counts half,
	// as a disjunction of the words and the pairs would score it.
	top = 0
	for _, h := range hits {
		a, p, ok := s.hitPara(h.ID)
		if !ok {
			continue
		}
		seen[paraKey{a, p.N}] = true
		hw, ex := e.askHits(p.Text, content)
		score := h.Score
		if len(pairs) > 0 && !pairIn(ex, pairs) {
			score *= 0.5
		}
		top = max(top, score)
		cands = append(cands, cand{a, p, score, hw})
	}
	for i := range cands {
		cands[i].rel /= top
	}
	if len(speakers) > 0 {
		added := 0
		for _, sp := range s.speakers {
			if !speakers[sp.key] {
				continue
			}
			for _, r := range sp.quotes {
				k := paraKey{r.art, r.q().Paragraph}
				if seen[k] || added >= 40 {
					continue
				}
				if p, ok := r.art.para(k.n); ok {
					seen[k] = true
					hw, _ := e.askHits(p.Text, content)
					cands = append(cands, cand{r.art, p, 0.2, hw})
					added++
				}
			}
		}
	}
	for i, c := range cands {
		a, p := c.a, c.p
		r := paraResult(a, p)
		hw := c.hw
		r.Terms = surfaceTerms(p.Text, hw)
		quoted := len(speakers) > 0 && quotedThere(a, p.N)
		// Relative to the best hit, weighed by how much of the question
		// the paragraph covers (its focus counting double, a setting
		// such as "at the White House" half), plus a bonus when the
		// paragraph holds the kind of answer the question asks for.
		covered, focusMissed, subjectMissed := 0.0, false, false
		for j := range content {
			switch {
			case len(hw[j]) > 0, quoted && weights[j] == weightSubject:
				covered += weights[j]
			case weights[j] == weightFocus:
				focusMissed = true
			case weights[j] == weightSubject:
				subjectMissed = true
			}
		}
		cov := covered / total
		score := c.rel * (0.35 + 0.65*cov*cov)
		// What the question asks about, or whose words it asks for, is not
		// there.
		if focusMissed {
			score *= 0.6
		}
		if subjectMissed {
			score *= 0.6
		}
		switch {
		case quoted:
			score += 0.5 * cov * cov // their own words, on what was asked
		case len(speakers) > 0 && othersQuoted(a, p.N):
			score *= 0.7 // someone else's words about them
		case len(subjWords) > 0 && !speaksIn(p.Text, subjWords):
			score *= 0.6 // they are mentioned, not reported speaking
		}
		if hint != nil {
			score += hint(p.Text, hw)
		}
		r.Score = score
		rs = append(rs, scored{r, score, i})
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].score > rs[j].score })
	for _, x := range rs {
		if len(ans.Results) >= limit {
			break
		}
		ans.Results = append(ans.Results, x.r)
	}
	ans.Found = len(ans.Results) > 0
	if !ans.Found {
		ans.Note = "no paragraph matches these words"
	}
	return ans, nil
}

// pairIn reports whether the tokens hold one of the word pairs (exact
// terms) next to each other.
func pairIn(toks []token, pairs [][2]string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].pos != toks[i].pos+1 {
			continue
		}
		for _, pr := range pairs {
			if toks[i].term == pr[0] && toks[i+1].term == pr[1] {
				return true
			}
		}
	}
	return false
}

// askHits is wordHits for a question's words, counting irregular forms
// too ("wore" for "wear"), and for a place or people's name its other form
// ("European" for "Europe's", "Ukrainian" for "Ukraine").
func (e *Engine) askHits(text string, words []qword) ([][]token, []token) {
	pt := e.analyzePara(text)
	ex := pt.ex
	hits := pt.wordHits(words)
	for j, w := range words {
		forms := irregular[w.exact]
		proper := isCapitalised(w.text) && len(hits[j]) == 0
		if len(forms) == 0 && !proper {
			continue
		}
		var names map[string]bool
		if proper {
			names = e.gt.otherNames(w.exact)
		}
		for _, t := range ex {
			match := proper && (placeMatch(w.exact, t.term) || names[t.term])
			for _, f := range forms {
				match = match || t.term == f
			}
			if match {
				hits[j] = append(hits[j], t)
			}
		}
	}
	return hits, ex
}

// questionAux are the verbs that open or follow the question word of a
// question whose subject comes next ("what did Lavrov wear").
var questionAux = map[string]bool{"did": true, "does": true, "do": true, "is": true, "are": true, "was": true,
	"were": true, "will": true, "would": true, "can": true, "could": true, "has": true, "have": true, "had": true,
	"should": true, "might": true}

var questionWords = map[string]bool{"what": true, "who": true, "whom": true, "where": true, "when": true,
	"why": true, "how": true, "which": true, "whose": true}

// settingPrepositions open a phrase that sets the scene of a question
// ("at the White House", "in Anchorage") rather than saying what it asks.
var settingPrepositions = map[string]bool{"at": true, "in": true, "during": true, "inside": true, "outside": true, "near": true}

// questionWeights weighs a question's content words: its focus counts
// double; the words of a place phrase that sets the scene ("at the White
// House") count half when other words say what is asked; the rest count
// one. The focus is the verb of "who attended", or, in a question with an
// auxiliary ("what did Zelenskyy wear at the White House", "how long did
// the Putin Trump phone call last"), the question's last word once a
// closing place or topic phrase ("at the White House", "about sanctions")
// is set aside — when that word is a lower-case content word. "How many"
// and "how much" ask for a number, not about a verb.
func questionWeights(raw []queryWord, content []qword) []float64 {
	focus := map[string]bool{}
	setting := map[string]bool{}
	subject := map[string]bool{}
	i := 0
	counting := false
	if i < len(raw) && questionWords[raw[i].low] {
		i++
		if i < len(raw) && raw[i-1].low == "how" && (raw[i].low == "many" || raw[i].low == "much") {
			counting = true
		}
		if i < len(raw) && (raw[i-1].low == "how" || raw[i-1].low == "what" || raw[i-1].low == "which") && !questionAux[raw[i].low] {
			i++ // "how long", "what tariffs"
		}
		if i < len(raw) && !questionAux[raw[i].low] && raw[i-1].low == "who" {
			focus[raw[i].low] = true // "who attended"
		}
	}
	if i < len(raw) && questionAux[raw[i].low] {
		// The named subject ("what did Medvedev say"): the answer is theirs.
		for k := i + 1; k < len(raw) && (isCapitalised(raw[k].text) || raw[k].low == "and"); k++ {
			subject[raw[k].low] = true
		}
	}
	if i < len(raw) && questionAux[raw[i].low] && !counting {
		end := len(raw)
		// Set aside a closing place ("at the White House", "to Moscow") or
		// topic ("about security guarantees").
		for k := end - 1; k > i; k-- {
			p := raw[k].low
			if !settingPrepositions[p] && !topicPrepositions[p] && p != "to" && p != "from" {
				continue
			}
			rest := raw[k+1 : end]
			if len(rest) > 0 && rest[0].low == "the" {
				rest = rest[1:]
			}
			allCaps := len(rest) > 0
			for _, w := range rest {
				allCaps = allCaps && isCapitalised(w.text)
			}
			if allCaps || topicPrepositions[p] || k == end-1 {
				end = k
			}
			break
		}
		if last := raw[end-1]; end-1 > i && !isCapitalised(last.text) && !questionFillers[last.low] {
			focus[last.low] = true
		}
	}
	for k := 0; k+1 < len(raw); k++ {
		if !settingPrepositions[raw[k].low] {
			continue
		}
		m := k + 1
		if m < len(raw) && raw[m].low == "the" {
			m++
		}
		for m < len(raw) && isCapitalised(raw[m].text) {
			setting[raw[m].low] = true
			m++
		}
	}
	out := make([]float64, len(content))
	others := 0
	for _, w := range content {
		if !setting[strings.ToLower(w.text)] {
			others++
		}
	}
	for i, w := range content {
		l := strings.ToLower(foldString(w.text))
		switch {
		case focus[l] && w.stem != "" && !questionFillers[w.stem]:
			out[i] = weightFocus
		case setting[l] && others > 0:
			out[i] = weightSetting
		case subject[l]:
			out[i] = weightSubject
		default:
			out[i] = 1
		}
	}
	return out
}

// Weights of a question's words (see questionWeights).
const (
	weightFocus   = 2
	weightSubject = 1.5
	weightSetting = 0.5
)

// speaksIn reports whether one of the names is followed closely by a word
// of speaking or reacting ("Putin noted that", "Merz, speaking in Berlin,
// said").
func speaksIn(text string, names []string) bool {
	words, _ := wordSpans(text)
	for i, w := range words {
		match := false
		for _, n := range names {
			match = match || w == n || strings.TrimSuffix(w, "'s") == n
		}
		if !match {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+5; j++ {
			if isReactionWord(words[j]) {
				return true
			}
		}
	}
	return false
}

// othersQuoted: the paragraph quotes someone (whom the caller did not ask
// about).
func othersQuoted(a *artEntry, n int) bool {
	for _, qi := range a.paraQuotes[n] {
		if attributed(&a.a.Quotes[qi]) {
			return true
		}
	}
	return false
}

// questionSubject is the named subject of a question with an auxiliary:
// the capitalised words after it ("what did Donald Trump say" → Donald
// Trump).
func questionSubject(raw []queryWord) []queryWord {
	i := 0
	for i < len(raw) && !questionAux[raw[i].low] {
		if i > 2 {
			return nil
		}
		i++
	}
	var out []queryWord
	for k := i + 1; k < len(raw) && isCapitalised(raw[k].text); k++ {
		out = append(out, raw[k])
	}
	return out
}

// speechWords ask what someone said ("what did Merz say", "how did Kyiv
// react").
var speechWords = map[string]bool{"say": true, "said": true, "says": true, "tell": true, "told": true,
	"think": true, "react": true, "respond": true, "comment": true, "write": true, "wrote": true,
	"warn": true, "claim": true, "argue": true, "describe": true, "call": true, "mean": true}

func asksForWords(raw []queryWord) bool {
	for _, w := range raw {
		if speechWords[w.low] {
			return true
		}
	}
	return false
}

// topicPrepositions open what a question is about ("about sanctions").
var topicPrepositions = map[string]bool{"about": true, "regarding": true, "concerning": true, "on": true, "over": true}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// answerHint recognises questions that ask for a number, a duration, a
// time or a place, and returns a bonus for paragraphs that hold one: more
// when it stands right by one of the question's words ("17 Vestrian
// sailors", "met Putin in Alaska").
func answerHint(ws []queryWord) func(text string, hits [][]token) float64 {
	if len(ws) == 0 {
		return nil
	}
	first := ws[0].low
	second := ""
	if len(ws) > 1 {
		second = ws[1].low
	}
	if first == "where" {
		return placeHint
	}
	var isAnswer func(w string) bool
	switch {
	case first == "how" && (second == "many" || second == "much"):
		isAnswer = isNumberWord
	case first == "how" && second == "long":
		isAnswer = func(w string) bool { return inList(w, durationWords) }
	case first == "when" || first == "what" && (second == "time" || second == "date" || second == "day"):
		isAnswer = func(w string) bool { return inList(w, timeWords) || isNumberWord(w) }
	default:
		return nil
	}
	return func(text string, hits [][]token) float64 {
		words, offs := wordSpans(text)
		bonus := 0.0
		for i, w := range words {
			if !isAnswer(w) {
				continue
			}
			bonus = 0.2
			// Right before one of the question's words?
			limit := len(text)
			if i+4 < len(offs) {
				limit = offs[i+4]
			}
			for _, hs := range hits {
				for _, t := range hs {
					if t.start > offs[i] && t.start < limit {
						return 0.6
					}
				}
			}
		}
		return bonus
	}
}

// placeHint is answerHint's bonus for "where" questions: a place ("in
// Anchorage", "at the Old Customs House") within a few words of one of the
// question's words ("met Putin in Alaska", "at X, where the meeting was
// held").
func placeHint(text string, hits [][]token) float64 {
	words, offs := wordSpans(text)
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "in" && words[i] != "at" && words[i] != "near" && words[i] != "outside" {
			continue
		}
		j := i + 1
		if words[j] == "the" && j+1 < len(words) {
			j++
		}
		if !isCapitalised(text[offs[j]:]) {
			continue
		}
		from, to := 0, len(text)
		if i >= 8 {
			from = offs[i-8]
		}
		if j+8 < len(offs) {
			to = offs[j+8]
		}
		for _, hs := range hits {
			for _, t := range hs {
				if t.start >= from && t.start < to {
					return 0.3
				}
			}
		}
	}
	return 0
}

func isNumberWord(w string) bool {
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	return inList(w, numberWords)
}

func inList(w string, list []string) bool {
	for _, x := range list {
		if w == x || len(w) > len(x) && w[len(x)] == '-' && strings.HasPrefix(w, x) {
			return true
		}
	}
	return false
}

var (
	durationWords = []string{"hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months", "year", "years"}
	timeWords     = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
		"yesterday", "tonight", "morning", "evening", "week", "month", "january", "february", "march", "april", "may", "june",
		"july", "august", "september", "october", "november", "december", "am", "pm", "within", "until", "since"}
	numberWords = []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "billion", "third", "half", "quarter"}
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
