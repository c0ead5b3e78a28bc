// Package corpus reads news articles from the corpus folder, splits them into
// paragraphs under their section headings, and finds the direct quotes in them
// with their speakers. The corpus folder is the single source of truth: the
// index is always rebuilt from it. The default article is embedded and written
// to an empty corpus folder on first run.
package corpus
