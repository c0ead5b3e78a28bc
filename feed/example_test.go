package feed_test

import (
	"fmt"

	"summitbot/feed"
	"summitbot/lexicon"
)

// Keywords are split at commas when there are any (each part may be a
// phrase), else at spaces.
func ExampleSplitKeywords() {
	fmt.Printf("%q\n", feed.SplitKeywords("putin, alaska summit"))
	fmt.Printf("%q\n", feed.SplitKeywords("putin zelensky"))
	// Output:
	// ["putin" "alaska summit"]
	// ["putin" "zelensky"]
}

// An entry matches when its title or summary holds a keyword in any form
// of its words, accents and case aside; a phrase's words must stand
// together.
func ExampleMatcher() {
	m := feed.NewMatcher(lexicon.Default(), []string{"alaska summit", "Zelenskyy"})
	fmt.Println(m.Match("Alaska summits: what we know"))
	fmt.Println(m.Match("Zelenskyy’s team reacts", "Kyiv waits"))
	fmt.Println(m.Match("A summit in Alaska"))
	// Output:
	// [alaska summit] true
	// [Zelenskyy] true
	// [] false
}

// Parse reads RSS and Atom alike, up to a bound on entries.
func ExampleParse() {
	doc, err := feed.Parse([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Daily</title>
<entry><title>Talks end</title><link href="https://daily.example/talks-end"/><summary>&lt;p&gt;No deal.&lt;/p&gt;</summary></entry>
<entry><title>Second</title><link href="https://daily.example/second"/></entry></feed>`), nil, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title, len(doc.Entries))
	fmt.Printf("%s | %s | %s\n", doc.Entries[0].Title, doc.Entries[0].Link, doc.Entries[0].Summary)
	// Output:
	// Daily 1
	// Talks end | https://daily.example/talks-end | No deal.
}
