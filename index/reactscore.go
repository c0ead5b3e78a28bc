package index

import (
	"sort"
	"unicode/utf8"
)

// reactionScorer scores reactions candidates. A candidate's score is:
//
//   - a member's statement: 10 × strength (+ 4 × office for an official
//     group, + 2 for a voice of the institution the request named), +1 when the paragraph names the group, up to +1 for how much
//     the member says;
//   - a member country's person speaking about a bloc (weak member): 5 +
//     the mention kind;
//   - another side speaking of the group: the mention kind;
//   - otherwise 8 when the group is the subject reacting, 4 when named;
//
// plus 1 when the paragraph quotes anyone, up to 2 for its section heading
// (naming the group, a reaction word), and up to 2 for coming early in its
// article. A statement that runs on into the next paragraph by the same
// speaker lifts that paragraph to its own score minus 1.
//
// Reading a paragraph's words (mentionKind) is the costly part, so each
// candidate first gets an upper bound from what is known without reading
// it; candidates are scored in order of their bounds, and scoring stops
// once the picks (diversify over the scored ones) all beat the best bound
// left: no candidate left could change them.
type reactionScorer struct {
	s     *snapshot
	gq    *groupQuery
	cands map[paraKey]*reactionCand
	// scored are the candidates scored and kept, in the order scored.
	scored []*reactionCand
	done   map[*reactionCand]bool
	// sections caches sectionBonus by heading.
	sections map[string]float64
	// exhaustive scores every candidate (and searches the index) before
	// picking: what the bounds let it skip, for tests to compare with.
	exhaustive bool
}

// base is the part of c's score that needs no reading of its paragraph:
// quotes, position, section heading and, for a full member, everything but
// whether the paragraph names the group.
func (rs *reactionScorer) base(c *reactionCand) float64 {
	score := 0.0
	if len(c.key.art.paraQuotes[c.key.n]) > 0 {
		score++
	}
	score += 2 / (1 + float64(c.key.n)/4)
	if p, ok := c.key.art.para(c.key.n); ok && p.Section != "" {
		score += rs.sectionBonus(p.Section)
	}
	if c.member >= memberFull {
		score += 10 * float64(c.member)
		if rs.gq.official {
			score += 4*float64(c.off) + rs.gq.voiceOf(c.speaker)
		}
		// A statement says more than a word or two quoted in passing.
		n := 0
		for _, qi := range c.quotes {
			n += countWords(c.key.art.a.Quotes[qi].Text)
		}
		score += float64(min(n, 12)) / 12
	}
	return score
}

// sectionBonus: a section heading that names the group, and one with a
// reaction word, count one each. Headings repeat: each is read once.
func (rs *reactionScorer) sectionBonus(sec string) float64 {
	if v, ok := rs.sections[sec]; ok {
		return v
	}
	v := 0.0
	if mentionKind(sec, rs.gq) > 0 {
		v++
	}
	if ws, _ := wordSpans(sec); anyReactionWord(ws) {
		v++
	}
	if rs.sections == nil {
		rs.sections = map[string]float64{}
	}
	rs.sections[sec] = v
	return v
}

// bound is the most c's score can be: base plus what reading the
// paragraph can add.
func (rs *reactionScorer) bound(c *reactionCand) float64 {
	if c.member >= memberFull {
		return rs.base(c) + 1 // naming the group
	}
	// A weak member scores 5 + mention (at most 2), or, not speaking
	// about the bloc, as a non-member: at most 8.
	return rs.base(c) + 8
}

// score scores c exactly; false when c is no reaction candidate at all.
func (rs *reactionScorer) score(c *reactionCand) bool {
	gq := rs.gq
	p, ok := c.key.art.para(c.key.n)
	if !ok {
		return false
	}
	c.mention = mentionKind(p.Text, gq)
	if c.member == memberWeak && !c.aboutGroup(gq) {
		// A member country's person not speaking about the bloc.
		c.member, c.off, c.speaker, c.quotes = 0, 0, nil, nil
	}
	if c.member == 0 {
		c.passing = gq.othersSpeak(rs.s, c.key)
	}
	if c.member == 0 && c.mention == 0 && c.bm25 == 0 {
		return false
	}
	score := rs.base(c)
	switch {
	case c.member >= memberFull:
		if c.mention > 0 {
			score++
		}
	case c.member == memberWeak:
		score += 5 + float64(c.mention)
	case c.passing:
		score += float64(c.mention)
	default:
		switch c.mention {
		case 2:
			score += 8
		case 1:
			score += 4
		}
	}
	c.score = score
	return true
}

// add scores c (once) and keeps it, then lets a statement that runs on
// into the next paragraph lift that paragraph.
func (rs *reactionScorer) add(c *reactionCand) {
	if rs.done[c] {
		return
	}
	rs.done[c] = true
	if !rs.score(c) {
		return
	}
	rs.scored = append(rs.scored, c)
	rs.runOn(c)
}

