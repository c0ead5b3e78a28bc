package main

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"summitbot/control"
	"summitbot/index"
)

// The engine slot says why the bot does not answer until the engine is in.
func TestEngineSlotHealth(t *testing.T) {
	s := newEngineSlot()
	if ok, why := s.Health(); ok || !strings.Contains(why, "starting") {
		t.Errorf("new slot: %v %q, want starting", ok, why)
	}
	if _, err := s.Ask(context.Background(), "where", 3); !errors.Is(err, index.ErrClosed) {
		t.Errorf("a question before the engine: %v", err)
	}
	s.fail(errors.New("no space left on device"))
	if ok, why := s.Health(); ok || !strings.Contains(why, "failed: no space left") {
		t.Errorf("failed slot: %v %q", ok, why)
	}
	root := t.TempDir()
	eng, err := index.Open(context.Background(), index.Options{IndexDir: filepath.Join(root, "index"), CorpusDir: filepath.Join(root, "corpus")})
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	s.set(eng, controlLocal(eng))
	if ok, why := s.Health(); !ok {
		t.Errorf("slot with an engine: not ready (%s)", why)
	}
	if ans, err := s.WhoSaid(context.Background(), "no deal", 3); err != nil || !ans.Found {
		t.Errorf("slot with an engine: %v %+v", err, ans)
	}
}

// serve's HTTP endpoint is up before the index: /healthz answers 503 with
// a reason until the index answers, then 200; SIGTERM (ctx) stops it.
func TestServeHealthzFromStartToAnswering(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := testEnv(t, map[string]string{
		"INTERACTIONS_ADDR":  addr,
		"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32),
		"DISCORD_API_BASE":   "http://127.0.0.1:1",
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, []string{"serve"}, env, io.Discard, io.Discard) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve: %v", err)
			}
		case <-time.After(15 * time.Second):
			t.Error("serve did not stop")
		}
	}()
	deadline := time.Now().Add(20 * time.Second)
	for {
		if time.Now().After(deadline) {
			t.Fatal("healthz never answered 200")
		}
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			time.Sleep(5 * time.Millisecond)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return
		}
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(string(body), "starting") {
			t.Fatalf("healthz before ready: %d %q, want 503 with the reason", resp.StatusCode, body)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func controlLocal(eng *index.Engine) control.Local { return control.Local{Engine: eng} }
