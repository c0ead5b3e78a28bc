package bot

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"summitbot/bot/internal/fakediscord"
	"summitbot/index"
	"summitbot/internal/devdata"
)

// openRealEngine opens the real engine over the default article (Open
// seeds it into the empty corpus folder).
func openRealEngine(t *testing.T) *index.Engine {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	eng, err := index.Open(ctx, index.Options{IndexDir: t.TempDir(), CorpusDir: t.TempDir()})
	if err != nil {
		t.Fatalf("open the real engine: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	return eng
}

// TestEndToEndRealEngine drives a real discordgo session through Serve,
// a fake Discord and the real engine over the default article.
func TestEndToEndRealEngine(t *testing.T) {
	t.Parallel()
	eng := openRealEngine(t)
	s := startServe(t, Config{GuildIDs: []string{"11"}}, eng)

	tests := []struct {
		name   string
		in     map[string]any
		eph    bool
		author string // first embed's author, when set
		want   string // in some embed's text (Markdown removed), when set
	}{
		{"who-said", fakediscord.Slash("11", "who-said", [2]string{"phrase", "no deal"}), false, "Donald Trump", "no deal until there"},
		{"who-said, nobody said it", fakediscord.Slash("11", "who-said", [2]string{"phrase", "make america great again"}), true, "", ""},
		{"reactions", fakediscord.Slash("11", "reactions", [2]string{"group", "europe"}), false, "", ""},
		{"ask", fakediscord.Slash("11", "ask", [2]string{"question", "where was the summit held"}), false, "", "Joint Base Elmendorf-Richardson"},
		{"quotes", fakediscord.Slash("11", "quotes", [2]string{"speaker", "Putin"}), false, "Vladimir Putin", ""},
		{"sources", fakediscord.Slash("11", "sources"), false, "", "paragraphs"},
		{"find source", fakediscord.MessageCommand("11", "Find source", "There's no deal until there's a deal"), false, "Donald Trump", "no deal until there"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := s.send(t, tc.in, nil)[0]
			m := r.Message
			if r.Type != 4 || m.Ephemeral() != tc.eph {
				t.Fatalf("type %d ephemeral %v, want 4 and %v: %s", r.Type, m.Ephemeral(), tc.eph, r.Raw)
			}
			if !tc.eph && len(m.Embeds) == 0 {
				t.Fatalf("an answer without embeds: %s", r.Raw)
			}
			if tc.author != "" && m.Embeds[0].AuthorName() != tc.author {
				t.Errorf("author %q, want %q", m.Embeds[0].AuthorName(), tc.author)
			}
			if tc.want != "" {
				var all []string
				for _, e := range m.Embeds {
					all = append(all, plain(e.Description))
				}
				if !strings.Contains(strings.Join(all, "\n"), tc.want) {
					t.Errorf("%q not in %q", tc.want, all)
				}
			}
		})
	}
	t.Run("paging", func(t *testing.T) {
		r := s.send(t, fakediscord.Slash("11", "quotes", [2]string{"speaker", "Putin"}), nil)[0]
		more, ok := r.Message.Button("More")
		if !ok {
			t.Fatalf("Putin has more than 3 quotes in the default article, but no More button: %s", r.Raw)
		}
		p := s.send(t, fakediscord.Press("11", "42", "500", more.CustomID), nil)[0]
		if p.Type != 7 || len(p.Message.Embeds) == 0 || p.Message.Embeds[0].Description == r.Message.Embeds[0].Description {
			t.Errorf("page 2: %s", p.Raw)
		}
		if _, ok := p.Message.Button("Back"); !ok {
			t.Errorf("page 2 without Back: %s", p.Raw)
		}
	})
	t.Run("autocomplete", func(t *testing.T) {
		for _, c := range [][3]string{{"who-said", "phrase", "no deal"}, {"reactions", "group", "eu"}, {"quotes", "speaker", "pu"}} {
			r := s.send(t, fakediscord.Autocomplete("11", c[0], c[1], c[2]), nil)[0]
			if r.Type != 8 || len(r.Choices) == 0 {
				t.Errorf("%s %q: type %d, %d choices", c[0], c[2], r.Type, len(r.Choices))
			}
		}
	})
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("the bot broke Discord's rules: %v", v)
	}
}

