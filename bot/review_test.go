package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"summitbot/bot/internal/fakediscord"
	"summitbot/feed"
	"summitbot/modlog"
	"summitbot/webpage"
)

// reviewChannel is the test's review channel.
const reviewChannel = "555"

// newsSite serves an RSS feed that a test can change and article pages:
// one with an outlet, a date and a quote, and one with none of them.
type newsSite struct {
	*httptest.Server
	mu   sync.Mutex
	feed string
}

const reviewQuote = "Listening is not the same as agreeing"

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch {
		case r.URL.Path == "/rss.xml":
			s.mu.Lock()
			body := s.feed
			s.mu.Unlock()
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, body)
		case strings.HasPrefix(r.URL.Path, "/world/"):
			fmt.Fprintf(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour talks end without a deal</title>
<meta property="og:title" content="Harbour talks end without a deal"><meta property="og:site_name" content="The Test Courier">
<meta property="article:published_time" content="2031-06-12T21:40:00Z"></head>
<body><article><h1>Harbour talks end without a deal</h1>
<p>LINDHOLM — The two prime ministers met on Thursday in the harbour town for six hours of talks about the fishing quotas.</p>
<p>"%s," Prime Minister Sanna Kirov told reporters after the meeting, standing in the rain outside the old customs hall.</p>
<p>Officials on both sides had said before the meeting that a compromise was within reach, but no date was set for another round.</p>
</article></body></html>`, reviewQuote)
		default:
			fmt.Fprint(w, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Harbour talks: a look back</title></head>
<body><article><h1>Harbour talks: a look back</h1>
<p>The harbour talks have a long history, going back to the first quota dispute decades ago, when the fleets first met.</p>
<p>Many rounds have ended without agreement, and each time both sides promised that the next round would be the last.</p>
</article></body></html>`)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// setFeed sets the feed's entries: (title, path) pairs.
func (s *newsSite) setFeed(items ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>The Northern Courier</title>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link></item>", html.EscapeString(it[0]), html.EscapeString(s.URL+it[1]))
	}
	b.WriteString("</channel></rss>")
	s.mu.Lock()
	s.feed = b.String()
	s.mu.Unlock()
	return s.URL + "/rss.xml"
}

// pressOn is a press of a review message's button by member: the message
// as Discord sends it with the press, its embeds included.
func pressOn(t *testing.T, msg fakediscord.ChannelMessage, label string, member map[string]any) map[string]any {
	t.Helper()
	b, ok := msg.Message.Button(label)
	if !ok {
		t.Fatalf("no %s button on %s", label, msg.Raw)
	}
	in := fakediscord.Press(modGuild, "42", "9001", b.CustomID)
	in["member"] = member
	var posted struct {
		Embeds []any `json:"embeds"`
	}
	json.Unmarshal(msg.Raw, &posted)
	in["message"].(map[string]any)["embeds"] = posted.Embeds
	return in
}

