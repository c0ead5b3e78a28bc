package replica

import (
	"context"

	"summitbot/answer"
)

// Moderator wraps this process's moderator so that the changes it makes
// are known to be in the index already: a check during one waits, and
// the changed files are not taken for another process's change.
func (f *Follower) Moderator(next answer.Moderator) answer.Moderator {
	return moderator{f: f, next: next}
}

type moderator struct {
	f    *Follower
	next answer.Moderator
}

func (m moderator) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	m.f.own.RLock()
	defer m.f.own.RUnlock()
	a, err := m.next.AddArticle(ctx, name, data)
	if err == nil {
		m.f.absorb(a.Info.ID)
	}
	return a, err
}

func (m moderator) AddURL(ctx context.Context, url string) (answer.Added, error) {
	m.f.own.RLock()
	defer m.f.own.RUnlock()
	a, err := m.next.AddURL(ctx, url)
	if err == nil {
		m.f.absorb(a.Info.ID)
	}
	return a, err
}

func (m moderator) RemoveArticle(ctx context.Context, id string) error {
	m.f.own.RLock()
	defer m.f.own.RUnlock()
	err := m.next.RemoveArticle(ctx, id)
	if err == nil {
		m.f.absorb(id)
	}
	return err
}

// Reindex reads the whole folder: when it succeeds the index holds the
// folder as it was when it started.
func (m moderator) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	m.f.own.RLock()
	defer m.f.own.RUnlock()
	before, err := scan(m.f.opt.CorpusDir, m.f.current())
	st, rerr := m.next.Reindex(ctx, progress)
	if rerr == nil && err == nil {
		m.f.mu.Lock()
		m.f.state = before
		m.f.mu.Unlock()
	}
	return st, rerr
}

func (m moderator) Sources() []answer.ArticleInfo { return m.next.Sources() }
