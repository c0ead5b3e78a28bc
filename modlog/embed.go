package modlog

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Embed colours: green for a new article, blue for an update or a
// reindex, orange for a removal, red for a failure.
const (
	colourAdd     = 0x2e7d32
	colourUpdate  = 0x1565c0
	colourRemove  = 0xef6c00
	colourFailure = 0xc62828
)

var titles = map[string]string{
	ActionAdd:     "Article added",
	ActionUpdate:  "Article updated",
	ActionRemove:  "Article removed",
	ActionReindex: "Index rebuilt",
}

// Embed is an entry as the Discord embed the log channel shows, as
// moderation bots post their logs: what happened as the title, who did it,
// the article, the result, and the time.
func Embed(e Entry) *discordgo.MessageEmbed {
	title := titles[e.Action]
	if title == "" {
		title = e.Action
	}
	colour := colourAdd
	switch e.Action {
	case ActionUpdate, ActionReindex:
		colour = colourUpdate
	case ActionRemove:
		colour = colourRemove
	}
	if e.Result != ResultOK {
		title = map[string]string{ActionAdd: "Article add failed", ActionUpdate: "Article update failed", ActionRemove: "Article removal failed", ActionReindex: "Reindex failed"}[e.Action]
		if title == "" {
			title = e.Action + " failed"
		}
		colour = colourFailure
	}
	em := &discordgo.MessageEmbed{
		Title:     title,
		Color:     colour,
		Timestamp: e.Time.UTC().Format(time.RFC3339),
	}
	field := func(name, value string) {
		if value = strings.TrimSpace(value); value != "" {
			em.Fields = append(em.Fields, &discordgo.MessageEmbedField{Name: name, Value: cut(value, 1024), Inline: len(value) < 40})
		}
	}
	field("By", who(e))
	if e.ArticleID != "" {
		article := "`" + strings.ReplaceAll(cut(e.ArticleID, 200), "`", "'") + "`"
		if e.Title != "" {
			article += " " + escape(cut(e.Title, 300))
		}
		field("Article", article)
	}
	if e.URL != "" {
		field("Link", strings.Join(strings.Fields(e.URL), "%20"))
	}
	if e.File != "" {
		field("File", escape(e.File))
	}
	if e.Action == ActionReindex && e.Result == ResultOK {
		field("Index", fmt.Sprintf("%d articles, %d paragraphs, %d quotes", e.Articles, e.Paragraphs, e.Quotes))
	}
	if e.Error != "" {
		field("Error", escape(e.Error))
	}
	footer := fmt.Sprintf("took %s", (time.Duration(e.TookMS) * time.Millisecond).String())
	if e.Host != "" {
		footer += " · " + e.Host
	}
	em.Footer = &discordgo.MessageEmbedFooter{Text: cut(footer, 2048)}
	return em
}

// who names the actor: a Discord member as a mention (which never pings:
// the post allows no mentions) with the name, a local user by name.
func who(e Entry) string {
	a := e.Who
	switch {
	case a.Via == "discord" && a.UserID != "":
		s := "<@" + a.UserID + ">"
		if a.Name != "" {
			s += " (" + escape(a.Name) + ")"
		}
		return s
	case a.Name != "":
		return escape(a.Name) + " (" + a.Via + ")"
	case a.UserID != "":
		return "uid " + a.UserID + " (" + a.Via + ")"
	}
	return a.Via
}

// escape keeps text from an article or a user from being read as Discord
// Markdown or a mention.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '>', '#', '[', ']', '<', '@':
			b.WriteByte('\\')
		case '\n', '\r':
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// cut shortens s to at most n characters, ending with "…" when cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
