// Package wording is how answers read to a person, in Discord and on the
// command line alike: metadata placeholders ("unknown", "n/a") left out,
// dates in one format, outlets shortened for a footer, counts with the right
// plural, engine notes as sentences, and sentences said once. Its word lists
// are data (data/).
package wording
