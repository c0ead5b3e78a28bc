package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/internal/devdata"
)

// child runs the summitbot binary over one corpus and index folder.
type child struct {
	bin, corpusDir, indexDir, workDir string
}

// buildSummitbot builds the program once for the test (without -race: the
// child need not be race-built).
func buildSummitbot(t *testing.T) string {
	t.Helper()
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin = "go"
	}
	bin := filepath.Join(t.TempDir(), "summitbot")
	cmd := exec.Command(gobin, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func (c child) command(args ...string) *exec.Cmd {
	cmd := exec.Command(c.bin, args...)
	// Its own folder, so that no .env is read; only loopback settings.
	cmd.Dir = c.workDir
	cmd.Env = append(os.Environ(), "CORPUS_DIR="+c.corpusDir, "INDEX_DIR="+c.indexDir, "LOG_LEVEL=warn",
		"DISCORD_TOKEN=", "INTERACTIONS_ADDR=", "FETCH_ALLOW_PRIVATE=false")
	return cmd
}

// run runs the child to the end and returns its stdout.
func (c child) run(t *testing.T, args ...string) string {
	t.Helper()
	cmd := c.command(args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("summitbot %v: %v\n%s", args, err, errOut.String())
	}
	return out.String()
}

// killed runs the child and kills it (SIGKILL) when kill, given the stdout
// lines so far, says so, or when it ends by itself. It returns the lines
// the child printed and whether it was killed before it ended.
func (c child) killed(t *testing.T, kill func(lines []string, since time.Duration) bool, args ...string) ([]string, bool) {
	t.Helper()
	cmd := c.command(args...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var got []string
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case l, ok := <-lines:
			if !ok {
				cmd.Wait()
				return got, false
			}
			got = append(got, l)
		case <-tick.C:
		}
		if kill(got, time.Since(start)) {
			cmd.Process.Kill()
			for l := range lines {
				got = append(got, l)
			}
			err := cmd.Wait()
			return got, err != nil
		}
	}
}

