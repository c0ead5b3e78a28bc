package corpus

// findQuotes finds the direct quotes in an article's paragraphs and their
// speakers. (Placeholder: replaced by the attribution work.)
func findQuotes(paras []Paragraph) []Quote { return nil }

// Link gives every speaker one canonical name across all articles, rewriting
// each quote's Speaker, and returns the speakers. (Placeholder.)
func Link(articles []*Article) []Speaker { return nil }
