package quote

import (
	"strings"
	"unicode"
)

// entity is one person, body or unnamed person an article mentions.
type entity struct {
	kind  SpeakerKind
	name  string // full name, body's canonical name, or an unnamed person's description
	given string
	// givenF is the first given name folded, givenFolds every given name
	// folded; both are set with given.
	givenF     string
	givenFolds []string
	last       string // surname as written
	lastF      string // folded surname
	desc       string // title or description ("Czech Foreign Minister")
	affil      string
	// titleWords are the lower-case words of the person's titles and
	// descriptions, for descriptor matching ("foreign", "minister").
	titleWords []string
	head       string // head noun of an unnamed person's description
	// unresolved: a person known only by a description the article never
	// ties to a name ("the president" with no president named); pronouns
	// may refer to them, but they are not attributed.
	unresolved bool
	// mods are an unresolved description's modifiers ("Norway's",
	// "foreign"), kept to tie it to a person named later.
	mods   []descMod
	male   int // gender evidence
	female int
	plural bool
}

func (e *entity) gender() byte {
	switch {
	case e.male > e.female:
		return 'm'
	case e.female > e.male:
		return 'f'
	}
	return 0
}

// mention is one place where an entity is named or referred to.
type mention struct {
	ent     int
	pos     int
	subject bool
}

// registry is what one article has said about who is who, in document order.
type registry struct {
	lx       *wordLists
	ents     []entity
	mentions []mention
}

// position numbers a token of a paragraph across the article.
func position(para, tok int) int { return para<<20 | tok }

func paraOf(pos int) int { return pos >> 20 }

func (r *registry) mention(ent, pos int, subject bool) {
	if ent < 0 {
		return
	}
	// Keep mentions in document order; most arrive in order.
	i := len(r.mentions)
	for i > 0 && r.mentions[i-1].pos > pos {
		i--
	}
	for k := i - 1; k >= 0 && r.mentions[k].pos == pos; k-- {
		if r.mentions[k].ent == ent {
			r.mentions[k].subject = r.mentions[k].subject || subject
			return
		}
	}
	r.mentions = append(r.mentions, mention{})
	copy(r.mentions[i+1:], r.mentions[i:])
	r.mentions[i] = mention{ent: ent, pos: pos, subject: subject}
}

// findPerson finds a person already named in the article by surname (or,
// for a one-word mention, any part of the name) and compatible given name.
func (r *registry) findPerson(given, last string) int {
	lf := foldName(last)
	if lf == "" {
		return -1
	}
	best := -1
	givenF, folded := "", false
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind != Person || e.lastF == "" {
			continue
		}
		if !similarFold(e.lastF, lf) {
			continue
		}
		compatible := e.given == "" || given == ""
		if !compatible {
			if !folded {
				givenF, folded = foldName(firstWord(given)), true
			}
			compatible = foldedGivenCompatible(e.givenF, givenF)
		}
		if compatible {
			if best < 0 || e.lastF == lf {
				best = i
			}
		}
	}
	if best >= 0 || given != "" {
		return best
	}
	// "Xi" for Xi Jinping, "Lula" for Luiz Inacio Lula da Silva: a
	// one-word mention matching a short given name, or a name inside the
	// given names. A first name alone ("said Sergei, a taxi driver") is
	// someone else: articles call people they have named by surname.
	found := -1
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind != Person || e.given == "" {
			continue
		}
		for k, g := range e.givenFolds {
			if g == lf && (k > 0 || len(lf) <= 3) {
				if found >= 0 && found != i {
					return -1 // two people share it
				}
				found = i
			}
		}
	}
	return found
}

// person returns the entity for a named person, adding or completing it.
func (r *registry) person(np *npInfo) int {
	i := -1
	if np.byGiven {
		i = r.findByGiven(np.last)
	}
	if i < 0 {
		i = r.findPerson(np.given, np.last)
	}
	if i < 0 {
		r.ents = append(r.ents, entity{kind: Person, last: np.last, lastF: foldName(np.last)})
		i = len(r.ents) - 1
		switch surnameGender(np.last) {
		case 'm':
			r.ents[i].male++
		case 'f':
			r.ents[i].female++
		}
	}
	e := &r.ents[i]
	if e.given == "" && np.given != "" {
		e.given = np.given
		e.givenF = foldName(firstWord(np.given))
		for _, g := range strings.Fields(np.given) {
			e.givenFolds = append(e.givenFolds, foldName(g))
		}
	}
	if e.given != "" {
		e.name = e.given + " " + e.last
	} else {
		e.name = e.last
	}
	if e.desc == "" && np.title != "" {
		e.desc = np.title
	}
	if e.affil == "" && np.affil != "" {
		e.affil = np.affil
	}
	e.titleWords = appendNew(e.titleWords, np.titleWords...)
	switch np.gender {
	case 'm':
		e.male += 2
	case 'f':
		e.female += 2
	}
	return i
}

func appendNew(list []string, ws ...string) []string {
outer:
	for _, w := range ws {
		for _, x := range list {
			if x == w {
				continue outer
			}
		}
		list = append(list, w)
	}
	return list
}

