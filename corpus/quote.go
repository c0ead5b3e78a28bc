package corpus

// findQuotes finds the direct quotes in an article's paragraphs and who said
// them. Speakers are named as the article names them at their fullest; Link
// makes the names canonical across articles.
//
// A quote is the text between a pair of quote marks: straight or curly
// double marks, and single marks used as quote marks (British ‘…’ or a
// straight '…'), never apostrophes. A nested quote stays inside its outer
// quote's text. A quote without a closing mark whose next paragraph opens
// with a mark runs to its paragraph's end and goes on there; both parts are
// quotes of the same speaker. A short phrase in quote marks that nobody is
// said to have said ("the so-called “grand bargain”") is not a quote.
func findQuotes(paras []Paragraph) []Quote {
	return newAttributor(lex).read(paras)
}
