package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"summitbot/corpus"
)

// The parsed corpus is cached in IndexDir so that reopening a large corpus
// does not parse and attribute every article again. The cache is used only
// when the corpus folder holds exactly the files (by name and SHA-256) it was
// made from and the running program is the one that wrote it (path, size and
// modification time of the executable): a new build may parse differently.
const cacheFile = "corpus-cache.gob"

type corpusCache struct {
	Version  string
	Files    []fileSum
	Articles []*corpus.Article
	Speakers []corpus.Speaker
}

type fileSum struct{ Name, Sum string }

func cacheVersion() string {
	p, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(p)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s|%s|%d|%d", mappingVersion, p, st.Size(), st.ModTime().UnixNano())
}

// corpusSums lists the corpus folder's article files with their SHA-256,
// as corpus.Load would read them; ok is false when there is none.
func corpusSums(dir string) ([]fileSum, bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false
	}
	var out []fileSum
	for _, e := range entries {
		if !e.Type().IsRegular() || !corpus.IsArticleFile(e.Name()) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, false
		}
		sum := sha256.Sum256(data)
		out = append(out, fileSum{e.Name(), hex.EncodeToString(sum[:])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, len(out) > 0
}

func sameSums(a, b []fileSum) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// loadCorpus reads the corpus folder, from the cache when it is valid.
// cached tells whether the cache was used.
func loadCorpus(indexDir, corpusDir string, log *slog.Logger) (arts []*corpus.Article, speakers []corpus.Speaker, cached bool, err error) {
	if v := cacheVersion(); v != "" {
		if data, err := os.ReadFile(filepath.Join(indexDir, cacheFile)); err == nil {
			var c corpusCache
			if gob.NewDecoder(bytes.NewReader(data)).Decode(&c) == nil && c.Version == v {
				if files, ok := corpusSums(corpusDir); ok && sameSums(files, c.Files) {
					return c.Articles, c.Speakers, true, nil
				}
			}
		}
	}
	c, err := corpus.Load(corpusDir)
	if err != nil {
		return nil, nil, false, err
	}
	for _, p := range c.Problems {
		log.Warn("corpus file skipped", "file", p.File, "err", p.Err)
	}
	return c.Articles, c.Speakers, false, nil
}

// saveCorpusCache writes the cache for snapshot s when the corpus folder
// holds exactly its articles' files (a skipped or foreign file means the
// folder cannot be told from s alone, so nothing is cached).
func saveCorpusCache(indexDir, corpusDir string, s *snapshot) error {
	os.Remove(filepath.Join(indexDir, cacheFile))
	v := cacheVersion()
	files, ok := corpusSums(corpusDir)
	if v == "" || !ok || len(files) != len(s.arts) {
		return nil
	}
	c := corpusCache{Version: v, Files: files}
	byFile := map[string]*artEntry{}
	for _, a := range s.arts {
		byFile[a.a.File] = a
		c.Articles = append(c.Articles, a.a)
	}
	for _, f := range files {
		if a := byFile[f.Name]; a == nil || a.a.Sum != f.Sum {
			return nil
		}
	}
	c.Speakers = s.linked
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&c); err != nil {
		return fmt.Errorf("index: corpus cache: %w", err)
	}
	if err := corpus.WriteFile(indexDir, cacheFile, buf.Bytes()); err != nil {
		return fmt.Errorf("index: corpus cache: %w", err)
	}
	return nil
}
