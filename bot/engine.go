package bot

import (
	"context"

	"summitbot/index"
)

// Engine is what the bot needs from the answer engine; *index.Engine
// implements it, tests use a fake.
type Engine interface {
	WhoSaid(ctx context.Context, phrase string, limit int) (index.Answer, error)
	Reactions(ctx context.Context, group string, limit int) (index.Answer, error)
	Ask(ctx context.Context, question string, limit int) (index.Answer, error)
	Quotes(ctx context.Context, speaker string, limit int) (index.Answer, error)
	FindSource(ctx context.Context, text string, limit int) (index.Answer, error)
	Sources() []index.ArticleInfo
	CompletePhrase(prefix string, limit int) []string
	CompleteGroup(prefix string, limit int) []string
	CompleteSpeaker(prefix string, limit int) []string
	// Ready reports whether the index is open and answering.
	Ready() bool
}

var _ Engine = (*index.Engine)(nil)
