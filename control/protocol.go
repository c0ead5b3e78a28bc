package control

import (
	"context"
	"errors"

	"summitbot/answer"
	"summitbot/corpus"
	"summitbot/feed"
	"summitbot/index"
	"summitbot/webpage"
)

// Paths of the protocol's requests.
const (
	pathAdd     = "/v1/add"
	pathRemove  = "/v1/remove"
	pathReindex = "/v1/reindex"
	pathList    = "/v1/list"
)

// addRequest adds a file (Name and Data) or a web page (URL).
type addRequest struct {
	Name string `json:"name,omitempty"`
	Data []byte `json:"data,omitempty"`
	URL  string `json:"url,omitempty"`
}

type removeRequest struct {
	ID string `json:"id"`
}

// message is one JSON line of a response. A response is zero or more
// progress lines followed by one line with Done set, holding either the
// result or Error.
type message struct {
	Progress *answer.Progress     `json:"progress,omitempty"`
	Done     bool                 `json:"done,omitempty"`
	Added    *answer.Added        `json:"added,omitempty"`
	Stats    *answer.Stats        `json:"stats,omitempty"`
	Articles []answer.ArticleInfo `json:"articles,omitempty"`
	// Problems are the corpus folder's skipped and suspicious files (list).
	Problems []answer.CorpusProblem `json:"problems,omitempty"`
	// Answer is a query's answer (the query socket).
	Answer *answer.Answer `json:"answer,omitempty"`
	Error  *wireError     `json:"error,omitempty"`
}

// wireError is an error as it crosses the socket.
type wireError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Codes of errors that keep their identity across the socket.
const (
	codeNotFound         = "not_found"
	codeReindexRunning   = "reindex_running"
	codeLocked           = "locked"
	codeClosed           = "closed"
	codeRefused          = "refused"
	codeBadURL           = "bad_url"
	codeTooLarge         = "too_large"
	codeNotArticle       = "not_article"
	codeTimeout          = "timeout"
	codeHTTPStatus       = "http_status"
	codeTooManyRedirects = "too_many_redirects"
	codeUnreachable      = "unreachable"
	codeBadFile          = "bad_file"
	codeCanceled         = "canceled"
	codeDeadline         = "deadline_exceeded"
	codeBadRequest       = "bad_request"
	codeNoFeed           = "no_feed"
	codeNoItem           = "no_item"
	codeNotFeed          = "not_feed"
	codeFeedStore        = "feed_store"
	codeNoFeeds          = "no_feeds"
	codeEmptyQuery       = "empty_query"
	codeInternal         = "internal"
)

// errorCodes maps codes to the errors they stand for, most specific first.
var errorCodes = []struct {
	code string
	err  error
}{
	{codeNotFound, index.ErrNotFound},
	{codeReindexRunning, index.ErrReindexRunning},
	{codeLocked, index.ErrLocked},
	{codeClosed, index.ErrClosed},
	{codeRefused, webpage.ErrRefused},
	{codeBadURL, webpage.ErrBadURL},
	{codeTooLarge, webpage.ErrTooLarge},
	{codeTooLarge, corpus.ErrTooLarge},
	{codeNotArticle, webpage.ErrNotArticle},
	{codeTimeout, webpage.ErrTimeout},
	{codeHTTPStatus, webpage.ErrHTTPStatus},
	{codeTooManyRedirects, webpage.ErrTooManyRedirects},
	{codeUnreachable, webpage.ErrUnreachable},
	{codeBadFile, webpage.ErrBadFile},
	{codeBadRequest, ErrBadRequest},
	{codeNoFeed, feed.ErrNoFeed},
	{codeNoItem, feed.ErrNoItem},
	{codeNotFeed, feed.ErrNotFeed},
	{codeFeedStore, feed.ErrStore},
	{codeNoFeeds, ErrNoFeeds},
	{codeBadRequest, ErrUnknownCommand},
	{codeEmptyQuery, index.ErrEmptyQuery},
	{codeCanceled, context.Canceled},
	{codeDeadline, context.DeadlineExceeded},
}

// ErrBadRequest: the server could not understand a request.
var ErrBadRequest = errors.New("control: bad request")

func toWire(err error) *wireError {
	for _, c := range errorCodes {
		if errors.Is(err, c.err) {
			return &wireError{Code: c.code, Message: err.Error()}
		}
	}
	return &wireError{Code: codeInternal, Message: err.Error()}
}

// RemoteError is an error the server reported. Its message is the server's;
// errors.Is matches the error its Code stands for (index.ErrNotFound,
// webpage.ErrRefused, …).
type RemoteError struct {
	Code    string
	Message string
}

func (e *RemoteError) Error() string { return e.Message }

// Unwrap returns the error that Code stands for, or nil.
func (e *RemoteError) Unwrap() error {
	for _, c := range errorCodes {
		if c.code == e.Code {
			return c.err
		}
	}
	return nil
}

func fromWire(w *wireError) error {
	return &RemoteError{Code: w.Code, Message: w.Message}
}
