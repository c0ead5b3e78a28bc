package control

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"summitbot/feed"
)

// Paths of the feed and review-queue requests.
const (
	pathFeedAdd      = "/v1/feed/add"
	pathFeedList     = "/v1/feed/list"
	pathFeedRemove   = "/v1/feed/remove"
	pathFeedPoll     = "/v1/feed/poll"
	pathQueueList    = "/v1/queue/list"
	pathQueueApprove = "/v1/queue/approve"
	pathQueueReject  = "/v1/queue/reject"
)

// ErrNoFeeds: the running bot has no feed service (it was started without
// one), so feed and queue commands cannot be handed to it.
var ErrNoFeeds = errors.New("control: the running bot does not handle feeds")

// feedMessage is the one JSON line that answers a feed or queue request.
type feedMessage struct {
	Done       bool             `json:"done"`
	Subscribed *feed.Subscribed `json:"subscribed,omitempty"`
	Feeds      []feed.Status    `json:"feeds,omitempty"`
	Feed       *feed.Feed       `json:"feed,omitempty"`
	Reports    []feed.Report    `json:"reports,omitempty"`
	Items      []feed.Item      `json:"items,omitempty"`
	Item       *feed.Item       `json:"item,omitempty"`
	Approved   *feed.Approved   `json:"approved,omitempty"`
	Error      *wireError       `json:"error,omitempty"`
}

type idRequest struct {
	ID string `json:"id"`
}

// ServeFeeds hands the server's feed and queue requests to m (nil: they
// answer ErrNoFeeds). Until it is called they answer ErrNoFeeds, unless the
// Moderator given to Listen is a feed.Manager too.
func (s *Server) ServeFeeds(m feed.Manager) {
	s.feedMu.Lock()
	defer s.feedMu.Unlock()
	s.feeds = m
}

func (s *Server) feedManager() feed.Manager {
	s.feedMu.Lock()
	defer s.feedMu.Unlock()
	return s.feeds
}

// routeFeeds adds the feed and queue requests to the server's mux.
func (s *Server) routeFeeds(mux *http.ServeMux) {
	mux.HandleFunc("POST "+pathFeedAdd, s.feedHandler("feed add", func(ctx context.Context, m feed.Manager, r *http.Request, w http.ResponseWriter) (feedMessage, error) {
		var f feed.Feed
		if !s.decode(w, r, &f) {
			return feedMessage{}, errAnswered
		}
		s.log.Info("control: feed add", "peer", peerFrom(ctx), "url", f.URL)
		sub, err := m.AddFeed(ctx, f)
		return feedMessage{Subscribed: &sub}, err
	}))
	mux.HandleFunc("GET "+pathFeedList, s.feedHandler("feed list", func(ctx context.Context, m feed.Manager, _ *http.Request, _ http.ResponseWriter) (feedMessage, error) {
		list, err := m.Feeds(ctx)
		return feedMessage{Feeds: nonNil(list)}, err
	}))
	mux.HandleFunc("POST "+pathFeedRemove, s.feedHandler("feed remove", func(ctx context.Context, m feed.Manager, r *http.Request, w http.ResponseWriter) (feedMessage, error) {
		var req idRequest
		if !s.decode(w, r, &req) {
			return feedMessage{}, errAnswered
		}
		s.log.Info("control: feed remove", "peer", peerFrom(ctx), "feed", req.ID)
		f, err := m.RemoveFeed(ctx, req.ID)
		return feedMessage{Feed: &f}, err
	}))
	mux.HandleFunc("POST "+pathFeedPoll, s.feedHandler("feed poll", func(ctx context.Context, m feed.Manager, r *http.Request, w http.ResponseWriter) (feedMessage, error) {
		io.Copy(io.Discard, http.MaxBytesReader(w, r.Body, maxRequestBytes))
		s.log.Info("control: feed poll", "peer", peerFrom(ctx))
		reps, err := m.Poll(ctx)
		return feedMessage{Reports: nonNil(reps)}, err
	}))
	mux.HandleFunc("GET "+pathQueueList, s.feedHandler("queue list", func(ctx context.Context, m feed.Manager, _ *http.Request, _ http.ResponseWriter) (feedMessage, error) {
		items, err := m.Queue(ctx)
		return feedMessage{Items: nonNil(items)}, err
	}))
	mux.HandleFunc("POST "+pathQueueApprove, s.feedHandler("queue approve", func(ctx context.Context, m feed.Manager, r *http.Request, w http.ResponseWriter) (feedMessage, error) {
		var req idRequest
		if !s.decode(w, r, &req) {
			return feedMessage{}, errAnswered
		}
		s.log.Info("control: queue approve", "peer", peerFrom(ctx), "item", req.ID)
		a, err := m.Approve(ctx, req.ID)
		return feedMessage{Approved: &a}, err
	}))
	mux.HandleFunc("POST "+pathQueueReject, s.feedHandler("queue reject", func(ctx context.Context, m feed.Manager, r *http.Request, w http.ResponseWriter) (feedMessage, error) {
		var req idRequest
		if !s.decode(w, r, &req) {
			return feedMessage{}, errAnswered
		}
		s.log.Info("control: queue reject", "peer", peerFrom(ctx), "item", req.ID)
		it, err := m.Reject(ctx, req.ID)
		return feedMessage{Item: &it}, err
	}))
}

