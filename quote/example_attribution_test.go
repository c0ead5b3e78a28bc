package quote_test

import (
	"fmt"

	"summitbot/quote"
)

// show prints each quote of a made-up article as "speaker: quote".
func show(text string) {
	a := quote.Parse("example.txt", []byte(text))
	quote.Link([]*quote.Article{a})
	for _, q := range a.Quotes {
		who := q.Speaker
		switch {
		case q.Kind == quote.Unnamed:
			who = "(unnamed) " + q.Description
		case who == "":
			who = "(unknown)"
		case q.Confidence < quote.UncertainBelow:
			who += " (uncertain)"
		}
		fmt.Printf("%s: %s\n", who, q.Text)
	}
}

// A quote split by its attribution gives two quotes of the same speaker.
func ExampleParse_splitQuote() {
	show(`"We came to talk," Dutch Foreign Minister Pieter Hals told reporters, "and we will come back."`)
	// Output:
	// Pieter Hals: We came to talk,
	// Pieter Hals: and we will come back.
}

// A pronoun refers to the most recent person the article made the subject;
// someone else named in between makes the attribution uncertain.
func ExampleParse_pronoun() {
	show("Senator Maria Lenz left the briefing early. \"Nothing has changed,\" she said.\n\n" +
		"General Tom Acre spoke with Admiral Ben Hoyt on Monday. \"We are ready,\" he said.")
	// Output:
	// Maria Lenz: Nothing has changed,
	// Tom Acre (uncertain): We are ready,
}

// A short phrase in quotes that nobody is said to have said is not a quote;
// one that someone is said to have said is.
func ExampleParse_scareQuote() {
	show(`The so-called "peace dividend" never came, and the "new normal" held. Mayor Ana Voss called the plan "a fantasy".`)
	// Output:
	// Ana Voss: a fantasy
}

// Bodies speak too, and "It" refers back to the last one.
func ExampleParse_organisation() {
	show(`The Kremlin said the talks had been "useful". It said a second round was "possible".`)
	// Output:
	// Kremlin: useful
	// Kremlin: possible
}

// A person the article does not name is kept with their description.
func ExampleParse_unnamed() {
	show(`"We have waited long enough," said a farmer in Kherson, who asked not to be named.`)
	// Output:
	// (unnamed) a farmer in Kherson: We have waited long enough,
}

// A quote without a closing mark goes on in the next paragraph when that
// paragraph opens with a mark; both parts belong to the speaker.
func ExampleParse_twoParagraphs() {
	show("Chancellor Ida Brandt said on Friday: \"We will not give up. We owe it to the families.\n\n" +
		"\"And we owe it to ourselves.\"")
	// Output:
	// Ida Brandt: We will not give up. We owe it to the families.
	// Ida Brandt: And we owe it to ourselves.
}

// "According to X" attributes the quote that follows.
func ExampleParse_accordingTo() {
	show(`According to Finance Minister Lars Eng, the budget is "balanced for the first time in a decade".`)
	// Output:
	// Lars Eng: balanced for the first time in a decade
}

// A description ("the Polish president") refers to the person introduced
// with that title and nationality.
func ExampleParse_descriptor() {
	show("Polish President Jan Kowal and Czech Prime Minister Eva Dvorak met in Prague.\n\n" +
		"\"Our borders are not for sale,\" the Polish president said.")
	// Output:
	// Jan Kowal: Our borders are not for sale,
}

// Link gives a person one name across articles, whatever the spelling.
func ExampleLink() {
	a := quote.Parse("a.txt", []byte(`Ukrainian President Volodymyr Zelenskyy said: "We need guarantees."`))
	b := quote.Parse("b.txt", []byte(`"Peace is possible," Zelenskiy said. He added: "Soon."`))
	c := quote.Parse("c.txt", []byte(`Mr Zelensky thanked Congress. "Thank you," he said.`))
	for _, s := range quote.Link([]*quote.Article{a, b, c}) {
		fmt.Printf("%s (%s, %s): %d quotes, also %v\n", s.Name, s.Description, s.Affiliation, s.Quotes, s.Aliases)
	}
	fmt.Println(b.Quotes[0].Speaker)
	// Output:
	// Volodymyr Zelenskyy (Ukrainian President, Ukrainian): 4 quotes, also [Zelenskyy Zelenskiy Zelensky]
	// Volodymyr Zelenskyy
}

// A summary line names its speaker by a role: the person the story names
// in that role, or, when it never does, an unnamed speaker labelled by the
// role.
func ExampleParse_summaryLine() {
	show("* ‘Talks are the only road,’ says Poland’s president\n\n" +
		"* ‘We will not be rushed,’ Norway’s foreign minister says\n\n" +
		`Polish President Jan Wirski said his country would be "at the table".`)
	// Output:
	// Jan Wirski: Talks are the only road,
	// (unnamed) Norway's foreign minister: We will not be rushed,
	// Jan Wirski: at the table
}

// Words on a banner or a backdrop, and chants, are nobody's quote; a
// fragment in reported speech is the speaker's.
func ExampleParse_notSpeech() {
	show(`Behind the lectern, the backdrop read "peace through dialogue". Foreign Minister Anne Sorel tempered hopes, telling reporters that Paris expected "slow and steady work".`)
	// Output:
	// Anne Sorel: slow and steady work
}
