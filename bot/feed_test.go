package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"summitbot/bot/internal/fakediscord"
	"summitbot/feed"
	"summitbot/webpage"
)

// fakeFeeds is a feed.Manager for /feed: it records its calls.
type fakeFeeds struct {
	mu    sync.Mutex
	calls []string
	feeds []feed.Status
}

func (f *fakeFeeds) record(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, s)
}

func (f *fakeFeeds) AddFeed(_ context.Context, fd feed.Feed) (feed.Subscribed, error) {
	f.record(fmt.Sprintf("add %s %q %v", fd.URL, fd.Keywords, fd.Auto))
	if strings.Contains(fd.URL, "missing") {
		return feed.Subscribed{}, &webpage.Error{Kind: webpage.ErrHTTPStatus, Reason: "HTTP 404", Status: 404}
	}
	if strings.Contains(fd.URL, "page") {
		return feed.Subscribed{}, fmt.Errorf("%w: the document is <html>, not <rss> or <feed>", feed.ErrNotFeed)
	}
	fd.ID, fd.Title = "courier", "The *Courier*"
	return feed.Subscribed{Feed: feed.Status{Feed: fd}, Entries: 12}, nil
}

func (f *fakeFeeds) Feeds(context.Context) ([]feed.Status, error) {
	f.record("list")
	return f.feeds, nil
}

func (f *fakeFeeds) RemoveFeed(_ context.Context, id string) (feed.Feed, error) {
	f.record("remove " + id)
	for _, s := range f.feeds {
		if s.ID == id {
			return s.Feed, nil
		}
	}
	return feed.Feed{}, fmt.Errorf("%w: %q", feed.ErrNoFeed, id)
}

func (f *fakeFeeds) Poll(context.Context) ([]feed.Report, error) { return nil, nil }
func (f *fakeFeeds) Queue(context.Context) ([]feed.Item, error)  { return nil, nil }
func (f *fakeFeeds) Approve(context.Context, string) (feed.Approved, error) {
	return feed.Approved{}, nil
}
func (f *fakeFeeds) Reject(context.Context, string) (feed.Item, error) { return feed.Item{}, nil }

func feedInteraction(member map[string]any, sub string, opts ...any) map[string]any {
	if opts == nil {
		opts = []any{}
	}
	data := map[string]any{"id": "102", "name": "feed", "type": 1, "options": []any{
		map[string]any{"name": sub, "type": 1, "options": opts},
	}}
	return withInvoker(map[string]any{"type": 2, "channel_id": "2", "data": data}, modGuild, member)
}

func feedService(t *testing.T, m *fakeFeeds) (*service, *logBuffer) {
	t.Helper()
	cmds := append(DefaultCommands(), FeedCommand(m))
	return newTestService(t, Config{GuildIDs: []string{modGuild}, ModeratorRoleIDs: []string{modRole}, Moderator: &fakeModerator{}, Commands: cmds}, &fakeEngine{})
}

func TestFeedCommand(t *testing.T) {
	def := FeedCommand(&fakeFeeds{})
	b, _ := json.Marshal(Definitions([]Command{def}, true))
	var cs []fakediscord.Command
	json.Unmarshal(b, &cs)
	if p := fakediscord.ValidateCommands(cs); len(p) > 0 {
		t.Fatalf("/feed breaks Discord's rules: %v", p)
	}
	if !def.Moderator || !def.Ephemeral || len(Definitions([]Command{def}, false)) != 0 {
		t.Errorf("/feed must be a moderator command, ephemeral, registered only in guilds")
	}

	polled := time.Date(2031, 6, 13, 12, 0, 0, 0, time.UTC)
	ff := &fakeFeeds{feeds: []feed.Status{
		{Feed: feed.Feed{ID: "courier", Title: "The Courier", URL: "https://courier.example/rss", Keywords: []string{"putin", "alaska summit"}}, LastPoll: polled, Queued: 2},
		{Feed: feed.Feed{ID: "gazette", URL: "https://gazette.example/atom", Auto: true}, Failures: 3, LastError: "HTTP 500"},
	}}
	tests := []struct {
		name   string
		member map[string]any
		sub    string
		opts   []any
		want   []string // in the reply
		call   string   // the manager's last call ("" none)
	}{
		{"add", moderatorMember(), "add", []any{
			map[string]any{"name": "url", "type": 3, "value": " https://courier.example/rss "},
			map[string]any{"name": "keywords", "type": 3, "value": "putin, alaska summit"},
			map[string]any{"name": "auto", "type": 5, "value": true}},
			[]string{"Subscribed to `courier`: The *Courier* (12 entries now)", "keywords: putin, alaska summit", "auto (no review)", "summitbot queue approve"},
			`add https://courier.example/rss ["putin" "alaska summit"] true`},
		{"add without keywords", moderatorMember(), "add", []any{map[string]any{"name": "url", "type": 3, "value": "https://courier.example/rss"}},
			[]string{"every article (no keywords)"}, `add https://courier.example/rss [] false`},
		{"add a missing feed", moderatorMember(), "add", []any{map[string]any{"name": "url", "type": 3, "value": "https://x.example/missing"}},
			[]string{"Could not subscribe to “https://x.example/missing”: HTTP 404"}, `add https://x.example/missing [] false`},
		{"add a page", moderatorMember(), "add", []any{map[string]any{"name": "url", "type": 3, "value": "https://x.example/page"}},
			[]string{"not a feed: the document is <html>"}, `add https://x.example/page [] false`},
		{"list", moderatorMember(), "list", nil,
			[]string{"2 feeds:", "`courier` The Courier — keywords: putin, alaska summit · 2 queued · polled <t:" + fmt.Sprint(polled.Unix()) + ":R>", "`gazette` https://gazette.example/atom — every article (no keywords) · auto (no review) · ⚠️ failing (3 in a row): HTTP 500"}, "list"},
		{"remove", moderatorMember(), "remove", []any{map[string]any{"name": "id", "type": 3, "value": "gazette"}},
			[]string{"Removed the feed `gazette` (https://gazette.example/atom)"}, "remove gazette"},
		{"remove unknown", moderatorMember(), "remove", []any{map[string]any{"name": "id", "type": 3, "value": "nope"}},
			[]string{"No feed has the id “nope”"}, "remove nope"},
		{"not a moderator", fakediscord.Member("43", 0), "list", nil, []string{"Only moderators may do that"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ff.calls = nil
			s, _ := feedService(t, ff)
			r := call(t, s, feedInteraction(tc.member, tc.sub, tc.opts...))
			text := plain(r.Data.Content)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("reply %q lacks %q", text, w)
				}
			}
			if !r.Data.Ephemeral() {
				t.Errorf("reply is not ephemeral: %s", r.raw)
			}
			last := ""
			if len(ff.calls) > 0 {
				last = ff.calls[len(ff.calls)-1]
			}
			if last != tc.call {
				t.Errorf("last call %q, want %q", last, tc.call)
			}
		})
	}

	t.Run("autocomplete", func(t *testing.T) {
		s, _ := feedService(t, ff)
		in := feedInteraction(moderatorMember(), "remove", map[string]any{"name": "id", "type": 3, "value": "gaz", "focused": true})
		in["type"] = 4
		r := call(t, s, in)
		if r.Type != 8 || len(r.Data.Choices) != 1 || fmt.Sprint(r.Data.Choices[0].Value) != "gazette" {
			t.Errorf("autocomplete: %s", r.raw)
		}
	})
}
