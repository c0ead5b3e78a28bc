package quote

import (
	"strings"
	"summitbot/corpus"
	"testing"
)

// wantQuote is one quote an attribution case expects.
type wantQuote struct {
	frag    string // a fragment of the quote's text
	speaker string // canonical speaker; "" when unnamed or unknown
	kind    SpeakerKind
	// unsure: the attribution must be marked uncertain (or absent).
	unsure bool
	// desc, when set, must be part of the quote's Description.
	desc string
}

// unknown marks a quote that must be kept but attributed to nobody.
const unknown = "?"

func TestAttribution(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
		// none are fragments that must not come out as quotes.
		none []string
	}{
		{
			name: "wire: title chain, told reporters, surname with partial quote",
			text: "MOSCOW (Reuters) - The Kremlin on Saturday dismissed European criticism.\n\n" +
				`"We will not accept this," Kremlin spokesman Dmitry Peskov told reporters on Saturday. Peskov said the talks had been "useful" but that no date had been set.`,
			want: []wantQuote{
				{frag: "We will not accept this", speaker: "Dmitry Peskov"},
				{frag: "useful", speaker: "Dmitry Peskov"},
			},
		},
		{
			name: "descriptor: the US president",
			text: "U.S. President Donald Trump, speaking aboard Air Force One, was upbeat. \"It was a good meeting,\" the US president told Fox News. \"We'll see what happens.\"",
			want: []wantQuote{
				{frag: "It was a good meeting", speaker: "Donald Trump"},
				{frag: "We'll see what happens", speaker: "Donald Trump"},
			},
		},
		{
			name: "wrote on X that",
			text: `Ukrainian President Volodymyr Zelensky wrote on X that "Russia must end this war" and said he would travel to Washington on Monday.`,
			want: []wantQuote{{frag: "Russia must end this war", speaker: "Volodymyr Zelensky"}},
		},
		{
			name: "inverted said with particle name and appositive",
			text: `"This is a historic day," said Ursula von der Leyen, president of the European Commission.`,
			want: []wantQuote{{frag: "historic day", speaker: "Ursula von der Leyen"}},
		},
		{
			name: "organisation said in a statement, then It",
			text: "The Kremlin said in a statement that the meeting had been \"constructive\".\n\nThe foreign ministry in Kyiv called the summit \"a betrayal\". It added that \"no decision about Ukraine can be made without Ukraine\".",
			want: []wantQuote{
				{frag: "constructive", speaker: "Kremlin", kind: Organisation},
				{frag: "a betrayal", speaker: "Foreign Ministry in Kyiv", kind: Organisation},
				{frag: "no decision about Ukraine", speaker: "Foreign Ministry in Kyiv", kind: Organisation},
			},
		},
		{
			name: "unnamed diplomat and officials",
			text: "\"There can be no peace without justice,\" a senior European diplomat told Reuters on condition of anonymity.\n\nOfficials in Kyiv said they were \"cautiously optimistic\".",
			want: []wantQuote{
				{frag: "no peace without justice", kind: Unnamed},
				{frag: "cautiously optimistic", kind: Unnamed},
			},
		},
		{
			name: "pronoun after a sentence about the person",
			text: `British Prime Minister Keir Starmer welcomed the talks. "This is an important step," he said.`,
			want: []wantQuote{{frag: "important step", speaker: "Keir Starmer"}},
		},
		{
			name: "called the talks, split quote",
			text: `Trump called the talks "productive" and said he would meet Putin again. "I think," Trump said, "we had a great meeting."`,
			want: []wantQuote{
				{frag: "productive", speaker: "Trump"},
				{frag: "I think", speaker: "Trump"},
				{frag: "we had a great meeting", speaker: "Trump"},
			},
		},
		{
			name: "title of a programme is not a quote",
			text: `"We're not there yet," Secretary of State Marco Rubio told CBS's "Face the Nation" on Sunday.`,
			want: []wantQuote{{frag: "not there yet", speaker: "Marco Rubio"}},
			none: []string{"Face the Nation"},
		},
		{
			name: "claimed, inverted with title chain",
			text: `"Putin wants peace," claimed Russian Foreign Minister Sergei Lavrov.`,
			want: []wantQuote{{frag: "Putin wants peace", speaker: "Sergei Lavrov"}},
		},
		{
			name: "scare quotes and apostrophes",
			text: `Russia's so-called "special military operation" drew on '90s nostalgia and rock 'n' roll, and the "Coalition of the Willing" met in Paris.`,
			none: []string{"special military operation", "Coalition of the Willing", "n"},
		},
		{
			name: "she after a woman's introduction",
			text: `Estonian Prime Minister Kaja Kallas said she was worried. She added: "We cannot trust Moscow."`,
			want: []wantQuote{{frag: "cannot trust Moscow", speaker: "Kaja Kallas"}},
		},
		{
			name: "British marks with Mr and surname",
			text: "Prime Minister Keir Starmer spoke in the Commons.\n\n‘We are ready,’ Mr Starmer told MPs.",
			want: []wantQuote{{frag: "We are ready", speaker: "Keir Starmer"}},
		},
		{
			name: "parenthetical participle and relative clause",
			text: "Zelenskiy, speaking in Kyiv, said: \"We need security guarantees.\"\n\nLavrov, who arrived in Anchorage wearing a sweater, told state TV: \"We laid out our position.\"",
			want: []wantQuote{
				{frag: "security guarantees", speaker: "Zelenskiy"},
				{frag: "laid out our position", speaker: "Lavrov"},
			},
		},
		{
			name: "an unresolvable description labels an unnamed speaker",
			text: `"It was a disaster," the 78-year-old said.`,
			want: []wantQuote{{frag: "It was a disaster", kind: Unnamed, desc: "the 78-year-old"}},
		},
		{
			name: "said: at the end of a paragraph introduces the next",
			text: "Zelensky said in his nightly address:\n\n\"We will not give our land to the occupier.\"",
			want: []wantQuote{{frag: "give our land", speaker: "Zelensky"}},
		},
		{
			name: "quoted as saying",
			text: `Russian President Vladimir Putin met officials. Russian state media quoted Putin as saying the summit was "very useful".`,
			want: []wantQuote{{frag: "very useful", speaker: "Vladimir Putin"}},
		},
		{
			name: "he and she in one sentence",
			text: `Italian Prime Minister Giorgia Meloni said the summit was "a step forward". Finnish President Alexander Stubb agreed. "It's a start," he said, while she warned that Europe "must be at the table".`,
			want: []wantQuote{
				{frag: "a step forward", speaker: "Giorgia Meloni"},
				{frag: "It's a start", speaker: "Alexander Stubb"},
				{frag: "must be at the table", speaker: "Giorgia Meloni"},
			},
		},
		{
			name: "pronoun with another person named in between is uncertain",
			text: `German Chancellor Friedrich Merz spoke with French President Emmanuel Macron after the summit. "We are united," he told reporters in Berlin.`,
			want: []wantQuote{{frag: "We are united", speaker: "Friedrich Merz", unsure: true}},
		},
		{
			name: "question and answer",
			text: `"Will you meet Zelensky?" a reporter asked. "Maybe," Trump replied.`,
			want: []wantQuote{
				{frag: "Will you meet Zelensky?", kind: Unnamed},
				{frag: "Maybe", speaker: "Trump"},
			},
		},
		{
			name: "reported speech of another person",
			text: `Trump said Putin told him "we will make a deal".`,
			want: []wantQuote{{frag: "we will make a deal", speaker: "Putin"}},
		},
		{
			name: "according to, with initial and abbreviation",
			text: "According to Sen. Lindsey Graham, the deal was \"dead on arrival\".\n\nExternal Affairs Minister S. Jaishankar told reporters that the talks were \"a positive step\".",
			want: []wantQuote{
				{frag: "dead on arrival", speaker: "Lindsey Graham"},
				{frag: "a positive step", speaker: "S. Jaishankar"},
			},
		},
		{
			name: "quote-only paragraph continues the speaker",
			text: "\"We are not going anywhere,\" Defence Minister Rustem Umerov said on Sunday.\n\n\"Our army is stronger than a year ago.\"",
			want: []wantQuote{
				{frag: "not going anywhere", speaker: "Rustem Umerov"},
				{frag: "Our army is stronger", speaker: "Rustem Umerov"},
			},
		},
		{
			name: "pronoun with no one to refer to",
			text: `"We will win," he said.`,
			want: []wantQuote{{frag: "We will win", speaker: unknown}},
		},
		{
			name: "a quoted name after a noun is not a quote",
			text: `Peskov told the newspaper "Kommersant" that the talks were "businesslike".`,
			want: []wantQuote{{frag: "businesslike", speaker: "Peskov"}},
			none: []string{"Kommersant"},
		},
		{
			name: "nickname in quotes is not a quote",
			text: `Volodymyr "Vova" Zelensky is popular at home.`,
			none: []string{"Vova"},
		},
		{
			name: "description then name between commas",
			text: `The French president, Emmanuel Macron, said Europe had to be "clear-eyed". "Russia has not changed," Macron wrote on X.`,
			want: []wantQuote{
				{frag: "clear-eyed", speaker: "Emmanuel Macron"},
				{frag: "Russia has not changed", speaker: "Emmanuel Macron"},
			},
		},
		{
			name: "outlet's reporter, appositive without article",
			text: `"The summit has shown that leaders can talk," Al Jazeera's Yulia Shapovalova reported from Kyiv. Laura Gozzi, BBC Europe reporter, said leaders were relieved. "They had feared the worst," she said.`,
			want: []wantQuote{
				{frag: "leaders can talk", speaker: "Yulia Shapovalova"},
				{frag: "feared the worst", speaker: "Laura Gozzi"},
			},
		},
		{
			name: "country as speaker, participle",
			text: `New Delhi: India on Saturday welcomed the summit between US President Donald Trump and Russian President Vladimir Putin, saying that "the way forward can only be through dialogue".`,
			want: []wantQuote{{frag: "the way forward", speaker: "India", kind: Organisation}},
		},
		{
			name: "abbreviated title and a description of it",
			text: `Earlier, PM Modi had spoken to Putin over the phone. During the call, the Prime Minister reiterated India's "consistent position" on the conflict.`,
			want: []wantQuote{{frag: "consistent position", speaker: "Modi"}},
		},
		{
			name: "name and colon in a list of reactions",
			text: "Reactions from around the world:\n\nNATO chief Mark Rutte: \"The ball is in Putin's court.\"",
			want: []wantQuote{{frag: "ball is in Putin's court", speaker: "Mark Rutte"}},
		},
		{
			name: "unnamed person with a long description",
			text: `One Ukrainian soldier on the front line told the BBC: "We keep fighting. That's all we can do."`,
			want: []wantQuote{{frag: "We keep fighting", kind: Unnamed}},
		},
		{
			name: "AP party-state abbreviations between commas",
			text: `Sen. Lindsey Graham, R-S.C., a Trump ally, said on X that he was "optimistic." But Sen. Chris Murphy, D-Conn., said Trump had been "played."`,
			want: []wantQuote{
				{frag: "optimistic", speaker: "Lindsey Graham"},
				{frag: "played", speaker: "Chris Murphy"},
			},
		},
		{
			name: "names joined by and after a preposition are not subjects",
			text: "US President Donald Trump and Russian President Vladimir Putin met in Alaska.\n\n" +
				`In Kyiv, Ukrainian President Volodymyr Zelenskyy said he was ready for a "trilateral meeting" with Trump and Putin. "Ukraine is ready," he wrote on social media.`,
			want: []wantQuote{
				{frag: "trilateral meeting", speaker: "Volodymyr Zelenskyy"},
				{frag: "Ukraine is ready", speaker: "Volodymyr Zelenskyy", unsure: true},
			},
		},
		{
			name: "with X saying",
			text: `The leaders failed to reach an agreement on Friday, with Trump saying "there's no deal until there's a deal" after the talks.`,
			want: []wantQuote{{frag: "no deal until", speaker: "Trump"}},
		},
		{
			name: "the official refers back to an unnamed official",
			text: `A senior NATO official, who asked not to be named, said the alliance was "ready". "Nobody wants escalation," the official said.`,
			want: []wantQuote{
				{frag: "ready", kind: Unnamed},
				{frag: "Nobody wants escalation", kind: Unnamed},
			},
		},
		{
			name: "shot back",
			text: `Zelenskyy arrived in a suit. “You are wearing the same suit,” Zelenskyy shot back. “I changed.”`,
			want: []wantQuote{{frag: "same suit", speaker: "Zelenskyy"}, {frag: "I changed", speaker: "Zelenskyy"}},
		},
		{
			name: "party tags in brackets",
			text: "German Chancellor Friedrich Merz spoke in Washington.\n\n" +
				"„My expectations were exceeded“, Merz (CDU) told reporters. Alternative for Germany (AfD) co-leader Alice Weidel called the meeting „a photo opportunity for Merz“.",
			want: []wantQuote{
				{frag: "expectations were exceeded", speaker: "Friedrich Merz"},
				{frag: "photo opportunity", speaker: "Alice Weidel"},
			},
		},
		{
			name: "body with its acronym in brackets",
			text: `"India welcomes the summit," the Ministry of External Affairs (MEA) said in a statement.`,
			want: []wantQuote{{frag: "India welcomes", speaker: "Ministry of External Affairs", kind: Organisation}},
		},
		{
			name: "Sir and a given name",
			text: "Sir Keir Starmer welcomed the talks.\n\n\"Ukraine must be at the table,\" Sir Keir said.",
			want: []wantQuote{{frag: "at the table", speaker: "Keir Starmer"}},
		},
		{
			name: "possessive determiner before a title and a name",
			text: `Our Russia editor Steve Rosenberg says the Kremlin is pleased. "The pictures were the prize," he said.`,
			want: []wantQuote{{frag: "pictures were the prize", speaker: "Steve Rosenberg"}},
		},
		{
			name: "title of a body, then the name",
			text: `Deputy Chairman of the Russian Security Council Dmitry Medvedev said talks were possible "without preconditions".`,
			want: []wantQuote{{frag: "without preconditions", speaker: "Dmitry Medvedev"}},
		},
		{
			name: "a person of a party is the subject, not the party",
			text: `Opposition lawmaker Iryna Herashchenko of the European Solidarity party said the summit had "legitimized a war criminal".`,
			want: []wantQuote{{frag: "war criminal", speaker: "Iryna Herashchenko"}},
		},
		{
			name: "a description that fits two: the one who is the subject",
			text: "The talks were useful, Russian President Vladimir Putin said at a press conference with US President Donald Trump.\n\n" +
				"\"They were very thorough and useful,\" the head of state said.",
			want: []wantQuote{{frag: "very thorough", speaker: "Vladimir Putin"}},
		},
		{
			name: "a quote standing alone as a subheading",
			text: "\"Peace cannot be bought with concessions,\" Foreign Minister Andrii Sybiha said.\n\n\u201cA just peace, not a frozen conflict\u201d\n\nThe talks went on.",
			want: []wantQuote{{frag: "Peace cannot be bought", speaker: "Andrii Sybiha"}},
			none: []string{"A just peace, not a frozen conflict"},
		},
		{
			name: "according to a document is not its speaker",
			text: `PM Modi spoke to Putin and reiterated India's "consistent position", according to a readout of the call.`,
			want: []wantQuote{{frag: "consistent position", speaker: "Modi"}},
		},
		{
			name: "in the words of",
			text: `The sweatshirt was, in the words of one Commission official, "a message, not a fashion choice."`,
			want: []wantQuote{{frag: "fashion choice", kind: Unnamed, desc: "Commission official"}},
		},
		{
			name: "unnamed person with an appositive",
			text: `One resident, a 42-year-old teacher named Olena, said she was tired. "We have heard about peace so many times," she said.`,
			want: []wantQuote{{frag: "so many times", kind: Unnamed, desc: "teacher named Olena"}},
		},
		{
			name: "unnamed person as the subject of the sentence before",
			text: `Another Kyiv resident, Serhii, a 29-year-old IT worker, was blunter. "Putin got his red carpet."`,
			want: []wantQuote{{frag: "red carpet", kind: Unnamed, desc: "IT worker"}},
		},
		{
			name: "said by two people: kept, given to neither",
			text: `Trump and Putin both called the talks "productive," but gave no details.`,
			want: []wantQuote{{frag: "productive", speaker: unknown}},
		},
		{
			name: "the statement speaks for who issued it",
			text: "European leaders said in a joint statement that Ukraine needed guarantees.\n\n\"International borders must not be changed by force,\" the statement said.",
			want: []wantQuote{{frag: "borders must not", kind: Unnamed, desc: "European leaders"}},
		},
		{
			name: "a programme's title with the sentence's full stop inside the marks",
			text: `"We agreed to robust guarantees," Witkoff told CNN's Jake Tapper on "State of the Union."`,
			want: []wantQuote{{frag: "robust guarantees", speaker: "Witkoff"}},
			none: []string{"State of the Union."},
		},
		{
			name: "a name inside the given names",
			text: `Brazil's President Luiz Inacio Lula da Silva called the talks "an important step". "The world needs Russia and Ukraine at the same table," Lula wrote on X.`,
			want: []wantQuote{{frag: "same table", speaker: "Luiz Inacio Lula da Silva"}},
		},
		{
			name: "a first name alone is someone else",
			text: "Foreign Minister Sergei Lavrov spoke on state television.\n\n\"Everyone is tired of this war,\" said Sergei, a 58-year-old taxi driver.",
			want: []wantQuote{{frag: "tired of this war", speaker: "Sergei"}},
		},
		{
			name: "a partial quote the sentence runs on from keeps the verb before it",
			text: `Sir Keir Starmer has said the talks made ‘real progress’ towards security guarantees, as Kemi Badenoch warned against a ‘dirty deal’ with Putin.`,
			want: []wantQuote{{frag: "real progress", speaker: "Keir Starmer"}, {frag: "dirty deal", speaker: "Kemi Badenoch"}},
		},
		{
			name: "an age between commas, and a short whole sentence after a colon",
			text: `Olena Kovalenko, 42, a teacher from Kharkiv, said: "We are tired."`,
			want: []wantQuote{{frag: "We are tired", speaker: "Olena Kovalenko"}},
		},
		{
			name: "initials written as capitals",
			text: `Vice President JD Vance told Fox News that the administration was "not going to put American troops in Ukraine."`,
			want: []wantQuote{{frag: "American troops", speaker: "JD Vance"}},
		},
		{
			name: "role nouns before a name",
			text: `Exiled opposition figure Yulia Navalnaya called the summit "a gift to a war criminal". Kremlin critic Ilya Yashin said it was "a disgrace for the West".`,
			want: []wantQuote{{frag: "gift to a war criminal", speaker: "Yulia Navalnaya"}, {frag: "disgrace for the West", speaker: "Ilya Yashin"}},
		},
		{
			name: "Slavic surname endings tell she from he",
			text: `Foreign Ministry spokeswoman Maria Zakharova commented on the sweatshirt worn by Foreign Minister Sergei Lavrov. "They have lost their minds," she said.`,
			want: []wantQuote{{frag: "lost their minds", speaker: "Maria Zakharova"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse("case.txt", []byte(tt.text))
			Link([]*Article{a})
			for _, w := range tt.want {
				q := quoteWith(a.Quotes, w.frag)
				if q == nil {
					t.Errorf("no quote holds %q; quotes: %s", w.frag, describeQuotes(a.Quotes))
					continue
				}
				switch {
				case w.speaker == unknown:
					if q.Speaker != "" || q.Confidence != 0 {
						t.Errorf("%q: speaker %q (conf %.2f), want none", w.frag, q.Speaker, q.Confidence)
					}
				case w.kind == Unnamed:
					if q.Kind != Unnamed || q.Speaker != "" || q.Description == "" {
						t.Errorf("%q: kind %d speaker %q description %q, want an unnamed speaker", w.frag, q.Kind, q.Speaker, q.Description)
					}
					if !strings.Contains(q.Description, w.desc) {
						t.Errorf("%q: description %q, want it to hold %q", w.frag, q.Description, w.desc)
					}
				default:
					if q.Speaker != w.speaker || q.Kind != w.kind {
						t.Errorf("%q: speaker %q kind %d, want %q kind %d", w.frag, q.Speaker, q.Kind, w.speaker, w.kind)
					}
					if w.unsure && q.Confidence >= UncertainBelow {
						t.Errorf("%q: confidence %.2f, want below %.2f", w.frag, q.Confidence, UncertainBelow)
					}
					if !w.unsure && q.Confidence < UncertainBelow {
						t.Errorf("%q: confidence %.2f, want at least %.2f", w.frag, q.Confidence, UncertainBelow)
					}
				}
			}
			for _, n := range tt.none {
				for _, q := range a.Quotes {
					if q.Text == n || strings.Trim(q.Text, ",.") == n {
						t.Errorf("%q came out as a quote (speaker %q)", n, q.Speaker)
					}
				}
			}
		})
	}
}

