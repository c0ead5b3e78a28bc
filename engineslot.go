package main

import (
	"context"
	"fmt"
	"sync"

	"summitbot/answer"
	"summitbot/index"
)

// errStarting: a question or change came before the index was open.
var errStarting = fmt.Errorf("%w: the index is still opening", index.ErrClosed)

// engineSlot stands for the engine while it opens, so that serve's HTTP
// endpoint is up at once: /healthz answers 503 with the reason (starting,
// or why opening failed) until the engine is in, and 200 only while it
// answers. The bot checks Ready before every handler, so nothing reaches
// an engine that is not there.
type engineSlot struct {
	mu     sync.RWMutex
	eng    *index.Engine
	mod    answer.Moderator
	reason string
}

func newEngineSlot() *engineSlot {
	return &engineSlot{reason: "starting: opening the index"}
}

// set puts the open engine in.
func (s *engineSlot) set(eng *index.Engine, mod answer.Moderator) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.eng, s.mod, s.reason = eng, mod, ""
}

// fail records why the engine could not be opened.
func (s *engineSlot) fail(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reason = "failed: " + err.Error()
}

func (s *engineSlot) get() (*index.Engine, answer.Moderator, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.eng, s.mod, s.eng != nil
}

// Health is 200-worthy only while the engine answers.
func (s *engineSlot) Health() (bool, string) {
	s.mu.RLock()
	eng, reason := s.eng, s.reason
	s.mu.RUnlock()
	if eng == nil {
		return false, reason
	}
	return eng.Health()
}

func (s *engineSlot) Ready() bool { ok, _ := s.Health(); return ok }

func (s *engineSlot) WhoSaid(ctx context.Context, phrase string, limit int) (answer.Answer, error) {
	if e, _, ok := s.get(); ok {
		return e.WhoSaid(ctx, phrase, limit)
	}
	return answer.Answer{}, errStarting
}

func (s *engineSlot) Reactions(ctx context.Context, group string, limit int) (answer.Answer, error) {
	if e, _, ok := s.get(); ok {
		return e.Reactions(ctx, group, limit)
	}
	return answer.Answer{}, errStarting
}

func (s *engineSlot) Ask(ctx context.Context, question string, limit int) (answer.Answer, error) {
	if e, _, ok := s.get(); ok {
		return e.Ask(ctx, question, limit)
	}
	return answer.Answer{}, errStarting
}

func (s *engineSlot) Quotes(ctx context.Context, speaker string, limit int) (answer.Answer, error) {
	if e, _, ok := s.get(); ok {
		return e.Quotes(ctx, speaker, limit)
	}
	return answer.Answer{}, errStarting
}

func (s *engineSlot) FindSource(ctx context.Context, text string, limit int) (answer.Answer, error) {
	if e, _, ok := s.get(); ok {
		return e.FindSource(ctx, text, limit)
	}
	return answer.Answer{}, errStarting
}

func (s *engineSlot) Sources() []answer.ArticleInfo {
	if e, _, ok := s.get(); ok {
		return e.Sources()
	}
	return nil
}

func (s *engineSlot) CompletePhrase(prefix string, limit int) []string {
	if e, _, ok := s.get(); ok {
		return e.CompletePhrase(prefix, limit)
	}
	return nil
}

func (s *engineSlot) CompleteGroup(prefix string, limit int) []string {
	if e, _, ok := s.get(); ok {
		return e.CompleteGroup(prefix, limit)
	}
	return nil
}

func (s *engineSlot) CompleteSpeaker(prefix string, limit int) []string {
	if e, _, ok := s.get(); ok {
		return e.CompleteSpeaker(prefix, limit)
	}
	return nil
}

func (s *engineSlot) CorpusProblems() []answer.CorpusProblem {
	if e, _, ok := s.get(); ok {
		return e.CorpusProblems()
	}
	return nil
}

func (s *engineSlot) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	if _, m, ok := s.get(); ok {
		return m.AddArticle(ctx, name, data)
	}
	return answer.Added{}, errStarting
}

func (s *engineSlot) AddURL(ctx context.Context, url string) (answer.Added, error) {
	if _, m, ok := s.get(); ok {
		return m.AddURL(ctx, url)
	}
	return answer.Added{}, errStarting
}

func (s *engineSlot) RemoveArticle(ctx context.Context, id string) error {
	if _, m, ok := s.get(); ok {
		return m.RemoveArticle(ctx, id)
	}
	return errStarting
}

func (s *engineSlot) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	if _, m, ok := s.get(); ok {
		return m.Reindex(ctx, progress)
	}
	return answer.Stats{}, errStarting
}

var (
	_ answer.Querier         = (*engineSlot)(nil)
	_ answer.Moderator       = (*engineSlot)(nil)
	_ answer.ProblemReporter = (*engineSlot)(nil)
)
