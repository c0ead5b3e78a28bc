package quote

import (
	"strings"
	"summitbot/corpus"
	"testing"
	"time"
)

// checkQuotes fails on any quote whose offsets, text or confidence are off.
func checkQuotes(t testing.TB, paras []corpus.Paragraph, qs []Quote) {
	t.Helper()
	byN := map[int]string{}
	for _, p := range paras {
		byN[p.N] = p.Text
	}
	for _, q := range qs {
		text, ok := byN[q.Paragraph]
		if !ok {
			t.Fatalf("quote %q in unknown paragraph %d", q.Text, q.Paragraph)
		}
		if q.Start < 0 || q.End > len(text) || q.Start > q.End || text[q.Start:q.End] != q.Text {
			t.Fatalf("quote %q has offsets [%d:%d] in a paragraph of %d bytes", q.Text, q.Start, q.End, len(text))
		}
		if q.Confidence < 0 || q.Confidence > 1 {
			t.Fatalf("quote %q has confidence %v", q.Text, q.Confidence)
		}
		if q.Speaker == "" && q.Kind == Person && q.Confidence != 0 {
			t.Fatalf("quote %q has no speaker but confidence %v", q.Text, q.Confidence)
		}
		if q.Kind == Unnamed && (q.Speaker != "" || q.Description == "") {
			t.Fatalf("unnamed quote %q has speaker %q description %q", q.Text, q.Speaker, q.Description)
		}
	}
}

func TestQuotesRobust(t *testing.T) {
	long := strings.Repeat("The talks went on and on, and nobody said much. ", 130) // ~6000 bytes
	manyQuotes := strings.Repeat(`"We will see," Trump said. `, 220)
	tests := []struct {
		name  string
		paras []string
		// quotes is the number of quotes expected, or -1 for "any".
		quotes int
	}{
		{"unbalanced opener", []string{`Peskov said "the talks were useful and then left the room.`}, 0},
		{"unbalanced closer", []string{`the talks were useful" Peskov said.`}, 0},
		{"only quote marks", []string{`"" "" ‘’ '' “””“ «»`}, 0},
		{"a lone mark", []string{`"`}, 0},
		{"6000-byte paragraph without quotes", []string{long}, 0},
		{"6000-byte quote", []string{`"` + long + `," Peskov said.`}, 1},
		{"6000-byte paragraph of quotes", []string{manyQuotes}, 220},
		{"emoji", []string{`"Peace 🕊️ now 🇺🇦," 👍 Zelensky wrote on X.`}, 1},
		{"control characters", []string{"\"We\x00 will\x07 see,\" Trump\x1b said.\x7f"}, 1},
		{"invalid UTF-8 repaired", []string{strings.ToValidUTF8("\"We \xff\xfe will see,\" Trump said.", "\uFFFD")}, 1},
		{"right-to-left text", []string{`"سلام عليكم," said the envoy.`}, 1},
		{"deep nesting", []string{strings.Repeat(`"'`, 500) + "x" + strings.Repeat(`'"`, 500)}, -1},
		{"alternating marks", []string{strings.Repeat(`" ' “ ” ‘ ’ `, 500)}, -1},
		// An unclosed quote opening a paragraph still runs to its end.
		{"continued quote at the last paragraph", []string{`"We will go on and on.`}, 1},
		{"continued quote into a paragraph of marks", []string{`"We will go on, Trump said.`, `"`}, -1},
		{"pronouns with nobody named", []string{`"Yes," he said. "No," she said. "Maybe," they said. "Fine," it said.`}, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paras []corpus.Paragraph
			for i, p := range tt.paras {
				paras = append(paras, corpus.Paragraph{N: i + 1, Text: p})
			}
			start := time.Now()
			qs := Find(paras)
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
			checkQuotes(t, paras, qs)
			if tt.quotes >= 0 && len(qs) != tt.quotes {
				t.Errorf("%d quotes, want %d: %s", len(qs), tt.quotes, describeQuotes(qs))
			}
			for _, q := range qs {
				if q.Speaker != "" && q.Confidence == 0 {
					t.Errorf("%q attributed to %q with confidence 0", q.Text, q.Speaker)
				}
			}
		})
	}
}

// TestQuotesNoGuess: pronouns with nobody to refer to are left unattributed.
func TestQuotesNoGuess(t *testing.T) {
	qs := Find([]corpus.Paragraph{{N: 1, Text: `"Yes," he said. "No," she said.`}})
	for _, q := range qs {
		if q.Speaker != "" || q.Confidence != 0 {
			t.Errorf("%q attributed to %q (%.2f) with nobody named", q.Text, q.Speaker, q.Confidence)
		}
	}
}

func FuzzFindQuotes(f *testing.F) {
	f.Add(`"We will see," Trump said.`, `"And more."`)
	f.Add(`‘We don’t know,’ Mr Bell said of Russia’s plans.`, `‘Next.’`)
	f.Add(`Trump called it a '10 out of 10' meeting, she said: "ok`, `"then`)
	f.Add(`"A," said Ursula von der Leyen, president of the "EU".`, `According to him, "yes".`)
	f.Add(`"'"'"'`, `''""“”‘’`)
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = strings.ToValidUTF8(a, "?"), strings.ToValidUTF8(b, "?")
		paras := []corpus.Paragraph{{N: 1, Text: a}, {N: 2, Text: b}}
		qs := Find(paras)
		checkQuotes(t, paras, qs)
		Link([]*Article{{Quotes: qs}})
	})
}

// TestParseConcurrent: articles may be parsed in parallel (run with -race).
func TestParseConcurrent(t *testing.T) {
	data := corpus.Seed()
	want := len(Parse(corpus.SeedFile, data).Quotes)
	done := make(chan int)
	for i := 0; i < 4; i++ {
		go func() { done <- len(Parse(corpus.SeedFile, data).Quotes) }()
	}
	for i := 0; i < 4; i++ {
		if got := <-done; got != want {
			t.Errorf("parallel parse found %d quotes, want %d", got, want)
		}
	}
}
