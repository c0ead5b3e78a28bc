package index

import (
	"math"
	"sort"
	"strings"
)

// The graded who-said match: every attributed quote that may be the one a
// member half-remembers gets a score in [0, 1] from its words against the
// phrase's (as keys, quotekeys.go):
//
//   - coverage: the share of the phrase's weight the quote holds, each word
//     weighted by how rare it is among the quotes (idf; function words and
//     chatter count little) and counted by how well it matches: its key
//     (form, lemma, number, contraction, spelling) fully, a synonym by its
//     strength, a typo a little less;
//   - order: the share of the matched weight that stands in the phrase's
//     order in the quote;
//   - closeness: how few other words stand between the matched ones;
//   - a penalty for each of the phrase's content words the quote lacks:
//     small when another quote word stands in its place between two found
//     content words ("photos" for "photographs"), large when the phrase adds
//     it before or after all of them (it says more than the quote), and for
//     a negation in the quote that the phrase does not have.
//
// A close match (isClose) needs three content words found and a score of
// closeMinScore; a phrase of one or two content words needs every word,
// close together. Candidates come from the postings of the phrase's rarest
// words: enough of them that a quote holding none of them cannot reach
// closeMinCoverage.

// Weights of the words that are not content words.
const (
	functionWeight = 0.3
	fillerWeight   = 0.15
	minContentIDF  = 1.0 // a content word weighs at least this
	negationWeight = 1.5 // a negation weighs at least this
)

// Strengths of a match that is not by key, and the penalties.
const (
	synonymFactor  = 0.9  // times the synonym's strength
	typoStrength   = 0.75 // a word a few letters off
	missingPenalty = 0.7  // per content word of the phrase the quote lacks
	swapPenalty    = 0.9  // per content word with another in its place
	beyondPenalty  = 0.6  // per content word the phrase adds before or after the quote's
	swapCredit     = 0.3  // the share of its weight such a word still counts
	insertPenalty  = 0.85 // per content word the phrase adds between two side by side in the quote
	insertCredit   = 0.5  // the share of its weight such a word still counts
	negationFactor = 0.6  // a negation in the quote the phrase lacks
	negationSwap   = 0.8  // another negation for the phrase's
)

// Limits of the graded match.
const (
	closeMinCoverage = 0.5  // a close match holds at least this share of the weight
	maxTypoWords     = 4    // unknown words looked up as typos, at most
	maxVariantWords  = 3    // known words looked up as typos, at most
	maxGradedCands   = 6000 // candidate quotes scored, at most
)

// mword is one key token of the phrase.
type mword struct {
	key     string
	surf    string
	weight  float64
	content bool    // missing from a quote, it counts against it
	neg     bool    // a negation
	quant   bool    // a number or a word of quantity
	opp     []int32 // the quote keys that say its opposite in its place ("out" for "in")
}

type qexp struct {
	qi int
	s  float64
}

// graded is a phrase prepared for the graded match.
type graded struct {
	ki       *keyIndex
	words    []mword
	byKey    map[int32][]qexp // quote key → the phrase words it matches, with strength
	exps     [][]int32        // per phrase word: the quote keys it matches
	total    float64
	contents int
	onlyKey  string // "not only … but" is no negation
}

