package bot

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
)

// Paging: an answer with more results than one page shows carries "More"
// and "Back" buttons, a who-said miss with close quotes a "Show closest"
// button. A button's custom_id names the command, an entry of the page
// store (the question and who asked it) and the page it shows. A press
// asks the question again for that page and edits the message in place.
// Entries expire after the page TTL; the buttons are then removed.

const (
	// DefaultPageTTL is how long an answer can be paged.
	DefaultPageTTL = 10 * time.Minute
	// MaxPageTTL leaves time to remove the buttons before the reply's
	// token expires (15 minutes).
	MaxPageTTL = 14 * time.Minute
	// maxPaged is how many pageable answers are remembered at once: the
	// oldest goes first (its buttons are removed) when more are made.
	maxPaged = 2000
	// maxFetch is the most results a paged question asks for (the engine's
	// own limit).
	maxFetch = 25
	// pagePrefix starts the custom_id of every paging button.
	pagePrefix = "page:"
)

// pager asks one command's question and renders a page of its answer: the
// first reply, and every page a button asks for.
type pager struct {
	command string // the command row's name, as custom ids carry it
	run     func(answer.Querier, context.Context, string, int) (answer.Answer, error)
	miss    string // the reply when nothing matched, with %s for the query
}

// reply asks text and renders page n. id is the paging entry; "" on the
// first reply, when a new entry is made if the answer has more to show.
func (p *pager) reply(ctx context.Context, d Deps, in *discordgo.Interaction, text string, n int, id string) (*discordgo.InteractionResponse, error) {
	size := max(1, min(d.Limit, maxEmbeds))
	want := size + 1
	if n > 0 {
		want = (n+1)*size + 1
	}
	ans, err := p.run(d.Engine, ctx, text, min(want, maxFetch))
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", p.command, text, err)
	}
	more := found(ans) && len(ans.Results) > size || !found(ans) && len(ans.Closest) > 0
	if id == "" && more && d.Pages != nil {
		if u := invoker(in); u != nil {
			id = d.Pages.add(p.command, text, u.ID)
		}
	}
	pg := page{command: p.command, query: text, number: n, size: size, id: id}
	if !found(ans) {
		msg := p.miss
		if strings.Contains(msg, "%s") {
			msg = fmt.Sprintf(msg, shown(text))
		}
		return missReply(ans, msg, pg), nil
	}
	return answerReply(ans, pg), nil
}

// press answers a paging button: only for the member who asked, while the
// entry lives, by asking again and editing the message (type 7).
func (s *service) press(cmd Command, id string, n int) Handler {
	return func(ctx context.Context, d Deps, in *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
		e, ok := s.pages.get(id)
		if !ok {
			return nil, inputErrorf("This answer has expired: answers can be paged for %s after they are asked. Ask again with %s.", durationText(s.pages.ttl), invocation(cmd))
		}
		if u := invoker(in); u == nil || u.ID != e.owner {
			return nil, inputErrorf("Only the member who asked can page this answer: ask your own with %s.", invocation(cmd))
		}
		resp, err := cmd.pager.reply(ctx, d, in, e.query, n, id)
		if err != nil {
			return nil, err
		}
		resp.Type = discordgo.InteractionResponseUpdateMessage
		resp.Data.Flags = 0
		if resp.Data.Components == nil {
			resp.Data.Components = []discordgo.MessageComponent{}
		}
		return resp, nil
	}
}

// invocation is how a member asks a command: "/who-said", or the message
// command's name and where to find it.
func invocation(c Command) string {
	if commandType(c.Definition.Type) == discordgo.ChatApplicationCommand {
		return "/" + c.Definition.Name
	}
	return "“" + c.Definition.Name + "” (right-click a message, Apps)"
}

// durationText is a duration in words: "10 minutes", "30 s".
func durationText(d time.Duration) string {
	if d >= time.Minute && d%time.Minute == 0 {
		if d == time.Minute {
			return "1 minute"
		}
		return fmt.Sprintf("%d minutes", d/time.Minute)
	}
	return fmt.Sprintf("%d s", int((d+time.Second-1)/time.Second))
}

// pageButton is a button showing page n (closestPage: the closest quotes).
func pageButton(label, command, id string, n int, style discordgo.ButtonStyle) discordgo.MessageComponent {
	return discordgo.Button{Label: label, Style: style, CustomID: pageCustomID(command, id, n)}
}

// buttonRow is a message's components: one row with the buttons, or none
// (an empty list, which removes earlier buttons when a message is edited).
func buttonRow(buttons []discordgo.MessageComponent) []discordgo.MessageComponent {
	if len(buttons) == 0 {
		return []discordgo.MessageComponent{}
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: buttons}}
}

// pageCustomID is "page:<command>:<entry>:<page>", page "closest" for the
// closest quotes; it stays far below Discord's 100 characters.
func pageCustomID(command, id string, n int) string {
	p := strconv.Itoa(n)
	if n == closestPage {
		p = "closest"
	}
	return pagePrefix + command + ":" + id + ":" + p
}

