package lexicon

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ./internal/gen -wordnet /usr/share/wordnet -out data

//go:embed data/*.tsv data/*.txt data/WORDNET-LICENSE
var embedded embed.FS

// Data is the embedded data folder (contractions.tsv, spellings.tsv,
// forms.tsv, derived.tsv, derived_extra.tsv, synonyms.tsv, negations.tsv,
// opposites.tsv, filler.txt, function.txt, chat.txt, negation.txt, quantity.txt,
// WORDNET-LICENSE), the input of Default.
func Data() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic(err) // cannot happen: "data" is a valid path
	}
	return sub
}

// Lexicon holds the word tables. It is immutable after Load and safe for
// concurrent use.
type Lexicon struct {
	contr     map[string]contraction
	spell     map[string]string // British form → American form (listed)
	spellKeep map[string]bool   // words the regular spelling rules leave alone
	forms     map[string]string // irregular form → lemma
	derived   map[string]string // stem of a derived word → stem of its root
	lemmas    map[string]string // precomputed Lemma of every table word
	syn       map[string][]Synonym
	synStarts map[string]bool // first key of each phrase among the synonyms
	pairs     map[pairKey]float64
	filler    map[string]bool
	function  map[string]bool
	chat      map[string]bool
	negation  map[string]bool
	opposite  map[string][]string // lemma key → the lemma keys of its opposites
	quantity  map[string]bool
	phrases   map[string][]phrase // first lemma of a phrase → phrases
	family    map[string][]string // lemma key → the table words with that key (Family)
	// derivedWords are the words of the derived tables as written.
	derivedWords map[string]bool
}

type contraction struct {
	alts      [][]string // expansions; the first is the canonical one
	ambiguous bool       // also an ordinary word: Normalize leaves it alone
}

type pairKey struct{ a, b string }

func mkPair(a, b string) pairKey {
	if a > b {
		a, b = b, a
	}
	return pairKey{a, b}
}

var defaultLexicon = sync.OnceValue(func() *Lexicon {
	lx, err := Load(Data())
	if err != nil {
		panic(fmt.Sprintf("lexicon: embedded data: %v", err))
	}
	return lx
})

// Default returns the Lexicon built from the embedded data, parsed once.
func Default() *Lexicon { return defaultLexicon() }

// Load builds a Lexicon from a folder laid out like Data().
func Load(fsys fs.FS) (*Lexicon, error) {
	lx := &Lexicon{
		contr:     map[string]contraction{},
		spell:     map[string]string{},
		spellKeep: map[string]bool{},
		forms:     map[string]string{},
		derived:   map[string]string{},
		lemmas:    map[string]string{},
		syn:       map[string][]Synonym{},
		synStarts: map[string]bool{},
		pairs:     map[pairKey]float64{},
		filler:    map[string]bool{},
		function:  map[string]bool{},
		chat:      map[string]bool{},
		negation:  map[string]bool{},
		opposite:  map[string][]string{},
		quantity:  map[string]bool{},
		phrases:   map[string][]phrase{},
	}
	steps := []struct {
		file  string
		parse func([]string) error
	}{
		{"contractions.tsv", lx.addContraction},
		{"spellings.tsv", lx.addSpelling},
		{"forms.tsv", lx.addForm},
		{"derived.tsv", lx.addDerived},
		{"derived_extra.tsv", lx.addDerived},
		{"filler.txt", lx.addFiller},
		{"function.txt", lx.addFunction},
		{"chat.txt", lx.addChat},
		{"negation.txt", wordList(lx.negation)},
		{"quantity.txt", wordList(lx.quantity)},
	}
	for _, s := range steps {
		if err := eachRow(fsys, s.file, s.parse); err != nil {
			return nil, err
		}
	}
	// Synonyms and phrases are keyed by lemma, so they come last.
	if err := eachRow(fsys, "synonyms.tsv", lx.addSynonyms); err != nil {
		return nil, err
	}
	if err := eachRow(fsys, "negations.tsv", lx.addPhrase); err != nil {
		return nil, err
	}
	if err := eachRow(fsys, "opposites.tsv", lx.addOpposite); err != nil {
		return nil, err
	}
	lx.precomputeLemmas()
	lx.buildFamilies()
	return lx, nil
}

// eachRow calls parse with the tab-separated fields of every line of a file
// that is neither blank nor a # comment.
func eachRow(fsys fs.FS, name string, parse func([]string) error) error {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := parse(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("lexicon: %s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", name, err)
	}
	return nil
}

func (lx *Lexicon) addContraction(f []string) error {
	if len(f) < 2 || len(f) > 3 || f[0] == "" || f[1] == "" {
		return fmt.Errorf("want form, expansion[, amb]: %q", f)
	}
	c := contraction{}
	if len(f) == 3 {
		if f[2] != "amb" {
			return fmt.Errorf("unknown flag %q", f[2])
		}
		c.ambiguous = true
	}
	for _, alt := range strings.Split(f[1], "|") {
		c.alts = append(c.alts, strings.Fields(alt))
	}
	if _, dup := lx.contr[f[0]]; dup {
		return fmt.Errorf("duplicate form %q", f[0])
	}
	lx.contr[f[0]] = c
	return nil
}

