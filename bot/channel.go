package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// ChannelPoster posts messages to a channel with the bot token, mentioning
// nobody: the moderation log's channel (modlog.Poster).
type ChannelPoster struct {
	s *discordgo.Session
}

// NewChannelPoster makes a poster from the bot's settings: cfg.Token (the
// bot must be able to send messages and embed links in the channel),
// cfg.APIBase, and cfg.Observer, told of rate limits.
func NewChannelPoster(cfg Config) (*ChannelPoster, error) {
	if cfg.Token == "" {
		return nil, errors.New("bot: posting to a channel needs DISCORD_TOKEN")
	}
	if cfg.APIBase == "" {
		cfg.APIBase = DefaultAPIBase
	}
	s, err := newSession(cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Observer != nil {
		observeSession(s, cfg.Observer)
	}
	return &ChannelPoster{s: s}, nil
}

// PostEmbed posts one embed to the channel.
func (p *ChannelPoster) PostEmbed(ctx context.Context, channelID string, embed *discordgo.MessageEmbed) error {
	msg := &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{embed}, AllowedMentions: noMentions()}
	if _, err := p.s.ChannelMessageSendComplex(channelID, msg, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("bot: post to channel %s: %w", channelID, redact(err))
	}
	return nil
}
