package corpus

// ParserVersion names the behaviour of Parse, Link and the attribution code.
// Whoever changes what they produce for the same file (paragraph splitting,
// quote finding, attribution, speaker linking) bumps it: caches of parsed
// articles (the index's corpus cache) are keyed on it and are re-parsed when
// it changes, and only then.
const ParserVersion = "parser-2"
