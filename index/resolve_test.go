package index

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"summitbot/answer"
	"summitbot/internal/devdata"
)

// resolverFiles is the dev corpus (the seed article and the four fiction
// articles) with the resolver's own invented articles (testdata/resolver):
// unnamed office holders in articles of two dates, a table person named but
// not quoted, and people described rather than named.
func resolverFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := devdata.FictionFiles(t)
	files["alaska-summit.txt"] = devdata.Read(t, "seed", "alaska-summit.txt")
	paths, err := filepath.Glob(filepath.Join("testdata", "resolver", "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("testdata/resolver: %v (%d files)", err, len(paths))
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = data
	}
	return files
}

func TestQuotesResolver(t *testing.T) {
	e, _ := openEngine(t, resolverFiles(t))
	ctx := context.Background()
	cases := []struct {
		name, request string
		// subject is how Subject starts; speaker is result 1's speaker
		// ("" for a paragraph); also is one of Also ("" for none wanted).
		subject, speaker, also string
		found                  bool
		note                   string
	}{
		{"full name", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"surname typo", "zelenski", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "", true, ""},
		{"nickname", "vlad", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"office short form", "POTUS", "Donald Trump", "Donald Trump", "", true, ""},
		{"title from the description", "the russian president", "Vladimir Putin (Russian President)", "Vladimir Putin", "", true, ""},
		{"country abbreviation and role", "the US president", "Donald Trump", "Donald Trump", "", true, ""},
		{"former office holder by the article's date", "the german chancellor", "Olaf Scholz (the German chancellor)", "Olaf Scholz", "", true, ""},
		{"title of an invented country", "the galdorian chancellor", "Oriel Vantberg", "Oriel Vantberg", "", true, ""},
		{"role only, several hold it", "the premier", "Joss Marrick (Skellan Premier)", "Joss Marrick", "Ana Sorell (Norvalan Prime Minister)", true, ""},
		{"spokesman ~ press secretary: the most quoted first", "the spokeswoman", "Piet Halloran", "Piet Halloran", "Karoline Leavitt (White House press secretary)", true, ""},
		{"typo of a demonym", "the russain president", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"typo of a role word", "the vestrian foreign minster", "Ilse Marren", "Ilse Marren", "", true, ""},
		{"a description's plural", "the cooperative chair", "Hettie Brannock", "Hettie Brannock", "", true, ""},
		{"press secretary of a place", "the white house spokesperson", "Karoline Leavitt", "Karoline Leavitt", "", true, ""},
		{"pm ~ prime minister", "the estonian pm", "Kristen Michal", "Kristen Michal", "", true, ""},
		{"leader ~ president", "the russian leader", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"opposition leader", "the opposition leader", "Mira Kostadin", "Mira Kostadin", "Bram Tellemann (Galdorian opposition leader)", true, ""},
		{"office holder by the article's date", "the french president", "Emmanuel Macron", "Emmanuel Macron", "", true, ""},
		{"holder linked under their name", "macron", "Emmanuel Macron", "Emmanuel Macron", "", true, ""},
		{"named, not quoted", "the hungarian prime minister", "Viktor Orban", "", "", true, "no quote is attributed to Viktor Orban"},
		{"title and name", "president putin", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"honorific", "Mr Putin", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"a person's possessive names their side", "putin's spokesman", "", "", "", false, ""},
		{"a person's name before a role names their side", "putin aide", "", "", "", false, ""},
		{"a title the person does not hold", "senator putin", "", "", "", false, "no quoted speaker matches"},
		{"words of a named speaker's description", "the senior fellow", "Renata Ostrowe (senior fellow at the Orlaine Institute)", "Renata Ostrowe", "", true, ""},
		{"a speaker's possessive names their side", "zoltanov's adviser", "Anton Velisar", "Anton Velisar", "", true, ""},
		{"displayed name sent back", "Vladimir Putin (Russian President)", "Vladimir Putin", "Vladimir Putin", "", true, ""},
		{"unnamed by description", "the fisherman", "a fisherman", "", "", true, ""},
		{"nobody", "Xyzzy Plugh", "", "", "", false, "no quoted speaker matches"},
		{"nobody, closest names", "Vantbergg Quistt", "", "", "", false, "closest names"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := e.Quotes(ctx, tc.request, 3)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Found != tc.found {
				t.Fatalf("found %v, want %v (note %q, subject %q)", ans.Found, tc.found, ans.Note, ans.Subject)
			}
			if !strings.HasPrefix(ans.Subject, tc.subject) {
				t.Errorf("subject %q, want %q…", ans.Subject, tc.subject)
			}
			if tc.found && len(ans.Results) > 0 && tc.speaker != "" && ans.Results[0].Speaker != tc.speaker {
				t.Errorf("result 1 by %q, want %q:\n%s", ans.Results[0].Speaker, tc.speaker, describe(ans.Results))
			}
			if tc.subject == "a fisherman" {
				for _, r := range ans.Results {
					if !strings.Contains(r.Description, "fisherman") {
						t.Errorf("result by %q (%s)", r.Speaker, r.Description)
					}
				}
			}
			if tc.also != "" && !slices.Contains(ans.Also, tc.also) {
				t.Errorf("also %q, want %q among them", ans.Also, tc.also)
			}
			if tc.note != "" && !strings.Contains(ans.Note, tc.note) {
				t.Errorf("note %q, want %q", ans.Note, tc.note)
			}
		})
	}
}

