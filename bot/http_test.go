package bot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"summitbot/answer"
	"summitbot/bot/internal/fakediscord"
)

// signer signs interactions as Discord does.
type signer struct {
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newSigner(t *testing.T) signer {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return signer{pub, priv}
}

// request is a POST /interactions signed over timestamp + body.
func (s signer) request(t *testing.T, url string, body []byte, at time.Time) *http.Request {
	t.Helper()
	ts := strconv.FormatInt(at.Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, url+"/interactions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", hex.EncodeToString(ed25519.Sign(s.priv, append([]byte(ts), body...))))
	return req
}

func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestInteractionsEndpoint(t *testing.T) {
	key := newSigner(t)
	other := newSigner(t)
	eng := &fakeEngine{answers: map[string]answer.Answer{
		"who-said:no deal": {Found: true, Results: []answer.Result{quoteResult("Donald Trump", "There’s no deal until there’s a deal", "deal")}},
	}}
	s, _ := newTestService(t, Config{PublicKey: key.pub}, eng)
	srv := httptest.NewServer(s.httpHandler())
	t.Cleanup(srv.Close)

	ping := []byte(`{"id":"1","application_id":"99","type":1,"token":"t","version":1}`)
	whoSaid := fakediscord.Marshal(fakediscord.Slash("1", "who-said", [2]string{"phrase", "no deal"}))
	now := time.Now()
	tests := []struct {
		name     string
		req      func() *http.Request
		status   int
		wantBody string
	}{
		{"ping", func() *http.Request { return key.request(t, srv.URL, ping, now) }, 200, `{"type":1}`},
		{"missing signature", func() *http.Request {
			r := key.request(t, srv.URL, ping, now)
			r.Header.Del("X-Signature-Ed25519")
			return r
		}, 401, ""},
		{"missing timestamp", func() *http.Request {
			r := key.request(t, srv.URL, ping, now)
			r.Header.Del("X-Signature-Timestamp")
			return r
		}, 401, ""},
		{"signature not hex", func() *http.Request {
			r := key.request(t, srv.URL, ping, now)
			r.Header.Set("X-Signature-Ed25519", "zz"+r.Header.Get("X-Signature-Ed25519")[2:])
			return r
		}, 401, ""},
		{"signed by another key", func() *http.Request { return other.request(t, srv.URL, ping, now) }, 401, ""},
		{"body changed after signing", func() *http.Request {
			r := key.request(t, srv.URL, ping, now)
			changed := bytes.Replace(ping, []byte(`"type":1`), []byte(`"type":2`), 1)
			r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(changed)), int64(len(changed))
			return r
		}, 401, ""},
		{"timestamp changed after signing", func() *http.Request {
			r := key.request(t, srv.URL, ping, now)
			r.Header.Set("X-Signature-Timestamp", strconv.FormatInt(now.Unix()+1, 10))
			return r
		}, 401, ""},
		{"stale timestamp", func() *http.Request { return key.request(t, srv.URL, ping, now.Add(-6*time.Minute)) }, 401, ""},
		{"future timestamp", func() *http.Request { return key.request(t, srv.URL, ping, now.Add(6*time.Minute)) }, 401, ""},
		{"malformed JSON", func() *http.Request { return key.request(t, srv.URL, []byte(`{"type":`), now) }, 400, ""},
		{"not an interaction", func() *http.Request { return key.request(t, srv.URL, []byte(`{"hello":"world"}`), now) }, 400, ""},
		{"oversized body", func() *http.Request {
			return key.request(t, srv.URL, append(bytes.Repeat([]byte(" "), maxBody), ping...), now)
		}, 413, ""},
		{"GET /interactions", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, srv.URL+"/interactions", nil)
			return r
		}, 405, ""},
		{"other path", func() *http.Request {
			r, _ := http.NewRequest(http.MethodPost, srv.URL+"/other", nil)
			return r
		}, 404, ""},
		{"healthz", func() *http.Request {
			r, _ := http.NewRequest(http.MethodGet, srv.URL+"/healthz", nil)
			return r
		}, 200, "ok\n"},
		{"who-said", func() *http.Request { return key.request(t, srv.URL, whoSaid, now) }, 200, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, tc.req())
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d (%s)", resp.StatusCode, tc.status, body)
			}
			if tc.wantBody != "" && string(body) != tc.wantBody {
				t.Errorf("body %q, want %q", body, tc.wantBody)
			}
			if tc.status == 405 && resp.Header.Get("Allow") != "POST" {
				t.Errorf("Allow %q", resp.Header.Get("Allow"))
			}
			if tc.name == "ping" || tc.name == "who-said" {
				if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("content type %q", ct)
				}
			}
		})
	}

	t.Run("who-said answer", func(t *testing.T) {
		_, body := do(t, key.request(t, srv.URL, whoSaid, now))
		var r response
		if err := json.Unmarshal(body, &r); err != nil {
			t.Fatal(err)
		}
		if r.Type != 4 || r.Data.Ephemeral() || len(r.Data.Embeds) != 1 || r.Data.Embeds[0].AuthorName() != "Donald Trump" {
			t.Errorf("%s", body)
		}
		if problems := fakediscord.CheckCallback(body, false); len(problems) > 0 {
			t.Error(problems)
		}
	})
	t.Run("who-said miss is ephemeral", func(t *testing.T) {
		_, body := do(t, key.request(t, srv.URL, fakediscord.Marshal(fakediscord.Slash("1", "who-said", [2]string{"phrase", "make america great again"})), now))
		var r response
		json.Unmarshal(body, &r)
		if !r.Data.Ephemeral() {
			t.Errorf("%s", body)
		}
	})
}

