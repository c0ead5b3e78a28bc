package webpage

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitbot/corpus"
)

// servePages serves testdata files under /news/<slug> with the given
// content types.
func servePages(t *testing.T, pages map[string]struct{ file, contentType string }) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	for path, p := range pages {
		data, err := os.ReadFile(filepath.Join("testdata", p.file))
		if err != nil {
			t.Fatal(err)
		}
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", p.contentType)
			w.Write(data)
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchArticleShapes(t *testing.T) {
	const html = "text/html; charset=utf-8"
	type page = struct{ file, contentType string }
	srv := servePages(t, map[string]page{
		"/world/2031/06/12/harbour-talks-end-without-deal": {"news-subheadings.html", html},
		"/provinces/ferry-link-agreed":                     {"byline-caption-related.html", html},
		"/2031/04/30/summit-host-promises-calm-streets":    {"og-meta.html", "application/xhtml+xml"},
		"/story/88412":                 {"jsonld.html", html},
		"/merrow/vote-result":          {"inline-furniture.html", html},
		"/notices/lighthouse-vote.txt": {"plain.txt", "text/plain; charset=utf-8"},
	})
	f := NewFetcher(Config{AllowPrivate: true})

	tests := []struct {
		name, path               string
		title, outlet, published string
		sections                 []string // headings in order
		paragraphs               int
		keep                     []string // texts that must be in some paragraph
		drop                     []string // texts that must appear nowhere in the file
		fileName                 string
	}{
		{
			name: "news page with subheadings", path: "/world/2031/06/12/harbour-talks-end-without-deal",
			title: "Harbour talks end without a deal", outlet: "The Northern Courier", published: "2031-06-12",
			sections:   []string{"What was on the table", "Reactions at home", "Next steps"},
			paragraphs: 8,
			keep:       []string{"LINDHOLM — The prime ministers", `"But listening is not the same as agreeing."`, "No date has been set"},
			drop:       []string{"Home", "Politics", "All rights reserved", "Privacy", "| The Northern Courier"},
			fileName:   "the-northern-courier-harbour-talks-end-without-deal.md",
		},
		{
			name: "byline, figure caption, related box, share buttons", path: "/provinces/ferry-link-agreed",
			title: "Ministers agree ferry link after long night of talks", outlet: "127.0.0.1",
			paragraphs: 4,
			keep:       []string{"restore the ferry link across Lake Orrin", "her patience and her stubbornness", "Local businesses on both shores"},
			drop:       []string{"Jane Morrow", "Political Correspondent", "Saint Brendan", "Photo:", "Related", "Ferry crews vote", "Read more", "history of the Orrin ferry", "Tweet", "Share", "Pictures:", "Most read", "Storm closes", "Transport</a>", "Subscribe"},
			fileName:   "ferry-link-agreed.md",
		},
		{
			name: "og:site_name and article:published_time", path: "/2031/04/30/summit-host-promises-calm-streets",
			title: "Summit host promises calm streets", outlet: "Coastline Daily", published: "2031-04-30",
			paragraphs: 4,
			keep:       []string{"The mayor of Port Selby promised", "it will not be turned into a fortress"},
			fileName:   "coastline-daily-summit-host-promises-calm-streets.md",
		},
		{
			name: "JSON-LD datePublished and publisher", path: "/story/88412",
			title: "Envoys trade accusations at border forum", outlet: "Plains Herald", published: "2031-05-02",
			sections:   []string{"Trade at a standstill"},
			paragraphs: 4,
			keep:       []string{"a fairy tale for domestic audiences", "the reopening of the southern crossing"},
			drop:       []string{"Omar Fields", "@graph"},
			fileName:   "plains-herald-envoys-trade-accusations-at-border-forum.md",
		},
		{
			name: "furniture inline in the body", path: "/merrow/vote-result",
			title: "Islanders vote to stay in the customs union", outlet: "127.0.0.1", published: "2031-06-13",
			paragraphs: 8,
			keep: []string{
				"Lower ferry fares for island residents.",
				"Voters on the island of Merrow", "58 per cent voted to stay",
				`"Tonight the island has chosen to keep its doors open," said the island's chief minister`,
				"a review of the harbour fees charged to island boats;",
				"Mainland ministers welcomed the result",
			},
			drop:     []string{"Ruth Calder", "Share this", "Read more", "Advertisement", "Counting ballots", "Related coverage", "Merrow goes to the polls", "Explainer", "newsletter", "Published 13 June"},
			fileName: "vote-result.md",
		},
		{
			name: "text/plain page", path: "/notices/lighthouse-vote.txt",
			title: "Council votes to keep the old lighthouse", outlet: "127.0.0.1",
			sections:   []string{"What happens next"},
			paragraphs: 3,
			keep:       []string{`"The lighthouse belongs to the town, and it will stay that way,"`},
			fileName:   "lighthouse-vote.md",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, err := f.FetchArticle(context.Background(), srv.URL+tc.path)
			if err != nil {
				t.Fatalf("FetchArticle: %v", err)
			}
			data := x.Markdown()
			got := x.Meta
			want := corpus.Meta{Title: tc.title, Outlet: tc.outlet, URL: srv.URL + tc.path, Published: tc.published}
			if got != want {
				t.Errorf("meta = %+v\nwant   %+v", got, want)
			}
			// The saved file reads back as what was extracted.
			a := corpus.Parse(x.FileName(), data)
			if corpus.MetaOf(a) != got {
				t.Errorf("parsed meta = %+v, want %+v", corpus.MetaOf(a), got)
			}
			if len(a.Paragraphs) != tc.paragraphs || x.Paragraphs() != tc.paragraphs {
				t.Errorf("paragraphs: extracted %d, parsed %d, want %d\n%s", x.Paragraphs(), len(a.Paragraphs), tc.paragraphs, data)
			}
			var sections []string
			for _, p := range a.Paragraphs {
				if p.Section != "" && (len(sections) == 0 || sections[len(sections)-1] != p.Section) {
					sections = append(sections, p.Section)
				}
			}
			if fmt.Sprint(sections) != fmt.Sprint(tc.sections) {
				t.Errorf("sections = %q, want %q", sections, tc.sections)
			}
			for _, k := range tc.keep {
				found := false
				for _, p := range a.Paragraphs {
					found = found || strings.Contains(p.Text, k)
				}
				if !found {
					t.Errorf("no paragraph contains %q\n%s", k, data)
				}
			}
			body := string(data)
			for _, d := range tc.drop {
				if strings.Contains(body, d) {
					t.Errorf("file contains %q, which should have been dropped\n%s", d, data)
				}
			}
			if x.FileName() != tc.fileName {
				t.Errorf("FileName = %q, want %q", x.FileName(), tc.fileName)
			}
		})
	}
}

