package bot

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
)

// transport sends interactions to a bot the way one connection does and
// returns the first reply: the gateway (callbacks over REST) or the HTTP
// endpoint (the response body).
type transport struct {
	name string
	fake *fakediscord.Fake
	// send delivers an interaction and returns its id and first reply.
	send func(t *testing.T, in map[string]any) (string, fakediscord.Reply)
}

// gatewayTransport runs the bot through Serve over the fake's gateway.
func gatewayTransport(t *testing.T, cfg Config, eng answer.Querier) transport {
	s := startServe(t, cfg, eng)
	return transport{name: "gateway", fake: s.fake, send: func(t *testing.T, in map[string]any) (string, fakediscord.Reply) {
		t.Helper()
		id, err := s.fake.Send(in)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.fake.WaitReplies(id, nil, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		return id, rs[0]
	}}
}

// httpTransport runs the bot's HTTP endpoint, editing replies through the
// fake's webhooks as a bot without a token does.
func httpTransport(t *testing.T, cfg Config, eng answer.Querier) transport {
	key := newSigner(t)
	fake := fakediscord.New(t, "", "99")
	cfg.PublicKey, cfg.APIBase = key.pub, fake.URL
	s, _ := newTestService(t, cfg, eng)
	rest, err := newSession(s.cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.rest = rest
	srv := httptest.NewServer(s.httpHandler())
	t.Cleanup(srv.Close)
	return transport{name: "http", fake: fake, send: func(t *testing.T, in map[string]any) (string, fakediscord.Reply) {
		t.Helper()
		id := fake.RegisterAnswered(in)
		body := fakediscord.Marshal(in)
		resp, b := do(t, key.request(t, srv.URL, body, time.Now()))
		if resp.StatusCode != 200 {
			t.Fatalf("status %d: %s", resp.StatusCode, b)
		}
		kind := 2
		if k, ok := in["type"].(int); ok {
			kind = k
		}
		if p := fakediscord.CheckCallbackFor(b, kind); len(p) > 0 {
			t.Errorf("response breaks Discord's rules: %v\n%s", p, b)
		}
		var r struct {
			Type int                 `json:"type"`
			Data fakediscord.Message `json:"data"`
		}
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatalf("%s: %v", b, err)
		}
		return id, fakediscord.Reply{Kind: "callback", InteractionID: id, Type: r.Type, Message: r.Data, Raw: b}
	}}
}

// eightEngine has a who-said answer with 8 results.
func eightEngine() *fakeEngine {
	var rs []answer.Result
	for i := range 8 {
		rs = append(rs, quoteResult(fmt.Sprintf("Speaker %d", i+1), fmt.Sprintf("a real peace, said for the %d time", i+1), "real peace"))
	}
	return &fakeEngine{answers: map[string]answer.Answer{
		"who-said:real peace": {Command: "who-said", Query: "real peace", Found: true, Match: answer.MatchExact, Results: rs},
		"who-said:no deal":    {Command: "who-said", Query: "no deal", Found: true, Results: rs[:1]},
	}}
}

func authors(m fakediscord.Message) string {
	var out []string
	for _, e := range m.Embeds {
		out = append(out, strings.TrimPrefix(e.AuthorName(), "Speaker "))
	}
	return strings.Join(out, ",")
}

func labels(m fakediscord.Message) string {
	var out []string
	for _, b := range m.Buttons() {
		out = append(out, b.Label)
	}
	return strings.Join(out, ",")
}

func TestPagingThroughFakeDiscord(t *testing.T) {
	t.Parallel()
	for _, mk := range []func(*testing.T, Config, answer.Querier) transport{gatewayTransport, httpTransport} {
		tr := mk(t, Config{GuildIDs: []string{"11"}}, eightEngine())
		t.Run(tr.name, func(t *testing.T) {
			_, r := tr.send(t, fakediscord.Slash("11", "who-said", [2]string{"phrase", "real peace"}))
			if r.Type != 4 || r.Message.Ephemeral() || authors(r.Message) != "1,2,3" || labels(r.Message) != "More" {
				t.Fatalf("first page: type %d authors %s buttons %s: %s", r.Type, authors(r.Message), labels(r.Message), r.Raw)
			}
			steps := []struct{ press, authors, buttons string }{
				{"More", "4,5,6", "Back,More"},
				{"More", "7,8", "Back"},
				{"Back", "4,5,6", "Back,More"},
				{"Back", "1,2,3", "More"},
			}
			for _, st := range steps {
				b, ok := r.Message.Button(st.press)
				if !ok {
					t.Fatalf("no %s button: %s", st.press, r.Raw)
				}
				if len(b.CustomID) > 100 {
					t.Errorf("custom_id %q longer than 100", b.CustomID)
				}
				_, r = tr.send(t, fakediscord.Press("11", "42", "500", b.CustomID))
				if r.Type != 7 || authors(r.Message) != st.authors || labels(r.Message) != st.buttons {
					t.Fatalf("after %s: type %d authors %s buttons %s, want 7 %s %s: %s", st.press, r.Type, authors(r.Message), labels(r.Message), st.authors, st.buttons, r.Raw)
				}
			}
			more, _ := r.Message.Button("More")
			_, other := tr.send(t, fakediscord.Press("11", "43", "500", more.CustomID))
			if other.Type != 4 || !other.Message.Ephemeral() || !strings.Contains(other.Message.Content, "ask your own with /who-said") {
				t.Errorf("another member's press: %s", other.Raw)
			}
			_, one := tr.send(t, fakediscord.Slash("11", "who-said", [2]string{"phrase", "no deal"}))
			if len(one.Message.Buttons()) != 0 {
				t.Errorf("an answer of one page has buttons: %s", one.Raw)
			}
			if v := tr.fake.Violations(); len(v) > 0 {
				t.Errorf("the bot broke Discord's rules: %v", v)
			}
		})
	}
}

func TestPagingExpires(t *testing.T) {
	t.Parallel()
	for _, mk := range []func(*testing.T, Config, answer.Querier) transport{gatewayTransport, httpTransport} {
		tr := mk(t, Config{GuildIDs: []string{"11"}, PageTTL: 300 * time.Millisecond}, eightEngine())
		t.Run(tr.name, func(t *testing.T) {
			id, r := tr.send(t, fakediscord.Slash("11", "who-said", [2]string{"phrase", "real peace"}))
			more, ok := r.Message.Button("More")
			if !ok {
				t.Fatalf("no More button: %s", r.Raw)
			}
			rs, err := tr.fake.WaitReplies(id, func(rs []fakediscord.Reply) bool { return rs[len(rs)-1].Kind == "edit" }, 5*time.Second)
			if err != nil {
				t.Fatalf("the buttons were not removed: %v", err)
			}
			edit := rs[len(rs)-1].Message
			if edit.Components == nil || len(edit.Components) != 0 || authors(edit) != "1,2,3" {
				t.Errorf("expiry edit %s: want the same page with components []", rs[len(rs)-1].Raw)
			}
			_, late := tr.send(t, fakediscord.Press("11", "42", "500", more.CustomID))
			if late.Type != 4 || !late.Message.Ephemeral() || !strings.Contains(late.Message.Content, "expired") || !strings.Contains(late.Message.Content, "/who-said") {
				t.Errorf("a press on an expired answer: %s", late.Raw)
			}
			if v := tr.fake.Violations(); len(v) > 0 {
				t.Errorf("the bot broke Discord's rules: %v", v)
			}
		})
	}
}

func TestCooldownThroughFakeDiscord(t *testing.T) {
	t.Parallel()
	for _, mk := range []func(*testing.T, Config, answer.Querier) transport{gatewayTransport, httpTransport} {
		user, _ := DefaultCooldowns()
		cfg := Config{GuildIDs: []string{"11"}, CooldownPerUser: user, CooldownPerChannel: Rate{Count: -1}}
		tr := mk(t, cfg, eightEngine())
		t.Run(tr.name, func(t *testing.T) {
			ask := func(member map[string]any) fakediscord.Reply {
				in := fakediscord.Slash("11", "who-said", [2]string{"phrase", "no deal"})
				if member != nil {
					in["member"] = member
				}
				_, r := tr.send(t, in)
				return r
			}
			for i := range 5 {
				if r := ask(nil); r.Message.Ephemeral() {
					t.Fatalf("question %d refused: %s", i+1, r.Raw)
				}
			}
			r := ask(nil)
			if !r.Message.Ephemeral() || !strings.Contains(r.Message.Content, "try again in") {
				t.Errorf("6th question in 20 s: %s", r.Raw)
			}
			for i := range 10 {
				_, ac := tr.send(t, fakediscord.Autocomplete("11", "who-said", "phrase", "no"))
				if ac.Type != 8 {
					t.Fatalf("autocomplete %d: %s", i+1, ac.Raw)
				}
			}
			for i := range 7 {
				if r := ask(fakediscord.Member("7", 0x20)); r.Message.Ephemeral() {
					t.Fatalf("a moderator's question %d refused: %s", i+1, r.Raw)
				}
			}
			if r := ask(fakediscord.Member("43", 0)); r.Message.Ephemeral() {
				t.Errorf("another member is held back: %s", r.Raw)
			}
		})
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	t.Parallel()
	tr := gatewayTransport(t, Config{GuildIDs: []string{"11"}}, eightEngine())
	for _, tc := range []struct {
		name      string
		member    map[string]any
		moderator bool
	}{
		{"member", fakediscord.Member("42", 0), false},
		{"moderator", fakediscord.Member("7", 0x20), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := fakediscord.Slash("11", "help")
			in["member"] = tc.member
			_, r := tr.send(t, in)
			if !r.Message.Ephemeral() || len(r.Message.Embeds) == 0 {
				t.Fatalf("help: %s", r.Raw)
			}
			var text []string
			for _, e := range r.Message.Embeds {
				text = append(text, e.Title, e.Description)
			}
			all := strings.Join(text, "\n")
			for _, c := range DefaultCommands() {
				name := c.Definition.Name
				if commandType(c.Definition.Type) == 1 {
					name = "/" + name
				}
				if has := strings.Contains(all, name); has != (!c.Moderator || tc.moderator) {
					t.Errorf("%s listed %v: %s", name, has, all)
				}
				if !c.Moderator && !strings.Contains(all, "e.g.") {
					t.Errorf("no examples")
				}
			}
		})
	}
}

func TestPageCustomID(t *testing.T) {
	tests := []struct {
		name, id string
		ok       bool
		command  string
		page     int
	}{
		{"page", pageCustomID("who-said", "abc", 3), true, "who-said", 3},
		{"closest", pageCustomID("who-said", "abc", closestPage), true, "who-said", closestPage},
		{"message command", pageCustomID("Find source", "abc", 1), true, "Find source", 1},
		{"not ours", "vote:1", false, "", 0},
		{"no id", "page:who-said::1", false, "", 0},
		{"bad page", "page:who-said:abc:x", false, "", 0},
		{"negative page", "page:who-said:abc:-3", false, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd, _, n, ok := parsePageCustomID(tc.id)
			if ok != tc.ok || ok && (cmd != tc.command || n != tc.page) {
				t.Errorf("parse %q = %q %d %v", tc.id, cmd, n, ok)
			}
		})
	}
}

