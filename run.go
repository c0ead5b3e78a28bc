package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"summitbot/answer"
	"summitbot/config"
	"summitbot/control"
	"summitbot/index"
)

// usageError is a command line that cannot be understood; it exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg + " (see `summitbot help`)" }

func exitCode(err error) int {
	var u *usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

const usage = `summitbot answers questions about the news coverage of the Trump–Putin summit in Alaska.

Questions (no Discord needed):
  summitbot who-said [--json] [--limit N] <phrase>   who said a phrase, with the quote and its source
  summitbot reactions [--json] [--limit N] <group>   how a country, bloc or camp reacted (europe, ukraine, nato, ...)
  summitbot ask [--json] [--limit N] <question>      the paragraphs that answer a question
  summitbot quotes [--json] [--limit N] <speaker>    a speaker's quotes
  summitbot list [--json]                            the indexed articles (also: sources)

Corpus (moderators):
  summitbot add <url|file>     fetch a page or read a .md/.txt/.html file, save it to the corpus, index it
  summitbot remove <id>        remove an article from the corpus and the index
  summitbot reindex            rebuild the index from the corpus folder

News feeds (moderators):
  summitbot feed add [--auto] [--every 1h] <url> [keywords…]
                                 subscribe to an RSS or Atom feed; entries that match a keyword are proposed
  summitbot feed list [--json]   the feeds, and how their polling goes
  summitbot feed remove <id>     end a subscription
  summitbot feed poll [--json]   poll every feed now
  summitbot queue list [--json]  the articles the feeds found, waiting for review
  summitbot queue approve <id>   add a queued article to the corpus and the index
  summitbot queue reject <id>    drop it, and never propose its address again

Discord:
  summitbot serve              run the bot (gateway and/or HTTP interactions endpoint; see .env.example)

Operating:
  summitbot log [--json]       the moderation log: every add, update, remove and reindex, and who did it
  summitbot healthcheck [URL]  exit 0 when the running bot's /healthz answers 200 (METRICS_ADDR, else INTERACTIONS_ADDR), else 1

Settings come from the environment and from .env (see .env.example).
`

// cli is one command line's parsed flags and words.
type cli struct {
	json  bool
	limit int
	words []string
}

// parseArgs takes --json and --limit anywhere before "--"; every other
// argument, even one that starts with "-", is part of the query.
func parseArgs(args []string) (cli, error) {
	c := cli{limit: 3}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			c.words = append(c.words, args[i+1:]...)
			return c, nil
		case a == "--json" || a == "-json":
			c.json = true
		case a == "--limit" || a == "-limit" || strings.HasPrefix(a, "--limit=") || strings.HasPrefix(a, "-limit="):
			v, ok := strings.CutPrefix(strings.TrimLeft(a, "-"), "limit=")
			if !ok {
				if i+1 >= len(args) {
					return c, &usageError{"--limit needs a number"}
				}
				i++
				v = args[i]
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > 25 {
				return c, &usageError{fmt.Sprintf("--limit %q: give a number from 1 to 25", v)}
			}
			c.limit = n
		default:
			c.words = append(c.words, a)
		}
	}
	return c, nil
}

// run is the whole program: args without the program name, getenv to read
// the environment, and where to write.
func run(ctx context.Context, args []string, getenv func(string) (string, bool), stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	case "env-example":
		fmt.Fprint(stdout, config.Example())
		return nil
	}
	cfg, err := config.Load(getenv, ".env")
	if err != nil {
		return err
	}
	quiet := slog.LevelWarn
	if cfg.LogLevel > quiet {
		quiet = cfg.LogLevel
	}
	switch cmd {
	case "who-said", "reactions", "ask", "quotes", "list", "sources":
		c, err := parseArgs(rest)
		if err != nil {
			return err
		}
		log := newLogger(stderr, quiet)
		return query(ctx, cfg, log, cmd, c, stdout)
	case "serve":
		return serve(ctx, cfg, newLogger(stderr, cfg.LogLevel), stdout)
	case "add", "remove", "reindex":
		c, err := parseArgs(rest)
		if err != nil {
			return err
		}
		return moderate(ctx, cfg, newLogger(stderr, cfg.LogLevel), cmd, c, stdout)
	case "feed", "queue":
		return feeds(ctx, cfg, newLogger(stderr, quiet), cmd, rest, stdout)
	case "log", "healthcheck":
		c, err := parseArgs(rest)
		if err != nil {
			return err
		}
		if cmd == "log" {
			return printLog(cfg, c, stdout, stderr)
		}
		return healthcheck(ctx, cfg, c, stdout)
	}
	return &usageError{fmt.Sprintf("unknown command %q", cmd)}
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}

