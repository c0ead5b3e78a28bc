package index

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2/search/query"

	"summitbot/answer"
	"summitbot/quote"
)

// reactionStems begin the words that tell someone reacted.
var reactionStems = []string{"said", "say", "told", "react", "respon", "welcom", "warn", "critici", "condemn", "prais",
	"urg", "call", "statement", "cautio", "sceptic", "skeptic", "echo", "slam", "insist", "note", "declar", "remark",
	"repl", "added", "stress", "express", "hail", "dismiss", "reject", "doubt", "opin", "accus", "vow", "pledg",
	"demand", "appeal", "wrote", "post", "tweet", "announc", "argu", "claim", "comment", "describ", "acknowledg",
	"admit", "blast", "denounc", "applaud", "split", "divid", "quip", "mock", "ridicul", "question", "protest"}

func isReactionWord(w string) bool {
	for _, s := range reactionStems {
		if strings.HasPrefix(w, s) {
			return true
		}
	}
	return false
}

// mentionKind: 0 none, 1 a passing mention, 2 the group is the subject of
// a sentence that reports a reaction: it opens the sentence and a reaction
// word follows in it ("Ukraine, which was not invited, reacted with
// caution"), or a reaction word follows right after it ("officials in Kyiv
// said"). "Putin warned Kyiv and European capitals not to … what he called"
// is a passing mention of Kyiv.
func mentionKind(text string, gq *groupQuery) int {
	words, offs := wordSpans(text)
	if len(words) == 0 {
		return 0
	}
	// Sentence starts.
	start := make([]int, len(words)) // index of the sentence's first word
	s := 0
	for i := range words {
		if i > 0 {
			gap := text[offs[i-1]:offs[i]]
			if strings.ContainsAny(gap, ".!?") {
				s = i
			}
		}
		start[i] = s
	}
	termWords := gq.termIndex()
	best := 0
	for i := range words {
		n := mentionAt(words, i, termWords, gq.prefixes)
		if n == 0 {
			continue
		}
		best = max(best, 1)
		near := i-start[i] < 4
		for j := i + n; j < len(words) && start[j] == start[i]; j++ {
			if !near && j >= i+n+3 {
				break
			}
			if isReactionWord(words[j]) {
				return 2
			}
		}
	}
	return best
}

// termIndex maps each term's first word to the terms' words (built once
// per query).
func (gq *groupQuery) termIndex() map[string][][]string {
	if gq.byFirst != nil {
		return gq.byFirst
	}
	gq.byFirst = map[string][][]string{}
	for _, t := range gq.terms {
		if tw, _ := wordSpans(t); len(tw) > 0 {
			gq.byFirst[tw[0]] = append(gq.byFirst[tw[0]], tw)
		}
	}
	return gq.byFirst
}

// mentionAt returns how many words at i name the group (0 for none).
func mentionAt(words []string, i int, terms map[string][][]string, prefixes []string) int {
	first := words[i]
	cands := terms[first]
	if base := strings.TrimSuffix(first, "'s"); base != first {
		cands = append(cands[:len(cands):len(cands)], terms[base]...)
	}
	for _, suf := range []string{"s", "es"} {
		if base := strings.TrimSuffix(first, suf); base != first && len(base) > 2 {
			cands = append(cands[:len(cands):len(cands)], terms[base]...)
		}
	}
	if strings.HasSuffix(first, "men") {
		cands = append(cands[:len(cands):len(cands)], terms[first[:len(first)-3]+"man"]...)
	}
	for _, tw := range cands {
		if i+len(tw) > len(words) {
			continue
		}
		ok := true
		for k, w := range tw {
			x := words[i+k]
			if x != w && !(k == len(tw)-1 && (strings.TrimSuffix(x, "'s") == w || pluralOf(w, x))) {
				ok = false
				break
			}
		}
		if ok {
			return len(tw)
		}
	}
	for _, p := range prefixes {
		if strings.HasPrefix(words[i], p) {
			return 1
		}
	}
	return 0
}

// existingTerms keeps the terms that occur in the index (single words
// checked in the exact field; phrases by their words), so that a bloc's
// hundreds of names become a small disjunction. Results are cached per
// snapshot. The caller holds the read lock.
func (e *Engine) existingTerms(s *snapshot, terms []string) []string {
	exists, done := e.termChecker(s)
	defer done()
	var out []string
	for _, t := range terms {
		ws := analyze(e.an.exact, t)
		ok := len(ws) > 0
		for _, w := range ws {
			if exists(fieldTextExact, w.term) == 0 {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, t)
		}
	}
	return out
}

