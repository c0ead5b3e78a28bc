package quote

import "strings"

// verbSubject resolves who a speech verb's subject is.
func (a *attributor) verbSubject(s sentence, j int, v verbInfo) verbHit {
	if v.base == "according" {
		end := j + 2
		for end < s.to && a.toks[end].kind == tkWord {
			end++
		}
		ts := a.toks[j+2 : end]
		// "according to a readout of the call" names a document, not who
		// spoke: leave the quote to the sentence's own verb. "according
		// to the Kremlin's readout" names its author.
		if np := a.lx.parseNP(ts); np.head != "" && a.lx.docNouns[np.head] {
			if len(ts) > 1 && ts[0].is("the") && ts[1].possessive() && ts[1].cap {
				ts = ts[1:2]
			} else if ts[0].possessive() && ts[0].cap {
				ts = ts[:1]
			} else if issuer := a.documentIssuer(); issuer >= 0 && ts[0].is("the") && len(ts) == 2 {
				// "According to the readout, …" after "The Kremlin said in its readout".
				a.reg.mention(issuer, position(a.para, j+2), false)
				return verbHit{ent: issuer, conf: 0.8, ok: true}
			} else {
				return verbHit{}
			}
		}
		return a.resolveNP(ts, position(a.para, j+2), s)
	}
	if v.form == vfFinite && agentVerbs[v.base] && j+2 < s.to && a.toks[j+1].is("by") {
		return a.forwardSubject(s, j+2) // "described by officials as"
	}
	// Inverted after a quote: "…," said X.
	if v.form == vfFinite {
		k := j - 1
		if k >= s.from && a.toks[k].isPunct(",", "\u2014", "\u2013") {
			k--
		}
		if k >= s.from && a.toks[k].isPunct(",") && a.toks[k+1].isPunct("\u2014", "\u2013") {
			k-- // "«…», — stressed X"
		}
		from := j + 1
		if len(v.particles) > 0 && from < s.to && a.toks[from].is(v.particles...) {
			from++ // "«…,» summed up Nicole Gnesotto"
		}
		if k >= s.from && a.toks[k].kind == tkQuote || k < s.from && from < s.to && a.toks[from].cap {
			if h := a.forwardSubject(s, from); h.ok {
				return h
			}
		}
	}
	if v.form == vfParticiple {
		k := j - 1
		for k >= s.from && a.isAdverb(a.toks[k]) && !a.toks[k].is("is", "was", "were", "are", "been") {
			k--
		}
		switch {
		case k >= s.from && a.toks[k].is("is", "was", "were", "are", "been", "be"):
			return a.backwardSubject(s, k)
		case k >= s.from && (a.lx.isNameWord(a.toks[k]) || a.toks[k].is("he", "she", "they")) && k == j-1 &&
			!(k-1 >= s.from && a.toks[k-1].has(fPreposition) && !a.toks[k-1].is("with")):
			// (not "posted a statement on X warning that …": X is where)
			return a.npBefore(s, k, 0.95) // "with Trump saying …"
		case k >= s.from && k == j-1 && a.withSubject(s, k):
			return a.npBefore(s, k, 0.9) // "with the Ministry of External Affairs stating …"
		case k >= s.from && k == j-1 && k-1 >= s.from && (a.lx.personNouns[a.toks[k].low] || a.lx.tokIs(a.toks[k], fTitle)) && a.toks[k-1].is("one", "a", "an", "another"):
			return a.npBefore(s, k, 0.9) // "with one presenter gushing that …"
		case k >= s.from && a.toks[k].is("as") && a.quotedAs(s, k) >= 0:
			// "state media quoted Putin as saying …": the one quoted.
			q := a.quotedAs(s, k)
			if q+1 < k && !a.toks[q+1].is("by", "in", "on") {
				return a.resolveNP(a.toks[q+1:k], position(a.para, q+1), s)
			}
			m := q - 1
			for m >= s.from && a.toks[m].is("was", "were", "is", "been", "being", "has", "had", "widely") {
				m--
			}
			return a.backwardSubject(s, m+1)
		case k >= s.from && a.toks[k].is("as") && k-1 >= s.from && a.toks[k-1].is("quoted", "reported", "cited"):
			m := k - 2
			for m >= s.from && a.toks[m].is("was", "were", "is", "been", "being", "has", "had", "widely") {
				m--
			}
			return a.backwardSubject(s, m+1)
		case k < s.from:
			return verbHit{} // sentence-initial participle: "Speaking at the airport, …"
		}
		return a.previousSubject(s, j)
	}
	return a.backwardSubject(s, j)
}

