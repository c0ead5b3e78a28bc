package control

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"summitbot/answer"
	"summitbot/feed"
	"sync"
	"syscall"
	"time"
)

// SocketName is the control socket's file name inside the index folder.
const SocketName = "control.sock"

// SocketPath returns the control socket's path for an index folder.
func SocketPath(indexDir string) string { return filepath.Join(indexDir, SocketName) }

// maxPathLen is the longest socket path: sun_path holds 108 bytes with the
// terminating NUL.
const maxPathLen = 107

// maxRequestBytes bounds a request body: a 2 MiB file, base64-encoded, and
// its JSON wrapping.
const maxRequestBytes = 4 << 20

// Errors of Listen and Dial, checked with errors.Is.
var (
	// ErrNoServer: no server listens on the socket (no socket file, or a
	// stale one left by a process that died). The caller may open the index
	// itself.
	ErrNoServer = errors.New("control: no running server")
	// ErrInUse: another server already listens on the socket.
	ErrInUse = errors.New("control: another server is listening")
	// ErrPathTooLong: the socket path is longer than a Unix socket allows.
	ErrPathTooLong = errors.New("control: socket path too long")
)

// Server answers control requests on a Unix socket by calling a Moderator.
type Server struct {
	path string
	mod  answer.Moderator
	log  *slog.Logger
	ln   *net.UnixListener
	http *http.Server
	// file is the socket file as created, so Close removes only its own.
	file os.FileInfo

	// queries is the query socket, when the Moderator answers questions.
	queries *querySide

	serveDone chan struct{}
	closeOnce sync.Once
	closeErr  error

	feedMu sync.Mutex
	feeds  feed.Manager // see ServeFeeds
}

// Listen creates the control socket at path (mode 0600; a stale socket file
// from a dead process is removed first) and serves requests on it with m
// until Close. It fails with ErrInUse when another server answers there.
func Listen(path string, m answer.Moderator, log *slog.Logger) (*Server, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dir := filepath.Dir(path)
	// The socket is bound under a temporary name, made private, then renamed
	// into place, so it is never reachable with looser permissions.
	tmp := filepath.Join(dir, ".ctl-"+randomHex(4))
	if len(path) > maxPathLen || len(tmp) > maxPathLen {
		return nil, fmt.Errorf("%w: %s (at most %d bytes)", ErrPathTooLong, path, maxPathLen)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("control: create %s: %w", dir, err)
	}
	if err := removeStale(path); err != nil {
		return nil, err
	}
	ln, file, err := bind(path, tmp, 0o600)
	if err != nil {
		return nil, err
	}
	s := &Server{path: path, mod: m, log: log, ln: ln, file: file, serveDone: make(chan struct{})}
	s.feeds, _ = m.(feed.Manager) // a Moderator that handles feeds too serves them from the start
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+pathAdd, s.handleAdd)
	mux.HandleFunc("POST "+pathRemove, s.handleRemove)
	mux.HandleFunc("POST "+pathReindex, s.handleReindex)
	mux.HandleFunc("GET "+pathList, s.handleList)
	s.routeFeeds(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.finish(w, r, http.StatusNotFound, message{Error: &wireError{Code: codeBadRequest, Message: fmt.Sprintf("control: no such request %s %s", r.Method, r.URL.Path)}})
	})
	s.http = &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			return answer.WithActor(context.WithValue(ctx, peerKey{}, peerOf(c)), actorOf(c))
		},
	}
	go func() {
		defer close(s.serveDone)
		if err := s.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("control: serve", "socket", path, "err", err)
		}
	}()
	log.Info("control: listening", "socket", path)
	if q, ok := m.(Queryer); ok {
		s.listenQueries(q)
	}
	return s, nil
}

