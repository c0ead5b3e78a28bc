package main

import (
	"context"
	"log/slog"
	"time"

	"summitbot/bot"
	"summitbot/config"
	"summitbot/feed"
)

// reviewPostTimeout bounds posting one queued article to the review channel.
const reviewPostTimeout = 15 * time.Second

// reviewPoster is feed.Options.OnQueued for serve: each newly queued
// article is posted to the review channel (REVIEW_CHANNEL_ID, else
// MODLOG_CHANNEL_ID) with what was understood of it (preview) and Approve
// and Reject buttons, which the bot's /feed row answers. It is nil (nothing
// posted) without a channel or a token. A post that fails is logged: the
// item stays in the queue for `summitbot queue`.
func reviewPoster(ctx context.Context, cfg config.Config, obs bot.Observer, log *slog.Logger, preview func(context.Context, string) (feed.Preview, error)) (func(feed.Item), error) {
	if cfg.ReviewChannelID == "" || cfg.Token == "" {
		return nil, nil
	}
	bc := botConfig(cfg)
	bc.Observer = obs
	p, err := bot.NewChannelPoster(bc)
	if err != nil {
		return nil, err
	}
	channel := cfg.ReviewChannelID
	log.Info("feed articles are posted for review", "channel", channel)
	return func(it feed.Item) {
		pctx, cancel := context.WithTimeout(ctx, reviewPostTimeout)
		defer cancel()
		pv, err := preview(pctx, it.ID)
		if err != nil {
			log.Warn("review: queued article not posted", "item", it.ID, "url", it.URL, "err", err)
			return
		}
		if err := p.PostReview(pctx, channel, pv); err != nil {
			log.Warn("review: queued article not posted", "item", it.ID, "url", it.URL, "err", err)
			return
		}
		log.Info("review: queued article posted", "item", it.ID, "channel", channel)
	}, nil
}