// previousSubject is the subject of the nearest speech verb before j in the
// sentence, or the sentence's subject (for "…, adding" and "X … and said").
func (a *attributor) previousSubject(s sentence, j int) verbHit {
	for k := j - 1; k >= s.from; k-- {
		if h, ok := a.hit(k); ok && h.ok {
			h.conf *= 0.95
			return h
		}
	}
	if a.sentSubject < 0 {
		a.clauseSubject(s, j) // "He declined to comment, saying …"
	}
	if a.sentSubject >= 0 {
		return verbHit{ent: a.sentSubject, conf: 0.8, ok: true}
	}
	return verbHit{}
}

// backwardSubject finds the subject before the verb at j.
func (a *attributor) backwardSubject(s sentence, j int) verbHit {
	k := j - 1
	for k >= s.from {
		t := a.toks[k]
		if a.isAdverb(t) || t.is("both", "all") && k-1 >= s.from && a.toks[k-1].cap {
			k--
			continue
		}
		if p := a.timePhraseStart(s, k); p >= 0 {
			k = p - 1
			continue
		}
		break
	}
	if k < s.from {
		return verbHit{}
	}
	t := a.toks[k]
	if t.is("and", "but", "or", "then") {
		return a.previousSubject(s, k)
	}
	if t.isPunct(",") {
		// "The Nordic-Baltic Eight, which groups Denmark, …, Norway and
		// Sweden, said": a relative clause holding a list.
		if h, ok := a.relativeAntecedent(s, k); ok {
			return h
		}
		// "X, who sat beside Y, told …": skip the parenthetical, or two
		// ("Sen. Lindsey Graham, R-S.C., a Trump ally, said").
		c := k
		for tries := 0; ; tries++ {
			p := c - 1
			for p >= s.from && c-p < 40 && !a.toks[p].isPunct(",") && (a.toks[p].kind != tkQuote || a.titleQuote(p)) &&
				!a.toks[p].isPunct(";", ":") && !(a.toks[p].isPunct(".") && c-p > 4) {
				p--
			}
			if p < s.from || !a.toks[p].isPunct(",") || p == c-1 {
				return verbHit{}
			}
			if h, ok := a.namedAppositive(s, p, c); ok {
				return h
			}
			appos := p + 1
			// "Olena Kovalenko, 42, a teacher, said": an age between commas.
			if p-2 >= s.from && isNumberToken(a.toks[p-1]) && a.toks[p-2].isPunct(",") {
				p -= 2
			}
			if p-1 >= s.from && a.toks[p-1].kind == tkWord && !a.toks[p-1].is("who", "which") {
				h := a.npBefore(s, p-1, 1)
				if h.ok && h.ent >= 0 {
					a.applyAppositive(h.ent, s, appos) // "Hakan Fidan, Turkey's foreign minister, told"
				}
				return h
			}
			if tries == 2 || p-1 < s.from || a.toks[p-1].kind == tkQuote {
				k = p - 1
				break
			}
			c = p
		}
		if k < s.from {
			return verbHit{}
		}
		t = a.toks[k]
	}
	if t.kind != tkWord {
		return verbHit{}
	}
	if t.is("who", "which") {
		// "Trump, who has repeatedly claimed …": the antecedent.
		if k-1 >= s.from && a.toks[k-1].isPunct(",") {
			return a.npBefore(s, k-2, confRelative)
		}
		return verbHit{}
	}
	// "A Labour MP who sits on the defence committee blasted …": the
	// person the relative clause is about.
	if w := a.relativeStart(s, k); w >= 0 {
		return a.npBefore(s, w-1, 1)
	}
	return a.npBefore(s, k, 1)
}

