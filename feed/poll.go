package feed

import (
	"cmp"
	"context"
	"errors"
	"net/url"
	"strings"
	"time"

	"summitbot/answer"
	"summitbot/webpage"
)

// maxBackoff bounds the wait after failed polls (unless the feed's own
// interval is longer).
const maxBackoff = 12 * time.Hour

// every is how often f is polled.
func (s *Service) every(f Feed) time.Duration {
	if f.Every > 0 {
		return time.Duration(f.Every)
	}
	return s.opt.Every
}

// backoff is the wait after n failed polls in a row: the interval doubled
// for each, up to maxBackoff.
func backoff(every time.Duration, n int) time.Duration {
	wait := every
	for i := 0; i < n && wait < maxBackoff; i++ {
		wait *= 2
	}
	return max(min(wait, maxBackoff), every)
}

// candidate is a matching entry not seen before.
type candidate struct {
	link    string
	key     string
	entry   Entry
	matched []string
}

// fetched is a candidate whose article was fetched and extracted.
type fetched struct {
	candidate
	x    *webpage.Extracted
	file webpage.File
	key2 string // the address key of the article's own URL
}

// poll polls one feed: a conditional fetch, the entries that match its
// keywords and were never proposed, their articles fetched and extracted,
// then queued (or added, for an auto feed). The caller has claimed it.
func (s *Service) poll(parent context.Context, f Feed) Report {
	rep := Report{Feed: f.ID, URL: f.URL, Queued: []Item{}, Added: []answer.Added{}}
	ctx, cancel := context.WithTimeout(parent, s.opt.FeedTimeout)
	defer cancel()
	var old validators
	s.store.view(func(fs *files) error {
		if st := fs.State.Feeds[f.ID]; st != nil {
			old = st.Validators
		}
		return nil
	})
	page, err := s.opt.Fetcher.FetchFeed(ctx, f.URL, webpage.Validators(old))
	if err != nil {
		return s.failed(f, rep, err)
	}
	if page.NotModified {
		rep.NotModified = true
		s.succeeded(f, webpage.Validators(page.Validators), "", nil)
		s.log.Debug("feed: not modified", "feed", f.ID)
		return rep
	}
	doc, err := Parse(page.Body, page.URL, s.opt.MaxEntries)
	if err != nil {
		return s.failed(f, rep, err)
	}
	rep.Entries = len(doc.Entries)

	cands, matched, dups, err := s.candidates(f, doc)
	if err != nil {
		return s.failed(f, rep, err)
	}
	rep.Matched, rep.Duplicates = matched, dups
	// More candidates than this poll fetches (or the queue takes), or an
	// article that failed: the validators are not kept, so the next poll
	// reads the feed again.
	limit := s.opt.MaxArticles
	if !f.Auto {
		limit = min(limit, s.queueRoom())
		rep.QueueFull = limit == 0 && len(cands) > 0
	}
	complete := len(cands) <= limit
	if !complete {
		cands = cands[:limit]
	}
	var got []fetched
	var failedKeys []string
	for _, c := range cands {
		x, err := s.opt.Fetcher.FetchArticle(ctx, c.link)
		if ctx.Err() != nil {
			// Out of time (or shutting down): what was fetched is kept, the
			// rest waits for the next poll, which reads the feed again.
			complete = false
			break
		}
		if err != nil {
			rep.Failed = append(rep.Failed, FailedArticle{URL: c.link, Error: err.Error()})
			failedKeys = append(failedKeys, c.key)
			complete = false
			continue
		}
		file := x.File()
		got = append(got, fetched{candidate: c, x: x, file: file, key2: linkKey(x.Meta.URL)})
	}

	if parent.Err() != nil {
		// Shutting down: nothing is recorded, the next start polls again.
		rep.Error = "stopped: " + parent.Err().Error()
		return rep
	}
	if f.Auto {
		s.addAll(parent, f, got, &rep)
	} else if err := s.enqueue(f, doc.Title, got, &rep); err != nil {
		return s.failed(f, rep, err)
	}
	keep := webpage.Validators{}
	if complete {
		keep = page.Validators
	}
	s.succeeded(f, keep, doc.Title, failedKeys)
	for _, it := range rep.Queued {
		if s.opt.OnQueued != nil {
			s.opt.OnQueued(it)
		}
	}
	s.log.Info("feed: polled", "feed", f.ID, "entries", rep.Entries, "matched", rep.Matched,
		"queued", len(rep.Queued), "added", len(rep.Added), "duplicates", rep.Duplicates, "failed", len(rep.Failed))
	return rep
}