// termChecker returns a function telling how many paragraphs hold a term
// in a field of the live index (answers are cached per snapshot), and a
// function to call when done. When the index cannot be read, every term is
// in one paragraph. The caller holds the read lock.
func (e *Engine) termChecker(s *snapshot) (func(field, term string) uint64, func()) {
	one := func(string, string) uint64 { return 1 }
	ix, err := e.idx.Advanced()
	if err != nil {
		return one, func() {}
	}
	r, err := ix.Reader()
	if err != nil {
		return one, func() {}
	}
	return func(field, term string) uint64 {
		key := field + "\x00" + term
		if v, ok := s.termCache.Load(key); ok {
			return v.(uint64)
		}
		tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, false, false, false)
		n := uint64(1)
		if err == nil {
			n = tfr.Count()
			tfr.Close()
		}
		s.termCache.Store(key, n)
		return n
	}, func() { r.Close() }
}

// paraKey identifies a paragraph.
type paraKey struct {
	art *artEntry
	n   int
}

type reactionCand struct {
	key     paraKey
	member  int // best strength of a member quoted in it
	off     int // that member's office (+1, 0, -1)
	speaker *speakerInfo
	quotes  []int // the member's quotes in the paragraph
	mention int
	// passing: the paragraph's quotes are all by people of other sides
	// (Putin warning Kyiv): a mention of the group, not its reaction.
	passing bool
	bm25    float64
	score   float64
	order   int
}

const maxReactionCandidates = 150

// mq is a member's quote with its rank key.
type mq struct {
	sp  *speakerInfo
	st  int
	r   quoteRef
	key float64
}

// mqCursor walks one member's quotes, earliest paragraph first.
type mqCursor struct {
	sp   *speakerInfo
	st   int
	next int
	key  float64
}

// mqHeap is a max-heap of cursors by the key of their next quote.
type mqHeap struct{ items []mqCursor }

func (h *mqHeap) Len() int { return len(h.items) }

func (h *mqHeap) Less(i, j int) bool {
	if h.items[i].key != h.items[j].key {
		return h.items[i].key > h.items[j].key
	}
	return h.items[i].sp.key < h.items[j].sp.key
}

func (h *mqHeap) Swap(i, j int) { h.items[i], h.items[j] = h.items[j], h.items[i] }

func (h *mqHeap) Push(x any) { h.items = append(h.items, x.(mqCursor)) }

