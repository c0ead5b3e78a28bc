package bot

import (
	"cmp"
	"fmt"
	"strings"
	"summitbot/answer"
	"summitbot/wording"

	"github.com/bwmarrin/discordgo"
)

// Embed colours: quotes, paragraphs, near misses.
const (
	colorQuote     = 0x3b82f6
	colorParagraph = 0x94a3b8
	colorMiss      = 0xf59e0b
)

// page is one page of an answer as a reply shows it.
type page struct {
	command string // the command row's name ("who-said", "Find source")
	query   string // what was asked, as typed
	number  int    // 0-based; closestPage for a miss's closest quotes
	size    int    // results per page
	id      string // the paging entry's id; "" means no buttons
}

// closestPage is the page number of a miss's closest quotes.
const closestPage = -1

// answerReply is the public answer's page pg: a heading when the answer
// needs one (the person or group it resolved to, "Closest quote"), the
// engine's note, then one embed per result, best first, and the paging
// buttons when there is more than one page.
func answerReply(ans answer.Answer, pg page) *discordgo.InteractionResponse {
	size := max(1, min(pg.size, maxEmbeds))
	last := (len(ans.Results) - 1) / size
	n := min(max(pg.number, 0), last)
	from, to := n*size, min(len(ans.Results), (n+1)*size)

	var lines []string
	heading := answerHeading(ans, pg.command, to-from)
	if heading != "" {
		lines = append(lines, heading)
	}
	if len(ans.Also) > 0 {
		lines = append(lines, subtext("also: "+strings.Join(ans.Also, ", ")))
	}
	// A close match's heading already says the words are not the quote's.
	if note := wording.Sentence(ans.Note); note != "" && ans.Match != answer.MatchClose && !wording.Redundant(heading, note) {
		lines = append(lines, subtext(note))
	}
	if n > 0 {
		lines = append(lines, subtext(fmt.Sprintf("Results %d–%d.", from+1, to)))
	}
	data := &discordgo.InteractionResponseData{AllowedMentions: noMentions(), Content: strings.Join(lines, "\n")}
	render := resultEmbed
	if ans.Match == answer.MatchClose {
		render = func(r answer.Result, maxDesc int) *discordgo.MessageEmbed {
			e := resultEmbed(r, maxDesc)
			e.Fields = append([]*discordgo.MessageEmbedField{{Name: "Closest quote", Value: "Not the exact words of “" + shown(pg.query) + "”: this is the quote as said."}}, e.Fields...)
			return e
		}
	}
	data.Embeds = resultEmbeds(ans.Results[from:to], render)
	if pg.id != "" {
		var buttons []discordgo.MessageComponent
		if n > 0 {
			buttons = append(buttons, pageButton("Back", pg.command, pg.id, n-1, discordgo.SecondaryButton))
		}
		if len(ans.Results) > to {
			buttons = append(buttons, pageButton("More", pg.command, pg.id, n+1, discordgo.PrimaryButton))
		}
		data.Components = buttonRow(buttons)
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

// answerHeading is the line above an answer's results, or "": what a close
// match is, and whom a quotes or reactions request resolved to.
func answerHeading(ans answer.Answer, command string, shownResults int) string {
	switch {
	case ans.Match == answer.MatchClose:
		noun := "Closest quote"
		if shownResults > 1 {
			noun = "Closest quotes"
		}
		return "**" + noun + "** to “" + shown(ans.Query) + "” (not these exact words)"
	case ans.Subject == "":
		return ""
	case command == "quotes":
		return "**Quotes by " + escape(oneLineText(ans.Subject)) + "**"
	case command == "reactions":
		return "**How " + escape(oneLineText(ans.Subject)) + " reacted**"
	}
	return "**" + escape(oneLineText(ans.Subject)) + "**"
}

// oneLineText is text on one line with single spaces.
func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// resultEmbeds renders results, sharing the 6000 characters of a message
// fairly among their descriptions when they are long, so that each is cut
// at a word with its closing mark kept rather than by fit.
func resultEmbeds(results []answer.Result, render func(answer.Result, int) *discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	embeds := make([]*discordgo.MessageEmbed, len(results))
	for i, r := range results {
		embeds[i] = render(r, maxDescription)
	}
	total, descs := embedTotal(embeds), 0
	for _, e := range embeds {
		descs += textLen(e.Description)
	}
	if total <= maxEmbedTotal || len(embeds) == 0 {
		return embeds
	}
	budget := (maxEmbedTotal - (total - descs)) / len(embeds)
	for i, r := range results {
		if textLen(embeds[i].Description) > budget {
			embeds[i] = render(r, max(budget, 16))
		}
	}
	return embeds
}

// missReply is the ephemeral reply when nothing matched: what happened and
// what to try (message), the engine's note when it says more, and, when
// the answer has closest quotes, how many with a "Show closest" button (or
// the quotes themselves when the answer cannot be paged). On the closest
// page it shows those quotes, each labelled as not a match, with "Back".
func missReply(ans answer.Answer, message string, pg page) *discordgo.InteractionResponse {
	lines := []string{message}
	if note := wording.Sentence(ans.Note); note != "" && !wording.Redundant(message, note) {
		lines = append(lines, subtext(note))
	}
	closest := ans.Closest[:min(len(ans.Closest), 3)]
	resp := ephemeral("")
	switch {
	case len(closest) == 0:
	case pg.id != "" && pg.number != closestPage:
		lines = append(lines, subtext(closeCount(len(closest))))
		resp.Data.Components = buttonRow([]discordgo.MessageComponent{pageButton("Show closest", pg.command, pg.id, closestPage, discordgo.SecondaryButton)})
	default:
		lines = append(lines, "", "**Closest quotes (not a match):**")
		resp.Data.Embeds = resultEmbeds(closest, closestEmbed)
		if pg.id != "" {
			resp.Data.Components = buttonRow([]discordgo.MessageComponent{pageButton("Back", pg.command, pg.id, 0, discordgo.SecondaryButton)})
		}
	}
	resp.Data.Content = strings.Join(lines, "\n")
	return resp
}

// closeCount says how many quotes come close to a missed phrase.
func closeCount(n int) string {
	if n == 1 {
		return "One quote comes close, but it does not contain these words."
	}
	return fmt.Sprintf("%d quotes come close, but none of them contains these words.", n)
}

// subtext is the engine's note on how it chose the answer, as Discord's
// small grey text.
func subtext(note string) string {
	return "-# " + escape(oneLineText(note))
}

// ephemeral is a reply only the invoking user sees.
func ephemeral(content string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         content,
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions(),
		},
	}
}

