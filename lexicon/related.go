package lexicon

import (
	"fmt"
	"slices"
	"strings"
)

// Related tells how close two words (or short phrases) are in meaning: 1 when
// they share a lemma (met/meeting, harbour/harbor), the strength of their
// closest synonyms.tsv group otherwise (shut/closed 1, cell/prison 0.8), and
// 0 when the tables know no relation.
func (lx *Lexicon) Related(a, b string) float64 {
	ka, kb := lx.key(a), lx.key(b)
	if ka == kb {
		return 1
	}
	return lx.pairs[mkPair(ka, kb)]
}

// RelatedKeys is Related on keys already made by Lemma (or LemmaKey), for
// callers that compare the same words many times.
func (lx *Lexicon) RelatedKeys(ka, kb string) float64 {
	if ka == kb {
		return 1
	}
	return lx.pairs[mkPair(ka, kb)]
}

// LemmaKey is Lemma for a word or a space-separated phrase ("called off" →
// "call off"): the key that Synonym.Key and RelatedKeys use.
func (lx *Lexicon) LemmaKey(s string) string { return lx.key(s) }

// Synonyms returns the words and phrases related to word by synonyms.tsv,
// each once with its strongest strength; the word's own lemma is not among
// them. Phrases have spaces in Word ("call off"). The result is shared: do
// not modify it.
func (lx *Lexicon) Synonyms(word string) []Synonym {
	return lx.syn[lx.key(word)]
}

// IsFiller reports whether word is chatter that members wrap around a quote
// or a question ("lol", "did", "said", "who", "pls"), which a matcher should
// count little.
func (lx *Lexicon) IsFiller(word string) bool { return lx.filler[word] }

type phrase struct {
	key    string
	lemmas []string
}

// PhraseMatch is one phrase of negations.tsv found in a token sequence.
type PhraseMatch struct {
	Key        string // concept key, e.g. "not_happen" for "was called off" and "did not go ahead"
	Start, End int    // input token range [Start, End)
}

// phraseSkip are lemmas ignored inside phrases: articles and "be".
var phraseSkip = map[string]bool{"a": true, "an": true, "the": true, "be": true}

func (lx *Lexicon) addPhrase(f []string) error {
	if len(f) != 2 || f[0] == "" || strings.TrimSpace(f[1]) == "" {
		return fmt.Errorf("want key, phrase: %q", f)
	}
	var lemmas []string
	for _, t := range lx.Normalize(strings.Fields(f[1])) {
		if l := lx.Lemma(t); !phraseSkip[l] {
			lemmas = append(lemmas, l)
		}
	}
	if len(lemmas) == 0 {
		return fmt.Errorf("phrase %q has only skipped words", f[1])
	}
	lx.phrases[lemmas[0]] = append(lx.phrases[lemmas[0]], phrase{f[0], lemmas})
	return nil
}

// Phrases finds the phrase-level paraphrases of negations.tsv in a token
// sequence and returns their concept keys, so that "the meeting was called
// off" and "it didn't go ahead" both yield "not_happen". Phrases are matched
// on lemmas after Normalize, skipping articles and "be"; a match inside a
// longer one ("reach a deal" in "failed to reach a deal") is dropped, and
// overlapping matches of one key are merged. The matches are in order of
// Start.
func (lx *Lexicon) Phrases(tokens []string) []PhraseMatch {
	norm, spans := lx.NormalizeSpans(tokens)
	lem := make([]string, 0, len(norm))
	pos := make([]int, 0, len(norm))
	for j, t := range norm {
		if l := lx.Lemma(t); !phraseSkip[l] {
			lem = append(lem, l)
			pos = append(pos, j)
		}
	}
	var found []PhraseMatch
	for a := range lem {
		for _, p := range lx.phrases[lem[a]] {
			if len(p.lemmas) > len(lem)-a || !slices.Equal(lem[a:a+len(p.lemmas)], p.lemmas) {
				continue
			}
			found = append(found, PhraseMatch{p.key, spans[pos[a]].Start, spans[pos[a+len(p.lemmas)-1]].End})
		}
	}
	// Drop matches inside longer ones, and repeats.
	out := found[:0]
	for i, m := range found {
		inside := false
		for j, o := range found {
			if i == j {
				continue
			}
			longer := o.End-o.Start > m.End-m.Start
			if o.Start <= m.Start && m.End <= o.End && (longer || o.Key == m.Key && j < i) {
				inside = true
				break
			}
		}
		if inside {
			continue
		}
		// Overlapping matches of one key ("ended without" and "without an
		// agreement") become one.
		if n := len(out); n > 0 && out[n-1].Key == m.Key && m.Start < out[n-1].End {
			out[n-1].End = max(out[n-1].End, m.End)
			continue
		}
		out = append(out, m)
	}
	return out
}

// IsFunction reports whether word is a function word (function.txt: "the",
// "we", "has", "must", "of", "whether", "very"): grammar rather than content,
// which a matcher weighs little and does not miss when another stands in its
// place.
func (lx *Lexicon) IsFunction(word string) bool { return lx.function[word] }

// SynonymsOfKey is Synonyms for a key already made by Lemma or LemmaKey, for
// callers that hold keys. The result is shared: do not modify it.
func (lx *Lexicon) SynonymsOfKey(key string) []Synonym { return lx.syn[key] }

// IsSynonymPhrase reports whether key (lemma keys joined by one space, as
// LemmaKey makes them) is a phrase of several words in synonyms.tsv ("as
// well", "a lot", "call off"), which a matcher may treat as one word.
func (lx *Lexicon) IsSynonymPhrase(key string) bool {
	if first, _, ok := strings.Cut(key, " "); !ok || !lx.synStarts[first] {
		return false
	}
	return strings.IndexByte(key, ' ') > 0 && len(lx.syn[key]) > 0
}

// StartsSynonymPhrase reports whether key is the first key of a phrase of
// several words in synonyms.tsv ("as" of "as well"), so that a matcher tries
// IsSynonymPhrase only where one may start.
func (lx *Lexicon) StartsSynonymPhrase(key string) bool { return lx.synStarts[key] }

// IsChat reports whether word is a chat word (chat.txt: "lol", "omg",
// "pls", "wait"): chatter that members put before or after a quote and
// never quote, which a matcher may drop at a phrase's edges.
func (lx *Lexicon) IsChat(word string) bool { return lx.chat[word] }

// IsNegation reports whether word turns a statement round (negation.txt:
// "not", "never", "nobody"), as Normalize writes it.
func (lx *Lexicon) IsNegation(word string) bool { return lx.negation[word] }

// IsQuantity reports whether word says how many (quantity.txt: "many",
// "few", "all", "half"); numbers are digits after Normalize.
func (lx *Lexicon) IsQuantity(word string) bool { return lx.quantity[word] }
