package index

import (
	"slices"
	"sort"
	"strings"

	"summitbot/quote"
)

// The resolver: one place that turns a request for a person ("putin",
// "vlad", "the russian president", "POTUS", "the spokesman", "the
// Élysée") into the speakers of the articles it means. /quotes and
// /reactions both ask it. It knows
//
//   - names: the full name or an alias, the surname, a typo of it, a table
//     person's other spellings and first name;
//   - nicknames and short forms (groupdata/nicknames.tsv): a person, or an
//     office ("potus", "No 10"), answered by its holder;
//   - titles: the offices of groupdata/people.tsv, dated, and the
//     descriptions attribution keeps, matched as titles (see titles.go);
//   - descriptions of people the articles do not name ("the fisherman").
//
// Several people may match: the best answers, the others are named.

// Name match scores; titles score titleExact or titleLoose and a little more.
const (
	scoreFullName = 100 // the whole name or an alias
	scoreNickname = 95  // a nickname of a table person
	scoreTable    = 90  // another spelling of a table person
	scoreNameWord = 80  // the surname or first name
	scoreOffice   = 85  // the holder of an office a short form names
	scoreTypo     = 60  // a typo of a name word
	scoreDescWord = 40  // words of an unnamed speaker's description
)

// resolution is what a person request resolved to.
type resolution struct {
	// subject are the speakers of the person (or office) answered: one
	// identity (the same table person, or the same name), with the bodies of
	// the same office when a title or office was asked for.
	subject []*speakerInfo
	score   int
	// byTitle tells the request named a role or an office, not a name.
	byTitle bool
	// display shows the subject: "Vladimir Putin (Russian President)".
	display string
	// also names the others that matched almost as well.
	also []string
	// absent is the table person the request means when no speaker of the
	// articles matched: someone they name but do not quote.
	absent *person
}

type candidate struct {
	sp    *speakerInfo
	score int
	// title is the title that matched, when one did.
	title string
}

// resolvePeople resolves a person request; one that matches nobody is
// tried again with its typos of role words and group names mended ("the
// russain president").
func (e *Engine) resolvePeople(s *snapshot, words []queryWord) resolution {
	res := e.resolveWords(s, words)
	if len(res.subject) > 0 || res.absent != nil {
		return res
	}
	low := make([]string, len(words))
	for i, w := range words {
		low[i] = w.low
	}
	mended := e.gt.correctRequest(low)
	if slices.Equal(mended, low) {
		return res
	}
	fixed := make([]queryWord, len(words))
	for i, w := range mended {
		fixed[i] = queryWord{text: w, low: w}
	}
	return e.resolveWords(s, fixed)
}

// resolveWords resolves a person request as typed.
func (e *Engine) resolveWords(s *snapshot, words []queryWord) resolution {
	full := make([]string, len(words))
	for i, w := range words {
		full[i] = strings.TrimSuffix(w.low, "'s")
	}
	withArticle := strings.Join(full, " ")
	for len(full) > 1 && (leadingArticles[full[0]] || honorifics[full[0]]) {
		full = full[1:]
	}
	name := strings.Join(full, " ")
	gt := e.gt
	tablePerson := gt.matchPerson(name)
	nick, isNick := gt.nicknames[withArticle]
	if !isNick {
		nick, isNick = gt.nicknames[name]
	}
	// A request of single letters ("u s president") joins them; a table
	// person's possessive before a role names their side ("trump's envoy"
	// is an American envoy, not Trump).
	req := gt.readRequest(joinLetters(possessiveSides(gt, s, words, full)))
	if isNick && nick.officeTarget {
		req = request{title: title{head: 0, toks: []titleTok{{kind: tokRole, val: nick.role, surface: nick.role}, {kind: tokGroup, val: nick.group}}}}
		req.roles, req.groups = req.toks[:1], req.toks[1:]
	}
	// A title and a name ("president putin", "foreign minister lavrov",
	// "senator murkowski"): the name, from a speaker with the title.
	var nameWords []string
	var roleOnly request
	if len(req.words) > 0 && len(req.words) < len(full) && (len(req.roles) > 0 || len(req.groups) > 0) {
		for _, w := range req.words {
			nameWords = append(nameWords, w.val)
		}
		roleOnly = req
		roleOnly.words = nil
	}
	var cands []candidate
	for _, sp := range s.speakers {
		c := candidate{sp: sp}
		for i, n := range sp.norms {
			toks := sp.normToks[i]
			switch {
			case n == name:
				c.score = max(c.score, scoreFullName)
			case containsTokens(toks, full, false):
				c.score = max(c.score, scoreNameWord)
			case containsTokens(toks, full, true):
				c.score = max(c.score, scoreTypo)
			case len(nameWords) > 0 && containsTokens(toks, nameWords, false):
				c.score = max(c.score, nameWithTitle(gt, &roleOnly, sp, scoreNameWord))
			case len(nameWords) > 0 && containsTokens(toks, nameWords, true):
				c.score = max(c.score, nameWithTitle(gt, &roleOnly, sp, scoreTypo))
			}
		}
		if sp.person != nil {
			switch {
			case isNick && nick.person == sp.person:
				c.score = max(c.score, scoreNickname)
			case tablePerson == sp.person:
				c.score = max(c.score, scoreTable)
			case len(full) == 1 && full[0] == sp.person.first && len(full[0]) > 2:
				c.score = max(c.score, scoreNameWord)
			}
		}
		described := ""
		for i := range sp.titles {
			if ts := gt.matchTitle(&req, &sp.titles[i], sp.groups); ts > 0 {
				if isNick && nick.officeTarget {
					ts += scoreOffice - titleExact
				}
				if ts > c.score {
					c.score, c.title = ts, sp.titles[i].text
				}
				if tt := &sp.titles[i]; described == "" && !tt.fromTable && (len(tt.groupsOf()) > 0 || sp.person == nil) {
					// As the articles put it, when that says whose office.
					described = tt.text
				}
			}
		}
		if described != "" && c.title != "" {
			// Shown as the articles put it: "Russian President".
			c.title = described
		}
		if c.score == 0 && hasWords(sp.words, full) && (sp.name == "" || commonWordsInHead(sp, full)) {
			// Words of how the articles describe them: "the fisherman",
			// "the taxi driver", "the analyst".
			c.score = scoreDescWord
		}
		if c.score > 0 {
			cands = append(cands, c)
		}
	}
	res := pickPeople(cands, len(req.roles) > 0 || isNick && nick.officeTarget)
	if len(res.subject) == 0 {
		switch {
		case isNick && !nick.officeTarget:
			res.absent = nick.person
		case isNick:
			res.absent = onlyOne(gt.holders(nick.group, nick.role, s.lastDate))
		case tablePerson != nil:
			res.absent = tablePerson
		case len(req.roles) == 1 && len(req.groups) == 1 && len(req.words) == 0 && len(req.modifiers) == 0:
			res.absent = onlyOne(gt.holders(req.groups[0].val, req.roles[0].val, s.lastDate))
		case len(full) == 1:
			res.absent = gt.personByTypo(full[0])
		}
	}
	return res
}

