package quote

// clauseStarters are words after which a name starts a clause as its subject.
var clauseStarters = map[string]bool{",": true, ";": true, ":": true, "\u2014": true, "\u2013": true, "and": true,
	"but": true, "while": true, "as": true, "when": true, "although": true, "because": true, "then": true,
	"yet": true, "so": true, "though": true, "whereas": true, "after": true, "before": true, "since": true, "if": true}

// detectMentions registers the people the sentence names outside quotes:
// titled names ("Czech Foreign Minister Jan Lipavský"), Mr/Ms + surname,
// names already known, and new names with an appositive or as a subject.
func (a *attributor) detectMentions(s sentence) {
	j := s.from
	for j < s.to {
		if !a.chunkWord(a.toks[j], false) {
			j++
			continue
		}
		start := j
		hasCap := false
		for j < s.to && (a.chunkWord(a.toks[j], hasCap) || a.ofInTitle(s, j) || j > start && a.toks[j].is("the") && a.toks[j-1].is("of")) {
			if a.toks[j].cap && !a.lx.tokIs(a.toks[j], fStop) {
				hasCap = true
			}
			j++
			if a.toks[j-1].possessive() {
				break
			}
		}
		if !hasCap {
			continue
		}
		a.chunkMention(s, start, j)
	}
}

// coordinatedSubject: a name after "and" is a subject when the name before
// "and" was one ("Trump and Putin met"), or when ", and" starts a clause.
func (a *attributor) coordinatedSubject(s sentence, start int) bool {
	if start-2 < s.from {
		return false
	}
	before := a.toks[start-2]
	if before.isPunct(",") {
		return true
	}
	pos := position(a.para, start-2)
	for k := len(a.reg.mentions) - 1; k >= 0; k-- {
		m := a.reg.mentions[k]
		if m.pos > pos {
			continue
		}
		return m.pos >= position(a.para, s.from) && m.subject && pos-m.pos < 6
	}
	return false
}

func (a *attributor) chunkWord(t token, inside bool) bool {
	if t.kind != tkWord {
		return false
	}
	if t.cap {
		return !a.lx.tokIs(t, fStop) || a.lx.tokIs(t, fHonorific) || t.low == "dr" || t.low == "dr." || t.low == "prof"
	}
	if a.lx.tokIs(t, fTitle) {
		return true
	}
	if a.lx.tokIs(t, fPersonHead) {
		return true
	}
	return inside && t.has(fNameParticle)
}

