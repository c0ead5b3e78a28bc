package corpus

// ParserVersion names the behaviour of Parse. Whoever changes what it
// produces for the same file (front matter, title, headings, paragraph
// splitting) bumps it: caches of parsed articles (the index's corpus cache)
// are keyed on it, with quote.Version, and are re-parsed when it changes, and
// only then.
const ParserVersion = "parser-3"