// newGraded prepares folded lower-case words (chatter already stripped).
func newGraded(ki *keyIndex, words []string) *graded {
	lx := ki.lx
	g := &graded{ki: ki, byKey: map[int32][]qexp{}, onlyKey: lx.Lemma("only")}
	typos, variants := 0, 0
	for _, t := range lexTokens(lx, words, nil, lx.Lemma) {
		w := mword{key: t.key, surf: t.surf, neg: lx.IsNegation(t.surf), quant: isQuantity(lx, t.surf)}
		id, known := ki.ids[t.key]
		// A contraction typed without its apostrophe that is also a word
		// ("ill", "were", "well") counts as the function words it may be.
		fn := isFunctionText(lx, t.surf) || lx.IsAmbiguousContraction(t.surf)
		filler := !fn && lx.IsFiller(t.surf)
		w.content = w.neg || !fn && !filler
		switch {
		case w.content:
			w.weight = ki.maxIDF()
			if known {
				w.weight = ki.idf[id]
			}
			w.weight = math.Max(w.weight, minContentIDF)
			if w.neg {
				w.weight = math.Max(w.weight, negationWeight)
			}
		case fn:
			w.weight = functionWeight
		default:
			w.weight = fillerWeight
		}
		for _, o := range lx.Opposites(t.key) {
			if oid, ok := ki.ids[o]; ok {
				w.opp = append(w.opp, oid)
			}
		}
		qi := len(g.words)
		g.words = append(g.words, w)
		g.exps = append(g.exps, nil)
		add := func(k int32, s float64) {
			for i, e := range g.byKey[k] {
				if e.qi == qi {
					if s > e.s {
						g.byKey[k][i].s = s
					}
					return
				}
			}
			g.byKey[k] = append(g.byKey[k], qexp{qi, s})
			g.exps[qi] = append(g.exps[qi], k)
		}
		if known {
			add(id, 1)
		}
		// A contraction typed without its apostrophe ("ill", "id", "well")
		// also matches its verb ("will", "would", "had") in the quote.
		if lx.IsAmbiguousContraction(t.surf) {
			for _, alt := range lx.Alternatives(t.surf) {
				if len(alt) > 1 {
					if vid, ok := ki.ids[lx.Lemma(alt[len(alt)-1])]; ok {
						add(vid, 1)
					}
				}
			}
		}
		// Synonyms: of content words, and of function phrases ("as well").
		for _, syn := range lx.SynonymsOfKey(t.key) {
			if sid, ok := ki.ids[syn.Key]; ok && (w.content || strings.Contains(t.key, " ")) {
				add(sid, synonymFactor*syn.Strength)
			}
		}
		if w.neg {
			// Another negation says no as well ("never" for "not").
			for _, k := range ki.negIDs {
				add(k, negationSwap)
			}
		}
		if w.content {
			// A typo: for a word no quote has, and for a longer one that
			// quotes spell another way too ("zoltanov", "zoltanow").
			switch {
			case strings.Contains(t.surf, " "):
			case !known && typos < maxTypoWords:
				typos++
				for _, k := range ki.typoKeys(t.surf, false) {
					add(k, typoStrength)
				}
			case known && len(t.surf) >= 6 && variants < maxVariantWords:
				variants++
				for _, k := range ki.typoKeys(t.surf, true) {
					add(k, typoStrength)
				}
			}
		}
		g.total += w.weight
		if w.content {
			g.contents++
		}
	}
	return g
}

