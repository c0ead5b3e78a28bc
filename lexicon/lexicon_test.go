package lexicon

import (
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func norm(s string) string { return strings.Join(Default().Normalize(strings.Fields(s)), " ") }

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"contraction n't", "we didn't agree", "we did not agree"},
		{"contraction typed without apostrophe", "we havent reached", "we have not reached"},
		{"theres", "no deal till theres a deal", "no deal until there is a deal"},
		{"we're", "we're relying on america", "we are relying on america"},
		{"there'll", "there'll be no bread", "there will be no bread"},
		{"cant wont", "cant and wont", "can not and will not"},
		{"cannot", "we cannot", "we can not"},
		{"gonna wanna", "gonna stop wanna go", "going to stop want to go"},
		{"'til", "'til then", "until then"},
		{"generic clitic", "the president'll go", "the president will go"},
		{"possessive kept", "the president's plan", "the president's plan"},
		{"ambiguous well", "well we said", "well we said"},
		{"ambiguous were", "they were there", "they were there"},
		{"ambiguous its", "its navy", "its navy"},
		{"ambiguous ill", "he was ill", "he was ill"},
		{"ambiguous shell", "a shell hit", "a shell hit"},
		{"ambiguous hell wed id lets", "hell wed id lets", "hell wed id lets"},
		{"apostrophe forms of ambiguous", "we'll we're it's i'll she'll", "we will we are it is i will she will"},
		{"number compound", "within twenty four hours", "within 24 hours"},
		{"number hyphen", "forty-three families", "43 families"},
		{"hundred and", "one hundred and fifty", "150"},
		{"a hundred", "a hundred days", "a 100 days"},
		{"thousand", "two thousand and twenty five", "2025"},
		{"million", "three million people", "3000000 people"},
		{"digits and scale", "3 million people", "3000000 people"},
		{"decimal and scale", "1.5 billion", "1500000000"},
		{"digits with comma", "1,000 troops", "1000 troops"},
		{"ordinal", "the first meeting", "the 1st meeting"},
		{"ordinal compound", "twenty-first century", "21st century"},
		{"ordinal eleventh", "the eleventh hour", "the 11th hour"},
		{"separate numbers stay apart", "one two", "1 2"},
		{"unit after unit splits", "nineteen eighty four", "19 84"},
		{"pronoun one", "no one came and the one who", "no one came and the one who"},
		{"one another", "one another", "one another"},
		{"zero", "zero tolerance", "0 tolerance"},
		{"trailing and", "ninety and more", "90 and more"},
		{"british our", "harbour colours favourite honourable", "harbor colors favorite honorable"},
		{"our kept", "four hours pour your tour", "4 hours pour your tour"},
		{"british ise", "organised recognise apologising", "organized recognize apologizing"},
		{"ise kept", "promise surprise advertising raised otherwise", "promise surprise advertising raised otherwise"},
		{"isation", "organisation civilisations", "organization civilizations"},
		{"yse", "analysed paralysing", "analyzed paralyzing"},
		{"re class", "centre centres theatre", "center centers theater"},
		{"ll class", "travelled cancelling traveller", "traveled canceling traveler"},
		{"ll not doubled in american words", "killed controlled", "killed controlled"},
		{"listed", "defence programme grey", "defense program gray"},
		{"empty token skipped", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := norm(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNormalizeSpans(t *testing.T) {
	out, spans := Default().NormalizeSpans([]string{"we", "didn't", "see", "forty", "three"})
	wantOut := []string{"we", "did", "not", "see", "43"}
	wantSpans := []Span{{0, 1}, {1, 2}, {1, 2}, {2, 3}, {3, 5}}
	if !reflect.DeepEqual(out, wantOut) || !reflect.DeepEqual(spans, wantSpans) {
		t.Errorf("NormalizeSpans = %q %v, want %q %v", out, spans, wantOut, wantSpans)
	}
}

func TestAlternatives(t *testing.T) {
	lx := Default()
	tests := []struct {
		name, word string
		want       [][]string
		amb        bool
	}{
		{"were", "were", [][]string{{"we", "are"}}, true},
		{"well", "well", [][]string{{"we", "will"}}, true},
		{"its", "its", [][]string{{"it", "is"}, {"it", "has"}}, true},
		{"id", "id", [][]string{{"i", "would"}, {"i", "had"}}, true},
		{"unambiguous theres", "theres", [][]string{{"there", "is"}, {"there", "has"}}, false},
		{"plain word", "navy", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lx.Alternatives(tc.word); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Alternatives(%q) = %q, want %q", tc.word, got, tc.want)
			}
			if got := lx.IsAmbiguousContraction(tc.word); got != tc.amb {
				t.Errorf("IsAmbiguousContraction(%q) = %v", tc.word, got)
			}
		})
	}
}

