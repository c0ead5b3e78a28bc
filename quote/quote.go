package quote

import (
	"sync"

	"summitbot/corpus"
)

// Version names the behaviour of Find and Link. Whoever changes what they
// produce for the same paragraphs (quote finding, attribution, speaker
// linking) bumps it: caches of found quotes (the index's corpus cache) are
// keyed on it, with corpus.ParserVersion, and are redone when it changes.
const Version = "quotes-3"

// Article is a corpus article with the direct quotes found in its
// paragraphs, in document order.
type Article struct {
	*corpus.Article
	Quotes []Quote
}

// Find finds the direct quotes in an article's paragraphs and who said
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
func Find(paras []corpus.Paragraph) []Quote {
	return newAttributor(lex).read(paras)
}

// Of finds the quotes of a parsed article.
func Of(a *corpus.Article) *Article {
	return &Article{Article: a, Quotes: Find(a.Paragraphs)}
}

// Parse reads one article file's content (corpus.Parse) and finds its
// quotes; speakers are not yet linked across articles (see Link).
func Parse(name string, data []byte) *Article {
	return Of(corpus.Parse(name, data))
}

// Corpus is every article in the corpus folder with its quotes, and the
// speakers linked across them.
type Corpus struct {
	Dir      string
	Articles []*Article
	Speakers []Speaker
	// Problems are files that were skipped.
	Problems []corpus.Problem
}

// Load reads the corpus folder (corpus.Load), finds every article's quotes
// and links the speakers across the articles.
func Load(dir string) (*Corpus, error) {
	return LoadWith(dir, corpus.LoadOptions{})
}

// LoadWith is Load with options. The quotes of each file are found on the
// worker that parsed it, before opt.Parsed gets the article.
func LoadWith(dir string, opt corpus.LoadOptions) (*Corpus, error) {
	var mu sync.Mutex
	found := map[*corpus.Article][]Quote{}
	parsed := opt.Parsed
	opt.Parsed = func(a *corpus.Article) {
		qs := Find(a.Paragraphs)
		mu.Lock()
		found[a] = qs
		mu.Unlock()
		if parsed != nil {
			parsed(a)
		}
	}
	c, err := corpus.LoadWith(dir, opt)
	if err != nil {
		return nil, err // corpus's errors name the folder
	}
	out := &Corpus{Dir: c.Dir, Articles: make([]*Article, len(c.Articles)), Problems: c.Problems}
	for i, a := range c.Articles {
		out.Articles[i] = &Article{Article: a, Quotes: found[a]}
	}
	out.Speakers = Link(out.Articles)
	return out, nil
}
