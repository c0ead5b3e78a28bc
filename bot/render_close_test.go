package bot

import (
	"strings"
	"testing"

	"summitbot/answer"
)

// TestCloseMatchSaidOnce checks that a close match tells the member once,
// in its heading and on the quote, that these are not the typed words: the
// engine's note saying the same is not repeated above the quotes.
func TestCloseMatchSaidOnce(t *testing.T) {
	ans := answer.Answer{
		Command: "who-said", Query: "no deal till theres a deal", Found: true, Match: answer.MatchClose,
		Note:    "closest quote: no quote has these exact words; the quote's own words are shown",
		Results: []answer.Result{{Speaker: "Donald Trump", Quote: "There’s no deal until there’s a deal", Text: "“There’s no deal until there’s a deal,” Trump said.", Paragraph: 3}},
	}
	resp := answerReply(ans, page{command: "who-said", size: 3})
	content := resp.Data.Content
	if !strings.Contains(content, "Closest quote") || !strings.Contains(content, "not these exact words") {
		t.Errorf("heading: %q", content)
	}
	if strings.Contains(content, "no quote has these exact words") {
		t.Errorf("the note repeats the heading: %q", content)
	}
}
