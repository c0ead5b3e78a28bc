// Package quote finds the direct quotes in an article's paragraphs and who
// said them, and links speakers across articles under one canonical name.
//
// Find scans a paragraph list for quote marks (quote_marks.go), tokenizes
// the narrative around them (quote_tokens.go) and attributes each quote:
// attribution.go reads the paragraphs and scores each attribution's
// confidence; attribution_quotes.go tells quotes from titles and scare
// quotes; attribution_cue.go finds the speech verb or label ("said",
// "Name:"); attribution_subject.go finds who it belongs to (the subject
// noun phrase, appositives, pronouns and descriptions resolved through the
// per-article registry in speaker_registry.go); attribution_mentions.go
// notes who is mentioned where and their gender; attribution_settle.go
// decides, once the article is read, who the descriptions nobody was found
// for belong to (a person named later in that role, the named speaker a
// summary line repeats, or an unnamed speaker labelled by the role);
// attribution_np.go and attribution_lexicon.go hold the noun phrase reader
// and the word lists, with the countries, demonyms and capitals in
// data/places.tsv. Link merges the
// speakers of many articles (speaker_link.go, speaker_names.go). Load reads
// the corpus folder through package corpus and does both.
package quote
