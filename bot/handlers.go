package bot

import (
	"context"
	"strings"
	"summitbot/answer"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// maxMessageText is how much of a message "Find source" looks up.
const maxMessageText = 2000

func sources(_ context.Context, d Deps, _ *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	return sourcesReply(d.Engine.Sources()), nil
}

// findSourceCommand is the "Find source" message command: it looks up the
// target message's text (or, for a message with only embeds, such as the
// bot's own answers, the embeds' text).
func findSourceCommand() Command {
	p := &pager{command: "Find source", run: answer.Querier.FindSource,
		miss: "This message does not quote any indexed article that I can find. /ask searches with your own words."}
	return Command{
		Definition: &discordgo.ApplicationCommand{Type: discordgo.MessageApplicationCommand, Name: p.command},
		Handle: func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
			var msg *discordgo.Message
			if data.Resolved != nil {
				msg = data.Resolved.Messages[data.TargetID]
			}
			if msg == nil {
				return nil, inputErrorf("Discord did not send the message to look up; try again.")
			}
			text := messageText(msg)
			if text == "" {
				return nil, inputErrorf("That message has no text to look up.")
			}
			return p.reply(ctx, d, in, text, 0, "")
		},
		Examples: []string{"right-click a message → Apps → Find source"},
		pager:    p,
	}
}

// messageText is a message's text for looking it up: its content, or else
// its embeds' descriptions with the Markdown taken out.
func messageText(m *discordgo.Message) string {
	text := strings.TrimSpace(m.Content)
	if text == "" {
		var parts []string
		for _, e := range m.Embeds {
			if e != nil && e.Description != "" {
				parts = append(parts, unmarkdown(e.Description))
			}
		}
		text = strings.TrimSpace(strings.Join(parts, "\n"))
	}
	if utf8.RuneCountInString(text) > maxMessageText {
		text = cutPlain(text, maxMessageText, false)
	}
	return text
}

// unmarkdown undoes escape and highlight: it drops bold markers and escaping
// backslashes, the zero-width spaces and the quotation marks quoted adds.
func unmarkdown(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case strings.HasPrefix(s[i:], "**"):
			i++
		default:
			b.WriteByte(s[i])
		}
	}
	out := strings.ReplaceAll(b.String(), zwsp, "")
	if line, _, _ := strings.Cut(out, "\n— "); strings.HasPrefix(line, "“") && strings.HasSuffix(line, "”") {
		out = strings.TrimSuffix(strings.TrimPrefix(line, "“"), "”")
	}
	return out
}

// complete is the autocomplete handler for one string option.
func complete(option string, suggest func(answer.Querier, string, int) []string) Handler {
	return func(_ context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
		opt := focused(data.Options)
		if opt == nil || opt.Name != option {
			return choicesReply(nil), nil
		}
		typed, _ := opt.Value.(string)
		typed = strings.TrimSpace(typed)
		if utf8.RuneCountInString(typed) > maxPhraseLen {
			return choicesReply(nil), nil
		}
		return choicesReply(suggest(d.Engine, typed, maxChoices)), nil
	}
}

// focused finds the option being typed, inside subcommands too.
func focused(opts []*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Focused {
			return o
		}
		if f := focused(o.Options); f != nil {
			return f
		}
	}
	return nil
}

// option finds a named option's value, inside subcommands too.
func option(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (any, bool) {
	for _, o := range opts {
		if o == nil {
			continue
		}
		if o.Name == name && o.Type != discordgo.ApplicationCommandOptionSubCommand && o.Type != discordgo.ApplicationCommandOptionSubCommandGroup {
			return o.Value, true
		}
		if v, ok := option(o.Options, name); ok {
			return v, true
		}
	}
	return nil, false
}

// requiredText is a string option's value, trimmed; missing, blank or too
// long is the user's error.
func requiredText(in *discordgo.Interaction, name string, maxLen int) (string, error) {
	data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
	v, ok := option(data.Options, name)
	s, isString := v.(string)
	switch {
	case !ok:
		return "", inputErrorf("The option `%s` is missing: give some words.", name)
	case !isString:
		return "", inputErrorf("The option `%s` must be text.", name)
	}
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", inputErrorf("The option `%s` is empty: give some words.", name)
	case utf8.RuneCountInString(s) > maxLen:
		return "", inputErrorf("The option `%s` is too long (%d characters; at most %d). Use fewer words.", name, utf8.RuneCountInString(s), maxLen)
	}
	return s, nil
}

func found(a answer.Answer) bool { return a.Found && len(a.Results) > 0 }

// shown is a user's text for echoing in a reply: escaped, on one line, and
// short.
func shown(s string) string {
	return escape(cutPlain(strings.Join(strings.Fields(s), " "), 200, true))
}
