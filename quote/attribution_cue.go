package quote

import "strings"

// postAttribution: the quote is followed by its attribution ("…," X said /
// "…," said X / "…," according to X).
func (a *attributor) postAttribution(s sentence, qi int) (attribution, bool) {
	k := qi + 1
	limit := min(s.to, k+16)
	if k < s.to && a.toks[k].isPunct(",", "\u2014", "\u2013", "-") {
		k++
		// "«…», — he stressed": translated copy's comma and dash.
		if k < s.to && a.toks[k-1].isPunct(",") && a.toks[k].isPunct("\u2014", "\u2013", "-") {
			k++
		}
		limit = min(s.to, k+16)
	} else if k < s.to && a.toks[k].kind == tkWord {
		// A partial quote the sentence runs on from ("made ‘real
		// progress’ towards …, as X warned"): only an attribution right
		// after it ("“Why?” asked Putin") is its own.
		q := a.spans[a.toks[qi].q]
		if last, _ := lastRune(a.text[q.start:q.end]); last != ',' && last != '?' && last != '!' && last != '.' {
			limit = min(s.to, k+3)
		}
	}
	// "“a laundromat for the Kremlin”, a charge New Delhi rejects": the
	// words after the comma describe the quote; whoever rejects it did not
	// say it.
	if k < s.to && k > qi+1 && k+1 < s.to && a.toks[k].is("a", "an", "the") && a.lx.quoteNouns[a.toks[k+1].low] {
		return attribution{}, false
	}
	if att, ok := a.asPutIt(s, qi, k); ok {
		return att, true
	}
	commas := 0
	for m := k; m < limit; m++ {
		t := a.toks[m]
		if h, ok := a.hit(m); ok {
			if !h.ok {
				return attribution{}, false
			}
			return a.hitAttribution(h, 1), true
		}
		switch t.kind {
		case tkQuote:
			return attribution{}, false
		case tkPunct:
			if t.text != "," {
				return attribution{}, false
			}
			commas++
			if commas > 2 {
				return attribution{}, false
			}
			if commas == 2 {
				// The comma closing a long appositive ("…," X, a Russia
				// specialist at the Arab Center for Research and Policy
				// Studies, told …): its verb comes right after.
				limit = max(limit, min(s.to, m+4))
			}
		case tkWord:
			if commas == 0 && (a.lx.tokIs(t, fBoundary) || a.lx.tokIs(t, fAuxiliary)) {
				return attribution{}, false
			}
		}
	}
	return attribution{}, false
}

// preAttribution: the nearest speech verb before the quote in its sentence
// ("X said that …", "according to X, …").
func (a *attributor) preAttribution(s sentence, qi int) (attribution, bool) {
	for j := qi - 1; j >= s.from; j-- {
		t := a.toks[j]
		if t.isPunct(";") || t.is("while", "whereas", "although", "though") {
			return attribution{}, false
		}
		// "He warned, however, against …": a parenthetical "however" goes on.
		if t.is("however") && !(j-1 >= s.from && a.toks[j-1].isPunct(",") && j+1 < s.to && a.toks[j+1].isPunct(",")) {
			return attribution{}, false
		}
		if t.is("but") && j > s.from && a.toks[j-1].isPunct(",") {
			return attribution{}, false
		}
		if h, ok := a.hit(j); ok && !h.ok && qi-j <= 3 && a.putsQuote(j, qi) {
			// "in what the press had dubbed the “…”": the verb that puts
			// the quote is nobody's found; an earlier one is not its.
			return attribution{}, false
		}
		if h, ok := a.hit(j); ok && h.ok {
			f := 1.0
			if qi-j > 25 {
				f = 0.9
			}
			if outer, ok := a.reportingSpeaker(s, j, h); ok {
				return a.hitAttribution(outer, f), true
			}
			return a.hitAttribution(h, f), true
		}
	}
	return attribution{}, false
}

// reportingSpeaker: "Rinkēvičs, telling LSM that Riga welcomed “…”": a
// country or capital speaking in the clause a person's speech verb
// reports stands for that person, whose words the quote is.
func (a *attributor) reportingSpeaker(s sentence, j int, h verbHit) (verbHit, bool) {
	if h.ent < 0 || a.reg.ents[h.ent].kind != Organisation || !a.lx.isCountry(strings.ToLower(a.reg.ents[h.ent].name)) {
		return verbHit{}, false
	}
	that := -1
	for k := j - 1; k >= s.from && j-k <= 6; k-- {
		if a.toks[k].is("that") {
			that = k
			break
		}
	}
	if that < 0 {
		return verbHit{}, false
	}
	for k := that - 1; k >= s.from; k-- {
		if a.toks[k].kind == tkQuote || a.toks[k].isPunct(";") {
			break
		}
		if o, ok := a.hit(k); ok && o.ok && o.ent >= 0 && a.reg.ents[o.ent].kind == Person {
			return o, true
		}
	}
	return verbHit{}, false
}

