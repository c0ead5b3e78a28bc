package index

import "math"

// The checks of one graded match (quotematch.go) on the words of the phrase
// that the quote lacks: another word in their place, another name, a word
// the member added; and the phrase's own traits that the close rule reads.

// gap is where the missing phrase word qi would stand in the quote: after
// the place of the nearest chained phrase word before it and before that of
// the nearest after it; ok is false when it has no chained word on a side.
func (g *graded) gap(sc *scratch, qi int) (lo, hi int, ok bool) {
	lo, hi = -1, math.MaxInt
	for j := qi - 1; j >= 0; j-- {
		if sc.inChain[j] {
			lo = sc.chosen[j]
			break
		}
	}
	for j := qi + 1; j < len(g.words); j++ {
		if sc.inChain[j] {
			hi = sc.chosen[j]
			break
		}
	}
	return lo, hi, lo >= 0 && hi != math.MaxInt
}

// replaced reports whether a quote content word that no phrase word took
// stands where the missing phrase word qi would: between the places of
// the nearest words before and after it in the chain.
func (g *graded) replaced(sc *scratch, toks []ktok, qi int) bool {
	lo, hi, ok := g.gap(sc, qi)
	if !ok {
		return false
	}
	for ti, t := range toks {
		if int(t.pos) > lo && int(t.pos) < hi && !g.ki.fn[t.key] && !g.matchedTok(sc, int32(ti)) {
			return true
		}
	}
	return false
}

// nameSwapped reports whether the missing phrase word qi is a name the
// quotes know (ki.proper) and another name stands in its place in the
// quote ("galdoria" for "Vestria", "russian history" for "Alaska
// history"); a name and its own adjective ("alaskan", "Alaska") share
// their first letters and are no swap.
func (g *graded) nameSwapped(sc *scratch, toks []ktok, qi int) bool {
	id, known := g.ki.ids[g.words[qi].key]
	if !known || !g.ki.proper[id] {
		return false
	}
	lo, hi, ok := g.gap(sc, qi)
	if !ok {
		return false
	}
	surf := g.words[qi].surf
	for ti, t := range toks {
		if int(t.pos) <= lo || int(t.pos) >= hi || !g.ki.proper[t.key] || g.matchedTok(sc, int32(ti)) {
			continue
		}
		if k := g.ki.keys[t.key]; len(k) < 3 || len(surf) < 3 || k[:3] != surf[:3] {
			return true
		}
	}
	return false
}

// inserted reports whether the missing phrase word qi is one a member
// added to the quote's words: the phrase words just before and after it
// are found side by side in the quote, in order ("every single second"
// against "every second"). A negation or a number added is not.
func (g *graded) inserted(sc *scratch, qi int) bool {
	w := g.words[qi]
	if w.neg || w.quant || qi == 0 || qi+1 >= len(g.words) {
		return false
	}
	a, b := sc.chosen[qi-1], sc.chosen[qi+1]
	return a >= 0 && b == a+1 && sc.inChain[qi-1] && sc.inChain[qi+1]
}

// matchedTok reports whether the quote token ti is one the phrase's words
// were matched to.
func (g *graded) matchedTok(sc *scratch, ti int32) bool {
	for qi := range g.words {
		if sc.chosen[qi] >= 0 && sc.ctok[qi] == ti {
			return true
		}
	}
	return false
}

// shortTypo reports whether one of the phrase's content words is short
// enough (six letters or fewer) that one letter off makes another word.
func (g *graded) shortTypo() bool {
	for _, w := range g.words {
		if w.content && len([]rune(w.surf)) <= 6 {
			return true
		}
	}
	return false
}

// negates reports whether the phrase has a negation.
func (g *graded) negates() bool {
	for _, w := range g.words {
		if w.neg {
			return true
		}
	}
	return false
}
