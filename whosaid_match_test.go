package main

import (
	"encoding/json"
	"strings"
	"testing"

	"summitbot/answer"
)

// TestWhoSaidMatchJSON checks who-said's three outcomes through the command
// line, over the embedded article: the JSON "match" field is "exact" for
// the words as typed, "close" for a half-remembered quote (its own words
// shown), and absent with found=false for words only in the narration.
func TestWhoSaidMatchJSON(t *testing.T) {
	env := testEnv(t, nil)
	for _, tc := range []struct {
		name, phrase, match, speaker, quote string
		found                               bool
	}{
		{"exact", "no deal until there's a deal", answer.MatchExact, "Donald Trump", "There’s no deal until there’s a deal", true},
		{"close: chatter, till, no apostrophe", "did trump really say no deal till theres a deal", answer.MatchClose, "Donald Trump", "There’s no deal until there’s a deal", true},
		{"close: synonym", "we're relying on america", answer.MatchClose, "Zelensk", "We are counting on America", true},
		{"narration only", "trump warmly received him", "", "", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCLI(t, env, "who-said", "--json", tc.phrase)
			if err != nil {
				t.Fatal(err)
			}
			var a answer.Answer
			if err := json.Unmarshal([]byte(out), &a); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if a.Found != tc.found {
				t.Fatalf("found %v, want %v: %s", a.Found, tc.found, out)
			}
			if !tc.found {
				if strings.Contains(out, `"match"`) || len(a.Results) != 0 || len(a.Closest) > 3 {
					t.Errorf("a miss has no match, no results and at most 3 closest: %s", out)
				}
				return
			}
			if a.Match != tc.match || !strings.Contains(out, `"match"`) {
				t.Errorf("match %q, want %q in %s", a.Match, tc.match, out)
			}
			r := a.Results[0]
			if !strings.Contains(r.Speaker, tc.speaker) || !strings.Contains(r.Quote, tc.quote) {
				t.Errorf("got %s: %q, want %s: %q", r.Speaker, r.Quote, tc.speaker, tc.quote)
			}
		})
	}
}

// TestWhoSaidText checks what a person reads on the command line: a close
// match says once that the words are not the quote's, and a phrase with no
// word to search for says so instead of "nothing found".
func TestWhoSaidText(t *testing.T) {
	env := testEnv(t, nil)
	for _, tc := range []struct {
		name, phrase string
		want         []string // each appears exactly once
		not          []string
	}{
		{"close match said once", "did trump really say no deal till theres a deal",
			[]string{"not these exact words", "Donald Trump: “There’s no deal until there’s a deal”"}, []string{"no quote has these exact words"}},
		{"nothing to search for", "*",
			[]string{"Nothing to search for: type some words."}, []string{"No quote contains", "Nothing found"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, err := runCLI(t, env, "who-said", tc.phrase)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if n := strings.Count(out, w); n != 1 {
					t.Errorf("%q appears %d times in\n%s", w, n, out)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(out, w) {
					t.Errorf("%q in\n%s", w, out)
				}
			}
		})
	}
}
