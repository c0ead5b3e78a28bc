package wording

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

//go:embed data/placeholders.txt data/outlets.tsv
var data embed.FS

// tables are the parsed data files.
type tables struct {
	placeholders map[string]bool
	outlets      map[string]string // folded full name → short name
}

var loaded = sync.OnceValue(func() tables {
	t := tables{placeholders: map[string]bool{}, outlets: map[string]string{}}
	for _, line := range lines("data/placeholders.txt") {
		t.placeholders[strings.ToLower(line)] = true
	}
	for _, line := range lines("data/outlets.tsv") {
		full, short, ok := strings.Cut(line, "\t")
		if !ok {
			panic(fmt.Sprintf("wording: data/outlets.tsv: %q has no tab", line))
		}
		t.outlets[strings.ToLower(strings.TrimSpace(full))] = strings.TrimSpace(short)
	}
	return t
})

// lines are a data file's lines, without comments and blank lines.
func lines(name string) []string {
	f, err := data.Open(name)
	if err != nil {
		panic(fmt.Sprintf("wording: embedded %s: %v", name, err))
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// Meta is a metadata value (title, outlet, date, section) as it may be
// shown: trimmed, on one line, and "" when it is empty or a placeholder such
// as "unknown", "n/a" or "-".
func Meta(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if loaded().placeholders[strings.ToLower(strings.Trim(s, ".()[] "))] {
		return ""
	}
	return s
}

// dateLayouts are the date forms articles' front matter uses.
var dateLayouts = []struct{ layout, show string }{
	{time.RFC3339, "2 Jan 2006"},
	{"2006-01-02T15:04:05", "2 Jan 2006"},
	{"2006-01-02 15:04:05", "2 Jan 2006"},
	{"2006-01-02 15:04", "2 Jan 2006"},
	{"2006-01-02", "2 Jan 2006"},
	{"2006/01/02", "2 Jan 2006"},
	{"2006.01.02", "2 Jan 2006"},
	{"2 January 2006", "2 Jan 2006"},
	{"2 Jan 2006", "2 Jan 2006"},
	{"January 2, 2006", "2 Jan 2006"},
	{"January 2 2006", "2 Jan 2006"},
	{"Jan 2, 2006", "2 Jan 2006"},
	{"Jan 2 2006", "2 Jan 2006"},
	{"Jan. 2, 2006", "2 Jan 2006"},
	{"January 2006", "Jan 2006"},
	{"Jan 2006", "Jan 2006"},
	{"2006-01", "Jan 2006"},
}

// Date is a publication date in the one format answers use ("15 Aug 2025",
// or "Aug 2025" when the day is not known), or "" when it is missing, a
// placeholder, or not a date.
func Date(s string) string {
	s = Meta(s)
	if s == "" {
		return ""
	}
	// "Friday, 15 August 2025": the weekday adds nothing.
	if day, rest, ok := strings.Cut(s, ", "); ok && isWeekday(day) {
		s = rest
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			return t.Format(l.show)
		}
	}
	return ""
}

func isWeekday(s string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.EqualFold(s, d.String()) || strings.EqualFold(s, d.String()[:3]) {
			return true
		}
	}
	return false
}

// maxShortOutlet is how long an outlet name may be in a footer before it is
// cut at a separator.
const maxShortOutlet = 24

// ShortOutlet is an outlet's name for a footer: the short name the data
// gives, or the name without a trailing parenthesis ("RIA Novosti (English
// service)" → "RIA Novosti") and, when still long, without a leading "The"
// and cut at a separator. Placeholders give "".
func ShortOutlet(s string) string {
	s = Meta(s)
	if s == "" {
		return ""
	}
	if short, ok := loaded().outlets[strings.ToLower(s)]; ok {
		return short
	}
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(s[:i])
	}
	if short, ok := loaded().outlets[strings.ToLower(s)]; ok {
		return short
	}
	if utf8.RuneCountInString(s) > maxShortOutlet {
		s = strings.TrimPrefix(s, "The ")
		for _, sep := range []string{" | ", " – ", " — ", " - ", ": "} {
			if head, _, ok := strings.Cut(s, sep); ok && head != "" {
				s = head
				break
			}
		}
	}
	return s
}

