package index

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// Errors callers check with errors.Is.
var (
	// ErrLocked: another process (usually `summitbot serve`) holds the index.
	ErrLocked = errors.New("index: held by another process")
	// ErrReindexRunning: a reindex is already under way.
	ErrReindexRunning = errors.New("index: a reindex is already running")
	// ErrEmptyQuery: the query has no searchable words.
	ErrEmptyQuery = errors.New("index: empty query")
	// ErrNotFound: no article with that id.
	ErrNotFound = errors.New("index: no such article")
	// ErrClosed: the engine was closed.
	ErrClosed = errors.New("index: closed")
)

// Options configure Open.
type Options struct {
	// IndexDir holds the bleve index (and its fingerprint).
	IndexDir string
	// CorpusDir is the corpus folder, the single source of truth.
	CorpusDir string
	Logger    *slog.Logger
	// LockTimeout is how long Open waits for another process's lock on the
	// index before failing with ErrLocked; 0 means a short default.
	LockTimeout time.Duration
}

// Progress reports a reindex's advance.
type Progress struct {
	Done, Total int // paragraphs
}

// Stats summarise a build or reindex.
type Stats struct {
	Articles   int
	Paragraphs int
	Quotes     int
	Took       time.Duration
}

// Added tells what was understood of an added article.
type Added struct {
	Info ArticleInfo
	// Speakers are the canonical names of the article's quoted speakers.
	Speakers []string
	// Updated is true when the article replaced an existing one (same URL or id).
	Updated bool
}

// Engine answers questions from the index. It is safe for concurrent use.
type Engine struct{}

// Open opens the index in opt.IndexDir, reusing it when the corpus and mapping
// fingerprint match, and building it from opt.CorpusDir otherwise.
func Open(ctx context.Context, opt Options) (*Engine, error) {
	return nil, errors.New("index: not built yet")
}

// Close releases the index.
func (e *Engine) Close() error { return nil }

// WhoSaid finds the quotes that contain phrase, best first.
func (e *Engine) WhoSaid(ctx context.Context, phrase string, limit int) (Answer, error) {
	return Answer{}, errors.New("todo")
}

// Reactions finds how a group (country, bloc, camp, person) reacted.
func (e *Engine) Reactions(ctx context.Context, group string, limit int) (Answer, error) {
	return Answer{}, errors.New("todo")
}

// Ask finds the paragraphs that best answer a free question.
func (e *Engine) Ask(ctx context.Context, question string, limit int) (Answer, error) {
	return Answer{}, errors.New("todo")
}

// Quotes lists a speaker's quotes.
func (e *Engine) Quotes(ctx context.Context, speaker string, limit int) (Answer, error) {
	return Answer{}, errors.New("todo")
}

// FindSource finds the quote or paragraph a message's text quotes.
func (e *Engine) FindSource(ctx context.Context, text string, limit int) (Answer, error) {
	return Answer{}, errors.New("todo")
}

// Sources lists the indexed articles.
func (e *Engine) Sources() []ArticleInfo { return nil }

// CompletePhrase suggests quotes containing what was typed.
func (e *Engine) CompletePhrase(prefix string, limit int) []string { return nil }

// CompleteGroup suggests known groups.
func (e *Engine) CompleteGroup(prefix string, limit int) []string { return nil }

// CompleteSpeaker suggests speakers.
func (e *Engine) CompleteSpeaker(prefix string, limit int) []string { return nil }

// Reindex rebuilds the whole index from the corpus folder in a new folder
// while the old index keeps answering, then swaps atomically.
func (e *Engine) Reindex(ctx context.Context, progress func(Progress)) (Stats, error) {
	return Stats{}, errors.New("todo")
}

// AddArticle saves an article file into the corpus folder (atomically) and
// indexes it. Adding an article with the URL of an existing one replaces it.
func (e *Engine) AddArticle(ctx context.Context, name string, data []byte) (Added, error) {
	return Added{}, errors.New("todo")
}

// RemoveArticle deletes an article from the corpus folder and the index.
func (e *Engine) RemoveArticle(ctx context.Context, id string) error { return errors.New("todo") }

// Ready reports whether the index is open and answering.
func (e *Engine) Ready() bool { return false }
