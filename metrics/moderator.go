package metrics

import (
	"context"
	"errors"
	"time"

	"summitbot/answer"
	"summitbot/index"
)

// Moderator wraps a moderator so that its adds, removals and reindexes are
// measured (trigger "moderator").
func (m *Metrics) Moderator(next answer.Moderator) answer.Moderator {
	return moderator{m: m, next: next}
}

type moderator struct {
	m    *Metrics
	next answer.Moderator
}

func (w moderator) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	start := time.Now()
	a, err := w.next.AddArticle(ctx, name, data)
	w.m.added(time.Since(start), err)
	return a, err
}

func (w moderator) AddURL(ctx context.Context, url string) (answer.Added, error) {
	start := time.Now()
	a, err := w.next.AddURL(ctx, url)
	w.m.added(time.Since(start), err)
	return a, err
}

func (w moderator) RemoveArticle(ctx context.Context, id string) error {
	err := w.next.RemoveArticle(ctx, id)
	if err != nil {
		w.m.removeFails.Inc()
	}
	return err
}

func (w moderator) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	start := time.Now()
	st, err := w.next.Reindex(ctx, progress)
	if !errors.Is(err, index.ErrReindexRunning) {
		w.m.Reindexed(TriggerModerator, time.Since(start), err)
	}
	return st, err
}

func (w moderator) Sources() []answer.ArticleInfo { return w.next.Sources() }
