package modlog

import (
	"context"
	"time"

	"summitbot/answer"
)

// Moderator wraps a moderator so that every add, update, removal and
// reindex it carries out, or fails to, is recorded with the actor in its
// context (answer.ActorFrom). A failure to record is logged, never returned:
// the change itself has happened.
func (l *Log) Moderator(next answer.Moderator) answer.Moderator {
	return moderator{l: l, next: next}
}

type moderator struct {
	l    *Log
	next answer.Moderator
}

func (m moderator) record(ctx context.Context, e Entry, start time.Time, err error) {
	e.Who, _ = answer.ActorFrom(ctx)
	if e.Who.Via == "" {
		e.Who.Via = "unknown"
	}
	e.TookMS = time.Since(start).Milliseconds()
	e.Result = ResultOK
	if err != nil {
		e.Result, e.Error = ResultFailed, err.Error()
	}
	if rerr := m.l.Record(e); rerr != nil {
		m.l.log.Error("moderation log: change not recorded", "action", e.Action, "article", e.ArticleID, "err", rerr)
	}
}

func added(e Entry, a answer.Added, err error) Entry {
	if err == nil {
		if a.Updated {
			e.Action = ActionUpdate
		}
		e.ArticleID, e.Title = a.Info.ID, a.Info.Title
		if a.Info.URL != "" {
			e.URL = a.Info.URL
		}
	}
	return e
}

func (m moderator) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	start := time.Now()
	a, err := m.next.AddArticle(ctx, name, data)
	m.record(ctx, added(Entry{Action: ActionAdd, File: name}, a, err), start, err)
	return a, err
}

func (m moderator) AddURL(ctx context.Context, url string) (answer.Added, error) {
	start := time.Now()
	a, err := m.next.AddURL(ctx, url)
	m.record(ctx, added(Entry{Action: ActionAdd, URL: url}, a, err), start, err)
	return a, err
}

func (m moderator) RemoveArticle(ctx context.Context, id string) error {
	start := time.Now()
	e := Entry{Action: ActionRemove, ArticleID: id}
	// The title and link, looked up before the article goes.
	for _, a := range m.next.Sources() {
		if a.ID == id {
			e.Title, e.URL = a.Title, a.URL
			break
		}
	}
	err := m.next.RemoveArticle(ctx, id)
	m.record(ctx, e, start, err)
	return err
}

func (m moderator) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	start := time.Now()
	st, err := m.next.Reindex(ctx, progress)
	m.record(ctx, Entry{Action: ActionReindex, Articles: st.Articles, Paragraphs: st.Paragraphs, Quotes: st.Quotes}, start, err)
	return st, err
}

func (m moderator) Sources() []answer.ArticleInfo { return m.next.Sources() }
