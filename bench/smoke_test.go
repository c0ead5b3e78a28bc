package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"summitbot/corpus"
	"summitbot/quote"
)

// The smoke tests run every measurement once on a one-article corpus, in
// the normal test pass, so that the benchmarks cannot rot. They check that
// the measurements hold sane values, never how fast anything is.

func TestGeneratedCorpus(t *testing.T) {
	m, err := loadMaterial()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.persons) == 0 || len(m.places) == 0 {
		t.Fatalf("material: %d persons, %d places: nothing to rename", len(m.persons), len(m.places))
	}
	const n = 12
	dir := t.TempDir()
	if err := m.writeCorpus(dir, n); err != nil {
		t.Fatal(err)
	}
	c, err := quote.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) > 0 || len(c.Articles) != n {
		t.Fatalf("%d articles, problems %v; want %d articles", len(c.Articles), c.Problems, n)
	}
	original := map[string]bool{}
	for _, p := range m.persons {
		original[p.name] = true
	}
	paras, renamed := 0, 0
	for _, a := range c.Articles {
		if len(a.Paragraphs) < minParas-2 {
			t.Errorf("%s: %d paragraphs, want about %d to %d", a.ID, len(a.Paragraphs), minParas, maxParas)
		}
		if len(a.Quotes) == 0 {
			t.Errorf("%s: no quotes", a.ID)
		}
		if a.Title == "" || a.URL == "" || a.Outlet == "" || a.Published == "" {
			t.Errorf("%s: front matter %+v", a.ID, corpus.MetaOf(a.Article))
		}
		paras += len(a.Paragraphs)
		for _, q := range a.Quotes {
			if q.Kind == quote.Person && q.Speaker != "" && !original[q.Speaker] {
				renamed++
			}
		}
	}
	if avg := paras / n; avg < minParas-2 || avg > maxParas {
		t.Errorf("%d paragraphs per article on average, want about %d", avg, (minParas+maxParas)/2)
	}
	if renamed == 0 {
		t.Error("no quote is attributed to an invented speaker: renaming does nothing")
	}

	t.Run("deterministic and prefix-stable", func(t *testing.T) {
		small := t.TempDir()
		if err := m.writeCorpus(small, 3); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			name, _ := m.article(i)
			a, _ := os.ReadFile(filepath.Join(dir, name))
			b, _ := os.ReadFile(filepath.Join(small, name))
			if len(a) == 0 || !bytes.Equal(a, b) {
				t.Errorf("%s differs between a corpus of %d and one of 3", name, n)
			}
		}
	})
}

func TestRenaming(t *testing.T) {
	r := renaming{words: map[string]string{"Ana": "Greta", "Sorell": "Yarrow"}, places: [][2]string{{"Port Aldren", "Kelhaven"}}}
	tests := []struct{ name, in, want string }{
		{"name and possessive", "Ana Sorell's view", "Greta Yarrow's view"},
		{"not inside a longer word", "Analysts in Anatolia", "Analysts in Anatolia"},
		{"place", "a fisherman in Port Aldren said", "a fisherman in Kelhaven said"},
		{"place not inside a longer word", "Port Aldrenmouth", "Port Aldrenmouth"},
		{"accented neighbours", "Sorellé and Sorell", "Sorellé and Yarrow"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := r.apply(tc.in); got != tc.want {
				t.Errorf("apply(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestQueryPlan(t *testing.T) {
	m, err := loadMaterial()
	if err != nil {
		t.Fatal(err)
	}
	p := m.plan()
	for name, list := range map[string][]string{"who-said": p.whoSaid, "ask": p.ask, "reactions": p.reactions,
		"phrase prefixes": p.phrasePrefixes, "group prefixes": p.groupPrefixes, "speaker prefixes": p.speakerPrefixes} {
		if len(list) < 10 {
			t.Errorf("%s: %d queries, want at least 10", name, len(list))
		}
	}
	for _, q := range append(append([]string(nil), p.whoSaid...), p.ask...) {
		if strings.TrimSpace(q) == "" {
			t.Error("an empty query in the plan")
		}
	}
}

func TestIngestSmoke(t *testing.T) {
	fx := tempFixture(t, 1)
	r, err := measureIngest(context.Background(), fx.corpusDir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if r.articles != 1 || r.paragraphs < minParas-2 || r.quotes == 0 {
		t.Errorf("ingested %d articles, %d paragraphs, %d quotes", r.articles, r.paragraphs, r.quotes)
	}
	if r.engine <= 0 || r.load <= 0 || r.bleve <= 0 {
		t.Errorf("timings %+v", r)
	}
}

func TestQuerySmoke(t *testing.T) {
	ctx := context.Background()
	fx := tempFixture(t, 1)
	eng, err := fx.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	match, err := openMatchCopy(fx.indexDir, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer match.Close()
	for _, k := range queryKinds() {
		t.Run(k.name, func(t *testing.T) {
			qs := k.queries(fx.plan)
			var kt kindTimes
			if err := measureKind(ctx, eng, match, k, qs, 0, len(qs), &kt); err != nil {
				t.Fatal(err)
			}
			if len(kt.engine) != len(qs) || k.match && len(kt.match) != len(qs) {
				t.Errorf("%d timings, %d match timings for %d queries", len(kt.engine), len(kt.match), len(qs))
			}
			if kt.found == 0 {
				t.Errorf("none of %d queries found anything", len(qs))
			}
		})
	}
}

func TestStartupSmoke(t *testing.T) {
	fx := tempFixture(t, 1)
	fx.warm(t)
	bin := buildBinary(t, t.TempDir())
	r, err := measureStartup(context.Background(), bin, fx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if r.ready <= 0 || r.peakMB <= 0 {
		t.Errorf("start %+v", r)
	}
}

func TestHTTPSmoke(t *testing.T) {
	ctx := context.Background()
	fx := tempFixture(t, 1)
	eng, err := fx.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	const total = 48
	r, err := measureHTTP(ctx, eng, fx.plan, total, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.answers != total || r.errors != 0 || len(r.times) != total {
		t.Errorf("%d answers, %d timings, %d errors (first: %s); want %d answers", r.answers, len(r.times), r.errors, r.first, total)
	}
}

func TestReindexSmoke(t *testing.T) {
	ctx := context.Background()
	fx := tempFixture(t, 1)
	eng, err := fx.open(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	r, err := measureReindex(ctx, eng, fx.plan, 6)
	if err != nil {
		t.Fatal(err)
	}
	if r.failed != 0 {
		t.Errorf("%d queries failed during the reindex: %v", r.failed, r.first)
	}
	if len(r.idle) != 6 || len(r.during) == 0 || r.took <= 0 {
		t.Errorf("%d idle, %d during, reindex %v", len(r.idle), len(r.during), r.took)
	}
}

func TestMemorySmoke(t *testing.T) {
	fx := tempFixture(t, 1)
	bin := buildBinary(t, t.TempDir())
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	rep, err := measureMemory(ctx, bin, fx.corpusDir, fx.plan, 6)
	if err != nil {
		t.Fatal(err)
	}
	if rep.buildMB <= 0 || rep.peakMB < rep.buildMB || rep.reindex <= 0 {
		t.Errorf("report %+v", rep)
	}
}
