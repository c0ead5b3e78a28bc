package bot

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
	"summitbot/wording"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// Sources with the metadata real front matter has: full, abbreviated
// outlet, placeholders, another date format.
var (
	goldenRIA     = answer.Source{ID: "ria-lavrov", Title: "Lavrov: contacts at highest level must be prepared with utmost thoroughness", Outlet: "RIA Novosti (English service)", URL: "https://example.org/ria", Published: "August 19, 2025"}
	goldenUnknown = answer.Source{ID: "wire-0816", Title: "Summit wrap", Outlet: "unknown", URL: "https://example.org/wire", Published: "n/a"}
	goldenGuard   = answer.Source{ID: "guardian-live", Title: "Zelensky and European leaders at the White House – live updates", Outlet: "The Guardian", URL: "https://example.org/guardian", Published: "2025-08-18"}
)

func goldenQuote(speaker, desc, quote string, src answer.Source, para int, terms ...string) answer.Result {
	return answer.Result{Speaker: speaker, Description: desc, Quote: quote, Text: "“" + quote + "”, " + speaker + " said.", Paragraph: para, Article: src, Terms: terms}
}

func goldenEngine() *fakeEngine {
	var eight []answer.Result
	for i, who := range []string{"Donald Trump", "Vladimir Putin", "Volodymyr Zelenskyy", "Sergey Lavrov", "Kaja Kallas", "Keir Starmer", "Emmanuel Macron", "Friedrich Merz"} {
		src := []answer.Source{article, goldenRIA, goldenGuard, goldenUnknown}[i%4]
		eight = append(eight, goldenQuote(who, "", fmt.Sprintf("We need a real peace, not a pause of %d weeks", i+2), src, i+2, "real peace"))
	}
	eight[0].AlsoReportedBy = []answer.Source{goldenRIA, goldenGuard}
	eight[1].Uncertain, eight[1].Confidence = true, 0.4
	return &fakeEngine{
		answers: map[string]answer.Answer{
			"who-said:no deal": {Command: "who-said", Query: "no deal", Found: true, Match: answer.MatchExact, Results: []answer.Result{
				goldenQuote("Donald Trump", "US President", "There’s no deal until there’s a deal", article, 3, "no deal"),
			}},
			"who-said:real peace": {Command: "who-said", Query: "real peace", Found: true, Match: answer.MatchExact, Results: eight},
			"who-said:meeting was productive": {Command: "who-said", Query: "meeting was productive", Found: true, Match: answer.MatchClose, Results: []answer.Result{
				goldenQuote("Vladimir Putin", "Russian President", "Our talks were constructive and very productive", goldenRIA, 5, "productive"),
			}},
			"who-said:peace in our time": {Command: "who-said", Query: "peace in our time", Note: `no quote contains "peace in our time"`, Closest: []answer.Result{
				goldenQuote("Vladimir Putin", "", "an enduring peace", goldenRIA, 7, "peace"),
				goldenQuote("", "a Kyiv resident", "we want peace, but not at any price", goldenUnknown, 2, "peace"),
			}},
			"ask:where was the summit held": {Command: "ask", Query: "where was the summit held", Found: true, Results: []answer.Result{
				{Text: "The meeting was held at Joint Base Elmendorf-Richardson in Anchorage.", Paragraph: 1, Section: "n/a", Article: article, Terms: []string{"summit", "held"}},
				{Text: "Anchorage hosted the leaders for less than a day.", Paragraph: 4, Section: "Anchorage", Article: goldenUnknown, Terms: []string{"summit"}},
			}},
			"reactions:nordic": {Command: "reactions", Query: "nordic", Found: true, Subject: "Nordic and Baltic countries", Note: "statements first", Results: []answer.Result{
				goldenQuote("Kaja Kallas", "EU foreign policy chief", "Putin has not changed his goals", goldenGuard, 9, "putin"),
				{Text: "Baltic and Nordic leaders were wary after Alaska.", Paragraph: 2, Article: goldenGuard},
			}},
			"quotes:putin": {Command: "quotes", Query: "putin", Found: true, Subject: "Vladimir Putin (Russian President)", Also: []string{"Vladimir Putin Jr."}, Results: []answer.Result{
				goldenQuote("Vladimir Putin", "Russian President", "Next time in Moscow", article, 6),
			}},
			"quotes:nobody": {Command: "quotes", Query: "nobody", Note: `no quoted speaker matches "nobody"`},
		},
		sources: []answer.ArticleInfo{
			{Source: article, Paragraphs: 22, Quotes: 1},
			{Source: goldenUnknown, Paragraphs: 1, Quotes: 0},
			{Source: goldenRIA, Paragraphs: 14, Quotes: 9},
		},
	}
}