// runOn: a statement (score 8 or more) whose speaker goes on speaking in
// the next paragraph lifts that paragraph to its score minus 1. The
// speaker is the statement's (c.speaker) when it has one, else anyone
// quoted in it; a next paragraph that already stands for another speaker
// is not lifted: that is another voice, not the statement going on.
func (rs *reactionScorer) runOn(c *reactionCand) {
	if c.score < 8 {
		return
	}
	next := paraKey{c.key.art, c.key.n + 1}
	np, ok := next.art.para(next.n)
	if !ok {
		return
	}
	speakers := map[string]bool{}
	if c.speaker != nil {
		speakers[c.speaker.key] = true
	} else {
		for _, qi := range c.key.art.paraQuotes[c.key.n] {
			if q := &c.key.art.a.Quotes[qi]; attributed(q) {
				speakers[speakerKey(q)] = true
			}
		}
	}
	for _, qi := range next.art.paraQuotes[np.N] {
		q := &next.art.a.Quotes[qi]
		if !attributed(q) || !speakers[speakerKey(q)] {
			continue
		}
		who := rs.s.byKey[speakerKey(q)]
		nc := rs.cands[next]
		if nc == nil {
			nc = &reactionCand{key: next, order: len(rs.cands)}
			rs.cands[next] = nc
		}
		if nc.speaker != nil && nc.speaker != who {
			return
		}
		if !rs.done[nc] {
			rs.done[nc] = true
			// Its own score counts only when it could be higher than the
			// lift.
			if rs.bound(nc) <= c.score-1 || !rs.score(nc) {
				nc.score = 0
			}
			rs.scored = append(rs.scored, nc)
		}
		if nc.score < c.score-1 {
			// The statement goes on: its speaker's words, not a passing
			// mention.
			nc.score, nc.passing, nc.speaker = c.score-1, false, who
			rs.runOn(nc)
		}
		return
	}
}

// unseenReactionBound is the most a paragraph that is not a candidate yet
// (one that names the group, found by the search) can score: quotes 1,
// position 2, section heading 2, the group reacting 8.
const unseenReactionBound = 13

// pick returns the best limit candidates, several voices before one voice
// several times, and whether they are settled: no candidate left, nor any
// candidate not found yet (which scores at most unseen), could change them.
// It can be called again after more candidates are added.
func (rs *reactionScorer) pick(limit int, unseen float64) ([]*reactionCand, bool) {
	if rs.done == nil {
		rs.done = map[*reactionCand]bool{}
	}
	var all []*reactionCand
	bounds := map[*reactionCand]float64{}
	for _, c := range rs.cands {
		if !rs.done[c] {
			all = append(all, c)
			bounds[c] = rs.bound(c)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		if bi, bj := bounds[all[i]], bounds[all[j]]; bi != bj {
			return bi > bj
		}
		return all[i].order < all[j].order
	})
	checkAt := limit
	for i, c := range all {
		if len(rs.scored) >= checkAt {
			checkAt = len(rs.scored) + 8
			if picked, ok := rs.settled(limit, all[i:], bounds, unseen); ok {
				return picked, true
			}
		}
		rs.add(c)
	}
	return rs.settled(limit, nil, nil, unseen)
}

// settled picks from the scored candidates and reports whether no
// candidate of rest (not scored yet), nor one not found yet (scoring at
// most unseen), could change the picks: at every step
// of diversify, its bound, lowered by the repeat penalty its speaker has by
// then, is below the value the pick was made at. Only a full member's
// speaker is known before scoring (and a statement's run-on paragraphs
// keep its speaker); other candidates count unlowered.
func (rs *reactionScorer) settled(limit int, rest []*reactionCand, bounds map[*reactionCand]float64, unseen float64) ([]*reactionCand, bool) {
	list := append([]*reactionCand(nil), rs.scored...)
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].score != list[j].score {
			return list[i].score > list[j].score
		}
		if list[i].bm25 != list[j].bm25 {
			return list[i].bm25 > list[j].bm25
		}
		return list[i].order < list[j].order
	})
	picked, values := diversify(list, limit)
	if len(picked) < limit || rs.exhaustive {
		return picked, false
	}
	for _, v := range values {
		if unseen >= v {
			return picked, false
		}
	}
	for _, c := range rest {
		if rs.done[c] {
			continue
		}
		b := bounds[c]
		used := 0 // picks of c's speaker before step t
		for t, v := range values {
			lowered := b
			if c.member >= memberFull && c.speaker != nil {
				lowered -= 3 * float64(used)
				if picked[t].speaker == c.speaker {
					used++
				}
			}
			if lowered > v || lowered == v && before(c, b, picked[t]) {
				return picked, false
			}
		}
	}
	return picked, true
}

// countWords is len(wordSpans(text)) without building the words.
func countWords(text string) int {
	n := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		n++
		i = wordEnd(text, i)
	}
	return n
}

// before reports whether candidate c, scoring at most b, could stand before
// pick p in the scored order (score, then search score, then corpus order),
// and so win a tie of lowered scores in diversify.
func before(c *reactionCand, b float64, p *reactionCand) bool {
	switch {
	case b != p.score:
		return b > p.score
	case c.bm25 != p.bm25:
		return c.bm25 > p.bm25
	}
	return c.order < p.order
}
