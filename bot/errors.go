package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bwmarrin/discordgo"

	"summitbot/index"
)

var (
	// ErrNotConfigured: neither a token nor an endpoint address was given, so
	// there is nothing to serve.
	ErrNotConfigured = errors.New("bot: neither DISCORD_TOKEN nor INTERACTIONS_ADDR is set")
	// ErrCannotEdit: this connection cannot edit a reply after the first
	// response (HTTP endpoint without DISCORD_TOKEN).
	ErrCannotEdit = errors.New("bot: replies cannot be edited without DISCORD_TOKEN")

	errNotReady = errors.New("bot: the index is not ready")
	errTooSlow  = errors.New("bot: no answer within Discord's 3 seconds")
)

// inputError is the user's mistake: its message (Markdown, escaped by the
// caller) is shown as is.
type inputError struct{ msg string }

func (e *inputError) Error() string { return e.msg }

func inputErrorf(format string, a ...any) error {
	return &inputError{fmt.Sprintf(format, a...)}
}

// panicError is a recovered panic with the handler's stack.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprintf("bot: handler panicked: %v", e.value) }

// errorReply turns a handler's error into the user's ephemeral reply (for
// autocomplete: no suggestions) and logs it once, at a level that matches
// whose fault it is.
func errorReply(ctx context.Context, log *slog.Logger, in *discordgo.Interaction, err error) *discordgo.InteractionResponse {
	var (
		ie  *inputError
		pe  *panicError
		msg string
	)
	level := slog.LevelError
	attrs := append(interactionAttrs(in), slog.Any("err", err))
	switch {
	case errors.As(err, &ie):
		msg, level = ie.msg, slog.LevelInfo
	case errors.Is(err, index.ErrEmptyQuery):
		msg, level = "There is nothing to search for in that: give some words (not only punctuation or very common words).", slog.LevelInfo
	case errors.Is(err, errNotReady), errors.Is(err, index.ErrClosed):
		msg, level = "The index is loading or being replaced; try again in a minute.", slog.LevelWarn
	case errors.Is(err, index.ErrReindexRunning):
		msg, level = "A reindex is already running; try again when it has finished.", slog.LevelInfo
	case errors.Is(err, errTooSlow), errors.Is(err, context.DeadlineExceeded):
		msg, level = "That took too long to answer. Try again, or with fewer words.", slog.LevelWarn
	case errors.As(err, &pe):
		msg = "Something went wrong on my side (it has been logged). Try again, or try other words."
		attrs = append(attrs, slog.String("stack", string(pe.stack)))
	default:
		msg = "Something went wrong on my side (it has been logged). Try again in a moment."
	}
	log.LogAttrs(ctx, level, "interaction not answered", attrs...)
	if in.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return choicesReply(nil)
	}
	return ephemeral(msg)
}

// interactionAttrs identify an interaction in the log (never its token).
func interactionAttrs(in *discordgo.Interaction) []slog.Attr {
	attrs := []slog.Attr{slog.String("interaction", in.ID), slog.Int("type", int(in.Type))}
	switch data := in.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		attrs = append(attrs, slog.String("command", data.Name))
	case discordgo.MessageComponentInteractionData:
		attrs = append(attrs, slog.String("button", data.CustomID))
	}
	if in.GuildID != "" {
		attrs = append(attrs, slog.String("guild", in.GuildID))
	}
	if u := invoker(in); u != nil {
		attrs = append(attrs, slog.String("user", u.ID))
	}
	return attrs
}

// invoker is the user who sent the interaction, in a guild or a DM.
func invoker(in *discordgo.Interaction) *discordgo.User {
	if in.Member != nil && in.Member.User != nil {
		return in.Member.User
	}
	return in.User
}
