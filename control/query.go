package control

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"summitbot/answer"
)

// QuerySocketName is the query socket's file name inside the index folder:
// the command line's who-said, reactions, ask, quotes and list are answered
// there by the running bot. It carries only questions, so it is open to
// every user who can reach the index folder (mode 0666), where the control
// socket, which changes the corpus, is the bot owner's alone (0600).
const QuerySocketName = "query.sock"

// QuerySocketPath returns the query socket's path for an index folder.
func QuerySocketPath(indexDir string) string { return filepath.Join(indexDir, QuerySocketName) }

// Queryer answers the command line's questions; Local implements it. A
// Moderator given to Listen that also implements it is served on the query
// socket too.
type Queryer interface {
	// Query answers command ("who-said", "reactions", "ask", "quotes")
	// for text.
	Query(ctx context.Context, command, text string, limit int) (answer.Answer, error)
	Sources() []answer.ArticleInfo
}

// ErrUnknownCommand: a query named no known question.
var ErrUnknownCommand = errors.New("control: unknown query command")

// pathQuery is the query socket's question request.
const pathQuery = "/v1/query"

type queryRequest struct {
	Command string `json:"command"`
	Text    string `json:"text"`
	Limit   int    `json:"limit"`
}

// querySide is the query socket's listener and server.
type querySide struct {
	path string
	ln   *net.UnixListener
	file os.FileInfo
	http *http.Server
	done chan struct{}
}

// listenQueries opens the query socket beside the control socket; a
// failure only costs the command line its answers from the running bot.
func (s *Server) listenQueries(q Queryer) {
	path := QuerySocketPath(filepath.Dir(s.path))
	tmp := filepath.Join(filepath.Dir(s.path), ".qry-"+randomHex(4))
	if len(tmp) > maxPathLen || len(path) > maxPathLen {
		s.log.Warn("control: no query socket: path too long", "socket", path)
		return
	}
	if err := removeStale(path); err != nil {
		s.log.Warn("control: no query socket", "socket", path, "err", err)
		return
	}
	ln, file, err := bind(path, tmp, 0o666)
	if err != nil {
		s.log.Warn("control: no query socket", "socket", path, "err", err)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+pathQuery, func(w http.ResponseWriter, r *http.Request) { s.handleQuery(w, r, q) })
	mux.HandleFunc("GET "+pathList, s.handleList)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.finish(w, r, http.StatusNotFound, message{Error: &wireError{Code: codeBadRequest, Message: fmt.Sprintf("control: no such request %s %s on the query socket", r.Method, r.URL.Path)}})
	})
	qs := &querySide{path: path, ln: ln, file: file, done: make(chan struct{}), http: &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		ErrorLog:          s.http.ErrorLog,
	}}
	go func() {
		defer close(qs.done)
		if err := qs.http.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("control: serve queries", "socket", path, "err", err)
		}
	}()
	s.queries = qs
	s.log.Info("control: answering queries", "socket", path)
}

// close stops the query socket and removes its file if it is still this
// server's.
func (qs *querySide) close(ctx context.Context) error {
	if err := qs.http.Shutdown(ctx); err != nil {
		qs.http.Close()
	}
	<-qs.done
	if now, err := os.Lstat(qs.path); err == nil && os.SameFile(now, qs.file) && now.ModTime().Equal(qs.file.ModTime()) {
		if err := os.Remove(qs.path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("control: remove %s: %w", qs.path, err)
		}
	}
	return nil
}

func (s *Server) handleQuery(w http.ResponseWriter, r *http.Request, q Queryer) {
	var req queryRequest
	if !s.decode(w, r, &req) {
		return
	}
	ans, err := q.Query(r.Context(), req.Command, req.Text, req.Limit)
	if err != nil {
		s.fail(w, r, "query", err)
		return
	}
	s.finish(w, r, http.StatusOK, message{Answer: &ans})
}

// Query asks the running bot a question (the query socket).
func (c *Client) Query(ctx context.Context, command, text string, limit int) (answer.Answer, error) {
	m, err := c.call(ctx, http.MethodPost, pathQuery, queryRequest{Command: command, Text: text, Limit: limit}, nil)
	if err != nil {
		return answer.Answer{}, err
	}
	if m.Answer == nil {
		return answer.Answer{}, errors.New("control: query: the answer holds no answer")
	}
	return *m.Answer, nil
}

// List returns the articles the server has indexed and the corpus folder's
// skipped and suspicious files.
func (c *Client) List(ctx context.Context) ([]answer.ArticleInfo, []answer.CorpusProblem, error) {
	m, err := c.call(ctx, http.MethodGet, pathList, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	if m.Articles == nil {
		m.Articles = []answer.ArticleInfo{}
	}
	return m.Articles, m.Problems, nil
}

// Query answers a question on the engine.
func (l Local) Query(ctx context.Context, command, text string, limit int) (answer.Answer, error) {
	switch command {
	case "who-said":
		return l.Engine.WhoSaid(ctx, text, limit)
	case "reactions":
		return l.Engine.Reactions(ctx, text, limit)
	case "ask":
		return l.Engine.Ask(ctx, text, limit)
	case "quotes":
		return l.Engine.Quotes(ctx, text, limit)
	}
	return answer.Answer{}, fmt.Errorf("%w %q", ErrUnknownCommand, command)
}
