package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"path"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/index"
	"summitbot/webpage"
	"summitbot/wording"
)

const (
	// articleTimeout bounds /article: a fetch (10 s), an attachment
	// download and the indexing of one article.
	articleTimeout = 2 * time.Minute
	// reindexTimeout bounds /reindex: Discord accepts edits of the reply for
	// 15 minutes.
	reindexTimeout = 14 * time.Minute
	// attachmentTimeout bounds one attachment download.
	attachmentTimeout = 30 * time.Second
	maxURLLen         = 2000
	maxIDLen          = maxChoiceValue
)

// articleExts are the attachments /article add accepts (webpage.FromFile
// reads them).
var articleExts = []string{".md", ".markdown", ".txt", ".html", ".htm"}

// moderatorDefinition is a slash command only members with Manage Server
// see by default, and only in servers. Discord's setting only hides it:
// authorize is the check that counts.
func moderatorDefinition(name, description string, options ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
	c := slash(name, description, options...)
	perms := int64(discordgo.PermissionManageGuild)
	contexts := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	c.DefaultMemberPermissions, c.Contexts = &perms, &contexts
	return c
}

func subcommand(name, description string, options ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, Description: description, Options: options}
}

// articleCommand is /article add|remove|list.
func articleCommand() Command {
	url := stringOption("url", "A link to the article's web page", maxURLLen, false)
	url.Required = false
	file := &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionAttachment, Name: "file", Description: "Or an article file: .md, .txt or .html, at most 2 MiB"}
	return Command{
		Definition: moderatorDefinition("article", "Moderators: add, remove or list the articles the bot answers from",
			subcommand("add", "Add an article from a link or a file (adding a link again updates it)", url, file),
			subcommand("remove", "Remove an article from the corpus and the index",
				stringOption("id", "The article; suggestions show ids and titles", maxIDLen, true)),
			subcommand("list", "The indexed articles with their ids, outlets, dates and counts"),
		),
		Handle:    handleArticle,
		Complete:  completeArticle,
		Examples:  []string{"/article add url:https://example.org/alaska-summit", "/article remove id:alaska-summit", "/article list"},
		Moderator: true,
		Ephemeral: true,
		Timeout:   articleTimeout,
	}
}

// reindexCommand is /reindex; its reply shows progress at most once every
// interval.
func reindexCommand(every time.Duration) Command {
	return Command{
		Definition: moderatorDefinition("reindex", "Moderators: rebuild the index from the corpus folder (the old one answers meanwhile)"),
		Handle:     reindexHandler(every),
		Examples:   []string{"/reindex"},
		Moderator:  true,
		Ephemeral:  true,
		Timeout:    reindexTimeout,
	}
}

var errNoModerator = inputErrorf("Moderator commands are not available in this process: run them where `summitbot serve` runs, or use `summitbot add`, `remove` and `reindex`.")

// handleArticle routes /article to its subcommand.
func handleArticle(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if d.Moderator == nil {
		return nil, errNoModerator
	}
	data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
	if len(data.Options) != 1 || data.Options[0] == nil || data.Options[0].Type != discordgo.ApplicationCommandOptionSubCommand {
		return nil, inputErrorf("Use /article add, /article remove or /article list.")
	}
	switch sub := data.Options[0]; sub.Name {
	case "add":
		return addArticle(ctx, d, in, data, sub.Options)
	case "remove":
		return removeArticle(ctx, d, in, sub.Options)
	case "list":
		resp := private(sourcesReply(d.Moderator.Sources()))
		if pr, ok := d.Moderator.(answer.ProblemReporter); ok {
			resp.Data.Content = strings.TrimSpace(resp.Data.Content + "\n" + problemNote(pr.CorpusProblems()))
		}
		return resp, nil
	default:
		return nil, inputErrorf("Unknown subcommand “%s”: use /article add, /article remove or /article list.", shown(sub.Name))
	}
}

