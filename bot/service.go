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
	// ShutdownTimeout bounds how long Serve waits for interactions in flight
	// once its context ends; 0 means 10 s.
	ShutdownTimeout time.Duration
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
	s := &service{cfg: cfg, eng: eng, log: log, cmds: cfg.Commands, byName: map[string]Command{}, obs: cfg.Observer, limiter: newFailLimiter(), now: time.Now, attachments: newAttachmentClient()}
	if s.obs == nil {
		s.obs = noObserver{}
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
	s.stop()
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
		Progress:         progress,
	}
}
