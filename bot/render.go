package bot

import (
	"cmp"
	"fmt"
	"strings"
	"summitbot/answer"

	"github.com/bwmarrin/discordgo"
)

// Embed colours: quotes, paragraphs, near misses.
const (
	colorQuote     = 0x3b82f6
	colorParagraph = 0x94a3b8
	colorMiss      = 0xf59e0b
)

// answerReply is the public answer: one embed per result, best first, and
// the engine's note, if any, as the content.
func answerReply(ans answer.Answer, limit int) *discordgo.InteractionResponse {
	data := &discordgo.InteractionResponseData{AllowedMentions: noMentions()}
	if ans.Note != "" {
		data.Content = subtext(ans.Note)
	}
	results := ans.Results[:min(len(ans.Results), limit, maxEmbeds)]
	data.Embeds = resultEmbeds(results, resultEmbed)
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

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
// what to try, then the closest quotes, each labelled as not a match.
func missReply(ans answer.Answer, message string) *discordgo.InteractionResponse {
	var b strings.Builder
	b.WriteString(message)
	if ans.Note != "" {
		b.WriteString("\n" + subtext(ans.Note))
	}
	resp := ephemeral(b.String())
	if len(ans.Closest) > 0 {
		resp.Data.Content += "\n\n**Closest quotes (not a match):**"
		resp.Data.Embeds = resultEmbeds(ans.Closest[:min(len(ans.Closest), 3)], closestEmbed)
	}
	return resp
}

// subtext is the engine's note on how it chose the answer, as Discord's
// small grey text.
func subtext(note string) string {
	return "-# " + escape(strings.Join(strings.Fields(note), " "))
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
	case r.Description != "":
		return r.Description
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
	if r.Speaker != "" && r.Description != "" {
		tail = "\n— " + escape(r.Description)
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
	title := cmp.Or(strings.TrimSpace(a.Title), strings.TrimSpace(a.Outlet), strings.TrimSpace(a.ID))
	e := &discordgo.MessageEmbed{Title: cutMarkdown(escape(title), maxTitle)}
	if validURL(a.URL) {
		e.URL = a.URL
	}
	var foot []string
	if a.Outlet != "" && a.Outlet != title {
		foot = append(foot, a.Outlet)
	}
	if r.Paragraph > 0 {
		foot = append(foot, fmt.Sprintf("paragraph %d", r.Paragraph))
	}
	if r.Section != "" {
		foot = append(foot, "section “"+r.Section+"”")
	}
	if a.Published != "" {
		foot = append(foot, a.Published)
	}
	if len(foot) > 0 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: strings.Join(foot, " · ")}
	}
	return e
}

// alsoReported is the "Also reported by" field: outlets linked to their
// articles, as many as fit, then how many more.
func alsoReported(srcs []answer.Source) []*discordgo.MessageEmbedField {
	if len(srcs) == 0 {
		return nil
	}
	var b strings.Builder
	for i, s := range srcs {
		item := mdLink(cmp.Or(strings.TrimSpace(s.Outlet), strings.TrimSpace(s.Title), strings.TrimSpace(s.ID)), s.URL)
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
		title := cutPlain(cmp.Or(strings.TrimSpace(a.Title), strings.TrimSpace(a.ID)), 200, true)
		line := "• **" + mdLink(title, a.URL) + "**"
		var meta []string
		if a.Outlet != "" {
			meta = append(meta, escape(a.Outlet))
		}
		if a.Published != "" {
			meta = append(meta, escape(a.Published))
		}
		meta = append(meta, fmt.Sprintf("%d paragraphs, %d quotes", a.Paragraphs, a.Quotes), "id "+escape(a.ID))
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
				Title:       fmt.Sprintf("Indexed articles (%d)", len(infos)),
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
