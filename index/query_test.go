package index

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestQuotesBySpeaker(t *testing.T) {
	e, _ := openEngine(t, fictionFiles(t))
	ctx := context.Background()
	cases := []struct {
		query, want string
	}{
		{"Oriel Vantberg", "Oriel Vantberg"},
		{"vantberg", "Oriel Vantberg"},
		{"VANTBERG", "Oriel Vantberg"},
		{"Zoltanow", "Teodor Zoltanov"},    // a spelling the articles use
		{"zoltanof", "Teodor Zoltanov"},    // a typo
		{"Halvard Kvist", "Halvard Quist"}, // an alias
		{"sorell", "Ana Sorell"},
	}
	for _, tc := range cases {
		t.Run(tc.query, func(t *testing.T) {
			ans, err := e.Quotes(ctx, tc.query, 5)
			if err != nil {
				t.Fatal(err)
			}
			if !ans.Found {
				t.Fatalf("not found: %s", ans.Note)
			}
			for _, r := range ans.Results {
				if r.Speaker != tc.want {
					t.Errorf("quote by %q, want %q: %s", r.Speaker, tc.want, r.Quote)
				}
			}
		})
	}
	ans, err := e.Quotes(ctx, "Nobody Atall", 5)
	if err != nil || ans.Found {
		t.Errorf("unknown speaker: %v %+v", err, ans)
	}
}

func TestQuotesAccentInsensitive(t *testing.T) {
	e, _ := openEngine(t, nil)
	for _, q := range []string{"Lipavský", "lipavsky", "Jan Lipavsky"} {
		ans, err := e.Quotes(context.Background(), q, 3)
		if err != nil || !ans.Found || !strings.Contains(ans.Results[0].Speaker, "Lipavsk") {
			t.Errorf("%q: %v %+v", q, err, ans)
		}
	}
}

func TestWhoSaidDetails(t *testing.T) {
	e, _ := openEngine(t, fictionFiles(t))
	ctx := context.Background()
	t.Run("terms mark the phrase", func(t *testing.T) {
		ans, _ := e.WhoSaid(ctx, `“next time in taldris”`, 3)
		if !ans.Found || len(ans.Results[0].Terms) == 0 || !strings.EqualFold(ans.Results[0].Terms[0], "Next time, in Taldris") {
			t.Errorf("%+v", ans.Results)
		}
	})
	t.Run("typo terms are the words as written", func(t *testing.T) {
		ans, _ := e.WhoSaid(ctx, "no bread on the shelfs", 3)
		if !ans.Found || !contains(ans.Results[0].Terms, "shelves") {
			t.Errorf("%+v", ans.Results)
		}
	})
	t.Run("miss gives closest quotes", func(t *testing.T) {
		ans, _ := e.WhoSaid(ctx, "the strait is open for business", 3)
		if ans.Found {
			t.Fatalf("found %+v", ans.Results)
		}
		if len(ans.Closest) == 0 || len(ans.Closest) > 3 || ans.Note == "" {
			t.Errorf("closest %+v note %q", ans.Closest, ans.Note)
		}
	})
	t.Run("scare quotes are not found", func(t *testing.T) {
		ans, _ := e.WhoSaid(ctx, "Port Aldren format", 3)
		if ans.Found {
			t.Errorf("found %+v", ans.Results)
		}
		if !strings.Contains(ans.Note, "not in a quote") {
			t.Errorf("note %q", ans.Note)
		}
	})
	t.Run("unnamed speaker keeps the description", func(t *testing.T) {
		ans, _ := e.WhoSaid(ctx, "my boat is still tied up", 3)
		if !ans.Found || ans.Results[0].Speaker != "" || !strings.Contains(ans.Results[0].Description, "fisherman") {
			t.Errorf("%+v", ans.Results)
		}
	})
}

// TestWhoSaidEveryWord: every word of the phrase, stop words included, must
// be in one quote; typos are forgiven only in longer words.
func TestWhoSaidEveryWord(t *testing.T) {
	files := map[string][]byte{
		"one.md": []byte("---\ntitle: One\noutlet: Wire A\n---\nGerman Chancellor Friedrich Merz spoke in Berlin.\n\n" +
			"\"The path to peace in Ukraine cannot be decided without Ukraine,\" Merz said. \"We need a ceasefire and a real deal.\"\n"),
	}
	e, _ := openEngine(t, files)
	ctx := context.Background()
	cases := []struct {
		name, phrase string
		found        bool
	}{
		{"stop words must be there too", "up to Ukraine", false},
		{"all words, other order", "without Ukraine cannot be decided", true},
		{"another form of a word", "decide without Ukraine", true},
		{"a typo in a long word", "a ceasfire", true},
		{"no typo in a short word", "a real deel", false},
		{"a missing word is a miss", "the path to peace in Europe", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := e.WhoSaid(ctx, tc.phrase, 3)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Found != tc.found {
				t.Errorf("%q: found %v, want %v (%+v)", tc.phrase, ans.Found, tc.found, ans.Results)
			}
		})
	}
}

