package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
)

// sendTimeout bounds one REST call to Discord.
const sendTimeout = 10 * time.Second

// firstFunc delivers an interaction's first response (the encoded callback):
// a REST POST for the gateway, the HTTP response body for the endpoint.
type firstFunc func(ctx context.Context, body []byte) error

// handle answers one interaction from start to end: it routes it, runs the
// handler with a deadline, and sends the first response within Discord's
// 3 seconds, deferring when the handler is slow and editing the reply when
// it is done.
func (s *service) handle(in *discordgo.Interaction, first firstFunc) {
	start := s.now()
	x := &exchange{s: s, in: in, first: first}
	if in.Type == discordgo.InteractionPing {
		x.finish(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	cmd, h, err := s.route(in)
	if err != nil {
		x.finish(errorReply(s.base, s.log, in, err))
		s.observe(in, failureOutcome(err), start)
		return
	}
	x.ephemeral = cmd.Ephemeral
	timeout := cmd.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(s.base, timeout)
	defer cancel()

	done := make(chan ran, 1)
	go func() { done <- s.run(ctx, cmd, h, s.deps(x.progress), in) }()

	timer := time.NewTimer(s.cfg.DeferAfter)
	defer timer.Stop()
	var r ran
	select {
	case r = <-done:
	case <-timer.C:
		switch {
		case in.Type == discordgo.InteractionApplicationCommandAutocomplete:
			// Suggestions cannot be deferred: none is better than late.
			cancel()
			r = ran{errorReply(s.base, s.log, in, errTooSlow), OutcomeError}
		case x.canEdit():
			x.deferReply()
			r = <-done
		default:
			select {
			case r = <-done:
			case <-time.After(s.cfg.DeferAfter / 4):
				cancel()
				r = ran{errorReply(s.base, s.log, in, errTooSlow), OutcomeError}
			}
		}
	}
	resp := r.resp
	x.finish(resp)
	if id := pageEntryID(resp); id != "" {
		first := in
		if in.Type == discordgo.InteractionMessageComponent {
			first = nil // the message is the original command's reply
		}
		s.pages.shown(id, first, resp.Data)
	}
	s.observe(in, r.outcome, start)
	s.log.LogAttrs(s.base, slog.LevelInfo, "interaction answered",
		append(interactionAttrs(in), slog.Duration("took", s.now().Sub(start)), slog.Bool("ephemeral", isEphemeral(resp)))...)
}

// route finds the command and the handler an interaction asks for.
func (s *service) route(in *discordgo.Interaction) (Command, Handler, error) {
	if press, ok := in.Data.(discordgo.MessageComponentInteractionData); ok && in.Type == discordgo.InteractionMessageComponent {
		if c, ok := s.buttonOwner(press.CustomID); ok {
			return Command{Definition: c.Definition, Timeout: c.Timeout, Moderator: c.Moderator}, c.press, nil
		}
		name, id, n, ok := parsePageCustomID(press.CustomID)
		cmd, known := s.byName[name]
		if !ok || !known || cmd.pager == nil {
			return Command{}, nil, inputErrorf("That button is not one this bot knows (it may be from an older version): ask again.")
		}
		return Command{Definition: cmd.Definition, Timeout: cmd.Timeout}, s.press(cmd, id, n), nil
	}
	data, ok := in.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return Command{}, nil, inputErrorf("This bot does not handle that kind of interaction.")
	}
	cmd, ok := s.byName[data.Name]
	if !ok || commandType(cmd.Definition.Type) != commandType(data.CommandType) {
		return Command{}, nil, inputErrorf("This bot has no command “%s” (any more): its commands are %s. Discord may take a minute to show changes.", shown(data.Name), s.commandList())
	}
	if in.Type == discordgo.InteractionApplicationCommandAutocomplete {
		if cmd.Complete == nil {
			return cmd, nil, inputErrorf("“%s” has no suggestions.", shown(data.Name))
		}
		return cmd, cmd.Complete, nil
	}
	return cmd, cmd.Handle, nil
}

func (s *service) commandList() string {
	var names []string
	for _, c := range s.cmds {
		if commandType(c.Definition.Type) == discordgo.ChatApplicationCommand {
			names = append(names, "/"+c.Definition.Name)
		} else {
			names = append(names, "“"+c.Definition.Name+"” (right-click a message, Apps)")
		}
	}
	return strings.Join(names, ", ")
}

// ran is a handler's response and how it ended.
type ran struct {
	resp    *discordgo.InteractionResponse
	outcome Outcome
}

// observe tells the observer how an application command ended.
func (s *service) observe(in *discordgo.Interaction, outcome Outcome, start time.Time) {
	if in.Type == discordgo.InteractionApplicationCommand {
		s.obs.Interaction(s.commandLabel(in), outcome, s.now().Sub(start))
	}
}

// run calls the handler after the checks every handler needs, and turns
// an error or a panic into the user's reply.
func (s *service) run(ctx context.Context, cmd Command, h Handler, d Deps, in *discordgo.Interaction) (r ran) {
	var resp *discordgo.InteractionResponse
	defer func() {
		if v := recover(); v != nil {
			r = ran{errorReply(ctx, s.log, in, &panicError{value: v, stack: debug.Stack()}), OutcomeError}
		}
	}()
	err := func() error {
		if cmd.Moderator {
			if err := authorize(d, in); err != nil {
				return err
			}
			ctx = answer.WithActor(ctx, actorOf(in))
		}
		if !s.eng.Ready() {
			return errNotReady
		}
		if err := s.cooldown(cmd, d, in); err != nil {
			return err
		}
		var err error
		resp, err = h(ctx, d, in)
		if err == nil && resp == nil {
			err = errors.New("bot: handler returned no response")
		}
		return err
	}()
	if err != nil {
		return ran{errorReply(ctx, s.log, in, err), failureOutcome(err)}
	}
	return ran{resp, successOutcome(cmd, resp)}
}

// exchange is one interaction's conversation with Discord: the first
// response, then, once deferred, edits of the original reply (or, for an
// ephemeral answer after a public deferral, a follow-up in its place).
type exchange struct {
	s         *service
	in        *discordgo.Interaction
	first     firstFunc
	ephemeral bool // the command's replies are ephemeral: defer ephemerally

	mu       sync.Mutex
	state    int // fresh, deferred, answered
	deferEph bool
}

const (
	fresh = iota
	deferred
	answered
)

// canEdit reports whether a deferred reply can be edited later: that needs
// REST access (a token) and the application id.
func (x *exchange) canEdit() bool {
	return x.s.rest != nil && x.appID() != ""
}

func (x *exchange) appID() string {
	return cmp.Or(strings.TrimSpace(x.in.AppID), strings.TrimSpace(x.s.cfg.AppID))
}

// deferReply sends the deferred response ("thinking…") if nothing was sent.
func (x *exchange) deferReply() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.deferLocked()
}

