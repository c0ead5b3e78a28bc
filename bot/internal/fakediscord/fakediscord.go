package fakediscord

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Privileged gateway intents: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT.
const privilegedIntents = 1<<1 | 1<<8 | 1<<15

// Fake is a running fake Discord.
type Fake struct {
	// URL is the base to give the bot as DISCORD_API_BASE.
	URL string
	// Token is the bot token the fake accepts (without "Bot ").
	Token string
	// AppID is the application's id.
	AppID string
	// Deadline is how long after an interaction is sent its first response
	// is accepted (Discord: 3 s).
	Deadline time.Duration

	srv    *httptest.Server
	up     websocket.Upgrader
	nextID atomic.Int64

	mu         sync.Mutex
	commands   map[string][]Command // by guild id, "" = global
	puts       int
	violations []string
	identified chan Identify
	conn       *wsConn
	sent       map[string]*sentInteraction // by interaction token
	replies    []Reply
	changed    chan struct{} // closed and replaced on every new reply or channel message

	channelMessages []ChannelMessage
	rateLimited     map[string]bool // channels whose next message gets 429
	resumes         int
}

// Command is a registered command as the bot sent it.
type Command = map[string]any

// Identify is what the bot sent in its op 2 IDENTIFY.
type Identify struct {
	Token   string `json:"token"`
	Intents int64  `json:"intents"`
	// Shard is [shard id, shard count] when the bot runs as shards.
	Shard *[2]int `json:"shard"`
}

// Reply is one request a bot made about an interaction.
type Reply struct {
	// Kind is "callback", "edit", "followup" or "delete".
	Kind          string
	InteractionID string
	// Type is the callback type (callbacks only).
	Type int
	// Message is the message the reply carries: a callback's data, or an
	// edit's or follow-up's body.
	Message Message
	// Choices are an autocomplete result's suggestions.
	Choices []Choice
	// After is the time since the interaction was sent.
	After time.Duration
	// Raw is the request body.
	Raw json.RawMessage
}

// Message is the part of a message the fake checks and tests read.
type Message struct {
	Content         string          `json:"content"`
	Flags           int             `json:"flags"`
	Embeds          []Embed         `json:"embeds"`
	AllowedMentions json.RawMessage `json:"allowed_mentions"`
	// Components are the message's rows of buttons; nil when the body had
	// none (an edit then keeps them), empty when it removes them.
	Components []Component `json:"components"`
}

// Component is an action row (type 1, with Components) or a button
// (type 2).
type Component struct {
	Type       int         `json:"type"`
	Style      int         `json:"style,omitempty"`
	Label      string      `json:"label,omitempty"`
	CustomID   string      `json:"custom_id,omitempty"`
	URL        string      `json:"url,omitempty"`
	Components []Component `json:"components,omitempty"`
}

// Buttons are the message's buttons, row by row.
func (m Message) Buttons() []Component {
	var out []Component
	for _, row := range m.Components {
		out = append(out, row.Components...)
	}
	return out
}

// Button finds a button by its label.
func (m Message) Button(label string) (Component, bool) {
	for _, b := range m.Buttons() {
		if b.Label == label {
			return b, true
		}
	}
	return Component{}, false
}

// Ephemeral reports whether flag 64 is set.
func (m Message) Ephemeral() bool { return m.Flags&64 != 0 }

