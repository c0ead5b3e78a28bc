package devdata

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
)

// Dir is the repository's top-level testdata folder, for code that has no
// testing.TB (benchmark set-up); it is found from this source file's place.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

// Root is Dir, checked to exist.
func Root(t testing.TB) string {
	t.Helper()
	d := Dir()
	if _, err := os.Stat(d); err != nil {
		t.Fatalf("devdata: the repository's testdata folder is missing: %v", err)
	}
	return d
}

// Path is the path of a file under testdata/ (e.g. "eval", "seed-dev.tsv"),
// checked to exist.
func Path(t testing.TB, elem ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{Root(t)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("devdata: %s is missing from the repository's testdata: %v", p, err)
	}
	return p
}

// Read returns a file under testdata/.
func Read(t testing.TB, elem ...string) []byte {
	t.Helper()
	data, err := os.ReadFile(Path(t, elem...))
	if err != nil {
		t.Fatalf("devdata: %v", err)
	}
	return data
}

// FictionDir is the folder of the four fiction articles (a1.md … a4.md),
// their gold files (a1.tsv …) and queries.tsv.
func FictionDir(t testing.TB) string { t.Helper(); return Path(t, "eval", "fiction") }

// FictionArticles lists the fiction article files, sorted; there are four.
func FictionArticles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(FictionDir(t), "a*.md"))
	if err != nil || len(paths) != 4 {
		t.Fatalf("devdata: want 4 fiction articles in %s, found %d (%v)", FictionDir(t), len(paths), err)
	}
	sort.Strings(paths)
	return paths
}

// FictionFiles maps each fiction article's file name to its content.
func FictionFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	for _, p := range FictionArticles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("devdata: %v", err)
		}
		files[filepath.Base(p)] = data
	}
	return files
}

// SeedDev is the path of the seed article's dev questions.
func SeedDev(t testing.TB) string { t.Helper(); return Path(t, "eval", "seed-dev.tsv") }

// MembersDev is the path of the members' dev questions.
func MembersDev(t testing.TB) string { t.Helper(); return Path(t, "eval", "members-dev.tsv") }

// OutletsDir is the folder of the outlets set: 13 invented articles in real
// outlets' styles (o01-wire.md …), their gold quote files (o01-wire.tsv …)
// and queries.tsv.
func OutletsDir(t testing.TB) string { t.Helper(); return Path(t, "outlets") }

// OutletsArticles lists the outlets set's article files, sorted; there are 13.
func OutletsArticles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(OutletsDir(t), "o*.md"))
	if err != nil || len(paths) != 13 {
		t.Fatalf("devdata: want 13 outlets articles in %s, found %d (%v)", OutletsDir(t), len(paths), err)
	}
	sort.Strings(paths)
	return paths
}

// BlindArticles lists the blind set's article files (testdata/blind: 11
// invented articles written before the extractor was run on them), sorted.
func BlindArticles(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(Path(t, "blind"), "b*.md"))
	if err != nil || len(paths) != 11 {
		t.Fatalf("devdata: want 11 blind articles in testdata/blind, found %d (%v)", len(paths), err)
	}
	sort.Strings(paths)
	return paths
}