func (x *exchange) deferLocked() error {
	if x.state != fresh {
		return nil
	}
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if x.in.Type == discordgo.InteractionMessageComponent {
		// A press edits its message: "loading" on the message itself.
		resp.Type = discordgo.InteractionResponseDeferredMessageUpdate
	} else if x.ephemeral {
		resp.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	err := x.sendFirst(resp)
	x.state, x.deferEph = deferred, x.ephemeral
	x.s.obs.Deferred(x.s.commandLabel(x.in))
	return err
}

// progress is Deps.Progress: defer if needed, then show resp.
func (x *exchange) progress(ctx context.Context, resp *discordgo.InteractionResponse) error {
	if !x.canEdit() {
		return ErrCannotEdit
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.state == answered {
		return errors.New("bot: progress after the answer")
	}
	if err := x.deferLocked(); err != nil {
		return err
	}
	return x.s.editOriginal(ctx, x.in, fit(resp).Data)
}

// finish sends the final response: as the first response, or as an edit of
// the deferred one.
func (x *exchange) finish(resp *discordgo.InteractionResponse) {
	x.mu.Lock()
	defer x.mu.Unlock()
	resp = fit(resp)
	var err error
	switch x.state {
	case fresh:
		err = x.sendFirst(resp)
	case deferred:
		ctx, cancel := context.WithTimeout(x.s.base, sendTimeout)
		defer cancel()
		if x.in.Type == discordgo.InteractionMessageComponent {
			// The deferral was an update of the pressed message: edit it
			// with the page, or say what went wrong in a message of its own.
			if resp.Type == discordgo.InteractionResponseUpdateMessage {
				err = x.s.editOriginal(ctx, x.in, resp.Data)
			} else {
				err = x.s.followUp(ctx, x.in, resp.Data)
			}
		} else if isEphemeral(resp) && !x.deferEph {
			// A public "thinking…" cannot become ephemeral: replace it.
			if err = x.s.deleteOriginal(ctx, x.in); err == nil {
				err = x.s.followUp(ctx, x.in, resp.Data)
			}
		} else {
			err = x.s.editOriginal(ctx, x.in, resp.Data)
		}
	case answered:
		x.s.log.LogAttrs(x.s.base, slog.LevelWarn, "interaction answered twice; dropped the second answer", interactionAttrs(x.in)...)
		return
	}
	x.state = answered
	if err != nil {
		x.s.log.LogAttrs(x.s.base, slog.LevelError, "reply not delivered", append(interactionAttrs(x.in), slog.Any("err", err))...)
	}
}

func (x *exchange) sendFirst(resp *discordgo.InteractionResponse) error {
	body, err := encodeResponse(fit(resp))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(x.s.base, sendTimeout)
	defer cancel()
	return x.first(ctx, body)
}

// encodeResponse is the callback JSON. An autocomplete result is written by
// hand because discordgo omits an empty choices list, which Discord refuses,
// and a deferral because it may carry only flags.
func encodeResponse(resp *discordgo.InteractionResponse) ([]byte, error) {
	if resp.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
		choices := []*discordgo.ApplicationCommandOptionChoice{}
		if resp.Data != nil && resp.Data.Choices != nil {
			choices = resp.Data.Choices
		}
		type data struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}
		return json.Marshal(struct {
			Type discordgo.InteractionResponseType `json:"type"`
			Data data                              `json:"data"`
		}{resp.Type, data{choices}})
	}
	if resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource && resp.Data != nil {
		// discordgo would add empty content, embeds and tts: send only the flags.
		return json.Marshal(map[string]any{"type": resp.Type, "data": map[string]any{"flags": resp.Data.Flags}})
	}
	b, err := json.Marshal(resp)
	if err != nil {
		return nil, fmt.Errorf("bot: encode response: %w", err)
	}
	return b, nil
}
