package modlog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
	"summitbot/index"
)

// fakeModerator succeeds with added (or fails with err).
type fakeModerator struct {
	added answer.Added
	err   error
}

func (f fakeModerator) AddArticle(context.Context, string, []byte) (answer.Added, error) {
	return f.added, f.err
}
func (f fakeModerator) AddURL(context.Context, string) (answer.Added, error) { return f.added, f.err }
func (f fakeModerator) RemoveArticle(context.Context, string) error          { return f.err }
func (f fakeModerator) Reindex(context.Context, func(answer.Progress)) (answer.Stats, error) {
	return answer.Stats{Articles: 6, Paragraphs: 120, Quotes: 40}, f.err
}
func (f fakeModerator) Sources() []answer.ArticleInfo {
	return []answer.ArticleInfo{{Source: answer.Source{ID: "harbour", Title: "Harbour talks", URL: "https://example.org/harbour"}}}
}

// poster records the embeds it is given.
type poster struct {
	mu     sync.Mutex
	embeds []*discordgo.MessageEmbed
	err    error
}

func (p *poster) PostEmbed(_ context.Context, channel string, e *discordgo.MessageEmbed) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if channel != "777" {
		return errors.New("wrong channel " + channel)
	}
	p.embeds = append(p.embeds, e)
	return p.err
}

func TestModeratorRecordsEveryChange(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "modlog.jsonl")
	p := &poster{}
	l, err := Open(path, Options{Poster: p, ChannelID: "777"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := answer.WithActor(context.Background(), answer.Actor{Via: "discord", Name: "mod", UserID: "42", GuildID: "500"})
	info := answer.ArticleInfo{Source: answer.Source{ID: "harbour", Title: "Harbour talks", URL: "https://example.org/harbour"}}
	l.Moderator(fakeModerator{added: answer.Added{Info: info}}).AddURL(ctx, "https://example.org/harbour")
	l.Moderator(fakeModerator{added: answer.Added{Info: info, Updated: true}}).AddArticle(ctx, "harbour.md", nil)
	l.Moderator(fakeModerator{err: errors.New("refused: 10.0.0.1 is a private address")}).AddURL(context.Background(), "http://10.0.0.1/")
	l.Moderator(fakeModerator{}).RemoveArticle(ctx, "harbour")
	l.Moderator(fakeModerator{err: index.ErrNotFound}).RemoveArticle(ctx, "nothing")
	l.Moderator(fakeModerator{}).Reindex(answer.WithActor(context.Background(), answer.Actor{Via: "command line", Name: "root", UserID: "0"}), nil)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}

	got, skipped, err := Read(path)
	if err != nil || skipped != 0 {
		t.Fatalf("read: %v, %d skipped", err, skipped)
	}
	tests := []struct {
		name                          string
		action, id, url, file, result string
		via                           string
	}{
		{"add from a link", ActionAdd, "harbour", "https://example.org/harbour", "", ResultOK, "discord"},
		{"update from a file", ActionUpdate, "harbour", "https://example.org/harbour", "harbour.md", ResultOK, "discord"},
		{"refused add, actor unknown", ActionAdd, "", "http://10.0.0.1/", "", ResultFailed, "unknown"},
		{"remove, title looked up first", ActionRemove, "harbour", "https://example.org/harbour", "", ResultOK, "discord"},
		{"remove of no article", ActionRemove, "nothing", "", "", ResultFailed, "discord"},
		{"reindex from the command line", ActionReindex, "", "", "", ResultOK, "command line"},
	}
	if len(got) != len(tests) {
		t.Fatalf("%d entries, want %d: %+v", len(got), len(tests), got)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := got[i]
			if e.Action != tt.action || e.ArticleID != tt.id || e.URL != tt.url || e.File != tt.file || e.Result != tt.result || e.Who.Via != tt.via {
				t.Errorf("entry %+v", e)
			}
			if e.Time.IsZero() || time.Since(e.Time) > time.Minute {
				t.Errorf("time %v", e.Time)
			}
			if (e.Error != "") != (tt.result == ResultFailed) {
				t.Errorf("error %q with result %s", e.Error, e.Result)
			}
		})
	}
	if got[0].Who.UserID != "42" || got[0].Who.GuildID != "500" || got[0].Title != "Harbour talks" {
		t.Errorf("who and title: %+v", got[0])
	}
	if got[5].Articles != 6 || got[5].Paragraphs != 120 || got[5].Quotes != 40 {
		t.Errorf("reindex counts: %+v", got[5])
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.embeds) != len(tests) {
		t.Fatalf("%d embeds posted, want %d", len(p.embeds), len(tests))
	}
	if p.embeds[0].Title != "Article added" || p.embeds[2].Title != "Article add failed" || p.embeds[3].Title != "Article removed" {
		t.Errorf("embed titles %q %q %q", p.embeds[0].Title, p.embeds[2].Title, p.embeds[3].Title)
	}
}

