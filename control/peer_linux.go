//go:build linux

package control

import (
	"fmt"
	"net"
	"syscall"
)

// peerOf names the process at the other end of a control connection, for
// the log: its user id and process id.
func peerOf(c net.Conn) string {
	uc, ok := c.(*net.UnixConn)
	if !ok {
		return ""
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return ""
	}
	var cred *syscall.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = syscall.GetsockoptUcred(int(fd), syscall.SOL_SOCKET, syscall.SO_PEERCRED)
	}); err != nil || credErr != nil {
		return ""
	}
	return fmt.Sprintf("local uid=%d pid=%d", cred.Uid, cred.Pid)
}
