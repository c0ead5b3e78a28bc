package corpus

import (
	"strings"
)

// speakerCluster is one person or body across the corpus while linking.
type speakerCluster struct {
	sp     Speaker
	given  string
	lastF  string
	forms  []string
	descs  []string // every title the articles give
	quotes int
}

// asEntity describes the cluster for matching descriptions against it.
func (c *speakerCluster) asEntity() entity {
	e := entity{kind: c.sp.Kind, affil: c.sp.Affiliation}
	for _, d := range c.descs {
		for _, w := range strings.Fields(strings.ToLower(d)) {
			if _, head := lex.personHeads[w]; head || lex.titles[w] {
				e.titleWords = appendNew(e.titleWords, w)
			}
		}
	}
	return e
}

// resolveDescriptions ties quotes whose article named their speaker only by
// a description ("the US president", with no president named) to the one
// person the corpus gives that title: one quoted in the same article
// (confidence 0.6), else the only one in the corpus (0.5, uncertain).
func resolveDescriptions(articles []*Article, clusters []*speakerCluster, clusterOf func(ai, qi int) (int, bool)) {
	r := registry{lx: lex}
	ents := make([]entity, len(clusters))
	for ci, c := range clusters {
		ents[ci] = c.asEntity()
	}
	for ai, a := range articles {
		var same map[int]bool
		for qi := range a.Quotes {
			q := &a.Quotes[qi]
			if q.Speaker != "" || q.Kind != Person || q.Confidence != 0 || !strings.HasPrefix(strings.ToLower(q.Description), "the ") {
				continue
			}
			np := lex.parseNP(tokenize(q.Description, nil))
			if np.kind != npDescriptor || np.head == "" {
				continue
			}
			if same == nil {
				same = map[int]bool{}
				for k := range a.Quotes {
					if ci, ok := clusterOf(ai, k); ok {
						same[ci] = true
					}
				}
			}
			match := func(inArticle bool) int {
				found := -1
				for ci := range clusters {
					if ents[ci].kind != Person || inArticle && !same[ci] {
						continue
					}
					if r.descriptorLevel(&np, &ents[ci]) > 0 {
						if found >= 0 {
							return -2 // more than one fits: leave it
						}
						found = ci
					}
				}
				return found
			}
			ci, conf := match(true), 0.6
			if ci == -1 {
				ci, conf = match(false), 0.5
			}
			if ci < 0 {
				continue
			}
			c := clusters[ci]
			q.Speaker, q.Confidence = c.sp.Name, conf
			q.Description, q.Affiliation = c.sp.Description, c.sp.Affiliation
			c.quotes++
		}
	}
}

