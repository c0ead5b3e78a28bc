package quote

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// TestIdenticalDump writes the full result of Load for the folder named by
// CORPUS_IDENTICAL to the file named by CORPUS_IDENTICAL_OUT (default
// /tmp/corpus-dump.txt), so that two versions of the parser can be compared
// byte for byte. It is skipped unless CORPUS_IDENTICAL is set.
func TestIdenticalDump(t *testing.T) {
	dir := os.Getenv("CORPUS_IDENTICAL")
	if dir == "" {
		t.Skip("CORPUS_IDENTICAL not set")
	}
	out := os.Getenv("CORPUS_IDENTICAL_OUT")
	if out == "" {
		out = filepath.Join(os.TempDir(), "corpus-dump.txt")
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatalf("create %s: %v", out, err)
	}
	w := bufio.NewWriter(f)
	dumpCorpus(w, c)
	if err := w.Flush(); err != nil {
		t.Fatalf("write %s: %v", out, err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("close %s: %v", out, err)
	}
}

func dumpCorpus(w io.Writer, c *Corpus) {
	ff := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for _, a := range c.Articles {
		fmt.Fprintf(w, "ARTICLE id=%q title=%q outlet=%q url=%q published=%q file=%q sum=%q paras=%d quotes=%d\n",
			a.ID, a.Title, a.Outlet, a.URL, a.Published, a.File, a.Sum, len(a.Paragraphs), len(a.Quotes))
		for _, p := range a.Paragraphs {
			fmt.Fprintf(w, " P n=%d section=%q text=%q\n", p.N, p.Section, p.Text)
		}
		for _, q := range a.Quotes {
			fmt.Fprintf(w, " Q para=%d start=%d end=%d speaker=%q kind=%d desc=%q aff=%q conf=%s text=%q\n",
				q.Paragraph, q.Start, q.End, q.Speaker, q.Kind, q.Description, q.Affiliation, ff(q.Confidence), q.Text)
		}
	}
	for _, s := range c.Speakers {
		fmt.Fprintf(w, "SPEAKER name=%q kind=%d desc=%q aff=%q quotes=%d aliases=%q\n",
			s.Name, s.Kind, s.Description, s.Affiliation, s.Quotes, s.Aliases)
	}
	for _, p := range c.Problems {
		fmt.Fprintf(w, "PROBLEM file=%q err=%q\n", p.File, p.Err.Error())
	}
}
