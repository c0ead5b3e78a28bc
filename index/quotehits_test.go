package index

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMayHold(t *testing.T) {
	cases := []struct {
		name, text, term string
		want             bool
	}{
		{"present", "There's no Deal yet", "deal", true},
		{"absent", "There's no agreement yet", "deal", false},
		{"typographic punctuation only", "“No deal,” he said — twice…", "deal", true},
		{"typographic punctuation, absent", "“No pact,” he said — twice…", "deal", false},
		{"accented text could fold to it", "Zelenský spoke", "zelensky", true},
		{"accented text, other word", "Zelenský spoke", "deal", true},
		{"term with apostrophe is not ruled out", "nothing", "can't", true},
		{"short term is not ruled out", "nothing", "no", true},
		{"digits", "within 24 hours", "24", true},
		{"digits absent", "within a day", "240", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := mayHold(tc.text, tc.term); got != tc.want {
				t.Errorf("mayHold(%q, %q) = %v, want %v", tc.text, tc.term, got, tc.want)
			}
		})
	}
}

// TestMayHoldNeverRulesOutAMatch: whenever the exact analyzer finds a
// term in a text, mayHold must say it may be there.
func TestMayHoldNeverRulesOutAMatch(t *testing.T) {
	e, _ := openEngine(t, map[string][]byte{"a.md": []byte("---\ntitle: T\n---\nText.\n")})
	texts := []string{
		"There’s no deal until there’s a deal",
		"Zelenskyy and Zelenský met in Kyiv; „Ja“, sagte Müller.",
		"THE U.S. SAID NO — «non», dit-il… ﬁnal offer, ２４ hours",
		"e\u0301lan and café, naïve coöperation",
	}
	for _, text := range texts {
		for _, tok := range analyze(e.an.exact, text) {
			if !mayHold(text, tok.term) {
				t.Errorf("mayHold(%q, %q) = false, but the analyzer finds it", text, tok.term)
			}
		}
		for _, tok := range analyze(e.an.main, text) {
			if len(tok.term) >= 4 && !mayHold(text, tok.term[:len(tok.term)-1]) {
				t.Errorf("mayHold(%q, stem prefix %q) = false, but the analyzer finds the stem", text, tok.term[:len(tok.term)-1])
			}
		}
	}
}

func TestPhraseIndexFind(t *testing.T) {
	body := "---\ntitle: Find\noutlet: Wire\n---\n" +
		"“There’s no deal until there’s a deal,” Trump said.\n\n" +
		"“We are far from a deal,” Putin said.\n\n" +
		"“No deal was made,” Rubio said.\n"
	e, _ := openEngine(t, map[string][]byte{"f.md": []byte(body)})
	s, done, err := e.view()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	cases := []struct {
		name   string
		phrase string
		want   []string // speakers of the entries found, in any order
	}{
		{"two words", "no deal", []string{"Trump", "Rubio"}},
		{"curly apostrophe typed straight", "there's a deal", []string{"Trump"}},
		{"order matters", "deal no", nil},
		{"unknown word", "no treaty", nil},
		{"stop words only", "we are", []string{"Putin"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			raw := splitWords(cleanInput(tc.phrase), maxQueryWords)
			var want []string
			for _, w := range raw {
				ws, _ := wordSpans(w.text)
				want = append(want, ws...)
			}
			var got []string
			for _, id := range s.phrases.find(want, 10) {
				for _, r := range s.phrases.refs[id] {
					got = append(got, r.q().Speaker)
				}
			}
			if strings.Join(sorted(got), ",") != strings.Join(sorted(tc.want), ",") {
				t.Errorf("find(%q) speakers %v, want %v", tc.phrase, got, tc.want)
			}
		})
	}
	ans, err := e.WhoSaid(context.Background(), "no deal", 3)
	if err != nil || !ans.Found || len(ans.Results) != 2 {
		t.Fatalf("who-said no deal: %v %+v", err, ans)
	}
	for _, r := range ans.Results {
		if len(r.Terms) != 1 || !strings.EqualFold(r.Terms[0], "no deal") {
			t.Errorf("%s: terms %q, want the phrase as written", r.Speaker, r.Terms)
		}
	}
}

func sorted(ss []string) []string {
	c := append([]string(nil), ss...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return c
}

// TestStemOfMatchesTheMainAnalyzer: stems found through the exact tokens
// (analyzeText) are those the main analyzer gives the same text.
func TestStemOfMatchesTheMainAnalyzer(t *testing.T) {
	e, _ := openEngine(t, map[string][]byte{"a.md": []byte("---\ntitle: T\n---\nText.\n")})
	texts := []string{
		"Zelenskyy’s aides said the U.S. wasn't ready; Putin's envoy, Kirill Dmitriev, called it “very productive”.",
		"The leaders' talks ran for 2½ hours at Joint Base Elmendorf–Richardson, e-mail and co-operation aside.",
		"Müller, Łukasz and Ørsted’s 24-hour ceasefire — naïve? «Non», dit-il. ﬁnal offers; ２４ hours; it's theirs.",
		"There’s no deal until there’s a deal, we’ll see, they're going, James's and Jesus’ friends' houses.",
	}
	entries, err := os.ReadDir(realisticArticles)
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range entries {
		data, err := os.ReadFile(filepath.Join(realisticArticles, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(data), "\n\n")...)
	}
	for _, text := range texts {
		pt := e.analyzeText(text, true)
		want := map[int]string{}
		for _, tok := range analyze(e.an.main, text) {
			want[tok.pos] = tok.term
		}
		for _, tok := range pt.ex {
			if got := pt.stem(tok); got != want[tok.pos] {
				t.Errorf("%q: stem of %q = %q, the main analyzer says %q", text, tok.term, got, want[tok.pos])
			}
		}
	}
}
