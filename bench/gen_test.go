package bench

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"summitbot/corpus"
	"summitbot/internal/devdata"
	"summitbot/quote"
)

// The generator turns the shared articles into corpora of any size: every
// generated article takes one source article's paragraphs in order (so
// that quotes keep the context their attribution needs), drops a few,
// inserts short runs of paragraphs from the other sources, and renames the
// people and places after one of a fixed number of invented casts. A cast
// is chosen per person, so invented speakers recur across articles with the
// same role, as real ones do. Article i depends only on i, so a corpus of
// 1,000 articles is the first 1,000 of a corpus of 5,000.

const (
	// groupDataDir holds the engine's group table; its names are never
	// renamed, so that reactions keep resolving real countries and blocs.
	groupDataDir = "../index/groupdata"
	// genVersion is part of the cache key: bump it when the output changes.
	genVersion = 1
	// variants is how many invented casts each person and place has
	// (variant 0 keeps the original).
	variants = 48
	// keepOriginal is the chance that an article keeps a person's or a
	// place's real name.
	keepOriginal = 0.25
	// minParas and maxParas bound an article's length: 20 on average, so
	// 5,000 articles make about 100,000 paragraphs.
	minParas, maxParas = 16, 24
)

var (
	givenNames = strings.Fields(`Aino Ansel Bettina Casimir Dagny Edvin Elin Emeric Fenna Gideon Greta Halvor Ilka
		Ivo Jorunn Kasimir Leopold Liesel Linnea Lucan Magda Matthis Mireille Nestor Odile Otto Petra Quirin Rasmus
		Rosalind Sabine Severin Sigrun Tamsin Teodora Ulrik Vanja Viggo Wilma Yannick Zelda Anselm Britt Cyprian
		Dorothea Eskil Florentin Gisela`)
	surnames = strings.Fields(`Abernath Baltrusch Corvell Dahlquist Eberhardt Falkenrath Grimsby Halvorsen Ingram
		Jessup Kallberg Lindqvist Marwick Nordahl Oakhurst Pellegrin Quennell Rasmussen Strandberg Thorvald Ulmstead
		Vasquerel Wendling Yarrow Zellweger Ashcombe Birkeland Castellane Drummond Eckhart Fairbairn Gustavsen
		Hollister Isakson Jardine Kettering Lowenthal Montclair Norrgard Ostrander Pemberton Quillfeather Rockwell
		Sandqvist Tremaine Underhill Valcourt Westergaard Ystad Zimmerle Arkwright Bramley Crowther Dunmore Elsworth
		Fenwick Gallant Hargreave Inverley Kessington`)
	placeStems   = strings.Fields(`Kel Mar Tor Ost Bel Ard Vel Sund Hal Brek Cor Dun Eid Fal Gran Hest Lund Mor Nor Rav`)
	placeEndings = strings.Fields(`haven mouth ford by vik stad holm wick gate moor dal bury`)
	outletTowns  = strings.Fields(`Kelhaven Marford Torvik Ostby Belgate Ardmoor Velstad Sundholm Halwick Brekdal Corbury Dunmouth`)
	outletKinds  = strings.Fields(`Herald Courier Gazette Ledger Wire Post Times Review Chronicle Observer`)
	titleLeads   = []string{"", "", "", "Analysis: ", "Live: ", "Explainer: ", "Opinion: ", "Updated: "}
	// placeRE finds a place named after "in", "at" or "near": a run of
	// capitalised words, optionally after "the".
	placeRE = regexp.MustCompile(`\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}[\p{L}'’-]+)*)`)
)

// isCalendarWord reports whether w (lower case) names a month or a weekday.
func isCalendarWord(w string) bool {
	for m := time.January; m <= time.December; m++ {
		if strings.ToLower(m.String()) == w {
			return true
		}
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == w {
			return true
		}
	}
	return false
}

// source is one shared article, parsed and linked with the others.
type source struct {
	file   string
	meta   corpus.Meta
	paras  []corpus.Paragraph
	quotes []quote.Quote
}

// person is a named person of the sources with every form of the name the
// articles use.
type person struct {
	name           string
	given, surname []string
}

// place is a place named in the sources that the generator renames.
type place struct{ name string }

// material is what the generator recombines.
type material struct {
	sources []source
	persons []person
	places  []place
	// groupTerms are the group table's names, aliases, demonyms and
	// capitals, lower case.
	groupTerms map[string]bool
	// key identifies the material's content, for the cache.
	key string
}

