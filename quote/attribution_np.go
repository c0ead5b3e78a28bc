package quote

import (
	"strings"
	"unicode"
)

// npKind tells what a noun phrase names.
type npKind uint8

const (
	npNone       npKind = iota
	npPronoun           // he, she, it, they
	npRelative          // who, which
	npPerson            // a named person
	npOrg               // a named body
	npUnnamed           // a described person or group ("a fisherman in Port Aldren")
	npDescriptor        // a definite description of someone ("the foreign minister")
	npBare              // one capitalised word: a surname or a place
)

// descMod is a modifier of a description: a title word or a country.
type descMod struct {
	word    string
	country string // country key when the word names a country or people
}

// npInfo is what parseNP understood of a noun phrase.
type npInfo struct {
	kind        npKind
	pron        string
	given, last string
	gender      byte
	title       string   // "Czech Foreign Minister"
	titleWords  []string // lower-case title words
	affil       string
	org         string
	desc        string // an unnamed person's description, or the descriptor's text
	head        string
	mods        []descMod
	plural      bool
	// byGiven: the one name word follows "Sir" or "Dame", which go with a
	// given name ("Sir Keir" is Keir Starmer).
	byGiven bool
}

var pronouns = map[string]bool{"he": true, "she": true, "it": true, "they": true, "i": true, "we": true}

var prepositions = map[string]bool{"in": true, "at": true, "on": true, "from": true, "for": true, "with": true,
	"near": true, "outside": true, "inside": true, "of": true, "by": true, "to": true, "across": true, "around": true}

