package bot

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
)

const testToken = "MTIzNDU2.fake-bot-token.SECRET"

// served is a bot running through Serve against a fake Discord.
type served struct {
	fake *fakediscord.Fake
	logs *logBuffer
	stop func() error
}

// startServe runs Serve with cfg pointed at a new fake Discord and waits
// until the gateway session is ready.
func startServe(t *testing.T, cfg Config, eng answer.Querier) *served {
	t.Helper()
	fake := fakediscord.New(t, testToken, "99")
	cfg.Token, cfg.AppID, cfg.APIBase = testToken, "99", fake.URL
	cfg.NoReconnect = true // the fake gateway closes for good
	noCooldowns(&cfg)
	log, logs := testLogger(t)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, cfg, eng, log) }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-errc:
			return err
		case <-time.After(15 * time.Second):
			return errors.New("Serve did not return after its context ended")
		}
	}
	t.Cleanup(func() { stop() })
	if _, err := fake.Identified(5 * time.Second); err != nil {
		select {
		case serr := <-errc:
			t.Fatalf("Serve: %v (fake: %v)", serr, fake.Violations())
		default:
			t.Fatalf("%v; violations %v", err, fake.Violations())
		}
	}
	return &served{fake: fake, logs: logs, stop: stop}
}

// send pushes an interaction over the gateway and waits for its replies.
func (s *served) send(t *testing.T, in map[string]any, done func([]fakediscord.Reply) bool) []fakediscord.Reply {
	t.Helper()
	id, err := s.fake.Send(in)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := s.fake.WaitReplies(id, done, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestGatewayEndToEnd(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{
		answers: map[string]answer.Answer{
			"who-said:no deal":                    {Found: true, Results: []answer.Result{quoteResult("Donald Trump", "There’s no deal until there’s a deal", "no", "deal")}},
			"reactions:europe":                    {Found: true, Results: []answer.Result{{Text: "European allies continue to be split.", Paragraph: 14, Article: article}}},
			"ask:where was the summit held":       {Found: true, Results: []answer.Result{{Text: "The meeting was held at Joint Base Elmendorf-Richardson.", Paragraph: 1, Article: article}}},
			"quotes:Vladimir Putin":               {Found: true, Results: []answer.Result{quoteResult("Vladimir Putin", "Next time in Moscow")}},
			"find-source:Next time in Moscow, he": {Found: true, Results: []answer.Result{quoteResult("Vladimir Putin", "Next time in Moscow")}},
		},
		sources:     []answer.ArticleInfo{{Source: article, Paragraphs: 22, Quotes: 18}},
		suggestions: []string{"There’s no deal until there’s a deal", strings.Repeat("long ", 60)},
	}
	s := startServe(t, Config{GuildIDs: []string{"11", "12"}}, eng)

	t.Run("commands registered in each guild with one bulk overwrite", func(t *testing.T) {
		global, puts := s.fake.Commands("")
		if puts != 2 || len(global) != 0 {
			t.Errorf("%d overwrites, %d global commands; want 2 and 0", puts, len(global))
		}
		for _, g := range []string{"11", "12"} {
			cmds, _ := s.fake.Commands(g)
			var names []string
			for _, c := range cmds {
				names = append(names, c["name"].(string))
			}
			if got := strings.Join(names, ","); got != "who-said,reactions,ask,quotes,sources,Find source,help,article,reindex" {
				t.Errorf("guild %s: %s", g, got)
			}
		}
	})
	t.Run("identify asks for no privileged intent", func(t *testing.T) {
		id, _ := s.fake.Identified(time.Second)
		if id.Intents != int64(discordgo.IntentsGuilds) {
			t.Errorf("intents %d", id.Intents)
		}
	})

	tests := []struct {
		name   string
		in     map[string]any
		author string // first embed's author; "" = none
		want   string // in the first embed's description or the content
		eph    bool
	}{
		{"who-said", fakediscord.Slash("11", "who-said", [2]string{"phrase", "no deal"}), "Donald Trump", "**no deal**", false},
		{"who-said miss", fakediscord.Slash("11", "who-said", [2]string{"phrase", "make america great again"}), "", "No quote contains", true},
		{"reactions", fakediscord.Slash("11", "reactions", [2]string{"group", "europe"}), "", "European allies", false},
		{"ask", fakediscord.Slash("11", "ask", [2]string{"question", "where was the summit held"}), "", "Elmendorf", false},
		{"quotes", fakediscord.Slash("11", "quotes", [2]string{"speaker", "Vladimir Putin"}), "Vladimir Putin", "Next time in Moscow", false},
		{"sources", fakediscord.Slash("11", "sources"), "", "22 paragraphs, 18 quotes", false},
		{"find source", fakediscord.MessageCommand("11", "Find source", "Next time in Moscow, he"), "Vladimir Putin", "Next time in Moscow", false},
		{"unknown command", fakediscord.Slash("11", "gone"), "", "no command", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := s.send(t, tc.in, nil)
			r := rs[0]
			if r.Kind != "callback" || r.Type != 4 {
				t.Fatalf("first reply %s type %d", r.Kind, r.Type)
			}
			m := r.Message
			if m.Ephemeral() != tc.eph {
				t.Errorf("ephemeral %v, want %v", m.Ephemeral(), tc.eph)
			}
			text := m.Content
			author := ""
			if len(m.Embeds) > 0 {
				text += m.Embeds[0].Description
				author = m.Embeds[0].AuthorName()
			}
			if author != tc.author {
				t.Errorf("author %q, want %q", author, tc.author)
			}
			if !strings.Contains(text, tc.want) {
				t.Errorf("%q not in %q", tc.want, text)
			}
		})
	}
	t.Run("autocomplete", func(t *testing.T) {
		for _, c := range [][3]string{{"who-said", "phrase", "no"}, {"reactions", "group", "eu"}, {"quotes", "speaker", "pu"}} {
			rs := s.send(t, fakediscord.Autocomplete("11", c[0], c[1], c[2]), nil)
			if rs[0].Type != 8 || len(rs[0].Choices) != 2 {
				t.Errorf("%s: type %d, choices %+v", c[0], rs[0].Type, rs[0].Choices)
			}
		}
	})
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("the bot broke Discord's rules: %v", v)
	}
	if err := s.stop(); err != nil {
		t.Errorf("Serve: %v", err)
	}
	if strings.Contains(s.logs.String(), testToken) || strings.Contains(s.logs.String(), "itoken-") {
		t.Error("a token is in the log")
	}
}