// loadMaterial reads the default article (embedded, always there) and the
// four fictional articles of the repository's testdata/eval/fiction.
func loadMaterial() (*material, error) {
	files := []struct {
		name string
		data []byte
	}{{corpus.SeedFile, corpus.Seed()}}
	paths, _ := filepath.Glob(filepath.Join(devdata.Dir(), "eval", "fiction", "a*.md"))
	if len(paths) != 4 {
		return nil, fmt.Errorf("bench: want the 4 fiction articles in the repository's testdata, found %d", len(paths))
	}
	sort.Strings(paths)
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("bench: read %s: %w", p, err)
		}
		files = append(files, struct {
			name string
			data []byte
		}{filepath.Base(p), data})
	}
	h := sha256.New()
	fmt.Fprintf(h, "gen %d\n", genVersion)
	m := &material{groupTerms: map[string]bool{}}
	var arts []*quote.Article
	for _, f := range files {
		h.Write(f.data)
		a := quote.Parse(f.name, f.data)
		if len(a.Paragraphs) == 0 {
			return nil, fmt.Errorf("bench: source %s has no paragraphs", f.name)
		}
		arts = append(arts, a)
	}
	speakers := quote.Link(arts)
	for _, a := range arts {
		m.sources = append(m.sources, source{file: a.File, meta: corpus.MetaOf(a.Article), paras: a.Paragraphs, quotes: a.Quotes})
	}
	if err := m.readGroupTerms(); err != nil {
		return nil, err
	}
	for _, sp := range speakers {
		if sp.Kind != quote.Person || len(strings.Fields(sp.Name)) < 2 {
			continue
		}
		p := person{name: sp.Name}
		for _, form := range append([]string{sp.Name}, sp.Aliases...) {
			w := strings.Fields(form)
			switch {
			case len(w) >= 2:
				p.given = appendNew(p.given, w[0])
				p.surname = appendNew(p.surname, w[len(w)-1])
			case len(w) == 1:
				p.surname = appendNew(p.surname, w[0])
			}
		}
		m.persons = append(m.persons, p)
	}
	m.findPlaces()
	m.key = fmt.Sprintf("g%d-%s", genVersion, hex.EncodeToString(h.Sum(nil))[:10])
	return m, nil
}