func onlyOne(ps []*person) *person {
	if len(ps) == 1 {
		return ps[0]
	}
	return nil
}

// personByTypo finds the one table person whose surname or one-word alias a
// word is a likely typo of ("zaharova").
func (t *groupTable) personByTypo(w string) *person {
	var found *person
	for _, p := range t.people {
		hit := fuzzyEqual(w, p.last)
		for _, a := range p.aliases {
			hit = hit || !strings.Contains(a, " ") && fuzzyEqual(w, a)
		}
		if hit {
			if found != nil {
				return nil
			}
			found = p
		}
	}
	return found
}

// absentDisplay shows a table person the articles name but do not quote.
func absentDisplay(p *person) string {
	return p.name + " (" + p.role + ")"
}

// possessiveSides replaces a person's possessive followed by more words
// ("zelensky's chief of staff") with their side: a table person's group, or
// the affiliation the articles give a speaker ("zoltanov's adviser" is a
// Vestrian adviser).
func possessiveSides(gt *groupTable, s *snapshot, words []queryWord, full []string) []string {
	off := len(words) - len(full) // leading words dropped from full
	out := append([]string(nil), full...)
	for i := range full {
		w := words[off+i].low
		if i == len(full)-1 || !strings.HasSuffix(w, "'s") && !gt.roleAt(full, i+1) {
			// "putin aide" is "putin's aide"; "president putin" is Putin.
			continue
		}
		w = strings.TrimSuffix(w, "'s")
		if p := gt.matchPerson(w); p != nil {
			if g := gt.groups[p.group]; g != nil {
				out[i] = normTerm(g.name)
			}
			continue
		}
		if i > 0 && gt.byTerm[full[i-1]+" "+w] != nil || gt.byTerm[w] != nil {
			continue // part of a group's name ("white house press secretary")
		}
		if aff := speakerSide(s, w); aff != "" {
			out[i] = aff
		}
	}
	return out
}

// speakerSide is the first affiliation of the most quoted named speaker
// with the word in their name, "" when none.
func speakerSide(s *snapshot, w string) string {
	for _, sp := range s.speakers {
		if sp.name == "" || sp.kind != quote.Person || len(sp.affiliations) == 0 {
			continue
		}
		for _, toks := range sp.normToks {
			if containsString(toks, w) {
				return normTerm(sp.affiliations[0])
			}
		}
	}
	return ""
}

// roleAt reports whether a role's words begin at ws[i].
func (t *groupTable) roleAt(ws []string, i int) bool {
	n, tok := t.tokenAt(ws, i)
	return n > 0 && tok.kind == tokRole
}

