package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"summitbot/lexicon"
)

// askPara is a candidate paragraph as the answer detectors see it: its
// words (folded, lower case) with their byte offsets, which of them are
// the question's own words, and where sentences start.
type askPara struct {
	text  string
	words []string
	offs  []int
	hit   []bool // the word is one of the question's (it is not an answer)
	// anchor: one of the question's words an answer should stand by;
	// not a word of the setting ("in Anchorage"), which the question
	// already gives.
	anchor []bool
	start  []bool // the word opens a sentence
	// headed: the section heading says what the question asks ("Will
	// Putin and Zelensky meet?"), so every answer in the paragraph is
	// near the question's words.
	headed bool
}

func newAskPara(text string, ex []token, hits [][]token, setting []bool) askPara {
	p := askPara{text: text, words: make([]string, len(ex)), offs: make([]int, len(ex)), hit: make([]bool, len(ex)),
		anchor: make([]bool, len(ex)), start: make([]bool, len(ex))}
	at := make(map[int]int, len(ex))
	for i, t := range ex {
		p.words[i], p.offs[i] = t.term, t.start
		at[t.start] = i
		if i == 0 {
			p.start[i] = true
			continue
		}
		p.start[i] = strings.ContainsAny(text[ex[i-1].end:t.start], ".!?:\u201c\"\u2018(")
	}
	for j, hs := range hits {
		for _, t := range hs {
			if i, ok := at[t.start]; ok {
				p.hit[i] = true
				p.anchor[i] = p.anchor[i] || !setting[j]
			}
		}
	}
	return p
}

// capital reports whether word i is written with a capital letter.
func (p *askPara) capital(i int) bool {
	r, _ := utf8.DecodeRuneInString(p.text[p.offs[i]:])
	return unicode.IsUpper(r)
}

// near reports whether one of the question's words stands within d words
// of the span [i, j).
func (p *askPara) near(i, j, d int) bool {
	if p.headed {
		return true
	}
	for k := max(0, i-d); k < min(len(p.words), j+d); k++ {
		if (k < i || k >= j) && p.anchor[k] {
			return true
		}
	}
	return false
}

// nearTopic is near for the question's words that are not names (the
// paragraph writes them in lower case): "no ceasefire", not "Putin said no".
func (p *askPara) nearTopic(i, j, d int) bool {
	for k := max(0, i-d); k < min(len(p.words), j+d); k++ {
		if (k < i || k >= j) && p.anchor[k] && !p.capital(k) {
			return true
		}
	}
	return false
}

// askNear is how close to the question's words an answer must stand to
// count as answering it.
const askNear = 8

