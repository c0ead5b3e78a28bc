package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
	"summitbot/index"
)

func TestWhoSaid(t *testing.T) {
	long := strings.Repeat("peace talks will continue until there is a deal ", 300) // ~14 000 characters
	eng := &fakeEngine{answers: map[string]answer.Answer{
		"who-said:no deal": {Found: true, Results: []answer.Result{
			quoteResult("Donald Trump", "There’s no deal until there’s a deal", "no", "deal"),
			quoteResult("Vladimir Putin", "no deal was needed", "no", "deal"),
			quoteResult("Volodymyr Zelenskyy", "no deal without Ukraine", "no", "deal"),
			quoteResult("Jan Lipavský", "no deal today", "no", "deal"),
		}},
		"who-said:uncertain": {Found: true, Results: []answer.Result{
			func() answer.Result {
				r := quoteResult("Donald Trump", "a little heat", "heat")
				r.Uncertain, r.Confidence = true, 0.4
				return r
			}(),
		}},
		"who-said:fisherman": {Found: true, Results: []answer.Result{
			func() answer.Result {
				r := quoteResult("", "my boat is still tied up", "boat")
				r.Description = "a fisherman in Port Aldren"
				return r
			}(),
		}},
		"who-said:everyone": {Found: true, Results: []answer.Result{
			quoteResult("Someone Loud", "@everyone look at this <@123> and **this** [link](https://evil.example)", "look"),
		}},
		"who-said:long": {Found: true, Results: []answer.Result{
			quoteResult("Donald Trump", long, "deal"),
			quoteResult("Vladimir Putin", long, "deal"),
			quoteResult("Volodymyr Zelenskyy", long, "deal"),
		}},
		"who-said:peace in our time": {Query: "peace in our time", Closest: []answer.Result{
			quoteResult("Vladimir Putin", "enduring peace", "peace"),
		}},
	}}
	s, _ := newTestService(t, Config{}, eng)
	slash := func(phrase string) map[string]any {
		return fakediscord.Slash("1", "who-said", [2]string{"phrase", phrase})
	}

	t.Run("found: public, author is the speaker, best first, 3 at most", func(t *testing.T) {
		r := call(t, s, slash("no deal"))
		if r.Type != 4 || r.Data.Ephemeral() {
			t.Fatalf("want a public message, got type %d flags %d", r.Type, r.Data.Flags)
		}
		if len(r.Data.Embeds) != 3 {
			t.Fatalf("want 3 embeds, got %d", len(r.Data.Embeds))
		}
		e := r.Data.Embeds[0]
		if e.AuthorName() != "Donald Trump" {
			t.Errorf("author %q", e.AuthorName())
		}
		if !strings.Contains(e.Description, "There’s **no deal** until there’s a **deal**") {
			t.Errorf("description without bold matched words: %q", e.Description)
		}
		if e.Title != article.Title || e.URL != article.URL {
			t.Errorf("title %q url %q", e.Title, e.URL)
		}
		if e.Footer == nil || !strings.Contains(e.Footer.Text, "Example News") || !strings.Contains(e.Footer.Text, "paragraph 3") || !strings.Contains(e.Footer.Text, "15 Aug 2025") {
			t.Errorf("footer %+v", e.Footer)
		}
		if r.Data.Embeds[1].AuthorName() != "Vladimir Putin" {
			t.Errorf("second embed author %q: results out of order", r.Data.Embeds[1].AuthorName())
		}
	})
	t.Run("uncertain: author stays the name, the field says uncertain", func(t *testing.T) {
		e := call(t, s, slash("uncertain")).Data.Embeds[0]
		if e.AuthorName() != "Donald Trump" {
			t.Errorf("author %q", e.AuthorName())
		}
		if len(e.Fields) == 0 || e.Fields[0].Value != "attributed to Donald Trump (uncertain)" {
			t.Errorf("fields %+v", e.Fields)
		}
	})
	t.Run("unnamed speaker: the description is the author", func(t *testing.T) {
		if got := call(t, s, slash("fisherman")).Data.Embeds[0].AuthorName(); got != "a fisherman in Port Aldren" {
			t.Errorf("author %q", got)
		}
	})
	t.Run("mentions and markup in a quote are inert", func(t *testing.T) {
		r := call(t, s, slash("everyone"))
		d := r.Data.Embeds[0].Description
		for _, want := range []string{"@\u200beveryone", `\<@123>`, `\[link\]`, `\*\*this\*\*`} {
			if !strings.Contains(d, want) {
				t.Errorf("description lacks %q: %q", want, d)
			}
		}
		if !strings.Contains(string(r.raw), `"allowed_mentions":{"parse":[]`) {
			t.Errorf("allowed_mentions does not parse nothing: %s", r.raw)
		}
		if got := plain(d); got != "@everyone look at this <@123> and **this** [link](https://evil.example)" {
			t.Errorf("escaped text does not read back: %q", got)
		}
	})
	t.Run("long quotes are cut within every limit", func(t *testing.T) {
		r := call(t, s, slash("long"))
		if len(r.Data.Embeds) != 3 {
			t.Fatalf("embeds %d", len(r.Data.Embeds))
		}
		total := 0
		for _, e := range r.Data.Embeds {
			total += textLen(e.Description) + textLen(e.Title) + textLen(e.AuthorName()) + textLen(e.Footer.Text)
			if !strings.HasSuffix(e.Description, "…”") {
				t.Errorf("cut quote does not end with an ellipsis: …%q", e.Description[len(e.Description)-20:])
			}
		}
		if total > maxEmbedTotal {
			t.Errorf("embeds total %d", total)
		}
	})
	t.Run("miss: ephemeral, says so once, closest behind a button, labelled not a match", func(t *testing.T) {
		r := call(t, s, slash("peace in our time"))
		if !r.Data.Ephemeral() {
			t.Fatal("a miss must be ephemeral")
		}
		if !strings.Contains(r.Data.Content, "No quote contains “peace in our time”") || strings.Count(strings.ToLower(r.Data.Content), "no quote contains") != 1 {
			t.Errorf("content %q", r.Data.Content)
		}
		if len(r.Data.Embeds) != 0 {
			t.Errorf("closest shown before asked: %+v", r.Data.Embeds)
		}
		b, ok := r.Data.Button("Show closest")
		if !ok {
			t.Fatalf("no Show closest button: %s", r.raw)
		}
		r = call(t, s, fakediscord.Press("1", "42", "500", b.CustomID))
		if r.Type != 7 {
			t.Fatalf("a press must update the message, got type %d", r.Type)
		}
		if !strings.Contains(r.Data.Content, "not a match") {
			t.Errorf("content %q", r.Data.Content)
		}
		if len(r.Data.Embeds) != 1 || r.Data.Embeds[0].AuthorName() != "Not a match" || !strings.Contains(r.Data.Embeds[0].Description, "Vladimir Putin") {
			t.Errorf("closest embeds %+v", r.Data.Embeds)
		}
		if _, ok := r.Data.Button("Back"); !ok {
			t.Errorf("no Back button: %s", r.raw)
		}
	})
}

