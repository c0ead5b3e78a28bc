package feed

import (
	"context"
	"slices"

	"summitbot/answer"
	"summitbot/quote"
)

// Preview is a queued item and what was understood of its article, as an
// add would report it: title, outlet, date, paragraphs, quotes and their
// speakers (as the article names them: they are linked across articles
// only once it is added). A reviewer sees it before approving.
type Preview struct {
	Item    Item         `json:"item"`
	Article answer.Added `json:"article"`
}

// Preview reads a queued item's article (as it was extracted when found)
// and finds its quotes and speakers, without adding it.
func (s *Service) Preview(ctx context.Context, id string) (Preview, error) {
	it, err := s.queued(id)
	if err != nil {
		return Preview{}, err
	}
	if err := ctx.Err(); err != nil {
		return Preview{}, err
	}
	data, err := s.store.readArticle(it.ID)
	if err != nil {
		return Preview{}, err
	}
	a := quote.Parse(it.File, data)
	p := Preview{Item: it, Article: answer.Added{Info: answer.ArticleInfo{
		Source:     answer.Source{ID: a.ID, Title: a.Title, Outlet: a.Outlet, URL: a.URL, Published: a.Published},
		Paragraphs: len(a.Paragraphs),
		Quotes:     len(a.Quotes),
	}}}
	for _, q := range a.Quotes {
		if q.Speaker != "" && !slices.Contains(p.Article.Speakers, q.Speaker) {
			p.Article.Speakers = append(p.Article.Speakers, q.Speaker)
		}
	}
	return p, nil
}
