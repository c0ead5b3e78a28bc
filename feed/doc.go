// Package feed keeps the corpus current from news feeds, with moderators
// in the loop: subscriptions to RSS and Atom feeds with keywords, a poller
// that reads them, and a review queue of the articles they propose.
//
// A poll fetches a feed through the same SSRF-safe fetcher as /article add
// (webpage.Fetcher.FetchFeed), as a conditional request (ETag,
// If-Modified-Since), reads at most MaxEntries entries (Parse stops there,
// so a huge feed costs no more), and keeps the entries whose title or
// summary contains one of the feed's keywords, compared folded and as
// lemmas (Matcher). An entry whose address (corpus.URLKey of the link
// without tracking parameters) is already in the corpus, in the queue,
// rejected, or was proposed by another feed is a duplicate. The others'
// pages are fetched and extracted (webpage), at most MaxArticles per poll,
// and queued (the queue holds at most MaxQueue items); nothing is indexed
// until a moderator approves it (Service.Approve, which adds the extracted
// article through Corpus). A feed marked auto skips the review. Rejected
// addresses are remembered for good.
//
// Each feed has its own interval; a failed poll waits the interval
// doubled for each failure in a row (backoff), up to 12 hours. Run polls
// due feeds in their own goroutines, a few at a time, each bounded by
// FeedTimeout, so a slow or broken feed delays nothing else.
//
// Everything lives in one folder (FEED_DIR, beside the corpus folder by
// default; see Store): feeds.json (the subscriptions, which moderators may
// edit by hand), state.json (polling state and the addresses already
// proposed), queue.json and queue/<id>.md (the items waiting for review and
// their extracted articles) and rejected.json.
package feed
