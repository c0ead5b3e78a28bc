// Package fakediscord is a local Discord for tests: an httptest REST API
// (gateway discovery, command registration, interaction callbacks and
// webhook edits) and a websocket gateway (HELLO, IDENTIFY, READY,
// heartbeat ACK, INTERACTION_CREATE, commands and button presses). It checks what a bot sends against
// Discord's rules (../shared/docs/discord-api.md), message components and
// the callbacks a press allows (4, 6, 7) included, and answers a violation
// with HTTP 400, as Discord does, recording it for the test.
package fakediscord
