package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
	"summitbot/control"
	"summitbot/corpus"
	"summitbot/index"
	"summitbot/webpage"
)

// fakeModerator records the moderator commands it is given.
type fakeModerator struct {
	added   answer.Added
	err     error
	sources []answer.ArticleInfo
	// reindex replaces the default reindex (which reports 1 of 1 and
	// returns 3 articles).
	reindex func(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error)

	mu    sync.Mutex
	calls []string
	data  [][]byte
}

func (f *fakeModerator) record(call string, data []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
	if data != nil {
		f.data = append(f.data, data)
	}
}

func (f *fakeModerator) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

func (f *fakeModerator) AddArticle(_ context.Context, name string, data []byte) (answer.Added, error) {
	f.record("add-file:"+name, data)
	return f.added, f.err
}

func (f *fakeModerator) AddURL(_ context.Context, u string) (answer.Added, error) {
	f.record("add-url:"+u, nil)
	return f.added, f.err
}

func (f *fakeModerator) RemoveArticle(_ context.Context, id string) error {
	f.record("remove:"+id, nil)
	return f.err
}

func (f *fakeModerator) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	f.record("reindex", nil)
	if f.reindex != nil {
		return f.reindex(ctx, progress)
	}
	progress(answer.Progress{Done: 1, Total: 1})
	return answer.Stats{Articles: 3, Paragraphs: 1234, Quotes: 56, Took: 1500 * time.Millisecond}, f.err
}

func (f *fakeModerator) Sources() []answer.ArticleInfo { return f.sources }

const (
	modGuild = "500"
	modRole  = "600"
)

// moderatorMember is a member with the Manage Server permission.
func moderatorMember() map[string]any {
	return fakediscord.Member("42", discordgo.PermissionManageGuild)
}

// articleInteraction is /article <sub> with options in guild, sent by
// member (nil: a direct message) and with resolved attachments.
func articleInteraction(guild string, member map[string]any, sub string, opts []any, attachments map[string]any) map[string]any {
	if opts == nil {
		opts = []any{}
	}
	data := map[string]any{"id": "100", "name": "article", "type": 1, "options": []any{
		map[string]any{"name": sub, "type": 1, "options": opts},
	}}
	if attachments != nil {
		data["resolved"] = map[string]any{"attachments": attachments}
	}
	in := map[string]any{"type": 2, "channel_id": "2", "data": data}
	return withInvoker(in, guild, member)
}

func reindexInteraction(guild string, member map[string]any) map[string]any {
	in := map[string]any{"type": 2, "channel_id": "2", "data": map[string]any{"id": "101", "name": "reindex", "type": 1, "options": []any{}}}
	return withInvoker(in, guild, member)
}

// withInvoker sets who sends an interaction: a guild member, or with a nil
// member a user in a direct message.
func withInvoker(in map[string]any, guild string, member map[string]any) map[string]any {
	if member == nil {
		in["user"] = map[string]any{"id": "42", "username": "dm-user", "discriminator": "0"}
		return in
	}
	in["guild_id"], in["member"] = guild, member
	return in
}

func urlOption(u string) []any { return []any{map[string]any{"name": "url", "type": 3, "value": u}} }

func fileOption(id string) []any {
	return []any{map[string]any{"name": "file", "type": 11, "value": id}}
}

// attached is data.resolved.attachments with one file.
func attached(id, filename, url string, size int) map[string]any {
	return map[string]any{id: map[string]any{"id": id, "filename": filename, "url": url, "proxy_url": url, "size": size, "content_type": "text/plain"}}
}

// cdn is an httptest server standing for Discord's CDN: it serves files by
// path and counts requests.
type cdn struct {
	*httptest.Server
	files    map[string][]byte
	requests atomic.Int32
}

func newCDN(t *testing.T, files map[string][]byte) *cdn {
	t.Helper()
	c := &cdn{files: files}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.requests.Add(1)
		data, ok := c.files[strings.TrimPrefix(r.URL.Path, "/")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Write(data)
	}))
	t.Cleanup(c.Close)
	return c
}

