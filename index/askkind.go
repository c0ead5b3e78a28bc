package index

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"summitbot/lexicon"
)

// askKind is the kind of answer a question asks for, from its shape.
type askKind uint8

const (
	askAny      askKind = iota
	askDuration         // how long
	askTime             // when, what day
	askPlace            // where, which city
	askPerson           // who, which leaders
	askCompany          // who went with, who was with, with whom
	askNumber           // how many, how much
	askReason           // why, what caused
	askEvent            // did they agree, will they meet, did it go ahead
	askSaid             // what did X say, did X say
	askNext             // what happens next, what came of it
)

// askKindNotes say, on a result, what kind of answer it was chosen for.
var askKindNotes = [...]string{"", "gives a duration", "gives a date or time", "gives a place", "names a person",
	"names who was with them", "gives a number", "gives a reason", "says whether it happened", "has their words",
	"says what comes next"}

// note is what a result chosen for holding an answer of kind k says.
func (k askKind) note() string { return askKindNotes[k] }

// askQuestion is what /ask understands of a question beyond its words.
type askQuestion struct {
	kind askKind
	// future: a yes/no question about what will happen ("will they meet").
	future bool
	// events are the events a yes/no question asks about, as the event
	// classes of askdata/answers.tsv name them ("agreement", "meet").
	events map[string]bool
	// concepts are the phrase concepts of lexicon.Phrases the question
	// holds ("not_happen" for "did it not go ahead", "absent" for "why
	// wasn't Poland at the table"); a paragraph that says the same in
	// other words ("was called off", "Poland's absence") covers them.
	concepts map[string]bool
	// measure: for a number question, the class of askdata/answers.tsv
	// whose units answer it ("measure:far" for "how far": kilometres,
	// miles); "" when any number does.
	measure string
}

//go:embed askdata/answers.tsv
var askDataFile string

// askWords holds askdata/answers.tsv: per class, its words and phrases.
type askWords struct {
	words   map[string]map[string]bool
	phrases map[string][][]string
	events  map[string]string // word → event class
}

// askTable is askdata/answers.tsv, parsed once; it is never modified.
var askTable = sync.OnceValue(func() *askWords {
	t, err := parseAskWords(askDataFile)
	if err != nil {
		panic(fmt.Sprintf("index: askdata/answers.tsv: %v", err)) // embedded: cannot happen in a built binary
	}
	return t
})

