package fakediscord

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

type wsConn struct {
	ws  *websocket.Conn
	mu  sync.Mutex // serialises writes
	seq int
}

func (c *wsConn) send(op int, t string, d any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	frame := map[string]any{"op": op, "d": d}
	if op == 0 {
		c.seq++
		frame["t"], frame["s"] = t, c.seq
	}
	c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteJSON(frame)
}

// websocket speaks the gateway: HELLO, then IDENTIFY is checked and
// answered with READY; heartbeats are acknowledged.
func (f *Fake) websocket(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("v") != "9" || r.URL.Query().Get("encoding") != "json" {
		f.violate(w, http.StatusBadRequest, "gateway URL %q without ?v=9&encoding=json", r.URL.String())
		return
	}
	ws, err := f.up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &wsConn{ws: ws}
	defer ws.Close()
	if err := c.send(10, "", map[string]any{"heartbeat_interval": 45000}); err != nil {
		return
	}
	ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	var id struct {
		Op int      `json:"op"`
		D  Identify `json:"d"`
	}
	err = ws.ReadJSON(&id)
	if err == nil && id.Op == 6 {
		f.resume(c, id.D.Token)
		return
	}
	if err != nil || id.Op != 2 {
		f.record1("gateway: expected op 2 IDENTIFY first (got op %d, err %v)", id.Op, err)
		return
	}
	switch {
	case id.D.Token != "Bot "+f.Token:
		f.record1("gateway: IDENTIFY token is not \"Bot \" + the bot token")
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
		return
	case id.D.Shard != nil && (id.D.Shard[1] < 1 || id.D.Shard[0] < 0 || id.D.Shard[0] >= id.D.Shard[1]):
		f.record1("gateway: IDENTIFY shard %v is not [id, count] with 0 <= id < count", *id.D.Shard)
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4010, "Invalid shard."), time.Now().Add(time.Second))
		return
	case id.D.Intents&privilegedIntents != 0:
		f.record1("gateway: IDENTIFY asks for privileged intents %d", id.D.Intents&privilegedIntents)
		ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4014, "Disallowed intent(s)."), time.Now().Add(time.Second))
		return
	}
	ws.SetReadDeadline(time.Time{})
	err = c.send(0, "READY", map[string]any{
		"v":                  9,
		"session_id":         "fake-session",
		"resume_gateway_url": "ws" + strings.TrimPrefix(f.URL, "http") + "/gateway",
		"user":               map[string]any{"id": f.AppID, "username": "summitbot", "discriminator": "0", "bot": true},
		"guilds":             []any{},
		"application":        map[string]any{"id": f.AppID, "flags": 0},
	})
	if err != nil {
		return
	}
	f.mu.Lock()
	f.conn = c
	f.mu.Unlock()
	select {
	case f.identified <- id.D:
	default:
	}
	f.serveConn(c)
}

// serveConn acknowledges heartbeats until the connection ends.
func (f *Fake) serveConn(c *wsConn) {
	for {
		var frame struct {
			Op int `json:"op"`
		}
		if err := c.ws.ReadJSON(&frame); err != nil {
			break
		}
		if frame.Op == 1 {
			if err := c.send(11, "", nil); err != nil {
				break
			}
		}
	}
	f.mu.Lock()
	if f.conn == c {
		f.conn = nil
	}
	f.mu.Unlock()
}

// resume answers an op 6 RESUME (a session reconnecting after its
// connection dropped) with RESUMED.
func (f *Fake) resume(c *wsConn, token string) {
	if token != "Bot "+f.Token {
		f.record1("gateway: RESUME token is not \"Bot \" + the bot token")
		c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4004, "Authentication failed."), time.Now().Add(time.Second))
		return
	}
	c.ws.SetReadDeadline(time.Time{})
	if err := c.send(0, "RESUMED", map[string]any{}); err != nil {
		return
	}
	f.mu.Lock()
	f.conn = c
	f.resumes++
	f.mu.Unlock()
	f.serveConn(c)
}

// DropGateway breaks the gateway connection without a close frame, as a
// network failure would: the bot should reconnect and resume.
func (f *Fake) DropGateway() {
	f.mu.Lock()
	c := f.conn
	f.mu.Unlock()
	if c != nil {
		c.ws.NetConn().Close()
	}
}

// Resumes is how many times the bot resumed its gateway session.
func (f *Fake) Resumes() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.resumes
}

func (f *Fake) record1(format string, a ...any) {
	f.mu.Lock()
	f.violations = append(f.violations, fmt.Sprintf(format, a...))
	f.mu.Unlock()
}