func (h *mqHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

// Reactions finds how a group (country, bloc, camp, person) reacted.
func (e *Engine) Reactions(ctx context.Context, group string, limit int) (answer.Answer, error) {
	return e.reactions(ctx, group, limit, false)
}

// reactions answers Reactions; exhaustive scores every candidate (and
// searches the index) instead of stopping once the picks are settled, which
// the tests compare the lazy scoring with.
func (e *Engine) reactions(ctx context.Context, group string, limit int, exhaustive bool) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "reactions", Query: group, Results: []answer.Result{}}
	raw := splitWords(cleanInput(compoundInput(requestText(group))), 12)
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	gq := e.resolveGroup(s, raw)
	if gq.label == "" {
		ans.Note = "nothing to search for: name a country, bloc, camp or person"
		return ans, ErrEmptyQuery
	}
	cands := map[paraKey]*reactionCand{}
	get := func(k paraKey) *reactionCand {
		c := cands[k]
		if c == nil {
			c = &reactionCand{key: k, order: len(cands)}
			cands[k] = c
		}
		return c
	}
	// Statements by members: the strongest members' earliest paragraphs
	// first, a bounded number of them.
	// Each member's quotes come earliest paragraph first, so their keys
	// fall: merge the members' lists and take the best few hundred (and
	// any that tie with the last).
	keyOf := func(sp *speakerInfo, st int, r quoteRef) float64 {
		k := 10*float64(st) + 2/(1+float64(r.q().Paragraph)/4)
		if gq.official {
			k += 4*float64(sp.official) + gq.voiceOf(sp)
		}
		return k
	}
	h := &mqHeap{}
	for sp, st := range gq.members {
		if len(sp.byPara) > 0 {
			h.items = append(h.items, mqCursor{sp: sp, st: st, key: keyOf(sp, st, sp.byPara[0])})
		}
	}
	heap.Init(h)
	var mqs []mq
	for h.Len() > 0 {
		top := &h.items[0]
		if len(mqs) >= 4*maxReactionCandidates && top.key < mqs[len(mqs)-1].key {
			break
		}
		r := top.sp.byPara[top.next]
		mqs = append(mqs, mq{top.sp, top.st, r, top.key})
		top.next++
		if top.next < len(top.sp.byPara) {
			top.key = keyOf(top.sp, top.st, top.sp.byPara[top.next])
			heap.Fix(h, 0)
		} else {
			heap.Pop(h)
		}
	}
	sort.Slice(mqs, func(i, j int) bool {
		if mqs[i].key != mqs[j].key {
			return mqs[i].key > mqs[j].key
		}
		if mqs[i].sp.key != mqs[j].sp.key {
			return mqs[i].sp.key < mqs[j].sp.key
		}
		if mqs[i].r.art != mqs[j].r.art {
			return mqs[i].r.art.a.File < mqs[j].r.art.a.File
		}
		return mqs[i].r.i < mqs[j].r.i
	})
	for _, m := range mqs {
		sp, st, r := m.sp, m.st, m.r
		k := paraKey{r.art, r.q().Paragraph}
		if cands[k] == nil && len(cands) >= maxReactionCandidates {
			continue
		}
		{
			c := get(k)
			better := st > c.member || st == c.member && sp.official > c.off
			if c.speaker == nil || better {
				c.member, c.off, c.speaker, c.quotes = st, sp.official, sp, nil
			}
			if c.speaker == sp {
				c.quotes = append(c.quotes, r.i)
			}
		}
	}
	searchTerms := append([]string(nil), gq.terms...)
	if len(gq.stemmed) > 0 {
		// A camp's words may be inflected: count stemmed matches as mentions.
		for _, w := range gq.stemmed {
			for _, t := range analyze(e.an.exact, w) {
				gq.terms = appendDistinct(gq.terms, t.term)
			}
			if p := pluralForms(w); len(p) > 0 {
				gq.terms = append(gq.terms, p...)
			}
		}
	}
	// Score, lazily: every candidate gets a bound on its score from what is
	// known without reading its text; candidates are scored exactly in
	// order of their bounds, until the ones picked so far cannot be beaten
	// by any candidate left (see reactionScorer). Members' statements come
	// first: when they settle the answer, no paragraph that only names the
	// group could change it, and the index is not searched at all.
	rsc := &reactionScorer{s: s, gq: &gq, cands: cands, exhaustive: exhaustive}
	picked, settled := rsc.pick(limit, unseenReactionBound)
	if !settled {
		// Paragraphs that name the group.
		var qs []query.Query
		for _, t := range subsumed(e.existingTerms(s, searchTerms)) {
			if strings.Contains(t, " ") {
				qs = append(qs, phraseQ(fieldTextExact, t, 1))
			} else {
				qs = append(qs, termQ(fieldTextExact, t))
			}
		}
		for _, p := range gq.prefixes {
			pq := query.NewPrefixQuery(p)
			pq.SetField(fieldTextExact)
			qs = append(qs, pq)
		}
		for _, w := range gq.stemmed {
			qs = append(qs, matchQ(fieldText, w, 1))
		}
		if len(gq.within) > 0 && len(qs) > 0 {
			// Mentions of the camp in the group's paragraphs.
			var in []query.Query
			for _, t := range subsumed(e.existingTerms(s, gq.within)) {
				if strings.Contains(t, " ") {
					in = append(in, phraseQ(fieldTextExact, t, 1))
				} else {
					in = append(in, termQ(fieldTextExact, t))
				}
			}
			if len(in) == 0 {
				qs = nil
			} else {
				qs = []query.Query{query.NewConjunctionQuery([]query.Query{disj(1, qs...), disj(1, in...)})}
			}
		}
		// Statements by office-holding members outrank any mention; when
		// there are plenty of them, fewer mentions need looking at.
		strong := 0
		for _, c := range cands {
			if c.member >= memberFull && (!gq.official || c.off >= 0) {
				strong++
			}
		}
		size := 200
		if strong >= 4*limit {
			size = 10 * limit
		}
		if len(qs) > 0 {
			hits, err := e.run(ctx, disj(1, qs...), size)
			if err != nil {
				return ans, err
			}
			for _, h := range hits {
				a, p, ok := s.hitPara(h.ID)
				if !ok {
					continue
				}
				c := get(paraKey{a, p.N})
				c.bm25 = h.Score
			}
		}
		picked, _ = rsc.pick(limit, math.Inf(-1))
	}
	reacting := func(c *reactionCand) bool { return c.member > 0 || c.mention == 2 && !c.passing }
	reacts := false
	for _, c := range picked {
		ans.Results = append(ans.Results, e.reactionResult(s, c))
		reacts = reacts || reacting(c)
	}
	ans.Found = len(ans.Results) > 0
	if gq.kind != "unknown" {
		ans.Subject = gq.subject
		if ans.Subject == "" {
			ans.Subject = gq.label
		}
		ans.Also = gq.also
	}
	switch gq.kind {
	case "unknown":
		ans.Note = fmt.Sprintf("%q is not a known group: plain search of its words over paragraphs, quotes and speaker descriptions", gq.label)
	case "derived":
		ans.Note = fmt.Sprintf("%q is not in the group table: matched from how the articles describe their speakers", gq.label)
	}
	if !ans.Found || !reacts {
		if ans.Note != "" {
			ans.Note += "; "
		}
		ans.Note += fmt.Sprintf("no reaction from %s found", gq.label)
		if ans.Found {
			ans.Note += ": these paragraphs only mention it"
		}
	}
	return ans, nil
}

