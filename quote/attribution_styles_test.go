package quote

import (
	"testing"
)

// TestAttributionStyles covers the habits of the styles the blind set
// (testdata/blind) brought in — honorifics, long titles, kinds of body
// before a name, names of things after naming verbs, passives with an
// agent — each with invented text.
func TestAttributionStyles(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []wantQuote
		none []string // fragments that must not come out as quotes
	}{
		{
			name: "an honorific before a surname is the person named in full before",
			text: `Steel Minister Arvind Rao stated that the plant would "stay open". "We will not close it," Shri Rao stated.`,
			want: []wantQuote{{frag: "stay open", speaker: "Arvind Rao"}, {frag: "We will not close it", speaker: "Arvind Rao"}},
		},
		{
			name: "portfolio words joined by 'and' before a title and a name",
			text: `Mines and Energy Minister Tomas Veld said the grid was "holding up".`,
			want: []wantQuote{{frag: "holding up", speaker: "Tomas Veld"}},
		},
		{
			name: "a capitalised title's 'to' before the name",
			text: `Galdorian Ambassador to Norvala Pieter Ames said ties were "steady".`,
			want: []wantQuote{{frag: "steady", speaker: "Pieter Ames"}},
		},
		{
			name: "a rank that is also a surname ends a name; the pronoun after is hers",
			text: `Defence analyst Ingrid Major told the paper that the plan was thin. "It is a list of hopes," she said.`,
			want: []wantQuote{{frag: "It is a list of hopes", speaker: "Ingrid Major"}},
		},
		{
			name: "a long appositive between the quote and its verb",
			text: `"The vote changes little," Omar Haddad, a researcher at the Centre for Peace and Conflict Studies, told the paper.`,
			want: []wantQuote{{frag: "The vote changes little", speaker: "Omar Haddad"}},
		},
		{
			name: "an acronym in brackets: the body the acronym later stands for",
			text: `The city welcomed the deal, with the Office of Harbour Affairs (OHA) stating that "the port stays open". "Ships will sail," the OHA said.`,
			want: []wantQuote{{frag: "the port stays open", speaker: "Office of Harbour Affairs", kind: Organisation},
				{frag: "Ships will sail", speaker: "Office of Harbour Affairs", kind: Organisation}},
		},
		{
			name: "a description with 'named' and a full name is that person",
			text: `A retired ferry captain named Olaf Brenner watched from the pier. "I have seen worse storms," he says.`,
			want: []wantQuote{{frag: "I have seen worse storms", speaker: "Olaf Brenner"}},
		},
		{
			name: "a body's name after a lower-case kind noun",
			text: `The popular news channel Kestrel wrote that "the talks have failed".`,
			want: []wantQuote{{frag: "the talks have failed", speaker: "Kestrel", kind: Organisation}},
		},
		{
			name: "a platform after 'on' before a participle is not the subject",
			text: `Mira Kostadin posted a statement on X warning that "the strait must stay open".`,
			want: []wantQuote{{frag: "the strait must stay open", speaker: "Mira Kostadin"}},
		},
		{
			name: "names after naming verbs, 'known as' and 'aired on' are nobody's words",
			text: `The convoy rode in the car the guards call "The Iron Box." The unit is known internally as the "harbour desk." The interview aired on "Evening Watch" after the talks.`,
			none: []string{"The Iron Box", "harbour desk", "Evening Watch"},
		},
		{
			name: "a parenthetical holding a programme title is skipped to the subject",
			text: `Foreign Minister Ilse Marren, appearing on "Morning Table" with Ana Brill, said that "the door is open."`,
			want: []wantQuote{{frag: "the door is open", speaker: "Ilse Marren"}},
			none: []string{"Morning Table"},
		},
		{
			name: "a passive naming verb's agent said it",
			text: `The new levy, described by officials as "fair and overdue", starts in May.`,
			want: []wantQuote{{frag: "fair and overdue", kind: Unnamed, desc: "officials"}},
		},
		{
			name: "a body's head and 'of' before a capitalised word is a body, not a person the pronoun could be",
			text: `Minister Aiko Tanabe said Tokyo would work with the Group of Seven. She declined to give details, saying it was "too early" to judge.`,
			want: []wantQuote{{frag: "too early", speaker: "Aiko Tanabe"}},
		},
		{
			name: "a colon after an unnamed person's clause: a reporter's question",
			text: `Then a reporter turned to the minister: "Will you resign?"`,
			want: []wantQuote{{frag: "Will you resign?", kind: Unnamed, desc: "a reporter"}},
		},
		{
			name: "a particle verb inverted after the quote",
			text: `"The harbour is the prize," summed up Lena Fisk, a fellow at the Norvala Institute.`,
			want: []wantQuote{{frag: "The harbour is the prize", speaker: "Lena Fisk"}},
		},
		{
			name: "a body's name in lower case with 'of the'",
			text: `The ministry of the interior, for its part, recalled that police were ready to "hold the line" all week.`,
			want: []wantQuote{{frag: "hold the line", speaker: "Ministry of the Interior", kind: Organisation}},
		},
		{
			name: "a role with no country in another article is not that article's person",
			text: `"The talks went well," the top government spokesman told reporters.`,
			want: []wantQuote{{frag: "The talks went well", kind: Unnamed, desc: "the top government spokesman"}},
		},
	}
	other := Parse("other.txt", []byte(`Government spokesman Karl Benn said the talks were "useful".`))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Parse("case.txt", []byte(tt.text))
			Link([]*Article{a, other})
			checkAttribution(t, a, tt.want, tt.none)
		})
	}
}
