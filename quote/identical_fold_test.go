package quote

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"summitbot/internal/devdata"
	"summitbot/lexicon"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// The name folding and distance functions as they were before they were
// made faster; the fast ones must agree with them on every input.

// The transliteration folds as foldName had them.
var (
	digraphFoldOriginal = strings.NewReplacer("qu", "kv", "ph", "f", "ck", "k", "kh", "h", "sch", "sh", "tch", "ch", "ou", "u", "dj", "j")
	letterFoldOriginal  = strings.NewReplacer("w", "v", "y", "i", "c", "k", "x", "ks", "q", "k")
)

func foldNameOriginal(s string) string {
	var b strings.Builder
	s = strings.ToLower(s)
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || !unicode.IsLetter(r) {
			continue
		}
		switch r {
		case 'ł':
			r = 'l'
		case 'ø':
			r = 'o'
		case 'æ':
			b.WriteString("ae")
			continue
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	f := b.String()
	f = digraphFoldOriginal.Replace(f)
	f = letterFoldOriginal.Replace(f)
	out := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		if i > 0 && f[i] == f[i-1] {
			continue
		}
		out = append(out, f[i])
	}
	return string(out)
}

func editDistanceOriginal(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// identicalWords are words from the package's test articles and random
// strings over an alphabet rich in the letters the folds touch.
func identicalWords(t *testing.T) []string {
	var words []string
	for _, glob := range []string{"testdata/*/*.md", "../corpus/seed/*.txt", filepath.Join(devdata.FictionDir(t), "*")} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			words = append(words, strings.Fields(string(data))...)
		}
	}
	alphabet := []rune("aAbcCdhjkKlpqQsStuUwWxXyYzZoOeé ÉłŁøØæÆßçüö'’-.Ωж\u0301\uFFFD")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		n := rng.IntN(14)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		words = append(words, string(rs))
	}
	words = append(words, "", "\xff\xfe", "sch", "tsch", "kkh", "quu", "xx", "ksx", "ouu", "schh", strings.Repeat("ab", 40))
	return words
}

func TestIdenticalFoldName(t *testing.T) {
	words := identicalWords(t)
	for _, w := range words {
		if got, want := foldName(w), foldNameOriginal(w); got != want {
			t.Fatalf("foldName(%q) = %q, want %q", w, got, want)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		a, b := words[rng.IntN(len(words))], words[rng.IntN(len(words))]
		if rng.IntN(2) == 0 {
			a, b = foldNameOriginal(a), foldNameOriginal(b)
		}
		if got, want := lexicon.Distance(a, b), editDistanceOriginal(a, b); got != want {
			t.Fatalf("editDistance(%q, %q) = %d, want %d", a, b, got, want)
		}
	}
}