// parsePageCustomID undoes pageCustomID.
func parsePageCustomID(s string) (command, id string, n int, ok bool) {
	rest, ok := strings.CutPrefix(s, pagePrefix)
	if !ok {
		return "", "", 0, false
	}
	j := strings.LastIndexByte(rest, ':')
	if j < 0 {
		return "", "", 0, false
	}
	i := strings.LastIndexByte(rest[:j], ':')
	if i <= 0 {
		return "", "", 0, false
	}
	command, id, p := rest[:i], rest[i+1:j], rest[j+1:]
	if p == "closest" {
		return command, id, closestPage, id != ""
	}
	n, err := strconv.Atoi(p)
	if err != nil || n < 0 || n > maxFetch || id == "" {
		return "", "", 0, false
	}
	return command, id, n, true
}

// pageEntryID is the paging entry a reply's buttons name, or "".
func pageEntryID(resp *discordgo.InteractionResponse) string {
	if resp == nil || resp.Data == nil {
		return ""
	}
	for _, c := range resp.Data.Components {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, b := range row.Components {
			if btn, ok := b.(discordgo.Button); ok {
				if _, id, _, ok := parsePageCustomID(btn.CustomID); ok {
					return id
				}
			}
		}
	}
	return ""
}

// pageStore remembers the pageable answers: bounded in number, each for
// the TTL, after which expire is called (from the entry's timer) so that
// its buttons can be removed.
type pageStore struct {
	ttl    time.Duration
	max    int
	expire func(pageEntry)

	mu     sync.Mutex
	byID   map[string]*pageEntry
	order  []*pageEntry // oldest first
	closed bool
}

// pageEntry is one pageable answer.
type pageEntry struct {
	id, command, query, owner string
	// in is the interaction whose reply carries the buttons, and shown what
	// the reply shows now: the buttons are removed by editing it.
	in    *discordgo.Interaction
	shown *discordgo.InteractionResponseData
	timer *time.Timer
}

func newPageStore(ttl time.Duration, max int, expire func(pageEntry)) *pageStore {
	return &pageStore{ttl: ttl, max: max, expire: expire, byID: map[string]*pageEntry{}}
}

// add remembers a question and returns its id; "" once the store is closed.
func (p *pageStore) add(command, query, owner string) string {
	id := newPageID()
	e := &pageEntry{id: id, command: command, query: query, owner: owner}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return ""
	}
	for len(p.byID) >= p.max && len(p.order) > 0 {
		old := p.order[0]
		p.order = p.order[1:]
		if p.byID[old.id] == old {
			delete(p.byID, old.id)
			if old.timer.Stop() {
				go p.expire(old.copy())
			}
		}
	}
	p.byID[id] = e
	p.order = append(p.order, e)
	e.timer = time.AfterFunc(p.ttl, func() { p.timeout(e) })
	return id
}

func (p *pageStore) timeout(e *pageEntry) {
	p.mu.Lock()
	if p.byID[e.id] == e {
		delete(p.byID, e.id)
	}
	for len(p.order) > 0 && p.byID[p.order[0].id] != p.order[0] {
		p.order = p.order[1:]
	}
	c := e.copy()
	p.mu.Unlock()
	p.expire(c)
}

// copy is the entry's values, for use outside the lock.
func (e *pageEntry) copy() pageEntry {
	return pageEntry{id: e.id, command: e.command, query: e.query, owner: e.owner, in: e.in, shown: e.shown}
}

// get finds a live entry.
func (p *pageStore) get(id string) (pageEntry, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.byID[id]
	if !ok {
		return pageEntry{}, false
	}
	return e.copy(), true
}

// shown records what an entry's message shows now; in is the interaction
// whose reply it is, set by the first reply (presses give nil).
func (p *pageStore) shown(id string, in *discordgo.Interaction, data *discordgo.InteractionResponseData) {
	p.mu.Lock()
	defer p.mu.Unlock()
	e, ok := p.byID[id]
	if !ok {
		return
	}
	if e.in == nil && in != nil {
		e.in = in
	}
	d := *data
	e.shown = &d
}

// close stops every timer: at shutdown the buttons stay, and a press after
// a restart says that the answer has expired.
func (p *pageStore) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	for _, e := range p.byID {
		e.timer.Stop()
	}
}

// newPageID is a random id, so that a button from before a restart never
// names another question.
func newPageID() string {
	var b [10]byte
	rand.Read(b[:])
	return strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

// removeButtons edits an expired answer's message to show the same page
// without buttons.
func (s *service) removeButtons(e pageEntry) {
	if e.in == nil || e.shown == nil || s.rest == nil || strings.TrimSpace(s.appID(e.in)) == "" {
		return
	}
	d := *e.shown
	d.Components = []discordgo.MessageComponent{}
	ctx, cancel := context.WithTimeout(s.base, sendTimeout)
	defer cancel()
	if err := s.editOriginal(ctx, e.in, &d); err != nil {
		s.log.LogAttrs(ctx, slog.LevelWarn, "paging buttons not removed", append(interactionAttrs(e.in), slog.Any("err", err))...)
	}
}