func (a *attributor) hitAttribution(h verbHit, f float64) attribution {
	if h.ent < 0 {
		return attribution{ent: -1, desc: h.desc}
	}
	return attribution{ent: h.ent, conf: h.conf * f, indirect: h.pron}
}

// contextAttribution: a sentence that is only a quote belongs to the
// speaker of the sentence before, or to the person it was about.
func (a *attributor) contextAttribution(s sentence) attribution {
	p := a.prev
	if !p.valid {
		return attribution{ent: -1}
	}
	samePara := p.para == a.para
	switch {
	case p.colonSpeech && p.subject >= 0 && (samePara || p.para == a.para-1):
		return attribution{ent: p.subject, conf: min(p.subjectConf, confBody)}
	case p.colon && p.subject >= 0 && !a.reg.ents[p.subject].unresolved && samePara:
		return attribution{ent: p.subject, conf: min(p.subjectConf, confColon)}
	case p.speaker >= 0 && samePara:
		return attribution{ent: p.speaker, conf: min(p.speakerConf, confSameSent), indirect: p.speakerInd}
	case p.speaker >= 0 && p.para == a.para-1:
		return attribution{ent: p.speaker, conf: min(p.speakerConf, confPrevPara), indirect: p.speakerInd}
	case p.subject >= 0 && samePara:
		return attribution{ent: p.subject, conf: min(p.subjectConf, confPrevSubject), indirect: true}
	case p.subject >= 0 && p.para == a.para-1:
		return attribution{ent: p.subject, conf: min(p.subjectConf, confPrevParaSub), indirect: true}
	}
	return attribution{ent: -1}
}

// speechVerb tells whether token j is a speech verb used as a verb.
func (a *attributor) speechVerb(s sentence, j int) (verbInfo, bool) {
	t := a.toks[j]
	if t.kind != tkWord {
		return verbInfo{}, false
	}
	if t.low == "according" && j+1 < s.to && a.toks[j+1].low == "to" {
		return verbInfo{base: "according", form: vfFinite}, true
	}
	// "in the words of one Commission official": like "according to".
	if t.low == "words" && j-2 >= s.from && a.toks[j-1].is("the") && a.toks[j-2].is("in") && j+1 < s.to && a.toks[j+1].is("of") {
		return verbInfo{base: "according", form: vfFinite}, true
	}
	var v verbInfo
	ok := false
	if a.lx.tokIs(t, fVerb) {
		v, ok = a.lx.verbs[t.low]
	}
	if !ok || t.cap && j != s.from {
		return v, false
	}
	if len(v.particles) > 0 && (j+1 >= s.to || !a.toks[j+1].is(v.particles...)) {
		return v, false
	}
	if j > s.from {
		p := a.toks[j-1]
		if p.is("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "whose", "such", "no", "any", "every", "each") {
			return v, false // a noun: "the warning", "a noted economist"
		}
	}
	// "the two leaders spoke for “about an hour”": how long, not what.
	if v.base == "speak" && j+1 < s.to && a.toks[j+1].is("for") {
		return v, false
	}
	// "the Baltic states showed": a noun after a country's adjective,
	// with the verb after it.
	if j > s.from && a.toks[j-1].cap && a.lx.isDemonymLike(a.toks[j-1].text) && strings.HasSuffix(t.low, "s") && a.verbFollows(s, j+1) {
		return v, false
	}
	switch v.form {
	case vfPastPart:
		return v, false
	case vfBase:
		if j == s.from {
			return v, false
		}
		p := a.toks[j-1]
		if !(p.is("they", "we", "i", "you", "who", "will", "would", "could", "should", "may", "might", "must", "can", "did", "does", "do") || a.lx.pluralNouns[p.low]) {
			return v, false
		}
	case vfFinite:
		// "described by officials as “…”": a passive with its agent.
		if agentVerbs[v.base] && j+2 < s.to && a.toks[j+1].is("by") && a.toks[j+2].kind == tkWord {
			return v, true
		}
		// A passive ("was asked", "were told") reports what was said to
		// the subject, not by it.
		k := j - 1
		for k >= s.from && a.toks[k].kind == tkWord && a.isAdverb(a.toks[k]) && !a.toks[k].is("was", "were", "is", "are", "been", "being", "be") {
			k--
		}
		if k >= s.from && a.toks[k].is("was", "were", "is", "are", "been", "being", "be", "get", "got") && v.base != "quote" {
			return v, false
		}
	}
	return v, true
}