// TestReviewInDiscord: articles a feed proposes are posted to the review
// channel with what was understood and Approve and Reject buttons; a
// member's press is refused; a moderator's Approve (over the gateway) adds
// the article, through the moderation log, so /who-said answers its quote,
// and a second press says it is gone; Reject (over the HTTP endpoint)
// keeps the article out for good.
func TestReviewInDiscord(t *testing.T) {
	t.Parallel()
	real := openRealModerator(t)
	logPath := filepath.Join(t.TempDir(), "modlog.jsonl")
	mlog, err := modlog.Open(logPath, modlog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mlog.Close() })
	mod := mlog.Moderator(real.local)

	var poster *ChannelPoster // set once the fake Discord runs, before any poll
	var svc *feed.Service
	svc, err = feed.New(feed.Options{
		Dir: t.TempDir(), Fetcher: webpage.NewFetcher(webpage.Config{AllowPrivate: true}), Corpus: mod,
		OnQueued: func(it feed.Item) {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			pv, err := svc.Preview(ctx, it.ID)
			if err == nil {
				err = poster.PostReview(ctx, reviewChannel, pv)
			}
			if err != nil {
				t.Errorf("posting %s for review: %v", it.ID, err)
			}
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	key := newSigner(t)
	addr := freeAddr(t)
	s := startServe(t, Config{
		GuildIDs: []string{modGuild}, ModeratorRoleIDs: []string{modRole}, Moderator: mod,
		Commands: append(DefaultCommands(), FeedCommand(svc)), PublicKey: key.pub, InteractionsAddr: addr,
	}, real.eng)
	if poster, err = NewChannelPoster(Config{Token: testToken, AppID: "99", APIBase: s.fake.URL}); err != nil {
		t.Fatal(err)
	}

	web := newNewsSite(t)
	ctx := context.Background()
	if _, err := svc.AddFeed(ctx, feed.Feed{URL: web.setFeed(
		[2]string{"Harbour talks end without a deal", "/world/harbour-talks"},
		[2]string{"Harbour talks: a look back", "/history/harbour-talks"},
	), Keywords: []string{"harbour talks"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	msgs, err := s.fake.WaitChannelMessages(reviewChannel, 2, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	items, _ := svc.Queue(ctx)
	if len(items) != 2 {
		t.Fatalf("queue: %+v", items)
	}
	good, bare := msgs[0], msgs[1]

	t.Run("posted for review", func(t *testing.T) {
		tests := []struct {
			name   string
			msg    fakediscord.ChannelMessage
			item   feed.Item
			title  string
			fields []string // "name: value", in the embed
		}{
			{"an article with a quote", good, items[0], "Harbour talks end without a deal",
				[]string{"Outlet: The Test Courier", "Published: 12 Jun 2031", "Paragraphs: 3", "Quotes: 1", "Speakers (1): Sanna Kirov"}},
			{"an article with nothing but text", bare, items[1], "Harbour talks: a look back",
				[]string{"Published: —", "Quotes: 0", "⚠️ Check: no date found; no quotes found."}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				m := tt.msg.Message
				if len(m.Embeds) != 1 || m.Embeds[0].Title != tt.title || m.Embeds[0].URL != tt.item.URL ||
					m.Embeds[0].AuthorName() != "Proposed by the feed The Northern Courier" || !strings.Contains(m.Embeds[0].Description, "harbour talks") {
					t.Fatalf("posted %s", tt.msg.Raw)
				}
				var fields []string
				for _, f := range m.Embeds[0].Fields {
					fields = append(fields, plain(f.Name)+": "+plain(f.Value))
				}
				for _, w := range tt.fields {
					if !strings.Contains(strings.Join(fields, "\n"), w) {
						t.Errorf("fields %q lack %q", fields, w)
					}
				}
				approve, ok1 := m.Button("Approve")
				reject, ok2 := m.Button("Reject")
				if !ok1 || !ok2 || approve.CustomID != "review:approve:"+tt.item.ID || reject.CustomID != "review:reject:"+tt.item.ID || approve.Style != 3 || reject.Style != 4 {
					t.Errorf("buttons %+v", m.Buttons())
				}
			})
		}
	})

	t.Run("a member's press is refused", func(t *testing.T) {
		rs := s.send(t, pressOn(t, good, "Approve", fakediscord.Member("43", 0)), nil)
		if rs[0].Type != 4 || !rs[0].Message.Ephemeral() || !strings.Contains(rs[0].Message.Content, "Only moderators may do that") {
			t.Errorf("reply %s", rs[0].Raw)
		}
		if q, _ := svc.Queue(ctx); len(q) != 2 {
			t.Errorf("a member's press changed the queue: %+v", q)
		}
	})

	t.Run("a moderator approves", func(t *testing.T) {
		rs := s.send(t, pressOn(t, good, "Approve", moderatorMember()), func(rs []fakediscord.Reply) bool {
			return rs[0].Type == 7 || len(rs) > 1 // an update, or a deferral (6) and its edit
		})
		final := rs[len(rs)-1]
		m := final.Message
		if !strings.HasPrefix(m.Content, "✅ Approved by <@42>: added as `") || !strings.Contains(m.Content, "1 quote") ||
			m.Components == nil || len(m.Components) != 0 || len(m.Embeds) != 1 || m.Embeds[0].Title != "Harbour talks end without a deal" {
			t.Errorf("approve: %s", final.Raw)
		}
		rs = s.send(t, fakediscord.Slash(modGuild, "who-said", [2]string{"phrase", "listening is not the same as agreeing"}), nil)
		if len(rs[0].Message.Embeds) == 0 || rs[0].Message.Embeds[0].AuthorName() != "Sanna Kirov" {
			t.Errorf("who-said after approval: %s", rs[0].Raw)
		}
		entries, _, err := modlog.Read(logPath)
		if err != nil || len(entries) != 1 || entries[0].Action != modlog.ActionAdd || entries[0].Who.UserID != "42" || entries[0].Who.Via != "discord" || entries[0].URL != items[0].URL {
			t.Errorf("moderation log: %+v, %v", entries, err)
		}

		// Pressed again (another moderator, an older client): it is gone.
		rs = s.send(t, pressOn(t, good, "Approve", moderatorMember()), nil)
		if m := rs[0].Message; rs[0].Type != 7 || !strings.Contains(m.Content, "no longer in the review queue") || m.Components == nil || len(m.Components) != 0 {
			t.Errorf("second approve: %s", rs[0].Raw)
		}
	})

	t.Run("a moderator rejects over the HTTP endpoint", func(t *testing.T) {
		in := pressOn(t, bare, "Reject", fakediscord.Member("44", 0, modRole))
		s.fake.RegisterAnswered(in)
		resp, body := do(t, key.request(t, "http://"+addr, fakediscord.Marshal(in), time.Now()))
		var r response
		if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &r) != nil {
			t.Fatalf("status %d body %s", resp.StatusCode, body)
		}
		if p := fakediscord.CheckCallbackFor(body, 3); len(p) > 0 {
			t.Errorf("the update breaks Discord's rules: %v", p)
		}
		if r.Type != 7 || !strings.HasPrefix(r.Data.Content, "🚫 Rejected by <@44>") || r.Data.Components == nil || len(r.Data.Components) != 0 || len(r.Data.Embeds) != 1 {
			t.Errorf("reject: %s", body)
		}
		// The feed carries it again, with a new story: only the new one is proposed.
		web.setFeed(
			[2]string{"Harbour talks: a look back", "/history/harbour-talks"},
			[2]string{"Harbour talks: the next round", "/world/harbour-talks-next"},
		)
		reps, err := svc.Poll(ctx)
		if err != nil || len(reps) != 1 || len(reps[0].Queued) != 1 || !strings.HasSuffix(reps[0].Queued[0].URL, "/world/harbour-talks-next") {
			t.Errorf("poll after the reject: %+v, %v", reps, err)
		}
		if msgs, err := s.fake.WaitChannelMessages(reviewChannel, 3, 5*time.Second); err != nil || len(msgs) != 3 {
			t.Errorf("review posts after the second poll: %d, %v", len(msgs), err)
		}
	})
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

func TestReviewCustomID(t *testing.T) {
	tests := []struct {
		name, customID, action, id string
		ok                         bool
	}{
		{"approve", reviewCustomID(reviewApprove, "a1b2c3d4"), "approve", "a1b2c3d4", true},
		{"reject", reviewCustomID(reviewReject, "a1b2c3d4"), "reject", "a1b2c3d4", true},
		{"unknown action", "review:publish:a1b2c3d4", "", "", false},
		{"no id", "review:approve:", "", "", false},
		{"a paging button", "page:who-said:abc:1", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			action, id, ok := parseReviewCustomID(tt.customID)
			if action != tt.action || id != tt.id || ok != tt.ok || len(tt.customID) > maxCustomID {
				t.Errorf("parseReviewCustomID(%q) = %q, %q, %v", tt.customID, action, id, ok)
			}
		})
	}
}

// slowQueue is a feed.Manager whose Approve takes a while.
type slowQueue struct {
	fakeFeeds
	delay time.Duration
}

func (q *slowQueue) Approve(ctx context.Context, id string) (feed.Approved, error) {
	select {
	case <-time.After(q.delay):
	case <-ctx.Done():
		return feed.Approved{}, ctx.Err()
	}
	a := feed.Approved{Item: feed.Item{ID: id}}
	a.Added.Info.ID, a.Added.Info.Paragraphs, a.Added.Info.Quotes = "harbour-talks", 8, 2
	return a, nil
}

// TestSlowApprovalDefers: an approval slower than the deferral time is
// deferred as an update (type 6), then the message is edited in place.
func TestSlowApprovalDefers(t *testing.T) {
	t.Parallel()
	q := &slowQueue{delay: 300 * time.Millisecond}
	s := startServe(t, Config{GuildIDs: []string{modGuild}, Commands: append(DefaultCommands(), FeedCommand(q)), DeferAfter: 50 * time.Millisecond}, &fakeEngine{})
	in := fakediscord.Press(modGuild, "42", "9001", reviewCustomID(reviewApprove, "a1b2c3d4"))
	in["member"] = moderatorMember()
	rs := s.send(t, in, func(rs []fakediscord.Reply) bool { return len(rs) >= 2 })
	if rs[0].Type != 6 || rs[1].Kind != "edit" || rs[1].Message.Content != "✅ Approved by <@42>: added as `harbour-talks` (8 paragraphs, 2 quotes)." || rs[1].Message.Components == nil || len(rs[1].Message.Components) != 0 {
		t.Errorf("replies: %s then %s", rs[0].Raw, rs[1].Raw)
	}
	if v := s.fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}
