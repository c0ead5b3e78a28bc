package control

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/index"
	"summitbot/webpage"
)

// fake is a Moderator that records what it is asked and answers from its
// fields.
type fake struct {
	mu       sync.Mutex
	calls    []string
	articles []answer.ArticleInfo
	// fail, when set, is returned by every call.
	fail error
	// reindexGate, when set, holds Reindex until it is closed or ctx ends.
	reindexGate chan struct{}
	reindexCtx  error
}

func (f *fake) record(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, s)
}

func (f *fake) Calls() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fake) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	f.record(fmt.Sprintf("add %s %q", name, data))
	if f.fail != nil {
		return answer.Added{}, f.fail
	}
	return answer.Added{Info: answer.ArticleInfo{Source: answer.Source{ID: strings.TrimSuffix(name, filepath.Ext(name)), Title: "From a file"}, Paragraphs: 3, Quotes: 1}, Speakers: []string{"Ana Lind"}}, nil
}

func (f *fake) AddURL(ctx context.Context, url string) (answer.Added, error) {
	f.record("addurl " + url)
	if f.fail != nil {
		return answer.Added{}, f.fail
	}
	return answer.Added{Info: answer.ArticleInfo{Source: answer.Source{ID: "web", Title: "From the web", URL: url, Outlet: "Wire", Published: "2031-05-02"}, Paragraphs: 9, Quotes: 4}, Speakers: []string{"Ana Lind", "Bo Ek"}, Updated: true}, nil
}

func (f *fake) RemoveArticle(ctx context.Context, id string) error {
	f.record("remove " + id)
	return f.fail
}

func (f *fake) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	f.record("reindex")
	if f.reindexGate != nil {
		select {
		case <-f.reindexGate:
		case <-ctx.Done():
			f.mu.Lock()
			f.reindexCtx = ctx.Err()
			f.mu.Unlock()
			return answer.Stats{}, ctx.Err()
		}
	}
	if f.fail != nil {
		return answer.Stats{}, f.fail
	}
	for i := 0; i <= 4; i++ {
		progress(answer.Progress{Done: i * 25, Total: 100})
		time.Sleep(progressEvery + 10*time.Millisecond)
	}
	return answer.Stats{Articles: 2, Paragraphs: 100, Quotes: 17, Took: 1500 * time.Millisecond}, nil
}

func (f *fake) Sources() []answer.ArticleInfo {
	f.record("list")
	return f.articles
}

// socketPath is a control socket path in a short temporary folder: t.TempDir
// paths can pass the 107-byte limit of Unix socket paths.
func socketPath(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "ctl")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return SocketPath(dir)
}

func start(t *testing.T, m answer.Moderator) (*Server, *Client) {
	t.Helper()
	path := socketPath(t)
	srv, err := Listen(path, m, nil)
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	t.Cleanup(func() { srv.Close() })
	c, err := Dial(path)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return srv, c
}