// Send pushes an INTERACTION_CREATE over the gateway. It fills in the id,
// token, application id and version, and returns the interaction's id.
func (f *Fake) Send(in map[string]any) (string, error) {
	f.mu.Lock()
	c := f.conn
	f.mu.Unlock()
	if c == nil {
		return "", errors.New("fakediscord: no gateway connection")
	}
	id := f.register(in, false)
	return id, c.send(0, "INTERACTION_CREATE", in)
}

// Register fills in an interaction's id, token and application id and
// remembers it, so that callbacks and webhooks for it are accepted, for
// interactions delivered another way than Send. It returns the id.
func (f *Fake) Register(in map[string]any) string {
	return f.register(in, false)
}

// RegisterAnswered is Register for an interaction whose first response goes
// elsewhere (the HTTP endpoint's response body): webhooks for it are
// accepted at once.
func (f *Fake) RegisterAnswered(in map[string]any) string {
	return f.register(in, true)
}

func (f *Fake) register(in map[string]any, answered bool) string {
	id := f.newID()
	token := "itoken-" + id
	in["id"], in["token"], in["application_id"], in["version"] = id, token, f.AppID, 1
	f.mu.Lock()
	kind, _ := in["type"].(int)
	f.sent[token] = &sentInteraction{id: id, kind: kind, at: time.Now(), answered: answered}
	f.mu.Unlock()
	return id
}

// Member is the invoking member of a guild interaction: a user with the
// given permissions and roles.
func Member(userID string, permissions int64, roles ...string) map[string]any {
	if roles == nil {
		roles = []string{}
	}
	return map[string]any{
		"user":        map[string]any{"id": userID, "username": "user" + userID, "discriminator": "0"},
		"roles":       roles,
		"permissions": fmt.Sprint(permissions),
	}
}

// Slash is a slash command interaction (type 2) in a guild, with string
// options.
func Slash(guildID, name string, options ...[2]string) map[string]any {
	opts := []any{}
	for _, o := range options {
		opts = append(opts, map[string]any{"name": o[0], "type": 3, "value": o[1]})
	}
	return map[string]any{
		"type": 2, "guild_id": guildID, "channel_id": "2",
		"member": Member("42", 0),
		"data":   map[string]any{"id": "100", "name": name, "type": 1, "options": opts},
	}
}

// Autocomplete is an autocomplete interaction (type 4) with option being
// typed.
func Autocomplete(guildID, name, option, typed string) map[string]any {
	return map[string]any{
		"type": 4, "guild_id": guildID, "channel_id": "2",
		"member": Member("42", 0),
		"data": map[string]any{"id": "100", "name": name, "type": 1, "options": []any{
			map[string]any{"name": option, "type": 3, "value": typed, "focused": true},
		}},
	}
}

// MessageCommand is a message context-menu command (type 2, command type 3)
// on a message with the given content.
func MessageCommand(guildID, name, content string) map[string]any {
	const target = "777"
	return map[string]any{
		"type": 2, "guild_id": guildID, "channel_id": "2",
		"member": Member("42", 0),
		"data": map[string]any{
			"id": "101", "name": name, "type": 3, "target_id": target,
			"resolved": map[string]any{"messages": map[string]any{
				target: map[string]any{
					"id": target, "channel_id": "2", "content": content,
					"author":    map[string]any{"id": "43", "username": "someone", "discriminator": "0"},
					"embeds":    []any{},
					"timestamp": "2025-08-16T10:00:00.000000+00:00",
				},
			}},
		},
	}
}

// Press is a button press (type 3) by the member userID on the bot's
// message messageID that carries a button with customID.
func Press(guildID, userID, messageID, customID string) map[string]any {
	return map[string]any{
		"type": 3, "guild_id": guildID, "channel_id": "2",
		"member": Member(userID, 0),
		"message": map[string]any{
			"id": messageID, "channel_id": "2", "content": "", "embeds": []any{},
			"author":    map[string]any{"id": "99", "username": "summitbot", "discriminator": "0", "bot": true},
			"timestamp": "2025-08-16T10:00:00.000000+00:00",
		},
		"data": map[string]any{"custom_id": customID, "component_type": 2},
	}
}

// Marshal is an interaction as Discord would send it.
func Marshal(in map[string]any) []byte {
	b, err := json.Marshal(in)
	if err != nil {
		panic(err) // maps of plain values always marshal
	}
	return b
}
