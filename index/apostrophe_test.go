package index

import (
	"context"
	"testing"
)

func TestApostropheVariant(t *testing.T) {
	tests := []struct {
		name, typed, word string
		want              bool
	}{
		{"same", "can't", "can't", true},
		{"negation without apostrophe", "cant", "can't", true},
		{"negation typed, plain word", "didn't", "didnt", true},
		{"possessive", "putins", "putin's", true},
		{"we'll is not well", "well", "we'll", false},
		{"it's is not its", "its", "it's", false},
		{"we're is not were", "were", "we're", false},
		{"other word", "cart", "can't", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := apostropheVariant(tt.typed, tt.word); got != tt.want {
				t.Errorf("apostropheVariant(%q, %q) = %v", tt.typed, tt.word, got)
			}
		})
	}
}

// A contraction must not stand in for another word: nobody in the default
// article says "very well", though Trump says "We'll speak to you very soon".
func TestWhoSaidContractionIsNotAnotherWord(t *testing.T) {
	e, _ := openEngine(t, nil)
	for _, phrase := range []string{"very well", "well soon"} {
		a, err := e.WhoSaid(context.Background(), phrase, 3)
		if err != nil {
			t.Fatal(err)
		}
		if a.Found {
			t.Errorf("%q found: %+v", phrase, a.Results[0])
		}
	}
	a, err := e.WhoSaid(context.Background(), "we'll speak to you", 3)
	if err != nil || !a.Found || a.Results[0].Speaker != "Donald Trump" {
		t.Errorf("we'll speak to you: %+v, %v", a, err)
	}
}