func TestBadInput(t *testing.T) {
	eng := &fakeEngine{}
	s, logs := newTestService(t, Config{}, eng)
	tests := []struct {
		name string
		in   map[string]any
		want string
	}{
		{"blank phrase", fakediscord.Slash("1", "who-said", [2]string{"phrase", "   "}), "is empty"},
		{"phrase too long", fakediscord.Slash("1", "who-said", [2]string{"phrase", strings.Repeat("a", maxPhraseLen+1)}), "too long"},
		{"missing option", fakediscord.Slash("1", "ask"), "missing"},
		{"unknown command", fakediscord.Slash("1", "weather"), "no command “weather”"},
		{"message command with a slash name", fakediscord.MessageCommand("1", "who-said", "text"), "no command"},
		{"message without text", fakediscord.MessageCommand("1", "Find source", "  "), "no text"},
		{"component click", map[string]any{"type": 3, "data": map[string]any{"custom_id": "x", "component_type": 2}}, "not one this bot knows"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := call(t, s, tc.in)
			if r.Type != 4 || !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, tc.want) {
				t.Errorf("got type %d flags %d content %q; want ephemeral with %q", r.Type, r.Data.Flags, r.Data.Content, tc.want)
			}
		})
	}
	if calls := eng.called(); len(calls) != 0 {
		t.Errorf("bad input reached the engine: %v", calls)
	}
	if !strings.Contains(logs.String(), "level=INFO msg=\"interaction not answered\"") {
		t.Errorf("bad input not logged at info:\n%s", logs)
	}
}

