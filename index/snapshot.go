package index

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/lexicon"
	"summitbot/quote"
)

// snapshot is the corpus as the index holds it, with every table the
// queries need, built once per open, reindex or article change. It is never
// modified after it is built: a change builds a new snapshot.
type snapshot struct {
	arts     []*artEntry
	byID     map[string]*artEntry
	linked   []quote.Speaker // what quote.Link returned
	speakers []*speakerInfo  // most quoted first, who /quotes and /reactions answer for
	// quoted is every speaker with attributed quotes, most quoted first:
	// speakers and the office labels whose quotes went to the holder.
	quoted []*speakerInfo
	// byInitial lists the speakers with a word (speakerInfo.words) that
	// begins with each letter: words that wordMatch share their first
	// letter.
	byInitial map[rune][]*speakerInfo
	byKey     map[string]*speakerInfo
	paras     int
	quotes    int
	// fingerprint identifies the corpus content and the mapping.
	fingerprint string
	phrases     *phraseIndex
	keys        *keyIndex // the quotes' words as lexicon keys, for who-said's graded match
	// termCache remembers which group terms occur in the index (see
	// existingTerms); it belongs to the snapshot because every change of
	// the index makes a new snapshot.
	termCache sync.Map
	// lastDate is the latest publication date of the articles (YYYY-MM-DD,
	// "" when none says): the date offices are held at for a request that
	// names an office nobody in the articles is quoted in.
	lastDate    string
	groupList   []choice
	speakerList []choice
}

type artEntry struct {
	a   *quote.Article
	src answer.Source
	// paraQuotes lists, for each paragraph number, its quotes' indices.
	paraQuotes map[int][]int
	// paraIdx maps a paragraph number to its index in a.Paragraphs.
	paraIdx map[int]int
}

func (e *artEntry) para(n int) (corpus.Paragraph, bool) {
	i, ok := e.paraIdx[n]
	if !ok {
		return corpus.Paragraph{}, false
	}
	return e.a.Paragraphs[i], true
}

type quoteRef struct {
	art *artEntry
	i   int
}

func (r quoteRef) q() *quote.Quote { return &r.art.a.Quotes[r.i] }

// speakerInfo is one speaker over the corpus: a named person or body, or an
// unnamed person (one entry per description).
type speakerInfo struct {
	key          string // canonical name, or "~" + description for an unnamed person
	name         string // "" for an unnamed person
	kind         quote.SpeakerKind
	descriptions []string
	affiliations []string
	aliases      []string   // display forms other than name
	norms        []string   // folded lower-case forms of the name and aliases
	normToks     [][]string // the words of each of norms
	quotes       []quoteRef
	// byOffice are quotes the articles give only an office for ("the
	// French president said"), linked to its holder at the article's date
	// (see linkOffices): not attributions of the quote finder, so not
	// searched by /who-said, but the person's words for /quotes and
	// /reactions.
	byOffice []quoteRef
	// officeLinked: an unnamed speaker labelled by an office ("the French
	// president") whose every quote linkOffices gave to the office's holder.
	officeLinked bool
	byPara       []quoteRef     // quotes, earliest paragraph first (stable)
	person       *person        // the table's person, when the name matches one
	groups       map[string]int // table group id → membership strength
	// words are the folded words of descriptions, affiliations and (for an
	// organisation or unnamed person) the name or description.
	words []string
	// proper are the capitalised words among them (demonyms, places, bodies).
	proper []string
	// official is +1 for office holders and bodies, -1 for the opposition,
	// former officials and ordinary people, 0 when unknown.
	official int
	// date is the earliest publication date of the articles quoting the
	// speaker (YYYY-MM-DD, "" when none says).
	date string
	// titles are the speaker's titles: the table person's offices at date,
	// then the descriptions that agree with them (see speakerTitles).
	titles []title
	// camps are the ids of the camps the descriptions place the speaker in.
	camps []string
	// appositions describe a named speaker the quote finder gave no
	// description ("Elena Chernova, who runs a small grocery, said"): for
	// camps and the words of their description, not for their groups.
	appositions []string
}

func (s *speakerInfo) display() string {
	if s.name != "" {
		return s.name
	}
	if len(s.descriptions) > 0 {
		return s.descriptions[0]
	}
	return "unnamed"
}