// Count is a number with its noun in the right number: "1 quote",
// "2 quotes", "0 quotes". Nouns whose plural is not the singular plus "s"
// give both forms: Count(n, "reply", "replies").
func Count(n int, noun ...string) string {
	if len(noun) == 0 {
		return fmt.Sprint(n)
	}
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, noun[0])
	}
	if len(noun) > 1 {
		return fmt.Sprintf("%d %s", n, noun[1])
	}
	return fmt.Sprintf("%d %ss", n, noun[0])
}

// Sentence is a note or fragment as a sentence: one line, a capital first
// letter and closing punctuation. "" stays "".
func Sentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[size:]
	last, _ := utf8.DecodeLastRuneInString(s)
	if !strings.ContainsRune(".!?…", last) && !(strings.ContainsRune("”\"’)", last) && endsSentence(s)) {
		s += "."
	}
	return s
}

// endsSentence reports whether s, ending in a closing mark, has closing
// punctuation just inside it ("… he said.”").
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”\"’)")
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", last)
}

// Sentences splits text into its sentences: at ".", "!", "?" or "…"
// followed by a space or a line break, and at line breaks.
func Sentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		start := 0
		for i, r := range line {
			if !strings.ContainsRune(".!?…", r) {
				continue
			}
			end := i + utf8.RuneLen(r)
			for end < len(line) && strings.ContainsRune("”\"’)*", rune(line[end])) {
				end++
			}
			if end < len(line) && line[end] != ' ' {
				continue
			}
			if s := strings.TrimSpace(line[start:end]); s != "" {
				out = append(out, s)
			}
			start = end
		}
		if s := strings.TrimSpace(line[start:]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Key is how a sentence compares with another for saying the same thing:
// letters and digits only, lower case, single spaces. "No quote contains
// “x”." and "no quote contains "x"" have the same key.
func Key(sentence string) string {
	var b strings.Builder
	space := false
	for _, r := range sentence {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Repeats reports whether every sentence of s is already said in said, so
// that showing s after said would say it twice.
func Repeats(said, s string) bool {
	keys := map[string]bool{}
	for _, x := range Sentences(said) {
		keys[Key(x)] = true
	}
	n := 0
	for _, x := range Sentences(s) {
		k := Key(x)
		if k == "" {
			continue
		}
		n++
		if !keys[k] {
			return false
		}
	}
	return n > 0
}

// Redundant reports whether note adds nothing to said: every sentence of
// it is already said (Repeats), or both say that nothing was found and
// the note quotes only what said names. An engine note such as `no quoted speaker matches "x"`
// after "No quotes from “x”." is redundant.
func Redundant(said, note string) bool {
	if Repeats(said, note) {
		return true
	}
	sk, nk := Key(said), Key(note)
	if nk == "" || !negative(sk) || !negative(nk) {
		return false
	}
	qs := quoted(note)
	for _, q := range qs {
		if k := Key(q); k == "" || !strings.Contains(" "+sk+" ", " "+k+" ") {
			return false
		}
	}
	return len(qs) > 0
}

// negative reports whether a sentence key starts by saying there is none.
func negative(key string) bool {
	for _, w := range []string{"no ", "nothing ", "none ", "not "} {
		if strings.HasPrefix(key, w) {
			return true
		}
	}
	return false
}

// quoted are the phrases in quotation marks in s.
func quoted(s string) []string {
	var out []string
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}, {"«", "»"}} {
		rest := s
		for {
			_, after, ok := strings.Cut(rest, pair[0])
			if !ok {
				break
			}
			q, tail, ok := strings.Cut(after, pair[1])
			if !ok {
				break
			}
			out = append(out, q)
			rest = tail
		}
	}
	return out
}
