package quote

import (
	"slices"
	"strings"
	"summitbot/corpus"
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
	confColon       = 0.75 // "Lavrov made his terms plain: “…”"
	confTopic       = 0.65 // "the head of the diplomacy said" after a sentence about Lavrov
)

// attribution is who a quote was found to be said by.
type attribution struct {
	ent   int     // entity, or -1
	conf  float64 // 0..1
	scare bool    // not a quote of anyone: drop it
	desc  string  // an unresolved description of the speaker
	// indirect: the speaker was reached through a pronoun or as the
	// subject of an earlier sentence, not named or described at the quote.
	indirect bool
}

// verbHit is a speech verb in a sentence and its resolved subject.
type verbHit struct {
	ent  int
	conf float64
	desc string // set when the subject is a description that could not be resolved
	ok   bool   // a subject was found, resolved or not
	pron bool   // the subject is a pronoun
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
	speakerInd  bool // the speaker's attribution was indirect
	colon       bool // ends with a colon and no quote after it
	colonSpeech bool // … after a speech verb: "said:"
}

// attributor reads one article's quotes and speakers.
type attributor struct {
	lx     *wordLists
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

func newAttributor(lx *wordLists) *attributor {
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
	a.settlePlaceholders(paras)
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
func orgAffiliation(lx *wordLists, name string) string {
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
		// "Lavrov made Moscow's conditions plain:" does too, less surely.
		state.colon = s.to > s.from && a.toks[s.to-1].isPunct(":") && a.toks[s.to-1].kind == tkPunct
		state.colonSpeech = state.colon && a.endsWithSpeech(s)
		quoteOnly := a.quoteOnly(s)
		for j := s.from; j < s.to; j++ {
			if a.toks[j].kind != tkQuote {
				continue
			}
			att := a.attribute(s, j, quoteOnly)
			if att.ent >= 0 {
				a.reg.mention(att.ent, position(i, j), true)
				state.speaker, state.speakerConf, state.speakerInd = att.ent, att.conf, att.indirect
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
	if a.scareMarked(s, qi) || a.displayed(s, qi) || a.namingCue(s, qi, qtext) || !quoteOnly && (isTitleCased(a.lx, qtext) || a.namedThing(s, qi, qtext)) {
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
	if att, ok := a.dashLabel(s, qi); ok {
		return att
	}
	// "“…,” as Kale put it, “…”": the second part of the split quote.
	if qi-1 > s.from && a.toks[qi-1].isPunct(",") {
		for p := qi - 2; p >= s.from && qi-p <= 12; p-- {
			if a.toks[p].kind != tkQuote {
				continue
			}
			k := p + 1
			if k < qi && a.toks[k].isPunct(",") {
				k++
			}
			if att, ok := a.asPutIt(s, p, k); ok {
				return att
			}
			break
		}
	}
	if quoteOnly {
		return a.contextAttribution(s)
	}
	// "Zelensky would not list the issues that remain open: “…”",
	// "… greeted him with the words: ‘…’": a quote a colon introduces
	// belongs to the sentence's subject, speech verb or not.
	if qi-1 > s.from && a.toks[qi-1].isPunct(":") {
		if a.sentSubject < 0 {
			a.clauseSubject(s, qi-1)
		}
		if a.sentSubject >= 0 && !a.reg.ents[a.sentSubject].unresolved {
			return attribution{ent: a.sentSubject, conf: min(a.sentSubjectConf, confColon)}
		}
	}
	// "He contrasted his ‘frank’ ties with …": a word for the subject's
	// own thing, in their possessive, is the subject's word.
	if att, ok := a.ownWord(s, qi, qtext); ok {
		return att
	}
	// A short phrase nobody is said to have said is a scare quote; a whole
	// sentence ("We are tired.") or one introduced by a colon is not.
	if short(qtext) && !(qi-1 >= s.from && a.toks[qi-1].isPunct(":")) && !wholeSentence(qtext) {
		return attribution{ent: -1, scare: true}
	}
	return attribution{ent: -1}
}

// ownWord: a short quote right after "his", "her" or "their" that agrees
// with the sentence's subject, a person, when the sentence reports what
// the subject said elsewhere (it has a speech verb of theirs).
func (a *attributor) ownWord(s sentence, qi int, qtext string) (attribution, bool) {
	if qi-1 < s.from || !short(qtext) || a.sentSubject < 0 {
		return attribution{}, false
	}
	p := a.toks[qi-1]
	var g byte
	switch {
	case p.is("his"):
		g = 'm'
	case p.is("her"):
		g = 'f'
	default:
		return attribution{}, false
	}
	e := &a.reg.ents[a.sentSubject]
	if e.kind != Person || e.unresolved || e.plural || e.gender() != 0 && e.gender() != g {
		return attribution{}, false
	}
	// The subject must speak in the sentence ("what he called …").
	for j := s.from; j < s.to; j++ {
		if h, ok := a.hit(j); ok && h.ok && h.ent == a.sentSubject {
			return attribution{ent: a.sentSubject, conf: min(a.sentSubjectConf, confColon)}, true
		}
	}
	return attribution{}, false
}
