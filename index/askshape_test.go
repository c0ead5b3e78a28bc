package index

import (
	"testing"

	"summitbot/lexicon"
)

// TestAskQuestionShapes pins how /ask reads questions typed short or put
// indirectly: the kind of answer asked for and, for a number, its units.
func TestAskQuestionShapes(t *testing.T) {
	tests := []struct {
		name, question string
		kind           askKind
		measure        string
	}{
		{"question word last", "anchorage when", askTime, ""},
		{"question word before the mark", "putin plane where?", askPlace, ""},
		{"time noun", "harbour opening time sunday", askTime, ""},
		{"price noun", "brent price", askNumber, "measure:price"},
		{"percent noun", "india tariff percent", askNumber, "measure:percent"},
		{"cost verb", "what does wti cost", askNumber, "measure:cost"},
		{"how far", "how far did vantberg fly", askNumber, "measure:far"},
		{"how much of", "how much of russia's refining capacity is offline", askNumber, "measure:share"},
		{"how many has no unit", "how many sailors are held", askNumber, ""},
		{"name of a place", "name of the military base in alaska?", askPlace, ""},
		{"name of a person", "ukraine drone commander name", askPerson, ""},
		{"make of", "what did estonia's pm make of the summit", askSaid, ""},
		{"i heard, true", "i heard the alaska talks got cut short, true?", askEvent, ""},
		{"is it true that", "is it true that putin rode in the beast", askEvent, ""},
		{"right at the end", "the working lunch was cancelled, right?", askEvent, ""},
		{"what next", "so what happens next after skellan", askNext, ""},
		{"what came of", "what came of the phone call", askNext, ""},
		{"a plain question stays", "why did the lunch get cancelled", askReason, ""},
		{"a phrase without a question", "red carpet", askAny, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			q := analyzeQuestion(splitWords(cleanInput(tc.question), maxQueryWords), lexicon.Default())
			if q.kind != tc.kind || q.measure != tc.measure {
				t.Errorf("%q: kind %s, measure %q; want %s, %q", tc.question, kindKey(q.kind), q.measure, kindKey(tc.kind), tc.measure)
			}
		})
	}
}
