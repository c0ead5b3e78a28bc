package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// DefaultMaxFileBytes is the largest article file read when no other limit
// is set: the same as for an uploaded file.
const DefaultMaxFileBytes = 2 << 20

// Why a file is not read, checked with errors.Is.
var (
	// ErrNotRegular: the path is a fifo, a device, a socket or a folder:
	// reading it could block for ever or never end.
	ErrNotRegular = errors.New("not a regular file")
	// ErrTooLarge: the file is over the size limit.
	ErrTooLarge = errors.New("too large")
)

// readChunk is how much ReadFile reads between two looks at its context.
const readChunk = 256 << 10

// ReadFile reads a whole article file. It refuses anything that is not a
// regular file (ErrNotRegular; opening never blocks, even on a fifo) and a
// file over max bytes (ErrTooLarge; max <= 0 means no limit), and stops when
// ctx ends.
func ReadFile(ctx context.Context, path string, max int64) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("corpus: read %s: %w", path, err)
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: read %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("corpus: read %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("corpus: read %s: %w (%s)", path, ErrNotRegular, typeName(fi.Mode()))
	}
	if max > 0 && fi.Size() > max {
		return nil, fmt.Errorf("corpus: read %s: %w: %s, the limit is %s", path, ErrTooLarge, SizeText(fi.Size()), SizeText(max))
	}
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + 1)
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("corpus: read %s: %w", path, err)
		}
		n, err := io.CopyN(&buf, f, readChunk)
		if max > 0 && int64(buf.Len()) > max {
			return nil, fmt.Errorf("corpus: read %s: %w: over %s", path, ErrTooLarge, SizeText(max))
		}
		if errors.Is(err, io.EOF) || err == nil && n < readChunk {
			return buf.Bytes(), nil
		}
		if err != nil {
			return nil, fmt.Errorf("corpus: read %s: %w", path, err)
		}
	}
}

// typeName says what kind of file a mode is, for a moderator.
func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a fifo"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}

// SizeText writes a byte count the way a person reads it.
func SizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
