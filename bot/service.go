package bot

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"log/slog"
	"net/http"
	"summitbot/answer"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Config is what Serve needs. The zero durations and limit mean the defaults.
type Config struct {
	Token            string   // bot token, without "Bot "; never logged
	AppID            string   // application id
	GuildIDs         []string // register commands in these guilds (and allow moderator commands there); none: global
	PublicKey        ed25519.PublicKey
	InteractionsAddr string   // HTTP interactions endpoint address; "" runs none
	APIBase          string   // where REST and gateway discovery go; "" means DefaultAPIBase
	ModeratorRoleIDs []string // roles whose members may use moderator commands
	// Moderator carries out /article and /reindex (control.Local in
	// production); nil leaves those commands answering that they are not
	// available here.
	Moderator answer.Moderator
	// Observer is told what the bot does, for metrics; nil observes nothing.
	Observer Observer
	// Routes are extra routes on the HTTP interactions endpoint, by
	// ServeMux pattern (e.g. "GET /metrics").
	Routes map[string]http.Handler
	// ShardID and ShardCount split the gateway connection into shards
	// (Discord requires it from 2,500 guilds): this process connects as
	// shard ShardID of ShardCount. ShardCount 0 or 1 means no sharding.
	// Only shard 0 registers the commands.
	ShardID, ShardCount int
	// NoReconnect stops the gateway session from reconnecting after a read
	// error. Production leaves it false; tests that close the fake Discord's
	// gateway set it so that the session does not dial again.
	NoReconnect bool

	// Commands replaces the command table; nil means DefaultCommands().
	Commands []Command
	// Limit is how many results an answer shows; 0 means 3.
	Limit int
	// DeferAfter is how long a handler may run before the interaction is
	// deferred; 0 means 2 s. Without a way to edit (HTTP endpoint without a
	// token) the bot waits DeferAfter×1.25 in all, then says it was too slow.
	DeferAfter time.Duration
	// PageTTL is how long an answer's paging buttons work; 0 means
	// DefaultPageTTL, and it is at most MaxPageTTL (the buttons are removed
	// by editing the reply, which Discord allows for 15 minutes).
	PageTTL time.Duration
	// CooldownPerUser and CooldownPerChannel limit how fast questions are
	// asked; the zero Rate means the default (DefaultCooldowns), a negative
	// Count no cooldown. Moderators and
	// autocomplete are exempt.
	CooldownPerUser, CooldownPerChannel Rate
	// ShutdownTimeout bounds how long Serve waits for interactions in flight
	// once its context ends; 0 means 10 s.
	ShutdownTimeout time.Duration
}

// DefaultCooldowns are the cooldowns Config's zero Rates mean: 5
// questions in 20 s per member, 20 per channel.
func DefaultCooldowns() (perUser, perChannel Rate) {
	return Rate{Count: 5, Per: 20 * time.Second}, Rate{Count: 20, Per: 20 * time.Second}
}

// DefaultAPIBase is Discord.
const DefaultAPIBase = "https://discord.com"

// service answers interactions from either connection.
type service struct {
	cfg    Config
	eng    answer.Querier
	log    *slog.Logger
	byName map[string]Command
	cmds   []Command
	obs    Observer
	// rest makes REST calls (callbacks, edits, follow-ups); nil without a token.
	rest *discordgo.Session
	// base is the parent of every handler's context; stop cancels it once
	// the shutdown grace is over.
	base context.Context
	stop context.CancelFunc

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup

	limiter     *failLimiter
	pages       *pageStore
	cool        *cooldowns
	now         func() time.Time
	attachments *http.Client
}

func newService(cfg Config, eng answer.Querier, log *slog.Logger) (*service, error) {
	if eng == nil {
		return nil, fmt.Errorf("bot: no engine")
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if cfg.Commands == nil {
		cfg.Commands = DefaultCommands()
	}
	if cfg.Limit <= 0 {
		cfg.Limit = 3
	}
	if cfg.DeferAfter <= 0 {
		cfg.DeferAfter = 2 * time.Second
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = 10 * time.Second
	}
	if cfg.APIBase == "" {
		cfg.APIBase = DefaultAPIBase
	}
	if cfg.PageTTL <= 0 {
		cfg.PageTTL = DefaultPageTTL
	}
	cfg.PageTTL = min(cfg.PageTTL, MaxPageTTL)
	user, channel := DefaultCooldowns()
	if cfg.CooldownPerUser == (Rate{}) {
		cfg.CooldownPerUser = user
	}
	if cfg.CooldownPerChannel == (Rate{}) {
		cfg.CooldownPerChannel = channel
	}
	s := &service{cfg: cfg, eng: eng, log: log, cmds: cfg.Commands, byName: map[string]Command{}, obs: cfg.Observer, limiter: newFailLimiter(), now: time.Now, attachments: newAttachmentClient()}
	s.pages = newPageStore(cfg.PageTTL, maxPaged, s.removeButtons)
	if s.obs == nil {
		s.obs = noObserver{}
	}
	if !cfg.CooldownPerUser.Off() || !cfg.CooldownPerChannel.Off() {
		s.cool = newCooldowns(cfg.CooldownPerUser, cfg.CooldownPerChannel)
	}
	for _, c := range cfg.Commands {
		if c.Definition == nil || c.Handle == nil {
			return nil, fmt.Errorf("bot: command table: a row without definition or handler")
		}
		if _, dup := s.byName[c.Definition.Name]; dup {
			return nil, fmt.Errorf("bot: command table: %q twice", c.Definition.Name)
		}
		s.byName[c.Definition.Name] = c
	}
	s.base, s.stop = context.WithCancel(context.Background())
	return s, nil
}

// begin registers an interaction in flight; it is false once shutting down.
func (s *service) begin() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.inflight.Add(1)
	return true
}

func (s *service) end() { s.inflight.Done() }

// drain stops taking interactions and waits for those in flight, at most
// until ctx ends; then it cancels the handlers still running.
func (s *service) drain(ctx context.Context) {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.inflight.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.log.Warn("shutdown: giving up on interactions still in flight")
	}
	s.pages.close()
	s.stop()
}

// cooldownText is the member's cooldown for /help, or "" when off.
func cooldownText(r Rate) string {
	if r.Off() {
		return ""
	}
	return r.String()
}

func (s *service) deps(progress func(context.Context, *discordgo.InteractionResponse) error) Deps {
	return Deps{
		Engine:           s.eng,
		Log:              s.log,
		Limit:            s.cfg.Limit,
		GuildIDs:         s.cfg.GuildIDs,
		ModeratorRoleIDs: s.cfg.ModeratorRoleIDs,
		Moderator:        s.cfg.Moderator,
		Attachments:      s.attachments,
		Pages:            s.pages,
		Commands:         s.cmds,
		PageTTL:          s.cfg.PageTTL,
		Cooldown:         cooldownText(s.cfg.CooldownPerUser),
		Progress:         progress,
	}
}