// relativeStart finds the "who" of a restrictive relative clause ending
// at token k ("an MP who sits on the committee"), or -1.
func (a *attributor) relativeStart(s sentence, k int) int {
	for w := k; w > s.from && k-w < 12; w-- {
		t := a.toks[w]
		if t.kind != tkWord {
			return -1
		}
		if _, isVerb := a.hit(w); isVerb {
			return -1
		}
		if t.is("who") {
			if w == k || a.toks[w-1].kind != tkWord || !a.lx.personNouns[a.toks[w-1].low] && !a.lx.tokIs(a.toks[w-1], fTitle) && !a.lx.isNameWord(a.toks[w-1]) {
				return -1
			}
			return w
		}
	}
	return -1
}

// npBefore reads the noun phrase ending at token e and resolves it.
func (a *attributor) npBefore(s sentence, e int, f float64) verbHit {
	if e < s.from || a.toks[e].kind != tkWord {
		return verbHit{}
	}
	if a.toks[e].has(fPronoun) {
		h := a.resolveNP(a.toks[e:e+1], position(a.para, e), s)
		h.conf *= f
		return h
	}
	b := a.npStart(s, e)
	if b > e {
		return verbHit{}
	}
	// "Trump and Putin both called the talks “productive”": said by two
	// people, the quote is kept but given to neither.
	if b-2 >= s.from && a.toks[b-1].is("and", "&") && a.lx.isNameWord(a.toks[b-2]) && a.lx.isNameWord(a.toks[e]) {
		if pb := a.npStart(s, b-2); pb <= b-2 && (pb == s.from || clauseStarters[a.toks[pb-1].low] || a.toks[pb-1].kind == tkQuote) {
			if np := a.lx.parseNP(a.toks[pb : b-1]); np.kind == npPerson || np.kind == npBare {
				return verbHit{ent: -1, ok: true, desc: joinText(a.toks[pb : e+1])}
			}
		}
	}
	// "Opposition lawmaker Iryna Herashchenko of the European Solidarity
	// party said": the person, not the party, is the subject.
	if b-2 >= s.from && a.toks[b-1].is("of", "from", "at") && a.lx.isNameWord(a.toks[b-2]) {
		if pb := a.npStart(s, b-2); pb <= b-2 {
			if np := a.lx.parseNP(a.toks[pb : b-1]); np.kind == npPerson ||
				np.kind == npBare && a.reg.surnameEntity(np.last) >= 0 {
				h := a.resolveNP(a.toks[pb:b-1], position(a.para, pb), s)
				if h.ok && h.ent >= 0 {
					if ent := &a.reg.ents[h.ent]; ent.affil == "" {
						ent.affil = capitalisedRun(a.toks[b : e+1])
					}
				}
				h.conf *= f
				return h
			}
		}
	}
	h := a.resolveNP(a.toks[b:e+1], position(a.para, b), s)
	h.conf *= f
	return h
}