func (s *speakerInfo) description() string {
	if len(s.descriptions) > 0 {
		return s.descriptions[0]
	}
	return ""
}

// attributed reports whether a quote has someone to attribute it to.
func attributed(q *quote.Quote) bool {
	return strings.TrimSpace(q.Speaker) != "" || q.Kind == quote.Unnamed && strings.TrimSpace(q.Description) != ""
}

func speakerKey(q *quote.Quote) string {
	if strings.TrimSpace(q.Speaker) != "" {
		return q.Speaker
	}
	return "~" + normTerm(q.Description)
}

func paraDocID(article string, n int) string { return "p|" + article + "|" + strconv.Itoa(n) }

// parseDocID splits a document id into kind ('p' or 'q'), article and number.
func parseDocID(id string) (byte, string, int, bool) {
	if len(id) < 5 || id[1] != '|' {
		return 0, "", 0, false
	}
	rest := id[2:]
	bar := strings.LastIndexByte(rest, '|')
	if bar <= 0 {
		return 0, "", 0, false
	}
	n, err := strconv.Atoi(rest[bar+1:])
	if err != nil {
		return 0, "", 0, false
	}
	return id[0], rest[:bar], n, true
}

// linkArticles links speakers across articles without touching the given
// articles: each gets a copy of its quotes, which quote.Link rewrites.
func linkArticles(arts []*quote.Article) ([]*quote.Article, []quote.Speaker) {
	out := make([]*quote.Article, len(arts))
	for i, a := range arts {
		c := *a
		c.Quotes = append([]quote.Quote(nil), a.Quotes...)
		out[i] = &c
	}
	return out, quote.Link(out)
}