func TestGatewayDefersSlowAnswers(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{delay: 300 * time.Millisecond, answers: map[string]answer.Answer{
		"who-said:no deal": {Found: true, Results: []answer.Result{quoteResult("Donald Trump", "There’s no deal until there’s a deal", "deal")}},
	}}
	s := startServe(t, Config{GuildIDs: []string{"11"}, DeferAfter: 100 * time.Millisecond}, eng)

	t.Run("found: deferred publicly, then the original is edited", func(t *testing.T) {
		rs := s.send(t, fakediscord.Slash("11", "who-said", [2]string{"phrase", "no deal"}), func(rs []fakediscord.Reply) bool { return len(rs) >= 2 })
		if rs[0].Kind != "callback" || rs[0].Type != 5 || rs[0].Message.Ephemeral() {
			t.Errorf("first reply %s type %d flags %d", rs[0].Kind, rs[0].Type, rs[0].Message.Flags)
		}
		if rs[0].After > time.Second {
			t.Errorf("deferred after %s", rs[0].After)
		}
		if rs[1].Kind != "edit" || len(rs[1].Message.Embeds) != 1 || rs[1].Message.Embeds[0].AuthorName() != "Donald Trump" {
			t.Errorf("second reply %s %+v", rs[1].Kind, rs[1].Message)
		}
	})
	t.Run("miss: the public placeholder is replaced by an ephemeral follow-up", func(t *testing.T) {
		rs := s.send(t, fakediscord.Slash("11", "who-said", [2]string{"phrase", "nothing"}), func(rs []fakediscord.Reply) bool { return len(rs) >= 3 })
		kinds := []string{rs[0].Kind, rs[1].Kind, rs[2].Kind}
		if strings.Join(kinds, ",") != "callback,delete,followup" || !rs[2].Message.Ephemeral() || !strings.Contains(rs[2].Message.Content, "No quote contains") {
			t.Errorf("replies %v, follow-up %+v", kinds, rs[2].Message)
		}
	})
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestProgressEditsTheReply(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	cmds := append(DefaultCommands(), Command{
		Definition: slash("slow-job", "Reports progress"),
		Ephemeral:  true,
		Handle: func(ctx context.Context, d Deps, _ *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
			for i := 1; i <= 2; i++ {
				if err := d.Progress(ctx, ephemeral("step "+string(rune('0'+i)))); err != nil {
					return nil, err
				}
			}
			<-release
			return ephemeral("done"), nil
		},
	})
	s := startServe(t, Config{Commands: cmds, GuildIDs: []string{"11"}}, &fakeEngine{})
	id, err := s.fake.Send(fakediscord.Slash("11", "slow-job"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.fake.WaitReplies(id, func(rs []fakediscord.Reply) bool { return len(rs) >= 3 }, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	close(release)
	rs, err := s.fake.WaitReplies(id, func(rs []fakediscord.Reply) bool { return len(rs) >= 4 }, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, r.Kind+":"+r.Message.Content)
	}
	if strings.Join(got, "|") != "callback:|edit:step 1|edit:step 2|edit:done" || rs[0].Type != 5 || !rs[0].Message.Ephemeral() {
		t.Errorf("replies %q (first type %d flags %d)", got, rs[0].Type, rs[0].Message.Flags)
	}
}

func TestShutdownFinishesInFlight(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{delay: 400 * time.Millisecond, answers: map[string]answer.Answer{
		"ask:slow": {Found: true, Results: []answer.Result{{Text: "An answer.", Paragraph: 1, Article: article}}},
	}}
	s := startServe(t, Config{GuildIDs: []string{"11"}, DeferAfter: 50 * time.Millisecond}, eng)
	id, err := s.fake.Send(fakediscord.Slash("11", "ask", [2]string{"question", "slow"}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.fake.WaitReplies(id, nil, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := s.stop(); err != nil {
		t.Fatal(err)
	}
	rs := s.fake.Replies(id)
	if len(rs) != 2 || rs[1].Kind != "edit" || len(rs[1].Message.Embeds) != 1 {
		t.Errorf("the answer in flight was not finished before Serve returned: %+v", rs)
	}
}

func TestServeConfiguration(t *testing.T) {
	t.Parallel()
	t.Run("nothing to serve", func(t *testing.T) {
		if err := Serve(context.Background(), Config{}, &fakeEngine{}, nil); !errors.Is(err, ErrNotConfigured) {
			t.Errorf("err %v", err)
		}
	})
	t.Run("endpoint without key", func(t *testing.T) {
		if err := Serve(context.Background(), Config{InteractionsAddr: "127.0.0.1:0"}, &fakeEngine{}, nil); err == nil || !strings.Contains(err.Error(), "DISCORD_PUBLIC_KEY") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("guild registration removes this bot's stale global commands", func(t *testing.T) {
		fake := fakediscord.New(t, testToken, "99")
		fake.SeedCommands("", []fakediscord.Command{
			{"name": "who-said", "description": "Who said a phrase", "type": 1},
			{"name": "ask", "description": "Ask a question", "type": 1},
			{"name": "poll", "description": "Someone else's command", "type": 1},
		})
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			done <- Serve(ctx, Config{Token: testToken, AppID: "99", APIBase: fake.URL, GuildIDs: []string{"7"}, NoReconnect: true}, &fakeEngine{}, nil)
		}()
		defer func() {
			cancel()
			<-done
		}()
		if _, err := fake.Identified(5 * time.Second); err != nil {
			t.Fatal(err)
		}
		global, puts := fake.Commands("")
		var names []string
		for _, c := range global {
			names = append(names, c["name"].(string))
		}
		if strings.Join(names, ",") != "poll" || puts != 2 {
			t.Errorf("global commands %v after %d overwrites; want only poll after 2 (guild, global)", names, puts)
		}
		if v := fake.Violations(); len(v) > 0 {
			t.Errorf("violations: %v", v)
		}
	})
	t.Run("global registration leaves out moderator commands", func(t *testing.T) {
		cmds := append(DefaultCommands(), Command{Definition: slash("mod-check", "A moderator command"), Moderator: true, Handle: sources})
		s := startServe(t, Config{Commands: cmds}, &fakeEngine{})
		global, puts := s.fake.Commands("")
		if puts != 1 || len(global) != len(Definitions(DefaultCommands(), false)) {
			t.Errorf("%d overwrites, %d global commands", puts, len(global))
		}
	})
	t.Run("a command Discord refuses stops the start", func(t *testing.T) {
		fake := fakediscord.New(t, testToken, "99")
		cmds := []Command{{Definition: slash("Who-Said", "capital letters are refused"), Handle: sources}}
		err := Serve(context.Background(), Config{Token: testToken, AppID: "99", APIBase: fake.URL, GuildIDs: []string{"1"}, Commands: cmds}, &fakeEngine{}, nil)
		if err == nil || !strings.Contains(err.Error(), "400") {
			t.Errorf("err %v", err)
		}
	})
	t.Run("a wrong token stops the start", func(t *testing.T) {
		fake := fakediscord.New(t, "the-real-token", "99")
		err := Serve(context.Background(), Config{Token: testToken, AppID: "99", APIBase: fake.URL}, &fakeEngine{}, nil)
		if err == nil || !strings.Contains(err.Error(), "401") || strings.Contains(err.Error(), testToken) {
			t.Errorf("err %v", err)
		}
	})
}

// TestServeHTTPWithToken runs both connections: the endpoint defers a slow
// answer in the response body and edits it over REST.
func TestServeHTTPWithToken(t *testing.T) {
	t.Parallel()
	key := newSigner(t)
	addr := freeAddr(t)
	eng := &fakeEngine{delay: 300 * time.Millisecond, answers: map[string]answer.Answer{
		"who-said:no deal": {Found: true, Results: []answer.Result{quoteResult("Donald Trump", "There’s no deal until there’s a deal", "deal")}},
	}}
	s := startServe(t, Config{GuildIDs: []string{"11"}, PublicKey: key.pub, InteractionsAddr: addr, DeferAfter: 100 * time.Millisecond}, eng)
	in := fakediscord.Slash("11", "who-said", [2]string{"phrase", "no deal"})
	id := s.fake.RegisterAnswered(in)
	resp, body := do(t, key.request(t, "http://"+addr, fakediscord.Marshal(in), time.Now()))
	if resp.StatusCode != http.StatusOK || string(body) != `{"type":5}` {
		t.Fatalf("status %d body %s", resp.StatusCode, body)
	}
	rs, err := s.fake.WaitReplies(id, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Kind != "edit" || rs[0].Message.Embeds[0].AuthorName() != "Donald Trump" {
		t.Errorf("%+v", rs[0])
	}
	hresp, _ := do(t, mustRequest(t, http.MethodGet, "http://"+addr+"/healthz"))
	if hresp.StatusCode != http.StatusOK {
		t.Errorf("healthz %d", hresp.StatusCode)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func mustRequest(t *testing.T, method, url string) *http.Request {
	t.Helper()
	r, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestFakeDiscordRules makes sure the fake refuses what Discord refuses, so
// the tests above could fail.
func TestFakeDiscordRules(t *testing.T) {
	cmd := func(mut func(c map[string]any)) []fakediscord.Command {
		b, _ := json.Marshal(Definitions(DefaultCommands(), true))
		var cs []fakediscord.Command
		json.Unmarshal(b, &cs)
		mut(cs[0])
		return cs
	}
	opt := func(c map[string]any) map[string]any { return c["options"].([]any)[0].(map[string]any) }
	if p := fakediscord.ValidateCommands(cmd(func(map[string]any) {})); len(p) > 0 {
		t.Fatalf("the bot's own commands are refused: %v", p)
	}
	commandCases := []struct {
		name string
		mut  func(c map[string]any)
	}{
		{"upper-case name", func(c map[string]any) { c["name"] = "Who-Said" }},
		{"name with a space", func(c map[string]any) { c["name"] = "who said" }},
		{"name too long", func(c map[string]any) { c["name"] = strings.Repeat("a", 33) }},
		{"description too long", func(c map[string]any) { c["description"] = strings.Repeat("a", 101) }},
		{"no description", func(c map[string]any) { c["description"] = "" }},
		{"autocomplete with choices", func(c map[string]any) { opt(c)["choices"] = []any{map[string]any{"name": "a", "value": "a"}} }},
		{"autocomplete on a boolean", func(c map[string]any) { opt(c)["type"] = 5.0 }},
		{"required after optional", func(c map[string]any) {
			c["options"] = []any{map[string]any{"type": 3.0, "name": "a", "description": "a"}, map[string]any{"type": 3.0, "name": "b", "description": "b", "required": true}}
		}},
		{"26 options", func(c map[string]any) {
			var o []any
			for i := 0; i < 26; i++ {
				o = append(o, map[string]any{"type": 3.0, "name": "o" + string(rune('a'+i)), "description": "d"})
			}
			c["options"] = o
		}},
		{"over 8000 characters", func(c map[string]any) {
			var ch []any
			for i := 0; i < 25; i++ {
				ch = append(ch, map[string]any{"name": strings.Repeat("n", 100), "value": strings.Repeat("v", 100)})
			}
			var o []any
			for i := 0; i < 25; i++ {
				o = append(o, map[string]any{"type": 3.0, "name": "o" + string(rune('a'+i)), "description": strings.Repeat("d", 100), "choices": ch})
			}
			c["options"] = o
		}},
		{"max_length too large", func(c map[string]any) { opt(c)["max_length"] = 6001.0 }},
		{"message command with description", func(c map[string]any) { c["type"] = 3.0; c["options"] = nil }},
	}
	for _, tc := range commandCases {
		t.Run(tc.name, func(t *testing.T) {
			if p := fakediscord.ValidateCommands(cmd(tc.mut)); len(p) == 0 {
				t.Error("accepted")
			}
		})
	}
	callbackCases := []struct {
		name         string
		body         string
		autocomplete bool
	}{
		{"no allowed_mentions", `{"type":4,"data":{"content":"x"}}`, false},
		{"allowed_mentions parse null", `{"type":4,"data":{"content":"x","allowed_mentions":{"parse":null}}}`, false},
		{"empty message", `{"type":4,"data":{"content":"","allowed_mentions":{"parse":[]}}}`, false},
		{"content too long", `{"type":4,"data":{"content":"` + strings.Repeat("x", 2001) + `","allowed_mentions":{"parse":[]}}}`, false},
		{"embed total over 6000", `{"type":4,"data":{"allowed_mentions":{"parse":[]},"embeds":[{"description":"` + strings.Repeat("x", 4000) + `"},{"description":"` + strings.Repeat("x", 2001) + `"}]}}`, false},
		{"bad flag on deferral", `{"type":5,"data":{"flags":4}}`, false},
		{"content on deferral", `{"type":5,"data":{"content":"x"}}`, false},
		{"26 choices", `{"type":8,"data":{"choices":[` + strings.Repeat(`{"name":"a","value":"a"},`, 25) + `{"name":"a","value":"a"}]}}`, true},
		{"choice value too long", `{"type":8,"data":{"choices":[{"name":"a","value":"` + strings.Repeat("v", 101) + `"}]}}`, true},
		{"no choices", `{"type":8,"data":{}}`, true},
		{"message for autocomplete", `{"type":4,"data":{"content":"x","allowed_mentions":{"parse":[]}}}`, true},
	}
	for _, tc := range callbackCases {
		t.Run(tc.name, func(t *testing.T) {
			if p := fakediscord.CheckCallback([]byte(tc.body), tc.autocomplete); len(p) == 0 {
				t.Error("accepted")
			}
		})
	}
}
