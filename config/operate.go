package config

import (
	"fmt"
	"math"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// minCorpusPoll is the shortest CORPUS_POLL: each check lists and stats
// the corpus folder.
const minCorpusPoll = 50 * time.Millisecond

// loadOperating reads the settings for running the bot as a service:
// metrics, the moderation log, gateway sharding and corpus polling.
func loadOperating(c *Config, get func(string) string) error {
	c.MetricsAddr = get("METRICS_ADDR")
	if c.MetricsAddr != "" {
		if _, port, err := net.SplitHostPort(c.MetricsAddr); err != nil || port == "" {
			return &Error{"METRICS_ADDR", fmt.Sprintf("%q is not host:port (e.g. 127.0.0.1:9090)", c.MetricsAddr)}
		}
	}
	c.ModlogFile = get("MODLOG_FILE")
	if c.ModlogFile == "" {
		c.ModlogFile = filepath.Join(filepath.Dir(filepath.Clean(c.CorpusDir)), "modlog.jsonl")
	}
	c.ModlogChannelID = get("MODLOG_CHANNEL_ID")
	if c.ModlogChannelID != "" {
		if !snowflake.MatchString(c.ModlogChannelID) {
			return &Error{"MODLOG_CHANNEL_ID", fmt.Sprintf("%q is not a Discord id (digits only)", c.ModlogChannelID)}
		}
		if c.Token == "" {
			return &Error{"MODLOG_CHANNEL_ID", "needs DISCORD_TOKEN (posting to a channel needs the bot token)"}
		}
	}
	c.ReviewChannelID = get("REVIEW_CHANNEL_ID")
	if c.ReviewChannelID != "" {
		if !snowflake.MatchString(c.ReviewChannelID) {
			return &Error{"REVIEW_CHANNEL_ID", fmt.Sprintf("%q is not a Discord id (digits only)", c.ReviewChannelID)}
		}
		if c.Token == "" {
			return &Error{"REVIEW_CHANNEL_ID", "needs DISCORD_TOKEN (posting to a channel needs the bot token)"}
		}
	}
	if c.ReviewChannelID == "" {
		c.ReviewChannelID = c.ModlogChannelID
	}
	var err error
	if c.ShardCount, err = strconv.Atoi(get("SHARD_COUNT")); err != nil || c.ShardCount < 1 {
		return &Error{"SHARD_COUNT", "must be a whole number of at least 1"}
	}
	if c.ShardID, err = strconv.Atoi(get("SHARD_ID")); err != nil || c.ShardID < 0 {
		return &Error{"SHARD_ID", "must be a whole number from 0"}
	}
	if c.ShardID >= c.ShardCount {
		return &Error{"SHARD_ID", fmt.Sprintf("is %d but must be below SHARD_COUNT (%d): shards count from 0", c.ShardID, c.ShardCount)}
	}
	if c.ShardCount > 1 && c.Token == "" {
		return &Error{"SHARD_COUNT", "shards split the gateway connection, which needs DISCORD_TOKEN"}
	}
	if c.CorpusPoll, err = pollInterval(get("CORPUS_POLL")); err != nil {
		return &Error{"CORPUS_POLL", err.Error()}
	}
	return nil
}

// pollInterval reads a number of seconds ("5", "0.2") or a Go duration
// ("200ms", "1m"); 0 is off.
func pollInterval(v string) (time.Duration, error) {
	var d time.Duration
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		if math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 86400 {
			return 0, fmt.Errorf("%q: give seconds from 0 (off) to 86400", v)
		}
		d = time.Duration(f * float64(time.Second))
	} else if d, err = time.ParseDuration(strings.TrimSpace(v)); err != nil || d < 0 {
		return 0, fmt.Errorf("%q is not a number of seconds (e.g. 5 or 0.2) or a duration (e.g. 200ms)", v)
	}
	if d > 0 && d < minCorpusPoll {
		return 0, fmt.Errorf("%q is shorter than %s", v, minCorpusPoll)
	}
	return d, nil
}
