package index

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"summitbot/internal/devdata"
	"summitbot/lexicon"
)

// TestAskKinds runs testdata/ask_kinds.tsv: every question is understood
// as the kind of question it is, and an answering paragraph is in the top
// 3.
func TestAskKinds(t *testing.T) {
	dev := devdata.FictionFiles(t)
	dev["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	invented, err := os.ReadFile(filepath.Join("testdata", "ask_invented.md"))
	if err != nil {
		t.Fatal(err)
	}
	engines := map[string]*Engine{}
	engines["dev"], _ = openEngine(t, dev)
	engines["invented"], _ = openEngine(t, map[string][]byte{"ask_invented.md": invented})
	kinds := map[string]askKind{}
	for k := askAny; k <= askSaid; k++ {
		kinds[kindKey(k)] = k
	}
	f, err := os.Open(filepath.Join("testdata", "ask_kinds.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 4 {
			t.Fatalf("bad line %q", line)
		}
		kind, corpusName, question, want := c[0], c[1], c[2], c[3]
		t.Run(kind+"/"+question, func(t *testing.T) {
			k, ok := kinds[kind]
			if !ok {
				t.Fatalf("unknown kind %q", kind)
			}
			e := engines[corpusName]
			if e == nil {
				t.Fatalf("unknown corpus %q", corpusName)
			}
			if got := analyzeQuestion(splitWords(cleanInput(question), maxQueryWords), lexicon.Default()).kind; got != k {
				t.Errorf("kind %q, want %q", kindKey(got), kind)
			}
			ans, err := e.Ask(context.Background(), question, 3)
			if err != nil {
				t.Fatal(err)
			}
			if !fragmentIn(ans.Results, want) {
				t.Errorf("none of %q in the top 3:\n%s", want, describe(ans.Results))
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// kindKey is the name ask_kinds.tsv gives a kind.
func kindKey(k askKind) string {
	return [...]string{"any", "duration", "time", "place", "person", "company", "number", "reason", "event", "said", "next"}[k]
}

// TestAskEvalSets runs the ask lines of the members' dev questions (over
// the five dev articles) and of the outlets set (over its thirteen
// articles), each answer within the top k of its line (3 by default), and
// fails below the floor each reaches now.
func TestAskEvalSets(t *testing.T) {
	dev := devdata.FictionFiles(t)
	dev["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	outlets := map[string][]byte{}
	matches, err := filepath.Glob(filepath.Join(devdata.Path(t, "outlets"), "o*.md"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("outlets articles: %v", err)
	}
	for _, m := range matches {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		outlets[filepath.Base(m)] = data
	}
	sets := []struct {
		name  string
		files map[string][]byte
		tsv   string
		floor int
	}{
		{"members-dev", dev, devdata.MembersDev(t), 19},
		{"outlets", outlets, devdata.Path(t, "outlets", "queries.tsv"), 33},
	}
	for _, set := range sets {
		e, _ := openEngine(t, set.files)
		pass, total := 0, 0
		for _, l := range readEval(t, set.tsv) {
			if l.kind != "ask" {
				continue
			}
			k, err := strconv.Atoi(l.extra)
			if err != nil || k <= 0 {
				k = 3
			}
			ans, err := e.Ask(context.Background(), l.query, k)
			if err != nil {
				t.Fatalf("Ask(%q): %v", l.query, err)
			}
			total++
			if fragmentIn(ans.Results, l.expected) {
				pass++
			} else {
				t.Logf("%s MISS %q (want %s):\n%s", set.name, l.query, l.expected, describe(ans.Results))
			}
		}
		t.Logf("%s ask %d/%d", set.name, pass, total)
		if pass < set.floor {
			t.Errorf("%s ask: %d of %d, want at least %d", set.name, pass, total, set.floor)
		}
	}
}

// TestAskAnswerFirst checks that for a question asking for a duration, a
// time or a number, a paragraph holding such an answer comes before one that
// only shares the question's words ("the last standing treaty" for "how
// long did the talks last").
func TestAskAnswerFirst(t *testing.T) {
	e, _ := openEngine(t, map[string][]byte{"alaska-summit.txt": devdata.Read(t, "seed", "alaska-summit.txt")})
	for _, tc := range []struct{ question, want string }{
		{"how long did the talks last", "three-hour-long"},
	} {
		t.Run(tc.question, func(t *testing.T) {
			ans, err := e.Ask(context.Background(), tc.question, 3)
			if err != nil || len(ans.Results) == 0 {
				t.Fatalf("%v %+v", err, ans)
			}
			if !strings.Contains(ans.Results[0].Text, tc.want) {
				t.Errorf("first answer ¶%d %q, want the one with %q", ans.Results[0].Paragraph, ans.Results[0].Text, tc.want)
			}
		})
	}
}
