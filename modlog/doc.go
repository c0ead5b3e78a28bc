// Package modlog is the moderation log: every article add, update and
// removal and every reindex, with who asked for it, appended as one JSON
// line to a file (opened O_APPEND, never rewritten, so it survives restarts
// and several processes may share it) and, when a channel is configured,
// posted to Discord as an embed. Wrap the moderator with Log.Moderator to
// record its changes; Read reads the file back for `summitbot log`.
package modlog
