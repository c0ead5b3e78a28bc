package corpus

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// SeedFile is the name the embedded default article is written under.
const SeedFile = "alaska-summit.txt"

//go:embed seed/alaska-summit.txt
var seedArticle []byte

// Seed returns a copy of the embedded default article's bytes.
func Seed() []byte { return append([]byte(nil), seedArticle...) }

// IsArticleFile reports whether a file name is one the corpus folder reads.
func IsArticleFile(name string) bool {
	if strings.HasPrefix(filepath.Base(name), ".") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// Problem is a file in the corpus folder that was skipped, or an article
// that was loaded but looks wrong (Loaded); the rest of the corpus still
// loads. Err says why, and errors.Is matches one of the Err* reasons below.
type Problem struct {
	File string
	Err  error
	// Loaded is true when the article was loaded all the same (a
	// suspicious file, e.g. not UTF-8); false when the file was skipped.
	Loaded bool
}

func (p Problem) Error() string { return fmt.Sprintf("corpus: %s: %v", p.File, p.Err) }

// Reasons of Problems (besides ErrTooLarge and ErrNotRegular).
var (
	ErrNotUTF8             = errors.New("not UTF-8 text (bad bytes shown as \uFFFD)")
	ErrBinary              = errors.New("binary, not text (holds NUL bytes)")
	ErrUnclosedFrontMatter = errors.New("front matter opened with --- but never closed: read as text")
	ErrSymlink             = errors.New("a symbolic link: not followed")
	ErrSubfolder           = errors.New("a subfolder: not read")
	ErrNotArticleFile      = errors.New("not an article file (.md, .markdown or .txt): not read")
	ErrDuplicateID         = errors.New("same id as another file")
	ErrDuplicateURL        = errors.New("same URL as a newer file")
	ErrNoParagraphs        = errors.New("no paragraphs")
)

// Listed is what a corpus folder entry is, as Load sees it: "" for an
// article file it reads, otherwise the reason it is not read. Hidden
// entries (a leading ".": temporary files of atomic writes) are not
// listed at all (ok false).
func Listed(e fs.DirEntry) (reason error, ok bool) {
	name := e.Name()
	if strings.HasPrefix(name, ".") {
		return nil, false
	}
	t := e.Type()
	switch {
	case t&fs.ModeSymlink != 0:
		return ErrSymlink, true
	case t.IsDir():
		return ErrSubfolder, true
	case !t.IsRegular():
		return fmt.Errorf("%w (%s)", ErrNotRegular, typeName(t)), true
	case !IsArticleFile(name):
		return ErrNotArticleFile, true
	}
	return nil, true
}

// Corpus is every article in the corpus folder.
type Corpus struct {
	Dir      string
	Articles []*Article
	// Problems are files that were skipped.
	Problems []Problem
}

// Load reads every article file in dir (not its subfolders), in file name
// order, and drops duplicates (same id or URL). When the folder is missing or holds
// no article file, the embedded default article is written there first.
func Load(dir string) (*Corpus, error) {
	return LoadWith(dir, LoadOptions{})
}

// LoadOptions tune LoadWith.
type LoadOptions struct {
	// Workers is how many files are parsed at once; 0 means one per core.
	// A load in the background of a serving bot (a reindex) uses 1, so
	// that queries keep a core.
	Workers int
	// MaxFileBytes is the largest file read; a larger one is skipped (a
	// Problem). 0 means DefaultMaxFileBytes.
	MaxFileBytes int64
	// Parsed, when set, gets each article as soon as it is parsed, before
	// Load drops duplicates and links speakers, so that a caller can start
	// on the paragraphs (indexing them) while other files are parsed. It
	// may be called from several goroutines at once, in any order; an
	// article Load later drops is passed too.
	Parsed func(*Article)
}

// LoadWith is Load with options.
func LoadWith(dir string, opt LoadOptions) (*Corpus, error) {
	if _, err := EnsureSeed(dir); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("corpus: read %s: %w", dir, err)
	}
	c := &Corpus{Dir: dir}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		switch reason, ok := Listed(e); {
		case !ok:
		case reason != nil:
			c.Problems = append(c.Problems, Problem{File: e.Name(), Err: reason})
		default:
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	max := opt.MaxFileBytes
	if max <= 0 {
		max = DefaultMaxFileBytes
	}
	files := readAndParse(dir, names, workers, max, opt.Parsed)
	seen := map[string]string{}
	byURL := map[string]int{} // URL key -> index in c.Articles
	for _, f := range files {
		name := f.name
		if f.err != nil {
			c.Problems = append(c.Problems, Problem{File: name, Err: f.err})
			continue
		}
		a := f.article
		if other, dup := seen[a.ID]; dup {
			c.Problems = append(c.Problems, Problem{File: name, Err: fmt.Errorf("%w: %q as %s", ErrDuplicateID, a.ID, other)})
			continue
		}
		if len(a.Paragraphs) == 0 {
			c.Problems = append(c.Problems, Problem{File: name, Err: ErrNoParagraphs})
			continue
		}
		// Two files for one URL (a replaced article whose old file a crash
		// left behind): the newer file is the article, the older is skipped.
		if key := URLKey(a.URL); key != "" {
			if i, dup := byURL[key]; dup {
				old := c.Articles[i]
				if f.modTime >= modTimeOf(files, old.File) {
					c.Problems = append(c.Problems, Problem{File: old.File, Err: fmt.Errorf("%w, %s: skipped", ErrDuplicateURL, name)})
					c.Articles[i] = a
					seen[a.ID] = name
				} else {
					c.Problems = append(c.Problems, Problem{File: name, Err: fmt.Errorf("%w, %s: skipped", ErrDuplicateURL, old.File)})
				}
				continue
			}
			byURL[key] = len(c.Articles)
		}
		seen[a.ID] = name
		c.Articles = append(c.Articles, a)
		for _, w := range f.warnings {
			c.Problems = append(c.Problems, Problem{File: name, Err: w, Loaded: true})
		}
	}
	sort.SliceStable(c.Problems, func(i, j int) bool { return c.Problems[i].File < c.Problems[j].File })
	return c, nil
}

// parsedFile is one corpus file read and parsed.
type parsedFile struct {
	name    string
	article *Article
	modTime int64
	err     error
	// warnings are what looks wrong in a file that was loaded.
	warnings []error
}

// readAndParse reads and parses the named files with workers goroutines,
// keeping their order: parsing is most of the cost of loading a large
// corpus.
func readAndParse(dir string, names []string, workers int, max int64, parsed func(*Article)) []parsedFile {
	out := make([]parsedFile, len(names))
	workers = min(workers, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = readOne(dir, names[i], max, parsed)
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// readOne reads and checks one article file.
func readOne(dir, name string, max int64, parsed func(*Article)) parsedFile {
	f := parsedFile{name: name}
	path := filepath.Join(dir, name)
	data, err := ReadFile(context.Background(), path, max)
	switch {
	case errors.Is(err, ErrTooLarge):
		f.err = fmt.Errorf("%w: over %s (MAX_ARTICLE_BYTES)", ErrTooLarge, SizeText(max))
		return f
	case errors.Is(err, ErrNotRegular):
		f.err = ErrNotRegular
		return f
	case err != nil:
		f.err = err
		return f
	case bytes.IndexByte(data, 0) >= 0:
		f.err = ErrBinary
		return f
	}
	if !utf8.Valid(data) {
		f.warnings = append(f.warnings, ErrNotUTF8)
	}
	if unclosedFrontMatter(data) {
		f.warnings = append(f.warnings, ErrUnclosedFrontMatter)
	}
	if fi, err := os.Stat(path); err == nil {
		f.modTime = fi.ModTime().UnixNano()
	}
	f.article = Parse(name, data)
	if parsed != nil {
		parsed(f.article)
	}
	return f
}

// unclosedFrontMatter reports a file that opens a front-matter block ("---"
// then "key: value" lines) and never closes it.
func unclosedFrontMatter(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), "\r\n \t")
	if !bytes.HasPrefix(t, []byte("---\n")) && !bytes.HasPrefix(t, []byte("---\r\n")) {
		return false
	}
	_, _, ok := splitFrontMatter(strings.ReplaceAll(string(t[:min(len(t), 64<<10)]), "\r\n", "\n"))
	if ok {
		return false
	}
	first, _, _ := bytes.Cut(t[4:], []byte("\n"))
	return bytes.Contains(first, []byte(":"))
}

func modTimeOf(files []parsedFile, name string) int64 {
	for _, f := range files {
		if f.name == name {
			return f.modTime
		}
	}
	return 0
}

// URLKey is the form of an article URL that two links to the same page share:
// no scheme, no "www.", no fragment, no trailing slash, host in lower case.
// It is "" for an empty URL.
func URLKey(u string) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	if i := strings.IndexByte(u, '#'); i >= 0 {
		u = u[:i]
	}
	low := strings.ToLower(u)
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(low, p) {
			u, low = u[len(p):], low[len(p):]
		}
	}
	u = strings.TrimPrefix(u, "www.")
	host, path, _ := strings.Cut(u, "/")
	return strings.ToLower(host) + "/" + strings.TrimRight(path, "/")
}