// npStart finds where the noun phrase ending at token e starts (e+1 if
// there is none).
func (a *attributor) npStart(s sentence, e int) int {
	b := e
	for b >= s.from && e-b < 12 {
		t := a.toks[b]
		if t.kind != tkWord {
			break
		}
		if t.is("the") && b-2 >= s.from && a.toks[b-1].is("of") && b+1 <= e && (a.toks[b-2].cap && a.toks[b+1].cap &&
			(a.lx.tokIs(a.toks[b-2], fOrgHead) || a.lx.tokIs(a.toks[b-2], fTitle)) || !a.toks[b-2].cap && (a.lx.tokIs(a.toks[b-2], fTitle) || a.lx.tokIs(a.toks[b-2], fOrgHead) && b-3 >= s.from && a.toks[b-3].is("the"))) {
			b -= 2 // "the General Staff of the Armed Forces", "the press secretary of the President", "the head of the diplomacy"
			continue
		}
		if t.is("the") && b-2 >= s.from && a.toks[b-1].is("of") && a.lx.pluralNouns[a.toks[b-2].low] && e-b < 6 {
			b -= 2 // "Leaders of the coalition": the people, not the body
			continue
		}
		if a.lx.tokIs(t, fDeterminer) && !t.is("that", "this", "these", "those", "each", "every", "any", "all") {
			// "One Ukrainian soldier on | the front line": the phrase goes on
			// before a preposition that follows a noun.
			if b-2 >= s.from && a.toks[b-1].kind == tkWord && a.toks[b-1].has(fPreposition) && !a.toks[b-1].is("of") &&
				a.toks[b-2].kind == tkWord && !a.lx.tokIs(a.toks[b-2], fStop) && !a.lx.tokIs(a.toks[b-2], fAuxiliary) &&
				!a.lx.tokIs(a.toks[b-2], fBoundary) && e-b < 8 {
				if _, isVerb := a.hit(b - 2); !isVerb {
					b -= 2
					continue
				}
			}
			b--
			break
		}
		// "Law and Justice party": "and" inside a body's name.
		if t.is("and") && b != e && b-1 >= s.from && a.toks[b-1].cap && a.toks[b+1].cap && (a.orgHeadAfter(b+1, e) || a.portfolioAnd(b, e)) {
			b--
			continue
		}
		if a.lx.tokIs(t, fBoundary) || a.lx.tokIs(t, fAuxiliary) || !t.cap && t.is("him", "them", "us", "me", "her") {
			break
		}
		if _, isVerb := a.hit(b); isVerb && b != e {
			break
		}
		if t.has(fPreposition) {
			if b == e || b-1 < s.from || a.toks[b-1].kind != tkWord {
				break
			}
			before := a.toks[b-1]
			// "Ministry of Foreign Affairs", "a fisherman in Port Aldren".
			personHead := a.lx.tokIs(before, fPersonHead)
			ofTitle := t.low == "of" && before.cap && (a.toks[b+1].cap ||
				a.lx.tokIs(before, fTitle) && a.toks[b+1].is("the") && b+2 <= e && a.toks[b+2].cap)
			// "the Institute for the Study of War", "the Centre for
			// Disinformation Monitoring": a body's name goes on.
			ofTitle = ofTitle || t.is("for", "of", "on") && a.lx.tokIs(before, fOrgHead) && before.cap &&
				(a.toks[b+1].cap || a.toks[b+1].is("the") && b+2 <= e && a.toks[b+2].cap)
			if ofTitle || !before.cap && !a.lx.tokIs(before, fStop) || a.lx.pluralNouns[before.low] || personHead {
				b--
				continue
			}
			break
		}
		if a.lx.tokIs(t, fStop) && !(t.cap && a.lx.tokIs(t, fHonorific)) {
			break // but "Mr", "Sir" belong to the name after them
		}
		b--
	}
	return b + 1
}

// descriptorBefore reads a definite description ending at token e ("The
// French president" before ", Emmanuel Macron,"), if there is one.
func (a *attributor) descriptorBefore(s sentence, e int) (npInfo, bool) {
	if e < s.from || a.toks[e].kind != tkWord {
		return npInfo{}, false
	}
	b := a.npStart(s, e)
	if b > e {
		return npInfo{}, false
	}
	np := a.lx.parseNP(a.toks[b : e+1])
	return np, np.kind == npDescriptor && len(np.titleWords) > 0 && np.head != ""
}