// answerBonus is what a paragraph adds to its score for holding the kind of
// answer the question asks for: a little when it holds one, more when the
// answer stands by the question's words ("nearly three hours of talks",
// "the meeting took place on August 15"). The question's own words are
// never the answer. It also returns a short note saying what was found.
func (q *askQuestion) answerBonus(p *askPara, lx *lexicon.Lexicon) (float64, string) {
	t := askTable()
	best := 0.0
	quantity := q.kind == askDuration || q.kind == askTime || q.kind == askNumber
	grade := func(i, j int, weight float64) {
		v := 0.2 * weight
		switch {
		case quantity && p.near(i, j, 3):
			v = 0.65 * weight // a quantity stands by what it measures: "three-hour-long talks"
		case quantity && p.near(i, j, askNear):
			v = 0.5 * weight
		case p.near(i, j, askNear):
			v = 0.55 * weight
		}
		best = max(best, v)
	}
	n := len(p.words)
	switch q.kind {
	case askDuration:
		for i := 0; i < n; i++ {
			if p.hit[i] {
				continue
			}
			if k := t.at("duration", p.words, i); k > 0 {
				grade(i, i+k, 0.9) // "lasted most of the day"
				continue
			}
			if t.is("unit", p.words[i]) && strings.HasSuffix(p.words[i], "s") {
				grade(i, i+1, 0.6) // "hours of talks"
			}
			if !p.number(i, t) && p.words[i] != "a" && p.words[i] != "an" {
				continue
			}
			for j := i + 1; j < n && j <= i+3; j++ {
				if t.is("unit", p.words[j]) {
					grade(i, j+1, 1)
					break
				}
				if !p.number(j, t) && p.words[j] != "and" && p.words[j] != "a" && p.words[j] != "an" {
					break
				}
			}
		}
	case askTime:
		for i := 0; i < n; i++ {
			if p.hit[i] {
				continue
			}
			w := p.words[i]
			switch {
			case t.is("month", w) && (i > 0 && p.digits(i-1) || i+1 < n && p.digits(i+1)):
				grade(i, i+1, 1)
			case t.is("month", w) && w != "may" && w != "mar" && p.capital(i):
				grade(i, i+1, 0.8)
			case t.is("weekday", w):
				grade(i, i+1, 1)
			case p.year(i):
				grade(i, i+1, 0.8)
			case t.is("timeword", w):
				grade(i, i+1, 0.6)
			case w == "next" || w == "last" || w == "this" || w == "coming":
				if i+1 < n && (t.is("unit", p.words[i+1]) || t.is("timeword", p.words[i+1])) {
					grade(i, i+2, 1)
				}
			}
		}
	case askPlace:
		for i := 0; i < n; i++ {
			if p.hit[i] {
				// The place the question names, then its name: "the
				// military base Elmendorf-Richardson".
				if t.is("placeword", p.words[i]) && i+1 < n && p.capital(i+1) && !p.hit[i+1] && !p.start[i+1] {
					grade(i, i+2, 1)
				}
				continue
			}
			switch w := p.words[i]; {
			case t.is("placeprep", w) && i+1 < n:
				j := i + 1
				if p.words[j] == "the" && j+1 < n {
					j++
				}
				if p.capital(j) && !p.hit[j] && !t.is("month", p.words[j]) && !t.is("weekday", p.words[j]) {
					grade(i, j+1, 1)
				}
			case t.is("placeword", w) && i+2 < n && p.words[i+1] == "of" && p.capital(i+2):
				grade(i, i+3, 1) // "the corner of Northern Lights Boulevard"
			case t.is("placeword", w):
				grade(i, i+1, 0.7)
			case p.capital(i) && !p.start[i] && i > 0 && (p.words[i-1] == "and" || p.words[i-1] == "or" || strings.Contains(p.text[p.offs[i-1]:p.offs[i]], ",")) && p.capital(i-1) && !p.hit[i-1]:
				grade(i-1, i+1, 0.7) // a list of names: "Budapest, Geneva and Istanbul"
			}
		}
	case askPerson, askCompany:
		for i := 0; i < n; i++ {
			if !p.person(i, t) {
				continue
			}
			if q.kind == askPerson {
				grade(i, i+1, 0.8)
				continue
			}
			// Company: a person next to a word of company ("sat beside",
			// "joined by", "who attended the talks").
			for k := max(0, i-5); k < min(n, i+6); k++ {
				if k != i && t.at("company", p.words, k) > 0 {
					grade(min(i, k), max(i, k)+1, 1.2)
					if p.hit[k] {
						best = max(best, 0.55*1.2) // "who attended": "… also attended"
					}
					break
				}
			}
		}
	case askNumber:
		other := 0.0 // the best number in another unit than the one asked for
		for i := 0; i < n; i++ {
			if !p.hit[i] && p.number(i, t) && p.words[i] != "several" && p.words[i] != "few" {
				switch {
				case q.measure == "":
					grade(i, i+1, 1)
					continue
				case p.measured(i, q.measure, t):
					grade(i, i+1, 1.3) // in the units asked for: "four hundred kilometres"
					continue
				}
				keep := best
				grade(i, i+1, 1)
				other, best = max(other, best), keep
			}
		}
		// "How far": sixty-one ships do not answer it.
		best = max(best, 0.4*other)
	case askReason:
		for i := 0; i < n; i++ {
			if p.hit[i] {
				continue
			}
			if k := t.at("cause", p.words, i); k > 0 {
				grade(i, i+k, 1)
			} else if k := t.at("cause2", p.words, i); k > 0 {
				grade(i, i+k, 0.5)
			}
		}
	case askNext:
		// A plan, an invitation, a date ahead: "will meet within ten
		// days", "invited Chancellor Vantberg to Taldris".
		for i := 0; i < n; i++ {
			if k := t.at("plan", p.words, i); k > 0 && !p.hit[i] {
				grade(i, i+k, 1)
			}
		}
	case askEvent:
		// Said to have happened or not, planned or not, by the question's
		// words ("no ceasefire", "the lunch was cancelled", "agreed in
		// principle to meet").
		for _, m := range lx.Phrases(p.words) {
			// The question's own words ("ceasefire" for "was a ceasefire
			// agreed") only name the event; "no ceasefire" says what
			// became of it.
			own := true
			for k := m.Start; k < m.End; k++ {
				own = own && p.hit[k]
			}
			if !own && q.events[eventOf(m.Key)] {
				grade(m.Start, m.End, 1.2)
				if p.nearTopic(m.Start, m.End, 1) || m.End-m.Start > 1 {
					best = max(best, 0.6)
				}
			}
		}
		for i := 0; i < n; i++ {
			class := ""
			switch {
			case t.at("negation", p.words, i) > 0:
				class = "negation"
			case !p.hit[i] && t.at("plan", p.words, i) > 0:
				class = "plan"
			case !p.hit[i] && !q.future && t.at("outcome", p.words, i) > 0:
				class = "outcome"
			}
			if class == "" {
				continue
			}
			v := 0.1
			if p.nearTopic(i, i+1, 3) {
				v = 0.4
			}
			if len(q.events) == 0 {
				v /= 2 // an event the tables do not know: weaker evidence
			}
			best = max(best, v)
		}
	}
	if best >= 0.3 && q.kind != askAny && q.kind != askSaid {
		return best, q.kind.note()
	}
	return best, ""
}

