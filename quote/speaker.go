package quote

// Speaker is one person or organisation quoted somewhere in the corpus, under
// one canonical name across all articles.
type Speaker struct {
	// Name is the canonical name: the fullest form the articles give.
	Name string
	Kind SpeakerKind
	// Description is a title the articles give ("Czech Foreign Minister").
	Description string
	// Affiliation is the country or organisation, when stated ("Czech").
	Affiliation string
	// Aliases are other forms of the name seen in the articles
	// (surname, spelling variants), without the canonical one.
	Aliases []string
	// Quotes counts the speaker's quotes over the corpus.
	Quotes int
}
