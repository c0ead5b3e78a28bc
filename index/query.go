package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

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

// run searches the live index. The caller holds the read lock (view). A
// panic inside bleve (its files deleted under it) is an error: the engine
// repairs the index meanwhile (see heal).
func (e *Engine) run(ctx context.Context, q query.Query, size int) (search.DocumentMatchCollection, error) {
	res, err := e.search(ctx, bleve.NewSearchRequestOptions(q, size, 0, false))
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// search runs one bleve search request. A panic inside bleve (a segment
// whose files were deleted under the running bot) becomes an error, and
// heals the index when its folder is gone; the caller holds the read lock.
func (e *Engine) search(ctx context.Context, req *bleve.SearchRequest) (res *bleve.SearchResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("index: search: %w: %v", ErrPanic, r)
			if !e.genExists(e.gen) {
				e.heal()
			}
		}
	}()
	res, err = e.alias.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("index: search: %w", ctx.Err())
		}
		return nil, fmt.Errorf("index: search: %w", err)
	}
	return res, nil
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
