package lexicon_test

import (
	"fmt"
	"strings"

	"summitbot/lexicon"
)

func ExampleLexicon_Normalize() {
	lx := lexicon.Default()
	for _, s := range []string{
		"no deal till theres a deal",
		"we havent reached it within twenty four hours",
		"forty-three families at the harbour",
		"well we were ill",
	} {
		fmt.Println(lx.Normalize(strings.Fields(s)))
	}
	// Output:
	// [no deal until there is a deal]
	// [we have not reached it within 24 hours]
	// [43 families at the harbor]
	// [well we were ill]
}

func ExampleLexicon_NormalizeSpans() {
	out, spans := lexicon.Default().NormalizeSpans(strings.Fields("we didn't see forty three"))
	for i := range out {
		fmt.Println(out[i], spans[i])
	}
	// Output:
	// we {0 1}
	// did {1 2}
	// not {1 2}
	// see {2 3}
	// 43 {3 5}
}

func ExampleLexicon_Lemma() {
	lx := lexicon.Default()
	for _, w := range []string{"began", "beginning", "met", "meetings", "agreement", "agreed", "children", "harbours"} {
		fmt.Println(w, lx.Lemma(w))
	}
	// Output:
	// began begin
	// beginning begin
	// met meet
	// meetings meet
	// agreement agre
	// agreed agre
	// children child
	// harbours harbor
}

func ExampleLexicon_Related() {
	lx := lexicon.Default()
	fmt.Println(lx.Related("shut", "closed"))
	fmt.Println(lx.Related("cell", "prison"))
	fmt.Println(lx.Related("talks", "negotiations"))
	fmt.Println(lx.Related("cancelled", "called off"))
	fmt.Println(lx.Related("bread", "navy"))
	// Output:
	// 1
	// 0.8
	// 0.9
	// 1
	// 0
}

func ExampleLexicon_Synonyms() {
	for _, s := range lexicon.Default().Synonyms("jail") {
		fmt.Println(s.Word, s.Strength)
	}
	// Output:
	// prison 1
	// cell 0.8
	// detention 0.8
	// custody 0.8
}

func ExampleLexicon_IsFiller() {
	lx := lexicon.Default()
	for _, w := range strings.Fields("lol did he really say no deal") {
		fmt.Println(w, lx.IsFiller(w))
	}
	// Output:
	// lol true
	// did true
	// he false
	// really true
	// say true
	// no false
	// deal false
}

func ExampleLexicon_Phrases() {
	lx := lexicon.Default()
	for _, s := range []string{"the meeting was called off", "the summit didn't go ahead", "they failed to reach a deal"} {
		fmt.Println(lx.Phrases(strings.Fields(s)))
	}
	// Output:
	// [{not_happen 3 5}]
	// [{not_happen 2 5}]
	// [{no_agreement 1 6}]
}

func ExampleLexicon_Alternatives() {
	lx := lexicon.Default()
	fmt.Println(lx.Alternatives("were"), lx.IsAmbiguousContraction("were"))
	fmt.Println(lx.Alternatives("theres"), lx.IsAmbiguousContraction("theres"))
	// Output:
	// [[we are]] true
	// [[there is] [there has]] false
}

func ExampleLexicon_Spelling() {
	lx := lexicon.Default()
	fmt.Println(lx.Spelling("organisation"), lx.Spelling("travelled"), lx.Spelling("hour"))
	// Output: organization traveled hour
}

func ExampleLexicon_Family() {
	lx := lexicon.Default()
	for _, w := range []string{"begin", "met", "agree", "walrus"} {
		fmt.Println(w, lx.Family(w))
	}
	// Output:
	// begin [began begin beginning begun]
	// met [meet met]
	// agree [agree agreement]
	// walrus [walrus]
}

func ExampleLexicon_IsFunction() {
	lx := lexicon.Default()
	for _, w := range strings.Fields("we must not trade our claim") {
		fmt.Println(w, lx.IsFunction(w))
	}
	// Output:
	// we true
	// must true
	// not false
	// trade false
	// our true
	// claim false
}

func ExampleLexicon_IsSynonymPhrase() {
	lx := lexicon.Default()
	fmt.Println(lx.IsSynonymPhrase(lx.LemmaKey("as well")), lx.IsSynonymPhrase("too"), lx.IsSynonymPhrase("bread navy"))
	for _, s := range lx.SynonymsOfKey(lx.LemmaKey("as well")) {
		fmt.Println(s.Word, s.Strength)
	}
	// Output:
	// true false false
	// also 1
	// too 1
}

func ExampleLexicon_IsChat() {
	lx := lexicon.Default()
	for _, w := range strings.Fields("lol did he say no deal") {
		fmt.Println(w, lx.IsChat(w))
	}
	// Output:
	// lol true
	// did false
	// he false
	// say false
	// no false
	// deal false
}

func ExampleLexicon_IsNegation() {
	lx := lexicon.Default()
	for _, w := range lx.Normalize(strings.Fields("we didn't agree on many points")) {
		fmt.Println(w, lx.IsNegation(w), lx.IsQuantity(w))
	}
	// Output:
	// we false false
	// did false false
	// not true false
	// agree false false
	// on false false
	// many false true
	// points false false
}