// isNameWord: a capitalised word that can be part of a person's name.
func (lx *wordLists) isNameWord(t token) bool {
	if t.kind != tkWord || !t.cap {
		return false
	}
	if lx.tokIs(t, fNotName) {
		return false // a title, place, time, plural noun or body
	}
	if isAllCaps(t.text) && len([]rune(strings.TrimSuffix(t.text, "."))) > 1 {
		return false // an acronym (NATO, MEA), not a name; initials (J.) are
	}
	return true
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// isDemonymLike: a capitalised word that names a country or its people.
func (lx *wordLists) isDemonymLike(w string) bool {
	l := strings.ToLower(w)
	if _, ok := lx.countryKeys[l]; ok {
		return true
	}
	for _, suf := range []string{"ian", "ese", "ish", "ean", "ic"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

func joinText(ts []token) string {
	switch len(ts) {
	case 0:
		return ""
	case 1:
		return ts[0].text
	}
	n := 0
	for _, t := range ts {
		n += len(t.text) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range ts {
		if i > 0 && t.kind != tkPunct {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}

// parseNP reads a noun phrase standing as a subject ("Czech Foreign Minister
// Jan Lipavský", "the Kremlin", "a fisherman in Port Aldren", "he").
func (lx *wordLists) parseNP(ts []token) npInfo {
	for len(ts) > 0 && ts[len(ts)-1].kind == tkPunct {
		ts = ts[:len(ts)-1]
	}
	for len(ts) > 0 && ts[0].kind == tkPunct {
		ts = ts[1:]
	}
	if len(ts) == 0 {
		return npInfo{}
	}
	if len(ts) == 1 && ts[0].has(fPronoun) {
		return npInfo{kind: npPronoun, pron: ts[0].low}
	}
	if len(ts) == 1 && (ts[0].low == "who" || ts[0].low == "which") {
		return npInfo{kind: npRelative, pron: ts[0].low}
	}
	// "a retired bush pilot named Walt Ekberg": a full name after "named"
	// is the person, the words before it their description.
	if np, ok := lx.namedPerson(ts); ok {
		return np
	}
	// Split off a trailing prepositional phrase after a lower-case noun
	// ("a fisherman | in Port Aldren"); "of" inside a capitalised name stays
	// ("Ministry of Foreign Affairs").
	core, pp := ts, []token(nil)
	split := len(ts) > 1 && !titledOfName(lx, ts)
	for i := 1; split && i < len(ts); i++ {
		if ts[i].kind != tkWord || !ts[i].has(fPreposition) {
			continue
		}
		if ts[i].low == "of" && i+1 < len(ts) && (lx.tokIs(ts[i-1], fOrgHead) || lx.tokIs(ts[i-1], fTitle)) &&
			(ts[i+1].cap || ts[i+1].low == "the" && i+2 < len(ts) && ts[i+2].cap && allCapitalised(ts[:i])) {
			continue // "Ministry of Foreign Affairs", "General Staff of the Armed Forces"
		}
		if ts[i].low == "of" && ts[i-1].low == "head" && i+1 < len(ts) && (ts[i+1].low == "state" || ts[i+1].low == "government") {
			continue // "the head of state": one role
		}
		// "Institute for the Study of War", "Centre for Eastern Studies".
		if ts[i].is("for", "of", "on") && ts[i-1].cap && lx.tokIs(ts[i-1], fOrgHead) && i+1 < len(ts) &&
			(ts[i+1].cap || ts[i+1].low == "the" && i+2 < len(ts) && ts[i+2].cap) {
			continue
		}
		if ts[i].low == "of" && i+1 < len(ts) && ts[i+1].low == "state" && ts[i-1].low == "secretary" {
			continue
		}
		core, pp = ts[:i], ts[i:]
		break
	}
	np := npInfo{}
	det := ""
	possessor := ""
	if lx.tokIs(core[0], fDeterminer) && len(core) > 1 {
		det = core[0].low
		core = core[1:]
	}
	if len(core) > 1 && core[0].possessive() && core[0].cap {
		possessor = core[0].base()
		core = core[1:]
	}
	// Trailing run of name words.
	ns := nameRunStart(lx, core)
	hasName := ns < len(core)
	if hasName {
		for _, t := range core[ns:] {
			if lx.placeWords[t.low] {
				hasName = false
			}
		}
		if ns == 0 && ns < len(core) && lx.placeWords[lowerText(core[0])] {
			hasName = false
		}
	}
	prefix := core[:ns]
	// "Group of Seven", "Council of Europe": a body's head and "of" before
	// the capitalised words, with no title among them, is a body.
	if n := len(prefix); hasName && n >= 2 && prefix[n-1].low == "of" && prefix[n-2].cap && lx.orgHeads[prefix[n-2].low] && !hasTitleWord(lx, prefix) {
		np.kind = npOrg
		np.org = joinText(core)
		return np
	}
	// "the popular Telegram channel Rybar", "the state news agency TASS":
	// a body's name after a lower-case noun saying what kind of body it is.
	if n := len(core); n >= 2 && (det == "the" || det == "") && possessor == "" {
		nameStart := ns
		if !hasName && isAllCaps(core[n-1].text) && len(core[n-1].text) > 1 && core[n-1].kind == tkWord {
			nameStart = n - 1
		}
		if nameStart < n && nameStart > 0 && !core[nameStart-1].cap && lx.orgHeads[core[nameStart-1].low] && !lx.titles[core[nameStart-1].low] {
			np.kind = npOrg
			np.org = joinText(core[nameStart:])
			return np
		}
	}
	// "Our Russia editor Steve Rosenberg", "the US envoy Steve Witkoff": a
	// determiner before a title and a name still makes a person.
	titledDet := titleDeterminers[det] && hasTitleWord(lx, prefix)
	// "retired schoolteacher Bill Hargrove", "the independent sociologist
	// Lev Dubrovsky": lower-case words naming what someone is, before a
	// full name.
	occupation := hasName && len(core)-ns >= 2 && occupationChain(lx, prefix)
	if occupation && (det == "the" || det == "") {
		titledDet = true
	}
	if hasName && (det == "" || lx.honorifics[det] != 0 || titledDet) && (validTitleChain(lx, prefix) || occupation) {
		nameWords := make([]string, 0, len(core)-ns)
		for _, t := range core[ns:] {
			nameWords = append(nameWords, t.text)
		}
		nameWords[len(nameWords)-1] = core[len(core)-1].base() // Putin's
		np.given, np.last = splitName(nameWords)
		if len(prefix) == 0 && len(nameWords) == 1 {
			np.kind = npBare
			return np
		}
		np.kind = npPerson
		lx.readTitle(&np, prefix)
		if possessor != "" && np.affil == "" {
			np.affil = possessor
		}
		if np.title != "" && possessor != "" {
			np.title = possessor + "'s " + np.title
		}
		if len(pp) > 1 && pp[0].low == "of" && pp[1].cap && np.affil == "" {
			np.affil = joinText(pp[1:])
			if np.title != "" {
				np.title += " of " + np.affil
			}
		}
		return np
	}
	last := core[len(core)-1]
	head := strings.TrimSuffix(last.low, "'s")
	// "the Head of State", "the head of government": one role.
	if n := len(core); n >= 3 && core[n-3].low == "head" && core[n-2].low == "of" && (head == "state" || head == "government") {
		head = "head of " + head
	}
	allCap := true
	for _, t := range core {
		if !t.cap && t.low != "of" && t.low != "and" && !(t.low == "for" || t.low == "the" || t.low == "on") {
			allCap = false
		}
	}
	text := joinText(core)
	if allCap && possessor == "" && lx.isCountry(strings.ToLower(text)) {
		np.kind = npOrg // "India said", "the United States said"
		np.org = text
		return np
	}
	switch {
	case len(core) == 1 && (lx.orgWords[last.low] || isAllCaps(last.text) && len(last.text) > 1) && det == "":
		np.kind = npOrg
		np.org = last.text
		return np
	case lx.pluralNouns[head] && (det == "" || lx.indefinite[det] || det == "the" && len(core) > 1):
		np.kind = npUnnamed
		np.plural = true
	case lx.orgHeads[head] || allCap && (det == "the" || possessor != "") && (!lx.titles[head] || hasOrgHead(lx, core)) && lx.personHeads[head] == nil:
		np.kind = npOrg
		name := text
		if possessor != "" {
			name = possessor + " " + name
		}
		if len(pp) > 1 && (pp[0].low == "of" || pp[0].low == "in") && pp[1].cap ||
			len(pp) > 2 && pp[0].low == "of" && pp[1].low == "the" && det == "the" && !last.cap {
			name += " " + joinText(pp) // "the ministry of the armed forces"
		}
		np.org = titleCase(name)
		return np
	case lx.indefinite[det]:
		np.kind = npUnnamed
	case det == "the" || possessor != "":
		np.kind = npDescriptor // resolved against the people mentioned, or left unresolved
	case det == "" && allCap && len(core) > 1 && hasPlaceWord(lx, core):
		np.kind = npOrg // "Joint Base Elmendorf-Richardson said": a place speaking as a body
		np.org = text
		return np
	case det == "":
		if _, ok := lx.personHeads[head]; ok || lx.titles[head] {
			np.kind = npDescriptor
		} else if lx.personNouns[head] && !last.cap {
			np.kind = npUnnamed // "says White House insider"
		} else {
			return npInfo{}
		}
	default:
		return npInfo{}
	}
	np.head = head
	modEnd := len(core) - 1
	if strings.HasPrefix(head, "head of ") {
		modEnd = len(core) - 3 // "Head of": part of the role
	}
	for _, t := range core[:modEnd] {
		if lx.tokIs(t, fTitle) {
			np.mods = append(np.mods, descMod{word: t.low})
		} else if t.cap || lx.isDemonymLike(t.text) {
			np.mods = append(np.mods, descMod{word: t.low, country: lx.countryKey(t.base())})
			if np.affil == "" {
				np.affil = t.base()
			}
		}
		if lx.tokIs(t, fTitle) {
			np.titleWords = append(np.titleWords, t.low)
		}
	}
	if possessor != "" {
		np.mods = append(np.mods, descMod{word: strings.ToLower(possessor), country: lx.countryKey(possessor)})
		if np.affil == "" {
			np.affil = possessor
		}
	}
	np.titleWords = append(np.titleWords, head)
	full := text
	if possessor != "" {
		full = possessor + "'s " + full
	}
	if det != "" {
		full = det + " " + full
	}
	if len(pp) > 0 {
		full += " " + joinText(pp)
	}
	np.desc = full
	if np.kind == npUnnamed && np.affil == "" {
		np.affil = capitalisedRun(pp)
	}
	return np
}

// titledOfName: a title with "of" and then a full name ("Deputy Chairman of
// the Russian Security Council Dmitry Medvedev"), to be read whole rather
// than split at "of".
func titledOfName(lx *wordLists, ts []token) bool {
	ns := nameRunStart(lx, ts)
	if len(ts)-ns < 2 || ns < 3 {
		return false
	}
	for i := 1; i < ns; i++ {
		// "Deputy Chairman of the Security Council Dmitry Medvedev",
		// "Official representative of the Foreign Ministry Maria …".
		// "Russian Ambassador to India Denis Alipov", "Special Envoy for
		// Ukraine Keith Kellogg": a capitalised title's "to" or "for".
		if (ts[i].low == "of" || ts[i].is("to", "for") && ts[i-1].cap && i+1 < ns && ts[i+1].cap) &&
			lx.tokIs(ts[i-1], fTitle) && (ts[i-1].cap || ts[0].cap || ts[0].low == "the") {
			return validTitleChain(lx, ts[:ns])
		}
	}
	return false
}

// titleDeterminers may stand before a title and a name.
var titleDeterminers = map[string]bool{"the": true, "our": true, "his": true, "her": true, "their": true, "its": true, "my": true, "your": true}

// hasTitleWord: one of ts is a title word or a role noun.
func hasTitleWord(lx *wordLists, ts []token) bool {
	for _, t := range ts {
		if lx.tokIs(t, fPersonHead) || lx.tokIs(t, fTitle) && !lx.tokIs(t, fHonorific) {
			return true
		}
	}
	return false
}

// validTitleChain: the words before a name are a title ("Czech Foreign
// Minister", "Galdorian opposition leader", "Mr"), not a clause.
func validTitleChain(lx *wordLists, prefix []token) bool {
	if len(prefix) == 0 {
		return true
	}
	// A chain ending in a title word may hold other lower-case words
	// ("foreign policy aide").
	last := prefix[len(prefix)-1]
	lastHead := lx.tokIs(last, fPersonHead)
	endsInTitle := lx.tokIs(last, fTitle) || lastHead
	for i, t := range prefix {
		if t.kind != tkWord {
			return false
		}
		if t.cap || lx.tokIs(t, fTitle) || t.low == "of" || t.possessive() {
			continue
		}
		if t.low == "the" && i > 0 && prefix[i-1].low == "of" {
			continue // "Deputy Chairman of the Security Council"
		}
		if t.is("for", "and", "on", "the", "to") && i > 0 && i+1 < len(prefix) && prefix[i-1].cap && (prefix[i+1].cap || prefix[i+1].low == "the") {
			continue // "Analyst of the Centre for Defence Strategies"
		}
		if lx.tokIs(t, fPersonHead) {
			continue
		}
		if endsInTitle && !lx.tokIs(t, fStop) && !lx.tokIs(t, fAuxiliary) && !lx.tokIs(t, fBoundary) {
			continue
		}
		return false
	}
	return true
}

// occupationChain: the words before a name are lower-case words that can
// describe a person ("retired schoolteacher", "café owner"), ending in a
// noun: no stop word, verb form, adverb or participle among them.
func occupationChain(lx *wordLists, prefix []token) bool {
	if len(prefix) == 0 || len(prefix) > 4 {
		return false
	}
	for _, t := range prefix {
		if t.kind != tkWord || t.cap || lx.tokIs(t, fStop) || lx.tokIs(t, fAuxiliary) || lx.tokIs(t, fBoundary) ||
			t.has(fPreposition) || strings.HasSuffix(t.low, "ly") || strings.HasSuffix(t.low, "ing") {
			return false
		}
	}
	last := prefix[len(prefix)-1]
	if _, isVerb := lx.verbs[last.low]; isVerb || strings.HasSuffix(last.low, "ed") || strings.HasSuffix(last.low, "s") && !strings.HasSuffix(last.low, "ss") {
		return false
	}
	return true
}

// readTitle fills a person's title, title words, affiliation and gender
// from the words before the name. The affiliation is the first run of
// capitalised words that are not title words ("Czech", "Boreal Compact").
func (lx *wordLists) readTitle(np *npInfo, prefix []token) {
	var titleToks []token
	affilStart, affilEnd := -1, -1
	afterOf := false
	for i, t := range prefix {
		l := t.low
		if g, ok := lx.honorifics[l]; ok {
			if g != 0 {
				np.gender = g
			}
			if (l == "sir" || l == "dame") && i == len(prefix)-1 && np.given == "" {
				np.byGiven = true
			}
			continue
		}
		if g := lx.genderNouns[l]; g != 0 {
			np.gender = g
		}
		titleToks = append(titleToks, t)
		if full, ok := titleAbbreviations[strings.TrimSuffix(l, ".")]; ok {
			np.titleWords = append(np.titleWords, strings.Fields(full)...)
			continue
		}
		_, head := lx.personHeads[l]
		if head && afterOf && len(np.titleWords) > 0 {
			continue // "press secretary of the President": the president is someone else
		}
		if l == "of" {
			afterOf = true
		}
		if lx.titles[l] || head || l == "of" && i > 0 && lx.tokIs(prefix[i-1], fTitle) {
			np.titleWords = append(np.titleWords, l)
			continue
		}
		if !t.cap {
			continue
		}
		switch {
		case affilStart < 0:
			affilStart, affilEnd = i, i+1
		case affilEnd == i && !prefix[i-1].possessive():
			affilEnd = i + 1
		}
	}
	np.title = joinText(titleToks)
	if affilStart >= 0 {
		ws := make([]string, 0, affilEnd-affilStart)
		for _, t := range prefix[affilStart:affilEnd] {
			ws = append(ws, t.base())
		}
		np.affil = strings.Join(ws, " ")
	}
}

// capitalisedRun returns the first run of capitalised words ("Orlaine
// Institute" in "at the Orlaine Institute").
func capitalisedRun(ts []token) string {
	var run []string
	for _, t := range ts {
		if t.kind == tkWord && (t.cap || len(run) > 0 && t.low == "of") {
			run = append(run, t.base())
			if t.possessive() {
				break
			}
			continue
		}
		if len(run) > 0 {
			break
		}
	}
	for len(run) > 0 && run[len(run)-1] == "of" {
		run = run[:len(run)-1]
	}
	return strings.Join(run, " ")
}

// readAppositive reads a description after a name (", the Galdorian
// government spokesman", ", a senior fellow at the Orlaine Institute").
func (lx *wordLists) readAppositive(ts []token) (desc, affil string, titleWords []string) {
	if len(ts) == 0 {
		return "", "", nil
	}
	body := ts
	if lx.tokIs(ts[0], fDeterminer) {
		body = ts[1:]
	} else if head := lx.tokIs(ts[0], fPersonHead); (!head && !lx.tokIs(ts[0], fTitle) || ts[0].cap) && !(ts[0].cap && ts[0].possessive()) && !capsThenTitle(lx, ts) {
		return "", "", nil
	}
	cut := len(body)
	for i, t := range body {
		if t.kind != tkWord || t.low == "who" || t.low == "which" || t.low == "that" || lx.tokIs(t, fAuxiliary) {
			cut = i
			break
		}
		if lx.tokIs(t, fVerb) && i > 0 {
			cut = i
			break
		}
	}
	body = body[:cut]
	if len(body) == 0 {
		return "", "", nil
	}
	core := body
	for i, t := range body {
		if i > 0 && t.has(fPreposition) && !(t.low == "of" && body[i-1].cap) {
			core = body[:i]
			break
		}
	}
	for _, t := range core {
		l := strings.TrimSuffix(t.low, "'s")
		if lx.titles[l] {
			titleWords = append(titleWords, l)
		} else if _, ok := lx.personHeads[l]; ok {
			titleWords = append(titleWords, l)
		}
	}
	last := core[len(core)-1].low
	titleWords = appendNew(titleWords, last)
	affil = capitalisedRun(core)
	if affil == "" {
		affil = capitalisedRun(body[len(core):])
	}
	desc = joinText(body)
	return desc, affil, titleWords
}

func hasOrgHead(lx *wordLists, ts []token) bool {
	for _, t := range ts {
		if lx.tokIs(t, fOrgHead) {
			return true
		}
	}
	return false
}

// nameRunStart finds where the trailing run of name words of ts starts
// (particles such as "von der" inside the run are kept); len(ts) if none.
func nameRunStart(lx *wordLists, ts []token) int {
	ns := len(ts)
	// A rank that is also a surname ends a name after a given name that
	// follows a lower-case role ("security expert Claudia Major").
	if n := len(ts); n >= 3 && ts[n-1].cap && lx.surnameTitles[ts[n-1].low] && lx.isNameWord(ts[n-2]) &&
		ts[n-3].kind == tkWord && !ts[n-3].cap && !lx.tokIs(ts[n-3], fStop) {
		ns--
	}
	for ns > 0 {
		if ts[ns-1].possessive() && ns < len(ts) {
			break // "Al Jazeera's | Yulia Shapovalova"
		}
		if lx.isNameWord(ts[ns-1]) {
			ns--
			continue
		}
		// Initials written as capitals before a surname ("JD Vance"), not
		// an acronym before a title ("US President").
		if ns < len(ts) && initialsWord(lx, ts[ns-1]) && lx.isNameWord(ts[ns]) {
			ns--
			continue
		}
		if ns < len(ts) && ts[ns-1].has(fNameParticle) && !ts[ns-1].cap {
			k := ns - 1
			for k > 0 && ts[k-1].has(fNameParticle) && !ts[k-1].cap {
				k--
			}
			if k > 0 && lx.isNameWord(ts[k-1]) {
				ns = k
				continue
			}
		}
		break
	}
	// "Ambassador to Norvala Pieter Ames": the word after a capitalised
	// title's "to" or "for" is the place, not the name's start.
	if ns >= 2 && len(ts)-ns >= 3 && ts[ns-1].is("to", "for") && ts[ns-2].cap && lx.tokIs(ts[ns-2], fTitle) {
		ns++
	}
	// The name-shape check: a name never starts with a participle or an
	// adverb glued to it ("Speaking Putin", "Travelling Zoltanov") nor
	// with the plural noun that ends a body's name ("… for Defence
	// Strategies Viktor Kevliuk").
	for len(ts)-ns >= 2 && notNameStart(ts[ns], len(ts)-ns) {
		ns++
	}
	return ns
}

// notNameStart: a capitalised word that cannot open a person's name of n
// words.
func notNameStart(t token, n int) bool {
	l := t.low
	switch {
	case len(l) >= 7 && strings.HasSuffix(l, "ing"), len(l) >= 6 && strings.HasSuffix(l, "ly"):
		return true
	case n >= 3 && len(l) >= 5 && strings.HasSuffix(l, "ies"):
		return true
	}
	return false
}

// initialsWord: two or three capital letters that are not a country, a
// body or a title ("JD", "AJ"; not "US", "EU", "PM").
func initialsWord(lx *wordLists, t token) bool {
	if t.kind != tkWord || len(t.text) < 2 || len(t.text) > 3 || !isAllCaps(t.text) || strings.Contains(t.text, ".") {
		return false
	}
	l := t.low
	if _, country := lx.countryKeys[l]; country || lx.orgWords[l] || lx.titles[l] || titleAbbreviations[l] != "" || lx.stop[l] {
		return false
	}
	return true
}

// titleAbbreviations spell out abbreviated titles for description matching.
var titleAbbreviations = map[string]string{
	"pm": "prime minister", "dpm": "deputy prime minister", "fm": "foreign minister", "cm": "chief minister",
	"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "lt": "lieutenant",
	"col": "colonel", "capt": "captain", "adm": "admiral", "maj": "major", "sgt": "sergeant", "prof": "professor",
	"mos": "minister of state", "mp": "mp", "mla": "mla", "ceo": "ceo",
}

// capsThenTitle: capitalised words then a title word ("BBC Europe reporter").
func capsThenTitle(lx *wordLists, ts []token) bool {
	for i, t := range ts {
		if t.kind != tkWord {
			return false
		}
		if t.cap && !lx.tokIs(t, fTitle) {
			continue
		}
		head := lx.tokIs(t, fPersonHead)
		return i > 0 && (lx.tokIs(t, fTitle) || head)
	}
	return false
}

// lowerText is strings.ToLower(t.text): for a word, t.low unless the word
// has a ’, which t.low folds to '.
func lowerText(t token) string {
	if t.kind != tkWord || strings.IndexByte(t.text, 0xE2) >= 0 && strings.Contains(t.text, "\u2019") {
		return strings.ToLower(t.text)
	}
	return t.low
}

func (lx *wordLists) isCountry(low string) bool {
	_, ok := lx.countryKeys[low]
	return ok
}

// hasPlaceWord: one of ts is a word places are named with ("Base", "Fort").
func hasPlaceWord(lx *wordLists, ts []token) bool {
	for _, t := range ts {
		if lx.placeWords[t.low] {
			return true
		}
	}
	return false
}

// allCapitalised: every word of ts is capitalised (after a determiner).
func allCapitalised(ts []token) bool {
	for i, t := range ts {
		if !t.cap && !(i == 0 && t.low == "the") {
			return false
		}
	}
	return len(ts) > 0
}

// namedPerson reads "<description> named <Given Surname>" as that person;
// a lone given name ("a teacher named Olena") stays unnamed.
func (lx *wordLists) namedPerson(ts []token) (npInfo, bool) {
	for i := 1; i+2 < len(ts)+1; i++ {
		if ts[i].low != "named" || ts[i].cap || ts[i-1].cap || ts[i-1].kind != tkWord {
			continue
		}
		name := ts[i+1:]
		if len(name) < 2 {
			return npInfo{}, false
		}
		for _, t := range name {
			if !lx.isNameWord(t) {
				return npInfo{}, false
			}
		}
		d := lx.parseNP(ts[:i])
		if d.kind != npUnnamed && d.kind != npDescriptor || d.plural {
			return npInfo{}, false
		}
		words := make([]string, 0, len(name))
		for _, t := range name {
			words = append(words, t.text)
		}
		words[len(words)-1] = name[len(name)-1].base()
		np := npInfo{kind: npPerson, affil: d.affil, titleWords: d.titleWords}
		np.given, np.last = splitName(words)
		np.title = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(d.desc, "a "), "an "), "the ")
		np.gender = lx.genderNouns[d.head]
		return np, true
	}
	return npInfo{}, false
}
