package feed

import (
	"fmt"
	"testing"

	"summitbot/lexicon"
)

func TestMatcher(t *testing.T) {
	tests := []struct {
		name     string
		keywords []string
		texts    []string
		want     []string
		ok       bool
	}{
		{"plural and case", []string{"summit"}, []string{"Summits in Alaska"}, []string{"summit"}, true},
		{"accents and apostrophe", []string{"zelenskyy"}, []string{"Zelenskyy’s visit"}, []string{"zelenskyy"}, true},
		{"accent in the keyword", []string{"Lipavský"}, []string{"Lipavsky said"}, []string{"Lipavský"}, true},
		{"verb forms", []string{"negotiate"}, []string{"", "They negotiated for hours"}, []string{"negotiate"}, true},
		{"phrase in order", []string{"alaska summit"}, []string{"The Alaska summit ended"}, []string{"alaska summit"}, true},
		{"phrase words apart", []string{"alaska summit"}, []string{"Alaska hosts a summit"}, nil, false},
		{"phrase across title and summary", []string{"alaska summit"}, []string{"Alaska", "summit"}, nil, false},
		{"no keyword", []string{"putin"}, []string{"Weather: rain"}, nil, false},
		{"part of a word is not a word", []string{"ton"}, []string{"Washington"}, nil, false},
		{"no keywords match all", nil, []string{"anything"}, nil, true},
		{"two of three", []string{"putin", "trump", "nato"}, []string{"Trump meets Putin"}, []string{"putin", "trump"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := NewMatcher(lexicon.Default(), tc.keywords).Match(tc.texts...)
			if ok != tc.ok || fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("Match = %q, %v; want %q, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		in   string
		want string
		bad  bool
	}{
		{"30m", "30m", false},
		{"2h", "2h", false},
		{"1h30m", "1h30m", false},
		{"90s", "1m30s", false},
		{"", "0s", false},
		{"soon", "", true},
		{"-5m", "", true},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			var i Interval
			err := i.UnmarshalText([]byte(tc.in))
			if (err != nil) != tc.bad {
				t.Fatalf("UnmarshalText(%q): %v", tc.in, err)
			}
			if b, _ := i.MarshalText(); !tc.bad && string(b) != tc.want {
				t.Errorf("%q reads back as %q, want %q", tc.in, b, tc.want)
			}
		})
	}
}
