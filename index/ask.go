package index

import (
	"context"
	"sort"
	"strings"
	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/lexicon"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// pairLead are stop words that, followed by a word of the question, tend
// to be echoed by the answer ("who leads", "not invited").
var pairLead = map[string]bool{"who": true, "which": true, "not": true, "no": true, "never": true}

// questionFillers are words that shape a question but say nothing about
// its subject.
var questionFillers = map[string]bool{
	"tell": true, "explain": true, "please": true, "know": true, "anyon": true, "anybodi": true,
	"say": true, "happen": true,
}

// Ask finds the paragraphs that best answer a free question.
func (e *Engine) Ask(ctx context.Context, question string, limit int) (answer.Answer, error) {
	limit = clampLimit(limit)
	ans := answer.Answer{Command: "ask", Query: question, Results: []answer.Result{}}
	raw := questionStart(splitWords(cleanInput(question), maxQueryWords), lexicon.Default())
	s, done, err := e.view()
	if err != nil {
		return ans, err
	}
	defer done()
	words := e.prepWords(raw)
	var content []qword
	for i, w := range contentWords(words) {
		// "how long", "how many": the second word asks, it is not the subject.
		if i == 0 && len(words) > 1 && words[0].exact == "how" && w.exact == words[1].exact {
			continue
		}
		// "will they meet": the auxiliary that opens a question only asks.
		if i == 0 && w.exact == words[0].exact && questionAux[w.exact] {
			continue
		}
		if !questionFillers[w.stem] {
			content = append(content, w)
		}
	}
	if len(content) == 0 {
		content = words // a question of stop words only: search them as they are
	}
	if len(content) == 0 {
		ans.Note = "nothing to search for: ask with some words"
		return ans, ErrEmptyQuery
	}
	weights := questionWeights(raw, content)
	lx := lexicon.Default()
	qk := analyzeQuestion(raw, lx)
	if qk.kind == askPlace {
		// "where did the protesters gather in anchorage": the closing
		// place only sets the scene, even typed in lower case.
		for k := len(raw) - 2; k > 0 && k >= len(raw)-4; k-- {
			if !settingPrepositions[raw[k].low] {
				continue
			}
			for i, w := range content {
				for _, r := range raw[k+1:] {
					if strings.ToLower(w.text) == r.low && weights[i] == 1 {
						weights[i] = weightSetting
					}
				}
			}
			break
		}
	}
	if qk.kind == askNext {
		// "what happens next after skellan": "happens next" only asks.
		var kc []qword
		var kw []float64
		for i, w := range content {
			if !askTable().is("nextword", strings.ToLower(w.text)) {
				kc, kw = append(kc, w), append(kw, weights[i])
			}
		}
		if len(kc) > 0 {
			content, weights = kc, kw
		}
	}
	if qk.kind == askDuration {
		// "how long did the talks last": the verb only asks.
		for i, w := range content {
			if askTable().is("durationverb", strings.ToLower(w.text)) {
				weights[i] = weightSetting
			}
		}
	}
	terms := e.askTerms(content, lx)
	// The focus counts double only in coverage: boosting it in the search
	// would let a rare form of it ("hold" for "held") swamp everything.
	per := make([]query.Query, 0, len(content))
	setting := map[string]bool{}
	for i, w := range content {
		b := min(weights[i], 1)
		if b < 1 {
			setting[w.exact] = true
		}
		alts := []query.Query{boosted(termQ(fieldText, w.stem), b), boosted(termQ(fieldSection, w.stem), 0.3*b)}
		if w.stem == "" {
			alts = []query.Query{termQ(fieldTextExact, w.exact)}
		}
		for _, form := range irregular[w.exact] {
			alts = append(alts, matchQ(fieldText, form, 0.8*b))
		}
		// Other forms of the word and its closest synonyms, at a low boost:
		// they only widen the net; the re-ranking weighs them.
		for _, st := range terms[i].extra {
			if len(alts) >= 8 {
				break
			}
			if terms[i].stems[st] == 1 {
				alts = append(alts, boosted(termQ(fieldText, st), 0.5*b))
			}
		}
		// One small disjunction per word: bleve's slice disjunction is
		// cheaper than the heap it switches to past ten clauses.
		per = append(per, disj(1, alts...))
	}
	// Words next to each other in the question count more together ("red
	// carpet", "who leads"): checked in memory on the hits (pairIn).
	var pairs [][2]string
	for i := 0; i+1 < len(words); i++ {
		if setting[words[i].exact] && setting[words[i+1].exact] {
			continue // "White House" in "at the White House" only sets the scene
		}
		if len(pairs) < 4 && (words[i].stem != "" && words[i+1].stem != "" || pairLead[words[i].exact] && words[i+1].stem != "") {
			pairs = append(pairs, [2]string{words[i].exact, words[i+1].exact})
		}
	}
	hits, err := e.askSearch(ctx, s, disj(1, per...), 40)
	if err != nil {
		return ans, err
	}
	type scored struct {
		r     answer.Result
		score float64
	}
	var rs []scored
	// What each word weighs in coverage: its weight in the question times
	// how rare it is in the corpus (a soft IDF, 1 on average), so that a
	// paragraph that says the rare thing asked about in other words beats
	// one that repeats the names every paragraph has.
	cw := e.coverWeights(s, content, weights)
	total := 0.0
	for _, wt := range cw {
		total += wt
	}
	if len(qk.concepts) > 0 {
		total += weightFocus // the concept (see below)
	}
	// "What did Trump say …": the paragraphs where the articles quote the
	// person asked about are candidates too, and count them as there.
	speakers := map[string]bool{}
	var subjWords []string
	subj := questionSubject(raw)
	typed := false
	if len(subj) == 0 && asksForWords(raw) {
		// Typed in lower case ("did zelensky say"): the words between the
		// auxiliary and the speech verb, if they name a speaker.
		subj, typed = lowerSubject(raw), true
	}
	if len(subj) > 0 && asksForWords(raw) {
		for _, sp := range e.resolveSpeakers(s, subj) {
			if sp.name != "" {
				speakers[sp.key] = true
			}
		}
		if !typed || len(speakers) > 0 {
			for _, w := range subj {
				subjWords = append(subjWords, w.low)
			}
		}
		if typed && len(speakers) > 0 {
			for i, w := range content {
				for _, sw := range subj {
					if strings.ToLower(w.text) == sw.low && weights[i] != weightFocus {
						weights[i] = weightSubject
						cw[i] *= weightSubject
						total += cw[i] - cw[i]/weightSubject
					}
				}
			}
		}
	}
	if qk.kind == askEvent && len(questionSubject(raw)) == 0 {
		// "did putin go in his own car": a person named in lower case
		// right after the auxiliary is what the question is about.
		for k := 1; k < len(raw) && k <= 3; k++ {
			w := raw[k]
			if w.low == "and" {
				continue
			}
			named := false
			for _, sp := range e.resolveSpeakers(s, []queryWord{w}) {
				named = named || sp.name != ""
			}
			if !named {
				break
			}
			for i, c := range content {
				if strings.ToLower(c.text) == w.low && weights[i] == 1 {
					weights[i] = weightSubject
					cw[i] *= weightSubject
					total += cw[i] - cw[i]/weightSubject
				}
			}
		}
	}
	quotedThere := func(a *artEntry, n int) bool {
		for _, qi := range a.paraQuotes[n] {
			if q := &a.a.Quotes[qi]; attributed(q) && speakers[speakerKey(q)] {
				return true
			}
		}
		return false
	}
	type cand struct {
		a    *artEntry
		p    corpus.Paragraph
		rel  float64 // search score relative to the best hit
		hw   [][]token
		str  []float64 // how well each question word matched (1: itself)
		said bool      // found as the words of the person asked about
		ex   []token   // the paragraph's exact tokens
	}
	var cands []cand
	seen := map[paraKey]bool{}
	// A paragraph without any of the question's word pairs counts half,
	// as a disjunction of the words and the pairs would score it.
	top := 0.0
	for _, h := range hits {
		a, p, ok := s.hitPara(h.id)
		if !ok {
			continue
		}
		seen[paraKey{a, p.N}] = true
		hw, str, ex := e.askHits(p, content, terms)
		score := h.score
		if len(pairs) > 0 && !pairIn(ex, pairs) {
			score *= 0.5
		}
		top = max(top, score)
		cands = append(cands, cand{a, p, score, hw, str, false, ex})
	}
	for i := range cands {
		cands[i].rel /= top
	}
	// A question put to someone ("Will you go to the polls?") is answered
	// in the paragraph after it, which may hold none of the words: it is a
	// candidate too.
	for i, n := 0, len(cands); i < n; i++ {
		c := cands[i]
		if !strings.Contains(c.p.Text, "?") {
			continue
		}
		if next, ok := c.a.para(c.p.N + 1); ok && opensWithQuote(next.Text) && !seen[paraKey{c.a, next.N}] {
			seen[paraKey{c.a, next.N}] = true
			hw, str, ex := e.askHits(next, content, terms)
			cands = append(cands, cand{c.a, next, 0.8 * c.rel, hw, str, false, ex})
		}
	}
	if len(speakers) > 0 {
		added := 0
		for _, sp := range s.speakers {
			if !speakers[sp.key] {
				continue
			}
			for _, r := range sp.quotes {
				k := paraKey{r.art, r.q().Paragraph}
				if seen[k] || added >= 40 {
					continue
				}
				if p, ok := r.art.para(k.n); ok {
					seen[k] = true
					hw, str, ex := e.askHits(p, content, terms)
					cands = append(cands, cand{r.art, p, 0.2, hw, str, true, ex})
					added++
				}
			}
		}
	}
	isSetting := make([]bool, len(content))
	for j := range content {
		isSetting[j] = weights[j] == weightSetting
	}
	relOf := make(map[paraKey]float64, len(cands))
	for _, c := range cands {
		relOf[paraKey{c.a, c.p.N}] = c.rel
	}
	for _, c := range cands {
		a, p := c.a, c.p
		r := paraResult(a, p)
		hw := c.hw
		r.Terms = surfaceTerms(p.Text, hw)
		quoted := len(speakers) > 0 && quotedThere(a, p.N)
		// Relative to the best hit, weighed by how much of the question
		// the paragraph covers (its focus counting double, a setting
		// such as "at the White House" half), plus a bonus when the
		// paragraph holds the kind of answer the question asks for.
		// The reply to a question the paragraph before put to them ("One
		// reporter pressed him on elections." — "“Of course, but …”"): the
		// question's words there count for the reply, a little less.
		if quoted || opensWithQuote(p.Text) {
			if lead := e.askLeadIn(a, p.N, content, terms, quoted); lead != nil {
				str := append([]float64(nil), c.str...)
				for j := range str {
					if weights[j] != weightSubject {
						str[j] = max(str[j], 0.8*lead[j])
					}
				}
				c.str = str
				// And the search's score of that question, if it found it.
				c.rel = max(c.rel, 0.8*relOf[paraKey{a, p.N - 1}])
			}
		}
		// A setting the paragraph does not name but its article's title
		// does ("where did the protesters gather in anchorage" in a piece
		// headed "Anchorage watches …"): the scene is given, half as much.
		for j := range content {
			if isSetting[j] && c.str[j] == 0 && inTitle(a, strings.ToLower(content[j].text)) {
				c.str = append([]float64(nil), c.str...)
				c.str[j] = 0.5
			}
		}
		covered, focusMissed, subjectMissed := 0.0, false, false
		for j := range content {
			switch {
			case quoted && weights[j] == weightSubject:
				covered += cw[j]
			case c.str[j] > 0:
				covered += cw[j] * c.str[j]
			case weights[j] == weightFocus:
				focusMissed = true
			case weights[j] == weightSubject:
				subjectMissed = true
			}
		}
		// The question's phrase concepts said in other words count as one
		// more word, as much as its focus.
		if len(qk.concepts) > 0 {
			words := make([]string, len(c.ex))
			for i, t := range c.ex {
				words[i] = t.term
			}
			if qk.conceptIn(lx.Phrases(words)) {
				covered += weightFocus
			}
		}
		cov := covered / total

		score := max(c.rel, 0.7*cov) * (0.35 + 0.65*cov*cov)
		// What the question asks about, or whose words it asks for, is not
		// there.
		if focusMissed {
			score *= 0.6
		}
		if subjectMissed {
			score *= 0.6
		}
		switch {
		case quoted:
			score += 0.5 * cov * cov // their own words, on what was asked
		case len(speakers) > 0 && othersQuoted(a, p.N):
			score *= 0.7 // someone else's words about them
		case len(subjWords) > 0 && !speaksIn(p.Text, subjWords):
			score *= 0.6 // they are mentioned, not reported speaking
		}
		if qk.kind != askAny && qk.kind != askSaid {
			ap := newAskPara(p.Text, c.ex, hw, isSetting)
			ap.headed = strings.HasSuffix(strings.TrimSpace(p.Section), "?") && sectionCov(c.str, hw, weights) >= 0.5*total
			bonus, note := qk.answerBonus(&ap, lx)
			switch {
			case qk.kind == askEvent && bonus < 0.1:
				score *= 0.75 // it does not say whether it happened
			case (qk.kind == askDuration || qk.kind == askTime || qk.kind == askNumber || qk.kind == askNext) && bonus < 0.1:
				score *= 0.85 // it holds no duration, time or number to answer with
			}
			// Worth more the more of the question the paragraph covers.
			bonus *= 0.2 + 0.8*cov
			score += bonus
			if bonus >= 0.15 {
				r.Note = note
			}
		}
		r.Score = score
		rs = append(rs, scored{r, score})
	}
	// Same question, same corpus, same order: scores rounded, ties by
	// article id and paragraph.
	for i := range rs {
		rs[i].score = roundScore(rs[i].score)
		rs[i].r.Score = rs[i].score
	}
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.r.Article.ID != b.r.Article.ID {
			return a.r.Article.ID < b.r.Article.ID
		}
		return a.r.Paragraph < b.r.Paragraph
	})
	for _, x := range rs {
		if len(ans.Results) >= limit {
			break
		}
		ans.Results = append(ans.Results, x.r)
	}
	ans.Found = len(ans.Results) > 0
	if !ans.Found {
		ans.Note = "no paragraph matches these words"
	}
	return ans, nil
}

