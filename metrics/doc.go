// Package metrics is the bot's Prometheus metrics: what the bot answers
// (bot.Observer), the moderator changes (a wrapper around an
// answer.Moderator), corpus-change reindexes, the size of the index, and
// the HTTP handler that serves them, all on a registry the caller passes in
// (never the global default one).
package metrics
