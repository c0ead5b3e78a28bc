package bench

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"summitbot/internal/devdata"
	"summitbot/quote"
)

// queryPlan is what the query benchmarks ask, derived from the material
// the corpus was generated from, so that every kind of query finds work:
// who-said phrases from the sources' quotes (some with a typo, some in no
// quote), questions from their paragraphs and the shared query files,
// groups from the group table and the sources' affiliations, and what a
// user types on the way to each.
type queryPlan struct {
	whoSaid, ask, reactions                        []string
	phrasePrefixes, groupPrefixes, speakerPrefixes []string
}

// words splits text into words of letters, digits and inner apostrophes.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
}

func (m *material) plan() queryPlan {
	rng := rand.New(rand.NewPCG(genSeed, 1))
	renamed := map[string]bool{}
	for _, p := range m.persons {
		for _, w := range append(append([]string(nil), p.given...), p.surname...) {
			renamed[w] = true
		}
	}
	for _, pl := range m.places {
		for _, w := range strings.Fields(pl.name) {
			renamed[w] = true
		}
	}
	var qp queryPlan

	// who-said: a window of 2 to 5 words of each attributed quote, without
	// the names the generator renames.
	var hits, vocab []string
	for _, s := range m.sources {
		for _, q := range s.quotes {
			if strings.TrimSpace(q.Speaker) == "" && !(q.Kind == quote.Unnamed && q.Description != "") {
				continue
			}
			var ws []string
			for _, w := range words(q.Text) {
				w = strings.Trim(w, "'’")
				if w != "" && !renamed[w] {
					ws = append(ws, w)
				}
			}
			if len(ws) < 2 {
				continue
			}
			vocab = append(vocab, ws...)
			n := 2 + rng.IntN(4)
			if n > len(ws) {
				n = len(ws)
			}
			start := rng.IntN(len(ws) - n + 1)
			hits = append(hits, strings.ToLower(strings.Join(ws[start:start+n], " ")))
		}
	}
	qp.whoSaid = append(qp.whoSaid, hits...)
	for i := 0; i < len(hits); i += 4 {
		qp.whoSaid = append(qp.whoSaid, typo(hits[i]))
	}
	for i := 0; i < len(hits)/4 && len(vocab) > 0; i++ {
		qp.whoSaid = append(qp.whoSaid, strings.ToLower(vocab[rng.IntN(len(vocab))]+" "+vocab[rng.IntN(len(vocab))]+" "+vocab[rng.IntN(len(vocab))]))
	}

	// ask: the shared question files' questions, and questions made of
	// a few words of paragraphs without quotes.
	qp.ask = append(qp.ask, sharedQueries("ask")...)
	leads := []string{"what did they say about", "why", "how", "when", "where", "who", "what happened with"}
	for _, s := range m.sources {
		for _, p := range s.paras {
			if strings.ContainsAny(p.Text, "\"“”‘’") {
				continue
			}
			ws := words(p.Text)
			if len(ws) < 8 {
				continue
			}
			n := 4 + rng.IntN(4)
			start := rng.IntN(len(ws) - n + 1)
			qp.ask = append(qp.ask, leads[rng.IntN(len(leads))]+" "+strings.ToLower(strings.Join(ws[start:start+n], " ")))
		}
	}

	// reactions: the sources' affiliations, the blocs and a sample of the
	// countries of the group table, the camps unnamed speakers belong to,
	// and the shared files' groups.
	seen := map[string]bool{}
	addGroup := func(g string) {
		g = strings.TrimSpace(g)
		if g != "" && !seen[strings.ToLower(g)] {
			seen[strings.ToLower(g)] = true
			qp.reactions = append(qp.reactions, g)
		}
	}
	for _, s := range m.sources {
		for _, q := range s.quotes {
			addGroup(q.Affiliation)
			if q.Kind == quote.Unnamed {
				if ws := words(strings.SplitN(q.Description, " in ", 2)[0]); len(ws) > 0 {
					addGroup(ws[len(ws)-1])
				}
			}
		}
	}
	for _, g := range sharedQueries("reactions") {
		addGroup(g)
	}
	terms := make([]string, 0, len(m.groupTerms))
	for t := range m.groupTerms {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for i := 0; i < len(terms) && len(qp.reactions) < 60; i += 1 + len(terms)/40 {
		addGroup(terms[i])
	}

	// Autocomplete: what is typed on the way to a phrase, a group, a
	// speaker; the empty string is what Discord sends first.
	qp.phrasePrefixes = append(qp.phrasePrefixes, "")
	for _, h := range hits {
		for _, n := range []int{1, 3, 6, len(h) / 2, len(h)} {
			qp.phrasePrefixes = append(qp.phrasePrefixes, prefix(h, n))
		}
	}
	qp.groupPrefixes = append(qp.groupPrefixes, "")
	for _, g := range qp.reactions {
		for _, n := range []int{1, 2, 3, 5} {
			qp.groupPrefixes = append(qp.groupPrefixes, prefix(strings.ToLower(g), n))
		}
	}
	qp.speakerPrefixes = append(qp.speakerPrefixes, "")
	names := []string{}
	for _, p := range m.persons {
		names = append(names, p.name)
	}
	names = append(names, givenNames[:8]...)
	names = append(names, surnames[:8]...)
	for _, n := range names {
		for _, k := range []int{1, 2, 4} {
			qp.speakerPrefixes = append(qp.speakerPrefixes, prefix(strings.ToLower(n), k))
		}
	}
	for _, list := range []*[]string{&qp.whoSaid, &qp.ask, &qp.reactions, &qp.phrasePrefixes, &qp.groupPrefixes, &qp.speakerPrefixes} {
		rng.Shuffle(len(*list), func(i, j int) { (*list)[i], (*list)[j] = (*list)[j], (*list)[i] })
	}
	return qp
}

// typo swaps two inner letters of the phrase's longest word.
func typo(phrase string) string {
	ws := strings.Fields(phrase)
	best := -1
	for i, w := range ws {
		if utf8.RuneCountInString(w) >= 5 && (best < 0 || len(w) > len(ws[best])) {
			best = i
		}
	}
	if best < 0 {
		return phrase
	}
	r := []rune(ws[best])
	k := len(r) / 2
	r[k], r[k+1] = r[k+1], r[k]
	ws[best] = string(r)
	return strings.Join(ws, " ")
}

// prefix is the first n runes of s (all of s when shorter).
func prefix(s string, n int) string {
	r := []rune(s)
	if n > len(r) {
		n = len(r)
	}
	return string(r[:n])
}

// sharedQueries reads the queries of one kind from the project's dev query
// files (testdata/eval); a missing file stops the benchmark.
func sharedQueries(kind string) []string {
	var out []string
	for _, p := range []string{filepath.Join(devdata.Dir(), "eval", "fiction", "queries.tsv"), filepath.Join(devdata.Dir(), "eval", "seed-dev.tsv")} {
		f, err := os.Open(p)
		if err != nil {
			panic(fmt.Sprintf("bench: the dev query file is missing: %v", err))
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			fields := strings.Split(sc.Text(), "\t")
			if len(fields) >= 2 && fields[0] == kind && strings.TrimSpace(fields[1]) != "" {
				out = append(out, fields[1])
			}
		}
		f.Close()
	}
	return out
}