func TestHealthzNotReady(t *testing.T) {
	s, _ := newTestService(t, Config{PublicKey: newSigner(t).pub}, &fakeEngine{notReady: true})
	rec := httptest.NewRecorder()
	s.httpHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("status %d", rec.Code)
	}
}

func TestBadRequestsAreRateLimited(t *testing.T) {
	key := newSigner(t)
	s, _ := newTestService(t, Config{PublicKey: key.pub}, &fakeEngine{})
	h := s.httpHandler()
	post := func(from string, signed bool) int {
		body := []byte(`{"type":1}`)
		req := httptest.NewRequest(http.MethodPost, "/interactions", bytes.NewReader(body))
		req.RemoteAddr = from + ":1234"
		if signed {
			req = key.request(t, "", body, time.Now())
			req.RemoteAddr = from + ":1234"
			req.RequestURI = ""
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := 0; i < failBurst; i++ {
		if code := post("192.0.2.1", false); code != http.StatusUnauthorized {
			t.Fatalf("bad request %d: status %d", i, code)
		}
	}
	if code := post("192.0.2.1", false); code != http.StatusTooManyRequests {
		t.Errorf("after %d bad requests: status %d, want 429", failBurst, code)
	}
	// Behind a reverse proxy every request comes from one address: a
	// validly signed one is never refused, however many bad ones came.
	if code := post("192.0.2.1", true); code != http.StatusOK {
		t.Errorf("valid request from a limited address: %d, want 200", code)
	}
	if code := post("192.0.2.2", true); code != http.StatusOK {
		t.Errorf("another address is limited too: %d", code)
	}
	for i := 0; i < 3*failBurst; i++ {
		if code := post("192.0.2.3", true); code != http.StatusOK {
			t.Fatalf("valid request %d limited: %d", i, code)
		}
	}
}

func TestHTTPWithoutTokenAnswersSlowHandlersInTime(t *testing.T) {
	key := newSigner(t)
	eng := &fakeEngine{delay: time.Second}
	s, _ := newTestService(t, Config{PublicKey: key.pub, DeferAfter: 80 * time.Millisecond}, eng)
	srv := httptest.NewServer(s.httpHandler())
	t.Cleanup(srv.Close)
	start := time.Now()
	_, body := do(t, key.request(t, srv.URL, fakediscord.Marshal(fakediscord.Slash("1", "ask", [2]string{"question", "slow"})), time.Now()))
	took := time.Since(start)
	var r response
	json.Unmarshal(body, &r)
	if r.Type != 4 || !r.Data.Ephemeral() || !strings.Contains(r.Data.Content, "too long") {
		t.Errorf("%s", body)
	}
	if took > 500*time.Millisecond {
		t.Errorf("took %s; want about DeferAfter×1.25 = 100ms", took)
	}
}

// Without a token the HTTP endpoint still defers a slow answer and edits it
// through the interaction's webhook, which needs no authorization.
func TestHTTPWithoutTokenDefersAndEditsThroughTheWebhook(t *testing.T) {
	key := newSigner(t)
	fake := fakediscord.New(t, "", "777")
	eng := &fakeEngine{delay: 300 * time.Millisecond, answers: map[string]answer.Answer{
		"ask:slow": {Command: "ask", Query: "slow", Found: true, Results: []answer.Result{{Text: "A slow answer.", Paragraph: 1, Article: answer.Source{ID: "a", Title: "A"}}}},
	}}
	cfg := Config{PublicKey: key.pub, APIBase: fake.URL, DeferAfter: 80 * time.Millisecond}
	s, _ := newTestService(t, cfg, eng)
	rest, err := newSession(s.cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.rest = rest
	srv := httptest.NewServer(s.httpHandler())
	t.Cleanup(srv.Close)

	in := fakediscord.Slash("1", "ask", [2]string{"question", "slow"})
	id := fake.RegisterAnswered(in)
	_, body := do(t, key.request(t, srv.URL, fakediscord.Marshal(in), time.Now()))
	var r response
	if err := json.Unmarshal(body, &r); err != nil || r.Type != 5 {
		t.Fatalf("first response %s, want a deferral (type 5)", body)
	}
	replies, err := fake.WaitReplies(id, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if last := replies[len(replies)-1]; last.Kind != "edit" || len(last.Message.Embeds) == 0 {
		t.Errorf("edit carries no answer: %s", last.Raw)
	}
	if v := fake.Violations(); len(v) > 0 {
		t.Errorf("violations: %v", v)
	}
}

// healthEngine is a fakeEngine that says why it does not answer.
type healthEngine struct {
	*fakeEngine
	ok     bool
	reason string
}

func (h *healthEngine) Health() (bool, string) { return h.ok, h.reason }

func TestHealthzSaysWhy(t *testing.T) {
	cases := []struct {
		name     string
		ok       bool
		reason   string
		wantCode int
		wantBody string
	}{
		{"starting", false, "starting: opening the index", http.StatusServiceUnavailable, "not ready: starting: opening the index"},
		{"failed", false, "failed: no space left on device", http.StatusServiceUnavailable, "not ready: failed: no space left on device"},
		{"rebuilding", false, "the index broke and is being rebuilt", http.StatusServiceUnavailable, "being rebuilt"},
		{"answering", true, "", http.StatusOK, "ok"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newTestService(t, Config{PublicKey: newSigner(t).pub}, &healthEngine{fakeEngine: &fakeEngine{}, ok: tc.ok, reason: tc.reason})
			rec := httptest.NewRecorder()
			s.httpHandler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
			if rec.Code != tc.wantCode || !strings.Contains(rec.Body.String(), tc.wantBody) {
				t.Errorf("healthz %d %q, want %d with %q", rec.Code, rec.Body.String(), tc.wantCode, tc.wantBody)
			}
		})
	}
}