func TestRoundTrip(t *testing.T) {
	f := &fake{articles: []answer.ArticleInfo{
		{Source: answer.Source{ID: "a1", Title: "One", Outlet: "Wire", URL: "https://example.org/1", Published: "2031-05-03"}, Paragraphs: 12, Quotes: 5},
		{Source: answer.Source{ID: "a2", Title: "Two"}, Paragraphs: 3},
	}}
	_, c := start(t, f)
	ctx := context.Background()

	t.Run("add file", func(t *testing.T) {
		got, err := c.AddArticle(ctx, "notes.md", []byte("binary \x00\xff and text"))
		if err != nil {
			t.Fatal(err)
		}
		want, _ := (&fake{}).AddArticle(ctx, "notes.md", nil)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("add url", func(t *testing.T) {
		got, err := c.AddURL(ctx, "https://example.org/news/summit")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := (&fake{}).AddURL(ctx, "https://example.org/news/summit")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got %+v, want %+v", got, want)
		}
	})
	t.Run("remove", func(t *testing.T) {
		if err := c.RemoveArticle(ctx, "a2"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("reindex with progress", func(t *testing.T) {
		var seen []answer.Progress
		stats, err := c.Reindex(ctx, func(p answer.Progress) { seen = append(seen, p) })
		if err != nil {
			t.Fatal(err)
		}
		if want := (answer.Stats{Articles: 2, Paragraphs: 100, Quotes: 17, Took: 1500 * time.Millisecond}); stats != want {
			t.Errorf("stats = %+v, want %+v", stats, want)
		}
		if len(seen) < 2 || seen[len(seen)-1] != (answer.Progress{Done: 100, Total: 100}) {
			t.Errorf("progress = %+v, want several ending at 100/100", seen)
		}
	})
	t.Run("list", func(t *testing.T) {
		got, err := c.Sources(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, f.articles) {
			t.Errorf("got %+v, want %+v", got, f.articles)
		}
	})
	want := []string{`add notes.md "binary \x00\xff and text"`, "addurl https://example.org/news/summit", "remove a2", "reindex", "list"}
	if got := f.Calls(); !reflect.DeepEqual(got, want) {
		t.Errorf("moderator calls:\n got %q\nwant %q", got, want)
	}
}

func TestEmptyList(t *testing.T) {
	_, c := start(t, &fake{})
	got, err := c.Sources(context.Background())
	if err != nil || got == nil || len(got) != 0 {
		t.Errorf("Sources = %#v, %v; want an empty list", got, err)
	}
}

func TestErrorsCrossTheSocket(t *testing.T) {
	refused := &webpage.Error{Kind: webpage.ErrRefused, Reason: "refused: 10.0.0.1 is a private address"}
	tests := []struct {
		name    string
		fail    error
		call    func(*Client) error
		is      error // nil: only the message is checked
		message string
	}{
		{"not found", fmt.Errorf("index: remove %q: %w", "zz", index.ErrNotFound),
			func(c *Client) error { return c.RemoveArticle(context.Background(), "zz") },
			index.ErrNotFound, `index: remove "zz": index: no such article`},
		{"reindex running", index.ErrReindexRunning,
			func(c *Client) error { _, err := c.Reindex(context.Background(), nil); return err },
			index.ErrReindexRunning, "index: a reindex is already running"},
		{"fetch refused", refused,
			func(c *Client) error { _, err := c.AddURL(context.Background(), "http://10.0.0.1/"); return err },
			webpage.ErrRefused, "refused: 10.0.0.1 is a private address"},
		{"file too large", &webpage.Error{Kind: webpage.ErrTooLarge, Reason: "too large: over 2 MiB"},
			func(c *Client) error { _, err := c.AddArticle(context.Background(), "x.txt", []byte("x")); return err },
			webpage.ErrTooLarge, "too large: over 2 MiB"},
		{"other error keeps its message", errors.New("disk full"),
			func(c *Client) error { return c.RemoveArticle(context.Background(), "a1") },
			nil, "disk full"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, c := start(t, &fake{fail: tc.fail})
			err := tc.call(c)
			if err == nil {
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("errors.Is(%v, %v) = false", err, tc.is)
			}
			if err.Error() != tc.message {
				t.Errorf("message = %q, want %q", err, tc.message)
			}
			var re *RemoteError
			if !errors.As(err, &re) {
				t.Errorf("not a *RemoteError: %#v", err)
			}
			if tc.is == nil && (re == nil || re.Code != codeInternal || errors.Is(err, index.ErrNotFound)) {
				t.Errorf("unmapped error: %#v", err)
			}
		})
	}
}

func TestBadRequests(t *testing.T) {
	f := &fake{}
	_, c := start(t, f)
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
	}{
		{"add with nothing", func() error { _, err := c.AddArticle(ctx, "", nil); return err }},
		{"remove without id", func() error { return c.RemoveArticle(ctx, "") }},
		{"add with both", func() error {
			_, err := c.call(ctx, "POST", pathAdd, addRequest{Name: "a.md", Data: []byte("x"), URL: "https://e.org"}, nil)
			return err
		}},
		{"unknown request", func() error { _, err := c.call(ctx, "GET", "/v1/nothing", nil, nil); return err }},
		{"wrong method", func() error { _, err := c.call(ctx, "GET", pathRemove, nil, nil); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if tc.name == "wrong method" {
				// The mux answers 405 itself, without a JSON body.
				if err == nil {
					t.Fatal("no error")
				}
				return
			}
			if !errors.Is(err, ErrBadRequest) {
				t.Errorf("err = %v, want ErrBadRequest", err)
			}
		})
	}
	if calls := f.Calls(); len(calls) != 0 {
		t.Errorf("the moderator was called: %q", calls)
	}
}

func TestReindexCancelledByClient(t *testing.T) {
	f := &fake{reindexGate: make(chan struct{})}
	_, c := start(t, f)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := c.Reindex(ctx, nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		f.mu.Lock()
		got := f.reindexCtx
		f.mu.Unlock()
		if got != nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the server's reindex was not cancelled when the client went away")
}

func TestSocketFile(t *testing.T) {
	srv, _ := start(t, &fake{})
	fi, err := os.Lstat(srv.Path())
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Type() != os.ModeSocket || fi.Mode().Perm() != 0o600 {
		t.Errorf("socket mode = %v, want a socket with 0600", fi.Mode())
	}
	entries, _ := os.ReadDir(filepath.Dir(srv.Path()))
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want only the socket", len(entries))
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(srv.Path()); !os.IsNotExist(err) {
		t.Errorf("socket file left after Close: %v", err)
	}
	if _, err := Dial(srv.Path()); !errors.Is(err, ErrNoServer) {
		t.Errorf("Dial after Close = %v, want ErrNoServer", err)
	}
	if err := srv.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// staleSocket leaves a socket file at path with nobody listening, as a
// killed server does.
func staleSocket(t *testing.T, path string) {
	t.Helper()
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	l.Close()
	if _, err := os.Lstat(path); err != nil {
		t.Fatalf("no stale socket: %v", err)
	}
}

func TestStaleSocket(t *testing.T) {
	path := socketPath(t)
	staleSocket(t, path)
	if _, err := Dial(path); !errors.Is(err, ErrNoServer) {
		t.Fatalf("Dial on a stale socket = %v, want ErrNoServer", err)
	}
	srv, err := Listen(path, &fake{}, nil)
	if err != nil {
		t.Fatalf("Listen over a stale socket: %v", err)
	}
	defer srv.Close()
	c, err := Dial(path)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	defer c.Close()
	if _, err := c.Sources(context.Background()); err != nil {
		t.Errorf("Sources: %v", err)
	}
}

func TestNoServer(t *testing.T) {
	tests := []struct {
		name string
		path func(t *testing.T) string
	}{
		{"no socket file", socketPath},
		{"no folder", func(t *testing.T) string { return filepath.Join(socketPath(t), "missing", SocketName) }},
		{"stale socket", func(t *testing.T) string { p := socketPath(t); staleSocket(t, p); return p }},
		{"path too long", func(t *testing.T) string { return "/tmp/" + strings.Repeat("x", 120) + "/control.sock" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			c, err := Dial(tc.path(t))
			if !errors.Is(err, ErrNoServer) || c != nil {
				t.Errorf("Dial = %v, %v; want ErrNoServer", c, err)
			}
			if took := time.Since(start); took > time.Second {
				t.Errorf("took %s", took)
			}
		})
	}
}

func TestServerGoneAfterDial(t *testing.T) {
	srv, c := start(t, &fake{})
	srv.Close()
	if err := c.RemoveArticle(context.Background(), "a1"); !errors.Is(err, ErrNoServer) {
		t.Errorf("err = %v, want ErrNoServer", err)
	}
}

func TestSecondServerRefused(t *testing.T) {
	srv, c := start(t, &fake{})
	if _, err := Listen(srv.Path(), &fake{}, nil); !errors.Is(err, ErrInUse) {
		t.Fatalf("second Listen = %v, want ErrInUse", err)
	}
	if _, err := c.Sources(context.Background()); err != nil {
		t.Errorf("first server broken by the second Listen: %v", err)
	}
}

func TestListenRefusesNonSocket(t *testing.T) {
	path := socketPath(t)
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Listen(path, &fake{}, nil); err == nil || !strings.Contains(err.Error(), "not a socket") {
		t.Fatalf("Listen = %v, want a refusal", err)
	}
	if data, _ := os.ReadFile(path); string(data) != "keep me" {
		t.Errorf("file changed to %q", data)
	}
}

func TestListenPathTooLong(t *testing.T) {
	_, err := Listen("/tmp/"+strings.Repeat("y", 110)+"/control.sock", &fake{}, nil)
	if !errors.Is(err, ErrPathTooLong) {
		t.Errorf("Listen = %v, want ErrPathTooLong", err)
	}
}

func TestCloseLeavesAnotherServersSocket(t *testing.T) {
	first, _ := start(t, &fake{})
	// Another server takes the path over (its socket replaces the file).
	first.ln.Close() // stop answering, as a hung server would
	second, err := Listen(first.Path(), &fake{}, nil)
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	defer second.Close()
	first.Close()
	c, err := Dial(second.Path())
	if err != nil {
		t.Fatalf("the first server's Close removed the second's socket: %v", err)
	}
	c.Close()
}

func TestLocalChecksFilesAndLinksFirst(t *testing.T) {
	// The engine is never reached: the file and the link are refused first.
	l := Local{Fetcher: webpage.NewFetcher(webpage.Config{})}
	ctx := context.Background()
	if _, err := l.AddArticle(ctx, "report.pdf", []byte("%PDF")); !errors.Is(err, webpage.ErrBadFile) {
		t.Errorf("AddArticle(.pdf) = %v, want ErrBadFile", err)
	}
	if _, err := l.AddURL(ctx, "http://169.254.169.254/"); !errors.Is(err, webpage.ErrRefused) {
		t.Errorf("AddURL(metadata) = %v, want ErrRefused", err)
	}
}