// findByGiven finds the one person already named whose given name is
// name ("Sir Keir" after "Keir Starmer"), or -1.
func (r *registry) findByGiven(name string) int {
	f := foldName(name)
	found := -1
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind != Person || e.given == "" || e.givenF != f {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// org returns the entity for a body, by canonical name.
func (r *registry) org(name string) int {
	for i := range r.ents {
		if r.ents[i].kind == Organisation && strings.EqualFold(r.ents[i].name, name) {
			return i
		}
	}
	// "the MEA stated" after "the Ministry of External Affairs (MEA)":
	// an acronym is the body whose capitalised words it spells.
	if isAllCaps(name) && !strings.Contains(name, " ") && len(name) >= 2 {
		for i := range r.ents {
			if r.ents[i].kind == Organisation && initialsOf(r.ents[i].name) == name {
				return i
			}
		}
	}
	r.ents = append(r.ents, entity{kind: Organisation, name: name})
	return len(r.ents) - 1
}

// orgStartingWith finds the body whose name a capitalised description
// ("the General Staff") begins, when exactly one does, or -1.
func (r *registry) orgStartingWith(desc string) int {
	d := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(desc, "the "), "The "))
	if d == "" || !unicode.IsUpper(firstRune(d)) || !strings.Contains(d, " ") {
		return -1
	}
	found := -1
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind == Organisation && len(e.name) > len(d) && strings.HasPrefix(strings.ToLower(e.name), strings.ToLower(d)+" ") {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// unnamed adds an unnamed person (or group) described as desc.
func (r *registry) unnamed(np *npInfo) int {
	desc := np.desc
	// "One resident" at a sentence's start is "one resident".
	if w := firstWord(desc); w != "" && r.lx.determiners[strings.ToLower(w)] {
		desc = strings.ToLower(w) + desc[len(w):]
	}
	r.ents = append(r.ents, entity{kind: Unnamed, name: desc, head: np.head, plural: np.plural,
		titleWords: np.titleWords, affil: np.affil})
	return len(r.ents) - 1
}

// compatible tells whether an entity can be what a pronoun refers to.
func (r *registry) compatible(e *entity, pron string) bool {
	switch pron {
	case "he", "him", "his", "himself":
		return (e.kind == Person || e.kind == Unnamed && !e.plural) && e.gender() != 'f'
	case "she", "her", "hers", "herself":
		return (e.kind == Person || e.kind == Unnamed && !e.plural) && e.gender() != 'm'
	case "it", "its":
		return e.kind == Organisation
	case "they", "them", "their":
		return e.kind == Organisation || e.kind == Unnamed && e.plural
	}
	return false
}

// resolvePronoun finds who a pronoun at pos refers to: the most recent
// compatible subject (a sentence's subject or a quote's speaker) in this or
// the two paragraphs before. Another compatible person mentioned in between
// makes the answer uncertain.
func (r *registry) resolvePronoun(pron string, pos int) (int, float64) {
	minPara := paraOf(pos) - 2
	chosen := -1
	var between []int
	for k := len(r.mentions) - 1; k >= 0; k-- {
		m := r.mentions[k]
		if m.pos >= pos {
			continue
		}
		if paraOf(m.pos) < minPara {
			break
		}
		e := &r.ents[m.ent]
		if !r.compatible(e, pron) {
			continue
		}
		if !m.subject {
			between = append(between, m.ent)
			continue
		}
		chosen = m.ent
		break
	}
	if chosen < 0 {
		// Only non-subject mentions: take one if it is the only candidate.
		distinct := map[int]bool{}
		for _, b := range between {
			distinct[b] = true
		}
		if len(distinct) == 1 {
			return between[0], 0.5
		}
		return -1, 0
	}
	conf := 0.75
	e := &r.ents[chosen]
	switch {
	case e.kind == Organisation || e.plural:
		conf = 0.8
	case e.gender() != 0:
		conf = 0.85
	}
	want := pronounGender(pron)
	for _, b := range between {
		if b == chosen {
			continue
		}
		other := &r.ents[b]
		g := other.gender()
		switch {
		case g != 0 && g == want || want == 0:
			conf = min(conf, 0.5)
		case g == 0 && other.kind == Person:
			conf = min(conf, 0.55) // a named person who may be the one meant
		default:
			conf = min(conf, 0.65)
		}
	}
	return chosen, conf
}

// headsOf lists an entity's role nouns: its last title word and any
// two-word role ("foreign minister") among its title words.
func (r *registry) headsOf(e *entity) []string {
	var hs []string
	if e.head != "" {
		hs = append(hs, e.head)
	}
	tw := e.titleWords
	for i, w := range tw {
		if _, ok := r.lx.personHeads[w]; ok {
			hs = append(hs, w)
		}
		if i+1 < len(tw) {
			if _, ok := r.lx.personHeads[w+" "+tw[i+1]]; ok {
				hs = append(hs, w+" "+tw[i+1])
			}
		}
	}
	joined := " " + strings.Join(tw, " ") + " "
	if strings.Contains(joined, " secretary of state ") {
		hs = append(hs, "secretary of state")
	}
	return hs
}

// resolveDescriptor finds the person a definite description ("the foreign
// minister", "the Russian leader") refers to among those already mentioned.
func (r *registry) resolveDescriptor(np *npInfo, pos int) (int, float64) {
	type cand struct {
		ent, level, pos int
	}
	seen := map[int]bool{}
	var cands []cand
	for k := len(r.mentions) - 1; k >= 0; k-- {
		m := r.mentions[k]
		if m.pos >= pos || seen[m.ent] {
			continue
		}
		seen[m.ent] = true
		e := &r.ents[m.ent]
		if e.kind == Organisation || e.plural != np.plural {
			continue
		}
		level := r.descriptorLevel(np, e)
		if level > 0 {
			cands = append(cands, cand{m.ent, level, m.pos})
		}
	}
	best := -1
	for i, c := range cands {
		if best < 0 || c.level > cands[best].level {
			best = i
		}
	}
	if best < 0 {
		return -1, 0
	}
	rivals := 0
	for _, c := range cands {
		if c.level == cands[best].level && c.ent != cands[best].ent {
			rivals++
		}
	}
	if rivals > 0 {
		// "…, the head of state said" after "Putin said … at talks with
		// Trump": of several that fit, the one the passage has as its
		// subject, when no other has been a subject lately.
		var subj []int
		for _, c := range cands {
			if c.level == cands[best].level && r.recentSubject(c.ent, pos) {
				subj = append(subj, c.ent)
			}
		}
		if len(subj) == 1 {
			return subj[0], 0.7
		}
		return cands[best].ent, 0.5
	}
	return cands[best].ent, 0.85
}

// descriptorLevel scores how well a description fits an entity: 2 when its
// head noun is one of the entity's role words, 1 when it is a broader class
// ("leader" for a president), 0 when it does not fit.
func (r *registry) descriptorLevel(np *npInfo, e *entity) int {
	level := 0
	for _, h := range r.headsOf(e) {
		if h == np.head || h+"s" == np.head {
			level = 2
			break
		}
		for _, c := range r.lx.personHeads[h] {
			if c == np.head {
				level = max(level, 1)
			}
		}
	}
	if level == 0 {
		for _, w := range e.titleWords {
			if w == np.head {
				level = 2
			}
		}
	}
	if level == 0 {
		return 0
	}
	for _, m := range np.mods {
		switch {
		case m.country != "":
			if e.affil == "" || r.lx.countryKey(e.affil) != m.country && !containsCountry(r.lx, e.affil, m.country) {
				return 0
			}
		case r.lx.titles[m.word]:
			found := false
			for _, w := range e.titleWords {
				if w == m.word {
					found = true
				}
			}
			if !found && m.word != "former" && m.word != "senior" && m.word != "top" && m.word != "veteran" {
				return 0
			}
		}
	}
	return level
}

func containsCountry(lx *wordLists, affil, key string) bool {
	for _, w := range strings.Fields(affil) {
		if lx.countryKey(w) == key {
			return true
		}
	}
	return false
}

// surnameEntity finds a person by a one-word mention, or -1.
func (r *registry) surnameEntity(word string) int {
	return r.findPerson("", word)
}

func pronounGender(p string) byte {
	switch p {
	case "he", "him", "his", "himself":
		return 'm'
	case "she", "her", "hers", "herself":
		return 'f'
	}
	return 0
}

// placeholder adds a person known only by a description that could not be
// resolved, so that a later "he" refers to them rather than to someone else.
func (r *registry) placeholder(np *npInfo) int {
	r.ents = append(r.ents, entity{kind: Person, desc: np.desc, head: np.head, titleWords: np.titleWords,
		affil: np.affil, unresolved: true, plural: np.plural, mods: np.mods})
	return len(r.ents) - 1
}

// recentSubject reports whether ent was a subject or a speaker in the two
// paragraphs before pos or in pos's own.
func (r *registry) recentSubject(ent, pos int) bool {
	minPara := paraOf(pos) - 2
	for k := len(r.mentions) - 1; k >= 0; k-- {
		m := r.mentions[k]
		if m.pos >= pos {
			continue
		}
		if paraOf(m.pos) < minPara {
			break
		}
		if m.ent == ent && m.subject {
			return true
		}
	}
	return false
}

// surnameGender reads the gender Slavic and Baltic surnames carry in their
// ending (Zakharova, Lavrov, Tsikhanouskaya, Zelensky), or 0.
func surnameGender(last string) byte {
	l := strings.ToLower(last)
	for _, suf := range []string{"ova", "eva", "yova", "skaya", "tskaya", "ská", "ová", "ienė", "aitė", "ytė"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return 'f'
		}
	}
	for _, suf := range []string{"ov", "ev", "sky", "ski", "skiy", "skyi", "skyy", "vich"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return 'm'
		}
	}
	return 0
}

// initialsOf spells the capitalised words of a body's name ("Ministry of
// External Affairs" is "MEA"); "" for a name of one word.
func initialsOf(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		if r := firstRune(w); unicode.IsUpper(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
