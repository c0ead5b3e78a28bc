// Package answer holds what the answer engine and its users (the Discord
// bot, the control socket, the command line) share: the answer and result
// types every query returns, what a moderator change reports, and the two
// interfaces they meet at, Querier (the questions) and Moderator (changes to
// the corpus). It has no behaviour of its own; index.Engine implements
// Querier, control.Local and control.Client implement Moderator's methods.
package answer
