package quote

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"summitbot/corpus"
	"summitbot/internal/devdata"
	"testing"
)

// goldLine is one line of a gold quote file.
type goldLine struct {
	speaker, quote, sureness, desc string
}

func readGold(t *testing.T, path string) []goldLine {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read gold %s: %v", path, err)
	}
	var out []goldLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		g := goldLine{speaker: f[0]}
		if len(f) > 1 {
			g.quote = f[1]
		}
		if len(f) > 2 {
			g.sureness = f[2]
		}
		if len(f) > 3 {
			g.desc = f[3]
		}
		out = append(out, g)
	}
	return out
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// goldScore counts how the quotes found compare with the gold.
type goldScore struct {
	goldQuotes, found, foundTotal, falsePos, speakerRight int
}

func (s goldScore) recall() float64 { return ratio(s.found, s.goldQuotes) }
func (s goldScore) precision() float64 {
	return ratio(s.foundTotal-s.falsePos, s.foundTotal)
}
func (s goldScore) speakerAccuracy() float64 { return ratio(s.speakerRight, s.found) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestGoldFiction compares the quotes and speakers found in the four
// fictional articles, linked together, with their gold files.
func TestGoldFiction(t *testing.T) {
	dir := devdata.FictionDir(t)
	names := []string{"a1", "a2", "a3", "a4"}
	var articles []*Article
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join(dir, n+".md"))
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, Parse(n+".md", data))
	}
	speakers := Link(articles)
	var total goldScore
	for i, n := range names {
		gold := readGold(t, filepath.Join(dir, n+".tsv"))
		t.Run(n, func(t *testing.T) {
			s := scoreArticle(t, articles[i], gold)
			t.Logf("%s: recall %.2f precision %.2f speaker accuracy %.2f", n, s.recall(), s.precision(), s.speakerAccuracy())
			total.goldQuotes += s.goldQuotes
			total.found += s.found
			total.foundTotal += s.foundTotal
			total.falsePos += s.falsePos
			total.speakerRight += s.speakerRight
		})
	}
	for _, sp := range speakers {
		t.Logf("speaker %q kind=%d desc=%q affil=%q aliases=%q quotes=%d", sp.Name, sp.Kind, sp.Description, sp.Affiliation, sp.Aliases, sp.Quotes)
	}
	t.Logf("fiction overall: quote recall %.3f, quote precision %.3f, speaker accuracy %.3f (%d gold quotes, %d found, %d returned, %d false)",
		total.recall(), total.precision(), total.speakerAccuracy(), total.goldQuotes, total.found, total.foundTotal, total.falsePos)
	if total.recall() < 0.95 {
		t.Errorf("quote recall %.3f below 0.95", total.recall())
	}
	if total.speakerAccuracy() < 0.95 {
		t.Errorf("speaker accuracy %.3f below 0.95", total.speakerAccuracy())
	}
	if total.precision() < 0.95 {
		t.Errorf("quote precision %.3f below 0.95", total.precision())
	}
}

// quoteFinder finds a gold quote's text among the article's quotes not yet
// used (white space folded), or -1.
func quoteFinder(a *Article, used []bool) func(text string) int {
	return func(text string) int {
		want := normSpace(text)
		for i, q := range a.Quotes {
			if !used[i] && normSpace(q.Text) == want {
				return i
			}
		}
		return -1
	}
}

func scoreArticle(t *testing.T, a *Article, gold []goldLine) goldScore {
	t.Helper()
	var s goldScore
	used := make([]bool, len(a.Quotes))
	s.foundTotal = len(a.Quotes)
	find := quoteFinder(a, used)
	for _, g := range gold {
		i := find(g.quote)
		if g.speaker == "NONE" {
			if i >= 0 {
				used[i] = true
				s.falsePos++
				t.Logf("scare quote returned as a quote: %q (speaker %q)", g.quote, a.Quotes[i].Speaker)
			}
			continue
		}
		s.goldQuotes++
		if i < 0 {
			t.Logf("missed quote: %q (%s)", g.quote, g.speaker)
			continue
		}
		used[i] = true
		s.found++
		q := a.Quotes[i]
		right := false
		switch g.speaker {
		case "UNKNOWN":
			right = q.Kind == Unnamed && q.Speaker == ""
		default:
			right = q.Speaker == g.speaker && q.Kind != Unnamed
		}
		if right {
			s.speakerRight++
		} else {
			t.Logf("wrong speaker for %q: got %q (kind %d, desc %q, conf %.2f), want %s", g.quote, q.Speaker, q.Kind, q.Description, q.Confidence, g.speaker)
		}
		if g.sureness == "ambiguous" && q.Confidence >= UncertainBelow {
			t.Logf("ambiguous attribution of %q has confidence %.2f, not below %.2f", g.quote, q.Confidence, UncertainBelow)
		}
	}
	for i, q := range a.Quotes {
		if !used[i] {
			s.falsePos++
			t.Logf("extra quote: %q (speaker %q)", q.Text, q.Speaker)
		}
	}
	return s
}

// TestGoldSeed checks the who-said lines of the seed's dev set: the quote
// holding the fragment must be attributed to the expected surname.
func TestGoldSeed(t *testing.T) {
	data := devdata.Read(t, "eval", "seed-dev.tsv")
	a := Parse(corpus.SeedFile, corpus.Seed())
	Link([]*Article{a})
	for _, q := range a.Quotes {
		t.Logf("¶%d %q -> %q (kind %d, desc %q, affil %q, conf %.2f)", q.Paragraph, q.Text, q.Speaker, q.Kind, q.Description, q.Affiliation, q.Confidence)
	}
	right, total := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 4 || f[0] != "who-said" {
			continue
		}
		expected, fragment := f[2], f[3]
		total++
		var got *Quote
		for i := range a.Quotes {
			if strings.Contains(strings.ToLower(a.Quotes[i].Text), strings.ToLower(fragment)) {
				got = &a.Quotes[i]
				break
			}
		}
		switch {
		case got == nil:
			t.Logf("no quote holds %q", fragment)
		case !surnameStarts(got.Speaker, expected):
			t.Logf("%q: speaker %q, want %s…", fragment, got.Speaker, expected)
		default:
			right++
		}
	}
	acc := ratio(right, total)
	t.Logf("seed who-said: %d of %d right (%.3f)", right, total, acc)
	if acc < 0.95 {
		t.Errorf("seed speaker accuracy %.3f below 0.95", acc)
	}
}

func surnameStarts(name, prefix string) bool {
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(strings.ToLower(w), strings.ToLower(prefix)) {
			return true
		}
	}
	return false
}
