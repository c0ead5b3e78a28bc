package bot

import (
	"errors"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/index"
)

// Outcome is how an interaction ended, as an Observer is told.
type Outcome string

// The outcomes of an interaction.
const (
	// OutcomeAnswered: the command did what was asked (an answer, a
	// moderator change, a list).
	OutcomeAnswered Outcome = "answered"
	// OutcomeMiss: the question was understood but nothing matched.
	OutcomeMiss Outcome = "miss"
	// OutcomeError: the bot failed (an internal error, a panic, too slow,
	// the index not ready).
	OutcomeError Outcome = "error"
	// OutcomeRefused: the bot declined what was asked (a bad option, an
	// unknown command, no moderator permission, a reindex already running).
	OutcomeRefused Outcome = "refused"
	// OutcomeCooledDown: the member asked again too soon. A handler's
	// error with a method Outcome() Outcome (a cooldown's) gives its own
	// outcome.
	OutcomeCooledDown Outcome = "cooled_down"
)

// Observer is told what the bot does, for metrics; the metrics package
// implements it. Its methods are called on the bot's goroutines and must
// be quick and safe for concurrent use. Config.Observer nil observes
// nothing.
type Observer interface {
	// Interaction is one application command (slash or message command)
	// answered: its name ("unknown" for a name not in the command table),
	// how it ended and how long from receipt to the final response.
	// Autocomplete requests are not reported.
	Interaction(command string, outcome Outcome, took time.Duration)
	// Deferred is an interaction deferred because its answer was slow.
	Deferred(command string)
	// GatewayReconnected is a gateway connection made again after the first.
	GatewayReconnected()
	// RateLimited is a REST call Discord answered 429: discordgo waits and
	// retries.
	RateLimited(wait time.Duration)
}

type noObserver struct{}

func (noObserver) Interaction(string, Outcome, time.Duration) {}
func (noObserver) Deferred(string)                            {}
func (noObserver) GatewayReconnected()                        {}
func (noObserver) RateLimited(time.Duration)                  {}

// commandLabel is the interaction's command name for an Observer: a name
// in the command table, or "unknown", so that label values stay bounded.
func (s *service) commandLabel(in *discordgo.Interaction) string {
	if data, ok := in.Data.(discordgo.ApplicationCommandInteractionData); ok {
		if _, known := s.byName[data.Name]; known {
			return data.Name
		}
	}
	return "unknown"
}

// outcomer is an error that tells its own outcome (a cooldown's error says
// OutcomeCooledDown).
type outcomer interface{ Outcome() Outcome }

// failureOutcome classifies a handler's error.
func failureOutcome(err error) Outcome {
	var (
		ie *inputError
		o  outcomer
	)
	switch {
	case errors.As(err, &o):
		return o.Outcome()
	case errors.As(err, &ie), errors.Is(err, index.ErrEmptyQuery), errors.Is(err, index.ErrReindexRunning):
		return OutcomeRefused
	}
	return OutcomeError
}

// successOutcome classifies a handler's response: a command whose answers
// are public that replies only to the asker found nothing.
func successOutcome(cmd Command, resp *discordgo.InteractionResponse) Outcome {
	if !cmd.Ephemeral && isEphemeral(resp) {
		return OutcomeMiss
	}
	return OutcomeAnswered
}

// observeSession reports the session's gateway reconnects and REST rate
// limits.
func observeSession(session *discordgo.Session, obs Observer) {
	var connected atomic.Bool
	session.AddHandler(func(_ *discordgo.Session, _ *discordgo.Connect) {
		if !connected.CompareAndSwap(false, true) {
			obs.GatewayReconnected()
		}
	})
	session.AddHandler(func(_ *discordgo.Session, r *discordgo.RateLimit) {
		var wait time.Duration
		if r != nil && r.TooManyRequests != nil {
			wait = r.TooManyRequests.RetryAfter
		}
		obs.RateLimited(wait)
	})
}
