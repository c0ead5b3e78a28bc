package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"summitbot/feed"
	"summitbot/webpage"
)

// maxKeywordsLen bounds /feed add's keywords option.
const maxKeywordsLen = 300

// FeedCommand is /feed add|list|remove on m (the bot's feed.Service): the
// subscriptions whose matching articles go to the review queue. The row
// also answers the Approve and Reject buttons of the articles posted to the
// review channel (see review.go), which call m.Approve and m.Reject.
func FeedCommand(m feed.Manager) Command {
	url := stringOption("url", "The feed's address (RSS or Atom)", maxURLLen, false)
	keywords := stringOption("keywords", "Words that pick the articles to propose, e.g. putin, alaska summit; none: every article", maxKeywordsLen, false)
	keywords.Required = false
	auto := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionBoolean, Name: "auto",
		Description: "Add its matching articles at once, without review (trusted feeds only)"}
	return Command{
		Definition: moderatorDefinition("feed", "Moderators: news feeds whose new articles are proposed for review",
			subcommand("add", "Subscribe to an RSS or Atom feed (adding it again updates its keywords)", url, keywords, auto),
			subcommand("list", "The feeds, their keywords and how their polling goes"),
			subcommand("remove", "End a subscription (its queued articles stay for review)",
				stringOption("id", "The feed; suggestions show ids and titles", maxIDLen, true)),
		),
		Handle: func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			return handleFeed(ctx, d, in, m)
		},
		Complete: func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			return completeFeed(ctx, in, m)
		},
		Moderator: true,
		Ephemeral: true,
		Timeout:   articleTimeout,
		buttons:   reviewPrefix,
		press:     reviewPress(m),
	}
}

func handleFeed(ctx context.Context, d Deps, in *discordgo.Interaction, m feed.Manager) (*discordgo.InteractionResponse, error) {
	if m == nil {
		return nil, errNoModerator
	}
	data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
	if len(data.Options) != 1 || data.Options[0] == nil || data.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
		return nil, inputErrorf("Use /feed add, /feed list or /feed remove.")
	}
	sub := data.Options[0]
	switch sub.Name {
	case "add":
		return addFeed(ctx, d, in, m, sub.Options)
	case "list":
		list, err := m.Feeds(ctx)
		if err != nil {
			return nil, fmt.Errorf("feed list: %w", err)
		}
		return ephemeral(feedListText(list)), nil
	case "remove":
		v, _ := option(sub.Options, "id")
		id, _ := v.(string)
		id = strings.TrimSpace(id)
		f, err := m.RemoveFeed(ctx, id)
		switch {
		case errors.Is(err, feed.ErrNoFeed):
			return nil, inputErrorf("No feed has the id “%s”. Pick one from the suggestions, or see /feed list.", shown(id))
		case err != nil:
			return nil, fmt.Errorf("feed remove %s: %w", id, err)
		}
		logChange(ctx, d, in, slog.LevelInfo, "feed removed", slog.String("feed", f.ID), slog.String("url", f.URL))
		return ephemeral(fmt.Sprintf("Removed the feed `%s` (%s). Its queued articles stay in the review queue.", f.ID, escape(f.URL))), nil
	}
	return nil, inputErrorf("Unknown subcommand “%s”: use /feed add, /feed list or /feed remove.", shown(sub.Name))
}