// bind creates a Unix socket at path with mode perm: bound under the
// temporary name tmp, given its mode, then renamed into place, so that it
// is never reachable with looser permissions.
func bind(path, tmp string, perm os.FileMode) (*net.UnixListener, os.FileInfo, error) {
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: tmp, Net: "unix"})
	if err != nil {
		return nil, nil, fmt.Errorf("control: listen on %s: %w", path, err)
	}
	ln.SetUnlinkOnClose(false)
	fail := func(err error) (*net.UnixListener, os.FileInfo, error) {
		ln.Close()
		os.Remove(tmp)
		return nil, nil, err
	}
	if err := os.Chmod(tmp, perm); err != nil {
		return fail(fmt.Errorf("control: chmod %s: %w", tmp, err))
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(fmt.Errorf("control: rename %s to %s: %w", tmp, path, err))
	}
	file, err := os.Lstat(path)
	if err != nil {
		return fail(fmt.Errorf("control: stat %s: %w", path, err))
	}
	return ln, file, nil
}

// Path is the socket's path.
func (s *Server) Path() string { return s.path }

// Close stops accepting requests, gives those under way a few seconds to
// finish (a running reindex is cancelled after that), and removes the
// socket file if it is still this server's.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if s.queries != nil {
			if err := s.queries.close(ctx); err != nil {
				s.closeErr = err
			}
		}
		if err := s.http.Shutdown(ctx); err != nil {
			s.http.Close()
		}
		<-s.serveDone
		// The file is ours if it is the same inode with the same bind time
		// (inode numbers are reused once a file is gone).
		if now, err := os.Lstat(s.path); err == nil && os.SameFile(now, s.file) && now.ModTime().Equal(s.file.ModTime()) {
			if err := os.Remove(s.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				s.closeErr = fmt.Errorf("control: remove %s: %w", s.path, err)
			}
		}
	})
	return s.closeErr
}

// removeStale removes a socket file nobody listens on. A live socket gives
// ErrInUse; a path that is not a socket is left alone and refused.
func removeStale(path string) error {
	fi, err := os.Lstat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("control: stat %s: %w", path, err)
	}
	if fi.Mode().Type() != fs.ModeSocket {
		return fmt.Errorf("control: %s exists and is not a socket; remove it or choose another path", path)
	}
	conn, err := net.DialTimeout("unix", path, time.Second)
	if err == nil {
		conn.Close()
		return fmt.Errorf("%w on %s", ErrInUse, path)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("control: check %s: %w", path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("control: remove stale socket %s: %w", path, err)
	}
	return nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

type peerKey struct{}

func peerFrom(ctx context.Context) string {
	p, _ := ctx.Value(peerKey{}).(string)
	return p
}

func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxRequestBytes)
	if err := json.NewDecoder(r.Body).Decode(v); err != nil {
		s.finish(w, r, http.StatusBadRequest, message{Error: &wireError{Code: codeBadRequest, Message: fmt.Sprintf("control: bad request: %v", err)}})
		return false
	}
	return true
}

// finish writes the final message of a response.
func (s *Server) finish(w http.ResponseWriter, r *http.Request, status int, m message) {
	m.Done = true
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
	}
	if err := json.NewEncoder(w).Encode(m); err != nil {
		s.log.Warn("control: write answer", "path", r.URL.Path, "err", err)
	}
}

// fail reports err as the final message, with an HTTP status that says
// roughly what it is (the client reads the code, not the status).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, op string, err error) {
	we := toWire(err)
	status := http.StatusInternalServerError
	switch we.Code {
	case codeNotFound:
		status = http.StatusNotFound
	case codeReindexRunning:
		status = http.StatusConflict
	case codeBadRequest, codeRefused, codeBadURL, codeTooLarge, codeNotArticle, codeBadFile:
		status = http.StatusUnprocessableEntity
	case codeTimeout, codeHTTPStatus, codeTooManyRedirects, codeUnreachable:
		status = http.StatusBadGateway
	}
	s.log.Warn("control: "+op+" failed", "peer", peerFrom(r.Context()), "code", we.Code, "err", err)
	s.finish(w, r, status, message{Error: we})
}

