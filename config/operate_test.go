package config

import (
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestLoadOperating(t *testing.T) {
	gw := func(extra map[string]string) map[string]string {
		m := map[string]string{"DISCORD_TOKEN": "abc.def", "DISCORD_APP_ID": "123"}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name    string
		env     map[string]string
		setting string // "" = valid
		check   func(t *testing.T, c Config)
	}{
		{name: "defaults", env: map[string]string{}, check: func(t *testing.T, c Config) {
			if c.ShardID != 0 || c.ShardCount != 1 || c.CorpusPoll != 0 || c.MetricsAddr != "" || c.ModlogChannelID != "" {
				t.Errorf("defaults: %+v", c)
			}
			if c.ModlogFile != filepath.Join("data", "modlog.jsonl") {
				t.Errorf("modlog file %q, want data/modlog.jsonl beside the corpus folder", c.ModlogFile)
			}
		}},
		{name: "modlog beside corpus", env: map[string]string{"CORPUS_DIR": "/srv/bot/corpus/"}, check: func(t *testing.T, c Config) {
			if c.ModlogFile != "/srv/bot/modlog.jsonl" {
				t.Errorf("modlog file %q", c.ModlogFile)
			}
		}},
		{name: "modlog file set", env: map[string]string{"MODLOG_FILE": "/var/log/mod.jsonl"}, check: func(t *testing.T, c Config) {
			if c.ModlogFile != "/var/log/mod.jsonl" {
				t.Errorf("modlog file %q", c.ModlogFile)
			}
		}},
		{name: "shard", env: gw(map[string]string{"SHARD_ID": "2", "SHARD_COUNT": "4"}), check: func(t *testing.T, c Config) {
			if c.ShardID != 2 || c.ShardCount != 4 {
				t.Errorf("shard %d/%d", c.ShardID, c.ShardCount)
			}
		}},
		{name: "shard id equal to count", env: gw(map[string]string{"SHARD_ID": "4", "SHARD_COUNT": "4"}), setting: "SHARD_ID"},
		{name: "negative shard id", env: gw(map[string]string{"SHARD_ID": "-1", "SHARD_COUNT": "4"}), setting: "SHARD_ID"},
		{name: "zero shard count", env: gw(map[string]string{"SHARD_COUNT": "0"}), setting: "SHARD_COUNT"},
		{name: "shard count not a number", env: gw(map[string]string{"SHARD_COUNT": "two"}), setting: "SHARD_COUNT"},
		{name: "shards without token", env: map[string]string{"SHARD_ID": "0", "SHARD_COUNT": "2"}, setting: "SHARD_COUNT"},
		{name: "poll seconds", env: map[string]string{"CORPUS_POLL": "5"}, check: func(t *testing.T, c Config) {
			if c.CorpusPoll != 5*time.Second {
				t.Errorf("poll %s", c.CorpusPoll)
			}
		}},
		{name: "poll fraction", env: map[string]string{"CORPUS_POLL": "0.2"}, check: func(t *testing.T, c Config) {
			if c.CorpusPoll != 200*time.Millisecond {
				t.Errorf("poll %s", c.CorpusPoll)
			}
		}},
		{name: "poll duration", env: map[string]string{"CORPUS_POLL": "1m"}, check: func(t *testing.T, c Config) {
			if c.CorpusPoll != time.Minute {
				t.Errorf("poll %s", c.CorpusPoll)
			}
		}},
		{name: "poll too short", env: map[string]string{"CORPUS_POLL": "1ms"}, setting: "CORPUS_POLL"},
		{name: "poll negative", env: map[string]string{"CORPUS_POLL": "-3"}, setting: "CORPUS_POLL"},
		{name: "poll words", env: map[string]string{"CORPUS_POLL": "often"}, setting: "CORPUS_POLL"},
		{name: "metrics addr", env: map[string]string{"METRICS_ADDR": ":9090"}, check: func(t *testing.T, c Config) {
			if c.MetricsAddr != ":9090" {
				t.Errorf("metrics addr %q", c.MetricsAddr)
			}
		}},
		{name: "bad metrics addr", env: map[string]string{"METRICS_ADDR": "9090"}, setting: "METRICS_ADDR"},
		{name: "modlog channel", env: gw(map[string]string{"MODLOG_CHANNEL_ID": "777"}), check: func(t *testing.T, c Config) {
			if c.ModlogChannelID != "777" {
				t.Errorf("channel %q", c.ModlogChannelID)
			}
		}},
		{name: "bad modlog channel", env: gw(map[string]string{"MODLOG_CHANNEL_ID": "#mod-log"}), setting: "MODLOG_CHANNEL_ID"},
		{name: "modlog channel without token", env: map[string]string{"MODLOG_CHANNEL_ID": "777"}, setting: "MODLOG_CHANNEL_ID"},
		{name: "review channel", env: gw(map[string]string{"MODLOG_CHANNEL_ID": "777", "REVIEW_CHANNEL_ID": "888"}), check: func(t *testing.T, c Config) {
			if c.ReviewChannelID != "888" || c.ModlogChannelID != "777" {
				t.Errorf("review channel %q, modlog channel %q", c.ReviewChannelID, c.ModlogChannelID)
			}
		}},
		{name: "review channel falls back to the modlog channel", env: gw(map[string]string{"MODLOG_CHANNEL_ID": "777"}), check: func(t *testing.T, c Config) {
			if c.ReviewChannelID != "777" {
				t.Errorf("review channel %q", c.ReviewChannelID)
			}
		}},
		{name: "no review channel", env: gw(nil), check: func(t *testing.T, c Config) {
			if c.ReviewChannelID != "" {
				t.Errorf("review channel %q", c.ReviewChannelID)
			}
		}},
		{name: "bad review channel", env: gw(map[string]string{"REVIEW_CHANNEL_ID": "#review"}), setting: "REVIEW_CHANNEL_ID"},
		{name: "review channel without token", env: map[string]string{"REVIEW_CHANNEL_ID": "888"}, setting: "REVIEW_CHANNEL_ID"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Load(lookup(tt.env), "")
			if tt.setting == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				tt.check(t, c)
				return
			}
			var ce *Error
			if !errors.As(err, &ce) || ce.Setting != tt.setting {
				t.Fatalf("error %v, want one naming %s", err, tt.setting)
			}
		})
	}
}
