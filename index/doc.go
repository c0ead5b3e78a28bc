// Package index keeps the bleve full-text index over the corpus's paragraphs
// and the in-memory tables over its quotes, and answers the bot's questions
// from them (it implements answer.Querier): who said a phrase, how a group
// reacted, free questions, a speaker's quotes, where a text comes from, and
// autocomplete lists. It reads the corpus folder through package corpus
// (layout) and package quote (quotes and speakers), and changes it only
// through corpus.
//
// # Where each question lives
//
//   - whosaid.go: WhoSaid (chatter.go: the chatter around a phrase;
//     quotematch.go: the graded match; quotekeys.go: the quotes' words as
//     lexicon keys; quotehits.go, quotewords.go: the quotes' word index)
//   - reactions.go, reactgroup.go, reactscore.go, groups.go: Reactions
//     (collecting and ranking candidates; resolving the group; lazy scoring;
//     the embedded group table)
//   - ask.go: Ask (askkind.go: the kind of answer a question asks for and
//     askdata/answers.tsv; askanswer.go: finding an answer of that kind in a
//     paragraph; askmatch.go: the question's words in a paragraph, with
//     their forms, synonyms and weights; asksearch.go: the deterministic
//     search)
//   - quotes.go: Quotes
//   - findsource.go: FindSource (the quotation in a message, answered as
//     WhoSaid answers)
//   - complete.go: the autocomplete lists
//   - query.go: the bleve query builders and the result builders they share
//   - analysis.go, text.go: the analyzers and word handling
//   - engine.go, snapshot.go, build.go, cache.go, lock_*.go: opening,
//     building, changing and caching the index
//
// User text only ever reaches bleve as match, phrase, term, prefix and
// bounded fuzzy queries, never through the query-string parser.
//
// # Layout on disk
//
// IndexDir holds a lock file (flock'd by the one Engine that owns the
// folder; a second Open fails with ErrLocked after Options.LockTimeout),
// current.json (the generation folder in use, the fingerprint of the corpus
// it holds and the mapping version; replaced by an atomic rename) and one
// gen-N folder with a scorch index. A build always goes into a new gen-N, so
// a crash mid-build leaves the previous index in use.
//
// # Documents
//
// One document per paragraph (text, text_exact, section), scored with BM25;
// nothing else is indexed. The main analyzer folds accents and typographic
// quotes, lower-cases, strips possessives, drops English stop words and
// stems (snowball); the exact analyzer keeps every word, so that a phrase
// such as "no deal" keeps "no". Nothing is stored: hits are turned into
// results from the corpus held in memory (a snapshot, rebuilt on every
// change), which also holds the speaker table, the autocomplete lists and a
// word index of the attributed quotes; a quote is found in its paragraph by
// its byte offsets.
//
// # Answers
//
// WhoSaid looks for the phrase, its chatter set aside, in attributed quotes,
// in memory: the exact phrase over the quotes' word index (Match exact),
// else a graded match of every candidate quote over the quotes' lexicon keys
// (Match close: coverage weighted by idf, synonyms, typos, order, closeness,
// missing and contradicting words). A phrase in no attributed quote is not
// found, and the nearest quotes come back as Closest. Quotes and Reactions resolve people through one resolver
// (resolve.go, titles.go): names and their variants, nicknames and short
// forms, titles read into roles, groups and modifiers, dated office holders
// (groupdata/people.tsv, roles.tsv, nicknames.tsv). Reactions resolves a
// group through the embedded group table (groupdata/*.tsv: countries with
// demonyms and capitals, blocs, people, camps), a person or role through the
// resolver, "X and Y" as both, or through the articles' own speaker
// descriptions ("Norvalan Prime Minister" makes "Norvala" a group), or falls
// back to a plain search for groups such as "fishermen"; statements by the group's members come first, then paragraphs
// where the group is the subject of a reaction, then passing mentions;
// candidates are scored lazily, by upper bounds, and the index is searched
// for mentions only when members' statements do not settle the answer. Ask
// searches one disjunction of the question's content words (in the text and
// the section heading), with fixed BM25 statistics so that the ranking does
// not depend on how the index is split into segments, and re-ranks the best
// 40 paragraphs in memory: coverage of the question (word forms, synonyms
// and phrase paraphrases through package lexicon, weighted by rarity) and an
// answer of the kind the question asks for. Ties break by article id and
// paragraph.
package index
