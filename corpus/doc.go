// Package corpus reads news articles from the corpus folder and knows their
// layout: front matter, title, section headings and paragraphs (Parse), and
// the file format moderators' additions are saved in (Format). It owns the
// folder: loading it (Load), every write (WriteFile, atomic) and delete
// (RemoveFile) in it, and the embedded default article written to an empty
// folder on first run. The corpus folder is the single source of truth: the
// index is always rebuilt from it. Finding quotes and speakers is package
// quote's job.
package corpus
