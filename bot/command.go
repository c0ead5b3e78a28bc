package bot

import (
	"context"
	"log/slog"
	"net/http"
	"summitbot/answer"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Handler answers one interaction: a command, or an autocomplete request
// for one of its options. A returned error becomes the user's ephemeral
// reply (see errorReply); a panic is recovered the same way.
type Handler func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error)

// Deps is what a handler may use. It is built for each interaction.
type Deps struct {
	Engine answer.Querier
	Log    *slog.Logger
	// Limit is how many results an answer shows (3).
	Limit int
	// GuildIDs and ModeratorRoleIDs are the moderation settings.
	GuildIDs         []string
	ModeratorRoleIDs []string
	// Moderator changes the corpus (/article, /reindex); nil when this
	// process cannot (the moderator commands then say so).
	Moderator answer.Moderator
	// Attachments downloads the files moderators attach to /article add.
	Attachments *http.Client
	// Pages remembers the pageable answers (nil: answers carry no buttons),
	// for PageTTL.
	Pages   *pageStore
	PageTTL time.Duration
	// Commands is the command table (for /help); Cooldown says how many
	// questions a member may ask in how long ("" when unlimited).
	Commands []Command
	Cooldown string
	// Progress shows an interim reply for a slow command, deferring the
	// interaction first if that has not happened yet; the handler's returned
	// response replaces it at the end. It returns ErrCannotEdit when this
	// connection has no way to edit a reply (HTTP endpoint without a token).
	Progress func(ctx context.Context, resp *discordgo.InteractionResponse) error
}

// Command is one row of the command table: how the command is registered
// and how it is answered, so registration and dispatch cannot drift apart.
type Command struct {
	// Definition is what is registered with Discord; its Name (and Type)
	// route interactions to this row.
	Definition *discordgo.ApplicationCommand
	// Handle answers the command.
	Handle Handler
	// Complete answers autocomplete requests; nil when no option autocompletes.
	Complete Handler
	// Moderator commands are registered only in the configured guilds and
	// answered only for moderators there (see authorize).
	Moderator bool
	// Ephemeral commands answer only the invoking user, deferral included.
	Ephemeral bool
	// Timeout bounds the handler; 0 means DefaultTimeout.
	Timeout time.Duration
	// Examples show how the command is used, one a line, for /help.
	Examples []string
	// pager asks the command's question for every page of its answer; nil
	// for commands that are not questions. Questions are paged and count
	// toward the cooldowns.
	pager *pager
	// buttons is the custom_id prefix of the buttons the row answers
	// besides paging (the review buttons: "review:"), and press answers
	// them, after the row's moderator check.
	buttons string
	press   Handler
}

// DefaultTimeout bounds a handler whose Command sets no Timeout. Discord
// accepts edits of a deferred reply for 15 minutes.
const DefaultTimeout = 30 * time.Second

// String option lengths: Discord's client enforces them, the handlers check
// them again for clients that do not.
const (
	maxPhraseLen   = 300
	maxQuestionLen = 300
	maxNameLen     = 100 // groups and speakers: an autocomplete value is at most 100
)

// DefaultCommands is the command table: every command the bot registers
// and answers. Moderator commands are appended here as well.
func DefaultCommands() []Command {
	return []Command{
		question(slash("who-said", "Who said a phrase: the quote, its speaker and its source",
			stringOption("phrase", "Words from the quote; suggestions show quotes that contain them", maxPhraseLen, true)),
			"phrase", maxPhraseLen, answer.Querier.WhoSaid,
			"No quote contains “%s”. Try fewer words or check the spelling; /ask searches every paragraph.",
			complete("phrase", answer.Querier.CompletePhrase), "/who-said phrase:no deal"),
		question(slash("reactions", "How a country, bloc or camp reacted to the summit",
			stringOption("group", "A country, bloc or camp, e.g. europe, ukraine, nato", maxNameLen, true)),
			"group", maxNameLen, answer.Querier.Reactions,
			"Found nothing on how “%s” reacted. Pick a group from the suggestions, or try /ask.",
			complete("group", answer.Querier.CompleteGroup), "/reactions group:europe"),
		question(slash("ask", "Ask a question: the paragraphs that answer it best, with sources",
			stringOption("question", "Your question, e.g. where was the summit held", maxQuestionLen, false)),
			"question", maxQuestionLen, answer.Querier.Ask,
			"Nothing in the indexed articles answers “%s”. Try other or fewer words; /sources lists the articles.",
			nil, "/ask question:where was the summit held"),
		question(slash("quotes", "A speaker's quotes, with their sources",
			stringOption("speaker", "Who; suggestions list the quoted speakers", maxNameLen, true)),
			"speaker", maxNameLen, answer.Querier.Quotes,
			"No quotes from “%s”. Pick a speaker from the suggestions.",
			complete("speaker", answer.Querier.CompleteSpeaker), "/quotes speaker:putin"),
		{
			Definition: slash("sources", "The articles the bot answers from"),
			Handle:     sources,
			Examples:   []string{"/sources"},
		},
		findSourceCommand(),
		helpCommand(),
		articleCommand(),
		reindexCommand(time.Second),
	}
}

// question is the row of a command that takes one text option and asks
// the engine with it (who-said, reactions, ask, quotes): the option is
// checked, run asks, and a miss gets the command's own advice (miss, with
// %s for what was typed).
func question(def *discordgo.ApplicationCommand, option string, maxLen int, run func(answer.Querier, context.Context, string, int) (answer.Answer, error), miss string, complete Handler, examples ...string) Command {
	p := &pager{command: def.Name, run: run, miss: miss}
	return Command{
		Definition: def,
		Handle: func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			text, err := requiredText(in, option, maxLen)
			if err != nil {
				return nil, err
			}
			return p.reply(ctx, d, in, text, 0, "")
		},
		Complete: complete,
		Examples: examples,
		pager:    p,
	}
}

// Definitions returns the registration definitions of cmds; with
// moderator false it leaves out the moderator commands (global registration).
func Definitions(cmds []Command, moderator bool) []*discordgo.ApplicationCommand {
	var defs []*discordgo.ApplicationCommand
	for _, c := range cmds {
		if c.Moderator && !moderator {
			continue
		}
		defs = append(defs, c.Definition)
	}
	return defs
}

func slash(name, description string, options ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	return &discordgo.ApplicationCommand{
		Type:        discordgo.ChatApplicationCommand,
		Name:        name,
		Description: description,
		Options:     options,
	}
}

func stringOption(name, description string, maxLen int, autocomplete bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:         discordgo.ApplicationCommandOptionString,
		Name:         name,
		Description:  description,
		Required:     true,
		MaxLength:    maxLen,
		Autocomplete: autocomplete,
	}
}

// commandType is a definition's type; Discord treats 0 as a slash command.
func commandType(t discordgo.ApplicationCommandType) discordgo.ApplicationCommandType {
	if t == 0 {
		return discordgo.ChatApplicationCommand
	}
	return t
}
