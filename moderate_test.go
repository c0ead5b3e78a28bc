package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/control"
	"summitbot/index"
	"summitbot/internal/devdata"
	"summitbot/webpage"
)

// modEnv is a getenv over fresh corpus and index folders, which it returns
// too.
func modEnv(t *testing.T, extra map[string]string) (getenv func(string) (string, bool), corpusDir, indexDir string) {
	t.Helper()
	dir := t.TempDir()
	corpusDir, indexDir = filepath.Join(dir, "corpus"), filepath.Join(dir, "index")
	m := map[string]string{"CORPUS_DIR": corpusDir, "INDEX_DIR": indexDir, "LOG_LEVEL": "warn"}
	for k, v := range extra {
		m[k] = v
	}
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }, corpusDir, indexDir
}

// listIDs runs `summitbot list --json` and returns the article ids.
func listIDs(t *testing.T, getenv func(string) (string, bool)) []string {
	t.Helper()
	out, _, err := runCLI(t, getenv, "list", "--json")
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	var infos []answer.ArticleInfo
	if err := json.Unmarshal([]byte(out), &infos); err != nil {
		t.Fatalf("list --json: %v\n%s", err, out)
	}
	var ids []string
	for _, a := range infos {
		ids = append(ids, a.ID)
	}
	return ids
}

// articlePage serves a real-world shaped article page.
func articlePage(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("webpage", "testdata", "news-subheadings.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestModerateAddRemoveReindex(t *testing.T) {
	env, corpusDir, _ := modEnv(t, map[string]string{"FETCH_ALLOW_PRIVATE": "true"})
	web := articlePage(t)
	link := web.URL + "/world/harbour-talks-end-without-deal"

	out, _, err := runCLI(t, env, "add", filepath.Join(devdata.FictionDir(t), "a1.md"))
	if err != nil {
		t.Fatalf("add file: %v", err)
	}
	if !strings.HasPrefix(out, "Added a1: ") || !strings.Contains(out, "outlet: ") || !strings.Contains(out, "speakers: ") {
		t.Errorf("add file printed:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(corpusDir, "a1.md")); err != nil {
		t.Errorf("a1.md is not in the corpus folder: %v", err)
	}

	out, _, err = runCLI(t, env, "add", link)
	if err != nil {
		t.Fatalf("add link: %v", err)
	}
	if !strings.HasPrefix(out, "Added ") || !strings.Contains(out, "Harbour talks end without a deal") || !strings.Contains(out, link) {
		t.Errorf("add link printed:\n%s", out)
	}
	webID := strings.TrimSuffix(strings.Fields(out)[1], ":")
	out, _, err = runCLI(t, env, "add", link)
	if err != nil || !strings.HasPrefix(out, "Updated "+webID+":") {
		t.Errorf("adding the link again: %v\n%s", err, out)
	}
	ids := listIDs(t, env)
	if !slices.Contains(ids, "a1") || !slices.Contains(ids, webID) || len(ids) != 3 {
		t.Errorf("list after adding: %v (want the default article, a1 and %s)", ids, webID)
	}

	out, _, err = runCLI(t, env, "who-said", "--json", "Nothing is settled until the strait is open")
	var ans answer.Answer
	if err != nil || json.Unmarshal([]byte(out), &ans) != nil || !ans.Found || ans.Results[0].Article.ID != "a1" {
		t.Errorf("the added article does not answer: %v\n%s", err, out)
	}

	out, _, err = runCLI(t, env, "remove", "a1")
	if err != nil || out != "Removed a1.\n" {
		t.Errorf("remove: %v %q", err, out)
	}
	if _, err := os.Stat(filepath.Join(corpusDir, "a1.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a1.md is still in the corpus folder: %v", err)
	}

	out, _, err = runCLI(t, env, "reindex")
	if err != nil || !strings.Contains(out, "Reindexed 2 articles") {
		t.Errorf("reindex: %v\n%s", err, out)
	}
	if ids := listIDs(t, env); len(ids) != 2 || slices.Contains(ids, "a1") {
		t.Errorf("list after remove and reindex: %v", ids)
	}
}

func TestModerateBadInput(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, bytes.Repeat([]byte("word "), webpage.MaxFileBytes/5+1), 0o644); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "story.pdf")
	if err := os.WriteFile(pdf, []byte("%PDF-1.4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, []byte("---\ntitle: nothing\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	web := articlePage(t)
	gone := httptest.NewServer(http.NotFoundHandler())
	defer gone.Close()

	tests := []struct {
		name    string
		args    []string
		private bool
		want    string // in the error
	}{
		{"missing file", []string{"add", filepath.Join(dir, "missing.md")}, false, "no such file"},
		{"file over 2 MiB", []string{"add", big}, false, "larger than 2 MiB"},
		{"pdf", []string{"add", pdf}, false, "not an article file: .pdf"},
		{"no paragraphs", []string{"add", empty}, false, "no paragraphs"},
		{"unknown id", []string{"remove", "no-such-article"}, false, `no article with id "no-such-article"`},
		{"ftp link", []string{"add", "ftp://example.org/story"}, false, "only http and https"},
		{"file link", []string{"add", "file:///etc/passwd"}, false, "only http and https"},
		{"private address refused", []string{"add", web.URL + "/story"}, false, "refused: 127.0.0.1 is a loopback address"},
		{"page not found", []string{"add", gone.URL + "/story"}, true, "HTTP 404"},
		{"add without argument", []string{"add"}, false, "add needs a link or a file"},
		{"remove without id", []string{"remove"}, false, "remove needs an article id"},
		{"reindex with an argument", []string{"reindex", "now"}, false, "reindex takes no arguments"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			extra := map[string]string{}
			if tc.private {
				extra["FETCH_ALLOW_PRIVATE"] = "true"
			}
			env, corpusDir, _ := modEnv(t, extra)
			out, _, err := runCLI(t, env, tc.args...)
			if err == nil {
				t.Fatalf("no error; printed %q", out)
			}
			msg := err.Error()
			t.Log(msg)
			if !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line with %q", msg, tc.want)
			}
			if out != "" {
				t.Errorf("printed %q", out)
			}
			entries, _ := os.ReadDir(corpusDir)
			for _, e := range entries {
				if e.Name() != "alaska-summit.txt" {
					t.Errorf("the corpus folder changed: %s", e.Name())
				}
			}
		})
	}
}