func TestEngineErrors(t *testing.T) {
	tests := []struct {
		name  string
		eng   *fakeEngine
		want  string
		level string
	}{
		{"empty query", &fakeEngine{err: index.ErrEmptyQuery}, "nothing to search for", "INFO"},
		{"not ready", &fakeEngine{notReady: true}, "loading", "WARN"},
		{"closed", &fakeEngine{err: index.ErrClosed}, "loading", "WARN"},
		{"failure", &fakeEngine{err: errors.New("disk on fire")}, "went wrong", "ERROR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, logs := newTestService(t, Config{}, tc.eng)
			r := call(t, s, fakediscord.Slash("1", "ask", [2]string{"question", "where"}))
			if !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, tc.want) {
				t.Errorf("content %q flags %d", r.Data.Content, r.Data.Flags)
			}
			if !strings.Contains(logs.String(), "level="+tc.level) {
				t.Errorf("not logged at %s:\n%s", tc.level, logs)
			}
			if strings.Contains(r.Data.Content, "disk on fire") {
				t.Error("an internal error reached the user")
			}
		})
	}
}

func TestOtherCommands(t *testing.T) {
	para := answer.Result{Text: "European allies continue to be split on Trump's diplomatic initiatives.", Paragraph: 14, Section: "Kyiv And European Leaders' Reactions", Article: article, Terms: []string{"european"}}
	eng := &fakeEngine{
		answers: map[string]answer.Answer{
			"reactions:europe":                {Found: true, Note: "group europe: European allies", Results: []answer.Result{para}},
			"ask:where was the summit held":   {Found: true, Results: []answer.Result{para, para, para, para}},
			"quotes:putin":                    {Found: true, Results: []answer.Result{quoteResult("Vladimir Putin", "Next time in Moscow")}},
			"find-source:next time, moscow!":  {Found: true, Results: []answer.Result{quoteResult("Vladimir Putin", "Next time in Moscow")}},
			"find-source:Next time in Moscow": {Found: true, Results: []answer.Result{quoteResult("Vladimir Putin", "Next time in Moscow")}},
		},
		sources: []answer.ArticleInfo{{Source: article, Paragraphs: 22, Quotes: 18}},
	}
	s, _ := newTestService(t, Config{}, eng)

	t.Run("reactions", func(t *testing.T) {
		r := call(t, s, fakediscord.Slash("1", "reactions", [2]string{"group", "europe"}))
		if r.Data.Ephemeral() || len(r.Data.Embeds) != 1 {
			t.Fatalf("flags %d embeds %d", r.Data.Flags, len(r.Data.Embeds))
		}
		e := r.Data.Embeds[0]
		if e.AuthorName() != "" {
			t.Errorf("a paragraph has no speaker, got author %q", e.AuthorName())
		}
		if !strings.Contains(e.Description, "**European**") || !strings.Contains(e.Footer.Text, "section “Kyiv And European Leaders' Reactions”") {
			t.Errorf("embed %+v footer %q", e.Description, e.Footer.Text)
		}
		if r.Data.Content != "-# Group europe: European allies." {
			t.Errorf("note %q", r.Data.Content)
		}
	})
	t.Run("ask shows the default 3", func(t *testing.T) {
		r := call(t, s, fakediscord.Slash("1", "ask", [2]string{"question", "where was the summit held"}))
		if len(r.Data.Embeds) != 3 || r.Data.Ephemeral() {
			t.Errorf("embeds %d flags %d", len(r.Data.Embeds), r.Data.Flags)
		}
	})
	t.Run("quotes", func(t *testing.T) {
		r := call(t, s, fakediscord.Slash("1", "quotes", [2]string{"speaker", "putin"}))
		if len(r.Data.Embeds) != 1 || r.Data.Embeds[0].AuthorName() != "Vladimir Putin" {
			t.Errorf("%+v", r.Data.Embeds)
		}
	})
	t.Run("quotes miss", func(t *testing.T) {
		r := call(t, s, fakediscord.Slash("1", "quotes", [2]string{"speaker", "nobody"}))
		if !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, "No quotes from “nobody”") {
			t.Errorf("%q", r.Data.Content)
		}
	})
	t.Run("sources", func(t *testing.T) {
		r := call(t, s, fakediscord.Slash("1", "sources"))
		if r.Data.Ephemeral() || len(r.Data.Embeds) != 1 {
			t.Fatalf("%s", r.raw)
		}
		d := r.Data.Embeds[0].Description
		if !strings.Contains(d, "[Trump-Putin Alaska summit: no breakthrough](https://example.org/alaska)") || !strings.Contains(d, "22 paragraphs, 18 quotes") {
			t.Errorf("description %q", d)
		}
	})
	t.Run("find source from content", func(t *testing.T) {
		r := call(t, s, fakediscord.MessageCommand("1", "Find source", "next time, moscow!"))
		if r.Data.Ephemeral() || r.Data.Embeds[0].AuthorName() != "Vladimir Putin" {
			t.Errorf("%s", r.raw)
		}
	})
	t.Run("find source from the bot's own embed", func(t *testing.T) {
		m := fakediscord.MessageCommand("1", "Find source", "")
		msg := m["data"].(map[string]any)["resolved"].(map[string]any)["messages"].(map[string]any)["777"].(map[string]any)
		msg["embeds"] = []any{map[string]any{"description": "“**Next** time in Moscow”\n— President of Russia"}}
		r := call(t, s, m)
		if r.Data.Ephemeral() || len(r.Data.Embeds) == 0 || r.Data.Embeds[0].AuthorName() != "Vladimir Putin" {
			t.Errorf("%s (engine calls %v)", r.raw, eng.called())
		}
	})
	t.Run("find source without resolved message", func(t *testing.T) {
		m := fakediscord.MessageCommand("1", "Find source", "x")
		delete(m["data"].(map[string]any), "resolved")
		if r := call(t, s, m); !r.Data.Ephemeral() {
			t.Errorf("%s", r.raw)
		}
	})
}