// check restarts on the folders and checks that a complete index answers:
// every article file in the corpus folder is listed, every id in want is
// among them, a quote of each article in phrases is found in it, and one
// generation folder is left.
func (c child) check(t *testing.T, want []string, phrases map[string]string) {
	t.Helper()
	var infos []answer.ArticleInfo
	if err := json.Unmarshal([]byte(c.run(t, "list", "--json")), &infos); err != nil {
		t.Fatalf("list --json: %v", err)
	}
	var ids []string
	for _, a := range infos {
		ids = append(ids, a.ID)
	}
	files, err := os.ReadDir(c.corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var onDisk []string
	for _, f := range files {
		if corpus.IsArticleFile(f.Name()) {
			onDisk = append(onDisk, corpus.IDFromFile(f.Name()))
		}
	}
	slices.Sort(ids)
	slices.Sort(onDisk)
	if !slices.Equal(ids, onDisk) {
		t.Errorf("listed %d articles, the corpus folder has %d", len(ids), len(onDisk))
	}
	for _, id := range want {
		if !slices.Contains(ids, id) {
			t.Errorf("acknowledged article %s is missing", id)
		}
	}
	for id, phrase := range phrases {
		var ans answer.Answer
		if err := json.Unmarshal([]byte(c.run(t, "who-said", "--json", phrase)), &ans); err != nil {
			t.Fatalf("who-said --json: %v", err)
		}
		from := func(r answer.Result) bool {
			return r.Article.ID == id || slices.ContainsFunc(r.AlsoReportedBy, func(s answer.Source) bool { return s.ID == id })
		}
		if !ans.Found || !slices.ContainsFunc(ans.Results, from) {
			t.Errorf("who-said %q: not found in %s (%d results)", phrase, id, len(ans.Results))
		}
	}
	gens, _ := filepath.Glob(filepath.Join(c.indexDir, "gen-*"))
	if len(gens) != 1 {
		t.Errorf("generation folders after the restart: %v", gens)
	}
}

// crashCorpus fills dir with copies of the fictional articles, each with
// its own link, enough for a reindex to take a few hundred milliseconds.
func crashCorpus(t *testing.T, dir string, copies int) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for n := 1; n <= 4; n++ {
		data, err := os.ReadFile(filepath.Join(devdata.FictionDir(t), fmt.Sprintf("a%d.md", n)))
		if err != nil {
			t.Fatal(err)
		}
		for k := 1; k <= copies; k++ {
			body := strings.Replace(string(data), "url: https://example.org/", fmt.Sprintf("url: https://example.org/copy-%d/", k), 1)
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("c%03d-a%d.md", k, n)), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// harbourArticle is a small article with a quote no other article has.
func harbourArticle(word string) []byte {
	return fmt.Appendf(nil, "---\ntitle: The %[1]s harbour\noutlet: Valley Gazette\nurl: https://example.org/harbour-%[1]s\npublished: 2031-06-02\n---\n"+
		"\"The %[1]s harbour will reopen in spring,\" Mayor Ilse Varga said on Monday.\n\nThe harbour has been closed since the storm.\n", word)
}

// TestCrashSafety kills a child `summitbot reindex` and `summitbot add` at
// different moments and checks that the next start serves a complete index
// with every acknowledged article.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program")
	}
	bin := buildSummitbot(t)
	dir := t.TempDir()
	c := child{bin: bin, corpusDir: filepath.Join(dir, "corpus"), indexDir: filepath.Join(dir, "index"), workDir: dir}
	crashCorpus(t, c.corpusDir, 20)
	phrases := map[string]string{"c001-a1": "Nothing is settled until the strait is open"}
	c.check(t, nil, phrases) // builds the first index

	t.Run("reindex", func(t *testing.T) {
		// Killed before it reports progress, at its first progress line,
		// and a little later each time.
		cases := []struct {
			name string
			kill func([]string, time.Duration) bool
		}{
			{"while opening", func(_ []string, d time.Duration) bool { return d > 80*time.Millisecond }},
			{"at the first progress", afterLine("…", 0)},
			{"shortly after the first progress", afterLine("…", 60*time.Millisecond)},
			{"later", afterLine("…", 200*time.Millisecond)},
		}
		finished := 0
		for _, tc := range cases {
			lines, wasKilled := c.killed(t, tc.kill, "reindex")
			if !wasKilled {
				finished++
			}
			t.Logf("%s: killed %v after %q", tc.name, wasKilled, lines)
			c.check(t, nil, phrases)
		}
		if finished == len(cases) {
			t.Error("every reindex finished before it was killed: the test proved nothing")
		}
	})

	t.Run("add", func(t *testing.T) {
		words := []string{"amber", "cobalt", "crimson", "violet", "saffron"}
		delays := []time.Duration{60 * time.Millisecond, 150 * time.Millisecond, 250 * time.Millisecond, 400 * time.Millisecond, -1}
		var acknowledged []string
		killedBefore := 0
		for i, w := range words {
			file := filepath.Join(t.TempDir(), "harbour-"+w+".md")
			if err := os.WriteFile(file, harbourArticle(w), 0o644); err != nil {
				t.Fatal(err)
			}
			kill := afterLine("Added", 0) // killed right after it acknowledged
			if delays[i] >= 0 {
				d := delays[i]
				kill = func(lines []string, since time.Duration) bool {
					return since > d || slices.ContainsFunc(lines, isAdded)
				}
			}
			lines, wasKilled := c.killed(t, kill, "add", file)
			if slices.ContainsFunc(lines, isAdded) {
				acknowledged = append(acknowledged, "harbour-"+w)
				phrases["harbour-"+w] = "The " + w + " harbour will reopen"
			} else if wasKilled {
				killedBefore++
			}
			t.Logf("killed %v after %q", wasKilled, lines)
			c.check(t, acknowledged, phrases)
		}
		if len(acknowledged) == 0 {
			t.Error("no add was acknowledged")
		}
		if killedBefore == 0 {
			t.Log("every add was acknowledged before the kill")
		}
	})
}

func isAdded(l string) bool { return strings.HasPrefix(l, "Added ") }

// afterLine kills wait after the first line that starts with prefix.
func afterLine(prefix string, wait time.Duration) func([]string, time.Duration) bool {
	var seen time.Duration = -1
	return func(lines []string, since time.Duration) bool {
		if seen < 0 && slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, prefix) }) {
			seen = since
		}
		return seen >= 0 && since-seen >= wait
	}
}