func TestPageStoreIsBounded(t *testing.T) {
	var expired []string
	done := make(chan string, 10)
	p := newPageStore(time.Hour, 3, func(e pageEntry) { done <- e.query })
	defer p.close()
	var ids []string
	for i := range 5 {
		ids = append(ids, p.add("who-said", fmt.Sprint(i), "42"))
	}
	for range 2 {
		select {
		case q := <-done:
			expired = append(expired, q)
		case <-time.After(time.Second):
			t.Fatal("evicted entries were not expired")
		}
	}
	slices.Sort(expired)
	if strings.Join(expired, ",") != "0,1" {
		t.Errorf("evicted %v, want the two oldest", expired)
	}
	for i, id := range ids {
		if _, ok := p.get(id); ok != (i >= 2) {
			t.Errorf("entry %d live %v", i, ok)
		}
	}
}

func TestCooldownsForgetIdleMembers(t *testing.T) {
	c := newCooldowns(Rate{Count: 2, Per: 10 * time.Second}, Rate{Count: -1})
	now := time.Unix(1_700_000_000, 0)
	for i := range 100 {
		if w, _ := c.wait(fmt.Sprint(i), "1", now); w != 0 {
			t.Fatalf("member %d waits %s", i, w)
		}
	}
	if w, _ := c.wait("0", "1", now); w != 0 {
		t.Fatalf("second question waits %s", w)
	}
	w, byChannel := c.wait("0", "1", now)
	if w <= 0 || w > 5*time.Second || byChannel {
		t.Errorf("third question: wait %s by channel %v, want up to 5 s by member", w, byChannel)
	}
	if w, _ := c.wait("0", "1", now.Add(5*time.Second)); w != 0 {
		t.Errorf("after 5 s: wait %s", w)
	}
	c.wait("x", "1", now.Add(time.Minute))
	if n := c.size(); n != 1 {
		t.Errorf("%d buckets remembered after everyone was idle, want 1", n)
	}
}

