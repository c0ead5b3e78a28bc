package quote

import (
	"reflect"
	"testing"
)

func TestScanQuotes(t *testing.T) {
	tests := []struct {
		name string
		text string
		next markFamily
		want []string
	}{
		{"straight double", `He said "hello there" and left.`, famNone, []string{"hello there"}},
		{"curly split quote", `“A start,” he said, “but only a start.”`, famNone, []string{"A start,", "but only a start."}},
		{"nested single in double", `"She told me 'we are close,' and left," he said.`, famNone, []string{"She told me 'we are close,' and left,"}},
		{"nested double in British single", `‘He said “yes”, then no,’ she said.`, famNone, []string{"He said “yes”, then no,"}},
		{"British quote with apostrophes", `‘We don’t know,’ Mr Bell said of Russia’s plans.`, famNone, []string{"We don’t know,"}},
		{"straight single quote starting with digits", `Trump called it a '10 out of 10' meeting.`, famNone, []string{"10 out of 10"}},
		{"apostrophes only", `Don't touch Russia's rock 'n' roll from the '90s or the ’80s, rock ’n’ roll.`, famNone, nil},
		{"plural possessive inside British quote", `‘The leaders’ talks were useless,’ she said.`, famNone, []string{"The leaders’ talks were useless,"}},
		{"plural possessive before straight single quote", `The leaders' talks ended. 'It was fine,' she said.`, famNone, []string{"It was fine,"}},
		{"unbalanced opener dropped", `He said "this never ends`, famNone, nil},
		{"unclosed after colon runs to the end", `He said: "this never ends here`, famNone, []string{"this never ends here"}},
		{"continues in next paragraph", `"We came here to talk. We will be back.`, famDouble, []string{"We came here to talk. We will be back."}},
		{"only quote marks", `"" '' “” ‘’ "`, famNone, nil},
		{"inch mark", `a 12" screen and "quoted words" here`, famNone, []string{"quoted words"}},
		{"guillemets", `«Bonjour», a-t-il dit.`, famNone, []string{"Bonjour"}},
		{"French guillemets with spaces", `Macron said « we are ready » and left.`, famNone, []string{" we are ready "}},
		{"German reversed guillemets", `»Wir sind bereit«, sagte Merz. Er sagte: »Gut.«`, famNone, []string{"Wir sind bereit", "Gut."}},
		{"German low-high marks", `Merz sagte: „Europa muss am Tisch sitzen“ und ging.`, famNone, []string{"Europa muss am Tisch sitzen"}},
		{"right mark used as opener", `”Hello,” he said.`, famNone, []string{"Hello,"}},
		{"closing after punctuation in nested", `“He told me, ‘Wait.’” she said.`, famNone, []string{"He told me, ‘Wait.’"}},
		{"two quotes in a row", `"Never." "Not while I live."`, famNone, []string{"Never.", "Not while I live."}},
		{"right single mark typed as an opener", `’We are ready,’ he said of the ’90s.`, famNone, []string{"We are ready,"}},
		{"straight single scare quote in a straight article", `Moscow's 'red lines' were clear, and the leaders' plan "stood".`, famNone, []string{"red lines", "stood"}},
		{"unclosed single inside double", `"We're 'in it," he said.`, famNone, []string{"We're 'in it,"}},
		{"emoji inside", `She wrote: "Peace now 🕊️ please" online.`, famNone, []string{"Peace now 🕊️ please"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range scanQuotes(tt.text, tt.next) {
				if s.start < 0 || s.end > len(tt.text) || s.start > s.end {
					t.Fatalf("span %+v out of range", s)
				}
				got = append(got, tt.text[s.start:s.end])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLeadingFamily(t *testing.T) {
	tests := []struct {
		name, text string
		want       markFamily
	}{
		{"curly double", "“But I will not.", famDouble},
		{"straight double", `"But I will not.`, famDouble},
		{"British single", "‘If they can’t…", famSingle},
		{"straight single", "'If they can't…", famSingle},
		{"elision is not a quote", "'Tis the season.", famNone},
		{"decade is not a quote", "’90s nostalgia.", famNone},
		{"plain text", "Plain text.", famNone},
		{"empty", "", famNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := leadingFamily(tt.text); got != tt.want {
				t.Errorf("leadingFamily(%q) = %d, want %d", tt.text, got, tt.want)
			}
		})
	}
}
