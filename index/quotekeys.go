package index

import (
	"math"
	"math/bits"
	"sort"
	"strings"
	"summitbot/lexicon"
	"unicode"
	"unicode/utf8"
)

// The graded who-said match (quotematch.go) compares words by their lexicon
// keys: contractions expanded, numbers as digits, British spellings made
// American (lexicon.Normalize), then word forms joined under one lemma
// (lexicon.Lemma), and the phrases of the synonym table ("as well", "a lot")
// as one word. The quotes' keys are made once, when the snapshot is built:
// keyIndex holds them per phrase index entry, with postings and idf by key.

// keyIndex is the attributed quotes' words as lexicon keys.
type keyIndex struct {
	lx       *lexicon.Lexicon
	ids      map[string]int32 // key → id
	keys     []string         // id → key
	postings [][]int32        // id → entries holding the key, sorted
	idf      []float64        // id → inverse document frequency over entries
	fn       []bool           // id → a function word (lexicon.IsFunction) or phrase of them
	neg      []bool           // id → a negation (lexicon.IsNegation)
	quant    []bool           // id → a number or a word of quantity (lexicon.IsQuantity)
	negIDs   []int32          // the negations' ids
	proper   []bool           // id → a name: capitalised in the quotes inside a sentence, never in lower case
	toks     [][]ktok         // entry → its key tokens, in order
	// surface words (as Normalize writes them) of the quotes, by length,
	// with their key: the words a typo may stand for.
	surfByLen [][]surfWord
}

type surfWord struct {
	word string
	key  int32
	mask uint32 // letterMask(word)
}

// letterMask has a bit for each letter a word holds (a–z, other runes
// folded onto six more bits). One edit adds at most one letter to a word's
// set and takes at most one away, so masks rule out most words before an
// edit distance is computed.
func letterMask(w string) uint32 {
	var m uint32
	for _, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			m |= 1 << (r - 'a')
		default:
			m |= 1 << (26 + uint32(r)%6)
		}
	}
	return m
}

// ktok is one key token of a quote: its key, its place in the quote's key
// sequence (a compound's extra token shares its first word's), and the
// quote words (phraseEntry.words) it comes from.
type ktok struct {
	key         int32
	pos         int16
	first, last int16
}

// ltok is a key token before interning.
type ltok struct {
	key, surf   string
	first, last int // word range
	extra       bool
}

// maxPhraseWords is the longest synonym phrase merged into one token.
const maxPhraseWords = 3

// lexTokens turns folded lower-case words into key tokens. joined[i] tells
// that words[i] and words[i+1] are one hyphenated word in the text
// ("business-like"): the two also give one extra token ("businesslike").
func lexTokens(lx *lexicon.Lexicon, words []string, joined []bool, lemma func(string) string) []ltok {
	norm, spans := lx.NormalizeSpans(words)
	lem := make([]string, len(norm))
	for i, t := range norm {
		lem[i] = lemma(t)
	}
	out := make([]ltok, 0, len(norm))
	for j := 0; j < len(norm); {
		n := 1
		for k := min(maxPhraseWords, len(norm)-j); k >= 2 && lx.StartsSynonymPhrase(lem[j]); k-- {
			if lx.IsSynonymPhrase(strings.Join(lem[j:j+k], " ")) {
				n = k
				break
			}
		}
		t := ltok{key: lem[j], surf: norm[j], first: spans[j].Start, last: spans[j+n-1].End - 1}
		if n > 1 {
			t.key, t.surf = strings.Join(lem[j:j+n], " "), strings.Join(norm[j:j+n], " ")
		}
		out = append(out, t)
		if n == 1 && j+1 < len(norm) && spans[j].End == spans[j].Start+1 && spans[j+1].Start == spans[j].End &&
			spans[j+1].End == spans[j+1].Start+1 && joined != nil && joined[spans[j].Start] {
			c := norm[j] + norm[j+1]
			out = append(out, ltok{key: lemma(c), surf: c, first: spans[j].Start, last: spans[j+1].Start, extra: true})
		}
		j += n
	}
	return out
}

// hyphenJoined tells, for each word of an entry, whether a hyphen alone
// joins it to the next.
func hyphenJoined(e *phraseEntry) []bool {
	var joined []bool
	for i := 0; i+1 < len(e.words); i++ {
		end := wordEnd(e.text, e.offs[i])
		if e.offs[i+1] == end+1 && e.text[end] == '-' {
			if joined == nil {
				joined = make([]bool, len(e.words))
			}
			joined[i] = true
		}
	}
	return joined
}

