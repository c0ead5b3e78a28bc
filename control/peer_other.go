//go:build !linux

package control

import (
	"net"

	"summitbot/answer"
)

// peerOf names the process at the other end of a control connection; only
// Linux tells.
func peerOf(c net.Conn) string { return "local" }

// actorOf is who sent the changes on a control connection; only Linux
// tells more than that it came from the command line.
func actorOf(net.Conn) answer.Actor { return answer.Actor{Via: "command line"} }
