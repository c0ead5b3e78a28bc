package quote

import (
	"strings"
	"testing"
)

// TestAttributionShapes covers the shapes of real news copy (summary
// lines, fragments in reported speech, colon-introduced quotes, unnamed
// and collective speakers, things that are not speech, speaker-name traps,
// translated copy's marks), each with invented text.
func TestAttributionShapes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
		none []string // fragments that must not come out as quotes
	}{
		{
			name: "summary line, verb after the speaker: a role never named stays a description",
			text: "* ‘We will not be rushed,’ Norway’s foreign minister says\n\nTalks resumed in Geneva on Monday.",
			want: []wantQuote{{frag: "We will not be rushed", kind: Unnamed, desc: "Norway’s foreign minister"}},
		},
		{
			name: "summary line, verb before the speaker: a role the article names later is that person",
			text: "‘Talks are the only road,’ says Poland’s president\n\n" +
				`Polish President Jan Wirski said on Tuesday that his country "will be at the table".`,
			want: []wantQuote{{frag: "Talks are the only road", speaker: "Jan Wirski"}, {frag: "at the table", speaker: "Jan Wirski"}},
		},
		{
			name: "summary line whose words the story gives again with a named speaker",
			text: "‘Our farms cannot wait,’ says a farmer\n\n" +
				`Farm union chief Edda Lunt told the rally: "Our farms cannot wait. The rain will not wait either."`,
			want: []wantQuote{{frag: "Our farms cannot wait,", speaker: "Edda Lunt"}},
		},
		{
			name: "bullets labelled by a dash or a colon",
			text: "* ‘We need a ceasefire now’ – Zoltanov\n\n* Marren: ‘Europe must be at the table’\n\nPresident Teodor Zoltanov and Chancellor Ivo Marren met on Monday.",
			want: []wantQuote{{frag: "We need a ceasefire now", speaker: "Teodor Zoltanov"}, {frag: "Europe must be at the table", speaker: "Ivo Marren"}},
		},
		{
			name: "fragment after a participle of telling",
			text: `Foreign Minister Anne Sorel tempered hopes, telling reporters that Paris expects "slow and steady work".`,
			want: []wantQuote{{frag: "slow and steady work", speaker: "Anne Sorel"}},
		},
		{
			name: "fragment after saying, with a country as the reported subject",
			text: `President Ivo Marren spoke after the talks, saying Estonia knew how to "build a future" next to Russia.`,
			want: []wantQuote{{frag: "build a future", speaker: "Ivo Marren"}},
		},
		{
			name: "a capital in the clause a person reports stands for the person",
			text: `Latvian Prime Minister Karlis Ozols was measured, telling radio that Riga welcomed "any honest step".`,
			want: []wantQuote{{frag: "any honest step", speaker: "Karlis Ozols"}},
		},
		{
			name: "fragment in a relative clause",
			text: `Defence Minister Ivo Marren, who had warned of "grave costs", arrived late.`,
			want: []wantQuote{{frag: "grave costs", speaker: "Ivo Marren"}},
		},
		{
			name: "his own word beside what he called",
			text: `President Tomas Varga spoke for an hour. He contrasted his "frank" ties with Moscow with what he called the "timidity" of his rival.`,
			want: []wantQuote{{frag: "frank", speaker: "Tomas Varga"}, {frag: "timidity", speaker: "Tomas Varga"}},
		},
		{
			name: "a fragment with no speaker in the sentence stays a scare quote",
			text: `Negotiators met again on Friday. The "grand bargain" was not on the table.`,
			none: []string{"grand bargain"},
		},
		{
			name: "colon after a sentence whose subject is the speaker, no speech verb",
			text: "President Teodor Zoltanov met the press.\n\n" +
				`Zoltanov did not say which points were left: "We agreed on most of them."`,
			want: []wantQuote{{frag: "We agreed on most of them", speaker: "Teodor Zoltanov"}},
		},
		{
			name: "colon after an opening phrase and the subject",
			text: `Asked about the border, Mayor Lena Brandt greeted the visitors with the words: "Welcome, neighbours."`,
			want: []wantQuote{{frag: "Welcome, neighbours", speaker: "Lena Brandt"}},
		},
		{
			name: "the source said, after a source familiar with the talks",
			text: `A source familiar with the talks said the map was final. "They did not come to bargain," the source said.`,
			want: []wantQuote{{frag: "They did not come to bargain", kind: Unnamed, desc: "source"}},
		},
		{
			name: "the reporter asked",
			text: `One reporter pressed him on the vote. "Will you stand again?" the reporter asked.`,
			want: []wantQuote{{frag: "Will you stand again?", kind: Unnamed, desc: "reporter"}},
		},
		{
			name: "a role nobody in the article holds, with a speech verb before the fragment's own verb",
			text: `The spokeswoman said talks would continue "in good faith".`,
			want: []wantQuote{{frag: "in good faith", kind: Unnamed, desc: "spokeswoman"}},
		},
		{
			name: "a pronoun after a described asker is not labelled by the description",
			text: `The reporter asked Mayor Ana Voss whether she trusted the deal. "I trust nobody," she replied.`,
			// Not "the reporter" (nor, here, anyone: the subject was the asker).
			want: []wantQuote{{frag: "I trust nobody", speaker: "", kind: Person}},
		},
		{
			name: "according to an unnamed source, not the leaders who spoke for an hour",
			text: `According to a person familiar with the matter, the two leaders spoke for "about an hour".`,
			want: []wantQuote{{frag: "about an hour", kind: Unnamed, desc: "person familiar"}},
		},
		{
			name: "the press pool reported, citing the spokeswoman",
			text: `The press pool reported, citing the spokeswoman, that the call lasted "about an hour".`,
			want: []wantQuote{{frag: "about an hour", kind: Unnamed, desc: "press pool"}},
		},
		{
			name: "leaders of the coalition warned",
			text: `Leaders of the coalition warned that any deal made without them would be "worthless".`,
			want: []wantQuote{{frag: "worthless", kind: Unnamed, desc: "coalition"}},
		},
		{
			name: "an unnamed subject after an opening phrase, with a relative clause and a first name",
			text: `At the depot, a driver who gave only his first name, Piotr, shrugged: "Peace or not, I drive."`,
			want: []wantQuote{{frag: "Peace or not", kind: Unnamed, desc: "driver"}},
		},
		{
			name: "the readout is the body that issued it",
			text: "Envoy Ruth Kale spoke on Tuesday with her Danish counterpart, the Foreign Office said. \"Both sides want calm,\" the readout said.\n\n" +
				"The Kremlin said in its readout that the call had lasted an hour. According to the readout, the leaders discussed \"the idea of a second meeting\".",
			want: []wantQuote{{frag: "Both sides want calm", speaker: "Foreign Office", kind: Organisation},
				{frag: "the idea of a second meeting", speaker: "Kremlin", kind: Organisation}},
		},
		{
			name: "words on a backdrop, a banner, a placard, a chant and a report's title are no one's",
			text: `Behind Marren, the backdrop read "peace through dialogue". Protesters held a banner reading "Hands off the coast" and chanted "No more talks". Others held signs reading "Stop the war" and "Stand with the coast." ` +
				`Envoy Ruth Kale said a report titled "Coastal Security Review" would follow.`,
			none: []string{"peace through dialogue", "Hands off the coast", "No more talks", "Stop the war", "Stand with the coast", "Coastal Security Review"},
		},
		{
			name: "a label the press gave is not the quote of the sentence's speaker",
			text: `Mayor Ana Voss thanked the crews twice, in what local papers had dubbed the "thank-you tour".`,
			none: []string{"thank-you tour"},
		},
		{
			name: "a participle opening the sentence is no part of the name",
			text: `Travelling to Oslo on Sunday, Zoltanov said the talks were "going well".`,
			want: []wantQuote{{frag: "going well", speaker: "Zoltanov"}},
		},
		{
			name: "a body's name with for and the",
			text: `The Centre for Disinformation Monitoring said the clips were "plainly fabricated".`,
			want: []wantQuote{{frag: "plainly fabricated", speaker: "Centre for Disinformation Monitoring", kind: Organisation}},
		},
		{
			name: "an analyst titled by a body's name",
			text: `Analyst of the Centre for Naval Studies Oleh Marko believes the strikes work. „The fleet now stays in port,“ he said.`,
			want: []wantQuote{{frag: "The fleet now stays in port", speaker: "Oleh Marko"}},
		},
		{
			name: "a role named by the country's own words goes to the president named before",
			text: "This was reported by President of Ukraine Taras Hordiy in his evening address.\n\n" +
				"„The strike hit a grain store,“ the Head of State emphasized.",
			want: []wantQuote{{frag: "grain store", speaker: "Taras Hordiy"}},
		},
		{
			name: "guillemets and a dash before the speech tag",
			text: "Foreign Minister Oleg Darin spoke in Minsk.\n\n«We will not retreat from our position», — he stressed.",
			want: []wantQuote{{frag: "We will not retreat", speaker: "Oleg Darin"}},
		},
		{
			name: "guillemets, a dash and the speaker after the verb",
			text: "«We are ready for any format», — stressed Deputy Minister Pavel Gorin.",
			want: []wantQuote{{frag: "ready for any format", speaker: "Pavel Gorin"}},
		},
		{
			name: "Polish marks around a split quote",
			text: "„Poland will not be a spectator,” said Foreign Minister Radek Sosna, „and we will not be silent.”",
			want: []wantQuote{{frag: "not be a spectator", speaker: "Radek Sosna"}, {frag: "will not be silent", speaker: "Radek Sosna"}},
		},
		{
			name: "a long list in a relative clause is skipped to the body",
			text: `The Baltic Council, which groups Denmark, Finland, Norway and Sweden, said in a joint statement that "borders are not for sale".`,
			want: []wantQuote{{frag: "borders are not for sale", speaker: "Baltic Council", kind: Organisation}},
		},
		{
			name: "as X put it, around a split quote",
			text: `"A reset in all but name," as Senator Ruth Kale put it, "is still a reset."`,
			want: []wantQuote{{frag: "A reset in all but name", speaker: "Ruth Kale"}, {frag: "is still a reset", speaker: "Ruth Kale"}},
		},
		{
			name: "an appositive naming the quote does not attribute it",
			text: `Trade adviser Mark Olin has called the port a "laundromat for smugglers", a charge the harbour board rejects.`,
			want: []wantQuote{{frag: "laundromat for smugglers", speaker: "Mark Olin"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse("case.txt", []byte(tt.text))
			Link([]*Article{a})
			checkAttribution(t, a, tt.want, tt.none)
		})
	}
}