// TestGolden pins every kind of reply as Discord receives it (JSON) in
// testdata/golden; go test ./bot -run TestGolden -update rewrites them. It
// also checks that no reply reads badly: no "unknown", no sentence said
// twice, no heading without anything under it.
func TestGolden(t *testing.T) {
	eng := goldenEngine()
	s, _ := newTestService(t, Config{GuildIDs: []string{"1"}}, eng)
	moderator := func(m map[string]any) map[string]any {
		m["member"] = fakediscord.Member("7", 0x20)
		return m
	}
	slash := func(cmd, opt, v string) map[string]any { return fakediscord.Slash("1", cmd, [2]string{opt, v}) }
	tests := []struct {
		name  string
		in    map[string]any
		press []string // labels of buttons to press in turn, each on the previous reply
	}{
		{"who-said-exact", slash("who-said", "phrase", "no deal"), nil},
		{"who-said-pages", slash("who-said", "phrase", "real peace"), []string{"More", "More", "Back"}},
		{"who-said-close", slash("who-said", "phrase", "meeting was productive"), nil},
		{"who-said-miss", slash("who-said", "phrase", "peace in our time"), []string{"Show closest", "Back"}},
		{"ask", slash("ask", "question", "where was the summit held"), nil},
		{"reactions", slash("reactions", "group", "nordic"), nil},
		{"quotes", slash("quotes", "speaker", "putin"), nil},
		{"quotes-miss", slash("quotes", "speaker", "nobody"), nil},
		{"sources", fakediscord.Slash("1", "sources"), nil},
		{"help", fakediscord.Slash("1", "help"), nil},
		{"help-moderator", moderator(fakediscord.Slash("1", "help")), nil},
		{"error-input", slash("who-said", "phrase", "  "), nil},
		{"error-unknown-command", fakediscord.Slash("1", "weather"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, s, tc.in)
			replies := []response{r}
			for _, label := range tc.press {
				b, ok := r.Data.Button(label)
				if !ok {
					t.Fatalf("no %q button in %s", label, r.raw)
				}
				r = call(t, s, fakediscord.Press("1", "42", "500", b.CustomID))
				replies = append(replies, r)
			}
			var all bytes.Buffer
			for i, r := range replies {
				checkReads(t, r)
				if i > 0 {
					all.WriteString("\n")
				}
				var v any
				json.Unmarshal(r.raw, &v)
				b, _ := json.MarshalIndent(v, "", "  ")
				all.Write(b)
			}
			golden(t, filepath.Join("testdata", "golden", tc.name+".json"), pageIDs.ReplaceAll(all.Bytes(), []byte("page:$1:ID:")))
		})
	}
	t.Run("errors", func(t *testing.T) {
		errEngine := &fakeEngine{err: errors.New("disk on fire")}
		es, _ := newTestService(t, Config{}, errEngine)
		r := call(t, es, slash("ask", "question", "anything"))
		checkReads(t, r)
		notReady, _ := newTestService(t, Config{}, &fakeEngine{notReady: true})
		r2 := call(t, notReady, slash("ask", "question", "anything"))
		checkReads(t, r2)
		cool, _ := newTestService(t, Config{CooldownPerUser: Rate{Count: 1, Per: 20_000_000_000}}, goldenEngine())
		call(t, cool, slash("who-said", "phrase", "no deal"))
		r3 := call(t, cool, slash("who-said", "phrase", "no deal"))
		checkReads(t, r3)
		golden(t, filepath.Join("testdata", "golden", "errors.json"), []byte(strings.Join([]string{string(r.raw), string(r2.raw), string(r3.raw)}, "\n")+"\n"))
	})
}

// pageIDs matches the random entry id in paging custom ids.
var pageIDs = regexp.MustCompile(`page:([^:"]+):[a-z0-9]+:`)

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run TestGolden -update to write it)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(want), bytes.TrimSpace(got)) {
		t.Errorf("%s differs (go test ./bot -run TestGolden -update rewrites it; review the diff):\n--- got\n%s", path, got)
	}
}

// checkReads fails when a reply does not read as written by a person.
func checkReads(t *testing.T, r response) {
	t.Helper()
	texts := []string{r.Data.Content}
	for _, e := range r.Data.Embeds {
		texts = append(texts, e.Title, e.Description, e.AuthorName())
		if e.Footer != nil {
			texts = append(texts, e.Footer.Text)
		}
		for _, f := range e.Fields {
			texts = append(texts, f.Name, f.Value)
		}
	}
	for _, b := range r.Data.Buttons() {
		texts = append(texts, b.Label)
	}
	for _, p := range readingProblems(texts, len(r.Data.Embeds) > 0) {
		t.Errorf("%s\n%s", p, r.raw)
	}
}

// readingProblems lists what reads badly in a reply's texts (the content
// first): a placeholder word ("unknown", "n/a" on its own), a sentence said
// twice in one text, a heading with nothing under it, a count with the
// wrong plural.
func readingProblems(texts []string, hasEmbeds bool) []string {
	var p []string
	badCount := regexp.MustCompile(`\b1 (quotes|paragraphs|articles|results|questions|minutes)\b|\b([02-9]|\d\d+) (quote|paragraph|article|question)\b[^-]`)
	for _, text := range texts {
		if strings.Contains(strings.ToLower(text), "unknown") || regexp.MustCompile(`(?i)(^|[ ·(])(n/a|null)($|[ ·)])`).MatchString(text) {
			p = append(p, "a placeholder is shown: "+text)
		}
		if m := badCount.FindString(text); m != "" {
			p = append(p, "wrong plural "+m+" in: "+text)
		}
		seen := map[string]bool{}
		for _, s := range wording.Sentences(plain(text)) {
			k := wording.Key(s)
			if strings.Count(k, " ") < 3 {
				continue
			}
			if seen[k] {
				p = append(p, "said twice: "+s)
			}
			seen[k] = true
		}
	}
	lines := strings.Split(texts[0], "\n")
	for i, l := range lines {
		l = strings.TrimSpace(l)
		heading := strings.HasPrefix(l, "#") && !strings.HasPrefix(l, "-#") || strings.HasPrefix(l, "**") && strings.HasSuffix(l, ":**") || strings.HasSuffix(l, ":")
		if !heading {
			continue
		}
		rest := strings.TrimSpace(strings.Join(lines[i+1:], "\n"))
		if rest == "" && !hasEmbeds {
			p = append(p, "a heading with nothing under it: "+l)
		}
	}
	return p
}
