package control

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"summitbot/answer"
	"syscall"
	"time"
)

// Client sends moderator commands to a running server. It is safe for
// concurrent use.
type Client struct {
	path string
	http *http.Client
}

// Dial connects to the server on the socket at path. With no socket file,
// or a stale one nobody listens on, it returns an error that matches
// ErrNoServer: the caller may then open the index itself.
func Dial(path string) (*Client, error) {
	if len(path) > maxPathLen {
		return nil, fmt.Errorf("%w (%v: %s)", ErrNoServer, ErrPathTooLong, path)
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: no socket at %s", ErrNoServer, path)
	}
	conn, err := net.DialTimeout("unix", path, 2*time.Second)
	if err != nil {
		if noServer(err) {
			return nil, fmt.Errorf("%w: stale socket %s", ErrNoServer, path)
		}
		return nil, fmt.Errorf("control: connect to %s: %w", path, err)
	}
	conn.Close()
	c := &Client{path: path}
	dialer := &net.Dialer{Timeout: 2 * time.Second}
	c.http = &http.Client{Transport: &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			conn, err := dialer.DialContext(ctx, "unix", path)
			if err != nil && noServer(err) {
				return nil, fmt.Errorf("%w: %s: %w", ErrNoServer, path, err)
			}
			return conn, err
		},
		Proxy:           nil,
		MaxIdleConns:    2,
		IdleConnTimeout: 30 * time.Second,
	}}
	return c, nil
}

// noServer reports whether a dial error means nobody listens.
func noServer(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, fs.ErrNotExist)
}

// Close releases idle connections.
func (c *Client) Close() error {
	c.http.CloseIdleConnections()
	return nil
}

// AddArticle sends an article file (.md, .txt or .html) to be added.
func (c *Client) AddArticle(ctx context.Context, name string, data []byte) (answer.Added, error) {
	m, err := c.call(ctx, http.MethodPost, pathAdd, addRequest{Name: name, Data: data}, nil)
	if err != nil {
		return answer.Added{}, err
	}
	if m.Added == nil {
		return answer.Added{}, errors.New("control: add: the answer holds no article")
	}
	return *m.Added, nil
}

// AddURL asks the server to fetch a page and add its article.
func (c *Client) AddURL(ctx context.Context, url string) (answer.Added, error) {
	m, err := c.call(ctx, http.MethodPost, pathAdd, addRequest{URL: url}, nil)
	if err != nil {
		return answer.Added{}, err
	}
	if m.Added == nil {
		return answer.Added{}, errors.New("control: add: the answer holds no article")
	}
	return *m.Added, nil
}

// RemoveArticle asks the server to remove an article.
func (c *Client) RemoveArticle(ctx context.Context, id string) error {
	_, err := c.call(ctx, http.MethodPost, pathRemove, removeRequest{ID: id}, nil)
	return err
}

// Reindex asks the server to rebuild the index, calling progress (when not
// nil) as the server reports it. Cancelling ctx cancels the reindex.
func (c *Client) Reindex(ctx context.Context, progress func(answer.Progress)) (answer.Stats, error) {
	m, err := c.call(ctx, http.MethodPost, pathReindex, struct{}{}, progress)
	if err != nil {
		return answer.Stats{}, err
	}
	if m.Stats == nil {
		return answer.Stats{}, errors.New("control: reindex: the answer holds no counts")
	}
	return *m.Stats, nil
}

// Sources lists the articles the server has indexed.
func (c *Client) Sources(ctx context.Context) ([]answer.ArticleInfo, error) {
	m, err := c.call(ctx, http.MethodGet, pathList, nil, nil)
	if err != nil {
		return nil, err
	}
	if m.Articles == nil {
		return []answer.ArticleInfo{}, nil
	}
	return m.Articles, nil
}

// send sends one request (body, when not nil, as JSON) and returns the
// response whose body the caller reads and closes.
func (c *Client) send(ctx context.Context, method, path string, body any) (*http.Response, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, fmt.Errorf("control: encode %s: %w", path, err)
		}
		rd = bytes.NewReader(b)
	}
	// The host is a placeholder: the transport always dials the socket.
	req, err := http.NewRequestWithContext(ctx, method, "http://summitbot"+path, rd)
	if err != nil {
		return nil, fmt.Errorf("control: %s: %w", path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("control: %s: %w", path, ctx.Err())
		}
		return nil, fmt.Errorf("control: %s: %w", path, err)
	}
	return resp, nil
}

// call sends one request and reads the answer's lines up to the final one.
func (c *Client) call(ctx context.Context, method, path string, body any, progress func(answer.Progress)) (message, error) {
	resp, err := c.send(ctx, method, path, body)
	if err != nil {
		return message{}, err
	}
	defer resp.Body.Close()
	dec := json.NewDecoder(resp.Body)
	for {
		var m message
		if err := dec.Decode(&m); err != nil {
			if ctx.Err() != nil {
				return message{}, fmt.Errorf("control: %s: %w", path, ctx.Err())
			}
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return message{}, fmt.Errorf("control: %s: the bot closed the connection before answering (HTTP %d)", path, resp.StatusCode)
			}
			return message{}, fmt.Errorf("control: %s: read answer (HTTP %d): %w", path, resp.StatusCode, err)
		}
		if m.Progress != nil && progress != nil {
			progress(*m.Progress)
		}
		if m.Done {
			if m.Error != nil {
				return m, fromWire(m.Error)
			}
			return m, nil
		}
	}
}