func (lx *Lexicon) addForm(f []string) error {
	if len(f) != 2 || f[0] == "" || f[1] == "" {
		return fmt.Errorf("want form, lemma: %q", f)
	}
	lx.forms[f[0]] = f[1]
	return nil
}

func (lx *Lexicon) addDerived(f []string) error {
	if len(f) != 2 || f[0] == "" || f[1] == "" {
		return fmt.Errorf("want word, root: %q", f)
	}
	if lx.derivedWords == nil {
		lx.derivedWords = map[string]bool{}
	}
	lx.derivedWords[f[0]], lx.derivedWords[f[1]] = true, true
	from, to := stem(lx.americanize(f[0])), stem(lx.americanize(f[1]))
	if from != to {
		lx.derived[from] = to
	}
	return nil
}

// wordList parses a file of one word a line into set.
func wordList(set map[string]bool) func([]string) error {
	return func(f []string) error {
		if len(f) != 1 || strings.ContainsAny(f[0], " ") {
			return fmt.Errorf("want one word a line: %q", f)
		}
		set[f[0]] = true
		return nil
	}
}

func (lx *Lexicon) addChat(f []string) error {
	if len(f) != 1 || strings.ContainsAny(f[0], " ") {
		return fmt.Errorf("want one word a line: %q", f)
	}
	lx.chat[f[0]] = true
	return nil
}

func (lx *Lexicon) addFunction(f []string) error {
	if len(f) != 1 || strings.ContainsAny(f[0], " ") {
		return fmt.Errorf("want one word a line: %q", f)
	}
	lx.function[f[0]] = true
	return nil
}

func (lx *Lexicon) addFiller(f []string) error {
	if len(f) != 1 || strings.ContainsAny(f[0], " ") {
		return fmt.Errorf("want one word a line: %q", f)
	}
	lx.filler[f[0]] = true
	return nil
}

// Synonym is one word or phrase related to a looked-up word.
type Synonym struct {
	Word     string  // as written in synonyms.tsv, e.g. "shut" or "call off"
	Key      string  // its lemma key (words joined by one space)
	Strength float64 // 1 for true synonyms, less for near ones
}

func (lx *Lexicon) addSynonyms(f []string) error {
	if len(f) != 2 {
		return fmt.Errorf("want strength, members: %q", f)
	}
	s, err := strconv.ParseFloat(f[0], 64)
	if err != nil || s <= 0 || s > 1 {
		return fmt.Errorf("strength %q: want a number in (0, 1]", f[0])
	}
	var members []Synonym
	for _, m := range strings.Split(f[1], ",") {
		m = strings.TrimSpace(m)
		if m == "" {
			return fmt.Errorf("empty member in %q", f[1])
		}
		k := lx.key(m)
		members = append(members, Synonym{Word: m, Key: k, Strength: s})
		if first, _, ok := strings.Cut(k, " "); ok {
			lx.synStarts[first] = true
		}
	}
	if len(members) < 2 {
		return fmt.Errorf("a group needs two members: %q", f[1])
	}
	for _, a := range members {
		for _, b := range members {
			if a.Key == b.Key {
				continue
			}
			pk := mkPair(a.Key, b.Key)
			if s > lx.pairs[pk] {
				lx.pairs[pk] = s
			}
			lx.syn[a.Key] = addSynonym(lx.syn[a.Key], b)
		}
	}
	return nil
}

// addSynonym adds or strengthens one entry of a word's synonym list.
func addSynonym(list []Synonym, s Synonym) []Synonym {
	for i := range list {
		if list[i].Key == s.Key {
			if s.Strength > list[i].Strength {
				list[i] = s
			}
			return list
		}
	}
	return append(list, s)
}

// key is the lemma key of a word or a space-separated phrase.
func (lx *Lexicon) key(s string) string {
	if !strings.Contains(s, " ") {
		return lx.Lemma(s)
	}
	toks := lx.Normalize(strings.Fields(s))
	for i, t := range toks {
		toks[i] = lx.Lemma(t)
	}
	return strings.Join(toks, " ")
}

// precomputeLemmas stores the Lemma of every word the tables mention, so the
// common words skip the stemmer.
func (lx *Lexicon) precomputeLemmas() {
	words := map[string]bool{}
	for f, l := range lx.forms {
		words[f], words[l] = true, true
	}
	for w := range lx.filler {
		words[w] = true
	}
	for _, list := range lx.syn {
		for _, s := range list {
			for _, w := range strings.Fields(s.Word) {
				words[w] = true
			}
		}
	}
	for _, c := range lx.contr {
		for _, alt := range c.alts {
			for _, w := range alt {
				words[w] = true
			}
		}
	}
	lemmas := make(map[string]string, len(words))
	for w := range words {
		lemmas[w] = lx.Lemma(w)
	}
	lx.lemmas = lemmas
}