func TestSourcesEmptyAndMany(t *testing.T) {
	t.Run("none", func(t *testing.T) {
		s, _ := newTestService(t, Config{}, &fakeEngine{})
		if r := call(t, s, fakediscord.Slash("1", "sources")); !r.Data.Ephemeral() {
			t.Errorf("%s", r.raw)
		}
	})
	t.Run("more than fit", func(t *testing.T) {
		var infos []answer.ArticleInfo
		for i := 0; i < 200; i++ {
			a := article
			a.Title = strings.Repeat("Long headline ", 10)
			infos = append(infos, answer.ArticleInfo{Source: a})
		}
		s, _ := newTestService(t, Config{}, &fakeEngine{sources: infos})
		r := call(t, s, fakediscord.Slash("1", "sources"))
		if d := r.Data.Embeds[0].Description; !strings.Contains(d, "more (`summitbot list` shows all)") {
			t.Errorf("no 'and N more' line: …%q", d[max(0, len(d)-100):])
		}
	})
}

func TestAutocomplete(t *testing.T) {
	var many []string
	for i := 0; i < 40; i++ {
		many = append(many, fmt.Sprint(i, " ", strings.Repeat("a long quote about the summit ", 8)))
	}
	tests := []struct {
		name        string
		in          map[string]any
		suggestions []string
		notReady    bool
		wantN       int
		wantCall    string
	}{
		{"phrase", fakediscord.Autocomplete("1", "who-said", "phrase", "no d"), []string{"There’s no deal until there’s a deal"}, false, 1, "complete-phrase:no d"},
		{"group", fakediscord.Autocomplete("1", "reactions", "group", "eu"), []string{"europe", "european union"}, false, 2, "complete-group:eu"},
		{"speaker", fakediscord.Autocomplete("1", "quotes", "speaker", "pu"), []string{"Vladimir Putin"}, false, 1, "complete-speaker:pu"},
		{"at most 25, each at most 100", fakediscord.Autocomplete("1", "who-said", "phrase", ""), many, false, 25, "complete-phrase:"},
		{"nothing to suggest", fakediscord.Autocomplete("1", "who-said", "phrase", "zzz"), nil, false, 0, "complete-phrase:zzz"},
		{"blank suggestions dropped", fakediscord.Autocomplete("1", "who-said", "phrase", "x"), []string{"", "  ", "ok"}, false, 1, "complete-phrase:x"},
		{"command without autocomplete", fakediscord.Autocomplete("1", "ask", "question", "wh"), []string{"x"}, false, 0, ""},
		{"other option focused", fakediscord.Autocomplete("1", "who-said", "other", "wh"), []string{"x"}, false, 0, ""},
		{"not ready", fakediscord.Autocomplete("1", "who-said", "phrase", "no"), []string{"x"}, true, 0, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			eng := &fakeEngine{suggestions: tc.suggestions, notReady: tc.notReady}
			s, _ := newTestService(t, Config{}, eng)
			r := call(t, s, tc.in)
			if r.Type != 8 || len(r.Data.Choices) != tc.wantN {
				t.Fatalf("type %d, %d choices; want 8, %d: %s", r.Type, len(r.Data.Choices), tc.wantN, r.raw)
			}
			if tc.wantN == 0 && !strings.Contains(string(r.raw), `"choices":[]`) {
				t.Errorf("empty choices must be an empty array: %s", r.raw)
			}
			calls := eng.called()
			if tc.wantCall == "" && len(calls) > 0 || tc.wantCall != "" && (len(calls) != 1 || calls[0] != tc.wantCall) {
				t.Errorf("engine calls %v, want %q", calls, tc.wantCall)
			}
		})
	}
}

