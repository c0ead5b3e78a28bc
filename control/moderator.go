package control

import (
	"context"
	"errors"

	"summitbot/index"
	"summitbot/webpage"
)

// Moderator carries out moderator commands. The server calls it for every
// request; Local implements it on an open engine.
type Moderator interface {
	// AddArticle adds an uploaded article file (.md, .txt or .html).
	AddArticle(ctx context.Context, name string, data []byte) (index.Added, error)
	// AddURL fetches a web page and adds the article on it.
	AddURL(ctx context.Context, url string) (index.Added, error)
	RemoveArticle(ctx context.Context, id string) error
	Reindex(ctx context.Context, progress func(index.Progress)) (index.Stats, error)
	Sources() []index.ArticleInfo
}

// Local carries out moderator commands in this process, on an open engine:
// files are checked and converted with webpage.FromFile, pages fetched with
// Fetcher, and the result handed to Engine.AddArticle. The bot's Discord
// commands, the control server and the command line without a running bot
// all use it, so an article is added the same way whichever way it comes.
type Local struct {
	Engine  *index.Engine
	Fetcher *webpage.Fetcher
}

var _ Moderator = Local{}

// AddArticle checks and converts the file, then adds it to the corpus and
// the index.
func (l Local) AddArticle(ctx context.Context, name string, data []byte) (index.Added, error) {
	f, err := webpage.FromFile(name, data)
	if err != nil {
		return index.Added{}, err
	}
	return l.Engine.AddArticle(ctx, f.Name, f.Data)
}

// AddURL fetches the page, extracts its article and adds it. Adding the same
// URL again gives the same file name, and the engine replaces the article.
func (l Local) AddURL(ctx context.Context, url string) (index.Added, error) {
	if l.Fetcher == nil {
		return index.Added{}, errors.New("control: no fetcher configured")
	}
	x, err := l.Fetcher.FetchArticle(ctx, url)
	if err != nil {
		return index.Added{}, err
	}
	f := x.File()
	return l.Engine.AddArticle(ctx, f.Name, f.Data)
}

// RemoveArticle removes an article from the corpus and the index.
func (l Local) RemoveArticle(ctx context.Context, id string) error {
	return l.Engine.RemoveArticle(ctx, id)
}

// Reindex rebuilds the index from the corpus folder.
func (l Local) Reindex(ctx context.Context, progress func(index.Progress)) (index.Stats, error) {
	return l.Engine.Reindex(ctx, progress)
}

// Sources lists the indexed articles.
func (l Local) Sources() []index.ArticleInfo { return l.Engine.Sources() }
