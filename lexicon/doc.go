// Package lexicon decides when two words are the same word: folding of
// accents, case and typography, edit distance, word forms, spelling
// variants, contractions, numbers and synonyms, kept as data.
//
// The word knowledge that the quote matcher and /ask share is embedded data
// under data/: contractions (with apostrophe-less typed forms; forms that are
// also ordinary words, like "were" or "well", are only offered through
// Alternatives), British to American spellings, irregular word forms and
// nominalisations derived from WordNet 3.0 (see data/WORDNET-LICENSE;
// regenerate with `go generate`), a small hand-curated synonym table with
// strengths, filler words, function words (IsFunction), chat words
// (IsChat, a subset of the filler), negation and quantity words (IsNegation,
// IsQuantity), words that say the opposite of each other in place ("in" and
// "out", "beginning" and "end": Opposites), and negated phrase paraphrases. Normalize rewrites
// a token sequence into canonical tokens (do not, until, 24, harbor); Lemma
// gives the key under which word forms of one family match (met/meeting,
// agreement/agreed); Related and Synonyms give synonym strengths on those
// keys, and IsSynonymPhrase tells the synonyms of several words ("as well")
// that a matcher may take as one; Phrases maps phrase-level paraphrases ("was called off", "did not go
// ahead") to one concept key. All tables are built once into an immutable
// *Lexicon (Default), safe for concurrent use; the package holds general
// English only, nothing project-specific.
package lexicon