// inTitle reports whether the article's title holds the word, or a place
// name's other form ("Alaskan" for "alaska").
func inTitle(a *artEntry, w string) bool {
	words, _ := wordSpans(a.a.Title)
	for _, t := range words {
		if t == w || placeMatch(w, t) {
			return true
		}
	}
	return false
}

// pairIn reports whether the tokens hold one of the word pairs (exact
// terms) next to each other.
func pairIn(toks []token, pairs [][2]string) bool {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i+1].pos != toks[i].pos+1 {
			continue
		}
		for _, pr := range pairs {
			if toks[i].term == pr[0] && toks[i+1].term == pr[1] {
				return true
			}
		}
	}
	return false
}

// questionAux are the verbs that open or follow the question word of a
// question whose subject comes next ("what did Lavrov wear").
var questionAux = map[string]bool{"did": true, "does": true, "do": true, "is": true, "are": true, "was": true,
	"were": true, "will": true, "would": true, "can": true, "could": true, "has": true, "have": true, "had": true,
	"should": true, "might": true}

var questionWords = map[string]bool{"what": true, "who": true, "whom": true, "where": true, "when": true,
	"why": true, "how": true, "which": true, "whose": true}

// settingPrepositions open a phrase that sets the scene of a question
// ("at the White House", "in Anchorage") rather than saying what it asks.
var settingPrepositions = map[string]bool{"at": true, "in": true, "during": true, "inside": true, "outside": true, "near": true}