// addArticle adds the article behind a link or in an attached file, and
// shows what was understood of it.
func addArticle(ctx context.Context, d Deps, in *discordgo.Interaction, data discordgo.ApplicationCommandInteractionData, opts []*discordgo.ApplicationCommandInteractionDataOption) (*discordgo.InteractionResponse, error) {
	rawURL, hasURL := option(opts, "url")
	fileID, hasFile := option(opts, "file")
	link, _ := rawURL.(string)
	link = strings.TrimSpace(link)
	hasURL = hasURL && link != ""
	switch {
	case hasURL && hasFile:
		return nil, inputErrorf("Give either a link (`url`) or a file (`file`), not both.")
	case !hasURL && !hasFile:
		return nil, inputErrorf("Give a link to the article (`url`) or attach its file (`file`): one of the two.")
	}

	var (
		added answer.Added
		err   error
		what  string
	)
	if hasURL {
		if utf8.RuneCountInString(link) > maxURLLen {
			return nil, inputErrorf("That link is too long (at most %d characters).", maxURLLen)
		}
		u, perr := webpage.ParseURL(link)
		if perr != nil {
			return nil, inputErrorf("Could not add “%s”: %s", shown(link), oneLine(perr.Error()))
		}
		what = u.String()
		show(ctx, d, "Fetching "+escape(what)+" …")
		added, err = d.Moderator.AddURL(ctx, what)
	} else {
		att, aerr := attachment(data, fileID)
		if aerr != nil {
			return nil, aerr
		}
		what = att.Filename
		show(ctx, d, "Reading “"+shown(att.Filename)+"” …")
		body, derr := download(ctx, d.Attachments, att)
		if derr != nil {
			logChange(ctx, d, in, slog.LevelWarn, "article add failed", slog.String("file", att.Filename), slog.Any("err", derr))
			return nil, derr
		}
		added, err = d.Moderator.AddArticle(ctx, att.Filename, body)
	}
	if err != nil {
		return addFailed(ctx, d, in, what, err)
	}
	msg := "article added"
	if added.Updated {
		msg = "article updated"
	}
	logChange(ctx, d, in, slog.LevelInfo, msg, slog.String("id", added.Info.ID), slog.String("from", what),
		slog.Int("paragraphs", added.Info.Paragraphs), slog.Int("quotes", added.Info.Quotes))
	return addedReply(added), nil
}

// addFailed turns a failed add into the moderator's one-line reason.
func addFailed(ctx context.Context, d Deps, in *discordgo.Interaction, what string, err error) (*discordgo.InteractionResponse, error) {
	var we *webpage.Error
	if errors.As(err, &we) {
		logChange(ctx, d, in, slog.LevelInfo, "article add refused", slog.String("from", what), slog.Any("err", err))
		return nil, inputErrorf("Could not add “%s”: %s", shown(what), oneLine(we.Error()))
	}
	if errors.Is(err, index.ErrClosed) {
		return nil, fmt.Errorf("add %s: %w", what, err)
	}
	var ce *index.ChangeError
	if errors.As(err, &ce) && ce.Changed {
		logChange(ctx, d, in, slog.LevelError, "article add half done", slog.String("from", what), slog.Any("err", err))
		return nil, inputErrorf("“%s” was saved to the corpus folder as `%s`, but the index could not take it (it has been logged): it answers after /reindex or a restart.", shown(what), ce.ID)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		logChange(ctx, d, in, slog.LevelWarn, "article add stopped", slog.String("from", what), slog.Any("err", err))
		return nil, inputErrorf("Could not add “%s”: it took too long and was stopped. Check /article list before trying again.", shown(what))
	}
	logChange(ctx, d, in, slog.LevelError, "article add failed", slog.String("from", what), slog.Any("err", err))
	return nil, inputErrorf("Could not add “%s”: something went wrong on my side (it has been logged). Nothing was changed.", shown(what))
}

// problemNote counts the corpus folder's skipped and suspicious files for
// /article list ("" when there is none).
func problemNote(problems []answer.CorpusProblem) string {
	if len(problems) == 0 {
		return ""
	}
	skipped := 0
	for _, p := range problems {
		if p.Skipped {
			skipped++
		}
	}
	plural := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	}
	return fmt.Sprintf("⚠️ %d corpus %s skipped, %d suspicious: `summitbot list` (or the log) names them with the reason; fix them and /reindex.",
		skipped, plural(skipped, "file", "files"), len(problems)-skipped)
}

// attachment finds the attached file named by the option's value.
func attachment(data discordgo.ApplicationCommandInteractionData, id any) (*discordgo.MessageAttachment, error) {
	key, _ := id.(string)
	var att *discordgo.MessageAttachment
	if data.Resolved != nil {
		att = data.Resolved.Attachments[key]
	}
	if att == nil {
		return nil, inputErrorf("Discord did not send the attached file; attach it again.")
	}
	name := strings.TrimSpace(att.Filename)
	ext := strings.ToLower(path.Ext(name))
	known := false
	for _, e := range articleExts {
		known = known || ext == e
	}
	switch {
	case !known:
		return nil, inputErrorf("“%s” is not an article file: attach a .md, .txt or .html file.", shown(name))
	case att.Size > webpage.MaxFileBytes:
		return nil, inputErrorf("“%s” is %s: an article file may be at most 2 MiB.", shown(name), sizeText(int64(att.Size)))
	}
	return att, nil
}