// errAnswered: the handler has written the answer already (a bad request).
var errAnswered = errors.New("control: answered")

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// feedHandler runs one feed or queue request and writes its answer.
func (s *Server) feedHandler(op string, h func(context.Context, feed.Manager, *http.Request, http.ResponseWriter) (feedMessage, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		m := s.feedManager()
		if m == nil {
			s.fail(w, r, op, ErrNoFeeds)
			return
		}
		out, err := h(r.Context(), m, r, w)
		if errors.Is(err, errAnswered) {
			return
		}
		if err != nil {
			s.fail(w, r, op, err)
			return
		}
		out.Done = true
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(out); err != nil {
			s.log.Warn("control: write answer", "path", r.URL.Path, "err", err)
		}
	}
}

var _ feed.Manager = (*Client)(nil)

// AddFeed asks the running bot to subscribe to a feed.
func (c *Client) AddFeed(ctx context.Context, f feed.Feed) (feed.Subscribed, error) {
	m, err := c.callFeed(ctx, http.MethodPost, pathFeedAdd, f)
	if err != nil || m.Subscribed == nil {
		return feed.Subscribed{}, orMissing(err, pathFeedAdd)
	}
	return *m.Subscribed, nil
}

// Feeds lists the running bot's subscriptions.
func (c *Client) Feeds(ctx context.Context) ([]feed.Status, error) {
	m, err := c.callFeed(ctx, http.MethodGet, pathFeedList, nil)
	return nonNil(m.Feeds), err
}

// RemoveFeed asks the running bot to end a subscription.
func (c *Client) RemoveFeed(ctx context.Context, id string) (feed.Feed, error) {
	m, err := c.callFeed(ctx, http.MethodPost, pathFeedRemove, idRequest{ID: id})
	if err != nil || m.Feed == nil {
		return feed.Feed{}, orMissing(err, pathFeedRemove)
	}
	return *m.Feed, nil
}

// Poll asks the running bot to poll every feed now.
func (c *Client) Poll(ctx context.Context) ([]feed.Report, error) {
	m, err := c.callFeed(ctx, http.MethodPost, pathFeedPoll, struct{}{})
	return nonNil(m.Reports), err
}

// Queue lists the running bot's review queue.
func (c *Client) Queue(ctx context.Context) ([]feed.Item, error) {
	m, err := c.callFeed(ctx, http.MethodGet, pathQueueList, nil)
	return nonNil(m.Items), err
}

// Approve asks the running bot to add a queued article.
func (c *Client) Approve(ctx context.Context, id string) (feed.Approved, error) {
	m, err := c.callFeed(ctx, http.MethodPost, pathQueueApprove, idRequest{ID: id})
	if err != nil || m.Approved == nil {
		return feed.Approved{}, orMissing(err, pathQueueApprove)
	}
	return *m.Approved, nil
}

// Reject asks the running bot to reject a queued article for good.
func (c *Client) Reject(ctx context.Context, id string) (feed.Item, error) {
	m, err := c.callFeed(ctx, http.MethodPost, pathQueueReject, idRequest{ID: id})
	if err != nil || m.Item == nil {
		return feed.Item{}, orMissing(err, pathQueueReject)
	}
	return *m.Item, nil
}

func orMissing(err error, path string) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("control: %s: the answer holds no result", path)
}

// callFeed sends one feed or queue request and reads its answer.
func (c *Client) callFeed(ctx context.Context, method, path string, body any) (feedMessage, error) {
	resp, err := c.send(ctx, method, path, body)
	if err != nil {
		return feedMessage{}, err
	}
	defer resp.Body.Close()
	var m feedMessage
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		if ctx.Err() != nil {
			return feedMessage{}, fmt.Errorf("control: %s: %w", path, ctx.Err())
		}
		return feedMessage{}, fmt.Errorf("control: %s: read answer (HTTP %d): %w", path, resp.StatusCode, err)
	}
	if m.Error != nil {
		return feedMessage{}, fromWire(m.Error)
	}
	if !m.Done {
		return feedMessage{}, fmt.Errorf("control: %s: the bot's answer is incomplete (HTTP %d)", path, resp.StatusCode)
	}
	return m, nil
}
