package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
	"summitbot/index"
	"summitbot/modlog"
)

// recorder is an Observer that remembers what it was told.
type recorder struct {
	mu           sync.Mutex
	interactions []string // command/outcome
	deferred     []string
	reconnects   int
	rateLimits   []time.Duration
}

func (r *recorder) Interaction(command string, outcome Outcome, took time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.interactions = append(r.interactions, command+"/"+string(outcome))
}

func (r *recorder) Deferred(command string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.deferred = append(r.deferred, command)
}

func (r *recorder) GatewayReconnected() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.reconnects++
}

func (r *recorder) RateLimited(wait time.Duration) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rateLimits = append(r.rateLimits, wait)
}

// waitFor polls until cond holds, at most 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("no %s within 5 s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// actorModerator records who each change came from.
type actorModerator struct {
	*fakeModerator
	mu     sync.Mutex
	actors []answer.Actor
}

func (m *actorModerator) AddURL(ctx context.Context, u string) (answer.Added, error) {
	a, _ := answer.ActorFrom(ctx)
	m.mu.Lock()
	m.actors = append(m.actors, a)
	m.mu.Unlock()
	return m.fakeModerator.AddURL(ctx, u)
}

func TestObserverSeesEveryOutcome(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{answers: map[string]answer.Answer{
		"who-said:no deal": {Found: true, Results: []answer.Result{quoteResult("Donald Trump", "There’s no deal until there’s a deal", "deal")}},
	}}
	obs := &recorder{}
	mod := &actorModerator{fakeModerator: &fakeModerator{added: answer.Added{Info: answer.ArticleInfo{Source: article, Paragraphs: 3}}}}
	s := startServe(t, Config{GuildIDs: []string{modGuild}, Observer: obs, Moderator: mod}, eng)

	sends := []struct {
		in   map[string]any
		want string
	}{
		{fakediscord.Slash(modGuild, "who-said", [2]string{"phrase", "no deal"}), "who-said/answered"},
		{fakediscord.Slash(modGuild, "who-said", [2]string{"phrase", "no such words"}), "who-said/miss"},
		{fakediscord.Slash(modGuild, "who-said", [2]string{"phrase", "   "}), "who-said/refused"},
		{fakediscord.Slash(modGuild, "gone"), "unknown/refused"},
		{articleInteraction(modGuild, fakediscord.Member("43", 0), "add", urlOption("https://example.org/a"), nil), "article/refused"},
		{articleInteraction(modGuild, moderatorMember(), "add", urlOption("https://example.org/a"), nil), "article/answered"},
		{fakediscord.Autocomplete(modGuild, "who-said", "phrase", "no"), ""},
	}
	var want []string
	for _, c := range sends {
		s.send(t, c.in, nil)
		if c.want != "" {
			want = append(want, c.want)
		}
	}
	waitFor(t, "observed interactions", func() bool {
		obs.mu.Lock()
		defer obs.mu.Unlock()
		return len(obs.interactions) >= len(want)
	})
	obs.mu.Lock()
	got := slices.Clone(obs.interactions)
	obs.mu.Unlock()
	// An interaction is observed after its reply is sent: in any order.
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("observed %v\nwant     %v", got, want)
	}
	if len(mod.actors) != 1 || mod.actors[0] != (answer.Actor{Via: "discord", Name: "user42", UserID: "42", GuildID: modGuild}) {
		t.Errorf("the moderator was told the change came from %+v", mod.actors)
	}
}

func TestObserverSeesDeferrals(t *testing.T) {
	t.Parallel()
	eng := &fakeEngine{delay: 300 * time.Millisecond, answers: map[string]answer.Answer{
		"ask:why": {Found: true, Results: []answer.Result{{Text: "Because.", Paragraph: 1, Article: article}}},
	}}
	obs := &recorder{}
	s := startServe(t, Config{DeferAfter: 100 * time.Millisecond, Observer: obs}, eng)
	s.send(t, fakediscord.Slash("11", "ask", [2]string{"question", "why"}), func(rs []fakediscord.Reply) bool { return len(rs) >= 2 })
	waitFor(t, "observed interaction", func() bool {
		obs.mu.Lock()
		defer obs.mu.Unlock()
		return len(obs.interactions) == 1
	})
	if !slices.Equal(obs.deferred, []string{"ask"}) || obs.interactions[0] != "ask/answered" {
		t.Errorf("deferred %v, interactions %v", obs.deferred, obs.interactions)
	}
}

func TestShardIdentifiesAsItsShard(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		id, count    int
		shard        *[2]int
		registersCmd bool
	}{
		{"unsharded", 0, 0, nil, true},
		{"first of two registers the commands", 0, 2, &[2]int{0, 2}, true},
		{"second of two does not register", 1, 2, &[2]int{1, 2}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := startServe(t, Config{GuildIDs: []string{"11"}, ShardID: tt.id, ShardCount: tt.count}, &fakeEngine{})
			id, err := s.fake.Identified(time.Second)
			if err != nil {
				t.Fatal(err)
			}
			if (id.Shard == nil) != (tt.shard == nil) || (id.Shard != nil && *id.Shard != *tt.shard) {
				t.Errorf("IDENTIFY shard %v, want %v", id.Shard, tt.shard)
			}
			if _, puts := s.fake.Commands("11"); (puts > 0) != tt.registersCmd {
				t.Errorf("%d command overwrites; registers: want %v", puts, tt.registersCmd)
			}
			if v := s.fake.Violations(); len(v) > 0 {
				t.Errorf("violations: %v", v)
			}
		})
	}
}