func TestLemma(t *testing.T) {
	lx := Default()
	tests := []struct{ name, a, b string }{
		{"irregular past", "began", "begin"},
		{"irregular participle", "begun", "begins"},
		{"met", "met", "meeting"},
		{"went gone", "went", "gone"},
		{"said", "said", "say"},
		{"fought", "fought", "fighting"},
		{"plural", "children", "child"},
		{"adjective", "better", "good"},
		{"be", "was", "is"},
		{"nominalisation from wordnet", "decision", "decided"},
		{"invasion", "invasion", "invade"},
		{"agreement", "agreements", "agreed"},
		{"negotiation", "negotiations", "negotiating"},
		{"withdrawal", "withdrawal", "withdrew"},
		{"hand addition", "speech", "spoke"},
		{"spelling", "harbours", "harbor"},
		{"cancelled", "cancelled", "canceled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if la, lb := lx.Lemma(tc.a), lx.Lemma(tc.b); la != lb {
				t.Errorf("Lemma(%q) = %q, Lemma(%q) = %q: want equal", tc.a, la, tc.b, lb)
			}
		})
	}
	distinct := []struct{ name, a, b string }{
		{"war ward", "war", "ward"},
		{"meet meat", "meet", "meat"},
		{"deal lot", "deal", "lot"},
	}
	for _, tc := range distinct {
		t.Run("distinct "+tc.name, func(t *testing.T) {
			if lx.Lemma(tc.a) == lx.Lemma(tc.b) {
				t.Errorf("Lemma(%q) == Lemma(%q)", tc.a, tc.b)
			}
		})
	}
	if got := lx.Lemma("24"); got != "24" {
		t.Errorf("Lemma(24) = %q", got)
	}
}

func TestRelated(t *testing.T) {
	lx := Default()
	tests := []struct {
		name, a, b string
		want       float64
	}{
		{"same lemma", "meeting", "met", 1},
		{"synonym closed shut", "closed", "shut", 1},
		{"near prison cell", "prison", "cell", 0.8},
		{"firing shooting", "firing", "shooting", 1},
		{"relying counting", "relying", "counting", 1},
		{"talks negotiations", "talks", "negotiations", 0.9},
		{"very really", "very", "really", 1},
		{"deal agreement", "deal", "agreement", 1},
		{"phrase call off", "cancelled", "called off", 1},
		{"phrase as well", "too", "as well", 1},
		{"strongest group wins", "end", "stop", 1},
		{"symmetric", "shut", "closed", 1},
		{"unrelated", "bread", "navy", 0},
		{"wordnet noise excluded", "deal", "lot", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lx.Related(tc.a, tc.b); got != tc.want {
				t.Errorf("Related(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestSynonyms(t *testing.T) {
	lx := Default()
	has := func(list []Synonym, w string) bool {
		for _, s := range list {
			if s.Word == w {
				return true
			}
		}
		return false
	}
	tests := []struct{ name, word, want string }{
		{"shut", "shut", "close"},
		{"inflected input", "closed", "shut"},
		{"phrase member", "cancel", "call off"},
		{"phrase input", "called off", "cancel"},
		{"jail", "jail", "prison"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := lx.Synonyms(tc.word); !has(got, tc.want) {
				t.Errorf("Synonyms(%q) = %v, want %q among them", tc.word, got, tc.want)
			}
		})
	}
	for _, s := range lx.Synonyms("shut") {
		if s.Key == lx.Lemma("shut") {
			t.Errorf("Synonyms(shut) holds shut itself: %v", s)
		}
	}
}

func TestIsFiller(t *testing.T) {
	lx := Default()
	tests := []struct {
		word string
		want bool
	}{{"lol", true}, {"did", true}, {"said", true}, {"pls", true}, {"who", true}, {"?", true}, {"navy", false}, {"deal", false}, {"bread", false}}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			if got := lx.IsFiller(tc.word); got != tc.want {
				t.Errorf("IsFiller(%q) = %v", tc.word, got)
			}
		})
	}
}