// newAttachmentClient downloads attachments from Discord's CDN: a plain
// client (the links are Discord's, not a moderator's), with a timeout and
// few redirects, over http or https only.
func newAttachmentClient() *http.Client {
	return &http.Client{
		Timeout: attachmentTimeout,
		CheckRedirect: func(r *http.Request, via []*http.Request) error {
			if len(via) >= 3 {
				return errors.New("too many redirects")
			}
			if r.URL.Scheme != "http" && r.URL.Scheme != "https" {
				return fmt.Errorf("redirect to a %s link", r.URL.Scheme)
			}
			return nil
		},
	}
}

// download reads an attachment, at most webpage.MaxFileBytes.
func download(ctx context.Context, c *http.Client, att *discordgo.MessageAttachment) ([]byte, error) {
	name := shown(att.Filename)
	u, err := url.Parse(att.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, inputErrorf("Discord sent no usable link for “%s”; attach it again.", name)
	}
	if c == nil {
		c = newAttachmentClient()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, inputErrorf("Discord sent no usable link for “%s”; attach it again.", name)
	}
	resp, err := c.Do(req)
	if err != nil {
		return nil, inputErrorf("Could not download “%s” from Discord (%s); try again.", name, oneLine(redact(err).Error()))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, inputErrorf("Could not download “%s” from Discord (HTTP %d); try again.", name, resp.StatusCode)
	}
	if resp.ContentLength > webpage.MaxFileBytes {
		return nil, inputErrorf("“%s” is %s: an article file may be at most 2 MiB.", name, sizeText(resp.ContentLength))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, webpage.MaxFileBytes+1))
	if err != nil {
		return nil, inputErrorf("Could not download “%s” from Discord (%s); try again.", name, oneLine(redact(err).Error()))
	}
	if len(body) > webpage.MaxFileBytes {
		return nil, inputErrorf("“%s” is larger than 2 MiB: an article file may be at most 2 MiB.", name)
	}
	return body, nil
}

// addedReply shows what was understood of an added article, so that the
// moderator sees at once whether the extraction worked.
func addedReply(a answer.Added) *discordgo.InteractionResponse {
	i := a.Info
	verb := "Added"
	if a.Updated {
		verb = "Updated"
	}
	content := fmt.Sprintf("%s `%s`.", verb, i.ID)
	if a.Updated {
		content += " It replaces the article that had the same link or id."
	}
	e, warn := understood(a)
	e.Footer = &discordgo.MessageEmbedFooter{Text: "id " + i.ID + " · to correct it, edit its file in the corpus folder and run /reindex"}
	if len(warn) > 0 {
		content += "\n⚠️ " + strings.Join(warn, "; ") + "."
	}
	resp := ephemeral(content)
	resp.Data.Embeds = []*discordgo.MessageEmbed{e}
	return resp
}

// understood is what was understood of an article, as an embed (title,
// outlet, date, paragraphs, quotes, speakers), and what is missing.
func understood(a answer.Added) (*discordgo.MessageEmbed, []string) {
	i := a.Info
	var warn []string
	orMissing := func(v, what string) string {
		if strings.TrimSpace(v) == "" {
			warn = append(warn, "no "+what+" found")
			return "—"
		}
		return escape(v)
	}
	e := &discordgo.MessageEmbed{
		Title: cutMarkdown(orMissing(wording.Meta(i.Title), "title"), maxTitle),
		Color: colorQuote,
		Fields: []*discordgo.MessageEmbedField{
			{Name: "Outlet", Value: orMissing(wording.Meta(i.Outlet), "outlet"), Inline: true},
			{Name: "Published", Value: orMissing(wording.Date(i.Published), "date"), Inline: true},
			{Name: "Paragraphs", Value: fmt.Sprint(i.Paragraphs), Inline: true},
			{Name: "Quotes", Value: fmt.Sprint(i.Quotes), Inline: true},
		},
	}
	if validURL(i.URL) {
		e.URL = i.URL
	}
	speakers := "none named"
	switch {
	case i.Quotes == 0:
		warn = append(warn, "no quotes found")
		speakers = "—"
	case len(a.Speakers) == 0:
		warn = append(warn, "no quote could be attributed to a named speaker")
	default:
		names := make([]string, len(a.Speakers))
		for k, s := range a.Speakers {
			names[k] = escape(s)
		}
		speakers = strings.Join(names, ", ")
	}
	e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: fmt.Sprintf("Speakers (%d)", len(a.Speakers)), Value: speakers})
	return e, warn
}

