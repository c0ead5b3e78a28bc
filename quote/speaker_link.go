package quote

import (
	"slices"
	"strings"
)

// speakerCluster is one person or body across the corpus while linking.
type speakerCluster struct {
	sp     Speaker
	given  string
	givenF string // the first given name, folded
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
	// The descriptions seen, parsed, with the one cluster each fits
	// corpus-wide (-3 until needed).
	type parsedDesc struct {
		np       npInfo
		inCorpus int
	}
	descs := map[string]*parsedDesc{}
	for ai, a := range articles {
		var same []int // the clusters of the article's quotes, ascending
		for qi := range a.Quotes {
			q := &a.Quotes[qi]
			// An unresolved description ("the US president"), or an office
			// an unnamed speaker was labelled by ("Norway's foreign minister").
			if q.Speaker != "" || q.Description == "" || q.Kind == Organisation ||
				q.Kind == Person && (q.Confidence != 0 || !strings.HasPrefix(strings.ToLower(q.Description), "the ")) {
				continue
			}
			d, ok := descs[q.Description]
			if !ok {
				d = &parsedDesc{np: lex.parseNP(tokenize(q.Description, nil)), inCorpus: -3}
				descs[q.Description] = d
			}
			np := d.np
			if np.kind != npDescriptor || np.head == "" || q.Kind == Unnamed && !(lex.titles[np.head] && lex.personHeads[np.head] != nil) {
				continue
			}
			if same == nil {
				same = []int{}
				for k := range a.Quotes {
					if ci, ok := clusterOf(ai, k); ok {
						same = append(same, ci)
					}
				}
				slices.Sort(same)
				same = slices.Compact(same)
			}
			match := func(inArticle bool) int {
				found := -1
				// In the article: its clusters, in the order of all.
				n := len(clusters)
				if inArticle {
					n = len(same)
				}
				for i := range n {
					ci := i
					if inArticle {
						ci = same[i]
					}
					if ents[ci].kind != Person {
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
			if ci == -1 && np.affil == "" {
				// "the top government spokesman": without a country or body,
				// a role fits someone in every other article; leave it.
				continue
			}
			if ci == -1 {
				// The corpus-wide match depends on the description alone.
				if d.inCorpus == -3 {
					d.inCorpus = match(false)
				}
				ci, conf = d.inCorpus, 0.5
			}
			if ci < 0 {
				continue
			}
			c := clusters[ci]
			q.Speaker, q.Kind, q.Confidence = c.sp.Name, Person, conf
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
	// People are found by folded surname. similarFold is symmetric and
	// needs equal first letters and lengths at most two apart, so each
	// distinct folded surname is compared once with those of the same first
	// letter and near length, and keeps the list of its variants.
	type surnameKey struct {
		first byte
		n     int
	}
	type surname struct {
		lastF    string
		clusters []int      // in order of creation
		variants []*surname // the surnames similar to this one, itself included
	}
	surnames := map[string]*surname{}
	byKey := map[surnameKey][]*surname{}
	surnameOf := func(lastF string) *surname {
		if sn, ok := surnames[lastF]; ok {
			return sn
		}
		sn := &surname{lastF: lastF}
		sn.variants = append(sn.variants, sn)
		for n := max(len(lastF)-2, 1); n <= len(lastF)+2; n++ {
			for _, o := range byKey[surnameKey{lastF[0], n}] {
				if similarFold(o.lastF, lastF) {
					sn.variants = append(sn.variants, o)
					o.variants = append(o.variants, sn)
				}
			}
		}
		k := surnameKey{lastF[0], len(lastF)}
		byKey[k] = append(byKey[k], sn)
		surnames[lastF] = sn
		return sn
	}
	orgs := map[string]int{}
	// assigned[ai][qi] is the cluster of article ai's quote qi, or -1.
	assigned := make([][]int, len(articles))
	for ai, a := range articles {
		assigned[ai] = make([]int, len(a.Quotes))
		for qi := range assigned[ai] {
			assigned[ai][qi] = -1
		}
	}

	// A person's name split and folded, once per distinct name.
	type nameParts struct{ given, last, givenF, lastF string }
	names := map[string]*nameParts{}
	nameOf := func(name string) *nameParts {
		if n, ok := names[name]; ok {
			return n
		}
		n := &nameParts{}
		n.given, n.last = splitName(strings.Fields(name))
		n.lastF = foldName(n.last)
		if n.given != "" {
			n.givenF = foldName(firstWord(n.given))
		}
		names[name] = n
		return n
	}

	var cands []int
	findPerson := func(given, givenF, lastF string) []int {
		cands = cands[:0]
		if lastF == "" {
			return cands
		}
		for _, v := range surnameOf(lastF).variants {
			for _, ci := range v.clusters {
				c := clusters[ci]
				if c.given == "" || given == "" || foldedGivenCompatible(c.givenF, givenF) {
					cands = append(cands, ci)
				}
			}
		}
		slices.Sort(cands)
		return cands
	}
	newCluster := func(q *Quote, given, givenF, lastF string) int {
		clusters = append(clusters, &speakerCluster{
			sp:    Speaker{Name: q.Speaker, Kind: q.Kind, Description: q.Description, Affiliation: q.Affiliation},
			given: given, givenF: givenF, lastF: lastF,
		})
		ci := len(clusters) - 1
		if lastF != "" {
			sn := surnameOf(lastF)
			sn.clusters = append(sn.clusters, ci)
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
				if assigned[ai][qi] >= 0 {
					continue
				}
				if q.Kind == Organisation {
					if pass == 1 {
						continue
					}
					key := orgKey(lex, q.Speaker)
					ci, ok := orgs[key]
					if !ok {
						ci = newCluster(q, "", "", "")
						orgs[key] = ci
					}
					assigned[ai][qi] = ci
					continue
				}
				n := nameOf(q.Speaker)
				given, givenF, lastF := n.given, n.givenF, n.lastF
				if (given != "") != (pass == 0) {
					continue
				}
				cands := findPerson(given, givenF, lastF)
				var ci int
				switch {
				case len(cands) == 0:
					ci = newCluster(q, given, givenF, lastF)
				case len(cands) == 1:
					ci = cands[0]
				default:
					ci = pickCluster(clusters, cands, q)
					if ci < 0 {
						ci = newCluster(q, given, givenF, lastF)
					}
				}
				assigned[ai][qi] = ci
			}
		}
	}
	// clustered calls f for every quote that has a cluster, in order.
	clustered := func(f func(q *Quote, c *speakerCluster)) {
		for ai, a := range articles {
			for qi := range a.Quotes {
				if ci := assigned[ai][qi]; ci >= 0 {
					f(&a.Quotes[qi], clusters[ci])
				}
			}
		}
	}
	clustered(func(q *Quote, c *speakerCluster) {
		if q.Speaker != c.sp.Name {
			c.forms = appendNew(c.forms, q.Speaker)
		}
		if q.Kind == Person {
			if last := nameOf(q.Speaker).last; last != "" && last != c.sp.Name {
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
	})
	// Fill what a quote's own article did not say from the other articles.
	clustered(func(q *Quote, c *speakerCluster) {
		if q.Description == "" {
			q.Description = c.sp.Description
		}
		if q.Affiliation == "" {
			q.Affiliation = c.sp.Affiliation
		}
	})
	resolveDescriptions(articles, clusters, func(ai, qi int) (int, bool) {
		ci := assigned[ai][qi]
		return ci, ci >= 0
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
func orgKey(lx *wordLists, name string) string {
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