// serveControl stands for a running `summitbot serve`: it opens the index
// and listens on its control socket.
func serveControl(t *testing.T, corpusDir, indexDir string) *index.Engine {
	t.Helper()
	eng, err := index.Open(context.Background(), index.Options{IndexDir: indexDir, CorpusDir: corpusDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { eng.Close() })
	srv, err := control.Listen(control.SocketPath(indexDir), control.Local{Engine: eng, Fetcher: webpage.NewFetcher(webpage.Config{AllowPrivate: true})}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return eng
}

// runBounded runs the command line and fails the test if it takes longer
// than limit: the command line must never hang on the index's lock.
func runBounded(t *testing.T, limit time.Duration, getenv func(string) (string, bool), args ...string) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*limit)
	defer cancel()
	var out, errOut bytes.Buffer
	start := time.Now()
	err := run(ctx, args, getenv, &out, &errOut)
	if took := time.Since(start); took > limit {
		t.Errorf("%v took %s (at most %s)", args, took, limit)
	}
	return out.String(), err
}

// TestModerateHandsOffToRunningBot: while a bot holds the index, add,
// remove and reindex go through its control socket.
func TestModerateHandsOffToRunningBot(t *testing.T) {
	env, corpusDir, indexDir := modEnv(t, nil)
	eng := serveControl(t, corpusDir, indexDir)
	has := func(id string) bool {
		return slices.ContainsFunc(eng.Sources(), func(a answer.ArticleInfo) bool { return a.ID == id })
	}

	out, err := runBounded(t, 5*time.Second, env, "add", filepath.Join(devdata.FictionDir(t), "a2.md"))
	if err != nil || !strings.HasPrefix(out, "Added a2: ") {
		t.Fatalf("add: %v\n%s", err, out)
	}
	if !has("a2") {
		t.Errorf("the running bot's engine does not have a2: %v", eng.Sources())
	}
	out, err = runBounded(t, 5*time.Second, env, "reindex")
	if err != nil || !strings.Contains(out, "Reindexed 2 articles") {
		t.Errorf("reindex: %v\n%s", err, out)
	}
	out, err = runBounded(t, 5*time.Second, env, "remove", "a2")
	if err != nil || out != "Removed a2.\n" || has("a2") {
		t.Errorf("remove: %v %q; engine has a2: %v", err, out, has("a2"))
	}
	if _, err := runBounded(t, 5*time.Second, env, "remove", "a2"); err == nil || !strings.Contains(err.Error(), `no article with id "a2"`) {
		t.Errorf("removing again through the socket: %v", err)
	}
	// Questions are answered meanwhile, from a temporary copy.
	if ids := listIDs(t, env); len(ids) != 1 {
		t.Errorf("list while the bot runs: %v", ids)
	}
}