func addFeed(ctx context.Context, d Deps, in *discordgo.Interaction, m feed.Manager, opts []*discordgo.ApplicationCommandInteractionDataOption) (*discordgo.InteractionResponse, error) {
	v, _ := option(opts, "url")
	link, _ := v.(string)
	link = strings.TrimSpace(link)
	if link == "" {
		return nil, inputErrorf("Give the feed's address (`url`).")
	}
	if utf8.RuneCountInString(link) > maxURLLen {
		return nil, inputErrorf("That link is too long (at most %d characters).", maxURLLen)
	}
	v, _ = option(opts, "keywords")
	words, _ := v.(string)
	v, _ = option(opts, "auto")
	auto, _ := v.(bool)
	show(ctx, d, "Fetching the feed "+escape(link)+" …")
	sub, err := m.AddFeed(ctx, feed.Feed{URL: link, Keywords: feed.SplitKeywords(words), Auto: auto})
	if err != nil {
		var we *webpage.Error
		if errors.As(err, &we) || errors.Is(err, feed.ErrNotFeed) {
			logChange(ctx, d, in, slog.LevelInfo, "feed add refused", slog.String("url", link), slog.Any("err", err))
			return nil, inputErrorf("Could not subscribe to “%s”: %s", shown(link), oneLine(err.Error()))
		}
		logChange(ctx, d, in, slog.LevelError, "feed add failed", slog.String("url", link), slog.Any("err", err))
		return nil, fmt.Errorf("feed add %s: %w", link, err)
	}
	f := sub.Feed
	logChange(ctx, d, in, slog.LevelInfo, "feed added", slog.String("feed", f.ID), slog.String("url", f.URL),
		slog.Any("keywords", f.Keywords), slog.Bool("auto", f.Auto), slog.Bool("updated", sub.Updated))
	verb := "Subscribed to"
	if sub.Updated {
		verb = "Updated"
	}
	return ephemeral(fmt.Sprintf("%s `%s`: %s (%d entries now).\n%s\nNew matching articles go to the review queue: `summitbot queue list`, then `summitbot queue approve <id>` or `reject <id>`.",
		verb, f.ID, escape(cmp.Or(f.Title, "untitled")), sub.Entries, feedLine(f))), nil
}

// feedLine says what a feed proposes and how it goes, on one line.
func feedLine(f feed.Status) string {
	kw := "every article (no keywords)"
	if len(f.Keywords) > 0 {
		kw = "keywords: " + escape(strings.Join(f.Keywords, ", "))
	}
	parts := []string{kw}
	if f.Every > 0 {
		parts = append(parts, "every "+f.Every.String())
	}
	if f.Auto {
		parts = append(parts, "auto (no review)")
	}
	if f.Queued > 0 {
		parts = append(parts, fmt.Sprintf("%d queued", f.Queued))
	}
	switch {
	case f.Failures > 0:
		parts = append(parts, fmt.Sprintf("⚠️ failing (%d in a row): %s", f.Failures, oneLine(f.LastError)))
	case f.LastPoll.IsZero():
		parts = append(parts, "not polled yet")
	default:
		parts = append(parts, fmt.Sprintf("polled <t:%d:R>", f.LastPoll.Unix()))
	}
	return strings.Join(parts, " · ")
}

// feedListText lists the feeds within a message's 2,000 characters.
func feedListText(list []feed.Status) string {
	if len(list) == 0 {
		return "No feeds yet. Subscribe with /feed add."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d feeds:", len(list))
	for i, f := range list {
		entry := fmt.Sprintf("\n• `%s` %s — %s", f.ID, escape(cmp.Or(f.Title, f.URL)), feedLine(f))
		if utf8.RuneCountInString(b.String())+utf8.RuneCountInString(entry) > maxContent-40 {
			fmt.Fprintf(&b, "\n… and %d more: `summitbot feed list`", len(list)-i)
			break
		}
		b.WriteString(entry)
	}
	return b.String()
}

// completeFeed suggests feeds for /feed remove.
func completeFeed(ctx context.Context, in *discordgo.Interaction, m feed.Manager) (*discordgo.InteractionResponse, error) {
	data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
	opt := focused(data.Options)
	if m == nil || opt == nil || opt.Name != "id" {
		return choicesReply(nil), nil
	}
	typed, _ := opt.Value.(string)
	typed = strings.ToLower(strings.TrimSpace(typed))
	list, err := m.Feeds(ctx)
	if err != nil {
		return choicesReply(nil), nil
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, f := range list {
		if len(choices) == maxChoices {
			break
		}
		if typed != "" && !strings.Contains(strings.ToLower(f.ID+" "+f.Title+" "+f.URL), typed) {
			continue
		}
		name := cutPlain(strings.Join(strings.Fields(cmp.Or(f.Title, f.URL)+" · "+f.ID), " "), maxChoiceName, true)
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: cutPlain(f.ID, maxIDLen, false)})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, nil
}