// fingerprintOf identifies what the index holds: the mapping version and,
// per article, its file, content hash and what was understood of it (so a
// change in quote attribution also rebuilds).
func fingerprintOf(arts []*quote.Article) string {
	h := sha256.New()
	b := make([]byte, 0, 256)
	field := func(s string) { b = append(append(b, s...), 0x1f) }
	num := func(n int) { b = append(strconv.AppendInt(b, int64(n), 10), 0x1f) }
	b = append(append(b, mappingVersion...), '\n')
	for _, a := range arts {
		b = append(b, 'A', 0x1f)
		field(a.File)
		field(a.ID)
		field(a.Sum)
		num(len(a.Paragraphs))
		num(len(a.Quotes))
		b = append(b, '\n')
		for _, q := range a.Quotes {
			b = append(b, 'Q', 0x1f)
			num(q.Paragraph)
			num(q.Start)
			num(q.End)
			field(q.Speaker)
			num(int(q.Kind))
			field(q.Description)
			field(q.Affiliation)
			b = append(b, '\n')
			if len(b) > 32<<10 {
				h.Write(b)
				b = b[:0]
			}
		}
		h.Write(b)
		b = b[:0]
	}
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// newSnapshot builds the tables from linked articles (in corpus order).
func newSnapshot(arts []*quote.Article, linked []quote.Speaker, gt *groupTable) *snapshot {
	s := &snapshot{byID: map[string]*artEntry{}, byKey: map[string]*speakerInfo{}, linked: linked}
	var byOffice []quoteRef // quotes whose speaker the article gives only by office
	for _, a := range arts {
		e := &artEntry{
			a:          a,
			src:        answer.Source{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published},
			paraQuotes: map[int][]int{},
			paraIdx:    make(map[int]int, len(a.Paragraphs)),
		}
		for i, p := range a.Paragraphs {
			e.paraIdx[p.N] = i
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			e.paraQuotes[q.Paragraph] = append(e.paraQuotes[q.Paragraph], i)
			if !attributed(q) {
				if q.Kind == quote.Person && strings.TrimSpace(q.Speaker) == "" && q.Description != "" {
					byOffice = append(byOffice, quoteRef{e, i})
				}
				continue
			}
			if q.Kind == quote.Unnamed && q.Description != "" {
				// "the French president said": shown under that label by
				// who-said, and linked to the office's holder when there
				// is one (linkOffices).
				byOffice = append(byOffice, quoteRef{e, i})
			}
			key := speakerKey(q)
			sp := s.byKey[key]
			if sp == nil {
				sp = &speakerInfo{key: key, name: strings.TrimSpace(q.Speaker), kind: q.Kind}
				s.byKey[key] = sp
			}
			sp.quotes = append(sp.quotes, quoteRef{e, i})
			sp.descriptions = appendDistinct(sp.descriptions, strings.TrimSpace(q.Description))
			sp.affiliations = appendDistinct(sp.affiliations, strings.TrimSpace(q.Affiliation))
		}
		if d := a.Published; len(d) >= 10 && d[:10] > s.lastDate {
			s.lastDate = d[:10]
		}
		s.paras += len(a.Paragraphs)
		s.quotes += len(a.Quotes)
		s.arts = append(s.arts, e)
		s.byID[a.ID] = e
	}
	for _, ls := range linked {
		sp := s.byKey[ls.Name]
		if sp == nil {
			continue
		}
		for _, al := range ls.Aliases {
			if al != sp.name {
				sp.aliases = appendDistinct(sp.aliases, al)
			}
		}
		sp.descriptions = appendDistinct(sp.descriptions, strings.TrimSpace(ls.Description))
		sp.affiliations = appendDistinct(sp.affiliations, strings.TrimSpace(ls.Affiliation))
	}
	linkOffices(s, byOffice, gt)
	for _, sp := range s.byKey {
		if sp.kind == quote.Person && sp.name != "" && len(sp.descriptions) == 0 {
			sp.appositions = appositionsOf(sp)
		}
	}
	s.byInitial = map[rune][]*speakerInfo{}
	for _, sp := range s.byKey {
		classifySpeaker(sp, gt)
		s.quoted = append(s.quoted, sp)
		if !sp.officeLinked {
			seen := map[rune]bool{}
			for _, w := range sp.words {
				if r, _ := utf8.DecodeRuneInString(w); !seen[r] {
					seen[r] = true
					s.byInitial[r] = append(s.byInitial[r], sp)
				}
			}
		}
		// Stable by paragraph: quotes were added article by article, in
		// order, so (paragraph, position in quotes) is a total order.
		type keyed struct {
			para, i int
		}
		all := sp.quotes
		if len(sp.byOffice) > 0 {
			all = append(append([]quoteRef(nil), sp.quotes...), sp.byOffice...)
		}
		ks := make([]keyed, len(all))
		for i, r := range all {
			ks[i] = keyed{r.q().Paragraph, i}
		}
		slices.SortFunc(ks, func(a, b keyed) int {
			if a.para != b.para {
				return a.para - b.para
			}
			return a.i - b.i
		})
		sp.byPara = make([]quoteRef, len(ks))
		for i, k := range ks {
			sp.byPara[i] = all[k.i]
		}
	}
	sort.Slice(s.quoted, func(i, j int) bool {
		a, b := s.quoted[i], s.quoted[j]
		if len(a.quotes) != len(b.quotes) {
			return len(a.quotes) > len(b.quotes)
		}
		return a.key < b.key
	})
	for _, sp := range s.quoted {
		if !sp.officeLinked {
			// An office's label whose every quote went to its holder
			// ("the French president" said, in August 2025) still answers
			// who-said under that label; the holder answers for it in
			// /quotes and /reactions.
			s.speakers = append(s.speakers, sp)
		}
	}
	s.fingerprint = fingerprintOf(arts)
	s.phrases = newPhraseIndex(s)
	s.keys = newKeyIndex(s.phrases, lexicon.Default())
	for _, g := range groupChoices(s, gt) {
		s.groupList = append(s.groupList, newChoice(g))
	}
	s.speakerList = speakerChoices(s, gt)
	return s
}

func appendDistinct(list []string, v string) []string {
	if v == "" {
		return list
	}
	for _, x := range list {
		if strings.EqualFold(x, v) {
			return list
		}
	}
	return append(list, v)
}

var (
	officialWords = []string{"president", "prime minister", "premier", "chancellor", "minister", "secretary",
		"spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "office", "ministry", "government",
		"chancellery", "kremlin", "white house", "adviser", "advisor", "aide", "king", "queen", "emir", "crown prince",
		"governor", "commissioner", "commission", "council", "chief", "head of", "authority", "department",
		"foreign policy", "diplomat", "official", "state", "cabinet", "taoiseach", "pope", "general", "mayor"}
	unofficialWords = []string{"opposition", "former", "ex-", "critic", "resident", "fisherman", "fishermen",
		"shopkeeper", "owner", "analyst", "fellow", "expert", "professor", "protester", "activist", "citizen",
		"voter", "worker", "student", "lawmaker", "mp", "senator", "commentator", "observer", "researcher"}
)

// classifySpeaker fills a speaker's table person, groups, words and office.
func classifySpeaker(sp *speakerInfo, gt *groupTable) {
	sp.norms = nil
	if sp.name != "" {
		sp.norms = appendDistinct(sp.norms, normTerm(sp.name))
	}
	for _, a := range sp.aliases {
		sp.norms = appendDistinct(sp.norms, normTerm(a))
	}
	sp.normToks = make([][]string, len(sp.norms))
	for i, n := range sp.norms {
		sp.normToks[i] = strings.Fields(n)
	}
	sp.groups = map[string]int{}
	sp.date = ""
	for _, r := range append(sp.quotes[:len(sp.quotes):len(sp.quotes)], sp.byOffice...) {
		if d := r.art.src.Published; len(d) >= 10 && (sp.date == "" || d[:10] < sp.date) {
			sp.date = d[:10]
		}
	}
	if sp.kind == quote.Person && sp.name != "" {
		sp.person = gt.matchPerson(sp.name)
		for _, a := range sp.aliases {
			if sp.person != nil {
				break
			}
			sp.person = gt.matchPerson(a)
		}
	}
	if sp.person == nil && sp.name == "" {
		sp.person = officeHolder(sp, gt)
	}
	sp.titles = speakerTitles(sp, gt)
	sp.camps = campsOf(sp, gt)
	join := func(g *group, strength int) {
		if old, ok := sp.groups[g.id]; !ok || old < strength {
			sp.groups[g.id] = strength
		}
		for id, st := range gt.ancestors[g.id] {
			if st > strength {
				st = strength
			}
			if old, ok := sp.groups[id]; !ok || old < st {
				sp.groups[id] = st
			}
		}
	}
	if sp.person != nil {
		join(gt.groups["person:"+sp.person.norm], memberFull)
	}
	// The affiliation names the speaker's side; a description's first
	// country or bloc is the speaker's own ("US envoy to Russia" is American).
	var texts []string
	texts = append(texts, sp.affiliations...)
	texts = append(texts, sp.descriptions...)
	if sp.kind != quote.Person {
		texts = append(texts, sp.name)
	}
	if sp.person == nil {
		for _, aff := range sp.affiliations {
			for _, g := range gt.groupsInText(aff, false) {
				join(g, memberFull)
			}
		}
		for _, d := range sp.descriptions {
			for _, g := range gt.groupsInText(d, true) {
				join(g, memberFull)
			}
		}
		if sp.kind == quote.Organisation {
			for _, g := range gt.groupsInText(sp.name, true) {
				join(g, memberFull)
			}
		}
	}
	sp.words, sp.proper = nil, nil
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(t, func(r rune) bool {
			return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')' || r == ';' || r == ':' || r == '"'
		}) {
			w = strings.Trim(lexicon.Fold(w), ".-'\"")
			w = strings.TrimSuffix(w, "'s")
			if w == "" {
				continue
			}
			low := strings.ToLower(w)
			sp.words = append(sp.words, low)
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
				sp.proper = append(sp.proper, low)
			}
		}
	}
	for _, a := range sp.appositions {
		// Words of the description, not names of the speaker's side.
		sp.words = append(sp.words, descWords(a)...)
	}
	all := strings.ToLower(strings.Join(append(texts, sp.appositions...), " "))
	if sp.person != nil {
		for _, tt := range sp.titles {
			if tt.fromTable {
				all += " " + strings.ToLower(tt.text)
				break
			}
		}
	}
	switch {
	case containsAnyWord(all, unofficialWords) || sp.kind == quote.Unnamed:
		sp.official = -1
	case sp.kind == quote.Organisation || sp.person != nil || containsAnyWord(all, officialWords):
		sp.official = 1
	}
}

// containsAnyWord reports whether text holds one of the words or phrases at
// word boundaries.
func containsAnyWord(text string, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(text[i:], w)
			if j < 0 {
				break
			}
			j += i
			before := j == 0 || !isWordByte(text[j-1])
			end := j + len(w)
			after := end >= len(text) || !isWordByte(text[end]) || strings.HasSuffix(w, "-")
			if before && after {
				return true
			}
			i = j + 1
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
