package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"summitbot/answer"
	"summitbot/wording"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	outArticle = answer.Source{ID: "alaska-summit", Title: "Trump-Putin Alaska summit", Outlet: "Example News", URL: "https://example.org/alaska", Published: "2025-08-15"}
	outRIA     = answer.Source{ID: "ria-lavrov", Title: "Lavrov: contacts at highest level must be prepared", Outlet: "RIA Novosti (English service)", URL: "https://example.org/ria", Published: "August 19, 2025"}
	outUnknown = answer.Source{ID: "wire-0816", Title: "Summit wrap", Outlet: "unknown", Published: "n/a"}
)

func outQuote(speaker, desc, quote string, src answer.Source, para int) answer.Result {
	return answer.Result{Speaker: speaker, Description: desc, Quote: quote, Paragraph: para, Article: src}
}

// TestPrintGolden pins the command line's text for every kind of answer in
// testdata/golden; go test . -run TestPrintGolden -update rewrites them.
func TestPrintGolden(t *testing.T) {
	trump := outQuote("Donald Trump", "US President", "There’s no deal until there’s a deal", outArticle, 3)
	trump.AlsoReportedBy = []answer.Source{outRIA, outUnknown}
	uncertain := outQuote("Vladimir Putin", "", "a little heat", outUnknown, 2)
	uncertain.Uncertain = true
	tests := []struct {
		name string
		ans  answer.Answer
	}{
		{"who-said-exact", answer.Answer{Command: "who-said", Query: "no deal", Found: true, Match: answer.MatchExact, Results: []answer.Result{trump, uncertain}}},
		{"who-said-close", answer.Answer{Command: "who-said", Query: "meeting was productive", Found: true, Match: answer.MatchClose, Results: []answer.Result{
			outQuote("Vladimir Putin", "Russian President", "Our talks were constructive and very productive", outRIA, 5)}}},
		{"who-said-miss", answer.Answer{Command: "who-said", Query: "peace in our time", Note: `no quote contains "peace in our time"`, Closest: []answer.Result{
			outQuote("Vladimir Putin", "", "an enduring peace", outRIA, 7), outQuote("", "a Kyiv resident", "we want peace, but not at any price", outUnknown, 2)}}},
		{"ask", answer.Answer{Command: "ask", Query: "where was the summit held", Found: true, Results: []answer.Result{
			{Text: "The meeting was held at Joint Base Elmendorf-Richardson in Anchorage.", Paragraph: 1, Section: "-", Article: outArticle},
			{Text: "Anchorage hosted the leaders for less than a day.", Paragraph: 4, Section: "Anchorage", Article: outUnknown}}}},
		{"reactions", answer.Answer{Command: "reactions", Query: "nordic", Found: true, Subject: "Nordic and Baltic countries", Note: "statements first", Results: []answer.Result{
			outQuote("Kaja Kallas", "EU foreign policy chief", "Putin has not changed his goals", outRIA, 9)}}},
		{"quotes", answer.Answer{Command: "quotes", Query: "putin", Found: true, Subject: "Vladimir Putin (Russian President)", Also: []string{"Vladimir Putin Jr."}, Results: []answer.Result{
			outQuote("Vladimir Putin", "Russian President", "Next time in Moscow", outArticle, 6)}}},
		{"quotes-miss", answer.Answer{Command: "quotes", Query: "nobody", Note: `no quoted speaker matches "nobody"`}},
		{"error-empty-query", answer.Answer{Command: "ask", Query: "the", Note: "nothing to search for: type some words"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			printAnswer(&b, tc.ans)
			checkText(t, b.String())
			golden(t, filepath.Join("testdata", "golden", tc.name+".txt"), b.Bytes())
		})
	}
	t.Run("sources", func(t *testing.T) {
		var b bytes.Buffer
		printSources(&b, []answer.ArticleInfo{{Source: outArticle, Paragraphs: 22, Quotes: 1}, {Source: outUnknown, Paragraphs: 1}, {Source: outRIA, Paragraphs: 14, Quotes: 9}})
		checkText(t, b.String())
		golden(t, filepath.Join("testdata", "golden", "sources.txt"), b.Bytes())
	})
}

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
		t.Fatalf("%v (go test . -run TestPrintGolden -update writes it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (go test . -run TestPrintGolden -update rewrites it; review the diff):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// checkText fails on text that does not read as written by a person: a
// placeholder, a sentence said twice, a heading with nothing under it, a
// wrong plural.
func checkText(t *testing.T, text string) {
	t.Helper()
	if strings.Contains(strings.ToLower(text), "unknown") || regexp.MustCompile(`(?i)(^|[ ·(])(n/a|null)($|[ ·)])`).MatchString(text) {
		t.Errorf("a placeholder is shown:\n%s", text)
	}
	if m := regexp.MustCompile(`\b1 (quotes|paragraphs)\b|\b([02-9]|\d\d+) (quote|paragraph)\b[^-]`).FindString(text); m != "" {
		t.Errorf("wrong plural %q:\n%s", m, text)
	}
	seen := map[string]bool{}
	for _, s := range wording.Sentences(text) {
		k := wording.Key(s)
		if strings.Count(k, " ") >= 3 && seen[k] {
			t.Errorf("said twice: %q\n%s", s, text)
		}
		seen[k] = true
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, ":") && (i+1 == len(lines) || strings.TrimSpace(lines[i+1]) == "") && (i+2 >= len(lines)) {
			t.Errorf("a heading with nothing under it: %q\n%s", l, text)
		}
	}
}