// TestFakeDiscordComponentRules makes sure the fake refuses the components
// and callbacks Discord refuses.
func TestFakeDiscordComponentRules(t *testing.T) {
	button := func(label, id string) string {
		return `{"type":2,"style":1,"label":"` + label + `","custom_id":"` + id + `"}`
	}
	row := func(buttons ...string) string { return `{"type":1,"components":[` + strings.Join(buttons, ",") + `]}` }
	msg := func(rows ...string) string {
		return `{"content":"x","allowed_mentions":{"parse":[]},"components":[` + strings.Join(rows, ",") + `]}`
	}
	var six, sixRows []string
	for i := range 6 {
		six = append(six, button("b", fmt.Sprint(i)))
		sixRows = append(sixRows, row(button("b", fmt.Sprint("r", i))))
	}
	ok := msg(row(button("Back", "page:a:1"), button("More", "page:a:2")))
	if p := fakediscord.CheckCallbackFor([]byte(`{"type":7,"data":`+ok+`}`), 3); len(p) > 0 {
		t.Fatalf("a good update is refused: %v", p)
	}
	tests := []struct {
		name, body string
		kind       int
	}{
		{"six buttons in a row", `{"type":4,"data":` + msg(row(six...)) + `}`, 2},
		{"six rows", `{"type":4,"data":` + msg(sixRows...) + `}`, 2},
		{"custom_id too long", `{"type":4,"data":` + msg(row(button("b", strings.Repeat("i", 101)))) + `}`, 2},
		{"empty custom_id", `{"type":4,"data":` + msg(row(button("b", ""))) + `}`, 2},
		{"custom_id twice", `{"type":4,"data":` + msg(row(button("a", "same"), button("b", "same"))) + `}`, 2},
		{"label too long", `{"type":4,"data":` + msg(row(button(strings.Repeat("l", 81), "x"))) + `}`, 2},
		{"button outside a row", `{"type":4,"data":` + msg(button("b", "x")) + `}`, 2},
		{"update for a command", `{"type":7,"data":` + ok + `}`, 2},
		{"deferred update for a command", `{"type":6}`, 2},
		{"ephemeral update", `{"type":7,"data":{"content":"x","flags":64,"allowed_mentions":{"parse":[]}}}`, 3},
		{"autocomplete result for a press", `{"type":8,"data":{"choices":[]}}`, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if p := fakediscord.CheckCallbackFor([]byte(tc.body), tc.kind); len(p) == 0 {
				t.Error("accepted")
			}
		})
	}
}

