//go:build !unix

package corpus

import "os"

// openNoBlock opens path for reading (there are no fifos to block on).
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