func isEphemeral(resp *discordgo.InteractionResponse) bool {
	return resp != nil && resp.Data != nil && resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0
}

// speakerName is who said a quote: the canonical name, or for an unnamed
// speaker how the article describes them.
func speakerName(r answer.Result) string {
	switch {
	case r.Speaker != "":
		return r.Speaker
	case wording.Meta(r.Description) != "":
		return wording.Meta(r.Description)
	}
	return "unnamed speaker"
}

// resultEmbed shows one quote or paragraph. A quote's author name is exactly
// the speaker (readers and tools take it as the attribution); an uncertain
// attribution says so in a field, never in the name.
func resultEmbed(r answer.Result, maxDesc int) *discordgo.MessageEmbed {
	e := sourceEmbed(r)
	if r.Quote == "" {
		e.Color = colorParagraph
		if r.Speaker != "" {
			e.Author = &discordgo.MessageEmbedAuthor{Name: r.Speaker}
		}
		e.Description = cutMarkdown(highlight(r.Text, r.Terms), maxDesc)
		e.Fields = append(e.Fields, alsoReported(r.AlsoReportedBy)...)
		return e
	}
	e.Color = colorQuote
	e.Author = &discordgo.MessageEmbedAuthor{Name: speakerName(r)}
	tail := ""
	if desc := wording.Meta(r.Description); r.Speaker != "" && desc != "" {
		tail = "\n— " + escape(desc)
	}
	e.Description = quoted(highlight(r.Quote, r.Terms), maxDesc-textLen(tail)) + tail
	if r.Uncertain {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  "Attribution",
			Value: "attributed to " + escape(speakerName(r)) + " (uncertain)",
		})
	}
	e.Fields = append(e.Fields, alsoReported(r.AlsoReportedBy)...)
	return e
}

// closestEmbed shows a near miss: labelled "Not a match" where the speaker
// would be, with the speaker in the description.
func closestEmbed(r answer.Result, maxDesc int) *discordgo.MessageEmbed {
	e := sourceEmbed(r)
	e.Color = colorMiss
	e.Author = &discordgo.MessageEmbedAuthor{Name: "Not a match"}
	text := r.Quote
	if text == "" {
		text = r.Text
	}
	who := "\n— " + escape(speakerName(r))
	if r.Uncertain {
		who += " (uncertain)"
	}
	e.Description = quoted(highlight(text, r.Terms), maxDesc-textLen(who)) + who
	return e
}