// nameWithTitle scores a name asked for with a title: a little less than
// the name alone when the speaker holds the title (or the request has no
// role), 0 when not: "senator trump" is nobody.
func nameWithTitle(gt *groupTable, roleOnly *request, sp *speakerInfo, score int) int {
	if len(roleOnly.roles) == 0 {
		return score - 2
	}
	for i := range sp.titles {
		if gt.matchTitle(roleOnly, &sp.titles[i], sp.groups) > 0 {
			return score - 2
		}
	}
	return 0
}

// hasWords reports whether each word is one of ws or its plural or
// singular ("chair" ~ "chairs").
func hasWords(ws, words []string) bool {
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		found := false
		for _, x := range ws {
			if x == w || pluralOf(w, x) || pluralOf(x, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// joinLetters joins runs of single letters ("u s" → "us") so that
// abbreviations typed with dots read as one word.
func joinLetters(ws []string) string {
	var out []string
	run := ""
	for _, w := range ws {
		if len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' {
			run += w
			continue
		}
		if run != "" {
			out = append(out, run)
			run = ""
		}
		out = append(out, w)
	}
	if run != "" {
		out = append(out, run)
	}
	return strings.Join(out, " ")
}

// identity groups a candidate's speakers: one table person, or one name;
// people the articles do not name are one group (their descriptions are
// all that is known of them).
func identity(sp *speakerInfo) string {
	switch {
	case sp.person != nil:
		return "person:" + sp.person.norm
	case sp.name == "":
		return "~"
	}
	return sp.key
}

// pickPeople orders the candidates by identity: best score, then most
// quoted; the best is the subject, and those close to it are named.
func pickPeople(cands []candidate, byTitle bool) resolution {
	type ident struct {
		key    string
		score  int
		quotes int
		title  string
		cands  []candidate
	}
	byKey := map[string]*ident{}
	var ids []*ident
	for _, c := range cands {
		k := identity(c.sp)
		if byTitle && c.sp.kind == quote.Organisation {
			// A body of the office asked for ("French Presidency") speaks
			// with its holder.
			k = "body:" + c.sp.key
		}
		id := byKey[k]
		if id == nil {
			id = &ident{key: k}
			byKey[k] = id
			ids = append(ids, id)
		}
		id.cands = append(id.cands, c)
		id.quotes += len(c.sp.quotes)
		if c.score > id.score || c.score == id.score && id.title == "" {
			id.score, id.title = c.score, c.title
		}
	}
	if len(ids) == 0 {
		return resolution{}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		a, b := ids[i], ids[j]
		// A person before a body of the same office.
		ab, bb := strings.HasPrefix(a.key, "body:"), strings.HasPrefix(b.key, "body:")
		if a.score != b.score {
			return a.score > b.score
		}
		if ab != bb {
			return !ab
		}
		if a.quotes != b.quotes {
			return a.quotes > b.quotes
		}
		return a.key < b.key
	})
	best := ids[0]
	res := resolution{score: best.score, byTitle: byTitle}
	// The identity's speakers, best matched first.
	sort.SliceStable(best.cands, func(i, j int) bool { return best.cands[i].score > best.cands[j].score })
	for _, c := range best.cands {
		res.subject = append(res.subject, c.sp)
	}
	res.display = displayOf(best.cands[0].sp, best.title)
	for _, id := range ids[1:] {
		if id.score < best.score-10 {
			continue
		}
		if byTitle && strings.HasPrefix(id.key, "body:") && !strings.HasPrefix(best.key, "body:") && id.score >= best.score-15 {
			// The office's body: part of the answer, not another person.
			res.subject = append(res.subject, id.cands[0].sp)
			continue
		}
		if len(res.also) < 5 {
			res.also = append(res.also, displayOf(id.cands[0].sp, id.title))
		}
	}
	return res
}

// displayOf shows a speaker with the title that matched (or their first
// title): "Vladimir Putin (Russian President)".
func displayOf(sp *speakerInfo, matched string) string {
	name := sp.display()
	if sp.name == "" && sp.person != nil {
		name = sp.person.name
	}
	t := matched
	if t == "" {
		// The articles' words first, then the table's office.
		for _, tt := range sp.titles {
			if t == "" || !tt.fromTable {
				t = tt.text
			}
			if !tt.fromTable {
				break
			}
		}
	}
	if t == "" {
		t = sp.description()
	}
	if t == "" || sp.name == "" && sp.person == nil || strings.EqualFold(t, name) {
		return name
	}
	return name + " (" + t + ")"
}

// resolveSpeakers is the speakers a person request resolves to (the
// resolver's subject), for /ask's "what did X say".
func (e *Engine) resolveSpeakers(s *snapshot, words []queryWord) []*speakerInfo {
	return e.resolvePeople(s, words).subject
}

// requestText drops the title of a displayed name ("Vladimir Putin
// (Russian President)" → "Vladimir Putin"), so that a Subject or Also name
// sent back as a request finds the same person.
func requestText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if i := strings.LastIndex(s, " ("); i > 0 {
			return s[:i]
		}
	}
	return s
}
