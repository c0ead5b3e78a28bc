package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func lookup(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

const pub = "8f1e6b06ad07b35d4ab22d8c14b4b5fb3c5c1b3b9b3a8d1e2f3a4b5c6d7e8f90"

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		setting string // "" = valid
		check   func(t *testing.T, c Config)
	}{
		{name: "defaults", env: map[string]string{}, check: func(t *testing.T, c Config) {
			if c.CorpusDir != "./data/corpus" || c.IndexDir != "./data/index" || c.APIBase != "https://discord.com" || c.Token != "" {
				t.Errorf("defaults: %+v", c)
			}
		}},
		{name: "gateway", env: map[string]string{"DISCORD_TOKEN": "abc.def", "DISCORD_APP_ID": "123", "DISCORD_GUILD_ID": "1, 2"}, check: func(t *testing.T, c Config) {
			if len(c.GuildIDs) != 2 || c.GuildIDs[1] != "2" {
				t.Errorf("guilds %v", c.GuildIDs)
			}
		}},
		{name: "token without app id", env: map[string]string{"DISCORD_TOKEN": "abc"}, setting: "DISCORD_APP_ID"},
		{name: "token with Bot prefix", env: map[string]string{"DISCORD_TOKEN": "Bot abc", "DISCORD_APP_ID": "1"}, setting: "DISCORD_TOKEN"},
		{name: "bad guild", env: map[string]string{"DISCORD_GUILD_ID": "12a"}, setting: "DISCORD_GUILD_ID"},
		{name: "bad role", env: map[string]string{"MODERATOR_ROLE_IDS": "x"}, setting: "MODERATOR_ROLE_IDS"},
		{name: "bad key", env: map[string]string{"DISCORD_PUBLIC_KEY": "zz"}, setting: "DISCORD_PUBLIC_KEY"},
		{name: "addr needs key", env: map[string]string{"INTERACTIONS_ADDR": "127.0.0.1:8080"}, setting: "DISCORD_PUBLIC_KEY"},
		{name: "bad addr", env: map[string]string{"INTERACTIONS_ADDR": "8080", "DISCORD_PUBLIC_KEY": pub}, setting: "INTERACTIONS_ADDR"},
		{name: "endpoint", env: map[string]string{"INTERACTIONS_ADDR": ":8080", "DISCORD_PUBLIC_KEY": pub}, check: func(t *testing.T, c Config) {
			if len(c.PublicKey) != 32 {
				t.Errorf("key %x", c.PublicKey)
			}
		}},
		{name: "bad api base", env: map[string]string{"DISCORD_API_BASE": "ftp://x"}, setting: "DISCORD_API_BASE"},
		{name: "api base with path", env: map[string]string{"DISCORD_API_BASE": "http://127.0.0.1:1/api"}, setting: "DISCORD_API_BASE"},
		{name: "bad bool", env: map[string]string{"FETCH_ALLOW_PRIVATE": "yes please"}, setting: "FETCH_ALLOW_PRIVATE"},
		{name: "bad log level", env: map[string]string{"LOG_LEVEL": "loud"}, setting: "LOG_LEVEL"},
		{name: "empty corpus dir", env: map[string]string{"CORPUS_DIR": ""}, setting: "CORPUS_DIR"},
		{name: "cooldown defaults", env: map[string]string{}, check: func(t *testing.T, c Config) {
			if c.CooldownPerUser != (Rate{5, 20 * time.Second}) || c.CooldownPerChannel != (Rate{20, 20 * time.Second}) {
				t.Errorf("cooldowns %+v %+v", c.CooldownPerUser, c.CooldownPerChannel)
			}
		}},
		{name: "cooldowns set", env: map[string]string{"COOLDOWN_PER_USER": "3/1m", "COOLDOWN_PER_CHANNEL": "off"}, check: func(t *testing.T, c Config) {
			if c.CooldownPerUser != (Rate{3, time.Minute}) || !c.CooldownPerChannel.Off() {
				t.Errorf("cooldowns %+v %+v", c.CooldownPerUser, c.CooldownPerChannel)
			}
		}},
		{name: "cooldown in bare seconds", env: map[string]string{"COOLDOWN_PER_USER": "5/30"}, check: func(t *testing.T, c Config) {
			if c.CooldownPerUser != (Rate{5, 30 * time.Second}) {
				t.Errorf("cooldown %+v", c.CooldownPerUser)
			}
		}},
		{name: "bad cooldown", env: map[string]string{"COOLDOWN_PER_USER": "fast"}, setting: "COOLDOWN_PER_USER"},
		{name: "cooldown period too short", env: map[string]string{"COOLDOWN_PER_CHANNEL": "5/10ms"}, setting: "COOLDOWN_PER_CHANNEL"},
		{name: "feeds beside the corpus", env: map[string]string{"CORPUS_DIR": "/srv/bot/corpus/"}, check: func(t *testing.T, c Config) {
			if c.FeedDir != "/srv/bot/feeds" || c.FeedPoll != 30*time.Minute {
				t.Errorf("feed defaults: %q %s", c.FeedDir, c.FeedPoll)
			}
		}},
		{name: "feed settings", env: map[string]string{"FEED_DIR": "/var/feeds", "FEED_POLL": "2h"}, check: func(t *testing.T, c Config) {
			if c.FeedDir != "/var/feeds" || c.FeedPoll != 2*time.Hour {
				t.Errorf("feed settings: %q %s", c.FeedDir, c.FeedPoll)
			}
		}},
		{name: "feed polling off", env: map[string]string{"FEED_POLL": "off"}, check: func(t *testing.T, c Config) {
			if c.FeedPoll != 0 {
				t.Errorf("FEED_POLL=off: %s", c.FeedPoll)
			}
		}},
		{name: "bad feed poll", env: map[string]string{"FEED_POLL": "often"}, setting: "FEED_POLL"},
		{name: "feed poll too short", env: map[string]string{"FEED_POLL": "10s"}, setting: "FEED_POLL"},
		{name: "default article size", env: map[string]string{}, check: func(t *testing.T, c Config) {
			if c.MaxArticleBytes != 2<<20 {
				t.Errorf("MaxArticleBytes %d, want 2 MiB", c.MaxArticleBytes)
			}
		}},
		{name: "article size in MiB", env: map[string]string{"MAX_ARTICLE_BYTES": "8 MiB"}, check: func(t *testing.T, c Config) {
			if c.MaxArticleBytes != 8<<20 {
				t.Errorf("MaxArticleBytes %d, want 8 MiB", c.MaxArticleBytes)
			}
		}},
		{name: "article size in bytes", env: map[string]string{"MAX_ARTICLE_BYTES": "500000"}, check: func(t *testing.T, c Config) {
			if c.MaxArticleBytes != 500000 {
				t.Errorf("MaxArticleBytes %d", c.MaxArticleBytes)
			}
		}},
		{name: "article size too large", env: map[string]string{"MAX_ARTICLE_BYTES": "1GiB"}, setting: "MAX_ARTICLE_BYTES"},
		{name: "article size not a size", env: map[string]string{"MAX_ARTICLE_BYTES": "big"}, setting: "MAX_ARTICLE_BYTES"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(lookup(tt.env), "")
			var ce *Error
			if tt.setting == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if tt.check != nil {
					tt.check(t, c)
				}
				return
			}
			if !errors.As(err, &ce) || ce.Setting != tt.setting {
				t.Fatalf("error %v, want one naming %s", err, tt.setting)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestDotenvFillsInAndEnvironmentWins(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".env")
	if err := os.WriteFile(path, []byte("CORPUS_DIR=/from/file\nINDEX_DIR=/idx/file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := Load(lookup(map[string]string{"INDEX_DIR": "/idx/env"}), path)
	if err != nil {
		t.Fatal(err)
	}
	if c.CorpusDir != "/from/file" || c.IndexDir != "/idx/env" {
		t.Errorf("got %q %q", c.CorpusDir, c.IndexDir)
	}
	if _, err := Load(lookup(nil), filepath.Join(t.TempDir(), "missing")); err != nil {
		t.Errorf("missing .env: %v", err)
	}
}

// The committed .env.example must list every setting, as Example writes it.
func TestEnvExampleUpToDate(t *testing.T) {
	got, err := os.ReadFile("../.env.example")
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != Example() {
		t.Errorf(".env.example is out of date; regenerate it with `go run . env-example > .env.example`")
	}
	c, err := Load(lookup(nil), "../.env.example")
	if err != nil {
		t.Errorf(".env.example does not load: %v", err)
	}
	_ = c
}