func TestFitComponents(t *testing.T) {
	var many []discordgo.MessageComponent
	for i := range 7 {
		many = append(many, discordgo.Button{Label: strings.Repeat("l", 90), CustomID: fmt.Sprint("id", i%6)})
	}
	rows := []discordgo.MessageComponent{discordgo.ActionsRow{Components: many}, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "x", CustomID: strings.Repeat("i", 101)}}}}
	resp := fit(&discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "x", Components: rows}})
	b, _ := json.Marshal(resp)
	if p := fakediscord.CheckCallback(b, false); len(p) > 0 {
		t.Errorf("fit left components Discord refuses: %v\n%s", p, b)
	}
	if got := fitComponents([]discordgo.MessageComponent{}); got == nil || len(got) != 0 {
		t.Errorf("an empty list (remove the buttons) became %v", got)
	}
	if got := fitComponents(nil); got != nil {
		t.Errorf("nil (keep the buttons) became %v", got)
	}
}

// TestSlowPressIsDeferred: a press whose page takes long is acknowledged
// with a deferred update (type 6) and the page arrives as an edit.
func TestSlowPressIsDeferred(t *testing.T) {
	t.Parallel()
	eng := eightEngine()
	eng.delay = 150 * time.Millisecond
	s := startServe(t, Config{GuildIDs: []string{"11"}, DeferAfter: 50 * time.Millisecond}, eng)
	edited := func(rs []fakediscord.Reply) bool { return rs[len(rs)-1].Kind == "edit" }
	rs := s.send(t, fakediscord.Slash("11", "who-said", [2]string{"phrase", "real peace"}), edited)
	if rs[0].Type != 5 {
		t.Fatalf("first reply %s, want a deferral", rs[0].Raw)
	}
	more, ok := rs[len(rs)-1].Message.Button("More")
	if !ok {
		t.Fatalf("no More button: %s", rs[len(rs)-1].Raw)
	}
	rs = s.send(t, fakediscord.Press("11", "42", "500", more.CustomID), edited)
	if rs[0].Type != 6 || authors(rs[len(rs)-1].Message) != "4,5,6" || labels(rs[len(rs)-1].Message) != "Back,More" {
		t.Errorf("press: first %s, last %s", rs[0].Raw, rs[len(rs)-1].Raw)
	}
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("the bot broke Discord's rules: %v", v)
	}
}

func TestChannelCooldown(t *testing.T) {
	s, _ := newTestService(t, Config{CooldownPerUser: Rate{Count: -1}, CooldownPerChannel: Rate{Count: 2, Per: 20 * time.Second}}, eightEngine())
	ask := func(user, channel string) response {
		in := fakediscord.Slash("1", "who-said", [2]string{"phrase", "no deal"})
		in["member"], in["channel_id"] = fakediscord.Member(user, 0), channel
		return call(t, s, in)
	}
	for _, u := range []string{"1", "2"} {
		if r := ask(u, "9"); r.Data.Ephemeral() {
			t.Fatalf("member %s refused: %s", u, r.raw)
		}
	}
	if r := ask("3", "9"); !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, "This channel") || !strings.Contains(r.Data.Content, "try again in 10 s") {
		t.Errorf("third question in the channel: %s", r.raw)
	}
	if r := ask("3", "8"); r.Data.Ephemeral() {
		t.Errorf("another channel is held back: %s", r.raw)
	}
}