// quoted puts rendered text in quotation marks, cut to fit max in all.
func quoted(rendered string, max int) string {
	return "“" + cutMarkdown(rendered, max-2) + "”"
}

// sourceEmbed is an embed with the article as its title and link, and the
// outlet, paragraph, section and date in the footer.
func sourceEmbed(r answer.Result) *discordgo.MessageEmbed {
	a := r.Article
	title := articleTitle(a)
	e := &discordgo.MessageEmbed{Title: cutMarkdown(escape(title), maxTitle)}
	if validURL(a.URL) {
		e.URL = a.URL
	}
	var foot []string
	if o := wording.ShortOutlet(a.Outlet); o != "" && o != title {
		foot = append(foot, o)
	}
	if r.Paragraph > 0 {
		foot = append(foot, fmt.Sprintf("paragraph %d", r.Paragraph))
	}
	if sec := wording.Meta(r.Section); sec != "" {
		foot = append(foot, "section “"+sec+"”")
	}
	if d := wording.Date(a.Published); d != "" {
		foot = append(foot, d)
	}
	if len(foot) > 0 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: strings.Join(foot, " · ")}
	}
	return e
}

// articleTitle is what names an article: its title, else its outlet, else
// its id.
func articleTitle(a answer.Source) string {
	return cmp.Or(wording.Meta(a.Title), wording.Meta(a.Outlet), strings.TrimSpace(a.ID))
}

// alsoReported is the "Also reported by" field: outlets linked to their
// articles, as many as fit, then how many more.
func alsoReported(srcs []answer.Source) []*discordgo.MessageEmbedField {
	if len(srcs) == 0 {
		return nil
	}
	var b strings.Builder
	for i, s := range srcs {
		item := mdLink(cmp.Or(wording.Meta(s.Outlet), articleTitle(s)), s.URL)
		more := fmt.Sprintf(" and %d more", len(srcs)-i)
		sep := ""
		if i > 0 {
			sep = ", "
		}
		if textLen(b.String())+textLen(sep+item)+textLen(more) > maxFieldValue {
			b.WriteString(more)
			break
		}
		b.WriteString(sep + item)
	}
	return []*discordgo.MessageEmbedField{{Name: "Also reported by", Value: b.String()}}
}

// mdLink is escaped text, as a masked link when u is a valid URL.
func mdLink(text, u string) string {
	t := escape(text)
	if !validURL(u) {
		return t
	}
	u = strings.NewReplacer("(", "%28", ")", "%29").Replace(u)
	return "[" + t + "](" + u + ")"
}

// sourcesReply lists the indexed articles in one embed, as many as fit.
func sourcesReply(infos []answer.ArticleInfo) *discordgo.InteractionResponse {
	if len(infos) == 0 {
		return ephemeral("No articles are indexed yet. A moderator can add some with /article add.")
	}
	const budget = maxDescription - 100
	var b strings.Builder
	for i, a := range infos {
		title := cutPlain(cmp.Or(wording.Meta(a.Title), strings.TrimSpace(a.ID)), 200, true)
		line := "• **" + mdLink(title, a.URL) + "**"
		var meta []string
		if o := wording.Meta(a.Outlet); o != "" {
			meta = append(meta, escape(o))
		}
		if d := wording.Date(a.Published); d != "" {
			meta = append(meta, d)
		}
		meta = append(meta, wording.Count(a.Paragraphs, "paragraph")+", "+wording.Count(a.Quotes, "quote"), "id "+escape(a.ID))
		line += " — " + strings.Join(meta, " · ") + "\n"
		if textLen(b.String())+textLen(line) > budget {
			fmt.Fprintf(&b, "… and %d more (`summitbot list` shows all)", len(infos)-i)
			break
		}
		b.WriteString(line)
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			AllowedMentions: noMentions(),
			Embeds: []*discordgo.MessageEmbed{{
				Title:       wording.Count(len(infos), "indexed article"),
				Description: strings.TrimRight(b.String(), "\n"),
				Color:       colorParagraph,
				Footer:      &discordgo.MessageEmbedFooter{Text: "Search them with /who-said, /reactions, /ask and /quotes."},
			}},
		},
	}
}

// choicesReply is an autocomplete answer: each suggestion shown in full (cut
// with an ellipsis) and submitted as a value of at most 100 characters cut
// at a word, which is still words of the suggestion, so it still matches.
func choicesReply(suggestions []string) *discordgo.InteractionResponse {
	choices := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(suggestions), maxChoices))
	for _, s := range suggestions {
		s = strings.Join(strings.Fields(s), " ")
		choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: s, Value: s})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}
}
