package quote

import (
	"testing"

	"summitbot/internal/devdata"
)

// TestGoldOutlets scores quote extraction and attribution on the outlets
// set (testdata/outlets: 13 invented articles in real outlets' styles, gold
// in the realistic set's format) and fails below the floors, which are set
// at what the extractor reaches: a change that loses a quote or a speaker
// there shows at once.
func TestGoldOutlets(t *testing.T) {
	checkGoldSet(t, "outlets", devdata.OutletsArticles(t), goldFloors{0.985, 0.995, 0.99, 0.99})
}