// namedAppositive: "The French president, Emmanuel Macron, said": a name
// between commas after a description is the subject, with the description
// as title.
func (a *attributor) namedAppositive(s sentence, open, close int) (verbHit, bool) {
	inner := a.toks[open+1 : close]
	np := a.lx.parseNP(inner)
	if np.kind != npPerson && np.kind != npBare || np.title != "" {
		return verbHit{}, false
	}
	d, ok := a.descriptorBefore(s, open-1)
	if !ok {
		return verbHit{}, false
	}
	a.titleFromDescriptor(&np, &d)
	ent := a.reg.person(&np)
	a.reg.mention(ent, position(a.para, open+1), true)
	return verbHit{ent: ent, conf: confNamed, ok: true}, true
}

// titleFromDescriptor gives a name the title a description gave it.
func (a *attributor) titleFromDescriptor(np, d *npInfo) {
	desc := d.desc
	for _, det := range []string{"the ", "The "} {
		desc = strings.TrimPrefix(desc, det)
	}
	np.title = desc
	np.titleWords = d.titleWords
	np.affil = d.affil
	if g := a.lx.genderNouns[d.head]; g != 0 {
		np.gender = g
	}
	if np.kind == npBare {
		np.kind = npPerson
	}
}

// forwardSubject reads the subject after an inverted verb ("said Piet
// Halloran, the Galdorian government spokesman").
func (a *attributor) forwardSubject(s sentence, from int) verbHit {
	end := from
	for end < s.to && end-from < 12 {
		t := a.toks[end]
		if t.kind != tkWord || a.lx.tokIs(t, fBoundary) || a.lx.tokIs(t, fAuxiliary) {
			break
		}
		if a.lx.tokIs(t, fVerb) && end > from {
			break
		}
		if a.timePhraseAt(s, end) {
			break
		}
		end++
	}
	if end == from {
		return verbHit{}
	}
	h := a.resolveNP(a.toks[from:end], position(a.para, from), s)
	// An appositive: ", the Galdorian government spokesman".
	if h.ok && h.ent >= 0 && end+1 < s.to && a.toks[end].isPunct(",") {
		a.applyAppositive(h.ent, s, end+1)
	}
	return h
}

// timePhraseStart: if token k ends a time or occasion phrase ("on Sunday",
// "in a statement", "late on Friday"), return where it starts, else -1.
func (a *attributor) timePhraseStart(s sentence, k int) int {
	t := a.toks[k]
	if t.kind != tkWord || !(a.lx.tokIs(t, fTimeWord) || a.lx.commNouns[t.low]) {
		return -1
	}
	for p := k - 1; p >= s.from && k-p <= 5; p-- {
		pt := a.toks[p]
		if pt.kind != tkWord {
			return -1
		}
		if pt.is("on", "in", "at", "during", "this", "last", "late", "early", "earlier", "later", "over", "via", "through") {
			for p-1 >= s.from && a.toks[p-1].is("late", "early", "earlier", "later") {
				p--
			}
			return p
		}
	}
	return -1
}

// timePhraseAt: a time or occasion phrase starts at token k ("on Sunday").
func (a *attributor) timePhraseAt(s sentence, k int) bool {
	t := a.toks[k]
	if t.is("late", "early", "earlier", "later", "yesterday", "today", "tonight") {
		return true
	}
	if !t.is("on", "in", "at", "during", "this", "last", "over", "via", "after", "before", "to") {
		return false
	}
	for m := k + 1; m < s.to && m-k <= 4; m++ {
		mt := a.toks[m]
		if mt.kind != tkWord {
			return false
		}
		if a.lx.tokIs(mt, fTimeWord) || a.lx.commNouns[mt.low] {
			return true
		}
		if mt.cap && !a.lx.tokIs(mt, fTimeWord) && m == k+1 {
			return t.is("to") // "to Reuters"? no: "in Port Aldren" belongs to the phrase
		}
	}
	return t.is("to")
}

