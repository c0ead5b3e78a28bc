//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"summitbot/index"
)

// `summitbot add` of a fifo, a device or a folder is refused at once, and
// leaves the index free.
func TestModerateAddRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "story.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no fifo here: %v", err)
	}
	folder := filepath.Join(dir, "folder.md")
	os.Mkdir(folder, 0o755)
	cases := []struct{ name, path string }{
		{"fifo", fifo},
		{"device", os.DevNull},
		{"folder", folder},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			env, _, indexDir := modEnv(t, nil)
			_, err := runBounded(t, 5*time.Second, env, "add", tc.path)
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("add %s: %v, want \"not a regular file\"", tc.path, err)
			}
			eng, err := index.Open(context.Background(), index.Options{IndexDir: indexDir, CorpusDir: filepath.Join(filepath.Dir(indexDir), "corpus")})
			if err != nil {
				t.Fatalf("the index is not free after the refused add: %v", err)
			}
			eng.Close()
		})
	}
}
