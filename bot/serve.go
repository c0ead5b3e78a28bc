package bot

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"summitbot/answer"

	"github.com/bwmarrin/discordgo"
)

// Serve answers Discord interactions until ctx ends: over the gateway when
// cfg.Token is set (registering the commands first with one bulk
// overwrite), over the HTTP endpoint when cfg.InteractionsAddr is set, or
// both. When ctx ends it stops taking interactions, finishes those in
// flight (at most cfg.ShutdownTimeout) and closes the session; closing the
// engine is the caller's. With neither a token nor an address it returns
// ErrNotConfigured.
func Serve(ctx context.Context, cfg Config, eng answer.Querier, log *slog.Logger) error {
	if cfg.Token == "" && cfg.InteractionsAddr == "" {
		return ErrNotConfigured
	}
	if cfg.Token != "" && cfg.AppID == "" {
		return errors.New("bot: DISCORD_APP_ID is required with DISCORD_TOKEN")
	}
	if cfg.InteractionsAddr != "" && len(cfg.PublicKey) != ed25519.PublicKeySize {
		return errors.New("bot: DISCORD_PUBLIC_KEY is required with INTERACTIONS_ADDR")
	}
	s, err := newService(cfg, eng, log)
	if err != nil {
		return err
	}
	log = s.log

	var ln net.Listener
	if cfg.InteractionsAddr != "" {
		if ln, err = net.Listen("tcp", cfg.InteractionsAddr); err != nil {
			return fmt.Errorf("bot: interactions endpoint: %w", err)
		}
		defer ln.Close()
	}

	var session *discordgo.Session
	if cfg.Token != "" {
		if session, err = newSession(s.cfg); err != nil {
			return err
		}
		s.rest = session
		observeSession(session, s.obs)
		if cfg.ShardID == 0 {
			// One shard registers the commands for all.
			if err := s.register(ctx); err != nil {
				return err
			}
		}
		session.AddHandler(s.onInteraction)
		session.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			name := ""
			if r.User != nil {
				name = r.User.Username
			}
			log.Info("gateway ready", "user", name, "guilds", len(r.Guilds), "shard", fmt.Sprintf("%d of %d", cfg.ShardID, max(cfg.ShardCount, 1)))
		})
		if err := session.Open(); err != nil {
			return fmt.Errorf("bot: connect to the gateway: %w", redact(err))
		}
	} else {
		// Deferred replies are edited through the interaction's webhook,
		// which needs the interaction token only.
		if s.rest, err = newSession(s.cfg); err != nil {
			return err
		}
		observeSession(s.rest, s.obs)
		log.Info("no DISCORD_TOKEN: the HTTP endpoint answers, but no commands are registered; register them once by running with DISCORD_TOKEN")
	}

	var srv *http.Server
	errc := make(chan error, 1)
	if ln != nil {
		srv = s.httpServer()
		go func() { errc <- srv.Serve(ln) }()
		log.Info("interactions endpoint listening", "addr", ln.Addr().String(), "path", "/interactions")
	}

	var runErr error
	select {
	case <-ctx.Done():
	case err := <-errc:
		runErr = fmt.Errorf("bot: interactions endpoint: %w", err)
	}
	log.Info("shutting down: finishing interactions in flight")
	grace, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	closed := make(chan struct{})
	go func() {
		// Close stops gateway events at once, then waits a second for the
		// close handshake: let that overlap with the draining below.
		defer close(closed)
		if session != nil {
			if err := session.Close(); err != nil {
				log.Warn("closing the gateway session", "err", err)
			}
		}
	}()
	if srv != nil {
		if err := srv.Shutdown(grace); err != nil {
			log.Warn("closing the interactions endpoint", "err", err)
		}
	}
	s.drain(grace)
	<-closed
	log.Info("stopped")
	return runErr
}

// onInteraction answers an INTERACTION_CREATE from the gateway.
func (s *service) onInteraction(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
	if ic == nil || ic.Interaction == nil {
		return
	}
	if !s.begin() {
		s.log.LogAttrs(context.Background(), slog.LevelInfo, "shutting down: interaction dropped", interactionAttrs(ic.Interaction)...)
		return
	}
	defer s.end()
	in := ic.Interaction
	s.handle(in, func(ctx context.Context, body []byte) error { return s.callback(ctx, in, body) })
}
