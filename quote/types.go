package quote

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
