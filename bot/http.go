package bot

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"
)

const (
	// maxBody is the largest interaction the endpoint reads.
	maxBody = 1 << 20
	// maxSkew is how far X-Signature-Timestamp may be from now.
	maxSkew = 5 * time.Minute
)

// httpServer is the HTTP interactions endpoint with its timeouts.
func (s *service) httpServer() *http.Server {
	return &http.Server{
		Handler:           s.httpHandler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      10 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// httpHandler serves POST /interactions and GET /healthz; other methods on
// those paths get 405 with Allow, other paths 404 (net/http's ServeMux).
func (s *service) httpHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /interactions", s.interactions)
	mux.HandleFunc("GET /healthz", s.healthz)
	for pattern, h := range s.cfg.Routes {
		mux.Handle(pattern, h)
	}
	return mux
}

// healther is a Querier that can say why it does not answer.
type healther interface {
	Health() (ok bool, reason string)
}

// healthz is 200 only while the index answers; 503 with the reason
// otherwise: starting (the index still opening), a failed state (an index
// being rebuilt after breaking), shutting down.
func (s *service) healthz(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	ok, reason := s.eng.Ready(), ""
	if h, is := s.eng.(healther); is {
		ok, reason = h.Health()
	}
	if closing {
		ok, reason = false, "shutting down"
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, strings.TrimSpace("not ready: "+reason)+"\n")
		return
	}
	io.WriteString(w, "ok\n")
}

// interactions verifies a signed interaction and answers it in the response
// body.
func (s *service) interactions(w http.ResponseWriter, r *http.Request) {
	// The signature is checked before any limit: a validly signed request
	// is never refused (behind a reverse proxy every request comes from one
	// address), and only requests that fail verification are limited.
	ip := remoteIP(r)
	fail := func(code int, msg string) {
		if !s.limiter.fail(ip) {
			w.Header().Set("Retry-After", "10")
			http.Error(w, "too many bad requests", http.StatusTooManyRequests)
			return
		}
		s.log.Info("interactions endpoint refused a request", "status", code, "reason", msg, "remote", ip)
		http.Error(w, msg, code)
	}
	sig, err := hex.DecodeString(r.Header.Get("X-Signature-Ed25519"))
	ts := r.Header.Get("X-Signature-Timestamp")
	if err != nil || len(sig) != ed25519.SignatureSize || ts == "" {
		fail(http.StatusUnauthorized, "missing or malformed signature")
		return
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		fail(http.StatusUnauthorized, "malformed timestamp")
		return
	}
	if skew := s.now().Sub(time.Unix(sec, 0)); skew > maxSkew || skew < -maxSkew {
		fail(http.StatusUnauthorized, "stale timestamp")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			fail(http.StatusRequestEntityTooLarge, "body too large")
			return
		}
		fail(http.StatusBadRequest, "unreadable body")
		return
	}
	if len(s.cfg.PublicKey) != ed25519.PublicKeySize || !ed25519.Verify(s.cfg.PublicKey, append([]byte(ts), body...), sig) {
		fail(http.StatusUnauthorized, "invalid signature")
		return
	}
	var in discordgo.Interaction
	if err := json.Unmarshal(body, &in); err != nil || in.Type == 0 {
		http.Error(w, "malformed interaction", http.StatusBadRequest)
		return
	}
	if in.Type == discordgo.InteractionPing {
		writeJSON(w, []byte(`{"type":1}`))
		return
	}
	if !s.begin() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}

	out := make(chan []byte, 1)
	written := make(chan struct{})
	go func() {
		defer s.end()
		s.handle(&in, func(ctx context.Context, body []byte) error {
			out <- body
			select {
			case <-written:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	defer close(written)
	select {
	case b := <-out:
		writeJSON(w, b)
	case <-time.After(2 * s.cfg.DeferAfter):
		// handle always answers within DeferAfter×1.25; this is a backstop.
		b, _ := encodeResponse(fit(errorReply(r.Context(), s.log, &in, errTooSlow)))
		writeJSON(w, b)
	case <-r.Context().Done():
	}
}

func writeJSON(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// failLimiter limits, per client IP, requests that fail verification:
// after a burst of bad requests an address's bad requests get 429 instead
// of 401, until it has waited. Valid requests are verified first and never
// charged nor refused, so Discord's own traffic is never limited, even
// when a reverse proxy makes every request come from one address.
type failLimiter struct {
	mu  sync.Mutex
	per map[string]*rate.Limiter
}

const (
	failBurst = 20
	failEvery = 3 * time.Second
	failKeep  = 10000 // addresses remembered before idle ones are forgotten
)

func newFailLimiter() *failLimiter { return &failLimiter{per: map[string]*rate.Limiter{}} }

// fail charges a failed request to ip and reports whether it is still
// within the limit (false: refuse it with 429).
func (l *failLimiter) fail(ip string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	lim := l.per[ip]
	if lim == nil {
		if len(l.per) >= failKeep {
			for k, v := range l.per {
				if v.Tokens() >= failBurst {
					delete(l.per, k)
				}
			}
			if len(l.per) >= failKeep {
				return false // under a wide attack: stop remembering rather than grow
			}
		}
		lim = rate.NewLimiter(rate.Every(failEvery), failBurst)
		l.per[ip] = lim
	}
	return lim.Allow()
}
