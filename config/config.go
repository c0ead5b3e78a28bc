package config

import (
	"cmp"
	"crypto/ed25519"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/joho/godotenv"
)

// Config holds every setting. The zero value is not valid: use Load.
type Config struct {
	CorpusDir string // CORPUS_DIR
	IndexDir  string // INDEX_DIR

	Token             string            // DISCORD_TOKEN (never logged)
	AppID             string            // DISCORD_APP_ID
	GuildIDs          []string          // DISCORD_GUILD_ID, comma-separated
	PublicKey         ed25519.PublicKey // DISCORD_PUBLIC_KEY, hex
	InteractionsAddr  string            // INTERACTIONS_ADDR
	APIBase           string            // DISCORD_API_BASE
	ModeratorRoleIDs  []string          // MODERATOR_ROLE_IDS, comma-separated
	FetchAllowPrivate bool              // FETCH_ALLOW_PRIVATE
	LogLevel          slog.Level        // LOG_LEVEL
	MaxArticleBytes   int64             // MAX_ARTICLE_BYTES

	CooldownPerUser    Rate   // COOLDOWN_PER_USER
	CooldownPerChannel Rate   // COOLDOWN_PER_CHANNEL
	FeedDir            string // FEED_DIR; default: "feeds" beside CORPUS_DIR
	// FeedPoll is how often a feed is polled unless it says otherwise
	// (FEED_POLL); 0 ("off") leaves polling to `summitbot feed poll`.
	FeedPoll time.Duration
	// Operating (see operate.go).
	MetricsAddr     string        // METRICS_ADDR
	ModlogFile      string        // MODLOG_FILE; default modlog.jsonl beside CORPUS_DIR
	ModlogChannelID string        // MODLOG_CHANNEL_ID
	ReviewChannelID string        // REVIEW_CHANNEL_ID (queued feed articles for review); empty: MODLOG_CHANNEL_ID
	ShardID         int           // SHARD_ID
	ShardCount      int           // SHARD_COUNT (1: no sharding)
	CorpusPoll      time.Duration // CORPUS_POLL; 0: off
}

// Rate is a cooldown setting: at most Count questions in Per. The zero
// Rate is "off".
type Rate struct {
	Count int
	Per   time.Duration
}

// Off reports whether the setting turns the cooldown off.
func (r Rate) Off() bool { return r.Count <= 0 || r.Per <= 0 }

// parseRate reads "5/20s" (5 questions in 20 seconds; "5/20" means
// seconds too, "5/1m" a minute), or "off" or "0" for none.
func parseRate(name, v string) (Rate, error) {
	switch strings.ToLower(v) {
	case "off", "0", "none", "false":
		return Rate{}, nil
	}
	bad := &Error{name, fmt.Sprintf("%q is not questions/period such as 5/20s (or off)", v)}
	count, per, ok := strings.Cut(v, "/")
	if !ok {
		return Rate{}, bad
	}
	n, err := strconv.Atoi(strings.TrimSpace(count))
	if err != nil || n < 1 || n > 10000 {
		return Rate{}, bad
	}
	per = strings.TrimSpace(per)
	d, err := time.ParseDuration(per)
	if err != nil {
		secs, serr := strconv.Atoi(per)
		if serr != nil {
			return Rate{}, bad
		}
		d = time.Duration(secs) * time.Second
	}
	if d < time.Second || d > 24*time.Hour {
		return Rate{}, &Error{name, fmt.Sprintf("%q: the period must be between 1s and 24h", v)}
	}
	return Rate{Count: n, Per: d}, nil
}

// Error is a bad setting.
type Error struct {
	Setting string
	Reason  string
}

func (e *Error) Error() string { return fmt.Sprintf("config: %s %s", e.Setting, e.Reason) }