func (a *attributor) isAdverb(t token) bool {
	if t.kind != tkWord {
		return false
	}
	if a.lx.adverbs[t.low] {
		return true
	}
	return !t.cap && strings.HasSuffix(t.low, "ly") && len(t.low) > 4
}

// findVerbs finds the speech verbs of a sentence and resolves their subjects.
func (a *attributor) findVerbs(s sentence) {
	for j := s.from; j < s.to; j++ {
		v, ok := a.speechVerb(s, j)
		if !ok {
			continue
		}
		// An unknown one-word subject of "reported" is an outlet or body.
		a.reporting = v.base == "report"
		h := a.verbSubject(s, j, v)
		a.reporting = false
		a.hits = append(a.hits, h)
		a.hitAt[j] = int32(len(a.hits))
		if h.ok && h.ent >= 0 && a.sentSubject < 0 && v.form != vfParticiple {
			a.sentSubject = h.ent
			a.sentSubjectConf = h.conf
		}
	}
}

// verbFollows tells whether a verb starts at token k (after adverbs): an
// auxiliary, a speech verb, or a past-tense-looking word.
func (a *attributor) verbFollows(s sentence, k int) bool {
	for k < s.to && a.isAdverb(a.toks[k]) && !a.lx.tokIs(a.toks[k], fAuxiliary) {
		k++
	}
	if k >= s.to || a.toks[k].kind != tkWord || a.toks[k].cap {
		return false
	}
	l := a.toks[k].low
	if a.lx.auxiliaries[l] {
		return true
	}
	if _, ok := a.lx.verbs[l]; ok {
		return true
	}
	if irregularPast[l] {
		return true
	}
	if strings.HasSuffix(l, "ed") && len(l) > 4 {
		return true
	}
	// Present tense: "Trump wants", not "Trump voters".
	return strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !a.lx.pluralNouns[l] &&
		!strings.HasSuffix(l, "ers") && !strings.HasSuffix(l, "ists") && !strings.HasSuffix(l, "ians") && len(l) > 3
}

// irregularPast are common irregular past-tense verbs.
var irregularPast = map[string]bool{"met": true, "went": true, "made": true, "took": true, "gave": true,
	"came": true, "left": true, "held": true, "sent": true, "won": true, "lost": true, "ran": true, "saw": true,
	"thought": true, "felt": true, "kept": true, "brought": true, "stood": true, "sat": true, "got": true,
	"began": true, "became": true, "flew": true, "struck": true, "led": true, "put": true, "set": true,
	"sought": true, "knew": true, "found": true, "meant": true, "chose": true, "drew": true, "fell": true,
	"grew": true, "hit": true, "let": true, "paid": true, "rose": true, "shook": true, "spent": true,
	"threw": true, "wore": true, "arrived": true, "can": true, "cannot": true}

// ofInTitle: "of" inside a title ("Secretary of State", "Minister of Defence").
func (a *attributor) ofInTitle(s sentence, j int) bool {
	if !a.toks[j].is("of") || j == s.from || j+1 >= s.to {
		return false
	}
	p, n := a.toks[j-1], a.toks[j+1]
	if n.is("the") && j+2 < s.to && a.toks[j+2].cap && a.lx.tokIs(p, fTitle) && (p.cap || j-2 >= s.from && a.toks[j-2].cap && a.lx.tokIs(a.toks[j-2], fTitle)) {
		return true // "Deputy Chairman of the Security Council", "Official representative of the Ministry"
	}
	return n.cap && (a.lx.tokIs(p, fTitle) || a.lx.tokIs(p, fOrgHead))
}

// endsWithSpeech: the sentence's last words are a speech verb and what may
// follow it before a colon ("said in his nightly address:").
func (a *attributor) endsWithSpeech(s sentence) bool {
	for j := s.to - 2; j >= s.from && s.to-j < 10; j-- {
		if a.toks[j].kind == tkQuote {
			return false
		}
		if h, ok := a.hit(j); ok && h.ok {
			return true
		}
	}
	return false
}

// quotedAs finds "quoted" (or "cited") shortly before the "as" at k of
// "quoted X as saying", or -1.
func (a *attributor) quotedAs(s sentence, k int) int {
	for m := k - 1; m >= s.from && k-m <= 8; m-- {
		if a.toks[m].kind != tkWord {
			return -1
		}
		if a.toks[m].is("quoted", "cited") {
			return m
		}
	}
	return -1
}

