//go:build unix

package corpus

import (
	"os"
	"syscall"
)

// openNoBlock opens path for reading without blocking on a fifo that has no
// writer (the caller refuses it after Stat).
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