// The file is only appended to: a second process (a restart, a replica)
// adds its lines after the first's, and a line cut short by a crash is
// skipped when reading.
func TestAppendOnlyAcrossOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "modlog.jsonl")
	first, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	second, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := first
			if i%2 == 1 {
				l = second
			}
			if err := l.Record(Entry{Action: ActionAdd, ArticleID: strings.Repeat("x", 100+i), Result: ResultOK}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	first.Close()
	second.Close()
	// A crash in the middle of a line.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"time":"2025-08-16T10:00:00Z","action":"rem`)
	f.Close()
	third, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	third.Record(Entry{Action: ActionReindex, Result: ResultOK})
	third.Close()

	got, skipped, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	// The torn line is skipped; the entry after it has a line of its own.
	if len(got) != 51 || skipped != 1 || got[50].Action != ActionReindex {
		t.Errorf("%d entries, %d skipped; want 51 (the last a reindex) and 1", len(got), skipped)
	}
	if got, _, err := Read(filepath.Join(t.TempDir(), "none.jsonl")); err != nil || len(got) != 0 {
		t.Errorf("a missing log: %v %v", got, err)
	}
}

func TestEmbed(t *testing.T) {
	at := time.Date(2025, 8, 16, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name        string
		e           Entry
		title       string
		colour      int
		fieldsHave  []string // "Name: value" substrings
		fieldsLack  []string
		footerStart string
	}{
		{
			name:  "add by a member",
			e:     Entry{Time: at, Action: ActionAdd, Who: answer.Actor{Via: "discord", Name: "mod_*one*", UserID: "42"}, ArticleID: "harbour", Title: "Talks **end**", URL: "https://example.org/harbour", Result: ResultOK, TookMS: 1500, Host: "replica-1"},
			title: "Article added", colour: colourAdd,
			fieldsHave:  []string{`By: <@42> (mod\_\*one\*)`, "Article: `harbour` Talks \\*\\*end\\*\\*", "Link: https://example.org/harbour"},
			footerStart: "took 1.5s · replica-1",
		},
		{
			name:  "failed removal from the command line",
			e:     Entry{Time: at, Action: ActionRemove, Who: answer.Actor{Via: "command line", Name: "root", UserID: "0"}, ArticleID: "x", Result: ResultFailed, Error: "index: no such article"},
			title: "Article removal failed", colour: colourFailure,
			fieldsHave:  []string{"By: root (command line)", "Error: index: no such article"},
			footerStart: "took 0s",
		},
		{
			name:  "reindex",
			e:     Entry{Time: at, Action: ActionReindex, Who: answer.Actor{Via: "discord", UserID: "42"}, Result: ResultOK, Articles: 3, Paragraphs: 30, Quotes: 9},
			title: "Index rebuilt", colour: colourUpdate,
			fieldsHave: []string{"Index: 3 articles, 30 paragraphs, 9 quotes"},
			fieldsLack: []string{"Article:"},
		},
		{
			name:  "a mention in a title is escaped",
			e:     Entry{Time: at, Action: ActionUpdate, Who: answer.Actor{Via: "discord", UserID: "42"}, ArticleID: "a", Title: "@everyone look", Result: ResultOK},
			title: "Article updated", colour: colourUpdate,
			fieldsHave: []string{"Article: `a` \\@everyone look"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			em := Embed(tt.e)
			if em.Title != tt.title || em.Color != tt.colour || em.Timestamp != "2025-08-16T10:00:00Z" {
				t.Errorf("title %q colour %x time %q", em.Title, em.Color, em.Timestamp)
			}
			var fields []string
			for _, f := range em.Fields {
				fields = append(fields, f.Name+": "+f.Value)
			}
			all := strings.Join(fields, "\n")
			for _, s := range tt.fieldsHave {
				if !strings.Contains(all, s) {
					t.Errorf("%q not in fields:\n%s", s, all)
				}
			}
			for _, s := range tt.fieldsLack {
				if strings.Contains(all, s) {
					t.Errorf("%q in fields:\n%s", s, all)
				}
			}
			if em.Footer == nil || !strings.HasPrefix(em.Footer.Text, tt.footerStart) {
				t.Errorf("footer %+v", em.Footer)
			}
		})
	}
}
