package index

import (
	"strings"

	"summitbot/quote"
)

// Camps (groupdata/camps.tsv) are people the articles describe rather than
// name: ordinary people, soldiers, analysts, officials, the opposition, the
// media … A speaker is in a camp when the words of their description place
// them there; a named speaker the quote finder gave no description is
// described by the apposition after their name.

// campsOf lists the camps a speaker's descriptions place them in: a camp
// word in the head of a description or affiliation (before its first
// preposition: "a reporter for the conservative network" is no
// conservative) or a camp phrase anywhere in it ("at a think tank"), a
// table office, or a body's name.
func campsOf(sp *speakerInfo, gt *groupTable) []string {
	texts := append(append(append([]string{}, sp.descriptions...), sp.affiliations...), sp.appositions...)
	for _, tt := range sp.titles {
		if tt.fromTable {
			texts = append(texts, tt.text)
		}
	}
	if sp.kind != quote.Person {
		texts = append(texts, sp.name)
	}
	// Each text's words, and their head (before the first preposition).
	type read struct{ all, head []string }
	reads := make([]read, 0, len(texts))
	for _, t := range texts {
		all := descWords(t)
		head := all
		for i, w := range all {
			if descPrepositions[w] {
				head = all[:i]
				break
			}
		}
		reads = append(reads, read{all, head})
	}
	var out []string
	for _, c := range gt.camps {
		for _, r := range reads {
			if inCamp(c, r.all, r.head) {
				out = append(out, c.id)
				break
			}
		}
	}
	return out
}

// inCamp reports whether a text's words place a speaker in a camp: a camp
// word in its head, or a camp phrase anywhere ("a senior fellow at a think
// tank").
func inCamp(c *camp, all, head []string) bool {
	for _, w := range head {
		if c.words[w] || len(w) > 3 && c.words[strings.TrimSuffix(w, "s")] {
			return true
		}
	}
	if len(c.phrases) > 0 {
		text := " " + strings.Join(all, " ") + " "
		for _, p := range c.phrases {
			if strings.Contains(text, " "+p+" ") {
				return true
			}
		}
	}
	return false
}

// appositionsOf finds how the articles describe a named speaker right after
// their name in the paragraphs that quote them: "Elena Chernova, who runs a
// small grocery in Spenard, said" (→ "runs a small grocery in Spenard"),
// "Mark Feldman, a former State Department official now at the Atlantic
// Council, and …", "Oksana Melnyk, 38, who coordinates the group".
func appositionsOf(sp *speakerInfo) []string {
	var out []string
	seen := map[paraKey]bool{}
	for _, r := range sp.quotes {
		k := paraKey{r.art, r.q().Paragraph}
		if seen[k] {
			continue
		}
		if len(seen) >= 12 || len(out) >= 2 {
			break // a few are enough
		}
		seen[k] = true
		p, ok := r.art.para(k.n)
		if !ok {
			continue
		}
		if a := appositionAfter(p.Text, sp.name); a != "" {
			out = appendDistinct(out, a)
		}
	}
	return out
}

// appositionAfter reads the apposition after the first mention of name in
// text: ", [age,] who …" or ", a/an/the …", up to the next comma or end of
// clause; "" when there is none.
func appositionAfter(text, name string) string {
	i := strings.Index(text, name)
	if i < 0 {
		return ""
	}
	rest := text[i+len(name):]
	if !strings.HasPrefix(rest, ", ") {
		return ""
	}
	rest = rest[2:]
	// An age: "Oksana Melnyk, 38, who …".
	if j := strings.Index(rest, ", "); j > 0 && j <= 3 && strings.Trim(rest[:j], "0123456789") == "" {
		rest = rest[j+2:]
	}
	var clause string
	switch {
	case strings.HasPrefix(rest, "who "):
		clause = rest[len("who "):]
	case strings.HasPrefix(rest, "a "), strings.HasPrefix(rest, "an "), strings.HasPrefix(rest, "the "):
		clause = rest
	default:
		return ""
	}
	if j := strings.IndexAny(clause, ",;:.!?\"“”‘«»—("); j >= 0 {
		clause = clause[:j]
	}
	for _, stop := range []string{" said", " says", " told", " added", " and "} {
		if j := strings.Index(clause, stop); j >= 0 {
			clause = clause[:j]
		}
	}
	clause = strings.TrimSpace(clause)
	if n := len(strings.Fields(clause)); n < 2 || n > 14 {
		return ""
	}
	return clause
}