func modService(t *testing.T, mod answer.Moderator) (*service, *logBuffer) {
	t.Helper()
	return newTestService(t, Config{GuildIDs: []string{modGuild}, ModeratorRoleIDs: []string{modRole}, Moderator: mod}, &fakeEngine{})
}

// text is a reply's content and embeds as plain text.
func (r response) text() string {
	var b strings.Builder
	b.WriteString(r.Data.Content)
	for _, e := range r.Data.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + ": " + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return plain(b.String())
}

func TestModeratorCommandDefinitions(t *testing.T) {
	cmds := DefaultCommands()
	var mods []string
	for _, c := range cmds {
		if !c.Moderator {
			continue
		}
		mods = append(mods, c.Definition.Name)
		if !c.Ephemeral {
			t.Errorf("%s: replies should be ephemeral", c.Definition.Name)
		}
		b, err := json.Marshal(c.Definition)
		if err != nil {
			t.Fatal(err)
		}
		var def struct {
			Perms    string `json:"default_member_permissions"`
			DM       *bool  `json:"dm_permission"`
			Contexts []int  `json:"contexts"`
		}
		json.Unmarshal(b, &def)
		if def.Perms != "32" || def.DM != nil || !slices.Equal(def.Contexts, []int{0}) {
			t.Errorf("%s: %s", c.Definition.Name, b)
		}
	}
	if !slices.Equal(mods, []string{"article", "reindex"}) {
		t.Errorf("moderator commands %v", mods)
	}
	for _, d := range Definitions(cmds, false) {
		if slices.Contains(mods, d.Name) {
			t.Errorf("%s registered globally", d.Name)
		}
	}
	art := cmds[slices.IndexFunc(cmds, func(c Command) bool { return c.Definition.Name == "article" })].Definition
	var subs []string
	for _, o := range art.Options {
		if o.Type != discordgo.ApplicationCommandOptionSubCommand {
			t.Errorf("option %s is not a subcommand", o.Name)
		}
		subs = append(subs, o.Name)
	}
	if !slices.Equal(subs, []string{"add", "remove", "list"}) {
		t.Errorf("subcommands %v", subs)
	}
	add := art.Options[0].Options
	if len(add) != 2 || add[0].Name != "url" || add[0].Required || add[1].Type != discordgo.ApplicationCommandOptionAttachment || add[1].Required {
		t.Errorf("add options %+v %+v", add[0], add[1])
	}
}

