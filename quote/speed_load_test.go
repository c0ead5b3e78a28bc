package quote

import (
	"os"
	"path/filepath"
	"slices"
	"summitbot/corpus"
	"testing"
)

// BenchmarkLoad loads the corpus folder named by CORPUS_BENCH; it is skipped
// unless that is set.
func BenchmarkLoad(b *testing.B) {
	dir := os.Getenv("CORPUS_BENCH")
	if dir == "" {
		b.Skip("CORPUS_BENCH not set")
	}
	for b.Loop() {
		if _, err := Load(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinkFolder links the speakers of the corpus folder named by
// CORPUS_BENCH, parsed once; it is skipped unless that is set.
func BenchmarkLinkFolder(b *testing.B) {
	dir := os.Getenv("CORPUS_BENCH")
	if dir == "" {
		b.Skip("CORPUS_BENCH not set")
	}
	c, err := Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	// Load has linked them: parse again for unlinked quotes.
	var parsed []*Article
	for _, a := range c.Articles {
		data, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			b.Fatal(err)
		}
		parsed = append(parsed, Parse(a.File, data))
	}
	arts := make([]*Article, len(parsed))
	for b.Loop() {
		b.StopTimer()
		for i, a := range parsed {
			cp := *a
			cp.Quotes = slices.Clone(a.Quotes)
			arts[i] = &cp
		}
		b.StartTimer()
		Link(arts)
	}
}

// BenchmarkParseFolder parses, on one core, every article file of the
// corpus folder named by CORPUS_BENCH; it is skipped unless that is set.
func BenchmarkParseFolder(b *testing.B) {
	dir := os.Getenv("CORPUS_BENCH")
	if dir == "" {
		b.Skip("CORPUS_BENCH not set")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	var datas [][]byte
	for _, e := range entries {
		if !corpus.IsArticleFile(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, e.Name())
		datas = append(datas, data)
	}
	for b.Loop() {
		for i, name := range names {
			Parse(name, datas[i])
		}
	}
}