// Settings lists every setting with its default and meaning, in the order
// .env.example gives them.
var settings = []struct{ Name, Default, Help string }{
	{"CORPUS_DIR", "./data/corpus", "folder of article files (.md, .txt); the single source of truth"},
	{"INDEX_DIR", "./data/index", "folder of the bleve index; rebuilt from CORPUS_DIR when needed"},
	{"DISCORD_TOKEN", "", "bot token: connects over the gateway and registers the commands"},
	{"DISCORD_APP_ID", "", "application id (required with DISCORD_TOKEN)"},
	{"DISCORD_GUILD_ID", "", "guild id(s), comma-separated: register commands there (instant) and allow moderator commands there"},
	{"DISCORD_PUBLIC_KEY", "", "application public key (hex): required with INTERACTIONS_ADDR"},
	{"INTERACTIONS_ADDR", "", "address for the HTTP interactions endpoint, e.g. 127.0.0.1:8080"},
	{"DISCORD_API_BASE", "https://discord.com", "where REST and gateway discovery go (a REST proxy, or a fake in tests)"},
	{"MODERATOR_ROLE_IDS", "", "role ids, comma-separated, whose members may use moderator commands"},
	{"FETCH_ALLOW_PRIVATE", "false", "true lets /article add fetch loopback and private addresses (tests, private deployments)"},
	{"LOG_LEVEL", "info", "debug, info, warn or error"},
	{"COOLDOWN_PER_USER", "5/20s", "questions a member may ask per period, e.g. 5/20s; off for none (moderators and autocomplete are exempt)"},
	{"COOLDOWN_PER_CHANNEL", "20/20s", "questions all members together may ask in one channel per period, e.g. 20/20s; off for none"},
	{"FEED_DIR", "", "folder of the news-feed subscriptions and the review queue; empty: \"feeds\" beside CORPUS_DIR"},
	{"FEED_POLL", "30m", "how often `summitbot serve` polls each feed (a feed may set its own); off: only `summitbot feed poll`"},
	{"METRICS_ADDR", "", "address for GET /metrics (Prometheus) and /healthz of its own, e.g. 127.0.0.1:9090; /metrics is on INTERACTIONS_ADDR too"},
	{"MODLOG_FILE", "", "the moderation log (JSON lines, appended); empty: modlog.jsonl beside CORPUS_DIR"},
	{"MODLOG_CHANNEL_ID", "", "channel id: every moderator change is also posted there as an embed (needs DISCORD_TOKEN)"},
	{"REVIEW_CHANNEL_ID", "", "channel id: each article a feed proposes is posted there with Approve and Reject buttons (needs DISCORD_TOKEN); empty: MODLOG_CHANNEL_ID"},
	{"SHARD_ID", "0", "this process's gateway shard, from 0 to SHARD_COUNT-1"},
	{"SHARD_COUNT", "1", "how many gateway shards the bot runs as (Discord requires sharding from 2,500 guilds)"},
	{"CORPUS_POLL", "0", "seconds between checks of CORPUS_DIR for changes made by other processes (replicas): a change reindexes; 0 is off"},
	{"MAX_ARTICLE_BYTES", "2MiB", "largest article file read from the corpus folder or added (bytes, or with KiB/MiB); a larger corpus file is skipped and reported"},
}

var snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)

