package index

import (
	"strings"
	"testing"
)

func TestStripChatter(t *testing.T) {
	e, _ := openEngine(t, nil)
	s, done, err := e.view()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, tc := range []struct{ name, in, core, hint string }{
		{"plain", "no deal until there's a deal", "no deal until there's a deal", ""},
		{"who said", "who said no deal until there's a deal", "no deal until there's a deal", ""},
		{"did X really say", "did trump really say no deal till theres a deal", "no deal till theres a deal", "trump"},
		{"did he say, no hint", "did he say no deal", "no deal", ""},
		{"who was it that said", "who was it that said the fish was better", "the fish was better", ""},
		{"someone said … who was that", "someone said vestrians cant eat a phone line who was that", "vestrians cant eat a phone line", ""},
		{"lol and question mark", "lol ask me again in a couple weeks lol?", "ask me again in a couple weeks", ""},
		{"name said", "putin said next time in moscow", "next time in moscow", "putin"},
		{"name once said", "trump once said no deal", "no deal", "trump"},
		{"was it X", "no deal until there's a deal was it trump", "no deal until there's a deal", "trump"},
		{"which X said", "which president said no deal", "no deal", ""},
		{"who said something like", "who said something like a little heat", "a little heat", ""},
		{"a quote starting with did", "did not go ahead", "did not go ahead", ""},
		{"all chatter", "who said", "who said", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			core, hint := stripChatter(s.keys, splitWords(cleanInput(tc.in), maxQueryWords), s.isNameWord)
			if got := joinWords(core); got != tc.core {
				t.Errorf("core %q, want %q", got, tc.core)
			}
			if got := strings.Join(hint, " "); got != tc.hint {
				t.Errorf("hint %q, want %q", got, tc.hint)
			}
		})
	}
}
