package control

import (
	"context"
	"errors"

	"summitbot/answer"
	"summitbot/index"
	"summitbot/webpage"
)

// Local carries out moderator commands in this process, on an open engine:
// files are checked and converted with webpage.FromFile, pages fetched with
// Fetcher, and the result handed to Engine.AddArticle. The bot's Discord
// commands, the control server and the command line without a running bot
// all use it, so an article is added the same way whichever way it comes.
type Local struct {
	Engine  *index.Engine
	Fetcher *webpage.Fetcher
	// MaxBytes caps an added file (MAX_ARTICLE_BYTES); 0 means
	// webpage.MaxFileBytes.
	MaxBytes int64
}

var _ answer.Moderator = Local{}

// AddArticle checks and converts the file, then adds it to the corpus and
// the index.
func (l Local) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	f, err := webpage.FromFileMax(name, data, l.MaxBytes)
	if err != nil {
		return answer.Added{}, err
	}
	return l.Engine.AddArticle(ctx, f.Name, f.Data)
}

// AddURL fetches the page, extracts its article and adds it. Adding the same
// URL again gives the same file name, and the engine replaces the article.
func (l Local) AddURL(ctx context.Context, url string) (answer.Added, error) {
	if l.Fetcher == nil {
		return answer.Added{}, errors.New("control: no fetcher configured")
	}
	x, err := l.Fetcher.FetchArticle(ctx, url)
	if err != nil {
		return answer.Added{}, err
	}
	f := x.File()
	return l.Engine.AddArticle(ctx, f.Name, f.Data)
}

// RemoveArticle removes an article from the corpus and the index.
func (l Local) RemoveArticle(ctx context.Context, id string) error {
	return l.Engine.RemoveArticle(ctx, id)
}

// Reindex rebuilds the index from the corpus folder.
func (l Local) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	return l.Engine.Reindex(ctx, progress)
}

// Sources lists the indexed articles.
func (l Local) Sources() []answer.ArticleInfo { return l.Engine.Sources() }

// CorpusProblems lists the corpus folder's skipped and suspicious files.
func (l Local) CorpusProblems() []answer.CorpusProblem { return l.Engine.CorpusProblems() }