func TestPanicRecovered(t *testing.T) {
	cmds := append(DefaultCommands(), Command{
		Definition: slash("boom", "panics", stringOption("x", "x", 10, false)),
		Handle: func(context.Context, Deps, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			var m map[string]int
			m["x"]++ // nil map: panics
			return nil, nil
		},
	})
	s, logs := newTestService(t, Config{Commands: cmds}, &fakeEngine{sources: []answer.ArticleInfo{{Source: article}}})
	r := call(t, s, fakediscord.Slash("1", "boom", [2]string{"x", "y"}))
	if !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, "went wrong") {
		t.Errorf("%s", r.raw)
	}
	if l := logs.String(); !strings.Contains(l, "level=ERROR") || !strings.Contains(l, "panicked") || !strings.Contains(l, "TestPanicRecovered") {
		t.Errorf("log has no error with the stack:\n%s", l)
	}
	if r := call(t, s, fakediscord.Slash("1", "sources")); r.Data.Ephemeral() {
		t.Errorf("the bot stopped serving after a panic: %s", r.raw)
	}
}

func TestModeratorCheck(t *testing.T) {
	const guild, modRole = "500", "600"
	ran := 0
	cmds := append(DefaultCommands(), Command{
		Definition: slash("mod-check", "A moderator command"),
		Moderator:  true,
		Ephemeral:  true,
		Handle: func(context.Context, Deps, *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			ran++
			return ephemeral("done"), nil
		},
	})
	s, _ := newTestService(t, Config{Commands: cmds, GuildIDs: []string{guild}, ModeratorRoleIDs: []string{modRole}}, &fakeEngine{})
	in := func(guildID string, member map[string]any) map[string]any {
		m := fakediscord.Slash(guildID, "mod-check")
		if member == nil {
			delete(m, "member")
			delete(m, "guild_id")
			m["user"] = map[string]any{"id": "42", "username": "dm"}
		} else {
			m["member"] = member
		}
		return m
	}
	tests := []struct {
		name    string
		in      map[string]any
		allowed bool
	}{
		{"member without permission", in(guild, fakediscord.Member("42", discordgo.PermissionSendMessages)), false},
		{"moderator in another guild", in("501", fakediscord.Member("42", discordgo.PermissionManageGuild)), false},
		{"direct message", in("", nil), false},
		{"member with an unrelated role", in(guild, fakediscord.Member("42", 0, "601")), false},
		{"manage server", in(guild, fakediscord.Member("42", discordgo.PermissionManageGuild)), true},
		{"administrator", in(guild, fakediscord.Member("42", discordgo.PermissionAdministrator)), true},
		{"moderator role", in(guild, fakediscord.Member("42", 0, "601", modRole)), true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := ran
			r := call(t, s, tc.in)
			if got := ran > before; got != tc.allowed {
				t.Errorf("handler ran: %v, want %v (reply %q)", got, tc.allowed, r.Data.Content)
			}
			if !r.Data.Ephemeral() {
				t.Errorf("moderator replies are ephemeral: %s", r.raw)
			}
		})
	}
	public := 0
	for _, c := range cmds {
		if !c.Moderator {
			public++
		}
	}
	if defs := Definitions(cmds, false); len(defs) != public {
		t.Errorf("global registration includes moderator commands: %d definitions", len(defs))
	}
}

func TestSlowAutocompleteAnswersEmpty(t *testing.T) {
	cmds := DefaultCommands()
	cmds[0].Complete = func(ctx context.Context, _ Deps, _ *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		<-ctx.Done() // slower than the deadline
		return choicesReply([]string{"late"}), nil
	}
	s, _ := newTestService(t, Config{Commands: cmds, DeferAfter: 50 * time.Millisecond}, &fakeEngine{})
	r := call(t, s, fakediscord.Autocomplete("1", "who-said", "phrase", "no"))
	if r.Type != 8 || len(r.Data.Choices) != 0 {
		t.Errorf("%s", r.raw)
	}
}