func TestArticleAdd(t *testing.T) {
	small := []byte("---\ntitle: Ferry talks\n---\nThe talks resumed.\n")
	files := map[string][]byte{"ferry.md": small, "big.md": []byte(strings.Repeat("word ", webpage.MaxFileBytes/5+10))}
	web := newCDN(t, files)
	added := answer.Added{
		Info:     answer.ArticleInfo{Source: answer.Source{ID: "ferry-talks", Title: "Ferry *talks* resume", Outlet: "Valley Gazette", URL: "https://example.org/ferry", Published: "2031-06-01"}, Paragraphs: 12, Quotes: 4},
		Speakers: []string{"Paulo Renner", "Anna Sorell"},
	}
	tests := []struct {
		name     string
		opts     []any
		att      map[string]any
		modErr   error
		updated  bool
		wantCall string   // "" = the moderator is not called
		want     []string // in the reply's text
		notWant  string
	}{
		{name: "link", opts: urlOption("https://example.org/ferry"), wantCall: "add-url:https://example.org/ferry",
			want: []string{"Added `ferry-talks`", "Ferry *talks* resume", "Valley Gazette", "1 Jun 2031", "Paragraphs: 12", "Quotes: 4", "Paulo Renner, Anna Sorell"}},
		{name: "link without a scheme", opts: urlOption("example.org/ferry"), wantCall: "add-url:https://example.org/ferry", want: []string{"Added"}},
		{name: "same link again", opts: urlOption("https://example.org/ferry"), updated: true, wantCall: "add-url:https://example.org/ferry", want: []string{"Updated `ferry-talks`"}},
		{name: "file", opts: fileOption("7"), att: attached("7", "ferry.md", web.URL+"/ferry.md", len(small)), wantCall: "add-file:ferry.md", want: []string{"Added `ferry-talks`"}},
		{name: "refused fetch", opts: urlOption("http://127.0.0.1/x"), modErr: &webpage.Error{Kind: webpage.ErrRefused, Reason: "refused: 127.0.0.1 is a loopback address"},
			wantCall: "add-url:http://127.0.0.1/x", want: []string{"Could not add", "refused: 127.0.0.1 is a loopback address"}, notWant: "Added"},
		{name: "fetch failed with HTTP 404", opts: urlOption("https://example.org/gone"), modErr: &webpage.Error{Kind: webpage.ErrHTTPStatus, Status: 404, Reason: "HTTP 404"},
			wantCall: "add-url:https://example.org/gone", want: []string{"Could not add", "HTTP 404"}},
		{name: "internal failure", opts: urlOption("https://example.org/x"), modErr: errors.New("write /secret/path: disk full"),
			wantCall: "add-url:https://example.org/x", want: []string{"went wrong on my side"}, notWant: "/secret/path"},
		{name: "non-http link", opts: urlOption("ftp://example.org/story"), want: []string{"Could not add"}},
		{name: "neither link nor file", want: []string{"one of the two"}},
		{name: "both link and file", opts: append(urlOption("https://example.org/ferry"), fileOption("7")...), att: attached("7", "ferry.md", web.URL+"/ferry.md", 10), want: []string{"not both"}},
		{name: "pdf", opts: fileOption("7"), att: attached("7", "story.pdf", web.URL+"/ferry.md", 10), want: []string{"not an article file", ".md, .txt or .html"}},
		{name: "too large by its size", opts: fileOption("7"), att: attached("7", "big.md", web.URL+"/big.md", 3<<20), want: []string{"at most 2 MiB"}},
		{name: "too large once downloaded", opts: fileOption("7"), att: attached("7", "big.md", web.URL+"/big.md", 100), want: []string{"at most 2 MiB"}},
		{name: "download fails", opts: fileOption("7"), att: attached("7", "lost.md", web.URL+"/lost.md", 100), want: []string{"Could not download", "HTTP 404"}},
		{name: "attachment link not http", opts: fileOption("7"), att: attached("7", "ferry.md", "file:///etc/passwd", 100), want: []string{"no usable link"}},
		{name: "attachment not resolved", opts: fileOption("7"), want: []string{"did not send the attached file"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := added
			a.Updated = tc.updated
			mod := &fakeModerator{added: a, err: tc.modErr}
			s, _ := modService(t, mod)
			before := web.requests.Load()
			r := call(t, s, articleInteraction(modGuild, moderatorMember(), "add", tc.opts, tc.att))
			if !r.Data.Ephemeral() {
				t.Errorf("reply is public: %s", r.raw)
			}
			calls := mod.called()
			if tc.wantCall == "" && len(calls) > 0 || tc.wantCall != "" && !slices.Equal(calls, []string{tc.wantCall}) {
				t.Errorf("moderator calls %v, want %q", calls, tc.wantCall)
			}
			text := r.text()
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("reply lacks %q:\n%s", w, text)
				}
			}
			if tc.notWant != "" && strings.Contains(text, tc.notWant) {
				t.Errorf("reply has %q:\n%s", tc.notWant, text)
			}
			if tc.wantCall == "" && strings.Contains(r.Data.Content, "\n") {
				t.Errorf("a refusal should be one line: %q", r.Data.Content)
			}
			if tc.name == "file" && (len(mod.data) != 1 || string(mod.data[0]) != string(small)) {
				t.Errorf("the moderator got %q", mod.data)
			}
			if tc.name == "pdf" || tc.name == "too large by its size" {
				if n := web.requests.Load() - before; n != 0 {
					t.Errorf("%d downloads of a refused file", n)
				}
			}
		})
	}
}

