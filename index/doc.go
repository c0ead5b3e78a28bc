// Package index keeps the bleve full-text index over the corpus's paragraphs
// and quotes and answers the bot's questions from it: who said a phrase, how a
// group reacted, free questions, a speaker's quotes, and autocomplete lists.
// User text only ever reaches bleve as match and phrase queries, never through
// the query-string parser.
package index