// applyAppositive reads ", a/the …" after a person's name into the entity.
func (a *attributor) applyAppositive(ent int, s sentence, from int) {
	e := &a.reg.ents[ent]
	end := from
	for end < s.to && a.toks[end].kind == tkWord {
		end++
	}
	// "One resident, a 42-year-old teacher named Olena, said": the
	// appositive says more about an unnamed person than the first noun.
	if e.kind == Unnamed && !e.plural && end > from && end < s.to && a.toks[end].isPunct(",") && !strings.Contains(e.name, ",") {
		if first := a.toks[from]; a.lx.indefinite[first.low] || first.cap && a.lx.isNameWord(first) {
			e.name += ", " + joinText(a.toks[from:end])
		}
		return
	}
	if e.kind != Person {
		return
	}
	desc, affil, tw := a.lx.readAppositive(a.toks[from:end])
	if desc == "" {
		return
	}
	if e.desc == "" {
		e.desc = desc
	}
	if e.affil == "" {
		e.affil = affil
	}
	e.titleWords = appendNew(e.titleWords, tw...)
	for _, w := range tw {
		switch a.lx.genderNouns[w] {
		case 'm':
			e.male += 2
		case 'f':
			e.female += 2
		}
	}
}

// resolveNP turns a subject noun phrase into an entity.
func (a *attributor) resolveNP(ts []token, pos int, s sentence) verbHit {
	np := a.lx.parseNP(ts)
	switch np.kind {
	case npPronoun:
		if np.pron == "i" || np.pron == "we" {
			return verbHit{}
		}
		ent, conf := a.reg.resolvePronoun(np.pron, pos)
		if ent < 0 {
			return verbHit{ent: -1, ok: true}
		}
		// What "he" was resolved to is evidence of gender for a later
		// "she" in the same passage.
		if e := &a.reg.ents[ent]; conf >= 0.7 {
			switch pronounGender(np.pron) {
			case 'm':
				if e.female == 0 {
					e.male++
				}
			case 'f':
				if e.male == 0 {
					e.female++
				}
			}
		}
		return verbHit{ent: ent, conf: conf, ok: true, pron: true}
	case npPerson:
		ent := a.reg.person(&np)
		a.reg.mention(ent, pos, true)
		return verbHit{ent: ent, conf: confNamed, ok: true}
	case npBare:
		word := np.last
		if ent := a.reg.surnameEntity(word); ent >= 0 {
			a.reg.mention(ent, pos, true)
			return verbHit{ent: ent, conf: confNamed, ok: true}
		}
		lw := strings.ToLower(word)
		if a.places[lw] || a.lx.countryKeys[lw] != "" || a.reporting {
			ent := a.reg.org(word)
			a.reg.mention(ent, pos, true)
			return verbHit{ent: ent, conf: confBody, ok: true}
		}
		ent := a.reg.person(&np)
		a.reg.mention(ent, pos, true)
		return verbHit{ent: ent, conf: confBareSurname, ok: true}
	case npOrg:
		ent := a.reg.org(np.org)
		a.reg.mention(ent, pos, true)
		return verbHit{ent: ent, conf: confBody, ok: true}
	case npUnnamed:
		ent := a.reg.unnamed(&np)
		a.reg.mention(ent, pos, true)
		return verbHit{ent: ent, conf: confBody, ok: true}
	case npDescriptor:
		// "the statement said" after "European leaders said in a joint
		// statement": the document speaks for who issued it.
		if a.lx.docNouns[np.head] && np.head != "post" && np.head != "message" {
			if issuer := a.documentIssuer(); issuer >= 0 {
				a.reg.mention(issuer, pos, false)
				return verbHit{ent: issuer, conf: 0.8, ok: true}
			}
		}
		// "the General Staff said" after "The General Staff of the Armed
		// Forces of Ukraine reported": the body named in full before.
		if ent := a.reg.orgStartingWith(np.desc); ent >= 0 {
			a.reg.mention(ent, pos, true)
			return verbHit{ent: ent, conf: confBody, ok: true}
		}
		ent, conf := a.reg.resolveDescriptor(&np, pos)
		if ent < 0 {
			ent, conf = a.topicPerson(&np)
		}
		if ent < 0 {
			ent = a.reg.placeholder(&np)
			a.reg.mention(ent, pos, true)
			return verbHit{ent: ent, conf: 0, ok: true, desc: np.desc}
		}
		a.reg.mention(ent, pos, true)
		return verbHit{ent: ent, conf: conf, ok: true}
	}
	return verbHit{}
}

