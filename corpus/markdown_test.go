package corpus

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestFormatRoundTrip(t *testing.T) {
	body := []Block{
		{Text: "ANCHORAGE — The two leaders met for nearly three hours on Friday."},
		{Text: "\"We made some headway,\" one of them said,\nwithout giving details."},
		{Heading: true, Text: "What comes next"},
		{Text: "Officials said a second meeting was possible."},
		{Text: "# 1 priority for Kyiv, an aide said, is a ceasefire."},
		{Text: "> A quoted block that ends as a sentence."},
		{Text: "- A list item that ends as a sentence."},
		{Text: "```A line after a stray code fence."},
		{Heading: true, Text: "Reactions in C#"},
		{Text: "   "},
		{Text: "European leaders welcomed the talks."},
	}
	wantParas := []Paragraph{
		{N: 1, Section: "", Text: "ANCHORAGE — The two leaders met for nearly three hours on Friday."},
		{N: 2, Section: "", Text: "\"We made some headway,\" one of them said, without giving details."},
		{N: 3, Section: "What comes next", Text: "Officials said a second meeting was possible."},
		{N: 4, Section: "What comes next", Text: "1 priority for Kyiv, an aide said, is a ceasefire."},
		{N: 5, Section: "What comes next", Text: "A quoted block that ends as a sentence."},
		{N: 6, Section: "What comes next", Text: "A list item that ends as a sentence."},
		{N: 7, Section: "What comes next", Text: "A line after a stray code fence."},
		{N: 8, Section: "Reactions in C#", Text: "European leaders welcomed the talks."},
	}
	tests := []struct {
		name string
		meta Meta
	}{
		{"plain", Meta{Title: "Leaders meet in Alaska", Outlet: "Wire", URL: "https://example.org/a", Published: "2025-08-15"}},
		{"colons in values", Meta{Title: "Trump: \"no deal until there's a deal\"", Outlet: "News: World", URL: "https://example.org/a?x=1:2#frag", Published: "2025-08-16"}},
		{"value wrapped in double quotes", Meta{Title: "\"There's no deal until there's a deal\"", Outlet: "'Quoted' Times", URL: "https://example.org/b", Published: "2025-08-16"}},
		{"value wrapped in single quotes", Meta{Title: "'Peace' or 'war'", Outlet: "Daily", URL: "https://example.org/c", Published: "2025-08-17"}},
		{"value wrapped twice", Meta{Title: "\"\"Doubled\"\"", Outlet: "O", URL: "u", Published: "2025-08-17"}},
		{"lone quote mark", Meta{Title: "\"", Outlet: "'", URL: "https://example.org/d", Published: "2025-08-17"}},
		{"newlines in values", Meta{Title: "Summit\nends\r\nwithout deal", Outlet: "The\tHerald", URL: "https://example.org/e", Published: "2025-08-18"}},
		{"empty outlet and date", Meta{Title: "Only a title", URL: "https://example.org/f"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := Format(tc.meta, body)
			a := Parse("article.md", data)
			flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
			want := Meta{Title: flat(tc.meta.Title), Outlet: flat(tc.meta.Outlet), URL: flat(tc.meta.URL), Published: flat(tc.meta.Published)}
			if got := MetaOf(a); got != want {
				t.Errorf("meta = %+v, want %+v\n%s", got, want, data)
			}
			if !reflect.DeepEqual(a.Paragraphs, wantParas) {
				t.Errorf("paragraphs:\n got %+v\nwant %+v\n%s", a.Paragraphs, wantParas, data)
			}
			// Formatting what was parsed gives the same file again.
			again := Format(MetaOf(a), BlocksOf(a))
			if b := Parse("article.md", again); !reflect.DeepEqual(b.Paragraphs, a.Paragraphs) || MetaOf(b) != MetaOf(a) {
				t.Errorf("second round trip differs:\n%s", again)
			}
		})
	}
}

func TestFormatLayout(t *testing.T) {
	got := string(Format(
		Meta{Title: "T", Outlet: "O", URL: "https://example.org/x", Published: "2025-08-15"},
		[]Block{{Text: "First."}, {Heading: true, Text: "Sub"}, {Text: "Second."}},
	))
	want := "---\ntitle: T\noutlet: O\nurl: https://example.org/x\npublished: 2025-08-15\n---\nFirst.\n\n## Sub\n\nSecond.\n"
	if got != want {
		t.Errorf("Format =\n%q\nwant\n%q", got, want)
	}
}

func ExampleFormat() {
	data := Format(
		Meta{Title: `"No deal until there's a deal"`, Outlet: "Example News", URL: "https://example.org/summit", Published: "2025-08-15"},
		[]Block{
			{Text: "The leaders met for three hours."},
			{Heading: true, Text: "Reactions"},
			{Text: "Kyiv said it was\nnot consulted."},
		},
	)
	fmt.Print(string(data))
	a := Parse("summit.md", data)
	fmt.Printf("title=%s paragraphs=%d section=%q\n", a.Title, len(a.Paragraphs), a.Paragraphs[1].Section)
	// Output:
	// ---
	// title: ""No deal until there's a deal""
	// outlet: Example News
	// url: https://example.org/summit
	// published: 2025-08-15
	// ---
	// The leaders met for three hours.
	//
	// ## Reactions
	//
	// Kyiv said it was not consulted.
	// title="No deal until there's a deal" paragraphs=2 section="Reactions"
}

// FuzzFormat: front-matter values always come back as written (flattened),
// and formatting what Parse read gives the same article again.
func FuzzFormat(f *testing.F) {
	f.Add(`"Quoted"`, "Out: let", "https://e.org/a?b=c:d", "2025-08-15", "First para.", "Heading", "# 1 thing, he said.")
	f.Add("'x'", "\"", "", "", "> quoted", "", "- item")
	f.Add("a\nb", "---", "url: x", "published: y", "```code", "## Sub ##", "Read more: elsewhere")
	f.Add("T", "O", "U", "P", "Short line in C#", "Heading in F#", "00000 0000!")
	f.Fuzz(func(t *testing.T, title, outlet, url, published, p1, h, p2 string) {
		m := Meta{Title: title, Outlet: outlet, URL: url, Published: published}
		data := Format(m, []Block{{Text: p1}, {Heading: true, Text: h}, {Text: p2}, {Text: "A closing sentence."}})
		a := Parse("f.md", data)
		flat := func(s string) string {
			s = strings.ToValidUTF8(s, "\uFFFD")
			return strings.Join(strings.Fields(s), " ")
		}
		want := Meta{Title: flat(title), Outlet: flat(outlet), URL: flat(url), Published: flat(published)}
		if want.Title == "" {
			want.Title = a.Title // derived by Parse
		}
		if got := MetaOf(a); got != want {
			t.Fatalf("meta = %+v, want %+v\n%s", got, want, data)
		}
		b := Parse("f.md", Format(MetaOf(a), BlocksOf(a)))
		if MetaOf(b) != MetaOf(a) || !reflect.DeepEqual(b.Paragraphs, a.Paragraphs) {
			t.Fatalf("second round differs:\n%+v\n%+v", a.Paragraphs, b.Paragraphs)
		}
	})
}