func quoteWith(qs []Quote, frag string) *Quote {
	for i := range qs {
		if strings.Contains(qs[i].Text, frag) {
			return &qs[i]
		}
	}
	return nil
}

func describeQuotes(qs []Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString("\n  ")
		b.WriteString(q.Speaker)
		b.WriteString(": ")
		b.WriteString(q.Text)
	}
	return b.String()
}

// TestQuoteOffsets checks that every quote's offsets point at its text.
func TestQuoteOffsets(t *testing.T) {
	a := Parse(corpus.SeedFile, corpus.Seed())
	if len(a.Quotes) == 0 {
		t.Fatal("no quotes in the seed article")
	}
	for _, q := range a.Quotes {
		p := a.Paragraphs[q.Paragraph-1]
		if p.Text[q.Start:q.End] != q.Text {
			t.Errorf("¶%d [%d:%d] = %q, quote text %q", q.Paragraph, q.Start, q.End, p.Text[q.Start:q.End], q.Text)
		}
	}
}

func TestLinkAcrossArticles(t *testing.T) {
	texts := []string{
		"Ukrainian President Volodymyr Zelensky met allies. \"We need guarantees,\" Zelensky said.\n\n\"We will not accept this,\" Kremlin spokesman Dmitry Peskov told reporters.\n\nThe Kremlin said the talks were \"useful\".",
		"\"Peace is possible,\" Zelenskyy said on Monday. Peskov said the talks were \"frank\".\n\nForeign Secretary David Miliband said it was \"a start\".\n\nRussia's foreign ministry said the meeting was \"productive\".",
		"President Volodymyr Zelenskiy wrote: \"Thank you, America.\"\n\nEd Miliband, the energy secretary, said he was \"hopeful\".\n\nThe Kremlin said in a statement that \"contacts will continue\".\n\nThe Russian foreign ministry said it was \"satisfied\".",
	}
	var arts []*Article
	for i, s := range texts {
		arts = append(arts, Parse("a"+string(rune('1'+i))+".txt", []byte(s)))
	}
	speakers := Link(arts)
	by := map[string]Speaker{}
	for _, sp := range speakers {
		by[sp.Name] = sp
	}
	tests := []struct {
		name    string
		speaker string
		quotes  int
		kind    SpeakerKind
	}{
		{"spelling variants of Zelensky", "Volodymyr Zelensky", 3, Person},
		{"surname-only Peskov joins the full name", "Dmitry Peskov", 2, Person},
		{"Kremlin across articles", "Kremlin", 2, Organisation},
		{"Russia's and Russian foreign ministry", "Russia Foreign Ministry", 2, Organisation},
		{"brothers stay apart", "David Miliband", 1, Person},
		{"brothers stay apart (2)", "Ed Miliband", 1, Person},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp, ok := by[tt.speaker]
			if !ok && tt.kind == Organisation {
				// The first form seen is canonical; accept any that folds the same.
				for name, s := range by {
					if orgKey(lex, name) == orgKey(lex, tt.speaker) {
						sp, ok = s, true
					}
				}
			}
			if !ok {
				t.Fatalf("no speaker %q among %v", tt.speaker, speakerNames(speakers))
			}
			if sp.Quotes != tt.quotes || sp.Kind != tt.kind {
				t.Errorf("%q: %d quotes kind %d, want %d kind %d (aliases %q)", tt.speaker, sp.Quotes, sp.Kind, tt.quotes, tt.kind, sp.Aliases)
			}
		})
	}
	for _, a := range arts {
		for _, q := range a.Quotes {
			if q.Speaker == "" {
				continue
			}
			if _, ok := by[q.Speaker]; !ok {
				t.Errorf("quote %q has speaker %q, not a linked name", q.Text, q.Speaker)
			}
		}
	}
	if z := by["Volodymyr Zelensky"]; !containsAll(z.Aliases, "Zelenskyy", "Volodymyr Zelenskiy") {
		t.Errorf("Zelensky aliases %q", z.Aliases)
	}
	if z := by["Volodymyr Zelensky"]; z.Description != "Ukrainian President" || z.Affiliation != "Ukrainian" {
		t.Errorf("Zelensky description %q affiliation %q", z.Description, z.Affiliation)
	}
}