// TestWhoSaidRanking: a confident attribution of the whole sentence comes
// before an uncertain partial quote of the same words.
func TestWhoSaidRanking(t *testing.T) {
	files := map[string][]byte{
		"a.md": []byte("---\ntitle: A\noutlet: Wire A\n---\nUS President Donald Trump met Russian President Vladimir Putin in Alaska.\n\n" +
			"He said Europe should not \"throw a wrench in the works\".\n"),
		"b.md": []byte("---\ntitle: B\noutlet: Wire B\n---\nRussian President Vladimir Putin spoke after the talks.\n\n" +
			"\"We hope that nobody will throw a wrench in the works of this progress,\" Putin said.\n"),
	}
	e, _ := openEngine(t, files)
	ans, err := e.WhoSaid(context.Background(), "wrench in the works", 3)
	if err != nil || !ans.Found {
		t.Fatalf("%v %+v", err, ans)
	}
	if len(ans.Results) != 2 {
		t.Fatalf("want both quotes, got %+v", ans.Results)
	}
	if r := ans.Results[0]; r.Uncertain || r.Speaker != "Vladimir Putin" || !strings.Contains(r.Quote, "nobody will throw") {
		t.Errorf("first result %+v, want Putin's whole sentence", r)
	}
	if !ans.Results[1].Uncertain {
		t.Errorf("second result %+v should be marked uncertain", ans.Results[1])
	}
}

// TestAskQuestionFocus: the paragraph that answers what the question asks
// (its verb, a place for "where") beats paragraphs that only repeat its
// setting.
func TestAskQuestionFocus(t *testing.T) {
	body := "---\ntitle: Focus\noutlet: Wire\n---\n" +
		"Lavrov spoke to reporters at the White House on Monday, and the White House said Lavrov would return to the White House.\n\n" +
		"Lavrov wore a sweatshirt with the letters USSR.\n\n" +
		"The meeting ran long, the meeting was tense and the meeting ended late.\n\n" +
		"Rubio, Witkoff and Vance attended.\n\n" +
		"The leaders met in Anchorage on Friday.\n\n" +
		"The leaders said they would meet again and that meeting often was good.\n\n" +
		"Russian President Vladimir Putin travelled to Alaska, where Putin and Trump discussed Ukraine and Putin's plans for Ukraine.\n\n" +
		"\u201cKyiv must accept reality,\u201d Putin said.\n"
	e, _ := openEngine(t, map[string][]byte{"f.md": []byte(body)})
	cases := []struct{ question, want string }{
		{"what did Lavrov wear at the White House", "sweatshirt"},
		{"what did Putin say about Ukraine", "Kyiv must accept reality"},
		{"who attended the meeting", "Vance attended"},
		{"where did the leaders meet", "Anchorage"},
	}
	for _, tc := range cases {
		t.Run(tc.question, func(t *testing.T) {
			ans, err := e.Ask(context.Background(), tc.question, 3)
			if err != nil || !ans.Found {
				t.Fatalf("%v %+v", err, ans)
			}
			if !strings.Contains(ans.Results[0].Text, tc.want) {
				t.Errorf("first answer %q, want the one with %q:\n%s", ans.Results[0].Text, tc.want, describe(ans.Results))
			}
		})
	}
}

func TestSameStatementMerged(t *testing.T) {
	a := []byte("---\ntitle: One\noutlet: Wire A\nurl: https://example.org/one\n---\n" +
		"Chancellor Oriel Vantberg spoke in Sennick on Friday.\n\n" +
		"\"Nothing is settled until the strait is open,\" Vantberg said.\n")
	b := []byte("---\ntitle: Two\noutlet: Wire B\nurl: https://example.org/two\n---\n" +
		"Chancellor Oriel Vantberg spoke to reporters on Friday.\n\n" +
		"\"Nothing is settled until the strait is open,\" Vantberg told them.\n")
	e, _ := openEngine(t, map[string][]byte{"one.md": a, "two.md": b})
	ans, err := e.WhoSaid(context.Background(), "nothing is settled", 3)
	if err != nil || !ans.Found {
		t.Fatalf("%v %+v", err, ans)
	}
	if len(ans.Results) != 1 || len(ans.Results[0].AlsoReportedBy) != 1 {
		t.Fatalf("want one result reported by two outlets, got %+v", ans.Results)
	}
}

