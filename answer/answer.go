package answer

import "time"

// Answer is what every query returns. It marshals to the --json output.
type Answer struct {
	Command string `json:"command"`
	Query   string `json:"query"`
	// Found is false when nothing matched; Results may then be empty, and
	// Closest may hold near misses that must be shown as not matching.
	Found bool `json:"found"`
	// Match says how a who-said or find-source answer matched: MatchExact
	// (the phrase's words stand in the quote), MatchClose (the quote is very
	// likely what was meant, in other words: show its real words and say
	// "closest quote"), or "" when nothing matched (Found false).
	Match string `json:"match,omitempty"`
	// Subject is whom a quotes or reactions request resolved to, as shown
	// ("Vladimir Putin (Russian President)", "Nordic and Baltic countries").
	Subject string `json:"subject,omitempty"`
	// Also names the others the request matched, when it matched several.
	Also []string `json:"also,omitempty"`
	// Note explains how the answer was chosen when that is not the plain
	// case, e.g. "unknown group: plain search".
	Note    string   `json:"note,omitempty"`
	Results []Result `json:"results"`
	// Closest are at most 3 quotes that do not contain the phrase (who-said misses).
	Closest []Result `json:"closest,omitempty"`
}

// The values of Answer.Match.
const (
	MatchExact = "exact"
	MatchClose = "close"
)

// Result is one quote or paragraph with its source.
type Result struct {
	// Speaker and Quote are empty for plain paragraphs.
	Speaker string `json:"speaker"`
	Quote   string `json:"quote"`
	// Text is the whole paragraph the result stands in.
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Section   string `json:"section"`
	Article   Source `json:"article"`
	// Description is the speaker's title or, for an unnamed speaker, how the
	// article describes them.
	Description string `json:"description,omitempty"`
	// Uncertain is true when the attribution's confidence is low; the answer
	// must say "attributed to … (uncertain)".
	Uncertain  bool    `json:"uncertain,omitempty"`
	Confidence float64 `json:"confidence,omitempty"`
	// AlsoReportedBy lists other articles that carry the same statement.
	AlsoReportedBy []Source `json:"also_reported_by,omitempty"`
	// Terms are the words of the query that matched, for bolding.
	Terms []string `json:"terms,omitempty"`
	// Note says briefly why an /ask paragraph was chosen when that is not
	// obvious from the bold words, e.g. "gives a duration".
	Note  string  `json:"note,omitempty"`
	Score float64 `json:"score,omitempty"`
}

// Source identifies an article.
type Source struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet"`
	URL       string `json:"url"`
	Published string `json:"published,omitempty"`
}

// ArticleInfo describes one indexed article for /sources and `summitbot list`.
type ArticleInfo struct {
	Source
	Paragraphs int `json:"paragraphs"`
	Quotes     int `json:"quotes"`
}

// Progress reports a reindex's advance.
type Progress struct {
	Done, Total int // paragraphs
}

// Stats summarise a build or reindex.
type Stats struct {
	Articles   int
	Paragraphs int
	Quotes     int
	Took       time.Duration
}

// Added tells what was understood of an added article.
type Added struct {
	Info ArticleInfo
	// Speakers are the canonical names of the article's quoted speakers.
	Speakers []string
	// Updated is true when the article replaced an existing one (same URL or id).
	Updated bool
}

// CorpusProblem is a file in the corpus folder that was skipped (Skipped)
// or loaded although it looks wrong, with the reason.
type CorpusProblem struct {
	File    string `json:"file"`
	Reason  string `json:"reason"`
	Skipped bool   `json:"skipped"`
}