// TestLinkResolvesDescriptions: an article that names its speaker only as
// "the US president" gets the one person the corpus gives that title.
func TestLinkResolvesDescriptions(t *testing.T) {
	a := Parse("a.txt", []byte("Donald Trump met allies. \"It was a good call,\" the US president told reporters. \"Very good,\" Trump added."))
	b := Parse("b.txt", []byte("US President Donald Trump and Polish President Jan Kowal spoke. \"Fine,\" Kowal said. \"Great,\" Trump said."))
	c := Parse("c.txt", []byte("\"We will see,\" the Czech president said."))
	Link([]*Article{a, b, c})
	tests := []struct {
		name, frag, speaker string
		unsure              bool
	}{
		{"a person quoted in the same article", "good call", "Donald Trump", false},
		{"nobody fits: left alone", "We will see", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q *Quote
			for _, art := range []*Article{a, b, c} {
				if q == nil {
					q = quoteWith(art.Quotes, tt.frag)
				}
			}
			if q == nil {
				t.Fatalf("no quote %q", tt.frag)
			}
			if q.Speaker != tt.speaker {
				t.Errorf("speaker %q, want %q", q.Speaker, tt.speaker)
			}
			if tt.speaker != "" && q.Confidence >= 0.9 {
				t.Errorf("confidence %.2f for a description resolved across articles", q.Confidence)
			}
		})
	}
}

func speakerNames(sps []Speaker) []string {
	var out []string
	for _, s := range sps {
		out = append(out, s.Name)
	}
	return out
}

func containsAll(list []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, l := range list {
			if l == w {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// BenchmarkParseArticle measures parsing one article with quote attribution.
func BenchmarkParseArticle(b *testing.B) {
	data := corpus.Seed()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Parse(corpus.SeedFile, data)
	}
}

// BenchmarkLink measures linking speakers over many parsed articles.
func BenchmarkLink(b *testing.B) {
	base := Parse(corpus.SeedFile, corpus.Seed())
	arts := make([]*Article, 1000)
	for i := range arts {
		c := *base
		c.Quotes = append([]Quote(nil), base.Quotes...)
		arts[i] = &c
	}
	for b.Loop() {
		Link(arts)
	}
}