func (s *Server) handleAdd(w http.ResponseWriter, r *http.Request) {
	var req addRequest
	if !s.decode(w, r, &req) {
		return
	}
	var (
		added answer.Added
		err   error
	)
	switch {
	case req.URL != "" && (req.Name != "" || len(req.Data) > 0):
		err = fmt.Errorf("%w: add takes a url or a file, not both", ErrBadRequest)
	case req.URL != "":
		s.log.Info("control: add", "peer", peerFrom(r.Context()), "url", req.URL)
		added, err = s.mod.AddURL(r.Context(), req.URL)
	case req.Name != "":
		s.log.Info("control: add", "peer", peerFrom(r.Context()), "file", req.Name, "bytes", len(req.Data))
		added, err = s.mod.AddArticle(r.Context(), req.Name, req.Data)
	default:
		err = fmt.Errorf("%w: add needs a url or a file name", ErrBadRequest)
	}
	if err != nil {
		s.fail(w, r, "add", err)
		return
	}
	s.log.Info("control: added", "peer", peerFrom(r.Context()), "id", added.Info.ID, "updated", added.Updated)
	s.finish(w, r, http.StatusOK, message{Added: &added})
}

func (s *Server) handleRemove(w http.ResponseWriter, r *http.Request) {
	var req removeRequest
	if !s.decode(w, r, &req) {
		return
	}
	if req.ID == "" {
		s.fail(w, r, "remove", fmt.Errorf("%w: remove needs an article id", ErrBadRequest))
		return
	}
	s.log.Info("control: remove", "peer", peerFrom(r.Context()), "id", req.ID)
	if err := s.mod.RemoveArticle(r.Context(), req.ID); err != nil {
		s.fail(w, r, "remove", err)
		return
	}
	s.log.Info("control: removed", "peer", peerFrom(r.Context()), "id", req.ID)
	s.finish(w, r, http.StatusOK, message{})
}

func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	list := s.mod.Sources()
	if list == nil {
		list = []answer.ArticleInfo{}
	}
	m := message{Articles: list}
	if pr, ok := s.mod.(answer.ProblemReporter); ok {
		m.Problems = pr.CorpusProblems()
	}
	s.finish(w, r, http.StatusOK, m)
}

// progressEvery spaces progress lines so a fast reindex does not flood the
// socket; the last one is always sent.
const progressEvery = 100 * time.Millisecond

func (s *Server) handleReindex(w http.ResponseWriter, r *http.Request) {
	// Reading the (empty) body to its end lets the server notice when the
	// client goes away, which cancels r.Context() and so the reindex.
	io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, maxRequestBytes))
	s.log.Info("control: reindex", "peer", peerFrom(r.Context()))
	w.Header().Set("Content-Type", "application/x-ndjson")
	flusher, _ := w.(http.Flusher)
	var (
		mu      sync.Mutex
		started bool
		ended   bool
		last    time.Time
		pending *answer.Progress
	)
	enc := json.NewEncoder(w)
	send := func(p answer.Progress) {
		if !started {
			w.WriteHeader(http.StatusOK)
			started = true
		}
		if err := enc.Encode(message{Progress: &p}); err == nil && flusher != nil {
			flusher.Flush()
		}
		last = time.Now()
		pending = nil
	}
	progress := func(p answer.Progress) {
		mu.Lock()
		defer mu.Unlock()
		if ended {
			return
		}
		if time.Since(last) < progressEvery && p.Done < p.Total {
			pending = &p
			return
		}
		send(p)
	}
	stats, err := s.mod.Reindex(r.Context(), progress)
	mu.Lock()
	defer mu.Unlock()
	if pending != nil {
		send(*pending)
	}
	ended = true
	if !started {
		// No progress was sent: the status can still say what happened.
		w.Header().Del("Content-Type")
	}
	if err != nil {
		s.fail(w, r, "reindex", err)
		return
	}
	s.log.Info("control: reindexed", "peer", peerFrom(r.Context()), "articles", stats.Articles, "paragraphs", stats.Paragraphs, "took", stats.Took)
	s.finish(w, r, http.StatusOK, message{Stats: &stats})
}