func TestFindSource(t *testing.T) {
	e, _ := openEngine(t, nil)
	ctx := context.Background()
	cases := []struct {
		name, text, speaker, frag string
	}{
		{"discord quote of a quote", "> **There's no deal until there's a deal**", "Trump", "no deal until"},
		{"plain paragraph words", "held at Joint Base Elmendorf-Richardson in Anchorage", "", "Elmendorf"},
		{"paraphrase", "Putin arrest warrant International Criminal Court war crimes", "", "arrest warrant"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := e.FindSource(ctx, tc.text, 3)
			if err != nil || !ans.Found {
				t.Fatalf("%v %+v", err, ans)
			}
			r := ans.Results[0]
			if !strings.Contains(r.Text, tc.frag) || tc.speaker != "" && !strings.Contains(r.Speaker, tc.speaker) {
				t.Errorf("got %+v", r)
			}
		})
	}
}

// TestReactionsWhoSpeaks: a group's reactions are its own people's
// statements and the paragraphs where it reacts, not other sides' quotes
// that mention it, nor a bloc member's leader speaking of something else.
func TestReactionsWhoSpeaks(t *testing.T) {
	body := "---\ntitle: Reactions\noutlet: Wire\n---\n" +
		"US President Donald Trump said the United States would help. \"Britain and France will lead, and the United States will coordinate,\" Trump said.\n\n" +
		"British Prime Minister Keir Starmer welcomed the talks. \"This is a real step forward,\" Starmer said.\n\n" +
		"Russian President Vladimir Putin warned Kyiv not to \"throw a wrench in the works\", saying Ukraine must accept reality.\n\n" +
		"Ukrainian President Volodymyr Zelensky said Ukraine would not give up land. \"We need a real peace, not a pause,\" Zelensky said.\n\n" +
		"NATO Secretary-General Mark Rutte said allies were ready. \"Guarantees must be credible,\" Rutte said.\n\n" +
		"German Chancellor Friedrich Merz pressed for a ceasefire. \"I can't imagine the next meeting without a ceasefire,\" Merz said.\n"
	e, _ := openEngine(t, map[string][]byte{"r.md": []byte(body)})
	ctx := context.Background()
	cases := []struct {
		group, first string
		not          []string // speakers that must not be shown in the top 3
	}{
		{"united kingdom", "Keir Starmer", []string{"Donald Trump"}},
		{"britain", "Keir Starmer", []string{"Donald Trump"}},
		{"nato", "Mark Rutte", []string{"Donald Trump", "Friedrich Merz", "Keir Starmer"}},
		{"ukraine", "Volodymyr Zelensky", []string{"Vladimir Putin"}},
		{"kyiv", "Volodymyr Zelensky", []string{"Vladimir Putin"}},
	}
	for _, tc := range cases {
		t.Run(tc.group, func(t *testing.T) {
			ans, err := e.Reactions(ctx, tc.group, 3)
			if err != nil || !ans.Found {
				t.Fatalf("%v %+v", err, ans)
			}
			if ans.Results[0].Speaker != tc.first {
				t.Errorf("first result by %q, want %q:\n%s", ans.Results[0].Speaker, tc.first, describe(ans.Results))
			}
			for _, r := range ans.Results {
				for _, n := range tc.not {
					if r.Speaker == n {
						t.Errorf("%s shown as reacting for %s:\n%s", n, tc.group, describe(ans.Results))
					}
				}
				if strings.HasSuffix(r.Quote, ",") || strings.Contains(r.Quote, ", …") {
					t.Errorf("quote shown with the comma before its attribution: %q", r.Quote)
				}
			}
		})
	}
}

func TestReactionsNotes(t *testing.T) {
	e, _ := openEngine(t, fictionFiles(t))
	ctx := context.Background()
	cases := []struct {
		group, note string
		found       bool
	}{
		{"fishermen", "not a known group", true},
		{"Norvala", "not in the group table", true},
		{"Russia", "", false},
		// A camp of the table (groupdata/camps.tsv): no note.
		{"the opposition", "", true},
	}
	for _, tc := range cases {
		t.Run(tc.group, func(t *testing.T) {
			ans, err := e.Reactions(ctx, tc.group, 3)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Found != tc.found || tc.note != "" && !strings.Contains(ans.Note, tc.note) {
				t.Errorf("found %v note %q", ans.Found, ans.Note)
			}
			if len(ans.Results) > 3 {
				t.Errorf("%d results for limit 3", len(ans.Results))
			}
		})
	}
}

