//go:build linux

package control

import (
	"fmt"
	"net"
	"os/user"
	"strconv"
	"syscall"

	"summitbot/answer"
)

// peerCred is the user and process at the other end of a control
// connection, or nil.
func peerCred(c net.Conn) *syscall.Ucred {
	uc, ok := c.(*net.UnixConn)
	if !ok {
		return nil
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return nil
	}
	var cred *syscall.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil || credErr != nil {
		return nil
	}
	return cred
}

// peerOf names the process at the other end of a control connection, for
// the log: its user id and process id.
func peerOf(c net.Conn) string {
	cred := peerCred(c)
	if cred == nil {
		return ""
	}
	return fmt.Sprintf("local uid=%d pid=%d", cred.Uid, cred.Pid)
}

// actorOf is who sent the changes on a control connection, for the
// moderation log: the local user (by name when the system knows it).
func actorOf(c net.Conn) answer.Actor {
	a := answer.Actor{Via: "command line"}
	cred := peerCred(c)
	if cred == nil {
		return a
	}
	a.UserID = strconv.FormatUint(uint64(cred.Uid), 10)
	if u, err := user.LookupId(a.UserID); err == nil {
		a.Name = u.Username
	}
	return a
}