// Embed is a message embed.
type Embed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	Author      *struct {
		Name string `json:"name"`
	} `json:"author"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Fields []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

// AuthorName is the embed author's name, or "".
func (e Embed) AuthorName() string {
	if e.Author == nil {
		return ""
	}
	return e.Author.Name
}

// Choice is an autocomplete suggestion.
type Choice struct {
	Name  string `json:"name"`
	Value any    `json:"value"`
}

type sentInteraction struct {
	id       string
	kind     int // the interaction type: 2 command, 3 component, 4 autocomplete
	at       time.Time
	answered bool
	deferred bool
	deleted  bool
}

// New starts a fake Discord; it stops when the test ends.
func New(tb interface {
	Cleanup(func())
	Helper()
}, token, appID string) *Fake {
	tb.Helper()
	f := &Fake{
		Token:      token,
		AppID:      appID,
		Deadline:   3 * time.Second,
		commands:   map[string][]Command{},
		identified: make(chan Identify, 1),
		sent:       map[string]*sentInteraction{},
		changed:    make(chan struct{}),

		rateLimited: map[string]bool{},
	}
	f.nextID.Store(1_000_000_000_000_000)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v9/gateway", f.gateway)
	mux.HandleFunc("GET /gateway/", f.websocket)
	mux.HandleFunc("GET /api/v9/applications/{app}/commands", f.getCommands)
	mux.HandleFunc("PUT /api/v9/applications/{app}/commands", f.putCommands)
	mux.HandleFunc("PUT /api/v9/applications/{app}/guilds/{guild}/commands", f.putCommands)
	mux.HandleFunc("POST /api/v9/interactions/{id}/{token}/callback", f.callback)
	mux.HandleFunc("PATCH /api/v9/webhooks/{app}/{token}/messages/@original", f.webhook("edit"))
	mux.HandleFunc("DELETE /api/v9/webhooks/{app}/{token}/messages/@original", f.webhook("delete"))
	mux.HandleFunc("POST /api/v9/webhooks/{app}/{token}", f.webhook("followup"))
	mux.HandleFunc("POST /api/v9/channels/{channel}/messages", f.postChannelMessage)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		f.violate(w, http.StatusNotFound, "unexpected request %s %s", r.Method, r.URL.Path)
	})
	f.srv = httptest.NewServer(mux)
	f.URL = f.srv.URL
	tb.Cleanup(f.Close)
	return f
}

// Close stops the fake.
func (f *Fake) Close() {
	f.mu.Lock()
	c := f.conn
	f.mu.Unlock()
	if c != nil {
		c.ws.Close()
	}
	f.srv.CloseClientConnections()
	f.srv.Close()
}

// Violations are the rules the bot broke so far, in order.
func (f *Fake) Violations() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.violations...)
}

// Commands returns the commands registered for a guild ("" = global) and
// how many bulk overwrites there were in all.
func (f *Fake) Commands(guild string) ([]Command, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.commands[guild], f.puts
}

// SeedCommands registers commands for a guild ("" = global) as an earlier
// run of the bot would have, without counting an overwrite.
func (f *Fake) SeedCommands(guild string, cmds []Command) {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Command, len(cmds))
	for i, c := range cmds {
		c2 := Command{"id": f.newID(), "application_id": f.AppID, "version": "1"}
		for k, v := range c {
			c2[k] = v
		}
		out[i] = c2
	}
	f.commands[guild] = out
}

// Identified waits for the bot's IDENTIFY.
func (f *Fake) Identified(timeout time.Duration) (Identify, error) {
	select {
	case id := <-f.identified:
		f.identified <- id
		return id, nil
	case <-time.After(timeout):
		return Identify{}, fmt.Errorf("fakediscord: no IDENTIFY within %s", timeout)
	}
}

func (f *Fake) violate(w http.ResponseWriter, code int, format string, a ...any) {
	msg := fmt.Sprintf(format, a...)
	f.mu.Lock()
	f.violations = append(f.violations, msg)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"code": 50035, "message": msg})
}

func (f *Fake) authorized(r *http.Request) bool {
	return r.Header.Get("Authorization") == "Bot "+f.Token
}

func (f *Fake) gateway(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, map[string]string{"url": "ws" + strings.TrimPrefix(f.URL, "http") + "/gateway"})
}

// commandsAllowed checks a commands request's token and application,
// answering the violation when they are wrong.
func (f *Fake) commandsAllowed(w http.ResponseWriter, r *http.Request) bool {
	if !f.authorized(r) {
		f.violate(w, http.StatusUnauthorized, "%s commands without the bot token", r.Method)
		return false
	}
	if r.PathValue("app") != f.AppID {
		f.violate(w, http.StatusForbidden, "%s commands for application %q, not %q", r.Method, r.PathValue("app"), f.AppID)
		return false
	}
	return true
}

func (f *Fake) getCommands(w http.ResponseWriter, r *http.Request) {
	if !f.commandsAllowed(w, r) {
		return
	}
	f.mu.Lock()
	out := append([]Command{}, f.commands[""]...)
	f.mu.Unlock()
	writeJSON(w, out)
}

func (f *Fake) putCommands(w http.ResponseWriter, r *http.Request) {
	if !f.commandsAllowed(w, r) {
		return
	}
	body, _ := io.ReadAll(r.Body)
	var cmds []Command
	if err := json.Unmarshal(body, &cmds); err != nil {
		f.violate(w, http.StatusBadRequest, "commands body is not a JSON array: %v", err)
		return
	}
	if problems := ValidateCommands(cmds); len(problems) > 0 {
		f.violate(w, http.StatusBadRequest, "invalid commands: %s", strings.Join(problems, "; "))
		return
	}
	guild := r.PathValue("guild")
	out := make([]Command, len(cmds))
	for i, c := range cmds {
		c2 := Command{}
		for k, v := range c {
			c2[k] = v
		}
		c2["id"] = f.newID()
		c2["application_id"] = f.AppID
		if guild != "" {
			c2["guild_id"] = guild
		}
		c2["version"] = "1"
		out[i] = c2
	}
	f.mu.Lock()
	f.commands[guild] = out
	f.puts++
	f.mu.Unlock()
	writeJSON(w, out)
}

func (f *Fake) newID() string { return strconv.FormatInt(f.nextID.Add(1), 10) }

func (f *Fake) callback(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	f.mu.Lock()
	si := f.sent[r.PathValue("token")]
	f.mu.Unlock()
	if si == nil || si.id != r.PathValue("id") {
		f.violate(w, http.StatusNotFound, "callback for an unknown interaction")
		return
	}
	after := time.Since(si.at)
	var resp struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		f.violate(w, http.StatusBadRequest, "callback is not JSON: %v", err)
		return
	}
	reply := Reply{Kind: "callback", InteractionID: si.id, Type: resp.Type, After: after, Raw: body}
	problems := CheckCallbackFor(body, si.kind)
	f.mu.Lock()
	switch {
	case after > f.Deadline:
		problems = append(problems, fmt.Sprintf("first response after %s (Discord allows %s): Unknown interaction", after.Round(time.Millisecond), f.Deadline))
	case si.answered:
		problems = append(problems, "interaction has already been acknowledged")
	}
	if len(problems) == 0 {
		si.answered = true
		si.deferred = resp.Type == 5 || resp.Type == 6
	}
	f.mu.Unlock()
	if len(problems) > 0 {
		f.violate(w, http.StatusBadRequest, "callback: %s", strings.Join(problems, "; "))
		return
	}
	if resp.Type == 8 {
		var d struct {
			Choices []Choice `json:"choices"`
		}
		json.Unmarshal(resp.Data, &d)
		reply.Choices = d.Choices
	} else if len(resp.Data) > 0 {
		json.Unmarshal(resp.Data, &reply.Message)
	}
	f.record(reply)
	w.WriteHeader(http.StatusNoContent)
}

func (f *Fake) webhook(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
		if r.PathValue("app") != f.AppID {
			f.violate(w, http.StatusNotFound, "%s for application %q, not %q", kind, r.PathValue("app"), f.AppID)
			return
		}
		f.mu.Lock()
		si := f.sent[r.PathValue("token")]
		var problems []string
		switch {
		case si == nil:
			problems = append(problems, "unknown webhook token")
		case !si.answered:
			problems = append(problems, "the interaction has not been acknowledged yet")
		case si.deleted && kind != "followup":
			problems = append(problems, "the original message was deleted")
		}
		f.mu.Unlock()
		reply := Reply{Kind: kind, Raw: body}
		if si != nil {
			reply.InteractionID, reply.After = si.id, time.Since(si.at)
		}
		if kind != "delete" {
			problems = append(problems, CheckMessage(body, kind == "followup")...)
			json.Unmarshal(body, &reply.Message)
		}
		if len(problems) > 0 {
			f.violate(w, http.StatusBadRequest, "%s: %s", kind, strings.Join(problems, "; "))
			return
		}
		if kind == "delete" {
			f.mu.Lock()
			si.deleted = true
			f.mu.Unlock()
		}
		f.record(reply)
		if kind == "delete" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		writeJSON(w, map[string]any{"id": f.newID(), "type": 20, "content": reply.Message.Content, "channel_id": "1"})
	}
}

func (f *Fake) record(r Reply) {
	f.mu.Lock()
	f.replies = append(f.replies, r)
	close(f.changed)
	f.changed = make(chan struct{})
	f.mu.Unlock()
}

// Replies returns the replies to an interaction so far.
func (f *Fake) Replies(interactionID string) []Reply {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Reply
	for _, r := range f.replies {
		if r.InteractionID == interactionID {
			out = append(out, r)
		}
	}
	return out
}

// WaitReplies waits until an interaction has at least n replies for which
// done (if not nil) holds, and returns them all.
func (f *Fake) WaitReplies(interactionID string, done func([]Reply) bool, timeout time.Duration) ([]Reply, error) {
	deadline := time.After(timeout)
	for {
		f.mu.Lock()
		changed := f.changed
		f.mu.Unlock()
		rs := f.Replies(interactionID)
		if len(rs) > 0 && (done == nil || done(rs)) {
			return rs, nil
		}
		select {
		case <-changed:
		case <-deadline:
			return rs, fmt.Errorf("fakediscord: interaction %s: replies %d after %s; violations: %v", interactionID, len(rs), timeout, f.Violations())
		}
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}