// openEngine opens the index. When another process (a running bot) holds it,
// queries are answered from a temporary index built from the corpus folder,
// which the returned cleanup removes.
func openEngine(ctx context.Context, cfg config.Config, log *slog.Logger, fallback bool) (*index.Engine, func(), error) {
	eng, err := index.Open(ctx, index.Options{IndexDir: cfg.IndexDir, CorpusDir: cfg.CorpusDir, Logger: log, MaxArticleBytes: cfg.MaxArticleBytes})
	if err == nil {
		return eng, func() { eng.Close() }, nil
	}
	// A bot holds the index, or this user may read the index folder but
	// not write it: answer from a temporary index.
	if !fallback || !errors.Is(err, index.ErrLocked) && !errors.Is(err, fs.ErrPermission) {
		return nil, nil, err
	}
	tmp, terr := os.MkdirTemp("", "summitbot-index-")
	if terr != nil {
		return nil, nil, fmt.Errorf("%w (and no temporary index: %v)", err, terr)
	}
	log.Warn("the index is held by a running bot or cannot be written here; answering from a temporary copy built from the corpus folder", "index", cfg.IndexDir, "why", err)
	eng, err = index.Open(ctx, index.Options{IndexDir: tmp, CorpusDir: cfg.CorpusDir, Logger: log, MaxArticleBytes: cfg.MaxArticleBytes})
	if err != nil {
		os.RemoveAll(tmp)
		return nil, nil, err
	}
	return eng, func() { eng.Close(); os.RemoveAll(tmp) }, nil
}

func query(ctx context.Context, cfg config.Config, log *slog.Logger, cmd string, c cli, stdout io.Writer) error {
	text := strings.Join(c.words, " ")
	if cmd != "list" && cmd != "sources" && strings.TrimSpace(text) == "" {
		return &usageError{fmt.Sprintf("%s needs %s", cmd, map[string]string{
			"who-said": "a phrase, e.g. summitbot who-said \"no deal\"", "reactions": "a group, e.g. summitbot reactions europe",
			"ask": "a question, e.g. summitbot ask \"where was the summit held\"", "quotes": "a speaker, e.g. summitbot quotes putin",
		}[cmd])}
	}
	// A running bot answers through its query socket; otherwise the index
	// is opened here.
	var (
		list     func(context.Context) ([]answer.ArticleInfo, []answer.CorpusProblem, error)
		ask      func(context.Context, string, string, int) (answer.Answer, error)
		client   *control.Client
		dialErr  error
		closeEng = func() {}
	)
	client, dialErr = control.Dial(control.QuerySocketPath(cfg.IndexDir))
	if dialErr == nil {
		defer client.Close()
		list, ask = client.List, client.Query
	} else {
		if !errors.Is(dialErr, control.ErrNoServer) {
			log.Debug("the running bot's query socket cannot be reached; opening the index", "err", dialErr)
		}
		eng, closeEngine, err := openEngine(ctx, cfg, log, true)
		if err != nil {
			return err
		}
		closeEng = closeEngine
		local := control.Local{Engine: eng}
		list = func(context.Context) ([]answer.ArticleInfo, []answer.CorpusProblem, error) {
			return eng.Sources(), eng.CorpusProblems(), nil
		}
		ask = local.Query
	}
	defer closeEng()

	if cmd == "list" || cmd == "sources" {
		infos, problems, err := list(ctx)
		if err != nil {
			return err
		}
		if c.json {
			for _, p := range problems {
				log.Warn("corpus problem", "file", p.File, "reason", p.Reason, "skipped", p.Skipped)
			}
			return writeJSON(stdout, infos)
		}
		printSources(stdout, infos)
		printProblems(stdout, problems)
		return nil
	}
	ans, err := ask(ctx, cmd, text, c.limit)
	if errors.Is(err, index.ErrEmptyQuery) {
		ans, err = answer.Answer{Command: cmd, Query: text, Note: "nothing to search for: type some words", Results: []answer.Result{}}, nil
		if !c.json {
			// Nothing was searched for, so "nothing found" would mislead.
			fmt.Fprintln(stdout, "Nothing to search for: type some words.")
			return nil
		}
	}
	if err != nil {
		return err
	}
	if ans.Results == nil {
		ans.Results = []answer.Result{}
	}
	if c.json {
		return writeJSON(stdout, ans)
	}
	printAnswer(stdout, ans)
	return nil
}

// printProblems says which corpus files were skipped or look wrong.
func printProblems(w io.Writer, problems []answer.CorpusProblem) {
	if len(problems) == 0 {
		return
	}
	skipped := 0
	for _, p := range problems {
		if p.Skipped {
			skipped++
		}
	}
	fmt.Fprintf(w, "\nCorpus problems: %d files skipped, %d loaded but suspicious (fix them, then reindex):\n", skipped, len(problems)-skipped)
	for _, p := range problems {
		state := "loaded"
		if p.Skipped {
			state = "skipped"
		}
		fmt.Fprintf(w, "  %s (%s): %s\n", p.File, state, p.Reason)
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