// EnsureSeed writes the embedded default article into dir when dir is missing
// or holds no article file. It reports whether it wrote.
func EnsureSeed(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("corpus: read %s: %w", dir, err)
	}
	for _, e := range entries {
		if IsArticleFile(e.Name()) {
			return false, nil
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("corpus: create %s: %w", dir, err)
	}
	if err := WriteFile(dir, SeedFile, seedArticle); err != nil {
		return false, err
	}
	return true, nil
}

// WriteFile writes data to dir/name atomically: a temporary file in the same
// folder is written and synced, renamed over the target, and the folder is
// synced, so a crash leaves either the old file or the new one.
func WriteFile(dir, name string, data []byte) error {
	if name != filepath.Base(name) || name == "." || name == ".." {
		return fmt.Errorf("corpus: write %q: not a plain file name", name)
	}
	tmp, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return fmt.Errorf("corpus: write %s: %w", name, err)
	}
	tmpName := tmp.Name()
	defer os.Remove(tmpName) // no-op after a successful rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("corpus: write %s: %w", name, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("corpus: sync %s: %w", name, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("corpus: close %s: %w", name, err)
	}
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return fmt.Errorf("corpus: chmod %s: %w", name, err)
	}
	if err := os.Rename(tmpName, filepath.Join(dir, name)); err != nil {
		return fmt.Errorf("corpus: rename %s: %w", name, err)
	}
	return SyncDir(dir)
}

// SyncDir fsyncs a folder so that renames and removals in it are durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("corpus: open %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("corpus: sync %s: %w", dir, err)
	}
	return nil
}

// RemoveFile deletes the article file name from the corpus folder dir. A
// file that is already gone is not an error.
func RemoveFile(dir, name string) error {
	if name == "" || name != filepath.Base(name) {
		return fmt.Errorf("corpus: remove %q: not a file name in the corpus folder", name)
	}
	if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("corpus: remove %s: %w", name, err)
	}
	return nil
}

// RemoveTemp removes the temporary files that WriteFile leaves when a
// process dies mid-write (".NAME.tmp-*"), older than age. Only the
// folder's owner calls it, at start.
func RemoveTemp(dir string, age time.Duration, log *slog.Logger) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(n, ".") || !strings.Contains(n, ".tmp-") {
			continue
		}
		if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < age {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err == nil && log != nil {
			log.Info("removed a temporary file a crash left", "file", filepath.Join(dir, n))
		}
	}
}