func appendNew(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// readGroupTerms loads the names the engine's group table knows, so that
// they are never taken for places to rename.
func (m *material) readGroupTerms() error {
	cols := map[string][]int{"countries.tsv": {1, 2, 3, 4}, "blocs.tsv": {1, 2, 3}, "people.tsv": {0, 1}}
	for file, want := range cols {
		f, err := os.Open(filepath.Join(groupDataDir, file))
		if err != nil {
			return fmt.Errorf("bench: group table: %w", err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
				continue
			}
			fields := strings.Split(line, "\t")
			for _, c := range want {
				if c >= len(fields) {
					continue
				}
				for _, t := range strings.Split(fields[c], ";") {
					if t = strings.ToLower(strings.TrimSpace(t)); t != "" && t != "-" {
						m.groupTerms[t] = true
					}
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("bench: group table %s: %w", file, err)
		}
	}
	return nil
}

// findPlaces collects the places named after "in", "at" or "near" that are
// neither a person's name, a known group (country, capital, bloc), a month
// or day, an acronym, nor an adjective ("in Vestrian waters").
func (m *material) findPlaces() {
	personWord := map[string]bool{}
	for _, p := range m.persons {
		for _, w := range append(append([]string(nil), p.given...), p.surname...) {
			personWord[w] = true
		}
	}
	seen := map[string]bool{}
	for _, s := range m.sources {
		for _, p := range s.paras {
			for _, loc := range placeRE.FindAllStringSubmatchIndex(p.Text, -1) {
				name := strings.TrimRight(p.Text[loc[2]:loc[3]], "'’-")
				name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
				rest := strings.TrimLeft(p.Text[loc[3]:], " ")
				if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(r) {
					continue // an adjective: "in Vestrian waters"
				}
				if seen[name] || !m.renamablePlace(name, personWord) {
					continue
				}
				seen[name] = true
				m.places = append(m.places, place{name: name})
			}
		}
	}
	// Longest first, so that "Port Aldren Harbour" goes before "Port Aldren".
	sort.SliceStable(m.places, func(i, j int) bool { return len(m.places[i].name) > len(m.places[j].name) })
}

func (m *material) renamablePlace(name string, personWord map[string]bool) bool {
	if m.groupTerms[strings.ToLower(name)] {
		return false
	}
	for _, w := range strings.Fields(name) {
		low := strings.ToLower(w)
		if personWord[w] || m.groupTerms[low] || isCalendarWord(low) || strings.ToUpper(w) == w {
			return false
		}
	}
	return true
}

// mix is a small deterministic hash for picking invented names.
func mix(a, b, c uint64) uint64 {
	x := a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ c*0x165667B19E3779F9
	x ^= x >> 31
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 29
	return x
}

// renaming is one article's cast: every form of every person's name and
// every place, mapped to the article's variant.
type renaming struct {
	words  map[string]string
	places [][2]string
}

func (m *material) renaming(rng *rand.Rand) renaming {
	r := renaming{words: map[string]string{}}
	pick := func() uint64 {
		if rng.Float64() < keepOriginal {
			return 0
		}
		return 1 + rng.Uint64N(variants-1)
	}
	for i, p := range m.persons {
		k := pick()
		if k == 0 {
			continue
		}
		g := givenNames[mix(uint64(i), k, 1)%uint64(len(givenNames))]
		s := surnames[mix(uint64(i), k, 2)%uint64(len(surnames))]
		for _, w := range p.given {
			r.words[w] = g
		}
		for _, w := range p.surname {
			r.words[w] = s
		}
	}
	for i, pl := range m.places {
		k := pick()
		if k == 0 {
			continue
		}
		name := placeStems[mix(uint64(i), k, 3)%uint64(len(placeStems))] + placeEndings[mix(uint64(i), k, 4)%uint64(len(placeEndings))]
		r.places = append(r.places, [2]string{pl.name, name})
	}
	return r
}

// apply renames whole words and places in text.
func (r renaming) apply(text string) string {
	for _, p := range r.places {
		text = replaceWhole(text, p[0], p[1])
	}
	if len(r.words) == 0 {
		return text
	}
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		c, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(c) {
			b.WriteString(text[i : i+n])
			i += n
			continue
		}
		j := i
		for j < len(text) {
			c, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(c) {
				break
			}
			j += n
		}
		w := text[i:j]
		if to, ok := r.words[w]; ok {
			w = to
		}
		b.WriteString(w)
		i = j
	}
	return b.String()
}

// replaceWhole replaces old with new where old is not part of a longer word.
func replaceWhole(text, old, new string) string {
	var b strings.Builder
	for {
		i := strings.Index(text, old)
		if i < 0 {
			b.WriteString(text)
			return b.String()
		}
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		after, _ := utf8.DecodeRuneInString(text[i+len(old):])
		b.WriteString(text[:i])
		if (i == 0 || !unicode.IsLetter(before)) && (i+len(old) == len(text) || !unicode.IsLetter(after)) {
			b.WriteString(new)
		} else {
			b.WriteString(old)
		}
		text = text[i+len(old):]
	}
}

// genSeed seeds every article's random choices.
const genSeed = 20250815

// article makes article i: its file name and its content in the corpus
// folder format.
func (m *material) article(i int) (string, []byte) {
	rng := rand.New(rand.NewPCG(genSeed, uint64(i)))
	primary := i % len(m.sources)
	src := m.sources[primary]
	ren := m.renaming(rng)

	type para struct{ section, text string }
	var paras []para
	for j, p := range src.paras {
		if j > 0 && rng.Float64() < 0.1 {
			continue
		}
		paras = append(paras, para{p.Section, p.Text})
	}
	target := minParas + rng.IntN(maxParas-minParas+1)
	for len(paras) < target {
		o := rng.IntN(len(m.sources))
		if o == primary && len(m.sources) > 1 {
			o = (o + 1 + rng.IntN(len(m.sources)-1)) % len(m.sources)
		}
		other := m.sources[o].paras
		start, run := rng.IntN(len(other)), 1+rng.IntN(3)
		at := 1 + rng.IntN(len(paras))
		var block []para
		for k := start; k < start+run && k < len(other); k++ {
			block = append(block, para{paras[at-1].section, other[k].Text})
		}
		paras = append(paras[:at], append(block, paras[at:]...)...)
	}

	var body []corpus.Block
	section := ""
	for _, p := range paras {
		if p.section != section && p.section != "" {
			body = append(body, corpus.Block{Heading: true, Text: ren.apply(p.section)})
		}
		section = p.section
		body = append(body, corpus.Block{Text: ren.apply(p.text)})
	}

	outletTown := outletTowns[mix(uint64(i), 0, 5)%uint64(len(outletTowns))]
	outletKind := outletKinds[mix(uint64(i), 0, 6)%uint64(len(outletKinds))]
	title := titleLeads[rng.IntN(len(titleLeads))] + ren.apply(src.meta.Title)
	if strings.TrimSpace(src.meta.Title) == "" {
		title = fmt.Sprintf("Report %d on the summit", i)
	}
	meta := corpus.Meta{
		Title:     title,
		Outlet:    "The " + outletTown + " " + outletKind,
		URL:       fmt.Sprintf("https://example.org/%s-%s/%05d-%s", strings.ToLower(outletTown), strings.ToLower(outletKind), i, slug(title, 60)),
		Published: shiftDate(src.meta.Published, i%11),
	}
	return fmt.Sprintf("a%05d.md", i), corpus.Format(meta, body)
}

func slug(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= max {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

func shiftDate(date string, days int) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		t = time.Date(2025, 8, 15, 0, 0, 0, 0, time.UTC)
	}
	return t.AddDate(0, 0, days).Format("2006-01-02")
}

// writeCorpus writes articles 0..n-1 into dir.
func (m *material) writeCorpus(dir string, n int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("bench: corpus %s: %w", dir, err)
	}
	for i := 0; i < n; i++ {
		name, data := m.article(i)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return fmt.Errorf("bench: corpus %s: %w", dir, err)
		}
	}
	return nil
}