func TestArticleAddWarnsWhatWasNotFound(t *testing.T) {
	mod := &fakeModerator{added: answer.Added{Info: answer.ArticleInfo{Source: answer.Source{ID: "bare"}, Paragraphs: 3}}}
	s, _ := modService(t, mod)
	r := call(t, s, articleInteraction(modGuild, moderatorMember(), "add", urlOption("https://example.org/bare"), nil))
	for _, w := range []string{"no title found", "no outlet found", "no date found", "no quotes found"} {
		if !strings.Contains(r.Data.Content, w) {
			t.Errorf("reply lacks %q: %q", w, r.Data.Content)
		}
	}
	mod.added.Info.Quotes = 2
	r = call(t, s, articleInteraction(modGuild, moderatorMember(), "add", urlOption("https://example.org/bare"), nil))
	if !strings.Contains(r.Data.Content, "no quote could be attributed") {
		t.Errorf("reply %q", r.Data.Content)
	}
}

func TestArticleRemoveAndList(t *testing.T) {
	srcs := []answer.ArticleInfo{
		{Source: answer.Source{ID: "alaska-summit", Title: "Trump-Putin Alaska summit", Outlet: "Example News"}, Paragraphs: 22, Quotes: 18},
		{Source: answer.Source{ID: "ferry-talks", Title: "Ferry talks resume", Outlet: "Valley Gazette"}, Paragraphs: 5, Quotes: 1},
		{Source: answer.Source{ID: strings.Repeat("long-id-", 20), Title: "A very long id"}, Paragraphs: 1},
	}
	tests := []struct {
		name     string
		typed    string
		modErr   error
		wantCall string
		want     string
	}{
		{"by id", "ferry-talks", nil, "remove:ferry-talks", "Removed `ferry-talks`"},
		{"by exact title", "Ferry talks resume", nil, "remove:ferry-talks", "Removed `ferry-talks`"},
		{"a title in other case is not the title", "ferry talks resume", nil, "", "No article has the id"},
		{"an id cut to 100 characters", strings.Repeat("long-id-", 20)[:100], nil, "remove:" + strings.Repeat("long-id-", 20), "Removed"},
		{"unknown id", "nope", nil, "", "No article has the id “nope”"},
		{"gone meanwhile", "ferry-talks", fmt.Errorf("index: remove: %w", index.ErrNotFound), "remove:ferry-talks", "any more"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mod := &fakeModerator{sources: srcs, err: tc.modErr}
			s, _ := modService(t, mod)
			r := call(t, s, articleInteraction(modGuild, moderatorMember(), "remove", []any{map[string]any{"name": "id", "type": 3, "value": tc.typed}}, nil))
			calls := mod.called()
			if tc.wantCall == "" && len(calls) > 0 || tc.wantCall != "" && !slices.Equal(calls, []string{tc.wantCall}) {
				t.Errorf("calls %v, want %q", calls, tc.wantCall)
			}
			if !r.Data.Ephemeral() || !strings.Contains(r.text(), tc.want) {
				t.Errorf("reply %s", r.raw)
			}
		})
	}

	t.Run("list", func(t *testing.T) {
		s, _ := modService(t, &fakeModerator{sources: srcs})
		r := call(t, s, articleInteraction(modGuild, moderatorMember(), "list", nil, nil))
		text := r.text()
		if !r.Data.Ephemeral() || !strings.Contains(text, "id alaska-summit") || !strings.Contains(text, "Valley Gazette") || !strings.Contains(text, "22 paragraphs, 18 quotes") {
			t.Errorf("reply %s", r.raw)
		}
	})

	t.Run("ids are exact", func(t *testing.T) {
		mod := &fakeModerator{sources: append(slices.Clone(srcs), answer.ArticleInfo{Source: answer.Source{ID: "hi", Title: "hi"}, Paragraphs: 1})}
		s, _ := modService(t, mod)
		r := call(t, s, articleInteraction(modGuild, moderatorMember(), "remove", []any{map[string]any{"name": "id", "type": 3, "value": "HI"}}, nil))
		if calls := mod.called(); len(calls) > 0 || !strings.Contains(r.text(), "No article has the id “HI”") {
			t.Errorf("remove HI: calls %v, reply %s", calls, r.raw)
		}
	})

	t.Run("list with corpus problems", func(t *testing.T) {
		mod := &problemModerator{fakeModerator: &fakeModerator{sources: srcs}, problems: []answer.CorpusProblem{
			{File: "huge.txt", Reason: "too large", Skipped: true},
			{File: "latin1.txt", Reason: "not UTF-8 text", Skipped: false},
		}}
		s, _ := modService(t, mod)
		r := call(t, s, articleInteraction(modGuild, moderatorMember(), "list", nil, nil))
		if text := r.text(); !strings.Contains(text, "1 corpus file skipped") || !strings.Contains(text, "1 suspicious") {
			t.Errorf("reply %s", r.raw)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		s, _ := modService(t, &fakeModerator{sources: srcs})
		ac := func(member map[string]any, typed string) []fakediscord.Choice {
			in := articleInteraction(modGuild, member, "remove", []any{map[string]any{"name": "id", "type": 3, "value": typed, "focused": true}}, nil)
			in["type"] = 4
			r := call(t, s, in)
			if r.Type != 8 {
				t.Fatalf("type %d", r.Type)
			}
			return r.Data.Choices
		}
		if c := ac(moderatorMember(), "gazette"); len(c) != 1 || c[0].Value != "ferry-talks" || !strings.Contains(c[0].Name, "Ferry talks resume") {
			t.Errorf("choices %+v", c)
		}
		if c := ac(moderatorMember(), ""); len(c) != 3 || len([]rune(c[2].Value.(string))) != 100 {
			t.Errorf("choices %+v", c)
		}
		if c := ac(fakediscord.Member("43", 0), ""); len(c) != 0 {
			t.Errorf("a non-moderator got suggestions %+v", c)
		}
	})
}