// nameEndsWell: what follows a plain name fits a person's name: a verb,
// punctuation, a preposition or conjunction, or a possessive — not a noun
// ("Alaska summit").
func (a *attributor) nameEndsWell(s sentence, end int) bool {
	if a.toks[end-1].possessive() || end >= s.to {
		return true
	}
	n := a.toks[end]
	if n.kind != tkWord {
		return true
	}
	if n.cap {
		return false
	}
	return n.has(fPreposition) || a.lx.tokIs(n, fBoundary) || a.verbFollows(s, end)
}

// labelAttribution: "Zelensky: “We need peace.”" — a name and a colon
// before the quote, as in lists of reactions and live blogs.
func (a *attributor) labelAttribution(s sentence, qi int) (attribution, bool) {
	c := qi - 1
	from := s.from
	for from < c && a.toks[from].isPunct("*", "-", "\u2022", "\u2013", "\u2014") {
		from++ // a bullet
	}
	if c <= from || !a.toks[c].isPunct(":") || c-from > 8 {
		return attribution{}, false
	}
	for j := from; j < c; j++ {
		if a.toks[j].kind != tkWord {
			return attribution{}, false
		}
	}
	np := a.lx.parseNP(a.toks[from:c])
	if np.kind != npPerson && np.kind != npBare && np.kind != npOrg {
		return attribution{}, false
	}
	h := a.resolveNP(a.toks[from:c], position(a.para, from), s)
	if !h.ok || h.ent < 0 {
		return attribution{}, false
	}
	return attribution{ent: h.ent, conf: h.conf * 0.9}, true
}

// dashLabel: "‘We need a ceasefire now’ – Zelensky": a dash and nothing but
// a name (or a body) after the quote, to the end of the sentence.
func (a *attributor) dashLabel(s sentence, qi int) (attribution, bool) {
	k := qi + 1
	if k >= s.to || !a.toks[k].isPunct("\u2013", "\u2014", "-") {
		return attribution{}, false
	}
	k++
	end := s.to
	for end > k && a.toks[end-1].kind == tkPunct {
		end--
	}
	if end == k || end-k > 8 {
		return attribution{}, false
	}
	for j := k; j < end; j++ {
		if a.toks[j].kind != tkWord {
			return attribution{}, false
		}
	}
	np := a.lx.parseNP(a.toks[k:end])
	if np.kind != npPerson && np.kind != npBare && np.kind != npOrg {
		return attribution{}, false
	}
	h := a.resolveNP(a.toks[k:end], position(a.para, k), s)
	if !h.ok || h.ent < 0 {
		return attribution{}, false
	}
	return attribution{ent: h.ent, conf: h.conf * 0.9}, true
}

// asPutIt: "«The understandings of Anchorage», as the minister named
// them," / "“…”, as Trump put it": the one who put it so.
func (a *attributor) asPutIt(s sentence, qi, k int) (attribution, bool) {
	if k >= s.to || !a.toks[k].is("as") {
		return attribution{}, false
	}
	if q := a.spans[a.toks[qi].q]; k == qi+1 && !strings.HasSuffix(strings.TrimSpace(a.text[q.start:q.end]), ",") {
		return attribution{}, false // "“…” as a whole": no comma, no tag
	}
	for m := k + 2; m+1 < s.to && m-k <= 8; m++ {
		t := a.toks[m]
		if t.kind != tkWord {
			return attribution{}, false
		}
		if t.is("put", "named", "called", "termed", "dubbed", "described", "phrased", "worded") && a.toks[m+1].is("it", "them", "this", "that") {
			h := a.resolveNP(a.toks[k+1:m], position(a.para, k+1), s)
			if !h.ok {
				return attribution{}, false
			}
			return a.hitAttribution(h, 1), true
		}
	}
	return attribution{}, false
}

// putsQuote: the verb at j names the quote ("dubbed the “…”", "called it
// “…”"), with nothing but an article or an object pronoun between.
func (a *attributor) putsQuote(j, qi int) bool {
	if !a.toks[j].is("dubbed", "called", "termed", "labelled", "labeled", "branded", "described", "named", "nicknamed") {
		return false
	}
	for k := j + 1; k < qi; k++ {
		if !a.toks[k].is("the", "a", "an", "it", "them", "this", "that") {
			return false
		}
	}
	return true
}

// agentVerbs name what a quote is; in the passive their agent said it
// ("described by officials as “…”", "labelled by critics a “…”").
var agentVerbs = map[string]bool{"describe": true, "call": true, "dub": true, "label": true, "brand": true,
	"term": true, "characterise": true, "characterize": true}
