package index

import (
	"context"
	"math"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// askAvgLength is the paragraph length, in indexed terms, that /ask's
// BM25 scoring takes as average. bleve would otherwise derive it from the
// number of distinct terms per segment, which changes with how the index
// happens to be split into segments (build order, background merges,
// deletions): the same question over the same corpus could rank
// differently from one index generation to the next.
const askAvgLength = 25

// askHit is one paragraph the search found, with its score.
type askHit struct {
	id    string
	art   string
	n     int
	score float64
}

// askSearch runs q for /ask with fixed BM25 statistics and returns at most
// size hits in a deterministic order: by score, rounded, then by article
// id and paragraph number. It fetches half as many again as it keeps, so that
// the paragraphs tied with the last one kept come back whole whatever order
// bleve visits them in (bleve breaks ties by that order). When a tie runs
// past the fetched page, the tied paragraphs are left out if enough better
// ones remain; only a tie of more paragraphs than the page among the very
// best (a corpus of copies) may still depend on the index layout.
func (e *Engine) askSearch(ctx context.Context, s *snapshot, q query.Query, size int) ([]askHit, error) {
	stats := &search.BM25Stats{
		DocCount: float64(max(s.paras, 1)),
		FieldCardinality: map[string]int{
			fieldText:      max(s.paras, 1) * askAvgLength,
			fieldTextExact: max(s.paras, 1) * askAvgLength * 2,
			fieldSection:   max(s.paras, 1) * 4,
		},
	}
	fetch := size + size/2
	req := bleve.NewSearchRequestOptions(q, fetch, 0, false)
	req.PreSearchData = map[string]interface{}{search.BM25PreSearchDataKey: stats}
	res, err := e.search(ctx, req)
	if err != nil {
		return nil, err
	}
	hits := make([]askHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		kind, art, n, ok := parseDocID(h.ID)
		if !ok || kind != 'p' {
			continue
		}
		hits = append(hits, askHit{id: h.ID, art: art, n: n, score: roundScore(h.Score)})
	}
	sortAskHits(hits)
	if len(res.Hits) < fetch || len(hits) <= size || hits[len(hits)-1].score < hits[size-1].score {
		return hits[:min(size, len(hits))], nil // every paragraph tied with the last kept is here
	}
	// The paragraphs tied with the last kept one may go on past the page:
	// leave them all out, unless too few would remain.
	cut := hits[size-1].score
	k := size - 1
	for k > 0 && hits[k-1].score == cut {
		k--
	}
	if k >= size/2 {
		return hits[:k], nil
	}
	return hits[:size], nil
}

// roundScore keeps 9 significant digits: scores that differ only by
// floating-point noise compare equal and fall back to the stable order.
func roundScore(x float64) float64 {
	if x == 0 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	exp := math.Floor(math.Log10(math.Abs(x)))
	scale := math.Pow(10, 8-exp)
	return math.Round(x*scale) / scale
}

func sortAskHits(hits []askHit) {
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.art != b.art {
			return a.art < b.art
		}
		return a.n < b.n
	})
}
