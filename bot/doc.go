// Package bot puts the answer engine into Discord.
//
// Every interaction, whether it arrives over the gateway (a discordgo
// Session) or over the HTTP interactions endpoint (Ed25519-signed POSTs),
// goes through the same path: one table (DefaultCommands) maps a command's
// name to its registration definition and its Handler; a Handler is a plain
// function from an interaction to a response, with the engine behind the
// answer.Querier interface (and changes go through answer.Moderator); one function (errorReply) turns an error into the
// user's ephemeral reply plus a log line; and fit makes every response
// respect Discord's limits before it is sent.
//
// Answers are public; misses, bad input and errors are ephemeral (flag 64).
// A quote's embed carries the canonical speaker as its author name. Text
// from articles is escaped for Discord Markdown and every message sets
// allowed_mentions to parse nothing.
//
// The questions (who-said, reactions, ask, quotes, Find source) are rows
// made with a pager, which asks the engine for one page and renders it:
// an answer with more than a page carries More and Back buttons (a miss
// with close quotes, Show closest), whose custom_id names an entry of a
// bounded page store (the question and who asked it); a press (component
// interaction, type 3) asks again for that page and updates the message
// (callback type 7), for the asker only and for Config.PageTTL, after
// which the buttons are removed. Questions count toward per-member and
// per-channel cooldowns (token buckets that are forgotten once idle);
// moderators, autocomplete and presses are exempt. /help is written from
// the command table. How texts read (dates, plurals, placeholders, notes
// said once) is package wording's.
//
// A handler that is not done after Config.DeferAfter (2 s) is deferred
// (callback type 5, or 6 for a press) and its answer edits the original
// reply later, so every interaction gets its first response within
// Discord's 3 seconds. Panics in handlers are recovered.
//
// Serve runs the gateway and/or the HTTP endpoint until its context ends,
// then stops taking interactions, finishes those in flight and closes the
// session.
package bot