// questionWeights weighs a question's content words: its focus counts
// double; the words of a place phrase that sets the scene ("at the White
// House") count half when other words say what is asked; the rest count
// one. The focus is the verb of "who attended", or, in a question with an
// auxiliary ("what did Zelenskyy wear at the White House", "how long did
// the Putin Trump phone call last"), the question's last word once a
// closing place or topic phrase ("at the White House", "about sanctions")
// is set aside — when that word is a lower-case content word. "How many"
// and "how much" ask for a number, not about a verb.
func questionWeights(raw []queryWord, content []qword) []float64 {
	focus := map[string]bool{}
	setting := map[string]bool{}
	subject := map[string]bool{}
	i := 0
	counting := false
	if i < len(raw) && questionWords[raw[i].low] {
		i++
		if i < len(raw) && raw[i-1].low == "how" && (raw[i].low == "many" || raw[i].low == "much" || askTable().is("measure", raw[i].low)) {
			counting = true
		}
		if i < len(raw) && (raw[i-1].low == "how" || raw[i-1].low == "what" || raw[i-1].low == "which") && !questionAux[raw[i].low] {
			i++ // "how long", "what tariffs"
		}
		if i < len(raw) && !questionAux[raw[i].low] && raw[i-1].low == "who" {
			focus[raw[i].low] = true // "who attended"
		}
	}
	if i < len(raw) && questionAux[raw[i].low] {
		// The named subject ("what did Medvedev say"): the answer is theirs.
		for k := i + 1; k < len(raw) && (isCapitalised(raw[k].text) || raw[k].low == "and"); k++ {
			subject[raw[k].low] = true
		}
	}
	if i < len(raw) && questionAux[raw[i].low] && !counting {
		end := len(raw)
		// Set aside a closing place ("at the White House", "to Moscow") or
		// topic ("about security guarantees").
		for k := end - 1; k > i; k-- {
			p := raw[k].low
			if !settingPrepositions[p] && !topicPrepositions[p] && p != "to" && p != "from" {
				continue
			}
			rest := raw[k+1 : end]
			if len(rest) > 0 && rest[0].low == "the" {
				rest = rest[1:]
			}
			allCaps := len(rest) > 0
			for _, w := range rest {
				allCaps = allCaps && isCapitalised(w.text)
			}
			if allCaps || topicPrepositions[p] || k == end-1 || len(rest) <= 2 {
				end = k
			}
			break
		}
		if last := raw[end-1]; end-1 > i && !isCapitalised(last.text) && !questionFillers[last.low] {
			focus[last.low] = true
		} else if end-1 > i && isCapitalised(last.text) {
			// A name closes the question ("did Putin invite Trump"): the
			// verb before it is what is asked.
			for k := end - 2; k > i; k-- {
				if w := raw[k]; !isCapitalised(w.text) && !questionFillers[w.low] && !settingPrepositions[w.low] && !topicPrepositions[w.low] && w.low != "to" && w.low != "the" && w.low != "and" {
					focus[w.low] = true
					break
				}
			}
		}
	}
	for k := 0; k+1 < len(raw); k++ {
		if !settingPrepositions[raw[k].low] {
			continue
		}
		m := k + 1
		if m < len(raw) && raw[m].low == "the" {
			m++
		}
		for m < len(raw) && isCapitalised(raw[m].text) {
			setting[raw[m].low] = true
			m++
		}
	}
	out := make([]float64, len(content))
	others := 0
	for _, w := range content {
		if !setting[strings.ToLower(w.text)] {
			others++
		}
	}
	for i, w := range content {
		l := strings.ToLower(lexicon.Fold(w.text))
		switch {
		case focus[l] && w.stem != "" && !questionFillers[w.stem]:
			out[i] = weightFocus
		case setting[l] && others > 0:
			out[i] = weightSetting
		case subject[l]:
			out[i] = weightSubject
		default:
			out[i] = 1
		}
	}
	return out
}

