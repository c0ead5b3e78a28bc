package corpus

// Article is one news article from the corpus folder.
type Article struct {
	// ID is stable across runs: derived from the file name in the corpus folder.
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published"` // as written in the file, usually YYYY-MM-DD
	// File is the file's name inside the corpus folder.
	File string `json:"-"`
	// Sum is the SHA-256 of the file's bytes, for the index fingerprint.
	Sum string `json:"-"`
	// Paragraphs are the article's passages in order; section headings and
	// boilerplate are not paragraphs, but each paragraph knows its heading.
	Paragraphs []Paragraph `json:"-"`
}

// Paragraph is one passage of an article.
type Paragraph struct {
	// N counts the article's paragraphs from 1 (headings are not counted).
	N int
	// Section is the heading the paragraph falls under ("" before the first).
	Section string
	Text    string
}