func (a *attributor) chunkMention(s sentence, start, end int) {
	ts := a.toks[start:end]
	// Drop leading lower-case title words not part of a title ("state").
	np := a.lx.parseNP(ts)
	pos := position(a.para, start)
	subject := start == s.from || clauseStarters[a.toks[start-1].low] || a.toks[start-1].kind == tkQuote
	// "Finland's President Alexander Stubb, meanwhile, …": a country's
	// possessive opening the clause.
	// "Putin's spokesman Dmitry Peskov was more cautious:" too.
	if p := start - 1; p >= s.from && a.toks[p].cap && a.toks[p].possessive() && (a.lx.isDemonymLike(a.toks[p].base()) || np.title != "") &&
		(p == s.from || clauseStarters[a.toks[p-1].low]) {
		subject = true
	}
	if start > s.from && a.toks[start-1].is("and", "or") {
		subject = a.coordinatedSubject(s, start)
	}
	if start-2 >= s.from && a.toks[start-1].isPunct(",") && a.lastPersonEnd == start-1 {
		subject = false // "Laura Gozzi, BBC Europe reporter": an appositive
	}
	if end-1 < len(a.toks) && a.toks[end-1].possessive() {
		subject = false
	}
	if end < s.to && a.toks[end].kind == tkWord && (a.toks[end].has(fPreposition) && !a.toks[end].is("of")) && !subject {
		// fine: "Putin in Alaska"
	}
	if end < s.to && a.toks[end].isPunct(".", "!", "?") && start > s.from && !clauseStarters[a.toks[start-1].low] {
		subject = false
	}
	ent := -1
	afterDet := start > s.from && a.toks[start-1].is("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that")
	// "The French president, Emmanuel Macron, …"
	if (np.kind == npPerson || np.kind == npBare) && np.title == "" && start-1 > s.from && a.toks[start-1].isPunct(",") &&
		end < s.to && a.toks[end].isPunct(",", ".", ":") {
		if d, ok := a.descriptorBefore(s, start-2); ok {
			a.titleFromDescriptor(&np, &d)
			subject = true
		}
	}
	// "the press secretary of the President … Dmitry Peskov": the title
	// the chunk opens with is whose secretary he is; his own is before it.
	if np.kind == npPerson && np.title != "" && start-3 >= s.from && a.toks[start-1].is("the") && a.toks[start-2].is("of") &&
		a.lx.tokIs(a.toks[start-3], fTitle) {
		r := start - 3
		for r-1 >= s.from && a.toks[r-1].kind == tkWord && a.lx.tokIs(a.toks[r-1], fTitle) && !a.lx.tokIs(a.toks[r-1], fStop) {
			r--
		}
		np.title, np.titleWords, np.gender = joinText(a.toks[r:start-2]), nil, 0
		for _, t := range a.toks[r : start-2] {
			np.titleWords = append(np.titleWords, t.low)
			if g := a.lx.genderNouns[t.low]; g != 0 {
				np.gender = g
			}
		}
		if r-1 >= s.from && a.toks[r-1].is("the", "a") && (r-1 == s.from || clauseStarters[a.toks[r-2].low]) {
			subject = true
		}
	}
	switch np.kind {
	case npPerson:
		known := a.reg.findPerson(np.given, np.last) >= 0
		titled := np.title != "" || np.gender != 0
		plain := np.given != "" && !afterDet && a.nameEndsWell(s, end)
		appos := end+1 < s.to && a.toks[end].isPunct(",") && (a.toks[end+1].is("a", "an", "the", "who") ||
			!a.toks[end+1].cap && a.lx.tokIs(a.toks[end+1], fTitle) || a.toks[end+1].cap && a.toks[end+1].possessive())
		if titled || known || appos || plain {
			ent = a.reg.person(&np)
			if appos {
				a.applyAppositive(ent, s, end+1)
			}
			// "Finland's President Alexander Stubb": the possessive before
			// the title is the country.
			if (np.title != "" || len(np.titleWords) > 0) && a.reg.ents[ent].affil == "" && start > s.from {
				if p := a.toks[start-1]; p.cap && p.possessive() && a.lx.isDemonymLike(p.base()) {
					a.reg.ents[ent].affil = p.base()
				}
			}
			// "President Teodor Zoltanov of Vestria"
			if end+1 < s.to && a.toks[end].is("of") && a.toks[end+1].cap && a.reg.ents[ent].affil == "" {
				a.reg.ents[ent].affil = capitalisedRun(a.toks[end+1 : min(s.to, end+5)])
			}
		}
	case npBare:
		ent = a.reg.surnameEntity(np.last)
	}
	if ent < 0 {
		return
	}
	a.lastPersonEnd = end
	a.reg.mention(ent, pos, subject)
	if subject && a.sentSubject < 0 {
		a.sentSubject = ent
	}
}

// genderVotes: a he/she whose sentence and the one before name exactly one
// person tells that person's gender.
func (a *attributor) genderVotes(s sentence) {
	he, she := false, false
	// The gendered pronouns all start with h or s.
	maybePronoun := func(low string) bool { return low != "" && (low[0] == 'h' || low[0] == 's') }
	for j := s.from; j < s.to; j++ {
		if !maybePronoun(a.toks[j].low) {
			continue
		}
		switch pronounGender(a.toks[j].low) {
		case 'm':
			he = true
		case 'f':
			she = true
		}
	}
	if he && she {
		return // "he said, while she warned": no telling who is who
	}
	for j := s.from; j < s.to; j++ {
		t := a.toks[j]
		if !maybePronoun(t.low) {
			continue
		}
		var g byte
		switch t.low {
		case "he", "him", "his", "himself":
			g = 'm'
		case "she", "her", "hers", "herself":
			g = 'f'
		default:
			continue
		}
		if t.kind != tkWord {
			continue
		}
		pos := position(a.para, j)
		one := -1
		for k := len(a.reg.mentions) - 1; k >= 0; k-- {
			m := a.reg.mentions[k]
			if m.pos >= pos {
				continue
			}
			if m.pos < a.prevStart {
				break
			}
			e := &a.reg.ents[m.ent]
			if e.kind == Organisation || e.plural {
				continue
			}
			if one >= 0 && one != m.ent {
				one = -2
				break
			}
			one = m.ent
		}
		if one >= 0 {
			if g == 'm' {
				a.reg.ents[one].male++
			} else {
				a.reg.ents[one].female++
			}
		}
	}
}

