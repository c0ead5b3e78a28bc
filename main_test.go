package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"summitbot/answer"
	"summitbot/index"
)

// env returns a getenv over a fresh corpus and index folder.
func testEnv(t *testing.T, extra map[string]string) func(string) (string, bool) {
	t.Helper()
	dir := t.TempDir()
	m := map[string]string{
		"CORPUS_DIR": filepath.Join(dir, "corpus"),
		"INDEX_DIR":  filepath.Join(dir, "index"),
	}
	for k, v := range extra {
		m[k] = v
	}
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func runCLI(t *testing.T, getenv func(string) (string, bool), args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, getenv, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestWhoSaidFromEmbeddedArticle(t *testing.T) {
	env := testEnv(t, nil)
	out, _, err := runCLI(t, env, "who-said", "no deal")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Donald Trump") || !strings.Contains(out, "There’s no deal until there’s a deal") || !strings.Contains(out, "Trump-Putin Alaska summit") {
		t.Errorf("output:\n%s", out)
	}
}

func TestWhoSaidJSON(t *testing.T) {
	env := testEnv(t, nil)
	out, _, err := runCLI(t, env, "who-said", "--json", "no deal")
	if err != nil {
		t.Fatal(err)
	}
	var a answer.Answer
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if a.Command != "who-said" || a.Query != "no deal" || !a.Found || len(a.Results) == 0 {
		t.Fatalf("answer: %+v", a)
	}
	r := a.Results[0]
	if r.Speaker != "Donald Trump" || r.Quote != "There’s no deal until there’s a deal" || r.Paragraph != 3 || r.Article.Title != "Trump-Putin Alaska summit" {
		t.Errorf("result: %+v", r)
	}
}

func TestQueryCommands(t *testing.T) {
	env := testEnv(t, nil)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"ask", []string{"ask", "where was the summit held"}, "Joint Base Elmendorf-Richardson"},
		{"reactions", []string{"reactions", "czech"}, "Lipavsk"},
		{"quotes", []string{"quotes", "putin"}, "Vladimir Putin"},
		{"list", []string{"list"}, "alaska-summit"},
		{"not found", []string{"who-said", "make america great again"}, "No quote contains"},
		{"flag after words", []string{"who-said", "no", "deal", "--limit", "1"}, "Donald Trump"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := runCLI(t, env, tt.args...)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out, tt.want) {
				t.Errorf("output lacks %q:\n%s", tt.want, out)
			}
		})
	}
}

func TestHostileInput(t *testing.T) {
	env := testEnv(t, nil)
	inputs := []string{`"`, `:`, `-deal`, `*`, `/x/`, strings.Repeat("deal ", 1200), "🤝🇺🇸", "no\x00deal\x1b[31m", "who said: no", `\`, `+`, `>`, " "}
	for _, cmd := range []string{"who-said", "reactions", "ask", "quotes"} {
		for _, in := range inputs {
			out, _, err := runCLI(t, env, cmd, "--json", in)
			var u *usageError
			if err != nil && !errors.As(err, &u) {
				t.Errorf("%s %q: %v", cmd, in, err)
				continue
			}
			if err == nil && !json.Valid([]byte(out)) {
				t.Errorf("%s %q: not JSON: %s", cmd, in, out)
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	env := testEnv(t, nil)
	tests := []struct {
		name string
		args []string
	}{
		{"unknown command", []string{"frobnicate"}},
		{"missing phrase", []string{"who-said"}},
		{"bad limit", []string{"ask", "--limit", "x", "why"}},
		{"limit without value", []string{"ask", "--limit"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := runCLI(t, env, tt.args...)
			var u *usageError
			if !errors.As(err, &u) || exitCode(err) != 2 {
				t.Errorf("err = %v, want a usage error", err)
			}
		})
	}
}

func TestBadSettingIsOneLine(t *testing.T) {
	env := testEnv(t, map[string]string{"LOG_LEVEL": "loud"})
	_, _, err := runCLI(t, env, "ask", "x")
	if err == nil || !strings.Contains(err.Error(), "LOG_LEVEL") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v", err)
	}
}

// While another process (here: an engine opened by the test) holds the index,
// the query commands answer from a temporary copy instead of hanging.
func TestQueryWhileIndexIsHeld(t *testing.T) {
	env := testEnv(t, nil)
	dir, _ := env("INDEX_DIR")
	corpusDir, _ := env("CORPUS_DIR")
	eng, err := index.Open(context.Background(), index.Options{IndexDir: dir, CorpusDir: corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	out, _, err := runCLI(t, env, "who-said", "no deal")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Donald Trump") {
		t.Errorf("output:\n%s", out)
	}
}

func TestServeWithoutSettingsSaysWhatToDo(t *testing.T) {
	env := testEnv(t, nil)
	_, _, err := runCLI(t, env, "serve")
	if !errors.Is(err, errNotConfigured) {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || !strings.Contains(msg, "cp .env.example .env") && !strings.Contains(msg, ".env.example to .env") || !strings.Contains(msg, "who-said") {
		t.Errorf("message: %q", msg)
	}
}
