package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"summitbot/answer"
	"summitbot/config"
	"summitbot/feed"
)

// TestReviewPoster: with a review channel (or the moderation log's) and a
// token, each queued item's preview is posted there with its buttons;
// without either, nothing is posted.
func TestReviewPoster(t *testing.T) {
	var mu sync.Mutex
	posted := map[string][]string{} // channel → bodies
	discord := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		channel, ok := strings.CutPrefix(r.URL.Path, "/api/v9/channels/")
		channel, ok2 := strings.CutSuffix(channel, "/messages")
		if r.Method != http.MethodPost || !ok || !ok2 {
			http.NotFound(w, r)
			return
		}
		mu.Lock()
		posted[channel] = append(posted[channel], string(body))
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"1","channel_id":"`+channel+`"}`)
	}))
	defer discord.Close()
	preview := func(_ context.Context, id string) (feed.Preview, error) {
		return feed.Preview{Item: feed.Item{ID: id, Feed: "courier", URL: "https://example.org/harbour"},
			Article: answer.Added{Info: answer.ArticleInfo{Source: answer.Source{Title: "Harbour talks end"}, Paragraphs: 3, Quotes: 1}, Speakers: []string{"Sanna Kirov"}}}, nil
	}
	tests := []struct {
		name    string
		env     map[string]string
		channel string // where the item is posted; "" nowhere
	}{
		{"review channel", map[string]string{"REVIEW_CHANNEL_ID": "888", "MODLOG_CHANNEL_ID": "777"}, "888"},
		{"the moderation log's channel", map[string]string{"MODLOG_CHANNEL_ID": "777"}, "777"},
		{"no channel", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mu.Lock()
			clear(posted)
			mu.Unlock()
			env := map[string]string{"DISCORD_TOKEN": "tok", "DISCORD_APP_ID": "99", "DISCORD_API_BASE": discord.URL}
			for k, v := range tt.env {
				env[k] = v
			}
			cfg, err := config.Load(func(k string) (string, bool) { v, ok := env[k]; return v, ok }, "")
			if err != nil {
				t.Fatal(err)
			}
			onQueued, err := reviewPoster(context.Background(), cfg, nil, slog.New(slog.DiscardHandler), preview)
			if err != nil {
				t.Fatal(err)
			}
			if tt.channel == "" {
				if onQueued != nil {
					t.Error("a poster without a channel")
				}
				return
			}
			onQueued(feed.Item{ID: "a1b2c3d4"})
			mu.Lock()
			bodies := posted[tt.channel]
			mu.Unlock()
			var msg struct {
				Embeds []struct {
					Title string `json:"title"`
				} `json:"embeds"`
				Components []struct {
					Components []struct {
						CustomID string `json:"custom_id"`
					} `json:"components"`
				} `json:"components"`
			}
			if len(bodies) != 1 || json.Unmarshal([]byte(bodies[0]), &msg) != nil || len(msg.Embeds) != 1 || msg.Embeds[0].Title != "Harbour talks end" ||
				len(msg.Components) != 1 || len(msg.Components[0].Components) != 2 || msg.Components[0].Components[0].CustomID != "review:approve:a1b2c3d4" {
				t.Errorf("posted to %s: %q", tt.channel, bodies)
			}
		})
	}
}