// unnamedSubject: a sentence that opens with an unnamed person ("Another
// Kyiv resident, Serhii, a 29-year-old IT worker, was blunter.") has them
// as its subject, so that a quote after it is theirs.
func (a *attributor) unnamedSubject(s sentence) {
	j := s.from
	// "On the Zaporizhzhia front, a soldier …": past an opening phrase.
	if first := a.toks[j]; first.kind == tkWord && first.has(fPreposition) {
		for j < s.to && j-s.from < 12 && a.toks[j].kind == tkWord {
			j++
		}
		if j >= s.to || !a.toks[j].isPunct(",") {
			return
		}
		j++
	}
	if j+1 >= s.to || !a.toks[j].is("a", "an", "one", "another") {
		return
	}
	end := j + 1
	for end < s.to && end-j < 8 && a.toks[end].kind == tkWord && !a.lx.tokIs(a.toks[end], fAuxiliary) && !a.lx.tokIs(a.toks[end], fBoundary) {
		if a.lx.tokIs(a.toks[end], fVerb) || a.toks[end].has(fPreposition) {
			break
		}
		end++
	}
	if end == j+1 || !a.lx.personNouns[a.toks[end-1].low] {
		return
	}
	// What follows the noun: a short prepositional phrase ("with the call
	// sign “Bison”", "on the front") and a relative clause up to its comma
	// ("who gave only his first name,").
	k := end
	descEnd := end // the description: the noun and a prepositional phrase without quotes
	if k < s.to && a.toks[k].has(fPreposition) {
		m := k + 1
		quoted := false
		for m < s.to && m-k < 8 && (a.toks[m].kind == tkQuote || a.toks[m].kind == tkWord && !a.lx.tokIs(a.toks[m], fAuxiliary) &&
			!a.lx.tokIs(a.toks[m], fBoundary) && !a.lx.tokIs(a.toks[m], fVerb)) {
			quoted = quoted || a.toks[m].kind == tkQuote
			m++
		}
		k = m
		if !quoted {
			descEnd = m
		}
	}
	if k < s.to && a.toks[k].is("who") {
		m := k + 1
		for m < s.to && m-k < 14 && a.toks[m].kind == tkWord {
			m++
		}
		if m >= s.to || !a.toks[m].isPunct(",") {
			return
		}
		k = m
	}
	nounEnd := end
	end = k // appositives may follow: ", Andriy,"

	// Appositives between commas, then the verb.
	for k < s.to && a.toks[k].isPunct(",") {
		m := k + 1
		for m < s.to && a.toks[m].kind == tkWord && m-k < 16 {
			m++
		}
		if m >= s.to || !a.toks[m].isPunct(",") || m == k+1 {
			break
		}
		k = m
	}
	next := k
	if next < s.to && a.toks[next].isPunct(",") {
		next++
	}
	if next >= s.to || !a.verbFollows(s, next) {
		return
	}
	np := a.lx.parseNP(a.toks[j:descEnd])
	if np.kind != npUnnamed {
		np = a.lx.parseNP(a.toks[j:nounEnd])
	}
	if np.kind != npUnnamed {
		return
	}
	ent := a.reg.unnamed(&np)
	// ", Andriy,", ", a 42-year-old teacher,": not ", waiting to cross …,".
	if first := a.toks[min(end+1, s.to-1)]; k > end && a.toks[end].isPunct(",") &&
		(first.cap || isNumberToken(first) || a.lx.indefinite[first.low] || first.is("the")) {
		a.reg.ents[ent].name += ", " + joinText(a.toks[end+1:k])
	}
	a.reg.mention(ent, position(a.para, j), true)
	a.sentSubject, a.sentSubjectConf = ent, confBody
}

// noteDocument records who issued a statement, readout or letter the
// sentence reports ("European leaders said in a joint statement").
func (a *attributor) noteDocument(s sentence) {
	for j := s.from; j < s.to; j++ {
		if !a.toks[j].is("statement", "communique", "communiqué", "declaration", "readout", "letter") {
			continue
		}
		for k := j - 1; k >= s.from && j-k <= 8; k-- {
			if h, ok := a.hit(k); ok && h.ok && h.ent >= 0 {
				a.docIssuer, a.docPara = h.ent, a.para
				return
			}
			// "European leaders issued a joint statement": who issued it.
			if a.toks[k].is("issued", "released", "published", "signed", "adopted") {
				if h := a.backwardSubject(s, k); h.ok && h.ent >= 0 {
					a.docIssuer, a.docPara = h.ent, a.para
				}
				return
			}
		}
	}
}
