package corpus

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldName folds a name for comparison across spellings and
// transliterations: lower case, no diacritics, and common variant letters
// made the same (Zelensky/Zelenskyy/Zelenskiy, Zoltanov/Zoltanow,
// Quist/Kvist, Ana/Anna).
func foldName(s string) string {
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
	f = digraphFold.Replace(f)
	f = letterFold.Replace(f)
	// Collapse doubled letters (Anna/Ana, Zelenskii/Zelenski).
	out := make([]byte, 0, len(f))
	for i := 0; i < len(f); i++ {
		if i > 0 && f[i] == f[i-1] {
			continue
		}
		out = append(out, f[i])
	}
	return string(out)
}

// Transliteration folds for names, applied in this order.
var (
	digraphFold = strings.NewReplacer("qu", "kv", "ph", "f", "ck", "k", "kh", "h", "sch", "sh", "tch", "ch", "ou", "u", "dj", "j")
	letterFold  = strings.NewReplacer("w", "v", "y", "i", "c", "k", "x", "ks", "q", "k")
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// editDistance is the Levenshtein distance between two short strings.
func editDistance(a, b string) int {
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

// similarFold reports whether two folded surnames are spelling variants.
func similarFold(a, b string) bool {
	if a == b {
		return a != ""
	}
	if a == "" || b == "" || a[0] != b[0] {
		return false
	}
	n := min(len(a), len(b))
	if n < 5 {
		return false
	}
	limit := 1
	if n >= 9 {
		limit = 2
	}
	if d := len(a) - len(b); d > limit || -d > limit {
		return false
	}
	return editDistance(a, b) <= limit
}

// givenCompatible reports whether two given names can be the same person's:
// equal after folding, a spelling variant, or one an initial of the other.
// An empty given name is compatible with any.
func givenCompatible(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	fa, fb := foldName(firstWord(a)), foldName(firstWord(b))
	if fa == "" || fb == "" {
		return true
	}
	if fa == fb {
		return true
	}
	if len(fa) == 1 || len(fb) == 1 {
		return fa[0] == fb[0]
	}
	if fa[0] != fb[0] {
		return false
	}
	return editDistance(fa, fb) <= 1 && min(len(fa), len(fb)) >= 3
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// nameParticles join a surname to the words before it (von der Leyen).
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "bin": true, "al": true, "el": true,
	"da": true, "di": true, "du": true, "la": true, "le": true, "dos": true, "das": true, "del": true,
	"ter": true, "ten": true, "ibn": true, "abu": true, "bint": true, "ben": true, "st": true, "mac": true,
}

// splitName splits a person's name into given names and surname.
func splitName(ws []string) (given, surname string) {
	if len(ws) == 0 {
		return "", ""
	}
	i := len(ws) - 1
	for i > 0 && nameParticles[strings.ToLower(ws[i-1])] && i-1 > 0 {
		i--
	}
	return strings.Join(ws[:i], " "), strings.Join(ws[i:], " ")
}

// titleCase capitalises each word except short function words.
func titleCase(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && (lw == "of" || lw == "and" || lw == "for" || lw == "the" || lw == "on" || lw == "in" || lw == "at") {
			ws[i] = lw
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		ws[i] = string(r)
	}
	return strings.Join(ws, " ")
}
