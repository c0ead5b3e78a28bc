package index

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"

	"summitbot/answer"
	"summitbot/internal/devdata"
)

// devFiles are the dev articles: the seed article and the fiction.
func devFiles(t *testing.T) map[string][]byte {
	t.Helper()
	files := devdata.FictionFiles(t)
	files["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	return files
}

// TestWhoSaidMisremembered runs testdata/whosaid_misremembered.tsv: a
// half-remembered phrase still finds its quote (Match close), exact
// phrases match exactly, and words nobody is quoted saying find nothing.
func TestWhoSaidMisremembered(t *testing.T) {
	e, _ := openEngine(t, devFiles(t))
	data := devdata.Read(t, "..", "index", "testdata", "whosaid_misremembered.tsv")
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			t.Fatalf("line %d: want 4 fields, got %q", n, line)
		}
		reason, phrase, speaker, match := f[0], f[1], f[2], f[3]
		t.Run(reason+"/"+phrase, func(t *testing.T) {
			ans, err := e.WhoSaid(context.Background(), phrase, 3)
			if err != nil {
				t.Fatal(err)
			}
			if speaker == "-" {
				if ans.Found || ans.Match != "" {
					t.Fatalf("found %q by %s, want not found", ans.Results[0].Quote, ans.Results[0].Speaker)
				}
				if len(ans.Closest) > 3 {
					t.Errorf("%d closest quotes, want at most 3", len(ans.Closest))
				}
				return
			}
			if !ans.Found || len(ans.Results) == 0 {
				t.Fatalf("not found (%s), want %s; closest %v", ans.Note, speaker, ans.Closest)
			}
			r := ans.Results[0]
			if !strings.Contains(strings.ToLower(r.Speaker+" "+r.Description), strings.ToLower(speaker)) {
				t.Errorf("got %s (%s): %q, want %s", r.Speaker, r.Description, r.Quote, speaker)
			}
			if ans.Match != match {
				t.Errorf("match %q, want %q", ans.Match, match)
			}
			if ans.Match == answer.MatchClose && (!strings.Contains(ans.Note, "closest quote") || r.Quote == "" || len(r.Terms) == 0) {
				t.Errorf("a close match says \"closest quote\" and shows the quote's own words: note %q, quote %q, terms %v", ans.Note, r.Quote, r.Terms)
			}
		})
	}
}

// TestFindSourceChattyMessage finds the quotation inside a chatty message.
func TestFindSourceChattyMessage(t *testing.T) {
	e, _ := openEngine(t, devFiles(t))
	for _, tc := range []struct {
		name, message, speaker, match string
	}{
		{"quotation marks", `lol did he really say "We'll speak to you very soon and probably see you again very soon"?`, "Trump", answer.MatchExact},
		{"curly quotes, misremembered", "wait, Zoltanov said “we haven't reached a deal today but we understand each other much better” ??", "Zoltanov", answer.MatchClose},
		{"no quotation marks", "omg the fish was better than the negotiations lmao", "Zoltanov", answer.MatchExact},
		{"longest stretch", "so apparently, there is no secret annex and no hidden concessions. yeah right", "Halloran", answer.MatchClose},
		{"chatter without punctuation", "honestly crazy that he said nobody in sennick should expect the grain ships to sail on monday like seriously", "Halloran", answer.MatchClose},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := e.FindSource(context.Background(), tc.message, 3)
			if err != nil {
				t.Fatal(err)
			}
			if !ans.Found || len(ans.Results) == 0 {
				t.Fatalf("not found: %s", ans.Note)
			}
			if r := ans.Results[0]; !strings.Contains(r.Speaker, tc.speaker) {
				t.Errorf("got %s: %q, want %s", r.Speaker, r.Quote, tc.speaker)
			}
			if ans.Match != tc.match {
				t.Errorf("match %q, want %q", ans.Match, tc.match)
			}
		})
	}
}

func TestQuotedPart(t *testing.T) {
	for _, tc := range []struct{ name, msg, want string }{
		{"double quotes", `lol did he say "no deal until there's a deal"?`, "no deal until there's a deal"},
		{"single quotes", `he said 'we are counting on America' right`, "we are counting on America"},
		{"apostrophes only", "he didn't say that, did he", ""},
		{"one word quoted", `the "deal" was off`, ""},
		{"longest of two", `"very productive" and "there's no deal until there's a deal"`, "there's no deal until there's a deal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := quotedPart(cleanInput(tc.msg)); got != tc.want {
				t.Errorf("quotedPart(%q) = %q, want %q", tc.msg, got, tc.want)
			}
		})
	}
}