// queueRoom is how many more items the review queue takes.
func (s *Service) queueRoom() int {
	n := 0
	s.store.view(func(fs *files) error { n = len(fs.Queue.Items); return nil })
	return max(s.opt.MaxQueue-n, 0)
}

// candidates are the entries that match the feed's keywords and were
// never queued, added, rejected or given up on, and are not in the corpus.
func (s *Service) candidates(f Feed, doc *Document) (cands []candidate, matched, dups int, err error) {
	m := NewMatcher(s.lx, f.Keywords)
	inCorpus := s.corpusKeys()
	taken := map[string]bool{}
	err = s.store.view(func(fs *files) error {
		for _, e := range doc.Entries {
			link := cleanLink(e.Link)
			if u, err := url.Parse(link); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				continue
			}
			hit, ok := m.Match(e.Title, e.Summary)
			if !ok {
				continue
			}
			matched++
			key := linkKey(link)
			if taken[key] || s.known(fs, inCorpus, key) {
				dups++
				continue
			}
			taken[key] = true
			cands = append(cands, candidate{link: link, key: key, entry: e, matched: hit})
		}
		return nil
	})
	return cands, matched, dups, err
}

// known reports whether an address was seen, queued or rejected, or is in
// the corpus.
func (s *Service) known(fs *files, inCorpus map[string]bool, key string) bool {
	if key == "" {
		return false
	}
	_, wasSeen := fs.State.Seen[key]
	return wasSeen || inCorpus[key] || fs.rejected(key) || fs.queued(key) >= 0
}

func (s *Service) corpusKeys() map[string]bool {
	keys := map[string]bool{}
	for _, a := range s.opt.Corpus.Sources() {
		if k := linkKey(a.URL); k != "" {
			keys[k] = true
		}
	}
	return keys
}

// enqueue puts the fetched articles in the review queue, checking again
// under the store's lock that none was proposed meanwhile (by another feed).
func (s *Service) enqueue(f Feed, feedTitle string, got []fetched, rep *Report) error {
	if len(got) == 0 {
		return nil
	}
	inCorpus := s.corpusKeys()
	var written []string
	err := s.store.update(func(fs *files) error {
		now := s.opt.Now().UTC()
		for _, g := range got {
			if s.known(fs, inCorpus, g.key) || s.known(fs, inCorpus, g.key2) {
				rep.Duplicates++
				continue
			}
			id := uniqueID(itemID(g.key), func(id string) bool { return slicesContainsID(fs.Queue.Items, id) })
			if err := s.store.writeArticle(id, g.file.Data); err != nil {
				return err
			}
			written = append(written, id)
			it := Item{
				ID: id, URL: g.link, Title: cmp.Or(g.x.Meta.Title, g.entry.Title), Summary: g.entry.Summary,
				Feed: f.ID, FeedTitle: cmp.Or(feedTitle, f.Title), Outlet: g.x.Meta.Outlet, Published: g.x.Meta.Published,
				Matched: g.matched, Found: now, Paragraphs: g.x.Paragraphs(), File: g.file.Name,
			}
			if it.Published == "" && !g.entry.Published.IsZero() {
				it.Published = g.entry.Published.Format(time.DateOnly)
			}
			fs.Queue.Items = append(fs.Queue.Items, it)
			for _, k := range []string{g.key, g.key2} {
				if k != "" {
					fs.State.Seen[k] = seen{At: now, What: "queued"}
				}
			}
			rep.Queued = append(rep.Queued, it)
		}
		return nil
	})
	if err != nil {
		for _, id := range written {
			s.store.removeArticle(id)
		}
		rep.Queued = rep.Queued[:0]
	}
	return err
}