func TestReactionsResolver(t *testing.T) {
	e, _ := openEngine(t, resolverFiles(t))
	ctx := context.Background()
	cases := []struct {
		name, request, subject string
		// first is result 1's speaker or description; any is a fragment
		// one of the first three results holds.
		first, any string
	}{
		{"person", "putin", "Vladimir Putin", "Vladimir Putin", ""},
		{"role through the resolver", "the czech foreign minister", "Jan Lipavský", "Jan Lipavský", "photograph"},
		{"role of an invented country", "skellan's premier", "Joss Marrick", "Joss Marrick", ""},
		{"named, not quoted", "the hungarian prime minister", "Viktor Orban", "", "Orbán"},
		{"compound of blocs", "nordic and baltic countries", "Nordic countries and Baltic states", "", "ceasefire is the only answer"},
		{"compound with a comma", "sweden, estonia", "Sweden and Estonia", "", "guard up"},
		{"compound of places the articles describe", "vestria and galdoria", "Vestria and Galdoria", "", ""},
		{"camp", "ordinary people", "Ordinary people", "", "a shopkeeper"},
		{"camp from a description", "analysts", "Analysts and experts", "", "legitimacy for free"},
		{"camp within a country", "ordinary ukrainians", "Ordinary people (Ukraine)", "a Kyiv resident queuing for bread near the station", ""},
		{"soldiers", "soldiers", "Soldiers", "a soldier on the southern front", ""},
		{"typo of a country", "the czech foriegn minister", "Jan Lipavský", "Jan Lipavský", ""},
		{"typo of a bloc", "the baltcs", "Baltic states", "", ""},
		{"camp of a place the table does not know", "port aldren locals", "Ordinary people (Port Aldren)", "", "fisherman"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := e.Reactions(ctx, tc.request, 3)
			if err != nil || !ans.Found {
				t.Fatalf("%v %+v", err, ans)
			}
			if !strings.HasPrefix(ans.Subject, tc.subject) {
				t.Errorf("subject %q, want %q…", ans.Subject, tc.subject)
			}
			r := ans.Results[0]
			if who := r.Speaker + r.Description; tc.first != "" && r.Speaker != tc.first && r.Description != tc.first {
				t.Errorf("result 1 by %q, want %q:\n%s", who, tc.first, describe(ans.Results))
			}
			if tc.any != "" && !fragmentIn(ans.Results, tc.any) && !descriptionIn(ans.Results, tc.any) {
				t.Errorf("no result holds %q:\n%s", tc.any, describe(ans.Results))
			}
		})
	}
}

func TestCompleteResolver(t *testing.T) {
	e, _ := openEngine(t, resolverFiles(t))
	cases := []struct {
		name, typed, want string
		group             bool
	}{
		{"a title", "russian pres", "Russian President", false},
		{"a title after the article", "the czech f", "Czech Foreign Minister", false},
		{"a nickname of someone quoted", "vla", "vlad", false},
		{"an office short form", "pot", "potus", false},
		{"a camp", "ordin", "Ordinary people", true},
		{"a title for reactions", "galdorian ch", "Galdorian Chancellor", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := e.CompleteSpeaker(tc.typed, 25)
			if tc.group {
				got = e.CompleteGroup(tc.typed, 25)
			}
			if !slices.Contains(got, tc.want) {
				t.Errorf("%q → %q, want %q among them", tc.typed, got, tc.want)
			}
		})
	}
}

