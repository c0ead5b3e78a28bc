package quote

import (
	"strings"

	"summitbot/corpus"
)

// Confidence of a speaker known from a description only.
const (
	confLaterNamed = 0.75 // "‘…,’ Finland's president says" above "Finland's President Alexander Stubb"
	confDescribed  = 0.8  // "the reporter asked", "Norway's foreign minister says": no name in the article
	confRepeated   = 0.8  // a summary line's quote said again in the story by a named speaker
)

// settlePlaceholders decides, once the whole article is read, who the
// quotes given to an unresolved description belong to. A description the
// article ties to exactly one person only further down (a summary line
// above the story that names them) is that person; one it never ties to
// a name is an unnamed speaker labelled by the description ("Norway's
// foreign minister", "the White House press pool").
func (a *attributor) settlePlaceholders(paras []corpus.Paragraph) {
	settled := map[int]int{}   // placeholder → person, or -1
	labelled := map[int]bool{} // placeholders that become unnamed speakers
	for k := range a.quotes {
		q := &a.quotes[k]
		if q.att.scare || q.att.ent >= 0 && !a.reg.ents[q.att.ent].unresolved && a.reg.ents[q.att.ent].kind != Unnamed {
			continue
		}
		// "‘Poland will be at the table,’ says Poland's president" above
		// "… he added: „Poland will be at the table, not on the menu.“":
		// the same words, the same speaker.
		if r := a.repeatedBy(paras, k); r >= 0 {
			q.att = attribution{ent: a.quotes[r].att.ent, conf: min(a.quotes[r].att.conf, confRepeated)}
			continue
		}
		if q.att.ent < 0 || !a.reg.ents[q.att.ent].unresolved {
			continue
		}
		ph := q.att.ent
		to, done := settled[ph]
		if !done {
			to = a.laterNamed(ph)
			settled[ph] = to
		}
		if to >= 0 {
			q.att.ent, q.att.conf = to, confLaterNamed
			continue
		}
		if !a.describesSpeaker(&a.reg.ents[ph]) {
			continue
		}
		// Labelled by the description only where the description stands
		// at the quote: "he replied" after "The reporter asked Trump …"
		// may be Trump.
		if q.att.indirect {
			q.att = attribution{ent: -1, desc: a.reg.ents[ph].desc}
			continue
		}
		q.att.conf = confDescribed
		labelled[ph] = true
	}
	for ph := range labelled {
		e := &a.reg.ents[ph]
		e.kind, e.unresolved, e.name = Unnamed, false, e.desc
	}
}

// laterNamed finds the one named person anywhere in the article whose
// role the placeholder's description gives, and whose country is the
// description's when it names one, or -1. A person whose country the
// article does not give is not taken for "Poland's president".
func (a *attributor) laterNamed(ph int) int {
	e := &a.reg.ents[ph]
	if e.head == "" {
		return -1
	}
	np := npInfo{kind: npDescriptor, head: e.head, plural: e.plural}
	country := ""
	for _, m := range e.mods {
		if m.country != "" {
			country = m.country
		} else {
			np.mods = append(np.mods, m)
		}
	}
	same, open := -1, -1
	nSame, nOpen := 0, 0
	for i := range a.reg.ents {
		c := &a.reg.ents[i]
		if i == ph || c.kind != Person || c.unresolved || c.plural != e.plural || c.name == "" {
			continue
		}
		if a.reg.descriptorLevel(&np, c) != 2 {
			continue
		}
		switch {
		case country == "":
			open, nOpen = i, nOpen+1
		case a.lx.countryKey(c.affil) == country || containsCountry(a.lx, c.affil, country):
			same, nSame = i, nSame+1
		}
	}
	switch {
	case nSame == 1:
		return same
	case nSame == 0 && nOpen == 1:
		return open
	}
	return -1
}

// describesSpeaker: a description that can stand for its speaker, as a
// role or a kind of person ("the reporter", "Germany's chancellor", "the
// press pool"), not a document, a medium or a place.
func (a *attributor) describesSpeaker(e *entity) bool {
	return e.head != "" && e.desc != "" && !a.lx.docNouns[e.head] && !a.lx.commNouns[e.head] && !a.lx.placeWords[e.head]
}

// repeatedBy: when quote k opens its paragraph (a summary line), finds a
// quote of a named person or body in a later paragraph whose words hold
// all of quote k's (at least three words, compared without case and
// closing punctuation), or -1.
func (a *attributor) repeatedBy(paras []corpus.Paragraph, k int) int {
	q := a.quotes[k]
	// Summary lines open their paragraph (after a bullet).
	if lead := strings.TrimLeft(paras[q.para].Text[:q.span.open], "*-\u2022 \t"); lead != "" {
		return -1
	}
	words := strings.Fields(strings.ToLower(strings.TrimRight(paras[q.para].Text[q.span.start:q.span.end], " ,.!?;:…")))
	if len(words) < 3 {
		return -1
	}
	want := strings.Join(words, " ")
	for r := k + 1; r < len(a.quotes); r++ {
		o := a.quotes[r]
		if o.para == q.para || o.att.ent < 0 || o.att.scare || o.att.conf < UncertainBelow {
			continue
		}
		if e := &a.reg.ents[o.att.ent]; e.unresolved || e.kind == Unnamed {
			continue
		}
		text := strings.ToLower(strings.Join(strings.Fields(paras[o.para].Text[o.span.start:o.span.end]), " "))
		if strings.Contains(text, want) {
			return r
		}
	}
	return -1
}