func TestModeratorCommandsWithoutModerator(t *testing.T) {
	s, _ := newTestService(t, Config{GuildIDs: []string{modGuild}}, &fakeEngine{})
	for _, in := range []map[string]any{
		articleInteraction(modGuild, moderatorMember(), "list", nil, nil),
		reindexInteraction(modGuild, moderatorMember()),
	} {
		if r := call(t, s, in); !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, "not available") {
			t.Errorf("reply %s", r.raw)
		}
	}
}

func TestReindexReplies(t *testing.T) {
	t.Run("done", func(t *testing.T) {
		mod := &fakeModerator{}
		s, logs := modService(t, mod)
		r := call(t, s, reindexInteraction(modGuild, moderatorMember()))
		if !r.Data.Ephemeral() || r.Data.Content != "Reindexed 3 articles (1,234 paragraphs, 56 quotes) in 1.5 s. The new index is answering." {
			t.Errorf("reply %s", r.raw)
		}
		if l := logs.String(); !strings.Contains(l, `msg=reindexed`) || !strings.Contains(l, "user=42") || !strings.Contains(l, "username=user42") || !strings.Contains(l, "guild="+modGuild) {
			t.Errorf("log does not say who reindexed:\n%s", l)
		}
	})
	t.Run("failed", func(t *testing.T) {
		mod := &fakeModerator{err: errors.New("index: build: disk full")}
		s, logs := modService(t, mod)
		r := call(t, s, reindexInteraction(modGuild, moderatorMember()))
		if !strings.Contains(r.Data.Content, "Reindex failed") || !strings.Contains(r.Data.Content, "previous index still serves") {
			t.Errorf("reply %s", r.raw)
		}
		if !strings.Contains(logs.String(), "disk full") {
			t.Errorf("the cause is not logged:\n%s", logs.String())
		}
	})
	t.Run("one at a time", func(t *testing.T) {
		var running atomic.Bool
		release := make(chan struct{})
		started := make(chan struct{})
		mod := &fakeModerator{reindex: func(ctx context.Context, _ func(answer.Progress)) (answer.Stats, error) {
			if !running.CompareAndSwap(false, true) {
				return answer.Stats{}, index.ErrReindexRunning
			}
			defer running.Store(false)
			close(started)
			<-release
			return answer.Stats{Articles: 1}, nil
		}}
		s, _ := modService(t, mod)
		first := make(chan response, 1)
		go func() { first <- call(t, s, reindexInteraction(modGuild, moderatorMember())) }()
		<-started
		r := call(t, s, reindexInteraction(modGuild, moderatorMember()))
		if !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, "already running") {
			t.Errorf("second reindex: %s", r.raw)
		}
		close(release)
		if r := <-first; !strings.Contains(r.Data.Content, "Reindexed 1 article ") {
			t.Errorf("first reindex: %s", r.raw)
		}
	})
}

