package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/bwmarrin/discordgo"

	"summitbot/feed"
)

// Reviewing from Discord: each article a feed proposes is posted to the
// review channel as an embed of what was understood of it, with Approve and
// Reject buttons. A press is a moderator action, checked like /article
// (authorize): Approve adds the article through the feed service, and so
// through the moderator path (moderation log, metrics); Reject drops it and
// remembers its address for good. Either edits the message in place to say
// who did it, and removes the buttons. The buttons are routed to the /feed
// row (its buttons and press), over the gateway and the HTTP endpoint alike.

const (
	// reviewPrefix starts the custom_id of every review button:
	// "review:approve:<item id>", "review:reject:<item id>".
	reviewPrefix  = "review:"
	reviewApprove = "approve"
	reviewReject  = "reject"

	colorReview   = 0x8b5cf6
	colorApproved = 0x22c55e
	colorRejected = 0xef4444
	colorGone     = 0x94a3b8
)

// reviewCustomID is a review button's custom_id; item ids are short
// (feed.Item.ID), so it stays far below Discord's 100 characters.
func reviewCustomID(action, id string) string {
	return reviewPrefix + action + ":" + id
}

// parseReviewCustomID undoes reviewCustomID.
func parseReviewCustomID(s string) (action, id string, ok bool) {
	rest, ok := strings.CutPrefix(s, reviewPrefix)
	if !ok {
		return "", "", false
	}
	action, id, ok = strings.Cut(rest, ":")
	if !ok || id == "" || (action != reviewApprove && action != reviewReject) {
		return "", "", false
	}
	return action, id, true
}

// buttonOwner is the command row that answers a button other than paging.
func (s *service) buttonOwner(customID string) (Command, bool) {
	for _, c := range s.cmds {
		if c.buttons != "" && c.press != nil && strings.HasPrefix(customID, c.buttons) {
			return c, true
		}
	}
	return Command{}, false
}

// reviewMessage is the message that proposes a queued article for review:
// what was understood of it, what is missing, and the two buttons.
func reviewMessage(p feed.Preview) *discordgo.MessageSend {
	it := p.Item
	e, warn := understood(p.Article)
	e.Color = colorReview
	e.Author = &discordgo.MessageEmbedAuthor{Name: cutPlain("Proposed by the feed "+cmp.Or(it.FeedTitle, it.Feed), maxAuthor, true)}
	if it.URL != "" && validURL(it.URL) && e.URL == "" {
		e.URL = it.URL
	}
	var desc []string
	if len(it.Matched) > 0 {
		desc = append(desc, "Matched: "+escape(strings.Join(it.Matched, ", ")))
	}
	if s := strings.TrimSpace(it.Summary); s != "" {
		desc = append(desc, "> "+escape(cutPlain(strings.Join(strings.Fields(s), " "), 300, true)))
	}
	e.Description = strings.Join(desc, "\n")
	if len(warn) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "⚠️ Check", Value: strings.Join(warn, "; ") + "."})
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: "queue item " + it.ID + " · or: summitbot queue approve|reject " + it.ID}
	d := &discordgo.InteractionResponseData{
		Content: "A feed proposes an article: a moderator may approve it (it is added to the corpus and the index) or reject it (it is never proposed again).",
		Embeds:  []*discordgo.MessageEmbed{e},
		Components: buttonRow([]discordgo.MessageComponent{
			discordgo.Button{Label: "Approve", Style: discordgo.SuccessButton, CustomID: reviewCustomID(reviewApprove, it.ID)},
			discordgo.Button{Label: "Reject", Style: discordgo.DangerButton, CustomID: reviewCustomID(reviewReject, it.ID)},
		}),
	}
	fitMessage(d) // Discord's limits: a long speaker list, a long title
	return &discordgo.MessageSend{Content: d.Content, Embeds: d.Embeds, Components: d.Components, AllowedMentions: noMentions()}
}

// PostReview posts a queued article to the review channel with its
// Approve and Reject buttons.
func (p *ChannelPoster) PostReview(ctx context.Context, channelID string, pv feed.Preview) error {
	if _, err := p.s.ChannelMessageSendComplex(channelID, reviewMessage(pv), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("bot: post item %s for review to channel %s: %w", pv.Item.ID, channelID, redact(err))
	}
	return nil
}

// reviewPress answers the Approve and Reject buttons with m (the /feed
// row's manager). The moderator check has passed when it runs.
func reviewPress(m feed.Manager) Handler {
	return func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		data, _ := in.Data.(discordgo.MessageComponentInteractionData)
		action, id, ok := parseReviewCustomID(data.CustomID)
		switch {
		case !ok:
			return nil, inputErrorf("That button is not one this bot knows (it may be from an older version): use `summitbot queue list`.")
		case m == nil:
			return nil, errNoModerator
		}
		who := "someone"
		if u := invoker(in); u != nil {
			who = "<@" + u.ID + ">"
		}
		if action == reviewReject {
			it, err := m.Reject(ctx, id)
			switch {
			case errors.Is(err, feed.ErrNoItem):
				return reviewed(in, "This article is no longer in the review queue: it was approved or rejected meanwhile (see `summitbot queue list`).", colorGone), nil
			case err != nil:
				return nil, fmt.Errorf("review: reject %s: %w", id, err)
			}
			logChange(ctx, d, in, slog.LevelInfo, "review: rejected", slog.String("item", it.ID), slog.String("url", it.URL))
			return reviewed(in, fmt.Sprintf("🚫 Rejected by %s: this address will not be proposed again.", who), colorRejected), nil
		}
		ap, err := m.Approve(ctx, id)
		switch {
		case errors.Is(err, feed.ErrNoItem):
			return reviewed(in, "This article is no longer in the review queue: it was approved or rejected meanwhile (see `summitbot queue list`).", colorGone), nil
		case err != nil:
			return addFailed(ctx, d, in, "queued article "+id, err)
		}
		i := ap.Added.Info
		logChange(ctx, d, in, slog.LevelInfo, "review: approved", slog.String("item", ap.Item.ID), slog.String("id", i.ID),
			slog.Int("paragraphs", i.Paragraphs), slog.Int("quotes", i.Quotes))
		verb := "added"
		if ap.Added.Updated {
			verb = "updated"
		}
		return reviewed(in, fmt.Sprintf("✅ Approved by %s: %s as `%s` (%s, %s).", who, verb, i.ID,
			counted(i.Paragraphs, "paragraph"), counted(i.Quotes, "quote")), colorApproved), nil
	}
}

// reviewed edits the review message in place (type 7): the outcome as its
// text, its embed kept in the outcome's colour, and no buttons.
func reviewed(in *discordgo.Interaction, outcome string, color int) *discordgo.InteractionResponse {
	var embeds []*discordgo.MessageEmbed
	if in.Message != nil {
		for _, e := range in.Message.Embeds {
			if e == nil {
				continue
			}
			c := *e
			c.Color = color
			embeds = append(embeds, &c)
		}
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseUpdateMessage,
		Data: &discordgo.InteractionResponseData{
			Content:         outcome,
			Embeds:          embeds,
			Components:      []discordgo.MessageComponent{},
			AllowedMentions: noMentions(),
		},
	}
}