// candidates are the quotes (phrase index entries) that may reach
// closeMinCoverage: those holding one of the rarest words, enough of them
// that the others weigh less than that (all words' quotes when all is
// set, for the closest quotes of a miss). Sorted, at most maxGradedCands.
func (g *graded) candidates(all bool) []int32 {
	order := make([]int, 0, len(g.words))
	for i := range g.words {
		order = append(order, i)
	}
	sort.SliceStable(order, func(a, b int) bool { return g.words[order[a]].weight > g.words[order[b]].weight })
	var ids []int32
	covered := 0.0
	for _, qi := range order {
		if !all && g.total-covered < closeMinCoverage*g.total {
			break
		}
		covered += g.words[qi].weight
		for _, k := range g.exps[qi] {
			ids = append(ids, g.ki.postings[k]...)
		}
		if len(ids) > 4*maxGradedCands {
			break
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	out := ids[:0]
	for i, id := range ids {
		if i == 0 || id != ids[i-1] {
			out = append(out, id)
		}
	}
	if len(out) > maxGradedCands {
		out = out[:maxGradedCands]
	}
	return out
}

// gradedMatch is one quote's score against the phrase.
type gradedMatch struct {
	id         int32
	score      float64
	coverage   float64
	quoteCov   float64 // the share of the quote's content the phrase holds
	matched    int     // content words of the phrase found
	missing    int     // content words of the phrase not found
	weakest    float64 // the weakest strength among the content words found
	span       int     // the quote words from the first matched to the last
	weakAll    float64 // the weakest strength among all the words found
	unmatched  int     // words of the phrase not found, function words too
	order      float64 // the share of the matched weight in the phrase's order
	negated    bool    // a negation stands among the matched words, not in the phrase
	density    float64 // the matched words\' share of the stretch they span
	swapped    int     // missing content words with another word in their place in the quote
	swapW      float64 // their weight
	beyond     int     // missing content words before or after all the found ones: the phrase says more than the quote
	inserted   int     // missing content words added between two words that stand side by side in the quote ("every single second")
	insW       float64 // their weight
	viaSynonym bool    // a word was found by a synonym
	missMask   uint64  // the missing content words (phrase word i as bit i, the first 64)
	toks       []int32 // the quote's matched tokens (indices into keyIndex.toks[id])
}

type hitAt struct {
	pos int
	tok int32
	s   float64
}

// scratch holds one query's buffers, reused from quote to quote.
type scratch struct {
	hits    [][]hitAt
	best    []float64
	chosen  []int
	ctok    []int32
	lis     []float64
	parent  []int
	inChain []bool
	used    []int32
}

func (g *graded) newScratch() *scratch {
	n := len(g.words)
	return &scratch{hits: make([][]hitAt, n), best: make([]float64, n), chosen: make([]int, n), ctok: make([]int32, n),
		lis: make([]float64, n), parent: make([]int, n), inChain: make([]bool, n)}
}

// score grades one quote; keepToks fills the match's toks.
func (g *graded) score(id int32, sc *scratch, keepToks bool) gradedMatch {
	ki := g.ki
	toks := ki.toks[id]
	for i := range sc.hits {
		sc.hits[i] = sc.hits[i][:0]
		sc.chosen[i] = -1
	}
	quoteWeight := 0.0
	for ti, t := range toks {
		w := functionWeight
		if !ki.fn[t.key] {
			w = math.Max(ki.idf[t.key], minContentIDF)
		}
		quoteWeight += w
		for _, e := range g.byKey[t.key] {
			sc.hits[e.qi] = append(sc.hits[e.qi], hitAt{int(t.pos), int32(ti), e.s})
		}
	}
	m, got, matchedW := g.align(id, sc, false)
	if bestChain, _ := g.chain(sc); bestChain < matchedW {
		// Out of order: try each content word at its first place, and keep
		// the alignment with the heavier chain in order.
		alt, altGot, altW := g.align(id, sc, true)
		if altChain, _ := g.chain(sc); altChain > bestChain {
			m, got, matchedW = alt, altGot, altW
		} else {
			m, got, matchedW = g.align(id, sc, false)
		}
	}
	if g.total == 0 || matchedW == 0 {
		return m
	}
	m.coverage = got / g.total
	// Order: the heaviest chain of matched words in increasing places.
	bestChain, end := g.chain(sc)
	m.order = bestChain / matchedW
	// Closeness: the chain's share of the stretch of the quote it spans.
	for i := range sc.inChain {
		sc.inChain[i] = false
	}
	lo, hi, n := math.MaxInt, -1, 0
	for i := end; i >= 0; i = sc.parent[i] {
		sc.inChain[i] = true
		p := sc.chosen[i]
		lo, hi = min(lo, p), max(hi, p)
		n++
	}
	m.span = hi - lo + 1
	density := math.Min(1, float64(n)/float64(m.span))
	// A negation of the phrase found only out of order is not the same
	// statement ("poland will not be at the table" against "… at the
	// table, not on the menu"): when the words around it stand in order.
	for i, w := range g.words {
		if w.neg && sc.chosen[i] >= 0 && !sc.inChain[i] && i > 0 && i+1 < len(g.words) &&
			sc.inChain[i-1] && sc.inChain[i+1] {
			m.negated = true
		}
	}
	// A negation of the phrase with one of the next content words (up to
	// three, before another negation) only before it in the quote negates
	// another word
	// ("putin has won the war, not the photograph" against "… won the
	// photograph, not the war").
	for i, w := range g.words {
		if !w.neg || sc.chosen[i] < 0 {
			continue
		}
		seen := 0
		for j := i + 1; j < len(g.words) && !g.words[j].neg && seen < 3; j++ {
			if g.words[j].content && sc.chosen[j] >= 0 {
				seen++
				after := false // the word stands after the negation too
				for _, h := range sc.hits[j] {
					after = after || h.pos > sc.chosen[i]
				}
				m.negated = m.negated || !after
			}
		}
	}
	// A negation in the stretch the chain's content words span that no
	// negation of the phrase accounts for (one the phrase has but the quote
	// lacks may stand for it), or another number or quantity in place of
	// the phrase's.
	cLo, cHi := math.MaxInt, -1
	phraseNeg, phraseQuantity, anyNeg := false, false, false
	for i, w := range g.words {
		if sc.inChain[i] && w.content {
			cLo, cHi = min(cLo, sc.chosen[i]), max(cHi, sc.chosen[i])
		}
		// A negation of the phrase placed on one of the quote's leaves the
		// quote's others unexplained ("ukraine will accept … was not
		// allowed" against "will not accept … was not allowed").
		phraseNeg = phraseNeg || w.neg && sc.chosen[i] < 0
		anyNeg = anyNeg || w.neg
		if w.quant && !sc.inChain[i] {
			phraseQuantity = true
		}
	}
	for ti, t := range toks {
		if int(t.pos) < cLo-1 || int(t.pos) > cHi || g.matchedTok(sc, int32(ti)) {
			continue
		}
		if phraseQuantity && int(t.pos) >= cLo && g.ki.quant[t.key] {
			m.negated = true
			break
		}
		if phraseNeg || !g.ki.neg[t.key] {
			continue
		}
		if ti+1 < len(toks) && g.ki.keys[toks[ti+1].key] == g.onlyKey {
			continue // "not only … but"
		}
		if anyNeg && !(ti+1 < len(toks) && g.matchedTok(sc, int32(ti+1)) || ti+2 < len(toks) && g.matchedTok(sc, int32(ti+2))) {
			// The phrase says no too, and the quote's other "no" stands
			// in a clause the phrase left out ("no secret annex, no
			// hidden concession, nothing that …").
			continue
		}
		m.negated = true
		break
	}
	// A word of the phrase the quote lacks, with its opposite standing
	// unmatched among the chain's words ("priced in peace" against "priced
	// out peace"): the quote says the opposite.
	for i, w := range g.words {
		if m.negated || len(w.opp) == 0 || sc.chosen[i] >= 0 {
			continue
		}
		for ti, t := range toks {
			if int(t.pos) >= lo-1 && int(t.pos) <= hi+1 && containsKey(w.opp, t.key) && !g.matchedTok(sc, int32(ti)) {
				m.negated = true
				break
			}
		}
	}
	quoteGot := 0.0
	for qi := range g.words {
		if sc.chosen[qi] >= 0 {
			t := toks[sc.ctok[qi]]
			if !ki.fn[t.key] {
				quoteGot += math.Max(ki.idf[t.key], minContentIDF)
			} else {
				quoteGot += functionWeight
			}
		}
	}
	if quoteWeight > 0 {
		m.quoteCov = math.Min(1, quoteGot/quoteWeight)
	}
	m.density = density

	// A missing content word between two found ones that stand apart in
	// the quote, with a word of the quote between them in its place, is a
	// word remembered differently ("photos" for "photographs"): it counts
	// less against the quote than a word the quote does not have at all.
	for qi, w := range g.words {
		if !w.content || sc.best[qi] > 0 {
			continue
		}
		// The nearest content words found before and after it.
		before, after := -1, -1
		for j := qi - 1; j >= 0; j-- {
			if sc.chosen[j] >= 0 && g.words[j].content {
				before = sc.chosen[j]
				break
			}
		}
		for j := qi + 1; j < len(g.words); j++ {
			if sc.chosen[j] >= 0 && g.words[j].content {
				after = sc.chosen[j]
				break
			}
		}
		if g.nameSwapped(sc, toks, qi) {
			m.negated = true // another name in its place: another statement
		}
		switch {
		case g.replaced(sc, toks, qi):
			m.swapped++
			m.swapW += w.weight
		case before < 0 || after < 0:
			m.beyond++
		case g.inserted(sc, qi):
			m.inserted++
			m.insW += w.weight
		}
	}
	g.finish(&m)
	if keepToks {
		for qi := range g.words {
			if sc.chosen[qi] >= 0 {
				m.toks = append(m.toks, sc.ctok[qi])
			}
		}
	}
	return m
}

// align places the phrase's words on the quote's tokens (hits in sc):
// content words first, then function words, each in the phrase's order,
// after the previous word's place where it can (or, with earliest, each
// content word at its first place). It returns the match's counts, the
// weight found (by strength) and the weight of the words found.
func (g *graded) align(id int32, sc *scratch, earliest bool) (gradedMatch, float64, float64) {
	m := gradedMatch{id: id, weakest: 1, weakAll: 1}
	for i := range sc.chosen {
		sc.chosen[i] = -1
		sc.best[i] = 0
	}
	got, matchedW := 0.0, 0.0
	used := sc.used[:0]
	// Content words take their places first, then function words, each
	// pass in the phrase's order: a function word never takes a place a
	// content word needs.
	for pass := 0; pass < 2; pass++ {
		prev := -1
		for qi, w := range g.words {
			if w.content != (pass == 0) {
				if sc.chosen[qi] > prev {
					prev = sc.chosen[qi]
				}
				continue
			}
			// The strongest place not taken; among those, the first after
			// the previous word's place, else the first.
			b, pick, tok := 0.0, -1, int32(-1)
			for _, h := range sc.hits[qi] {
				if h.s < b || containsKey(used, h.tok) {
					continue
				}
				if h.s > b {
					b, pick, tok = h.s, h.pos, h.tok
					continue
				}
				if !(earliest && pass == 0) && pick <= prev && h.pos > prev {
					pick, tok = h.pos, h.tok
				}
			}
			sc.best[qi] = b
			if b == 0 {
				if w.neg {
					m.negated = true // the phrase says no, the quote does not
				}
				if w.content {
					m.missing++
					if qi < 64 {
						m.missMask |= 1 << qi
					}
				}
				continue
			}
			used = append(used, tok)
			got += w.weight * b
			matchedW += w.weight
			if w.content {
				m.matched++
				m.weakest = math.Min(m.weakest, b)
			}
			m.weakAll = math.Min(m.weakAll, b)
			if b != 1 && b != typoStrength {
				m.viaSynonym = true
			}
			sc.chosen[qi], sc.ctok[qi] = pick, tok
			if pick > prev {
				prev = pick
			}
		}
	}
	sc.used = used
	m.unmatched = len(g.words) - len(used)
	return m, got, matchedW
}

// chain finds the heaviest chain of placed words in increasing places
// (parent links in sc) and returns its weight and last word (-1: none).
func (g *graded) chain(sc *scratch) (float64, int) {
	best, end := 0.0, -1
	for i := range g.words {
		sc.lis[i], sc.parent[i] = 0, -1
		if sc.chosen[i] < 0 {
			continue
		}
		sc.lis[i] = g.words[i].weight
		for j := 0; j < i; j++ {
			if sc.chosen[j] >= 0 && sc.chosen[j] < sc.chosen[i] && sc.lis[j]+g.words[i].weight > sc.lis[i] {
				sc.lis[i], sc.parent[i] = sc.lis[j]+g.words[i].weight, j
			}
		}
		if sc.lis[i] > best {
			best, end = sc.lis[i], i
		}
	}
	return best, end
}

// finish computes a match's score from its parts.
func (g *graded) finish(m *gradedMatch) {
	neg := 1.0
	if m.negated {
		neg = negationFactor
	}
	cov := m.coverage + swapCredit*m.swapW/g.total + insertCredit*m.insW/g.total
	pen := math.Pow(missingPenalty, float64(m.missing-m.swapped-m.beyond-m.inserted)) * math.Pow(swapPenalty, float64(m.swapped)) *
		math.Pow(beyondPenalty, float64(m.beyond)) * math.Pow(insertPenalty, float64(m.inserted))
	m.score = cov * (0.75 + 0.25*m.order) * (0.6 + 0.4*m.density) * pen * neg
}

// isClose tells whether a match is good enough to answer with: the quote is
// very likely what was meant.
func (g *graded) isClose(m gradedMatch) bool {
	if g.contents <= 2 {
		// Two content words or fewer: every word, function words too, by
		// key, a full synonym or a typo, close together, and no negation
		// among them that the phrase lacks (who-said's old "every word"
		// match).
		// A function word may differ ("this blockade" for "the
		// blockade") only where the rest stands word for word.
		fnMissing := m.unmatched - m.missing
		if fnMissing > (len(g.words)-1)/4 || fnMissing > 0 && (m.span > len(g.words)+1 || g.contents < 2) {
			return false
		}
		if g.contents < 2 && (m.viaSynonym || m.order < 1 || m.span > len(g.words)+1) {
			return false // one content word: the phrase as typed, but for word forms and a typo
		}
		if g.contents < 2 && m.weakAll < 1 && g.shortTypo() {
			return false // "the beast" is not "the best": a short word a letter off is another word
		}
		if m.viaSynonym && m.order < 1 && (g.negates() || m.span > len(g.words)+1) {
			// "not for sale" is not "will not trade its claim … for": a
			// synonym counts in a short phrase only with the words in place.
			return false
		}
		return m.missing == 0 && m.weakAll >= typoStrength && m.span <= 2*len(g.words)+6 && !m.negated
	}
	// A quote that says the opposite (a negation, another number) is not
	// what was meant, however close its words.
	// Two found are enough when the phrase holds the whole quote and only
	// adds words between them ("he loved every single second of it").
	enough := m.matched >= 3 || m.matched == 2 && m.inserted == m.missing && m.quoteCov >= contextMinQuoteCov
	return enough && !m.negated && m.coverage >= closeMinCoverage && m.score >= closeMinScore
}

// closeMinScore is the score a close match needs.
const closeMinScore = 0.6

// rank grades every candidate (all: see candidates) and returns the
// matches worth showing, best first: at least closestMinScore, or a quote
// the phrase may hold whole (see withContext).
func (g *graded) rank(all bool) []gradedMatch {
	sc := g.newScratch()
	var out []gradedMatch
	for _, id := range g.candidates(all) {
		if m := g.score(id, sc, false); m.score >= closestMinScore || m.quoteCov >= contextMinQuoteCov && m.matched >= 3 {
			out = append(out, m)
		}
	}
	sortMatches(out)
	return out
}

// sortMatches orders matches best first: by score, then by how much of the
// quote the phrase holds.
func sortMatches(ms []gradedMatch) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].score != ms[j].score {
			return ms[i].score > ms[j].score
		}
		return ms[i].quoteCov > ms[j].quoteCov
	})
}

