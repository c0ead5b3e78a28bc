//go:build !linux

package control

import "net"

// peerOf names the process at the other end of a control connection; only
// Linux tells.
func peerOf(c net.Conn) string { return "local" }