func TestChannelPosterPostsEmbedsAndWaitsOutRateLimits(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(t, testToken, "99")
	obs := &recorder{}
	p, err := NewChannelPoster(Config{Token: testToken, AppID: "99", APIBase: fake.URL, Observer: obs})
	if err != nil {
		t.Fatal(err)
	}
	fake.RateLimitChannel("777")
	embed := &discordgo.MessageEmbed{Title: "Article added", Fields: []*discordgo.MessageEmbedField{{Name: "By", Value: "<@42>"}}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := p.PostEmbed(ctx, "777", embed); err != nil {
		t.Fatalf("post: %v (violations %v)", err, fake.Violations())
	}
	ms := fake.ChannelMessages("777")
	if len(ms) != 1 || len(ms[0].Message.Embeds) != 1 || ms[0].Message.Embeds[0].Title != "Article added" {
		t.Fatalf("channel messages %+v", ms)
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
	waitFor(t, "rate limit observed", func() bool {
		obs.mu.Lock()
		defer obs.mu.Unlock()
		return len(obs.rateLimits) == 1
	})
	if _, err := NewChannelPoster(Config{APIBase: fake.URL}); err == nil {
		t.Error("a poster without a token was made")
	}
}

// TestModerationLogPostsToTheChannel: a moderator's /article add over the
// gateway is recorded in the moderation log file and posted to the log
// channel as an embed naming the member.
func TestModerationLogPostsToTheChannel(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(t, testToken, "99")
	cfg := Config{Token: testToken, AppID: "99", APIBase: fake.URL, NoReconnect: true, GuildIDs: []string{modGuild}}
	poster, err := NewChannelPoster(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "modlog.jsonl")
	mlog, err := modlog.Open(path, modlog.Options{Poster: poster, ChannelID: "777"})
	if err != nil {
		t.Fatal(err)
	}
	info := answer.ArticleInfo{Source: article, Paragraphs: 12, Quotes: 4}
	cfg.Moderator = mlog.Moderator(&fakeModerator{added: answer.Added{Info: info}})
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, cfg, &fakeEngine{}, nil) }()
	defer func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("Serve: %v", err)
		}
		mlog.Close()
	}()
	if _, err := fake.Identified(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	id, err := fake.Send(articleInteraction(modGuild, moderatorMember(), "add", urlOption(article.URL), nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fake.WaitReplies(id, nil, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	ms, err := fake.WaitChannelMessages("777", 1, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	e := ms[0].Message.Embeds
	if len(e) != 1 || e[0].Title != "Article added" || len(e[0].Fields) == 0 || e[0].Fields[0].Value != "<@42> (user42)" {
		t.Errorf("posted %s", ms[0].Raw)
	}
	entries, _, err := modlog.Read(path)
	if err != nil || len(entries) != 1 || entries[0].ArticleID != article.ID || entries[0].Who.UserID != "42" || entries[0].Who.GuildID != modGuild {
		t.Errorf("log file: %v %+v", err, entries)
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

// TestGatewayReconnectIsObserved: a dropped gateway connection is resumed,
// and the observer is told of the reconnect (not of the first connection).
func TestGatewayReconnectIsObserved(t *testing.T) {
	t.Parallel()
	fake := fakediscord.New(t, testToken, "99")
	obs := &recorder{}
	cfg := Config{Token: testToken, AppID: "99", APIBase: fake.URL, Observer: obs}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Serve(ctx, cfg, &fakeEngine{}, nil) }()
	defer func() {
		cancel()
		if err := <-errc; err != nil {
			t.Errorf("Serve: %v", err)
		}
	}()
	if _, err := fake.Identified(5 * time.Second); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // let the Connect event of the first connection be handled
	obs.mu.Lock()
	first := obs.reconnects
	obs.mu.Unlock()
	fake.DropGateway()
	waitFor(t, "a resumed session", func() bool { return fake.Resumes() == 1 })
	waitFor(t, "an observed reconnect", func() bool {
		obs.mu.Lock()
		defer obs.mu.Unlock()
		return obs.reconnects == 1
	})
	if first != 0 {
		t.Errorf("the first connection was counted as a reconnect")
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestFailureOutcome(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want Outcome
	}{
		{"bad input", inputErrorf("Give some words."), OutcomeRefused},
		{"empty query", fmt.Errorf("ask: %w", index.ErrEmptyQuery), OutcomeRefused},
		{"reindex running", index.ErrReindexRunning, OutcomeRefused},
		{"an error that knows its outcome", fmt.Errorf("who-said: %w", &cooledDown{inputError{"asked again too soon"}}), OutcomeCooledDown},
		{"too slow", errTooSlow, OutcomeError},
		{"not ready", errNotReady, OutcomeError},
		{"anything else", errors.New("disk full"), OutcomeError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := failureOutcome(tt.err); got != tt.want {
				t.Errorf("failureOutcome(%v) = %s, want %s", tt.err, got, tt.want)
			}
		})
	}
}