func TestMatchTitle(t *testing.T) {
	gt, err := loadGroups()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		request, title string
		match          bool
	}{
		{"the us president", "President of the United States", true},
		{"the us president", "Vice President of the United States", false},
		{"the vice president", "Vice President of the United States", true},
		{"the premier", "Norvalan Prime Minister", true},
		{"the spokeswoman", "Kremlin spokesman", true},
		{"the russian spokesman", "Kremlin spokesman", true},
		{"the press secretary", "Galdorian government spokesman", true},
		{"the russian leader", "President of Russia", true},
		{"the german prime minister", "Chancellor of Germany", true},
		{"the russian president", "US envoy to Russia", false},
		{"the us president", "adviser to President Trump", false},
		{"the nato chief", "NATO Secretary General", true},
		{"the polish president", "former President of Poland", false},
		{"the former polish president", "former President of Poland", true},
		{"the ex-president", "former President of Poland", true},
		{"the foreign minister", "Secretary of State of the United States", true},
		{"the russian foreign minister", "Russian Foreign Ministry", false},
		{"the eu foreign policy chief", "EU foreign policy chief", true},
		{"the european leader", "French President", true},
		{"skellan's premier", "Skellan Premier", true},
		{"the vestria foreign minister", "Vestrian Foreign Minister", true},
		{"the nato boss", "Nato Secretary General", true},
		{"the eu's top diplomat", "EU foreign policy chief", true},
		{"the head of ukraine's drone forces", "commander of Ukraine's drone forces", true},
		{"the ukrainian foreign ministry", "Minister of Foreign Affairs of Ukraine", true},
		{"the russian foreign ministry", "Russian Foreign Ministry", true},
		{"the french president", "French Presidency", true},
	}
	for _, tc := range cases {
		t.Run(tc.request+" ~ "+tc.title, func(t *testing.T) {
			req := gt.readRequest(tc.request)
			tt := gt.readTitle(tc.title)
			if got := gt.matchTitle(&req, &tt, nil) > 0; got != tc.match {
				t.Errorf("match %v, want %v (request %+v, title %+v)", got, tc.match, req.toks, tt.toks)
			}
		})
	}
}

func TestOfficeHolders(t *testing.T) {
	gt, err := loadGroups()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		group, role, date, want string
	}{
		{"poland", "president", "2025-08-01", "Andrzej Duda"},
		{"poland", "president", "2025-08-20", "Karol Nawrocki"},
		{"france", "prime minister", "2025-08-20", "Francois Bayrou"},
		{"france", "prime minister", "2025-10-01", "Sebastien Lecornu"},
		{"us", "president", "2024-06-10", "Joe Biden"},
		{"us", "president", "2025-08-15", "Donald Trump"},
		{"us", "president", "", "Donald Trump"},
		{"germany", "chancellor", "2025-01-10", "Olaf Scholz"},
		{"ukraine", "defence minister", "2025-08-15", "Denys Shmyhal"},
	}
	for _, tc := range cases {
		t.Run(tc.group+" "+tc.role+" "+tc.date, func(t *testing.T) {
			hs := gt.holders(tc.group, tc.role, tc.date)
			if len(hs) != 1 || hs[0].name != tc.want {
				var names []string
				for _, p := range hs {
					names = append(names, p.name)
				}
				t.Errorf("holders %q, want [%s]", names, tc.want)
			}
		})
	}
}

func descriptionIn(rs []answer.Result, fragment string) bool {
	for _, r := range rs {
		if strings.Contains(normFrag(r.Description), normFrag(fragment)) {
			return true
		}
	}
	return false
}

func TestAppositions(t *testing.T) {
	cases := []struct {
		name, text, speaker, want string
	}{
		{"who clause", `"Bread first," said Marta Kowal, who runs a bakery near the harbour.`, "Marta Kowal", "runs a bakery near the harbour"},
		{"age, then who", `said Oksana Melnyk, 38, who coordinates the group of volunteers.`, "Oksana Melnyk", "coordinates the group of volunteers"},
		{"a noun phrase", `Mark Feldman, a former State Department official now at the Atlantic Council, and Hanna Koval both expect`, "Mark Feldman", "a former State Department official now at the Atlantic Council"},
		{"no apposition", `"No," said Marta Kowal.`, "Marta Kowal", ""},
		{"a list, not an apposition", `Marta Kowal, Jan Nowak and others said`, "Marta Kowal", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := appositionAfter(tc.text, tc.speaker); got != tc.want {
				t.Errorf("apposition %q, want %q", got, tc.want)
			}
		})
	}
	// In an engine: the apposition places the speaker in a camp.
	e, _ := openEngine(t, resolverFiles(t))
	ans, err := e.Quotes(context.Background(), "the bakery", 3)
	if err != nil || !ans.Found || ans.Results[0].Speaker != "Marta Kowal" {
		t.Errorf("the bakery: %v %+v", err, ans)
	}
	s, done, err := e.view()
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	if sp := s.byKey["Marta Kowal"]; sp == nil || !containsString(sp.camps, "ordinary") {
		t.Errorf("Marta Kowal not among ordinary people: %+v", sp)
	}
}
