package answer

import "context"

// Querier answers the bot's questions; *index.Engine implements it, tests
// use fakes.
type Querier interface {
	WhoSaid(ctx context.Context, phrase string, limit int) (Answer, error)
	Reactions(ctx context.Context, group string, limit int) (Answer, error)
	Ask(ctx context.Context, question string, limit int) (Answer, error)
	Quotes(ctx context.Context, speaker string, limit int) (Answer, error)
	FindSource(ctx context.Context, text string, limit int) (Answer, error)
	Sources() []ArticleInfo
	CompletePhrase(prefix string, limit int) []string
	CompleteGroup(prefix string, limit int) []string
	CompleteSpeaker(prefix string, limit int) []string
	// Ready reports whether the index is open and answering.
	Ready() bool
}

// Editor changes the corpus and the index. control.Local does it in this
// process; control.Client hands it to the running bot over its socket.
type Editor interface {
	// AddArticle adds an uploaded article file (.md, .txt or .html).
	AddArticle(ctx context.Context, name string, data []byte) (Added, error)
	// AddURL fetches a web page and adds the article on it.
	AddURL(ctx context.Context, url string) (Added, error)
	RemoveArticle(ctx context.Context, id string) error
	Reindex(ctx context.Context, progress func(Progress)) (Stats, error)
}

// Moderator carries out the moderator commands: the changes, and the list
// of indexed articles that /article list and remove's autocomplete show.
// control.Local implements it on the process's open engine, so an article
// added from Discord goes the same way as one added from the command line.
type Moderator interface {
	Editor
	Sources() []ArticleInfo
}

// ProblemReporter lists the corpus folder's skipped and suspicious files;
// *index.Engine, control.Local and control.Client implement it, and a
// Moderator that does may be asked with a type assertion.
type ProblemReporter interface {
	CorpusProblems() []CorpusProblem
}