// measured reports whether the number at word i is given in a unit of the
// class: a unit word within the next three words ("four hundred
// kilometres", "$90bn"), or a sign of the class ("$", "%") written before
// or after it.
func (p *askPara) measured(i int, class string, t *askWords) bool {
	for j := i + 1; j < len(p.words) && j <= i+3; j++ {
		if t.is(class, p.words[j]) {
			return true
		}
		if !p.number(j, t) && p.words[j] != "a" && p.words[j] != "and" {
			break
		}
	}
	if i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(p.text[:p.offs[i]]); t.is(class, string(r)) {
			return true
		}
	}
	end := p.offs[i] + len(p.words[i])
	if end < len(p.text) {
		if r, _ := utf8.DecodeRuneInString(p.text[end:]); t.is(class, string(r)) {
			return true
		}
	}
	return false
}

// number: a number in digits or words.
func (p *askPara) number(i int, t *askWords) bool {
	w := p.words[i]
	return w != "" && (w[0] >= '0' && w[0] <= '9' || t.is("number", w))
}

func (p *askPara) digits(i int) bool {
	w := p.words[i]
	return w != "" && w[0] >= '0' && w[0] <= '9' && len(w) <= 4
}

// year: 1900 to 2099 in digits.
func (p *askPara) year(i int) bool {
	w := p.words[i]
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// person: a capitalised word that names someone: after a title ("Foreign
// Minister Sergei Lavrov"), before or after another capitalised word, or a
// lone name inside a sentence ("… and Ushakov"); never one of the
// question's words, a month or a weekday.
func (p *askPara) person(i int, t *askWords) bool {
	if p.hit[i] || !p.capital(i) || t.is("month", p.words[i]) || t.is("weekday", p.words[i]) || t.is("title", p.words[i]) {
		return false
	}
	if i > 0 && t.is("title", p.words[i-1]) {
		return true
	}
	if i+1 < len(p.words) && p.capital(i+1) && !p.start[i+1] && !p.hit[i+1] {
		return true
	}
	return !p.start[i] && !t.is("placeprep", prevWord(p, i))
}

func prevWord(p *askPara, i int) string {
	if i == 0 {
		return ""
	}
	return p.words[i-1]
}