// topicRoles are the roles general enough to stand for whoever the passage
// is about ("the head of the diplomacy", "the Kremlin representative").
var topicRoles = map[string]bool{"head": true, "representative": true, "chief": true, "leader": true,
	"head of state": true, "head of government": true, "politician": true, "diplomat": true}

// topicPerson: a role description that fits nobody by its words ("the
// head of the Russian diplomacy", "the Kremlin representative", "the Head
// of State") after a sentence whose subject is a named person, in this
// paragraph or the one before, is taken for that person, unless it names
// another country.
func (a *attributor) topicPerson(np *npInfo) (int, float64) {
	p := a.prev
	if !p.valid || p.subject < 0 || p.para < a.para-1 || np.plural || np.head == "" {
		return -1, 0
	}
	if !topicRoles[np.head] {
		return -1, 0 // a generic role, not "the press" or "the official"
	}
	e := &a.reg.ents[p.subject]
	if e.kind != Person || e.unresolved || e.name == "" {
		return -1, 0
	}
	for _, m := range np.mods {
		if m.country != "" && e.affil != "" && a.lx.countryKey(e.affil) != m.country && !containsCountry(a.lx, e.affil, m.country) {
			return -1, 0
		}
	}
	return p.subject, confTopic
}

// clauseSubject reads the subject of a sentence that has no speech verb,
// before token end: a name at its start, or after an opening phrase and
// its comma ("Asked about land, Zelensky would not …"), followed by a
// verb. It becomes the sentence's subject.
func (a *attributor) clauseSubject(s sentence, end int) {
	from := s.from
	if first := a.toks[from]; first.kind == tkWord && (first.has(fPreposition) || strings.HasSuffix(first.low, "ing") ||
		strings.HasSuffix(first.low, "ed") || irregularPast[first.low]) {
		for from < end && !a.toks[from].isPunct(",") {
			if a.toks[from].kind == tkQuote {
				return
			}
			from++
		}
		from++
	}
	// "Then a reporter turned to Zelensky:": an adverb, then a person
	// the article does not name.
	f := from
	for f < end && a.toks[f].kind == tkWord && (a.isAdverb(a.toks[f]) || a.toks[f].is("then")) && !a.lx.tokIs(a.toks[f], fAuxiliary) {
		f++
	}
	if f+2 < end && a.toks[f].is("a", "an", "one", "another") && a.lx.personNouns[a.toks[f+1].low] && a.verbFollows(s, f+2) {
		if h := a.resolveNP(a.toks[f:f+2], position(a.para, f), s); h.ok && h.ent >= 0 {
			a.sentSubject, a.sentSubjectConf = h.ent, h.conf
		}
		return
	}
	e := from
	// "He declined to comment …, saying": a pronoun subject.
	if from < end && a.toks[from].is("he", "she") && a.verbFollows(s, from+1) {
		if h := a.resolveNP(a.toks[from:from+1], position(a.para, from), s); h.ok && h.ent >= 0 && h.conf >= 0.7 {
			a.sentSubject, a.sentSubjectConf = h.ent, h.conf
		}
		return
	}
	for e < end && e-from < 5 && a.lx.isNameWord(a.toks[e]) {
		e++
		if a.toks[e-1].possessive() {
			return
		}
	}
	if e == from || e >= end || !a.verbFollows(s, e) {
		return
	}
	h := a.resolveNP(a.toks[from:e], position(a.para, from), s)
	if h.ok && h.ent >= 0 {
		a.sentSubject, a.sentSubjectConf = h.ent, h.conf
	}
}