// Weights of a question's words (see questionWeights).
const (
	weightFocus   = 2
	weightSubject = 1.5
	weightSetting = 0.5
)

// speaksIn reports whether one of the names is followed closely by a word
// of speaking or reacting ("Putin noted that", "Merz, speaking in Berlin,
// said").
func speaksIn(text string, names []string) bool {
	words, _ := wordSpans(text)
	for i, w := range words {
		match := false
		for _, n := range names {
			match = match || w == n || strings.TrimSuffix(w, "'s") == n
		}
		if !match {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+5; j++ {
			if isReactionWord(words[j]) {
				return true
			}
		}
	}
	return false
}

// othersQuoted: the paragraph quotes someone (whom the caller did not ask
// about).
func othersQuoted(a *artEntry, n int) bool {
	for _, qi := range a.paraQuotes[n] {
		if attributed(&a.a.Quotes[qi]) {
			return true
		}
	}
	return false
}

// questionSubject is the named subject of a question with an auxiliary:
// the capitalised words after it ("what did Donald Trump say" → Donald
// Trump).
func questionSubject(raw []queryWord) []queryWord {
	i := 0
	for i < len(raw) && !questionAux[raw[i].low] {
		if i > 2 {
			return nil
		}
		i++
	}
	var out []queryWord
	for k := i + 1; k < len(raw) && isCapitalised(raw[k].text); k++ {
		out = append(out, raw[k])
	}
	return out
}

// lowerSubject is the subject of a question typed in lower case: the
// words after its auxiliary up to the speech verb ("did zelensky say",
// "what did the russian foreign minister say"), at most four.
func lowerSubject(raw []queryWord) []queryWord {
	i := 0
	for i < len(raw) && i <= 2 && !questionAux[raw[i].low] {
		i++
	}
	if i >= len(raw) || !questionAux[raw[i].low] {
		return nil
	}
	var out []queryWord
	for k := i + 1; k < len(raw) && !speechAt(raw, k); k++ {
		out = append(out, raw[k])
		if len(out) > 4 {
			return nil
		}
	}
	if len(out) == 0 || len(out) == len(raw)-i-1 {
		return nil // no speech verb after it
	}
	return out
}

// speechWords ask what someone said ("what did Merz say", "how did Kyiv
// react").
var speechWords = map[string]bool{"say": true, "said": true, "says": true, "tell": true, "told": true,
	"think": true, "react": true, "respond": true, "comment": true, "write": true, "wrote": true,
	"warn": true, "claim": true, "argue": true, "describe": true, "call": true, "mean": true,
	"feel": true, "reckon": true}

func asksForWords(raw []queryWord) bool {
	for k := range raw {
		if speechAt(raw, k) {
			return true
		}
	}
	return false
}

// speechAt reports whether word k asks what someone said: a speech word,
// or "make of" ("what did the estonian pm make of the summit").
func speechAt(raw []queryWord, k int) bool {
	w := raw[k].low
	return speechWords[w] || (w == "make" || w == "made") && k+1 < len(raw) && raw[k+1].low == "of"
}

// topicPrepositions open what a question is about ("about sanctions").
var topicPrepositions = map[string]bool{"about": true, "regarding": true, "concerning": true, "on": true, "over": true}

func isCapitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