// TestHTTPAgreesWithEngine sends every who-said query of the development
// set through the signed HTTP endpoint, as the evaluation does, and checks
// that the reply says what the engine says: the top speaker as the author
// name of a public reply, or an ephemeral reply when nothing was found.
func TestHTTPAgreesWithEngine(t *testing.T) {
	t.Parallel()
	f, err := os.Open(devdata.SeedDev(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	eng := openRealEngine(t)
	key := newSigner(t)
	s, _ := newTestService(t, Config{PublicKey: key.pub}, eng)
	h := s.httpHandler()

	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 || (cols[0] != "who-said" && cols[0] != "who-said-none") {
			continue
		}
		n++
		phrase := cols[1]
		want, err := eng.WhoSaid(context.Background(), strings.TrimSpace(phrase), 3)
		if err != nil {
			t.Errorf("%q: engine: %v", phrase, err)
			continue
		}
		req := key.request(t, "", fakediscord.Marshal(fakediscord.Slash("1", "who-said", [2]string{"phrase", phrase})), time.Now())
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var r response
		if err := json.Unmarshal(rec.Body.Bytes(), &r); err != nil {
			t.Errorf("%q: %d %s", phrase, rec.Code, rec.Body)
			continue
		}
		found := want.Found && len(want.Results) > 0
		switch {
		case r.Data.Ephemeral() == found:
			t.Errorf("%q: ephemeral %v, engine found %v", phrase, r.Data.Ephemeral(), found)
		case found && (len(r.Data.Embeds) == 0 || r.Data.Embeds[0].AuthorName() != speakerName(want.Results[0])):
			t.Errorf("%q: reply %s, engine says %q", phrase, rec.Body, speakerName(want.Results[0]))
		}
		if cols[0] == "who-said" && len(cols) > 2 && found && !strings.HasPrefix(lastWord(r.Data.Embeds[0].AuthorName()), cols[2]) {
			t.Logf("%q: engine attributes to %q, the development set to %s (engine quality, not the bot)", phrase, r.Data.Embeds[0].AuthorName(), cols[2])
		}
	}
	if n == 0 {
		t.Error("no who-said queries in the development set")
	}
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// TestRealAnswersReadWell renders every members' development question over
// the five development articles, with the next page and the closest quotes
// where there are buttons for them, and checks that each reply reads as
// written by a person (see readingProblems).
func TestRealAnswersReadWell(t *testing.T) {
	t.Parallel()
	corpus := t.TempDir()
	for name, data := range devdata.FictionFiles(t) {
		if err := os.WriteFile(filepath.Join(corpus, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(corpus, "alaska-summit.txt"), devdata.Read(t, "seed", "alaska-summit.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	eng, err := index.Open(ctx, index.Options{IndexDir: t.TempDir(), CorpusDir: corpus})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	s, _ := newTestService(t, Config{}, eng)
	option := map[string]string{"who-said": "phrase", "who-said-none": "phrase", "ask": "question", "reactions": "group", "quotes": "speaker"}
	n := 0
	for _, line := range strings.Split(string(devdata.Read(t, "eval", "members-dev.tsv")), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 2 || option[cols[0]] == "" {
			continue
		}
		cmd := strings.TrimSuffix(cols[0], "-none")
		r := call(t, s, fakediscord.Slash("1", cmd, [2]string{option[cols[0]], cols[1]}))
		checkReads(t, r)
		n++
		for _, label := range []string{"More", "Show closest"} {
			if b, ok := r.Data.Button(label); ok {
				checkReads(t, call(t, s, fakediscord.Press("1", "42", "500", b.CustomID)))
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d questions in the development set", n)
	}
}
