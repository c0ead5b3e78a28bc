package feed

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	base, _ := url.Parse("https://courier.example/rss.xml")
	tests := []struct {
		name    string
		file    string
		title   string
		entries []Entry
	}{
		{"rss 2.0", "rss.xml", "The Northern Courier & Friends", []Entry{
			{Title: "Harbour talks end without a deal", Link: "https://courier.example/world/harbour-talks-end-without-deal?utm_source=rss&utm_medium=feed",
				Summary: "The prime ministers of Arvelia and Toskor ended six hours of talks without agreeing on fishing quotas.", Published: time.Date(2031, 6, 12, 19, 40, 0, 0, time.UTC)},
			{Title: "Weather: a wet weekend ahead", Link: "https://courier.example/weather/wet-weekend", Summary: "Rain & wind across the north.", Published: time.Date(2031, 6, 12, 8, 0, 0, 0, time.UTC)},
			{Title: "Relative link story", Link: "https://courier.example/politics/relative-story", Summary: "Only content here"},
		}},
		{"atom", "atom.xml", "Lindholm Daily", []Entry{
			{Title: "Fishing quotas: no agreement in Lindholm", Link: "https://daily.example/2031/06/13/fishing-quotas-no-agreement",
				Summary: "Fishermen react to the summit.", Published: time.Date(2031, 6, 13, 9, 0, 0, 0, time.UTC)},
			{Title: "Second entry", Link: "https://courier.example/2031/06/13/second-entry", Summary: "Content only.", Published: time.Date(2031, 6, 13, 5, 30, 0, 0, time.UTC)},
		}},
		{"rss 1.0 in latin-1", "rdf.xml", "Gazette", []Entry{
			{Title: "Café talks in Reykjavík", Link: "https://gazette.example/story-one", Summary: "Ministers met in a café.", Published: time.Date(2031, 6, 10, 0, 0, 0, 0, time.UTC)},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse(readTestdata(t, tc.file), base, 0)
			if err != nil {
				t.Fatal(err)
			}
			if doc.Title != tc.title {
				t.Errorf("title %q, want %q", doc.Title, tc.title)
			}
			if len(doc.Entries) != len(tc.entries) {
				t.Fatalf("%d entries, want %d: %+v", len(doc.Entries), len(tc.entries), doc.Entries)
			}
			for i, want := range tc.entries {
				got := doc.Entries[i]
				if !got.Published.Equal(want.Published) {
					t.Errorf("entry %d published %v, want %v", i, got.Published, want.Published)
				}
				got.Published, want.Published = time.Time{}, time.Time{}
				if got != want {
					t.Errorf("entry %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestParseRefusesWhatIsNotAFeed(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"html page", "<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>"},
		{"empty", ""},
		{"json", `{"items": []}`},
		{"broken xml", "<rss><channel><title>x</ti"},
		{"other xml", `<?xml version="1.0"?><sitemap><url>x</url></sitemap>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Parse([]byte(tc.data), nil, 10)
			if !errors.Is(err, ErrNotFeed) {
				t.Errorf("Parse: %+v, %v; want ErrNotFeed", doc, err)
			}
		})
	}
}

// TestParseStopsAtTheBound: a huge feed costs only its first entries, and
// a feed broken after some entries still gives those.
func TestParseStopsAtTheBound(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Big</title>`)
	for i := range 20000 {
		fmt.Fprintf(&b, "<item><title>Story %d</title><link>https://big.example/s/%d</link></item>", i, i)
	}
	b.WriteString("</channel></rss>")
	doc, err := Parse([]byte(b.String()), nil, 50)
	if err != nil || len(doc.Entries) != 50 || doc.Entries[49].Title != "Story 49" {
		t.Fatalf("Parse: %v, %d entries", err, len(doc.Entries))
	}

	broken := `<rss version="2.0"><channel><title>B</title><item><title>One</title><link>https://b.example/1</link></item><item><title>Two</ti`
	doc, err = Parse([]byte(broken), nil, 50)
	if err != nil || len(doc.Entries) != 1 || doc.Entries[0].Title != "One" {
		t.Errorf("broken after one entry: %v, %+v", err, doc)
	}
}

func TestSplitKeywords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"putin zelensky", []string{"putin", "zelensky"}},
		{"putin, alaska summit ,, ", []string{"putin", "alaska summit"}},
		{"  ", nil},
		{"Summit summit", []string{"Summit"}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := SplitKeywords(tc.in); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("SplitKeywords(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
