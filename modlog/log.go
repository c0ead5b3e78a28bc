package modlog

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"summitbot/answer"
)

// Actions, an Entry's Action.
const (
	ActionAdd     = "add"
	ActionUpdate  = "update" // an add that replaced an article (same URL or id)
	ActionRemove  = "remove"
	ActionReindex = "reindex"
)

// Results, an Entry's Result.
const (
	ResultOK     = "ok"
	ResultFailed = "failed"
)

// Entry is one line of the moderation log.
type Entry struct {
	Time   time.Time    `json:"time"`
	Action string       `json:"action"`
	Who    answer.Actor `json:"who"`
	// Host is the machine (or container) whose process made the change:
	// replicas may share one log file.
	Host string `json:"host,omitempty"`
	// ArticleID, Title and URL are the article added, updated or removed;
	// File is the uploaded file's name for an add from a file.
	ArticleID string `json:"article_id,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	File      string `json:"file,omitempty"`
	// Result is "ok" or "failed"; Error says why it failed.
	Result string `json:"result"`
	Error  string `json:"error,omitempty"`
	// Articles, Paragraphs and Quotes are the index's counts after a reindex.
	Articles   int `json:"articles,omitempty"`
	Paragraphs int `json:"paragraphs,omitempty"`
	Quotes     int `json:"quotes,omitempty"`
	// TookMS is how long the change took, in milliseconds.
	TookMS int64 `json:"took_ms"`
}

// Poster posts an embed to a Discord channel (bot.ChannelPoster).
type Poster interface {
	PostEmbed(ctx context.Context, channelID string, embed *discordgo.MessageEmbed) error
}

// Options configure Open.
type Options struct {
	// Poster and ChannelID, when both are set, post every entry to that
	// channel too.
	Poster    Poster
	ChannelID string
	Logger    *slog.Logger
}

const (
	// postTimeout bounds one post to the channel.
	postTimeout = 10 * time.Second
	// postQueue is how many posts may wait; more are dropped (and logged):
	// the file has them all.
	postQueue = 64
	// closeWait is how long Close waits for the posts still queued.
	closeWait = 5 * time.Second
)

// Log appends entries to the moderation log file and posts them. It is safe
// for concurrent use.
type Log struct {
	path string
	log  *slog.Logger
	host string

	mu     sync.Mutex
	f      *os.File
	closed bool

	channel string
	poster  Poster
	queue   chan Entry
	posted  chan struct{} // closed when the poster goroutine ends
}

// Open opens (creating it and its folder when needed) the log file at
// path for appending.
func Open(path string, opt Options) (*Log, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("modlog: create the folder of %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return nil, fmt.Errorf("modlog: open %s: %w", path, err)
	}
	if err := endLine(path, f); err != nil {
		f.Close()
		return nil, err
	}
	l := &Log{path: path, log: opt.Logger, f: f}
	if l.log == nil {
		l.log = slog.New(slog.DiscardHandler)
	}
	l.host, _ = os.Hostname()
	if opt.Poster != nil && opt.ChannelID != "" {
		l.channel, l.poster = opt.ChannelID, opt.Poster
		l.queue, l.posted = make(chan Entry, postQueue), make(chan struct{})
		go l.post()
	}
	return l, nil
}

// endLine ends a last line a crash cut short, so that the next entry
// starts a line of its own.
func endLine(path string, f *os.File) error {
	r, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("modlog: open %s: %w", path, err)
	}
	defer r.Close()
	fi, err := r.Stat()
	if err != nil {
		return fmt.Errorf("modlog: stat %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return nil
	}
	last := make([]byte, 1)
	if _, err := r.ReadAt(last, fi.Size()-1); err != nil {
		return fmt.Errorf("modlog: read %s: %w", path, err)
	}
	if last[0] == '\n' {
		return nil
	}
	if _, err := f.Write([]byte{'\n'}); err != nil {
		return fmt.Errorf("modlog: append to %s: %w", path, err)
	}
	return nil
}

// Path is the log file's path.
func (l *Log) Path() string { return l.path }

// Record appends e as one line (filling in Time and Host when empty) with
// a single write, synced to disk, and queues its post to the channel.
func (l *Log) Record(e Entry) error {
	if e.Time.IsZero() {
		e.Time = time.Now().UTC()
	}
	if e.Host == "" {
		e.Host = l.host
	}
	line, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("modlog: encode: %w", err)
	}
	line = append(line, '\n')
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return fmt.Errorf("modlog: %s: closed", l.path)
	}
	// One write of the whole line: with O_APPEND, lines from several
	// processes sharing the file never interleave.
	if _, err := l.f.Write(line); err != nil {
		return fmt.Errorf("modlog: append to %s: %w", l.path, err)
	}
	if err := l.f.Sync(); err != nil {
		return fmt.Errorf("modlog: sync %s: %w", l.path, err)
	}
	if l.queue != nil {
		select {
		case l.queue <- e:
		default:
			l.log.Warn("moderation log: channel post dropped (too many waiting); the file has it", "action", e.Action, "article", e.ArticleID)
		}
	}
	return nil
}

// post sends the queued entries to the channel, one at a time.
func (l *Log) post() {
	defer close(l.posted)
	for e := range l.queue {
		ctx, cancel := context.WithTimeout(context.Background(), postTimeout)
		if err := l.poster.PostEmbed(ctx, l.channel, Embed(e)); err != nil {
			l.log.Warn("moderation log: not posted to the channel", "channel", l.channel, "action", e.Action, "article", e.ArticleID, "err", err)
		}
		cancel()
	}
}

// Close waits a few seconds for the posts still queued and closes the file.
func (l *Log) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	if l.queue != nil {
		close(l.queue)
	}
	l.mu.Unlock()
	if l.posted != nil {
		select {
		case <-l.posted:
		case <-time.After(closeWait):
			l.log.Warn("moderation log: gave up on posts still queued; the file has them")
		}
	}
	if err := l.f.Close(); err != nil {
		return fmt.Errorf("modlog: close %s: %w", l.path, err)
	}
	return nil
}

// Read reads the log file. A line that cannot be read (a line cut short
// by a crash while it was written) is skipped and counted. A missing file
// is an empty log.
func Read(path string) (entries []Entry, skipped int, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("modlog: %w", err)
	}
	defer f.Close()
	return readFrom(f)
}

func readFrom(r io.Reader) ([]Entry, int, error) {
	var (
		out     []Entry
		skipped int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var e Entry
		if err := json.Unmarshal(line, &e); err != nil || e.Action == "" {
			skipped++
			continue
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return out, skipped, fmt.Errorf("modlog: read: %w", err)
	}
	return out, skipped, nil
}