// closestMinScore is the least score of a quote shown as closest (not
// matching).
const closestMinScore = 0.15

// terms returns the quote's words the match found, as they stand in the
// quote (for bolding).
func (g *graded) terms(px *phraseIndex, m gradedMatch) []string {
	sc := g.newScratch()
	full := g.score(m.id, sc, true)
	e := &px.entries[m.id]
	toks := g.ki.toks[m.id]
	var out []string
	seen := map[string]bool{}
	for _, ti := range full.toks {
		t := toks[ti]
		if int(t.first) >= len(e.offs) || int(t.last) >= len(e.offs) {
			continue
		}
		s := e.text[e.offs[t.first]:wordEnd(e.text, e.offs[t.last])]
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// Quotes a phrase holds whole, with the rest of the phrase around them in
// the narration: "he could end the war within 24 hours" when only "within
// 24 hours" is quoted and the paragraph says he "could end the war". The
// quote must be most of itself in the phrase, with three content words or
// more, and every word the quote lacks must stand in its paragraph.
const (
	contextMinQuoteCov = 0.8
	contextStrength    = 0.8 // a phrase word found in the narration around the quote
	contextCandidates  = 20  // the best matches tried
	contextRefs        = 3   // paragraphs tried per quote text
)

// withContext rescores the best matches that lack some of the phrase's
// words by the paragraphs around their quotes, best first again.
func (g *graded) withContext(s *snapshot, ranked []gradedMatch) []gradedMatch {
	changed := false
	for i := range ranked[:min(len(ranked), contextCandidates)] {
		m := ranked[i]
		if m.missing == 0 || m.quoteCov < contextMinQuoteCov || m.matched < 3 || m.order < 0.7 {
			continue
		}
		for _, r := range s.phrases.refs[m.id][:min(len(s.phrases.refs[m.id]), contextRefs)] {
			p, ok := r.art.para(r.q().Paragraph)
			if !ok {
				continue
			}
			if found, w := g.inParagraph(p.Text, s.keys, m.missMask); found == m.missing {
				m.coverage += contextStrength * w / g.total
				m.missing, m.swapped, m.swapW, m.beyond = 0, 0, 0, 0
				g.finish(&m)
				ranked[i], changed = m, true
				break
			}
		}
	}
	if changed {
		sortMatches(ranked)
	}
	return ranked
}

// inParagraph counts the missing phrase words (and their weight) that
// stand in text by key or full synonym.
func (g *graded) inParagraph(text string, ki *keyIndex, missing uint64) (int, float64) {
	words, _ := wordSpans(text)
	keys := map[string]bool{}
	for _, t := range lexTokens(ki.lx, words, nil, ki.lx.Lemma) {
		keys[t.key] = true
	}
	n, w := 0, 0.0
	for qi, qw := range g.words {
		if qi >= 64 || missing&(1<<qi) == 0 {
			continue
		}
		ok := keys[qw.key]
		for _, syn := range ki.lx.SynonymsOfKey(qw.key) {
			ok = ok || syn.Strength >= 1 && keys[syn.Key]
		}
		if ok {
			n++
			w += qw.weight
		}
	}
	return n, w
}