func slicesContainsID(items []Item, id string) bool {
	for _, it := range items {
		if it.ID == id {
			return true
		}
	}
	return false
}

// addAll adds the fetched articles of an auto feed to the corpus at once.
func (s *Service) addAll(ctx context.Context, f Feed, got []fetched, rep *Report) {
	for _, g := range got {
		inCorpus := s.corpusKeys()
		dup := false
		s.store.view(func(fs *files) error {
			dup = s.known(fs, inCorpus, g.key) || s.known(fs, inCorpus, g.key2)
			return nil
		})
		if dup {
			rep.Duplicates++
			continue
		}
		added, err := s.opt.Corpus.AddArticle(ctx, g.file.Name, g.file.Data)
		if err != nil {
			rep.Failed = append(rep.Failed, FailedArticle{URL: g.link, Error: "add: " + err.Error()})
			continue
		}
		rep.Added = append(rep.Added, added)
		s.log.Info("feed: added", "feed", f.ID, "article", added.Info.ID, "url", g.link)
		err = s.store.update(func(fs *files) error {
			now := s.opt.Now().UTC()
			for _, k := range []string{g.key, g.key2, linkKey(added.Info.URL)} {
				if k != "" {
					fs.State.Seen[k] = seen{At: now, What: "added"}
				}
			}
			return nil
		})
		if err != nil {
			s.log.Warn("feed: cannot record an added article", "feed", f.ID, "err", err)
		}
	}
}

// succeeded records a poll that read the feed: the next one after the
// feed's interval. Matching articles that failed count a try each; after
// maxTries they are given up on.
func (s *Service) succeeded(f Feed, v webpage.Validators, title string, failedKeys []string) {
	err := s.store.update(func(fs *files) error {
		if fs.feed(f.ID) == nil {
			return nil // removed meanwhile
		}
		now := s.opt.Now().UTC()
		st := fs.state(f.ID)
		st.Validators = validators(v)
		st.LastPoll, st.NextPoll = now, now.Add(s.every(f))
		st.Failures, st.LastError = 0, ""
		if ff := fs.feed(f.ID); ff != nil && title != "" && ff.Title == "" {
			ff.Title = title
		}
		tries := map[string]int{}
		for _, k := range failedKeys {
			tries[k] = st.Tries[k] + 1
			if tries[k] >= maxTries {
				fs.State.Seen[k] = seen{At: now, What: "failed"}
				delete(tries, k)
			}
		}
		st.Tries = tries
		if len(st.Tries) == 0 {
			st.Tries = nil
		}
		return nil
	})
	if err != nil {
		s.log.Warn("feed: cannot record a poll", "feed", f.ID, "err", err)
	}
}

// failed records a failed poll and backs off: the more failures in a row,
// the longer until the next try.
func (s *Service) failed(f Feed, rep Report, cause error) Report {
	rep.Error = oneLine(cause)
	var n int
	err := s.store.update(func(fs *files) error {
		if fs.feed(f.ID) == nil {
			return nil // removed meanwhile
		}
		now := s.opt.Now().UTC()
		st := fs.state(f.ID)
		st.Failures++
		n = st.Failures
		st.LastError = rep.Error
		st.LastPoll, st.NextPoll = now, now.Add(backoff(s.every(f), st.Failures))
		return nil
	})
	if err != nil {
		s.log.Warn("feed: cannot record a poll", "feed", f.ID, "err", err)
	}
	level := s.log.Info
	if errors.Is(cause, ErrStore) {
		level = s.log.Warn
	}
	level("feed: poll failed", "feed", f.ID, "failures", n, "err", rep.Error)
	return rep
}

func oneLine(err error) string { return strings.Join(strings.Fields(err.Error()), " ") }