// aboutGroup tells whether the member quoted in a paragraph speaks about
// the group: the group reacts in the paragraph, or the member's own words
// name it.
func (c *reactionCand) aboutGroup(gq *groupQuery) bool {
	if c.mention == 2 {
		return true
	}
	for _, qi := range c.quotes {
		if mentionKind(c.key.art.a.Quotes[qi].Text, gq) > 0 {
			return true
		}
	}
	return false
}

// othersSpeak reports whether a paragraph's quotes are all by speakers
// known to stand elsewhere: not members of the group, and members of other
// groups of the table. Only for groups the table knows: for a group found
// in the articles, who else belongs to it is not known.
func (gq *groupQuery) othersSpeak(s *snapshot, k paraKey) bool {
	if gq.kind != "table" && gq.kind != "person" {
		return false
	}
	n := 0
	for _, qi := range k.art.paraQuotes[k.n] {
		q := &k.art.a.Quotes[qi]
		if !attributed(q) {
			continue
		}
		sp := s.byKey[speakerKey(q)]
		if sp == nil || gq.members[sp] > 0 || len(sp.groups) == 0 {
			return false
		}
		n++
	}
	return n > 0
}

func anyReactionWord(ws []string) bool {
	for _, w := range ws {
		if isReactionWord(w) {
			return true
		}
	}
	return false
}

// diversify picks up to limit candidates best first, lowering a speaker's
// later paragraphs (by 3 for each earlier pick of theirs) so that other
// voices come in between. It also returns the lowered score each pick was
// made at.
func diversify(list []*reactionCand, limit int) ([]*reactionCand, []float64) {
	used := map[*speakerInfo]int{}
	var out []*reactionCand
	var values []float64
	rest := append([]*reactionCand(nil), list...)
	for len(out) < limit && len(rest) > 0 {
		bi := 0
		best := -1e18
		for i, c := range rest {
			v := c.score
			if c.speaker != nil {
				v -= 3 * float64(used[c.speaker])
			}
			if v > best {
				best, bi = v, i
			}
		}
		c := rest[bi]
		rest = append(rest[:bi], rest[bi+1:]...)
		if c.speaker != nil {
			used[c.speaker]++
		}
		out = append(out, c)
		values = append(values, best)
	}
	return out, values
}

func (e *Engine) reactionResult(s *snapshot, c *reactionCand) answer.Result {
	p, _ := c.key.art.para(c.key.n)
	r := paraResult(c.key.art, p)
	r.Score = c.score
	var qi []int
	if c.member > 0 {
		qi = c.quotes
	} else if !c.passing && (c.mention == 2 || c.speaker != nil) {
		for _, i := range c.key.art.paraQuotes[c.key.n] {
			q := &c.key.art.a.Quotes[i]
			if attributed(q) && (c.speaker == nil || speakerKey(q) == c.speaker.key) {
				qi = append(qi, i)
			}
		}
		if len(qi) > 0 && c.speaker == nil {
			first := speakerKey(&c.key.art.a.Quotes[qi[0]])
			var same []int
			for _, i := range qi {
				if speakerKey(&c.key.art.a.Quotes[i]) == first {
					same = append(same, i)
				}
			}
			qi = same
		}
	}
	if len(qi) > 0 {
		q := &c.key.art.a.Quotes[qi[0]]
		qr := s.quoteResult(quoteRef{c.key.art, qi[0]})
		r.Speaker, r.Description, r.Confidence, r.Uncertain = qr.Speaker, qr.Description, qr.Confidence, qr.Uncertain
		if r.Speaker == "" && c.member > 0 && c.speaker != nil {
			// A quote given only by office, linked to its holder.
			r.Speaker = c.speaker.name
		}
		texts := make([]string, 0, len(qi))
		for _, i := range qi {
			texts = append(texts, displayQuote(c.key.art.a.Quotes[i].Text))
			if c.key.art.a.Quotes[i].Confidence < quote.UncertainBelow {
				r.Uncertain = true
			}
		}
		r.Quote = strings.Join(texts, " … ")
		_ = q
	}
	return r
}