func parseAskWords(data string) (*askWords, error) {
	t := &askWords{words: map[string]map[string]bool{}, phrases: map[string][][]string{}, events: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		class, list, ok := strings.Cut(line, "\t")
		if !ok || class == "" || strings.TrimSpace(list) == "" {
			return nil, fmt.Errorf("line %d: want class TAB words", n)
		}
		if t.words[class] == nil {
			t.words[class] = map[string]bool{}
		}
		for _, w := range strings.Split(list, ",") {
			w = strings.TrimSpace(w)
			if w == "" {
				return nil, fmt.Errorf("line %d: empty word", n)
			}
			if f := strings.Fields(w); len(f) > 1 {
				t.phrases[class] = append(t.phrases[class], f)
				continue
			}
			t.words[class][w] = true
			if ev, ok := strings.CutPrefix(class, "event:"); ok {
				t.events[w] = ev
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// at reports how many words of a word or phrase of class start at words[i]
// (0 when none does).
func (t *askWords) at(class string, words []string, i int) int {
	if t.words[class][words[i]] {
		return 1
	}
	for _, p := range t.phrases[class] {
		if i+len(p) > len(words) {
			continue
		}
		match := true
		for k, w := range p {
			if words[i+k] != w {
				match = false
				break
			}
		}
		if match {
			return len(p)
		}
	}
	return 0
}

func (t *askWords) is(class, w string) bool { return t.words[class][w] }

// questionStart drops the chatter before a question ("wait so how long
// …", "ok so why …"): it says nothing of what is asked.
func questionStart(raw []queryWord, lx *lexicon.Lexicon) []queryWord {
	for len(raw) > 1 && !questionWords[raw[0].low] && !questionAux[raw[0].low] && (lx.IsFiller(raw[0].low) || lx.IsChat(raw[0].low)) {
		raw = raw[1:]
	}
	return hearsay(raw)
}

// hearsay turns a claim put up to be checked ("i heard the talks ended
// early, true?", "is it true that putin rode in the beast", "the lunch was
// cancelled, right?") into the yes/no question it asks ("did the talks end
// early"): the openers and closers of askdata/answers.tsv (hearsay,
// checktail) go, and "did" opens it when no question word or auxiliary
// does.
func hearsay(raw []queryWord) []queryWord {
	t := askTable()
	low := make([]string, len(raw))
	for i, w := range raw {
		low[i] = w.low
	}
	cut := false
	if len(raw) > 2 {
		if k := t.at("hearsay", low, 0); k > 0 && k < len(raw)-1 {
			raw, low, cut = raw[k:], low[k:], true
		}
	}
	for k := 1; k <= 3 && k < len(raw)-1; k++ {
		if t.at("checktail", low, len(low)-k) == k {
			raw, low, cut = raw[:len(raw)-k], low[:len(low)-k], true
			break
		}
	}
	if !cut || questionWords[low[0]] || questionAux[low[0]] {
		return raw
	}
	return append([]queryWord{{text: "did", low: "did"}}, raw...)
}

// analyzeQuestion tells the kind of answer a question asks for from its
// first words: "how long" a duration, "when" a time, "where" a place, "who"
// a person ("who went with", "who was with", "with whom": company), "how
// many" a number, "why" a reason, "what did X say" their words, and a
// question that opens with an auxiliary ("did they agree", "will they
// meet", "was it called off") whether an event happened or will.
func analyzeQuestion(raw []queryWord, lx *lexicon.Lexicon) askQuestion {
	t := askTable()
	q := askQuestion{events: map[string]bool{}, concepts: map[string]bool{}}
	if len(raw) == 0 {
		return q
	}
	raw = questionStart(raw, lx)
	low := make([]string, len(raw))
	for i, w := range raw {
		low[i] = w.low
	}
	w0, w1 := low[0], ""
	if len(low) > 1 {
		w1 = low[1]
	}
	if (w0 == "for" || w0 == "since" || w0 == "until" || w0 == "by") && len(low) > 1 && questionWords[w1] {
		low = low[1:] // "for how long", "by when"
		w0, w1 = low[0], ""
		if len(low) > 1 {
			w1 = low[1]
		}
	}
	has := func(class string) bool {
		for i := range low {
			if t.at(class, low, i) > 0 {
				return true
			}
		}
		return false
	}
	if !questionWords[w0] && !questionAux[w0] && len(low) > 1 {
		// A question typed short, its question word or the noun of what it
		// asks last ("anchorage when", "india tariff percent", "harbour
		// opening time sunday"): asked as if that came first.
		low = tailQuestion(low, t)
		w0, w1 = low[0], low[1]
	}
	switch {
	case t.at("nextq", low, 0) > 0:
		q.kind = askNext
	case w0 == "how" && w1 == "long":
		q.kind = askDuration
	case w0 == "how" && (w1 == "many" || w1 == "much" || t.is("measure", w1)):
		q.kind = askNumber
		if len(low) > 2 && t.is("unit", low[2]) {
			q.kind = askDuration // "how many hours"
		}
	case w0 == "when", (w0 == "what" || w0 == "which") && (w1 == "time" || w1 == "date" || w1 == "day" || w1 == "year" || w1 == "month"):
		q.kind = askTime
	case (w0 == "what" || w0 == "which") && has("numberword") && !asksForWords(raw):
		q.kind = askNumber // "what does wti cost", "what's the death toll"
	case w0 == "where", (w0 == "what" || w0 == "which") && t.is("placeword", w1):
		q.kind = askPlace
	case w0 == "why", w0 == "how" && w1 == "come",
		w0 == "what" && (w1 == "caused" || w1 == "started" || w1 == "triggered" || w1 == "prompted" || w1 == "sparked" || w1 == "led" || w1 == "reason" || w1 == "reasons"):
		q.kind = askReason
	case w0 == "with" && (w1 == "whom" || w1 == "who"), (w0 == "who" || w0 == "whom") && (has("company") || slices.Contains(low, "with")):
		q.kind = askCompany
	case w0 == "who" || w0 == "whom" || w0 == "which" && (t.is("title", strings.TrimSuffix(w1, "s")) || w1 == "people" || w1 == "leaders" || w1 == "officials"):
		q.kind = askPerson
	case asksForWords(raw) && (questionAux[w0] || w0 == "what" || w0 == "how"):
		q.kind = askSaid
	case questionAux[w0]:
		q.kind = askEvent
		q.future = w0 == "will" || w0 == "would" || w0 == "shall" || has("plan") && (w0 == "is" || w0 == "are")
	}
	if q.kind == askNumber {
		q.measure = measureOf(low, t)
	}
	q.concepts = questionConcepts(low, lx)
	if q.kind == askEvent {
		for _, w := range low {
			if ev, ok := t.events[w]; ok {
				q.events[ev] = true
			}
			if ev, ok := t.events[lx.Lemma(w)]; ok {
				q.events[ev] = true
			}
		}
		for _, m := range lx.Phrases(low) {
			q.events[eventOf(m.Key)] = true
		}
	}
	return q
}

// tailQuestion rewrites a question that opens with neither a question word
// nor an auxiliary for analysis: a question word among its last two words
// ("anchorage when") moves to the front; otherwise a noun of what it asks
// (askdata/answers.tsv: tailtime, numberword, tailplace, tailperson) makes
// it "when", "how much", "where" or "who" ("talks date", "brent price",
// "drone commander name"). Other questions are returned as they are.
func tailQuestion(low []string, t *askWords) []string {
	n := len(low)
	for k := n - 1; k >= n-2 && k > 0; k-- {
		if questionWords[low[k]] {
			return append([]string{low[k]}, append(append([]string{}, low[:k]...), low[k+1:]...)...)
		}
	}
	// In this order: "name of the military base" asks for a place.
	for _, c := range []struct {
		classes []string
		lead    []string
	}{
		{[]string{"tailtime"}, []string{"when"}},
		{[]string{"numberword"}, []string{"how", "much"}},
		{[]string{"tailplace", "placeword"}, []string{"where"}},
		{[]string{"tailperson"}, []string{"who"}},
	} {
		for _, w := range low {
			for _, class := range c.classes {
				if t.is(class, w) {
					return append(append([]string{}, c.lead...), low...)
				}
			}
		}
	}
	return low
}

// measureOf is the class of units a number question asks for: that of the
// word after "how" ("how far": measure:far), else that of a noun of what it
// asks ("price": measure:price), when askdata/answers.tsv has one.
func measureOf(low []string, t *askWords) string {
	if len(low) > 2 && low[0] == "how" && low[1] == "much" && low[2] == "of" {
		return "measure:share" // "how much of the capacity": a share
	}
	if len(low) > 1 && low[0] == "how" && t.words["measure:"+low[1]] != nil {
		return "measure:" + low[1]
	}
	for _, w := range low {
		if t.words["measure:"+w] != nil {
			return "measure:" + w
		}
	}
	return ""
}

// eventOf is the event a phrase concept of lexicon.Phrases is about,
// whether it happened or not: "not_happen" → "happen", "no_agreement" →
// "agreement", "meet_again" → "meet".
func eventOf(key string) string {
	key = strings.TrimPrefix(strings.TrimPrefix(key, "not_"), "no_")
	return strings.TrimSuffix(key, "_again")
}

// questionConcepts finds the phrase concepts of a question, also across
// the subject that a question puts between its negation and its verb
// ("wasn't Poland at" → "not at", "didn't the lunch go ahead" → "not go
// ahead"): after a "not" or "never", one to three words may be skipped.
func questionConcepts(low []string, lx *lexicon.Lexicon) map[string]bool {
	out := map[string]bool{}
	norm := lx.Normalize(low)
	for _, m := range lx.Phrases(norm) {
		out[m.Key] = true
	}
	for i, w := range norm {
		if w != "not" && w != "never" {
			continue
		}
		for skip := 1; skip <= 3 && i+1+skip < len(norm); skip++ {
			v := append(append([]string{}, norm[:i+1]...), norm[i+1+skip:]...)
			for _, m := range lx.Phrases(v) {
				out[m.Key] = true
			}
		}
	}
	return out
}

// conceptIn reports whether phrase matches of a paragraph say one of the
// question's concepts, or for a yes/no question the same event either way
// ("no ceasefire" answers "was there a ceasefire").
func (q *askQuestion) conceptIn(ms []lexicon.PhraseMatch) bool {
	for _, m := range ms {
		if q.concepts[m.Key] {
			return true
		}
		if q.kind == askEvent {
			for c := range q.concepts {
				if eventOf(c) == eventOf(m.Key) {
					return true
				}
			}
		}
	}
	return false
}