// Load reads the settings. getenv looks up the process environment; when
// dotenv is not empty and the file exists, its values fill in what the
// environment does not set (the environment wins).
func Load(getenv func(string) (string, bool), dotenv string) (Config, error) {
	file := map[string]string{}
	if dotenv != "" {
		m, err := godotenv.Read(dotenv)
		switch {
		case err == nil:
			file = m
		case errors.Is(err, fs.ErrNotExist):
		default:
			return Config{}, fmt.Errorf("config: read %s: %w", dotenv, err)
		}
	}
	get := func(name string) string {
		if v, ok := getenv(name); ok {
			return strings.TrimSpace(v)
		}
		if v, ok := file[name]; ok {
			return strings.TrimSpace(v)
		}
		for _, s := range settings {
			if s.Name == name {
				return s.Default
			}
		}
		return ""
	}

	var c Config
	c.CorpusDir = get("CORPUS_DIR")
	c.IndexDir = get("INDEX_DIR")
	if c.CorpusDir == "" {
		return c, &Error{"CORPUS_DIR", "is empty"}
	}
	if c.IndexDir == "" {
		return c, &Error{"INDEX_DIR", "is empty"}
	}
	c.Token = get("DISCORD_TOKEN")
	if strings.ContainsAny(c.Token, " \t\r\n") {
		return c, &Error{"DISCORD_TOKEN", "contains spaces (give the bare token, without \"Bot \")"}
	}
	c.AppID = get("DISCORD_APP_ID")
	if c.AppID != "" && !snowflake.MatchString(c.AppID) {
		return c, &Error{"DISCORD_APP_ID", fmt.Sprintf("%q is not a Discord id (digits only)", c.AppID)}
	}
	if c.Token != "" && c.AppID == "" {
		return c, &Error{"DISCORD_APP_ID", "is required with DISCORD_TOKEN"}
	}
	var err error
	if c.GuildIDs, err = ids("DISCORD_GUILD_ID", get("DISCORD_GUILD_ID")); err != nil {
		return c, err
	}
	if c.ModeratorRoleIDs, err = ids("MODERATOR_ROLE_IDS", get("MODERATOR_ROLE_IDS")); err != nil {
		return c, err
	}
	if k := get("DISCORD_PUBLIC_KEY"); k != "" {
		b, err := hex.DecodeString(k)
		if err != nil || len(b) != ed25519.PublicKeySize {
			return c, &Error{"DISCORD_PUBLIC_KEY", "must be 64 hex characters (the application's public key)"}
		}
		c.PublicKey = ed25519.PublicKey(b)
	}
	c.InteractionsAddr = get("INTERACTIONS_ADDR")
	if c.InteractionsAddr != "" {
		if _, port, err := net.SplitHostPort(c.InteractionsAddr); err != nil || port == "" {
			return c, &Error{"INTERACTIONS_ADDR", fmt.Sprintf("%q is not host:port (e.g. 127.0.0.1:8080)", c.InteractionsAddr)}
		}
		if c.PublicKey == nil {
			return c, &Error{"DISCORD_PUBLIC_KEY", "is required with INTERACTIONS_ADDR"}
		}
	}
	c.APIBase = strings.TrimRight(get("DISCORD_API_BASE"), "/")
	if u, err := url.Parse(c.APIBase); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return c, &Error{"DISCORD_API_BASE", fmt.Sprintf("%q is not an http(s) base URL such as https://discord.com", c.APIBase)}
	}
	if c.FetchAllowPrivate, err = strconv.ParseBool(get("FETCH_ALLOW_PRIVATE")); err != nil {
		return c, &Error{"FETCH_ALLOW_PRIVATE", "must be true or false"}
	}
	if err := c.LogLevel.UnmarshalText([]byte(get("LOG_LEVEL"))); err != nil {
		return c, &Error{"LOG_LEVEL", "must be debug, info, warn or error"}
	}
	if c.CooldownPerUser, err = parseRate("COOLDOWN_PER_USER", get("COOLDOWN_PER_USER")); err != nil {
		return c, err
	}
	if c.CooldownPerChannel, err = parseRate("COOLDOWN_PER_CHANNEL", get("COOLDOWN_PER_CHANNEL")); err != nil {
		return c, err
	}
	c.FeedDir = cmp.Or(get("FEED_DIR"), filepath.Join(filepath.Dir(filepath.Clean(c.CorpusDir)), "feeds"))
	if c.FeedPoll, err = feedPoll(get("FEED_POLL")); err != nil {
		return c, err
	}
	if err := loadOperating(&c, get); err != nil {
		return c, err
	}
	if c.MaxArticleBytes, err = byteSize(get("MAX_ARTICLE_BYTES")); err != nil {
		return c, &Error{"MAX_ARTICLE_BYTES", "must be a size from 1KiB to 64MiB, e.g. 2MiB or 2097152"}
	}
	return c, nil
}

// feedPoll reads FEED_POLL: a duration of at least a minute, or off.
func feedPoll(v string) (time.Duration, error) {
	switch strings.ToLower(v) {
	case "off", "0", "false", "never":
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < time.Minute {
		return 0, &Error{"FEED_POLL", fmt.Sprintf("%q is not a duration of at least 1m (e.g. 30m, 2h) or off", v)}
	}
	return d, nil

}

// byteSize reads a size such as "2097152", "2MiB", "512KiB" or "2 MB"
// (KB and MB are read as KiB and MiB), from 1 KiB to 64 MiB.
func byteSize(v string) (int64, error) {
	s := strings.ToLower(strings.ReplaceAll(v, " ", ""))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"mib", 1 << 20}, {"kb", 1 << 10}, {"mb", 1 << 20}, {"k", 1 << 10}, {"m", 1 << 20}, {"b", 1}} {
		if t, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = t, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 || n > (64<<20)/mult || n*mult < 1<<10 {
		return 0, errors.New("bad size")
	}
	return n * mult, nil
}

func ids(name, v string) ([]string, error) {
	if v == "" {
		return nil, nil
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if !snowflake.MatchString(p) {
			return nil, &Error{name, fmt.Sprintf("%q is not a Discord id (digits only)", p)}
		}
		out = append(out, p)
	}
	return out, nil
}

// Example writes the .env.example text: every setting with its comment.
func Example() string {
	var b strings.Builder
	b.WriteString("# summitbot settings. Copy to .env and fill in; the environment overrides this file.\n")
	b.WriteString("# With no DISCORD_TOKEN and no INTERACTIONS_ADDR, `summitbot serve` stops; the query commands need nothing.\n")
	for _, s := range settings {
		fmt.Fprintf(&b, "\n# %s\n%s=%s\n", s.Help, s.Name, s.Default)
	}
	return b.String()
}
