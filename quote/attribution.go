package quote

import (
	"slices"
	"strings"
	"summitbot/corpus"
	"unicode"
	"unicode/utf8"
)

// Confidence levels of the attribution rules.
const (
	confNamed       = 0.95 // explicit verb and a name
	confBody        = 0.9  // explicit verb and a body or an unnamed person
	confRelative    = 0.9  // "X, who said …"
	confSameSent    = 0.85 // a quote-only sentence after the speaker's quote
	confPrevSubject = 0.75 // "Marren was blunt. “…”"
	confPrevPara    = 0.7  // a quote-only paragraph after the speaker's quote
	confPrevParaSub = 0.6  // a quote-only paragraph after a sentence about the speaker
	confBareSurname = 0.8  // a surname never introduced in full
)

// attribution is who a quote was found to be said by.
type attribution struct {
	ent   int     // entity, or -1
	conf  float64 // 0..1
	scare bool    // not a quote of anyone: drop it
	desc  string  // an unresolved description of the speaker
}

// verbHit is a speech verb in a sentence and its resolved subject.
type verbHit struct {
	ent  int
	conf float64
	desc string // set when the subject is a description that could not be resolved
	ok   bool   // a subject was found, resolved or not
}

// quoteRec is one quote span while its article is being read.
type quoteRec struct {
	para  int // index into the paragraphs
	span  qspan
	att   attribution
	chain int // quotes running over paragraphs share a chain id; -1 if none
}

// sentState is what the previous sentence leaves for a quote-only sentence.
type sentState struct {
	valid       bool
	para        int
	subject     int
	subjectConf float64
	speaker     int
	speakerConf float64
	colon       bool // ends with "said:" and no quote after it
}

// attributor reads one article's quotes and speakers.
type attributor struct {
	lx     *lexicon
	reg    registry
	quotes []quoteRec
	places map[string]bool

	// the paragraph being read
	para  int
	text  string
	toks  []token
	spans []qspan
	// hitAt holds, by token, 1 + the index in hits of the speech verb found
	// there (0 for none); hits are the verbs and their subjects.
	hitAt     []int32
	hits      []verbHit
	prev      sentState
	prevStart int // position where the previous sentence starts
	// the sentence being read
	sentSubject     int
	sentSubjectConf float64
	reporting       bool // resolving the subject of "reported"
	lastPersonEnd   int  // token just after the last person named in the sentence
	// docIssuer is who last spoke "in a statement" (or a readout, a
	// letter), in paragraph docPara: "the statement said" is theirs.
	docIssuer, docPara int
}

// placePrepositions are words after which a capitalised word is a place.
var placePrepositions = map[string]bool{"in": true, "to": true, "from": true, "into": true, "across": true,
	"near": true, "outside": true, "inside": true, "visit": true, "visited": true, "toward": true, "towards": true}

// notePlaces records capitalised words used as places ("in Kyiv"), so that
// "Kyiv said" is read as a body speaking, not a person.
func (a *attributor) notePlaces(toks []token) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind == tkWord && toks[i].has(fPlacePrep) && toks[i+1].kind == tkWord && toks[i+1].cap {
			a.places[strings.ToLower(toks[i+1].base())] = true
		}
	}
}

func newAttributor(lx *lexicon) *attributor {
	return &attributor{lx: lx, reg: registry{lx: lx}, places: map[string]bool{}, docIssuer: -1}
}

// read finds and attributes the quotes of an article's paragraphs.
func (a *attributor) read(paras []corpus.Paragraph) []Quote {
	spans := make([][]qspan, len(paras))
	toks := make([][]token, len(paras))
	for i := range paras {
		next := famNone
		if i+1 < len(paras) {
			next = leadingFamily(paras[i+1].Text)
		}
		spans[i] = scanQuotes(paras[i].Text, next)
		toks[i] = tokenize(paras[i].Text, spans[i])
		a.notePlaces(toks[i])
	}
	chain := -1
	nextChain := 0
	for i, p := range paras {
		a.readParagraph(i, p.Text, spans[i], toks[i])
		// Link quotes that run over paragraphs.
		first := true
		for k := range a.quotes {
			q := &a.quotes[k]
			if q.para != i {
				continue
			}
			if first && chain >= 0 && q.span.open == 0 {
				q.chain = chain
			}
			first = false
		}
		chain = -1
		if n := len(a.quotes); n > 0 && a.quotes[n-1].para == i && a.quotes[n-1].span.continued {
			last := &a.quotes[n-1]
			if last.chain < 0 {
				last.chain = nextChain
				nextChain++
			}
			chain = last.chain
		}
	}
	a.unifyChains()
	return a.build(paras)
}

