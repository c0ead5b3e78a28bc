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
	// Quotes are the direct quotes found in the paragraphs, in document order.
	Quotes []Quote `json:"-"`
}

// Paragraph is one passage of an article.
type Paragraph struct {
	// N counts the article's paragraphs from 1 (headings are not counted).
	N int
	// Section is the heading the paragraph falls under ("" before the first).
	Section string
	Text    string
}

// SpeakerKind tells what sort of speaker a quote has.
type SpeakerKind int

const (
	// Person is a named person.
	Person SpeakerKind = iota
	// Organisation is a named body such as "the Kremlin".
	Organisation
	// Unnamed is a person the article does not name ("a Kyiv resident");
	// Quote.Description holds how the article describes them.
	Unnamed
)

// Quote is one direct quote and who said it.
type Quote struct {
	// Text is exactly what stands between the quote marks.
	Text string
	// Paragraph is the 1-based Paragraph.N the quote stands in.
	Paragraph int
	// Start and End are byte offsets of Text in that paragraph's Text.
	Start, End int
	// Speaker is the speaker's canonical name (for Unnamed: "").
	Speaker string
	Kind    SpeakerKind
	// Description is the speaker's title or description as the article gives
	// it ("Czech Foreign Minister", "a fisherman in Port Aldren").
	Description string
	// Affiliation is the country or organisation the article ties the speaker
	// to, when it says ("Czech", "Russian", "Boreal Compact").
	Affiliation string
	// Confidence of the attribution, 0..1. Below UncertainBelow the answer
	// says "attributed to … (uncertain)".
	Confidence float64
}

// UncertainBelow is the confidence under which an attribution is shown as uncertain.
const UncertainBelow = 0.6