// orgHeadAfter: a body's head word ("party", "Institute") stands between
// tokens from and to.
func (a *attributor) orgHeadAfter(from, to int) bool {
	for k := from; k <= to && k < len(a.toks); k++ {
		if a.lx.tokIs(a.toks[k], fOrgHead) {
			return true
		}
	}
	return false
}

// relativeAntecedent: the comma at k closes a relative clause ("…, which
// groups Denmark, Estonia and Finland,") that holds commas of its own; the
// subject is what the clause is about, before its ", which".
func (a *attributor) relativeAntecedent(s sentence, k int) (verbHit, bool) {
	commas := 0
	for p := k - 1; p > s.from && k-p < 40; p-- {
		t := a.toks[p]
		switch {
		case t.kind == tkQuote || t.isPunct(";", ":", "."):
			return verbHit{}, false
		case t.isPunct(","):
			commas++
		case t.is("who", "which") && a.toks[p-1].isPunct(","):
			if commas == 0 || p-2 < s.from || a.toks[p-2].kind != tkWord {
				return verbHit{}, false
			}
			h := a.npBefore(s, p-2, 1)
			return h, h.ok && h.ent >= 0
		}
		if _, isVerb := a.hit(p); isVerb {
			return verbHit{}, false
		}
	}
	return verbHit{}, false
}

// documentIssuer is who "the statement" or "the readout" is by: who last
// spoke "in a statement" (or a readout) in this paragraph or the two
// before, else the body that last spoke in this paragraph or the one
// before ("…, the State Department said. “…,” the readout said"), or -1.
func (a *attributor) documentIssuer() int {
	if a.docIssuer >= 0 && a.para-a.docPara <= 2 {
		return a.docIssuer
	}
	from := position(max(a.para-1, 0), 0)
	for k := len(a.reg.mentions) - 1; k >= 0; k-- {
		m := a.reg.mentions[k]
		if m.pos < from {
			break
		}
		if m.subject && a.reg.ents[m.ent].kind == Organisation {
			return m.ent
		}
	}
	return -1
}

// withSubject: the noun phrase ending at k is the subject of an absolute
// "with" clause ("…, with the Ministry of External Affairs stating that").
func (a *attributor) withSubject(s sentence, k int) bool {
	b := a.npStart(s, k)
	return b <= k && b-1 >= s.from && a.toks[b-1].is("with") && a.toks[k].cap
}

// portfolioAnd: the "and" at k joins two capitalised portfolio words before
// a capitalised title and a name ("Commerce and Industry Minister Piyush
// Goyal"), not two people ("Trump and President Putin").
func (a *attributor) portfolioAnd(k, to int) bool {
	if a.reg.surnameEntity(a.toks[k-1].text) >= 0 || a.lx.tokIs(a.toks[k+1], fPersonHead) || a.lx.tokIs(a.toks[k+1], fHonorific) {
		return false
	}
	for m := k + 1; m <= to && m < len(a.toks); m++ {
		t := a.toks[m]
		if !t.cap || t.kind != tkWord {
			return false
		}
		if a.lx.tokIs(t, fPersonHead) {
			return m > k+1 && m < to
		}
	}
	return false
}

// titleQuote: the quote token at k is a title-cased name ("Sunday Morning
// Futures"), which a parenthetical may hold ("X, appearing on “…” with Y,
// said").
func (a *attributor) titleQuote(k int) bool {
	q := a.spans[a.toks[k].q]
	return isTitleCased(a.lx, strings.TrimRight(a.text[q.start:q.end], ".,"))
}