func TestPhrases(t *testing.T) {
	lx := Default()
	tests := []struct {
		name, in string
		want     []PhraseMatch
	}{
		{"called off", "the meeting was called off", []PhraseMatch{{"not_happen", 3, 5}}},
		{"did not go ahead", "the summit did not go ahead", []PhraseMatch{{"not_happen", 3, 6}}},
		{"didn't go ahead", "it didn't go ahead", []PhraseMatch{{"not_happen", 1, 4}}},
		{"cancelled british", "talks were cancelled", []PhraseMatch{{"not_happen", 2, 3}}},
		{"never started", "the talks never started", []PhraseMatch{{"not_start", 2, 4}}},
		{"did not begin", "they did not begin", []PhraseMatch{{"not_start", 2, 4}}},
		{"no deal", "there was no deal", []PhraseMatch{{"no_agreement", 2, 4}}},
		{"without an agreement", "it ended without an agreement", []PhraseMatch{{"no_agreement", 1, 5}}},
		{"longer match wins", "they failed to reach a deal", []PhraseMatch{{"no_agreement", 1, 6}}},
		{"positive", "they reached a deal", []PhraseMatch{{"agreement", 1, 4}}},
		{"walked out", "he walked out", []PhraseMatch{{"leave_early", 1, 3}}},
		{"left early", "he left early", []PhraseMatch{{"leave_early", 1, 3}}},
		{"meet again", "did they meet again", []PhraseMatch{{"meet_again", 2, 4}}},
		{"nothing", "the weather was fine", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lx.Phrases(strings.Fields(tc.in))
			if len(got) == 0 && len(tc.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Phrases(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestSpelling(t *testing.T) {
	lx := Default()
	tests := []struct{ in, want string }{
		{"harbour", "harbor"}, {"behavioural", "behavioral"}, {"defences", "defenses"}, {"realise", "realize"},
		{"hour", "hour"}, {"wise", "wise"}, {"rise", "rise"}, {"crises", "crises"}, {"labelled", "labeled"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := lx.Spelling(tc.in); got != tc.want {
				t.Errorf("Spelling(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	base := Data()
	tests := []struct{ name, file, content string }{
		{"bad contraction flag", "contractions.tsv", "dont\tdo not\tmaybe\n"},
		{"bad spelling class", "spellings.tsv", "colour\tcolor\tweird\n"},
		{"bad strength", "synonyms.tsv", "2\ta, b\n"},
		{"lonely group", "synonyms.tsv", "1\ta\n"},
		{"filler with space", "filler.txt", "two words\n"},
		{"phrase of skipped words", "negations.tsv", "k\tthe a\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := fstest.MapFS{}
			entries, err := fs.ReadDir(base, ".")
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range entries {
				b, err := fs.ReadFile(base, e.Name())
				if err != nil {
					t.Fatal(err)
				}
				m[e.Name()] = &fstest.MapFile{Data: b}
			}
			m[tc.file] = &fstest.MapFile{Data: []byte(tc.content)}
			_, err = Load(m)
			if err == nil || !strings.Contains(err.Error(), tc.file) {
				t.Errorf("Load = %v, want an error naming %s", err, tc.file)
			}
		})
	}
	if _, err := Load(fstest.MapFS{}); err == nil {
		t.Error("Load of an empty folder: no error")
	}
}

var benchSentence = strings.Fields("lol did he really say there'll be no bread on the shelves if the strait's still shut at harvest in twenty four days")

func BenchmarkNormalizeLemma(b *testing.B) {
	lx := Default()
	buf := make([]string, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		buf = lx.AppendNormalized(buf[:0], benchSentence)
		for _, w := range buf {
			_ = lx.Lemma(w)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	lx := Default()
	b.ReportAllocs()
	for b.Loop() {
		_ = lx.Normalize(benchSentence)
	}
}

func BenchmarkLemmaUnknown(b *testing.B) {
	lx := Default()
	words := strings.Fields("strait shelves harvest families sailors navies prisoners reportedly summit delegation")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			_ = lx.Lemma(w)
		}
	}
}
