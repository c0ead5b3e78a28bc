package fakediscord

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// ChannelMessage is a message the bot posted in a channel
// (POST /channels/{id}/messages).
type ChannelMessage struct {
	ChannelID string
	Message   Message
	Raw       json.RawMessage
}

var snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)

// postChannelMessage accepts a channel message from the bot: the bot token,
// a channel id, and a message within Discord's limits that mentions nobody.
// A channel given to RateLimitChannel answers its next message 429 once.
func (f *Fake) postChannelMessage(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	channel := r.PathValue("channel")
	if !f.authorized(r) {
		f.violate(w, http.StatusUnauthorized, "channel message without the bot token")
		return
	}
	if !snowflake.MatchString(channel) {
		f.violate(w, http.StatusNotFound, "channel message to %q, which is not a channel id", channel)
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		f.violate(w, http.StatusBadRequest, "channel message with content type %q (want application/json)", ct)
		return
	}
	var problems []string
	problems = append(problems, CheckMessage(body, false)...)
	var m Message
	json.Unmarshal(body, &m)
	if len(problems) > 0 {
		f.violate(w, http.StatusBadRequest, "channel message: %s", strings.Join(problems, "; "))
		return
	}
	f.mu.Lock()
	limited := f.rateLimited[channel]
	delete(f.rateLimited, channel)
	f.mu.Unlock()
	if limited {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Retry-After", "0.05")
		w.Header().Set("X-RateLimit-Scope", "user")
		w.WriteHeader(http.StatusTooManyRequests)
		json.NewEncoder(w).Encode(map[string]any{"message": "You are being rate limited.", "retry_after": 0.05, "global": false})
		return
	}
	f.mu.Lock()
	f.channelMessages = append(f.channelMessages, ChannelMessage{ChannelID: channel, Message: m, Raw: body})
	close(f.changed)
	f.changed = make(chan struct{})
	f.mu.Unlock()
	writeJSON(w, map[string]any{"id": f.newID(), "type": 0, "channel_id": channel, "content": m.Content, "embeds": m.Embeds})
}

// RateLimitChannel makes the next message to channel answer 429 (with a
// short retry_after), as Discord does when a bot posts too fast.
func (f *Fake) RateLimitChannel(channel string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rateLimited[channel] = true
}

// ChannelMessages returns the messages posted in a channel so far.
func (f *Fake) ChannelMessages(channel string) []ChannelMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []ChannelMessage
	for _, m := range f.channelMessages {
		if m.ChannelID == channel {
			out = append(out, m)
		}
	}
	return out
}

// WaitChannelMessages waits until a channel has at least n messages.
func (f *Fake) WaitChannelMessages(channel string, n int, timeout time.Duration) ([]ChannelMessage, error) {
	deadline := time.After(timeout)
	for {
		f.mu.Lock()
		changed := f.changed
		f.mu.Unlock()
		ms := f.ChannelMessages(channel)
		if len(ms) >= n {
			return ms, nil
		}
		select {
		case <-changed:
		case <-deadline:
			return ms, fmt.Errorf("fakediscord: channel %s: %d messages after %s, want %d; violations: %v", channel, len(ms), timeout, n, f.Violations())
		}
	}
}