func foldApostrophes(s string) string { return strings.ReplaceAll(strings.ToLower(s), "’", "'") }

// checkAttribution checks that each wanted fragment stands in a quote of the
// wanted speaker (or unnamed description), and that none of the none
// fragments came out as anyone's quote.
func checkAttribution(t *testing.T, a *Article, want []wantQuote, none []string) {
	t.Helper()
	for _, w := range want {
		q := quoteWith(a.Quotes, w.frag)
		if q == nil {
			t.Errorf("no quote holds %q; quotes: %s", w.frag, describeQuotes(a.Quotes))
			continue
		}
		if w.kind == Unnamed {
			if q.Kind != Unnamed || q.Speaker != "" || !strings.Contains(foldApostrophes(q.Description), foldApostrophes(w.desc)) {
				t.Errorf("%q: kind %d speaker %q description %q, want unnamed %q", w.frag, q.Kind, q.Speaker, q.Description, w.desc)
			}
			continue
		}
		if q.Speaker != w.speaker || q.Kind != w.kind {
			t.Errorf("%q: speaker %q kind %d, want %q kind %d", w.frag, q.Speaker, q.Kind, w.speaker, w.kind)
		}
	}
	for _, n := range none {
		if q := quoteWith(a.Quotes, n); q != nil {
			t.Errorf("%q came out as a quote of %q", n, q.Speaker)
		}
	}
}
