package bot

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// newSession makes the discordgo Session for the gateway and REST: bot
// token (or none, for webhook edits only), no privileged intents, and every request sent to cfg.APIBase.
func newSession(cfg Config) (*discordgo.Session, error) {
	base, err := url.Parse(cfg.APIBase)
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("bot: API base %q is not an http(s) URL", cfg.APIBase)
	}
	// Without a token the session only edits replies through the
	// interaction webhooks, which need no authorization.
	auth := ""
	if cfg.Token != "" {
		auth = "Bot " + cfg.Token
	}
	s, err := discordgo.New(auth)
	if err != nil {
		return nil, fmt.Errorf("bot: new session: %w", err)
	}
	next := http.DefaultTransport.(*http.Transport).Clone()
	s.Client = &http.Client{Timeout: 20 * time.Second, Transport: &rebase{base: base, next: next}}
	// A new dialer: the shared websocket.DefaultDialer must not be changed.
	s.Dialer = &websocket.Dialer{Proxy: http.ProxyFromEnvironment, HandshakeTimeout: 20 * time.Second}
	s.Identify.Intents = discordgo.IntentsGuilds
	s.ShouldReconnectOnError = !cfg.NoReconnect
	s.StateEnabled = false
	if cfg.ShardCount > 1 {
		s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	}
	return s, nil
}

// rebase sends every request to another scheme and host, keeping the path:
// discordgo builds its URLs from https://discord.com at package init.
type rebase struct {
	base *url.URL
	next http.RoundTripper
}

func (t *rebase) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = t.base.Scheme, t.base.Host, t.base.Host
	return t.next.RoundTrip(r)
}

// register puts the command table into Discord with one bulk overwrite per
// guild, or one global overwrite (without the moderator commands) when no
// guild is configured.
func (s *service) register(ctx context.Context) error {
	if len(s.cfg.GuildIDs) == 0 {
		defs := Definitions(s.cmds, false)
		if _, err := s.rest.ApplicationCommandBulkOverwrite(s.cfg.AppID, "", defs, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("bot: register %d commands globally: %w", len(defs), err)
		}
		s.log.Info("commands registered globally (they may take up to an hour to appear)", "commands", len(defs))
		return nil
	}
	defs := Definitions(s.cmds, true)
	for _, g := range s.cfg.GuildIDs {
		if _, err := s.rest.ApplicationCommandBulkOverwrite(s.cfg.AppID, g, defs, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("bot: register %d commands in guild %s: %w", len(defs), g, err)
		}
		s.log.Info("commands registered", "guild", g, "commands", len(defs))
	}
	s.dropStaleGlobal(ctx, defs)
	return nil
}

// dropStaleGlobal removes the global commands an earlier run without guilds
// registered under the names of this table: in the configured guilds they
// would show twice. Other global commands stay. A failure is only logged:
// the guild commands work either way.
func (s *service) dropStaleGlobal(ctx context.Context, defs []*discordgo.ApplicationCommand) {
	global, err := s.rest.ApplicationCommands(s.cfg.AppID, "", discordgo.WithContext(ctx))
	if err != nil {
		s.log.Warn("global commands not checked for leftovers", "err", redact(err))
		return
	}
	ours := map[string]bool{}
	for _, d := range defs {
		ours[d.Name] = true
	}
	keep := []*discordgo.ApplicationCommand{}
	for _, c := range global {
		if !ours[c.Name] {
			keep = append(keep, c)
		}
	}
	if len(keep) == len(global) {
		return
	}
	if _, err := s.rest.ApplicationCommandBulkOverwrite(s.cfg.AppID, "", keep, discordgo.WithContext(ctx)); err != nil {
		s.log.Warn("stale global commands not removed", "err", redact(err))
		return
	}
	s.log.Info("stale global commands removed (the bot now registers per guild)", "removed", len(global)-len(keep))
}

// callback sends an interaction's first response over REST.
func (s *service) callback(ctx context.Context, in *discordgo.Interaction, body []byte) error {
	if s.rest == nil {
		return ErrCannotEdit
	}
	u := discordgo.EndpointInteractionResponse(in.ID, in.Token)
	_, err := s.rest.RequestWithBucketID(http.MethodPost, u, json.RawMessage(body), discordgo.EndpointInteractionResponse(in.ID, ""), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: interaction callback: %w", redact(err))
	}
	return nil
}

// message is the body of an edit or a follow-up.
type message struct {
	Content         string                            `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Flags           discordgo.MessageFlags            `json:"flags,omitempty"`
	// Components are left out when nil (an edit keeps the message's
	// buttons); an empty list removes them.
	Components *[]discordgo.MessageComponent `json:"components,omitempty"`
}

func messageOf(d *discordgo.InteractionResponseData) message {
	m := message{Embeds: []*discordgo.MessageEmbed{}, AllowedMentions: noMentions()}
	if d != nil {
		m.Content, m.Flags = d.Content, d.Flags
		if d.Embeds != nil {
			m.Embeds = d.Embeds
		}
		if d.Components != nil {
			c := d.Components
			m.Components = &c
		}
	}
	return m
}

// editOriginal replaces the deferred reply (PATCH …/messages/@original).
func (s *service) editOriginal(ctx context.Context, in *discordgo.Interaction, d *discordgo.InteractionResponseData) error {
	m := messageOf(d)
	m.Flags = 0 // an edit cannot change flags
	return s.webhook(ctx, http.MethodPatch, discordgo.EndpointWebhookMessage(s.appID(in), in.Token, "@original"), in, m)
}

// followUp posts a follow-up message (POST /webhooks/{app}/{token}).
func (s *service) followUp(ctx context.Context, in *discordgo.Interaction, d *discordgo.InteractionResponseData) error {
	return s.webhook(ctx, http.MethodPost, discordgo.EndpointWebhookToken(s.appID(in), in.Token), in, messageOf(d))
}

// deleteOriginal removes the deferred reply.
func (s *service) deleteOriginal(ctx context.Context, in *discordgo.Interaction) error {
	return s.webhook(ctx, http.MethodDelete, discordgo.EndpointWebhookMessage(s.appID(in), in.Token, "@original"), in, nil)
}

func (s *service) webhook(ctx context.Context, method, u string, in *discordgo.Interaction, body any) error {
	if s.rest == nil {
		return ErrCannotEdit
	}
	_, err := s.rest.RequestWithBucketID(method, u, body, discordgo.EndpointWebhookToken(s.appID(in), ""), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("bot: %s webhook message: %w", method, redact(err))
	}
	return nil
}

func (s *service) appID(in *discordgo.Interaction) string {
	return cmp.Or(strings.TrimSpace(in.AppID), strings.TrimSpace(s.cfg.AppID))
}

// redact keeps an interaction token, which is part of callback and webhook
// URLs, out of errors (and so out of the log).
func redact(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	return fmt.Errorf("%s %s: %w", ue.Op, "(url withheld)", ue.Err)
}