func TestComplete(t *testing.T) {
	e, _ := openEngine(t, fictionFiles(t))
	cases := []struct {
		name   string
		f      func(string, int) []string
		prefix string
		want   string
	}{
		{"phrase start", e.CompletePhrase, "nothing is set", "Nothing is settled until the strait is open."},
		{"phrase inside", e.CompletePhrase, "sheet of pa", "not a sheet of paper"},
		{"phrase curly", e.CompletePhrase, "vestrians can’t", "Vestrians can't eat a telephone line"},
		{"group from speakers", e.CompleteGroup, "norv", "Norvalan"},
		{"group from table", e.CompleteGroup, "eur", "Europe"},
		{"speaker surname", e.CompleteSpeaker, "vant", "Oriel Vantberg"},
		{"speaker accent", e.CompleteSpeaker, "ZOLT", "Teodor Zoltanov"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.f(tc.prefix, 25)
			ok := false
			for _, s := range got {
				if strings.Contains(s, tc.want) {
					ok = true
				}
				if len(s) > maxSuggestion || !utf8.ValidString(s) {
					t.Errorf("bad suggestion %q", s)
				}
			}
			if !ok {
				t.Errorf("%q: %q not among %q", tc.prefix, tc.want, got)
			}
			if len(got) > 25 {
				t.Errorf("%d suggestions", len(got))
			}
		})
	}
	if got := e.CompletePhrase("", 5); len(got) != 5 {
		t.Errorf("empty prefix: %q", got)
	}
	if got := e.CompleteSpeaker("qqqq", 5); len(got) != 0 {
		t.Errorf("no match: %q", got)
	}
	// Long quotes are cut at a word with an ellipsis.
	for _, s := range e.CompletePhrase("", 25) {
		if len(s) > maxSuggestion {
			t.Errorf("suggestion of %d bytes", len(s))
		}
	}
	start := time.Now()
	for i := 0; i < 1000; i++ {
		e.CompletePhrase(fmt.Sprintf("we %c", 'a'+i%26), 25)
	}
	if per := time.Since(start) / 1000; per > time.Millisecond {
		t.Errorf("CompletePhrase takes %v", per)
	}
}

func TestCutText(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 12, "one two…"},
		{"ééééé", 7, "éé…"},
	}
	for _, tc := range cases {
		if got := cutText(tc.in, tc.max); got != tc.want || len(got) > tc.max {
			t.Errorf("cutText(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

func TestPlaceMatch(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"norvala", "norvalan", true},
		{"istrel", "istrelian", true},
		{"ukraine", "ukrainian", true},
		{"vestria", "vestrians", true},
		{"president", "presidential", false},
		{"china", "chinese", false}, // too short a stem: the table has it
		{"opposition", "opposite", false},
	}
	for _, tc := range cases {
		if got := placeMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("placeMatch(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

func TestGroupTable(t *testing.T) {
	gt, err := loadGroups()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		term, group string
		ancestor    string
	}{
		{"czech", "czechia", "europe"},
		{"kremlin", "russia", ""},
		{"white house", "us", "nato"},
		{"zelenskyy", "person:volodymyr zelensky", "ukraine"},
		{"von der leyen", "person:ursula von der leyen", "europe"},
	}
	for _, tc := range cases {
		gs := gt.byTerm[tc.term]
		if len(gs) == 0 || gs[0].id != tc.group {
			t.Errorf("%q: %v", tc.term, gs)
			continue
		}
		if tc.ancestor != "" {
			if _, ok := gt.ancestors[tc.group][tc.ancestor]; !ok {
				t.Errorf("%s not in %s", tc.group, tc.ancestor)
			}
		}
	}
	if _, ok := gt.ancestors["ukraine"]["europe"]; ok {
		t.Error("Ukraine counted in Europe's reactions")
	}
	if p := gt.matchPerson("Volodymyr Zelenskiy"); p == nil || p.group != "ukraine" {
		t.Errorf("Zelenskiy: %+v", p)
	}
	if p := gt.matchPerson("Luis Costa"); p != nil {
		t.Errorf("Luis Costa matched %s", p.name)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// TestAskSectionContext: a paragraph under a heading that names what is
// asked about answers, though it only says "he".
func TestAskSectionContext(t *testing.T) {
	body := "---\ntitle: Sections\noutlet: Wire\n---\n" +
		"The summit in Anchorage ended without a ceasefire.\n\n" +
		"## Zelenskyy's reaction\n\n" +
		"He told reporters in Kyiv the meeting had been a betrayal and called for more sanctions.\n\n" +
		"## Markets\n\n" +
		"Oil prices rose slightly on Monday.\n"
	e, _ := openEngine(t, map[string][]byte{"s.md": []byte(body)})
	ans, err := e.Ask(context.Background(), "how did Zelenskyy react", 3)
	if err != nil || !ans.Found {
		t.Fatalf("%v %+v", err, ans)
	}
	if !strings.Contains(ans.Results[0].Text, "betrayal") {
		t.Errorf("first answer %q, want the paragraph under the reaction heading:\n%s", ans.Results[0].Text, describe(ans.Results))
	}
}