// TestReindexProgressThroughGateway checks that /reindex defers at once,
// edits its reply with throttled progress and ends with the counts.
func TestReindexProgressThroughGateway(t *testing.T) {
	t.Parallel()
	mod := &fakeModerator{reindex: func(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
		for i := 1; i <= 60; i++ {
			progress(answer.Progress{Done: i * 100, Total: 6000})
			time.Sleep(5 * time.Millisecond)
		}
		return answer.Stats{Articles: 40, Paragraphs: 6000, Quotes: 900, Took: 320 * time.Millisecond}, nil
	}}
	cmds := DefaultCommands()
	cmds[slices.IndexFunc(cmds, func(c Command) bool { return c.Definition.Name == "reindex" })] = reindexCommand(50 * time.Millisecond)
	s := startServe(t, Config{Commands: cmds, GuildIDs: []string{modGuild}, Moderator: mod}, &fakeEngine{})
	rs := s.send(t, reindexInteraction(modGuild, moderatorMember()), func(rs []fakediscord.Reply) bool {
		return strings.HasPrefix(rs[len(rs)-1].Message.Content, "Reindexed")
	})
	if rs[0].Kind != "callback" || rs[0].Type != 5 || !rs[0].Message.Ephemeral() || rs[0].After > time.Second {
		t.Errorf("first reply %s type %d ephemeral %v after %s", rs[0].Kind, rs[0].Type, rs[0].Message.Ephemeral(), rs[0].After)
	}
	progress := 0
	for _, r := range rs[1 : len(rs)-1] {
		if r.Kind != "edit" || !strings.HasPrefix(r.Message.Content, "Reindexing") {
			t.Errorf("interim reply %s %q", r.Kind, r.Message.Content)
		}
		if strings.Contains(r.Message.Content, " of 6,000 paragraphs") {
			progress++
		}
	}
	// About 300 ms of progress shown every 50 ms: a few edits, not 60.
	if progress < 2 || progress > 10 {
		t.Errorf("%d progress edits", progress)
	}
	last := rs[len(rs)-1]
	if last.Kind != "edit" || last.Message.Content != "Reindexed 40 articles (6,000 paragraphs, 900 quotes) in 320ms. The new index is answering." {
		t.Errorf("last reply %s %q", last.Kind, last.Message.Content)
	}
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

// realModerator is the real engine over a corpus folder holding the default
// article, behind control.Local as in production.
type realModerator struct {
	eng       *index.Engine
	local     control.Local
	corpusDir string
}

func openRealModerator(t *testing.T) *realModerator {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dir := t.TempDir()
	m := &realModerator{corpusDir: filepath.Join(dir, "corpus")}
	eng, err := index.Open(ctx, index.Options{IndexDir: filepath.Join(dir, "index"), CorpusDir: m.corpusDir})
	if err != nil {
		t.Fatalf("index.Open: %v", err)
	}
	t.Cleanup(func() { eng.Close() })
	m.eng, m.local = eng, control.Local{Engine: eng, Fetcher: webpage.NewFetcher(webpage.Config{AllowPrivate: true})}
	return m
}

// state is what the corpus folder and the index hold: file names and ids.
func (m *realModerator) state(t *testing.T) string {
	t.Helper()
	entries, err := os.ReadDir(m.corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	var files, ids []string
	for _, e := range entries {
		files = append(files, e.Name())
	}
	for _, a := range m.eng.Sources() {
		ids = append(ids, a.ID)
	}
	return "files " + strings.Join(files, ",") + "; ids " + strings.Join(ids, ",")
}

// has reports whether an article is both in the corpus folder and indexed.
func (m *realModerator) has(t *testing.T, id string) bool {
	t.Helper()
	indexed := slices.ContainsFunc(m.eng.Sources(), func(a answer.ArticleInfo) bool { return a.ID == id })
	matches, err := filepath.Glob(filepath.Join(m.corpusDir, id+".*"))
	if err != nil {
		t.Fatal(err)
	}
	if indexed != (len(matches) == 1) {
		t.Errorf("%s: indexed %v, files %v", id, indexed, matches)
	}
	return indexed && len(matches) == 1
}

func permissionArticle(n int) []byte {
	return fmt.Appendf(nil, "---\ntitle: Harbour report %d\noutlet: Valley Gazette\nurl: https://example.org/harbour-%d\npublished: 2031-06-0%d\n---\n"+
		"\"We will reopen the harbour,\" Mayor Ilse Varga said on Monday.\n\nThe harbour has been closed for %d weeks.\n", n, n, n, n+2)
}

// permissionCases are who tries the moderator commands; only the last two
// may change anything.
var permissionCases = []struct {
	name    string
	guild   string
	member  map[string]any
	allowed bool
}{
	{"member without the permission", modGuild, fakediscord.Member("43", discordgo.PermissionSendMessages|discordgo.PermissionManageMessages), false},
	{"member with an unrelated role", modGuild, fakediscord.Member("44", 0, "601"), false},
	{"moderator in another guild", "501", fakediscord.Member("45", discordgo.PermissionManageGuild), false},
	{"direct message", "", nil, false},
	{"manage server", modGuild, fakediscord.Member("46", discordgo.PermissionManageGuild), true},
	{"moderator role", modGuild, fakediscord.Member("47", 0, "601", modRole), true},
}

// TestModeratorPermissionsRealEngine sends add, remove and reindex as each
// kind of member to the real engine and checks the corpus folder and the
// index: only moderators in the configured guild change anything.
func TestModeratorPermissionsRealEngine(t *testing.T) {
	m := openRealModerator(t)
	files := map[string][]byte{}
	for i := range permissionCases {
		files[fmt.Sprintf("harbour-%d.md", i)] = permissionArticle(i)
	}
	web := newCDN(t, files)
	s, logs := newTestService(t, Config{GuildIDs: []string{modGuild}, ModeratorRoleIDs: []string{modRole}, Moderator: m.local}, m.eng)

	for i, tc := range permissionCases {
		t.Run(tc.name, func(t *testing.T) {
			before := m.state(t)
			name := fmt.Sprintf("harbour-%d.md", i)
			add := call(t, s, articleInteraction(tc.guild, tc.member, "add", fileOption("9"), attached("9", name, web.URL+"/"+name, len(files[name]))))
			rm := call(t, s, articleInteraction(tc.guild, tc.member, "remove", []any{map[string]any{"name": "id", "type": 3, "value": "alaska-summit"}}, nil))
			re := call(t, s, reindexInteraction(tc.guild, tc.member))
			after := m.state(t)
			for _, r := range []response{add, rm, re} {
				if !r.Data.Ephemeral() {
					t.Errorf("public reply: %s", r.raw)
				}
			}
			if !tc.allowed {
				if after != before {
					t.Errorf("changed by a non-moderator:\nbefore %s\nafter  %s", before, after)
				}
				for _, r := range []response{add, rm, re} {
					if !strings.Contains(r.Data.Content, "Moderator commands") && !strings.Contains(r.Data.Content, "Only moderators") {
						t.Errorf("not a refusal: %q", r.Data.Content)
					}
				}
				return
			}
			id := fmt.Sprintf("harbour-%d", i)
			if !strings.Contains(add.Data.Content, "Added `"+id+"`") || !strings.Contains(add.text(), "Ilse Varga") {
				t.Errorf("add: %s", add.text())
			}
			if !m.has(t, id) {
				t.Errorf("%s not added: %s", id, after)
			}
			if m.has(t, "alaska-summit") {
				t.Errorf("alaska-summit not removed: %s", after)
			}
			if !strings.Contains(re.Data.Content, "Reindexed") {
				t.Errorf("reindex: %q", re.Data.Content)
			}
			// Put the default article back for the next case.
			if _, err := m.eng.AddArticle(context.Background(), corpus.SeedFile, corpus.Seed()); err != nil {
				t.Fatal(err)
			}
		})
	}
	if l := logs.String(); !strings.Contains(l, "msg=\"article added\"") || !strings.Contains(l, "user=46") || !strings.Contains(l, "username=user47") {
		t.Errorf("the changes are not logged with who made them:\n%s", l)
	}
}

// TestModeratorPermissionsThroughGateway runs the same members through a
// real discordgo session, the fake Discord and the real engine.
func TestModeratorPermissionsThroughGateway(t *testing.T) {
	t.Parallel()
	m := openRealModerator(t)
	files := map[string][]byte{}
	for i := range permissionCases {
		files[fmt.Sprintf("harbour-%d.md", i)] = permissionArticle(i)
	}
	web := newCDN(t, files)
	s := startServe(t, Config{GuildIDs: []string{modGuild}, ModeratorRoleIDs: []string{modRole}, Moderator: m.local}, m.eng)
	initial := m.state(t)
	want := initial
	for i, tc := range permissionCases {
		t.Run(tc.name, func(t *testing.T) {
			name := fmt.Sprintf("harbour-%d.md", i)
			in := articleInteraction(tc.guild, tc.member, "add", fileOption("9"), attached("9", name, web.URL+"/"+name, len(files[name])))
			rs := s.send(t, in, func(rs []fakediscord.Reply) bool {
				last := rs[len(rs)-1].Message.Content
				return rs[0].Type == 4 || strings.HasPrefix(last, "Added") || strings.HasPrefix(last, "Could not")
			})
			last := rs[len(rs)-1]
			if !rs[0].Message.Ephemeral() {
				t.Errorf("first reply is public: %s", rs[0].Raw)
			}
			if !tc.allowed {
				if len(rs) != 1 || rs[0].Type != 4 || !strings.Contains(rs[0].Message.Content, "Moderator commands") && !strings.Contains(rs[0].Message.Content, "Only moderators") {
					t.Errorf("replies %+v", rs)
				}
				if got := m.state(t); got != want {
					t.Errorf("changed by a non-moderator:\nwant %s\ngot  %s", want, got)
				}
				return
			}
			if rs[0].Type != 5 || last.Kind != "edit" || !strings.HasPrefix(last.Message.Content, "Added `harbour-") || len(last.Message.Embeds) != 1 || last.Message.Embeds[0].Title != fmt.Sprintf("Harbour report %d", i) {
				t.Errorf("replies %+v", rs)
			}
			got := m.state(t)
			if !strings.Contains(got, name) || got == want {
				t.Errorf("%s not added: %s", name, got)
			}
			want = got
		})
	}
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

// problemModerator is a fakeModerator that reports corpus problems.
type problemModerator struct {
	*fakeModerator
	problems []answer.CorpusProblem
}

func (m *problemModerator) CorpusProblems() []answer.CorpusProblem { return m.problems }