func TestExtractCanonicalURLWithoutPageURL(t *testing.T) {
	data, err := os.ReadFile("testdata/og-meta.html")
	if err != nil {
		t.Fatal(err)
	}
	x, err := Extract(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "https://news.coastline.example/2031/04/30/summit-host-promises-calm-streets"; x.Meta.URL != want {
		t.Errorf("URL = %q, want %q", x.Meta.URL, want)
	}
	if want := "coastline-summit-host-promises-calm-streets.md"; x.FileName() != want {
		t.Errorf("FileName = %q, want %q", x.FileName(), want)
	}
}

func TestExtractNoArticle(t *testing.T) {
	tests := []struct{ name, html string }{
		{"empty", ""},
		{"only navigation", `<html><body><nav><a href="/">Home</a> <a href="/x">World</a></nav></body></html>`},
		{"only links", `<html><body><ul><li><a href="/a">One story</a></li><li><a href="/b">Another story</a></li></ul></body></html>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Extract([]byte(tc.html), nil)
			if !isKind(err, ErrNotArticle) {
				t.Fatalf("err = %v, want ErrNotArticle", err)
			}
		})
	}
}

func TestNormaliseDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"iso with zone keeps the written day", "2031-06-12T23:40:00-08:00", "2031-06-12"},
		{"iso date", "2031-06-12", "2031-06-12"},
		{"rfc1123", "Thu, 12 Jun 2031 21:40:00 GMT", "2031-06-12"},
		{"long month first", "June 12, 2031", "2031-06-12"},
		{"day first words", "12 June 2031", "2031-06-12"},
		{"ambiguous slashes", "08/09/2031", ""},
		{"not a date", "yesterday afternoon", ""},
		{"impossible day", "2031-02-30", ""},
		{"empty", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normaliseDate(tc.in); got != tc.want {
				t.Errorf("normaliseDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFileName(t *testing.T) {
	tests := []struct {
		name string
		meta corpus.Meta
		want string
	}{
		{"slug from path", corpus.Meta{URL: "https://www.bbc.co.uk/news/world-europe-trump-putin-summit", Title: "T"}, "bbc-world-europe-trump-putin-summit.md"},
		{"numeric id falls back to title", corpus.Meta{URL: "https://example.com/articles/123456", Title: "Leaders meet: no deal"}, "example-leaders-meet-no-deal.md"},
		{"html extension dropped", corpus.Meta{URL: "https://news.example.org/2025/08/16/summit-ends.html", Title: "T"}, "example-summit-ends.md"},
		{"no url", corpus.Meta{Title: "Summit ends", Outlet: "Wire Service"}, "wire-service-summit-ends.md"},
		{"long slug clipped", corpus.Meta{URL: "https://e.com/" + strings.Repeat("word-", 40)}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := (&Extracted{Meta: tc.meta}).FileName()
			if tc.want == "" {
				if len(got) > 83 || !strings.HasSuffix(got, ".md") || strings.Contains(got, "--") {
					t.Errorf("FileName = %q", got)
				}
				return
			}
			if got != tc.want {
				t.Errorf("FileName = %q, want %q", got, tc.want)
			}
		})
	}
}

func ExampleExtract() {
	page := `<html><head><title>Talks end | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2031-05-02T18:00:00Z"></head>
<body><article><h1>Talks end</h1>
<p class="byline">By A. Reporter</p>
<p>The two leaders ended their talks on Friday without an agreement on the strait, officials said, and left the island separately.</p>
<figure><img src="x.jpg"><figcaption>The leaders at the harbour. Photo: Example</figcaption></figure>
<h2>What comes next</h2>
<p>"We will meet again," one of them said, adding that a date would be set by the negotiators in the coming weeks.</p>
</article></body></html>`
	x, err := Extract([]byte(page), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(x.Markdown()))
	// Output:
	// ---
	// title: Talks end
	// outlet: Example News
	// url:
	// published: 2031-05-02
	// ---
	// The two leaders ended their talks on Friday without an agreement on the strait, officials said, and left the island separately.
	//
	// ## What comes next
	//
	// "We will meet again," one of them said, adding that a date would be set by the negotiators in the coming weeks.
}

func isKind(err, kind error) bool { return err != nil && errors.Is(err, kind) }

func TestExtractFurnitureClassesOnTheWholeStory(t *testing.T) {
	// Sites also put the whole story in elements whose class or id reads as
	// furniture; only small boxes so marked are dropped.
	para := func(i int) string {
		return fmt.Sprintf("<p>Paragraph %d of the story: the delegations met again on the island and talked for several hours about the strait, the sailors and the telephone line.</p>", i)
	}
	var story strings.Builder
	for i := 1; i <= 6; i++ {
		story.WriteString(para(i))
	}
	page := `<html><head><title>Story</title></head><body>
<article class="typography newsletter-post post">` + para(0) + `
<div class="newsletter-signup"><p>Get our morning briefing in your inbox every day, with the stories that matter.</p></div>
<div id="read-more">` + story.String() + `</div>
<div class="share-tools"><p>Send this story about the weather on the island to a friend today.</p></div>
</article></body></html>`
	x, err := Extract([]byte(page), nil)
	if err != nil {
		t.Fatal(err)
	}
	md := string(x.Markdown())
	for i := 0; i <= 6; i++ {
		if !strings.Contains(md, fmt.Sprintf("Paragraph %d of the story", i)) {
			t.Errorf("paragraph %d lost:\n%s", i, md)
		}
	}
	for _, d := range []string{"morning briefing", "weather on the island"} {
		if strings.Contains(md, d) {
			t.Errorf("kept %q:\n%s", d, md)
		}
	}
}