// removeArticle removes the article named by id (or, failing that, by its
// exact title).
func removeArticle(ctx context.Context, d Deps, in *discordgo.Interaction, opts []*discordgo.ApplicationCommandInteractionDataOption) (*discordgo.InteractionResponse, error) {
	v, _ := option(opts, "id")
	typed, _ := v.(string)
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return nil, inputErrorf("Give the article's id: pick one from the suggestions, or see /article list.")
	}
	info, ok := findArticle(d.Moderator.Sources(), typed)
	if !ok {
		return nil, inputErrorf("No article has the id “%s”. Pick one from the suggestions, or see /article list.", shown(typed))
	}
	err := d.Moderator.RemoveArticle(ctx, info.ID)
	switch {
	case errors.Is(err, index.ErrNotFound):
		return nil, inputErrorf("No article has the id “%s” (any more). See /article list.", shown(info.ID))
	case err != nil:
		logChange(ctx, d, in, slog.LevelError, "article remove failed", slog.String("id", info.ID), slog.Any("err", err))
		var ce *index.ChangeError
		if errors.As(err, &ce) {
			if ce.Changed {
				return nil, inputErrorf("`%s` was removed from the corpus folder, but the index could not follow (it has been logged): it stops answering after /reindex or a restart.", info.ID)
			}
			return nil, inputErrorf("Could not remove `%s`: something went wrong on my side (it has been logged). Nothing was changed.", info.ID)
		}
		return nil, fmt.Errorf("remove %s: %w", info.ID, err)
	}
	logChange(ctx, d, in, slog.LevelInfo, "article removed", slog.String("id", info.ID), slog.String("title", info.Title))
	return ephemeral(fmt.Sprintf("Removed `%s` (%s) from the corpus folder and the index.", info.ID, shown(cmp.Or(strings.TrimSpace(info.Title), strings.TrimSpace(info.ID))))), nil
}

// findArticle resolves what the moderator typed: an id, a unique title, or
// an id too long for Discord's 100-character value cut at 100 characters.
func findArticle(infos []answer.ArticleInfo, typed string) (answer.ArticleInfo, bool) {
	for _, a := range infos {
		if a.ID == typed {
			return a, true
		}
	}
	var match []answer.ArticleInfo
	for _, a := range infos {
		// Removing is not undone: a title counts only as written, in its
		// case ("HI" is not the article titled "hi").
		if strings.TrimSpace(a.Title) == typed || utf8.RuneCountInString(typed) == maxIDLen && strings.HasPrefix(a.ID, typed) {
			match = append(match, a)
		}
	}
	if len(match) == 1 {
		return match[0], true
	}
	return answer.ArticleInfo{}, false
}

// completeArticle suggests articles for /article remove: those whose id,
// title or outlet contain what was typed, shown as title, outlet and id.
func completeArticle(_ context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	data, _ := in.Data.(discordgo.ApplicationCommandInteractionData)
	opt := focused(data.Options)
	if d.Moderator == nil || opt == nil || opt.Name != "id" {
		return choicesReply(nil), nil
	}
	typed, _ := opt.Value.(string)
	typed = strings.ToLower(strings.Join(strings.Fields(typed), " "))
	var choices []*discordgo.ApplicationCommandOptionChoice
	for _, a := range d.Moderator.Sources() {
		if len(choices) == maxChoices {
			break
		}
		hay := strings.ToLower(a.ID + " " + strings.Join(strings.Fields(a.Title), " ") + " " + a.Outlet)
		if typed != "" && !strings.Contains(hay, typed) {
			continue
		}
		name := cmp.Or(strings.TrimSpace(a.Title), strings.TrimSpace(a.ID))
		if a.Outlet != "" {
			name += " · " + a.Outlet
		}
		suffix := " · " + a.ID
		name = cutPlain(strings.Join(strings.Fields(name), " "), maxChoiceName-utf8.RuneCountInString(suffix), true) + suffix
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: cutPlain(name, maxChoiceName, true), Value: cutPlain(a.ID, maxIDLen, false)})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}, nil
}

