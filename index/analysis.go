package index

import (
	"fmt"
	"summitbot/lexicon"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// mappingVersion is part of the index fingerprint: bump it whenever the
// mapping, an analyzer or the document layout changes, so that an index
// built by an older binary is rebuilt.
const mappingVersion = "summit-mapping-6"

// Names of the analysis pieces the stored mapping refers to.
const (
	foldFilterName = "summit_fold"
	analyzerMain   = "summit_en"
	analyzerExact  = "summit_exact"
	analyzerName   = "summit_name"
	fieldText      = "text"
	fieldTextExact = "text_exact"
	fieldSection   = "section"
	attributedYes  = "t"
	attributedNo   = "f"
)

// registerOnce guards the registration of the fold filter in bleve's
// registry. That registry is global to the process and is not safe for
// concurrent writes, and every process that opens the index needs the filter
// (the stored mapping names it), so it is registered exactly once per process
// from registerAnalysis, which Open and every mapping constructor call before
// touching bleve. This is the one piece of process-wide state in the package.
var registerOnce sync.Once

var registerErr error

// registerAnalysis makes the custom token filter known to bleve.
func registerAnalysis() error {
	registerOnce.Do(func() {
		registerErr = registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return foldFilter{}, nil
		})
	})
	if registerErr != nil {
		return fmt.Errorf("index: register analysis: %w", registerErr)
	}
	return nil
}

// foldFilter folds accents (NFKD, drop combining marks, NFC) and typographic
// quotes and apostrophes to their plain forms, keeping token offsets intact
// (it changes only the term, never the text positions). An all-capital "US"
// (or "U.S") becomes "usa" so that the stop filter does not eat the country.
type foldFilter struct{}

func (foldFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = foldTerm(t.Term)
	}
	return in
}

func foldTerm(term []byte) []byte {
	if len(term) == 2 && term[0] == 'U' && term[1] == 'S' || string(term) == "U.S" {
		return []byte("usa")
	}
	ascii := true
	for _, b := range term {
		if b >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return term
	}
	return []byte(lexicon.Fold(string(term)))
}

// newMapping builds the index mapping: one document per paragraph, with only
// the fields queries search (term vectors only on the exact field, for
// phrase queries).
// Nothing is stored: results are built from the corpus held in memory, the
// index only finds document ids.
func newMapping() (*mapping.IndexMappingImpl, error) {
	if err := registerAnalysis(); err != nil {
		return nil, err
	}
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	if err := m.AddCustomAnalyzer(analyzerMain, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     unicodetok.Name,
		"token_filters": []string{foldFilterName, lowercase.Name, en.PossessiveName, en.StopName, en.SnowballStemmerName},
	}); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	if err := m.AddCustomAnalyzer(analyzerExact, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     unicodetok.Name,
		"token_filters": []string{foldFilterName, lowercase.Name, en.PossessiveName},
	}); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	if err := m.AddCustomAnalyzer(analyzerName, map[string]interface{}{
		"type":          "custom",
		"tokenizer":     unicodetok.Name,
		"token_filters": []string{foldFilterName, lowercase.Name, en.PossessiveName},
	}); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	text := func(analyzer string, vectors bool) *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = vectors
		f.DocValues = false
		return f
	}
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldText, text(analyzerMain, false))
	doc.AddFieldMappingsAt(fieldTextExact, text(analyzerExact, true))
	doc.AddFieldMappingsAt(fieldSection, text(analyzerMain, false))
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerMain
	m.DefaultField = fieldText
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("index: mapping: %w", err)
	}
	return m, nil
}

// analyzers are the mapping's analyzers, used in memory to check and mark
// matches exactly as the index sees words.
type analyzers struct {
	main, exact analysis.Analyzer
}

func newAnalyzers(m mapping.IndexMapping) (analyzers, error) {
	a := analyzers{main: m.AnalyzerNamed(analyzerMain), exact: m.AnalyzerNamed(analyzerExact)}
	if a.main == nil || a.exact == nil {
		return a, fmt.Errorf("index: analyzers missing from mapping")
	}
	return a, nil
}

// token is one analysed word with its byte span in the source text.
type token struct {
	term       string
	start, end int
	pos        int
}

func analyze(a analysis.Analyzer, s string) []token {
	if s == "" {
		return nil
	}
	ts := a.Analyze([]byte(s))
	out := make([]token, 0, len(ts))
	for _, t := range ts {
		out = append(out, token{term: string(t.Term), start: t.Start, end: t.End, pos: t.Position})
	}
	return out
}
