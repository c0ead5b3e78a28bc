// Package control is the local control socket through which command-line
// moderator commands (summitbot add, remove, reindex, list, and the feed and
// queue commands) reach a running `summitbot serve`: only one process may
// open a bleve index, so while the bot holds it, the command line hands the
// work to the bot instead of opening the index itself. Feed and queue
// requests go to the bot's feed.Manager (see Server.ServeFeeds); Client
// implements feed.Manager on the command line's side.
//
// The socket is a Unix-domain socket, by default <INDEX_DIR>/control.sock,
// with mode 0600 so only the bot's user can use it. The protocol is HTTP over
// that socket with small JSON bodies; a reindex streams its progress as one
// JSON object per line. Errors cross the socket as a code and a message, and
// the client turns the code back into the error it stands for, so
// errors.Is(err, index.ErrNotFound) or errors.Is(err, webpage.ErrRefused)
// works on the client side as it does in the server.
//
// Beside it, <INDEX_DIR>/query.sock (mode 0666) carries only questions
// (who-said, reactions, ask, quotes, list), so that the command line's
// queries are answered by the running bot, for any user who can reach the
// index folder, without a temporary index.
//
// Dial returns ErrNoServer when no bot is listening (no socket, or a stale
// socket file left by a killed process); the command line then opens the
// index itself.
package control
