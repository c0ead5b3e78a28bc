package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// helpCommand is /help: an ephemeral overview of the commands, each with
// an example, and for moderators their commands too. It is written from
// the command table, so it lists every command the bot answers.
func helpCommand() Command {
	return Command{
		Definition: slash("help", "What this bot answers, and how to ask: every command with an example"),
		Handle:     help,
		Examples:   []string{"/help"},
		Ephemeral:  true,
	}
}

func help(_ context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	var members, moderators []string
	for _, c := range d.Commands {
		if c.Moderator {
			moderators = append(moderators, helpLines(c)...)
		} else {
			members = append(members, helpLines(c)...)
		}
	}
	e := &discordgo.MessageEmbed{
		Title: "What I answer",
		Description: "I answer from news coverage of the Trump–Putin summit in Alaska (15 Aug 2025) and what followed, " +
			"with the exact quote or paragraph and its source.\n\n" + strings.Join(members, "\n"),
		Color: colorQuote,
	}
	var foot []string
	foot = append(foot, "Answers with more results have More and Back buttons (only the member who asked can page them, for "+durationText(d.PageTTL)+").")
	if d.Cooldown != "" {
		foot = append(foot, "Each member can ask "+d.Cooldown+".")
	}
	e.Footer = &discordgo.MessageEmbedFooter{Text: strings.Join(foot, " ")}
	resp := ephemeral("")
	resp.Data.Embeds = []*discordgo.MessageEmbed{e}
	if len(moderators) > 0 && authorize(d, in) == nil {
		resp.Data.Embeds = append(resp.Data.Embeds, &discordgo.MessageEmbed{
			Title:       "Moderator commands",
			Description: strings.Join(moderators, "\n"),
			Color:       colorParagraph,
		})
	}
	return resp, nil
}

// helpLines are a command's lines in /help: its name and what it does
// (each subcommand's, for a command that has them), then its examples.
func helpLines(c Command) []string {
	def := c.Definition
	var lines []string
	subs := 0
	for _, o := range def.Options {
		if o != nil && o.Type == discordgo.ApplicationCommandOptionSubCommand {
			lines = append(lines, "**/"+def.Name+" "+o.Name+"** — "+escape(o.Description))
			subs++
		}
	}
	if subs == 0 {
		name := "**" + invocation(c) + "**"
		desc := def.Description
		if commandType(def.Type) != discordgo.ChatApplicationCommand {
			name = "**" + def.Name + "** (message command)"
			desc = "Where a message's words come from: the quote or paragraph and its source"
		}
		lines = append(lines, name+" — "+escape(desc))
	}
	for _, ex := range c.Examples {
		if strings.HasPrefix(ex, "/") {
			ex = "`" + strings.ReplaceAll(ex, "`", "'") + "`"
		} else {
			ex = escape(ex)
		}
		lines = append(lines, "\u2003*e.g.* "+ex)
	}
	return lines
}