// TestModerateLockedWithoutSocket: when the index is locked but no bot
// answers on the socket, the command line stops at once with one line.
func TestModerateLockedWithoutSocket(t *testing.T) {
	for _, stale := range []bool{false, true} {
		name := map[bool]string{false: "no socket", true: "stale socket file"}[stale]
		t.Run(name, func(t *testing.T) {
			env, corpusDir, indexDir := modEnv(t, nil)
			eng, err := index.Open(context.Background(), index.Options{IndexDir: indexDir, CorpusDir: corpusDir})
			if err != nil {
				t.Fatal(err)
			}
			defer eng.Close()
			if stale {
				// A socket file nobody listens on, as a killed bot leaves.
				ln, err := net.Listen("unix", control.SocketPath(indexDir))
				if err != nil {
					t.Fatal(err)
				}
				ln.(*net.UnixListener).SetUnlinkOnClose(false)
				ln.Close()
				if _, err := os.Stat(control.SocketPath(indexDir)); err != nil {
					t.Fatal(err)
				}
			}
			for _, args := range [][]string{{"add", filepath.Join(devdata.FictionDir(t), "a3.md")}, {"remove", "alaska-summit"}, {"reindex"}} {
				out, err := runBounded(t, 3*time.Second, env, args...)
				if err == nil || !strings.Contains(err.Error(), "holds the index") || strings.Contains(err.Error(), "\n") || out != "" {
					t.Errorf("%v: err %v, printed %q", args, err, out)
				}
			}
			if _, err := os.Stat(filepath.Join(corpusDir, "a3.md")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a3.md was written: %v", err)
			}
		})
	}
}

// A cancelled `summitbot add` (SIGINT, SIGTERM) stops reading.
func TestModerateAddHonoursCancellation(t *testing.T) {
	env, _, _ := modEnv(t, nil)
	file := filepath.Join(t.TempDir(), "story.md")
	os.WriteFile(file, []byte("# Story\n\nA paragraph.\n"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	err := run(ctx, []string{"add", file}, env, &out, &errOut)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled add: %v, want context.Canceled", err)
	}
}

// While a bot runs, the command line's questions are answered by it
// through the query socket: no temporary index, the bot's own articles.
func TestQueriesAnsweredByRunningBot(t *testing.T) {
	env, corpusDir, indexDir := modEnv(t, nil)
	eng := serveControl(t, corpusDir, indexDir)
	walrus := []byte("---\ntitle: Walrus watch\nurl: https://example.org/walrus\n---\nHarbour master Ingrid Holm watched the summit from the pier.\n\n\"The walrus was the only one who looked relaxed,\" Holm said.\n")
	if _, err := eng.AddArticle(context.Background(), "walrus.md", walrus); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"who-said", "only one who looked relaxed"},
		{"ask", "--json", "where was the summit held"},
		{"quotes", "putin"},
		{"reactions", "europe"},
		{"list"},
	} {
		out, errOut, err := runCLI(t, env, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if strings.Contains(errOut, "temporary") {
			t.Errorf("%v built a temporary index: %s", args, errOut)
		}
		if args[0] == "who-said" && !strings.Contains(out, "Holm") {
			t.Errorf("%v: the bot's new article is not answered:\n%s", args, out)
		}
		if args[0] == "list" && !strings.Contains(out, "walrus") {
			t.Errorf("list:\n%s", out)
		}
	}
}
