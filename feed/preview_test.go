package feed

import (
	"context"
	"errors"
	"slices"
	"sync"
	"testing"
)

// TestPreviewOfQueuedItems: each item put in the queue is handed to
// OnQueued, and Preview tells what was understood of its article (title,
// outlet, date, paragraphs, quotes, speakers) without adding it.
func TestPreviewOfQueuedItems(t *testing.T) {
	web := newSite(t)
	c := &fakeCorpus{}
	var mu sync.Mutex
	var queued []Item
	s, _ := newService(t, c, Options{OnQueued: func(it Item) {
		mu.Lock()
		defer mu.Unlock()
		queued = append(queued, it)
	}})
	link := web.article("/world/harbour-talks-end", "Harbour talks end without a deal", "Listening is not the same as agreeing")
	mustAdd(t, s, web.rss("/rss.xml", "Courier", [2]string{"Harbour talks end without a deal", link}), "harbour")
	reps := mustPoll(t, s)
	if len(reps[0].Queued) != 1 {
		t.Fatalf("poll: %+v", reps[0])
	}
	mu.Lock()
	got := slices.Clone(queued)
	mu.Unlock()
	if len(got) != 1 || got[0].ID != reps[0].Queued[0].ID {
		t.Fatalf("OnQueued got %+v, want the queued item", got)
	}

	tests := []struct {
		name     string
		id       string
		title    string
		outlet   string
		date     string
		paras    int
		quotes   int
		speakers []string
		err      error
	}{
		{name: "queued item", id: got[0].ID, title: "Harbour talks end without a deal", outlet: "The Test Courier", date: "2031-06-12", paras: 3, quotes: 1, speakers: []string{"Sanna Kirov"}},
		{name: "unknown item", id: "nope", err: ErrNoItem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Preview(context.Background(), tt.id)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Preview(%q): %v, want %v", tt.id, err, tt.err)
				}
				return
			}
			i := p.Article.Info
			if err != nil || p.Item.ID != tt.id || i.Title != tt.title || i.Outlet != tt.outlet || i.Published != tt.date ||
				i.Paragraphs != tt.paras || i.Quotes != tt.quotes || !slices.Equal(p.Article.Speakers, tt.speakers) || i.URL != link {
				t.Errorf("Preview(%q) = %+v, %v", tt.id, p, err)
			}
		})
	}
	if len(c.added()) != 0 {
		t.Errorf("a preview added %v", c.added())
	}
}