// reindexHandler rebuilds the index, editing its reply with the progress at
// most once every interval, and ends with the counts and the time taken.
func reindexHandler(every time.Duration) Handler {
	return func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		if d.Moderator == nil {
			return nil, errNoModerator
		}
		start := time.Now()
		logChange(ctx, d, in, slog.LevelInfo, "reindex requested")
		show(ctx, d, "Reindexing: reading the corpus folder … The current index answers meanwhile.")

		var (
			mu     sync.Mutex
			latest answer.Progress
			seen   bool
			wg     sync.WaitGroup
		)
		stop := make(chan struct{})
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTicker(every)
			defer t.Stop()
			var shown answer.Progress
			for {
				select {
				case <-stop:
					return
				case <-t.C:
				}
				mu.Lock()
				p, ok := latest, seen
				mu.Unlock()
				if ok && p != shown && p.Total > 0 {
					shown = p
					show(ctx, d, fmt.Sprintf("Reindexing … %s of %s paragraphs (%d%%), %s so far. The current index answers meanwhile.",
						count(p.Done), count(p.Total), p.Done*100/p.Total, since(start)))
				}
			}
		}()
		st, err := d.Moderator.Reindex(ctx, func(p answer.Progress) {
			mu.Lock()
			latest, seen = p, true
			mu.Unlock()
		})
		close(stop)
		wg.Wait()

		switch {
		case errors.Is(err, index.ErrReindexRunning):
			return nil, err
		case err != nil:
			why := "something went wrong on my side (it has been logged)"
			if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
				why = "it was stopped (it took too long, or the bot is shutting down)"
			}
			logChange(ctx, d, in, slog.LevelError, "reindex failed", slog.Any("err", err), slog.Duration("took", time.Since(start)))
			return ephemeral("Reindex failed: " + why + ". The previous index still serves; nothing was lost."), nil
		}
		logChange(ctx, d, in, slog.LevelInfo, "reindexed", slog.Int("articles", st.Articles), slog.Int("paragraphs", st.Paragraphs),
			slog.Int("quotes", st.Quotes), slog.Duration("took", st.Took))
		return ephemeral(fmt.Sprintf("Reindexed %s (%s, %s) in %s. The new index is answering.",
			counted(st.Articles, "article"), counted(st.Paragraphs, "paragraph"), counted(st.Quotes, "quote"), roundDuration(st.Took))), nil
	}
}

// show puts an interim text in the moderator's reply (deferring it first);
// where replies cannot be edited it does nothing.
func show(ctx context.Context, d Deps, text string) {
	if d.Progress == nil {
		return
	}
	if err := d.Progress(ctx, ephemeral(text)); err != nil && !errors.Is(err, ErrCannotEdit) && d.Log != nil {
		d.Log.Debug("progress not shown", "err", err)
	}
}

// logChange logs a moderator action with who did it and where.
func logChange(ctx context.Context, d Deps, in *discordgo.Interaction, level slog.Level, msg string, attrs ...slog.Attr) {
	if d.Log == nil {
		return
	}
	who := []slog.Attr{slog.String("interaction", in.ID)}
	if u := invoker(in); u != nil {
		who = append(who, slog.String("user", u.ID), slog.String("username", u.Username))
	}
	who = append(who, slog.String("guild", in.GuildID))
	d.Log.LogAttrs(ctx, level, msg, append(who, attrs...)...)
}

// private makes a reply ephemeral.
func private(resp *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	if resp.Data == nil {
		resp.Data = &discordgo.InteractionResponseData{}
	}
	resp.Data.Flags |= discordgo.MessageFlagsEphemeral
	return resp
}

// oneLine is an error message on one line, escaped and short.
func oneLine(s string) string {
	return escape(cutPlain(strings.Join(strings.Fields(s), " "), 300, true))
}

// count writes n with thousands separators.
func count(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// counted is n with thousands separators and its noun in the right number.
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return count(n) + " " + noun + "s"
}

func since(t time.Time) string { return roundDuration(time.Since(t)) }

func roundDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return d.Round(time.Millisecond).String()
	case d < time.Minute:
		return fmt.Sprintf("%.1f s", d.Seconds())
	default:
		return d.Round(time.Second).String()
	}
}

// sizeText is a byte count as a person reads it.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