// Link gives every speaker one canonical name across all articles, rewriting
// each quote's Speaker, and returns the speakers in order of first
// appearance. A person's canonical name is the first full name the articles
// give; surname-only mentions and spelling variants of the surname
// (Zelensky/Zelenskyy, Zoltanov/Zoltanow, Quist/Kvist) with a compatible
// given name join it. Bodies are merged by name, with "Russian" and "Russia"
// counting as the same word.
func Link(articles []*Article) []Speaker {
	var clusters []*speakerCluster
	byLetter := map[byte][]int{}
	orgs := map[string]int{}
	type ref struct{ a, q int }
	assigned := map[ref]int{}

	findPerson := func(given, lastF string) []int {
		if lastF == "" {
			return nil
		}
		var out []int
		for _, ci := range byLetter[lastF[0]] {
			c := clusters[ci]
			if similarFold(c.lastF, lastF) && givenCompatible(c.given, given) {
				out = append(out, ci)
			}
		}
		return out
	}
	newCluster := func(q *Quote, given, lastF string) int {
		clusters = append(clusters, &speakerCluster{
			sp:    Speaker{Name: q.Speaker, Kind: q.Kind, Description: q.Description, Affiliation: q.Affiliation},
			given: given, lastF: lastF,
		})
		ci := len(clusters) - 1
		if lastF != "" {
			byLetter[lastF[0]] = append(byLetter[lastF[0]], ci)
		}
		return ci
	}
	// Full names first, so that a surname-only mention in an earlier article
	// still takes the full name.
	for pass := 0; pass < 2; pass++ {
		for ai, a := range articles {
			for qi := range a.Quotes {
				q := &a.Quotes[qi]
				if q.Speaker == "" {
					continue
				}
				r := ref{ai, qi}
				if _, done := assigned[r]; done {
					continue
				}
				if q.Kind == Organisation {
					if pass == 1 {
						continue
					}
					key := orgKey(lex, q.Speaker)
					ci, ok := orgs[key]
					if !ok {
						ci = newCluster(q, "", "")
						orgs[key] = ci
					}
					assigned[r] = ci
					continue
				}
				given, last := splitName(strings.Fields(q.Speaker))
				lastF := foldName(last)
				if (given != "") != (pass == 0) {
					continue
				}
				cands := findPerson(given, lastF)
				var ci int
				switch {
				case len(cands) == 0:
					ci = newCluster(q, given, lastF)
				case len(cands) == 1:
					ci = cands[0]
				default:
					ci = pickCluster(clusters, cands, q)
					if ci < 0 {
						ci = newCluster(q, given, lastF)
					}
				}
				assigned[r] = ci
			}
		}
	}
	for ai, a := range articles {
		for qi := range a.Quotes {
			q := &a.Quotes[qi]
			ci, ok := assigned[ref{ai, qi}]
			if !ok {
				continue
			}
			c := clusters[ci]
			if q.Speaker != c.sp.Name {
				c.forms = appendNew(c.forms, q.Speaker)
			}
			if q.Kind == Person {
				if _, last := splitName(strings.Fields(q.Speaker)); last != "" && last != c.sp.Name {
					c.forms = appendNew(c.forms, last)
				}
			}
			if c.sp.Description == "" {
				c.sp.Description = q.Description
			}
			if q.Description != "" {
				c.descs = appendNew(c.descs, q.Description)
			}
			if c.sp.Affiliation == "" {
				c.sp.Affiliation = q.Affiliation
			}
			q.Speaker = c.sp.Name
			c.quotes++
		}
	}
	// Fill what a quote's own article did not say from the other articles.
	for ai, a := range articles {
		for qi := range a.Quotes {
			q := &a.Quotes[qi]
			ci, ok := assigned[ref{ai, qi}]
			if !ok {
				continue
			}
			c := clusters[ci]
			if q.Description == "" {
				q.Description = c.sp.Description
			}
			if q.Affiliation == "" {
				q.Affiliation = c.sp.Affiliation
			}
		}
	}
	resolveDescriptions(articles, clusters, func(ai, qi int) (int, bool) {
		ci, ok := assigned[ref{ai, qi}]
		return ci, ok
	})
	out := make([]Speaker, 0, len(clusters))
	for _, c := range clusters {
		sp := c.sp
		sp.Quotes = c.quotes
		for _, f := range c.forms {
			if f != sp.Name {
				sp.Aliases = append(sp.Aliases, f)
			}
		}
		out = append(out, sp)
	}
	return out
}

// pickCluster chooses among several people sharing a surname the one whose
// title or country matches the quote's, or -1.
func pickCluster(clusters []*speakerCluster, cands []int, q *Quote) int {
	match := -1
	for _, ci := range cands {
		c := clusters[ci]
		if q.Affiliation != "" && c.sp.Affiliation != "" && lex.countryKey(q.Affiliation) == lex.countryKey(c.sp.Affiliation) ||
			q.Description != "" && strings.EqualFold(q.Description, c.sp.Description) {
			if match >= 0 {
				return -1
			}
			match = ci
		}
	}
	return match
}

// orgKey folds a body's name for merging: lower case, without "the", with
// country names and demonyms folded.
func orgKey(lx *lexicon, name string) string {
	ws := strings.Fields(strings.ToLower(name))
	out := ws[:0]
	for _, w := range ws {
		if w == "the" {
			continue
		}
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		out = append(out, lx.countryKey(w))
	}
	return strings.Join(out, " ")
}
