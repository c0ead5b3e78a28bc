package index

import (
	"context"
	"strings"
	"testing"

	"summitbot/internal/devdata"
)

// TestOfficeLabelAnswersBoth checks a quote an article gives only by an
// office ("‘…,’ Norway’s foreign minister says", no name in the article):
// who-said answers it under that label, while /quotes for the office
// answers with the person the dated office table says held it.
func TestOfficeLabelAnswersBoth(t *testing.T) {
	name := "o02-liveblog.md"
	e, _ := openEngine(t, map[string][]byte{name: devdata.Read(t, "outlets", name)})
	ctx := context.Background()

	ws, err := e.WhoSaid(ctx, "nobody will hurry us into a bad peace", 3)
	if err != nil || !ws.Found || len(ws.Results) == 0 {
		t.Fatalf("who-said: %v %+v", err, ws)
	}
	if r := ws.Results[0]; r.Speaker != "" || !strings.Contains(r.Description, "foreign minister") {
		t.Errorf("who-said answers %q (%q), want the article's label", r.Speaker, r.Description)
	}

	qs, err := e.Quotes(ctx, "norway's foreign minister", 3)
	if err != nil || !qs.Found || len(qs.Results) == 0 {
		t.Fatalf("quotes: %v %+v", err, qs)
	}
	if !strings.Contains(qs.Subject, "Eide") || !strings.Contains(qs.Results[0].Quote, "bad peace") {
		t.Errorf("quotes: subject %q, first %q", qs.Subject, qs.Results[0].Quote)
	}
}
