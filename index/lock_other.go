//go:build !unix

package index

import "time"

// dirLock is a no-op where flock is missing; bleve's bolt_timeout still
// turns a second open into ErrLocked.
type dirLock struct{}

func lockDir(string, time.Duration) (*dirLock, error) { return &dirLock{}, nil }

func (*dirLock) release() {}