func newKeyIndex(px *phraseIndex, lx *lexicon.Lexicon) *keyIndex {
	ki := &keyIndex{lx: lx, ids: map[string]int32{}, toks: make([][]ktok, len(px.entries))}
	lemmas := map[string]string{}
	lemma := func(w string) string {
		if l, ok := lemmas[w]; ok {
			return l
		}
		l := lx.Lemma(w)
		lemmas[w] = l
		return l
	}
	surfaces := map[string]int32{}
	intern := func(key, surf string) int32 {
		if id, ok := ki.ids[key]; ok {
			return id
		}
		id := int32(len(ki.keys))
		ki.ids[key] = id
		ki.keys = append(ki.keys, key)
		ki.postings = append(ki.postings, nil)
		ki.fn = append(ki.fn, isFunctionText(lx, surf))
		ki.neg = append(ki.neg, lx.IsNegation(surf))
		ki.quant = append(ki.quant, isQuantity(lx, surf))
		if lx.IsNegation(surf) {
			ki.negIDs = append(ki.negIDs, id)
		}
		return id
	}
	capital, lower := map[int32]bool{}, map[int32]bool{}
	for id := range px.entries {
		e := &px.entries[id]
		lts := lexTokens(lx, e.words, hyphenJoined(e), lemma)
		toks := make([]ktok, 0, len(lts))
		pos := int16(-1)
		for _, t := range lts {
			k := intern(t.key, t.surf)
			if !t.extra && pos < math.MaxInt16 {
				pos++
			}
			toks = append(toks, ktok{key: k, pos: pos, first: clamp16(t.first), last: clamp16(t.last)})
			if t.first == t.last && t.first < len(e.offs) {
				switch wordCase(e.text, e.offs[t.first]) {
				case 'A':
					capital[k] = true
				case 'a':
					lower[k] = true
				}
			}
			if p := ki.postings[k]; len(p) == 0 || p[len(p)-1] != int32(id) {
				ki.postings[k] = append(p, int32(id))
			}
			if !strings.Contains(t.surf, " ") {
				if _, ok := surfaces[t.surf]; !ok {
					surfaces[t.surf] = k
				}
			}
		}
		ki.toks[id] = toks
	}
	ki.proper = make([]bool, len(ki.keys))
	for k := range capital {
		ki.proper[k] = !lower[k]
	}
	n := float64(len(px.entries))
	ki.idf = make([]float64, len(ki.keys))
	for k, p := range ki.postings {
		ki.idf[k] = math.Log((n + 1) / (float64(len(p)) + 0.5))
	}
	for w, k := range surfaces {
		l := utf8.RuneCountInString(w)
		for len(ki.surfByLen) <= l {
			ki.surfByLen = append(ki.surfByLen, nil)
		}
		ki.surfByLen[l] = append(ki.surfByLen[l], surfWord{w, k, letterMask(w)})
	}
	for _, ws := range ki.surfByLen {
		sort.Slice(ws, func(i, j int) bool { return ws[i].word < ws[j].word })
	}
	return ki
}

func clamp16(v int) int16 {
	if v > math.MaxInt16 {
		return math.MaxInt16
	}
	return int16(v)
}

// maxIDF is the idf of a key no quote holds.
func (ki *keyIndex) maxIDF() float64 {
	return math.Log((float64(len(ki.toks)) + 1) / 0.5)
}

// typoKeys returns the keys of the quote words a word may be a typo of:
// one wrong letter in a word of five letters or more, two from eight (the
// same limits as typoLimit); with sameFirst, only words that begin with the
// same letter.
func (ki *keyIndex) typoKeys(word string, sameFirst bool) []int32 {
	n := utf8.RuneCountInString(word)
	f := typoLimit(n)
	if f == 0 {
		return nil
	}
	var out []int32
	wm := letterMask(word)
	for l := max(1, n-f); l <= n+f && l < len(ki.surfByLen); l++ {
		for _, sw := range ki.surfByLen[l] {
			if sameFirst && sw.word[0] != word[0] || bits.OnesCount32(wm&^sw.mask) > f || bits.OnesCount32(sw.mask&^wm) > f {
				continue
			}
			if lexicon.Within(sw.word, word, f) && !containsKey(out, sw.key) {
				out = append(out, sw.key)
			}
		}
	}
	return out
}

func containsKey(ks []int32, k int32) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

// isFunctionText reports whether every word of s (one word or a phrase) is
// a function word.
func isFunctionText(lx *lexicon.Lexicon, s string) bool {
	for {
		w, rest, more := strings.Cut(s, " ")
		if !lx.IsFunction(w) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// isQuantity reports whether a word is a number (digits, as Normalize
// writes them) or a word of quantity.
func isQuantity(lx *lexicon.Lexicon, w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' || lx.IsQuantity(w)
}

// wordCase tells how the word at byte offset off of text is written: 'A'
// capitalised inside a sentence, 'a' in lower case, 0 at a sentence's start
// (where every word is capitalised) or otherwise.
func wordCase(text string, off int) byte {
	r, _ := utf8.DecodeRuneInString(text[off:])
	if !unicode.IsLetter(r) {
		return 0
	}
	if !unicode.IsUpper(r) {
		return 'a'
	}
	before := strings.TrimRight(text[:off], " \u00a0\"'“”‘’«»„(")
	if before == "" || strings.ContainsAny(before[len(before)-1:], ".!?:;") {
		return 0
	}
	return 'A'
}
