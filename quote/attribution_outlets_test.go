package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"summitbot/internal/devdata"
)

// TestGoldOutlets scores quote extraction and attribution on the outlets
// set (testdata/outlets: 13 invented articles in real outlets' styles, gold
// in the realistic set's format) and fails below the floors, which are set
// at what the extractor reaches: a change that loses a quote or a speaker
// there shows at once.
func TestGoldOutlets(t *testing.T) {
	var arts []*Article
	files := devdata.OutletsArticles(t)
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
	t.Logf("outlets overall: %s", total)
	floors := []struct {
		name  string
		value float64
		floor float64
	}{
		{"quote recall", ratio(total.found, total.gold), 0.985},
		{"quote precision", ratio(total.returned-total.falsePos, total.returned), 0.995},
		{"speaker accuracy", ratio(total.right, total.found), 0.99},
		{"speaker precision", ratio(total.attributedRight, total.attributed), 0.99},
	}
	for _, f := range floors {
		if f.value < f.floor {
			t.Errorf("%s %.3f below %.2f", f.name, f.value, f.floor)
		}
	}
}