// unifyChains gives every part of a quote running over paragraphs the best
// attribution any part found.
func (a *attributor) unifyChains() {
	best := map[int]attribution{}
	for _, q := range a.quotes {
		if q.chain < 0 || q.att.ent < 0 {
			continue
		}
		if b, ok := best[q.chain]; !ok || q.att.conf > b.conf {
			best[q.chain] = q.att
		}
	}
	for k := range a.quotes {
		q := &a.quotes[k]
		if q.chain < 0 {
			continue
		}
		if b, ok := best[q.chain]; ok {
			q.att.ent, q.att.conf, q.att.desc = b.ent, b.conf, b.desc
		}
		q.att.scare = false
	}
}

func (a *attributor) build(paras []corpus.Paragraph) []Quote {
	out := make([]Quote, 0, len(a.quotes))
	for _, q := range a.quotes {
		if q.att.scare {
			continue
		}
		text := paras[q.para].Text
		qt := Quote{Text: text[q.span.start:q.span.end], Paragraph: paras[q.para].N, Start: q.span.start, End: q.span.end, Kind: Person}
		if q.att.ent >= 0 && a.reg.ents[q.att.ent].unresolved {
			qt.Description = a.reg.ents[q.att.ent].desc
		} else if q.att.ent >= 0 {
			e := &a.reg.ents[q.att.ent]
			qt.Kind = e.kind
			qt.Confidence = round2(q.att.conf)
			switch e.kind {
			case Unnamed:
				qt.Description = e.name
				qt.Affiliation = e.affil
			case Organisation:
				qt.Speaker = e.name
				qt.Affiliation = orgAffiliation(a.lx, e.name)
			default:
				qt.Speaker = e.name
				qt.Description = e.desc
				qt.Affiliation = e.affil
			}
		} else {
			qt.Description = q.att.desc
		}
		out = append(out, qt)
	}
	return out
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// orgAffiliation is the country a body's name starts with ("Vestrian
// Presidential Office" → "Vestrian").
func orgAffiliation(lx *lexicon, name string) string {
	w := firstWord(name)
	if lx.isDemonymLike(w) && !strings.EqualFold(w, name) {
		return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	return ""
}

// hit returns the speech verb hit at token j of the paragraph, if any.
func (a *attributor) hit(j int) (verbHit, bool) {
	if j < 0 || j >= len(a.hitAt) || a.hitAt[j] == 0 {
		return verbHit{}, false
	}
	return a.hits[a.hitAt[j]-1], true
}

// readParagraph reads one paragraph's sentences in order.
func (a *attributor) readParagraph(i int, text string, spans []qspan, toks []token) {
	a.para, a.text, a.spans = i, text, spans
	a.toks = toks
	a.hitAt = slices.Grow(a.hitAt[:0], len(toks))[:len(toks)]
	clear(a.hitAt)
	a.hits = a.hits[:0]
	sents := splitSentences(a.toks, text, spans, a.lx)
	for _, s := range sents {
		a.sentSubject, a.sentSubjectConf, a.lastPersonEnd = -1, confNamed, -1
		a.detectMentions(s)
		a.genderVotes(s)
		a.findVerbs(s)
		if a.sentSubject < 0 {
			a.unnamedSubject(s)
		}
		a.noteDocument(s)
		state := sentState{valid: true, para: i, subject: a.sentSubject, subjectConf: a.sentSubjectConf, speaker: -1}
		// "Zelensky said in his nightly address:" introduces the next quote.
		state.colon = s.to > s.from && a.toks[s.to-1].isPunct(":") && a.toks[s.to-1].kind == tkPunct && a.endsWithSpeech(s)
		quoteOnly := a.quoteOnly(s)
		for j := s.from; j < s.to; j++ {
			if a.toks[j].kind != tkQuote {
				continue
			}
			att := a.attribute(s, j, quoteOnly)
			if att.ent >= 0 {
				a.reg.mention(att.ent, position(i, j), true)
				state.speaker, state.speakerConf = att.ent, att.conf
			}
			a.quotes = append(a.quotes, quoteRec{para: i, span: spans[a.toks[j].q], att: att, chain: -1})
		}
		if state.subject < 0 && state.speaker >= 0 {
			state.subject, state.subjectConf = state.speaker, state.speakerConf
		}
		a.prev = state
		a.prevStart = position(i, s.from)
	}
}

func (a *attributor) quoteOnly(s sentence) bool {
	hasQuote := false
	for j := s.from; j < s.to; j++ {
		switch a.toks[j].kind {
		case tkQuote:
			hasQuote = true
		case tkWord:
			return false
		}
	}
	return hasQuote
}

// attribute finds who said the quote at token qi of sentence s.
func (a *attributor) attribute(s sentence, qi int, quoteOnly bool) attribution {
	q := a.spans[a.toks[qi].q]
	qtext := a.text[q.start:q.end]
	if a.headlineQuote(q) {
		return attribution{ent: -1, scare: true}
	}
	if a.scareMarked(s, qi) || !quoteOnly && (isTitleCased(a.lx, qtext) || a.namedThing(s, qi, qtext)) {
		return attribution{ent: -1, scare: true}
	}
	if att, ok := a.postAttribution(s, qi); ok {
		return att
	}
	if att, ok := a.preAttribution(s, qi); ok {
		return att
	}
	if att, ok := a.labelAttribution(s, qi); ok {
		return att
	}
	if quoteOnly {
		return a.contextAttribution(s)
	}
	// A short phrase nobody is said to have said is a scare quote; a whole
	// sentence ("We are tired.") or one introduced by a colon is not.
	if short(qtext) && !(qi-1 >= s.from && a.toks[qi-1].isPunct(":")) && !wholeSentence(qtext) {
		return attribution{ent: -1, scare: true}
	}
	return attribution{ent: -1}
}

// wholeSentence: the quote opens with a capital and ends a sentence.
func wholeSentence(q string) bool {
	q = strings.TrimSpace(q)
	last, _ := lastRune(q)
	return unicode.IsUpper(firstRune(q)) && (last == '.' || last == '!' || last == '?') && corpus.CountFields(q, 2) >= 2
}

// isNumberToken: a word of digits ("42").
func isNumberToken(t token) bool {
	if t.kind != tkWord || t.text == "" {
		return false
	}
	for _, r := range t.text {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// headlineQuote: the paragraph is nothing but a short quote without a
// closing full stop or comma — a subheading or pull quote such as “A just
// peace, not a frozen conflict”, which the article does not attribute.
func (a *attributor) headlineQuote(q qspan) bool {
	if len(a.toks) != 1 || a.toks[0].kind != tkQuote || q.unclosed || q.open != 0 || q.close != len(a.text) {
		return false
	}
	if n := len(a.quotes); n > 0 && a.quotes[n-1].para == a.para-1 && a.quotes[n-1].span.continued {
		return false // the quote before goes on here
	}
	inner := strings.TrimSpace(a.text[q.start:q.end])
	last, _ := lastRune(inner)
	switch last {
	case '.', '!', '?', ',', ';', ':', '\u2026', '-', '\u2014', '\u2013':
		return false
	}
	return corpus.CountFields(inner, 15) <= 15
}

// short: a phrase of at most four words, as scare quotes are.
func short(s string) bool {
	return corpus.CountFields(s, 4) <= 4
}

// isTitleCased: a name or title in quotes ("The Art of the Deal").
func isTitleCased(lx *lexicon, s string) bool {
	if n := corpus.CountFields(s, 10); n > 10 || n < 2 {
		return false
	}
	last, _ := lastRune(s)
	if last == '.' || last == ',' || last == '!' || last == '?' {
		return false
	}
	for i, from := 0, 0; ; i++ {
		start, end := corpus.NextField(s, from)
		if start == len(s) {
			break
		}
		from = end
		w := s[start:end]
		r := firstRune(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		lw := strings.ToLower(w)
		if i > 0 && (lw == "of" || lw == "the" || lw == "and" || lw == "a" || lw == "an" || lw == "in" || lw == "on" || lw == "for" || lw == "to" || lw == "at") {
			continue
		}
		return false
	}
	return true
}

func lastRune(s string) (rune, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r, true
}

// nameNouns are nouns a quoted name follows ("the newspaper “Kommersant”").
var nameNouns = map[string]bool{"newspaper": true, "magazine": true, "daily": true, "channel": true,
	"programme": true, "program": true, "show": true, "book": true, "film": true, "movie": true,
	"operation": true, "party": true, "group": true, "movement": true, "platform": true, "app": true,
	"network": true, "station": true, "outlet": true, "website": true, "ship": true, "vessel": true,
	"plan": true, "doctrine": true, "initiative": true, "project": true, "codenamed": true, "dubbed": true,
	"named": true, "titled": true, "nicknamed": true, "entitled": true, "brand": true, "slogan": true,
	"song": true, "album": true, "series": true, "podcast": true, "documentary": true, "agency": true}

// namedThing: a capitalised name in quotes after a noun that names things
// ("the newspaper “Kommersant”", "the ship “Admiral Kuznetsov”").
func (a *attributor) namedThing(s sentence, qi int, qtext string) bool {
	if qi-1 < s.from {
		return false
	}
	// "told CNN's Jake Tapper on “State of the Union.”", "appearing on
	// NBC's “Meet the Press,”": a title after "on" or an outlet's name,
	// with the sentence's own comma or full stop inside the marks.
	if p := a.toks[qi-1]; p.is("on", "in", "to", "from") || p.cap && p.possessive() {
		if t := strings.TrimRight(strings.TrimSpace(qtext), ".,"); t != strings.TrimSpace(qtext) && isTitleCased(a.lx, t) && corpus.CountFields(t, 8) <= 8 {
			return true
		}
	}
	if !nameNouns[a.toks[qi-1].low] {
		return false
	}
	if n := corpus.CountFields(qtext, 6); n == 0 || n > 6 {
		return false
	}
	for from := 0; ; {
		start, end := corpus.NextField(qtext, from)
		if start == len(qtext) {
			break
		}
		from = end
		w := qtext[start:end]
		if !unicode.IsUpper(firstRune(w)) && !unicode.IsDigit(firstRune(w)) {
			return false
		}
	}
	last, _ := lastRune(qtext)
	return last != '.' && last != '!' && last != '?'
}

// scareMarked: the quote follows "so-called" or an agentless "dubbed".
func (a *attributor) scareMarked(s sentence, qi int) bool {
	if qi-1 < s.from {
		return false
	}
	p := a.toks[qi-1]
	if p.low == "so-called" || p.low == "self-styled" || p.low == "self-described" {
		return true
	}
	if p.low == "called" && qi-2 >= s.from && a.toks[qi-2].low == "so" {
		return true
	}
	if qi-2 >= s.from && p.is("the", "a", "an") && a.toks[qi-2].is("so-called", "self-styled", "self-described") {
		return true
	}
	return false
}

// postAttribution: the quote is followed by its attribution ("…," X said /
// "…," said X / "…," according to X).
func (a *attributor) postAttribution(s sentence, qi int) (attribution, bool) {
	k := qi + 1
	limit := min(s.to, k+16)
	if k < s.to && a.toks[k].isPunct(",", "\u2014", "\u2013", "-") {
		k++
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
		if t.isPunct(";") || t.is("while", "whereas", "although", "though", "however") {
			return attribution{}, false
		}
		if t.is("but") && j > s.from && a.toks[j-1].isPunct(",") {
			return attribution{}, false
		}
		if h, ok := a.hit(j); ok && h.ok {
			f := 1.0
			if qi-j > 25 {
				f = 0.9
			}
			return a.hitAttribution(h, f), true
		}
	}
	return attribution{}, false
}

func (a *attributor) hitAttribution(h verbHit, f float64) attribution {
	if h.ent < 0 {
		return attribution{ent: -1, desc: h.desc}
	}
	return attribution{ent: h.ent, conf: h.conf * f}
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
	case p.colon && p.subject >= 0 && (samePara || p.para == a.para-1):
		return attribution{ent: p.subject, conf: min(p.subjectConf, confBody)}
	case p.speaker >= 0 && samePara:
		return attribution{ent: p.speaker, conf: min(p.speakerConf, confSameSent)}
	case p.speaker >= 0 && p.para == a.para-1:
		return attribution{ent: p.speaker, conf: min(p.speakerConf, confPrevPara)}
	case p.subject >= 0 && samePara:
		return attribution{ent: p.subject, conf: min(p.subjectConf, confPrevSubject)}
	case p.subject >= 0 && p.para == a.para-1:
		return attribution{ent: p.subject, conf: min(p.subjectConf, confPrevParaSub)}
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
			} else {
				return verbHit{}
			}
		}
		return a.resolveNP(ts, position(a.para, j+2), s)
	}
	// Inverted after a quote: "…," said X.
	if v.form == vfFinite {
		k := j - 1
		if k >= s.from && a.toks[k].isPunct(",", "\u2014", "\u2013") {
			k--
		}
		if k >= s.from && a.toks[k].kind == tkQuote || k < s.from && j+1 < s.to && a.toks[j+1].cap {
			if h := a.forwardSubject(s, j+1); h.ok {
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
		case k >= s.from && (a.lx.isNameWord(a.toks[k]) || a.toks[k].is("he", "she", "they")) && k == j-1:
			return a.npBefore(s, k, 0.95) // "with Trump saying …"
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
		// "X, who sat beside Y, told …": skip the parenthetical, or two
		// ("Sen. Lindsey Graham, R-S.C., a Trump ally, said").
		c := k
		for tries := 0; ; tries++ {
			p := c - 1
			for p >= s.from && c-p < 40 && !a.toks[p].isPunct(",") && a.toks[p].kind != tkQuote &&
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
	return a.npBefore(s, k, 1)
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
		return verbHit{ent: ent, conf: conf, ok: true}
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
			if a.docIssuer >= 0 && a.para-a.docPara <= 2 {
				a.reg.mention(a.docIssuer, pos, false)
				return verbHit{ent: a.docIssuer, conf: 0.8, ok: true}
			}
		}
		ent, conf := a.reg.resolveDescriptor(&np, pos)
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
	if n.is("the") && j+2 < s.to && a.toks[j+2].cap && a.lx.tokIs(p, fTitle) && p.cap {
		return true // "Deputy Chairman of the Security Council"
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
	if c <= s.from || !a.toks[c].isPunct(":") || c-s.from > 8 {
		return attribution{}, false
	}
	for j := s.from; j < c; j++ {
		if a.toks[j].kind != tkWord {
			return attribution{}, false
		}
	}
	np := a.lx.parseNP(a.toks[s.from:c])
	if np.kind != npPerson && np.kind != npBare && np.kind != npOrg {
		return attribution{}, false
	}
	h := a.resolveNP(a.toks[s.from:c], position(a.para, s.from), s)
	if !h.ok || h.ent < 0 {
		return attribution{}, false
	}
	return attribution{ent: h.ent, conf: h.conf * 0.9}, true
}

// unnamedSubject: a sentence that opens with an unnamed person ("Another
// Kyiv resident, Serhii, a 29-year-old IT worker, was blunter.") has them
// as its subject, so that a quote after it is theirs.
func (a *attributor) unnamedSubject(s sentence) {
	j := s.from
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
	// Appositives between commas, then the verb.
	k := end
	for k < s.to && a.toks[k].isPunct(",") {
		m := k + 1
		for m < s.to && a.toks[m].kind == tkWord && m-k < 10 {
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
	np := a.lx.parseNP(a.toks[j:end])
	if np.kind != npUnnamed {
		return
	}
	ent := a.reg.unnamed(&np)
	if k > end {
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
		}
	}
}
