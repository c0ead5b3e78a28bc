// Package lexicon decides when two words are the same word: folding of accents, case and typography, edit distance, and (in later work) word forms, spelling variants, contractions, numbers and synonyms kept as data.
package lexicon
