package quote

import (
	_ "embed"
	"strings"
)

// verbForm tells how a speech verb is inflected where it stands.
type verbForm uint8

const (
	vfFinite     verbForm = iota // said, says, told
	vfBase                       // say (after they, officials, will)
	vfParticiple                 // saying, adding
	vfPastPart                   // written, spoken (after has/was)
)

// verbInfo describes one form of a speech verb.
type verbInfo struct {
	base string
	form verbForm
	// particles: one of them must follow for the verb to report speech
	// ("pointed out", "shot back"); none when empty.
	particles []string
}

// wordLists holds the word lists attribution uses. It is built once and never
// changed.
type wordLists struct {
	verbs map[string]verbInfo
	// titles are words of a person's title ("foreign", "minister").
	titles map[string]bool
	// personHeads are nouns that name a person's role, with the classes a
	// descriptor may use for them ("diplomat" for a foreign minister).
	personHeads map[string][]string
	orgHeads    map[string]bool
	placeWords  map[string]bool
	honorifics  map[string]byte // 'm', 'f' or 0
	genderNouns map[string]byte
	stop        map[string]bool // capitalised words that are not names
	timeWords   map[string]bool
	commNouns   map[string]bool
	adverbs     map[string]bool
	auxiliaries map[string]bool
	boundaries  map[string]bool
	determiners map[string]bool
	indefinite  map[string]bool
	pluralNouns map[string]bool
	particles   map[string]bool
	orgWords    map[string]bool // single words that name a body ("Kremlin")
	countryKeys map[string]string
	// docNouns name documents and reports, which are not speakers
	// ("according to a readout", "the statement said").
	docNouns map[string]bool
	// personNouns are nouns for ordinary people an article may quote
	// without naming them ("one resident", "another IT worker").
	personNouns map[string]bool
	// quoteNouns name what a quote is ("a charge", "a claim") in an
	// appositive after it.
	quoteNouns map[string]bool
	// surnameTitles are title words that are also surnames ("Claudia
	// Major"), read as a name's last word after a given name.
	surnameTitles map[string]bool
	// flags holds the tokFlags of every word in the lists above (see
	// wordFlags), built last.
	flags map[string]tokFlag
}

var lex = newLexicon()

func words(s string) []string { return strings.Fields(s) }

func set(lists ...string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range words(l) {
			m[w] = true
		}
	}
	return m
}

func newLexicon() *wordLists {
	lx := &wordLists{verbs: map[string]verbInfo{}}
	// Verbs that introduce or report speech. "base:past:ing" overrides the
	// regular forms; a "+word" suffix names a required particle.
	for _, spec := range words(`say:said:saying:said tell:told:telling:told write:wrote:writing:written
		speak:spoke:speaking:spoken add warn insist quip:quipped:quipping reply:replied declare remark note
		stress explain argue claim urge ask call describe echo:echoed caution hail announce state comment
		respond answer continue recall observe admit:admitted:admitting acknowledge concede confirm
		deny:denied suggest indicate maintain reaffirm reiterate emphasise emphasize underline underscore
		assert affirm pledge vow promise threaten accuse criticise criticize condemn denounce slam:slammed:slamming
		blast praise welcome thank appreciate dismiss reject predict shout exclaim joke muse mutter whisper
		complain lament boast protest demand plead question wonder speculate report inform
		testify:testified counter retort rebut interject conclude propose recommend advise allege contend
		tweet post text label brand dub:dubbed:dubbing term characterise characterize hint signal:signalled:signalling
		voice highlight express lambast decry deride mock scoff chide rebuke blame applaud commend laud tout
		reassure assure recount reveal disclose concur quote whisper sigh laugh acknowledge cite summarise
		summarize elaborate clarify stated reckon believe:believed:believing fume vent taunt jibe
		point+out hit:hit:hitting:hit+out hit:hit:hitting:hit+back lash+out sum:summed:summing+up spell+out
		weigh+in chime+in shoot:shot:shooting:shot+back fire+back push+back snap:snapped:snapping
		reiterate retort gush rave enthuse crow rage`) {
		lx.addVerb(spec)
	}
	// "said" as a past participle is also "has said"; the finite entry covers it.
	lx.titles = set(`president vice prime minister external policy reporter anchor host presenter writer columnist author broadcaster pm dpm fm mla mos cm ministers premier chancellor secretary secretary-general
		under-secretary undersecretary general spokesman spokeswoman spokesperson spokespeople leader
		lawmaker legislator senator congressman congresswoman representative governor mayor ambassador
		envoy emissary negotiator adviser advisor aide official officer chief head director director-general
		chairman chairwoman chair chairperson ceo founder commander commander-in-chief admiral colonel
		lieutenant captain major sergeant marshal king queen prince princess crown emir sheikh sultan pope
		cardinal archbishop bishop rabbi imam judge justice attorney prosecutor lawyer analyst expert
		professor doctor economist researcher fellow scholar historian journalist correspondent editor
		commentator activist campaigner candidate nominee deputy acting former ex interim incoming
		outgoing senior junior foreign defence defense interior finance economy economic trade energy
		health home state national security affairs opposition government presidential parliamentary
		party speaker member mp mep diplomat diplomatic press communications information agriculture
		education environment transport culture labour labor army military navy naval air force staff
		strategist consultant manager executive commissioner counsellor counselor representative
		co-founder chancellor-elect president-elect first lady regional provincial federal top veteran
		general-secretary monarch taoiseach deputy-premier vice-president vice-chancellor tsar czar
		mr mrs ms miss dr prof sir dame lord lady mr. mrs. ms. dr. prof. sen. rep. gov. gen. lt. col. capt.
		adm. maj. sgt. rt hon. hon figure dissident opponent critic politician pundit oligarch tycoon
		billionaire businessman businesswoman banker philosopher scientist novelist assistant`)
	lx.personHeads = map[string][]string{}
	heads := map[string]string{
		"president":          "leader official politician head head_of_state",
		"premier":            "leader politician head",
		"chancellor":         "leader politician head",
		"prime minister":     "leader premier politician head head_of_government",
		"minister":           "official politician",
		"foreign minister":   "diplomat minister official politician",
		"foreign secretary":  "diplomat secretary official politician",
		"secretary of state": "diplomat secretary official politician",
		"leader":             "politician",
		"king":               "leader monarch",
		"queen":              "leader monarch",
		"emir":               "leader monarch",
		"sultan":             "leader monarch",
		"monarch":            "leader",
		"taoiseach":          "leader premier",
		"spokesman":          "spokesperson official",
		"spokeswoman":        "spokesperson official",
		"spokesperson":       "spokesman spokeswoman official",
		"ambassador":         "diplomat envoy official",
		"envoy":              "diplomat official",
		"emissary":           "diplomat envoy official",
		"negotiator":         "diplomat official",
		"diplomat":           "official",
		"adviser":            "aide advisor official",
		"advisor":            "aide adviser official",
		"aide":               "adviser advisor official",
		"assistant":          "aide adviser advisor official",
		"official":           "",
		"officer":            "official",
		"secretary":          "official",
		"secretary-general":  "chief official head",
		"general-secretary":  "chief official head",
		"director":           "chief head official",
		"director-general":   "chief head official",
		"chief":              "head official",
		"head":               "chief official",
		"commissioner":       "official",
		"lawmaker":           "legislator politician",
		"legislator":         "lawmaker politician",
		"senator":            "lawmaker legislator politician",
		"congressman":        "lawmaker legislator politician",
		"congresswoman":      "lawmaker legislator politician",
		"representative":     "lawmaker legislator politician",
		"mp":                 "lawmaker legislator politician",
		"mep":                "lawmaker legislator politician",
		"governor":           "official politician",
		"mayor":              "official politician",
		"chairman":           "chair chairperson head",
		"chairwoman":         "chair chairperson head",
		"chair":              "chairman chairwoman chairperson head",
		"chairperson":        "chair head",
		"commander":          "general officer chief",
		"general":            "commander officer chief",
		"admiral":            "commander officer chief",
		"judge":              "official",
		"prosecutor":         "official lawyer",
		"analyst":            "expert",
		"expert":             "analyst",
		"professor":          "academic expert scholar",
		"fellow":             "analyst expert scholar academic",
		"economist":          "analyst expert",
		"researcher":         "analyst expert academic",
		"activist":           "campaigner",
		"campaigner":         "activist",
		"candidate":          "politician",
		"ceo":                "executive chief head boss",
		"executive":          "chief boss",
		"founder":            "",
		"pope":               "pontiff leader",
		"vice president":     "official politician",
		"head of state":      "president leader head",
		"head of government": "premier leader head",
		"deputy":             "official politician",
	}
	for h, cls := range heads {
		ws := words(cls)
		for i, w := range ws {
			ws[i] = strings.ReplaceAll(w, "_", " ") // "head_of_state" is one role
		}
		lx.personHeads[h] = ws
	}
	// Prefixed roles ("co-leader", "vice-chair", "ex-minister") are titles
	// like the role itself.
	for _, t := range words(`president minister leader chair chairman chairwoman founder head chief
		secretary director premier chancellor governor speaker spokesman spokeswoman spokesperson`) {
		for _, pre := range []string{"co-", "vice-", "ex-", "deputy-"} {
			lx.titles[pre+t] = true
		}
	}
	lx.orgHeads = set(`office ministry department government kremlin chancellery authority authorities agency
		council commission committee court bank party army military embassy administration company corporation
		corp group union alliance bloc organisation organization institute foundation cooperative co-operative
		police service services forces federation association parliament senate congress cabinet presidency
		palace secretariat mission delegation command board fund firm network directorate bureau guard pentagon
		assembly legislature tribunal regime junta coalition movement campaign university hospital media
		television tv radio newspaper broadcaster channel spokesperson's ministry's consulate navy airline
		inc ltd plc exchange agency's watchdog regulator commissioner's prosecutor's house
		news times post journal telegraph guardian herald mail express tribune daily wire press
		broadcasting gazette chronicle observer reuters bloomberg centre center academy society forum
		school college`)
	lx.placeWords = set(`strait straits sea ocean river island islands isles bay gulf port city street square
		avenue road base airport hall tower bridge lake mount mountain mountains valley region province
		state states republic kingdom coast peninsula district county oblast canal channel sound harbour
		harbor beach park centre center building hotel castle cathedral church mosque station field fort
		camp cape saint san santa north south east west northern southern eastern western upper lower
		greater old new central customs`)
	lx.honorifics = map[string]byte{"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f',
		"sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f', "dr": 0, "dr.": 0, "prof": 0, "prof.": 0,
		"madam": 'f', "mme": 'f', "m.": 'm', "herr": 'm', "frau": 'f', "signor": 'm', "señor": 'm', "señora": 'f',
		"shri": 'm', "sri": 'm', "smt": 'f', "smt.": 'f', "shrimati": 'f'}
	lx.genderNouns = map[string]byte{"spokesman": 'm', "spokeswoman": 'f', "chairman": 'm', "chairwoman": 'f',
		"king": 'm', "queen": 'f', "prince": 'm', "princess": 'f', "congressman": 'm', "congresswoman": 'f',
		"businessman": 'm', "businesswoman": 'f', "sultan": 'm', "emir": 'm', "sheikh": 'm', "countess": 'f',
		"duke": 'm', "duchess": 'f', "actress": 'f', "first": 0}
	lx.stop = set(`the a an in on at for by with from as after before but and or so yet while when where why
		what who whom whose which how if though although even despite since until asked speaking late early
		this that these those it he she they we i you his her their its our my your some many most both all
		any each other another one two three four five across around back over under meanwhile however still
		also now then later earlier here there yes no not according during through into onto upon among
		between against without within about above below near off out up down just only perhaps maybe
		last next every such than too very again once today yesterday tomorrow tonight monday tuesday
		wednesday thursday friday saturday sunday january february march april may june july august
		september october november december whether instead because unless nor either neither hence thus
		indeed already still let like unlike beyond toward towards via per amid amidst following
		including regarding concerning ahead mr mrs ms dr sir shri smt`)
	lx.timeWords = set(`monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night
		week weekend month year day today yesterday tomorrow tonight hour hours minutes moment time
		january february march april may june july august september october november december
		earlier later recently weeks months years days decade`)
	lx.commNouns = set(`statement interview speech address post tweet message letter briefing conference
		broadcast remarks comments video press call phone telephone appearance rally sermon op-ed column
		article podcast session hearing meeting talk talks summit news release communique communiqué
		readout posting x facebook instagram telegram truth social media website blog television radio
		tv channel platform networks network programme program show`)
	lx.adverbs = set(`also later then again further still once previously earlier repeatedly quickly
		himself herself itself themselves yourself myself ourselves too first finally subsequently
		separately similarly likewise reportedly allegedly apparently afterwards afterward simply
		even just never not only however meanwhile today yesterday tonight now recently often
		has had have would will could did does do may might must should shall can was were is are be been being`)
	lx.auxiliaries = set(`is was were are be been being has had have would will could did does do may
		might must should shall can`)
	lx.boundaries = set(`that and but or as when while because although though if whether so yet since
		unless until where whereas which who whom whose what nor than before after once`)
	lx.determiners = set(`the a an one another some several many two three four five both most few other
		its his her their our my your this that these those each every any all`)
	lx.indefinite = set(`a an one another some several many two three four five both most few other
		each any all numerous various`)
	lx.pluralNouns = set(`officials analysts diplomats residents critics sources experts observers people
		leaders lawmakers ministers officers aides advisers advisors protesters demonstrators villagers
		fishermen workers soldiers witnesses activists politicians citizens voters supporters opponents
		commentators economists scholars researchers authorities campaigners locals survivors families
		relatives parents students teachers doctors nurses traders investors executives bankers negotiators
		representatives members delegates participants organisers organizers police spokespeople`)
	lx.particles = set(`out up in`)
	lx.personNouns = set(`resident local citizen woman man mother father wife husband son daughter
		grandmother grandfather widow soldier veteran refugee pensioner retiree student teacher worker farmer
		driver nurse doctor volunteer shopkeeper fisherman fisherwoman owner trader vendor businessman
		businesswoman accountant engineer lawyer priest protester demonstrator voter commuter passenger
		survivor witness neighbour neighbor mechanic builder miner baker waiter waitress cook chef artist
		musician writer journalist reporter blogger programmer developer entrepreneur manager clerk guard
		officer official diplomat analyst expert source aide adviser advisor lawmaker activist medic
		paramedic firefighter policeman policewoman shopper customer tourist visitor villager youth
		teenager girl boy mum mom dad parent employee economist researcher academic professor
		insider operator sociologist councillor councilor pollster trucker electrician grandma grandpa
		official's`)
	lx.quoteNouns = set(`charge claim accusation allegation description characterisation characterization
		label phrase term remark comment assertion jibe insult slur boast phrasing expression word words
		line quip verdict assessment view`)
	lx.surnameTitles = set(`major king marshal bishop judge cardinal prince general`)
	lx.docNouns = set(`statement statements readout readouts communique communiqué declaration letter report reports
		transcript document documents draft text memo note release summary minutes record data figures
		estimate estimates survey poll polls tally post message`)
	lx.orgWords = set(`kremlin pentagon nato un eu who imf opec asean icc iaea osce g7 g20 hamas hezbollah taliban
		vatican knesset bundestag duma politburo interpol unesco unicef unhcr`)
	lx.countryKeys = map[string]string{
		"us": "us", "u.s": "us", "u.s.": "us", "usa": "us", "u.s.a.": "us", "america": "us", "american": "us",
		"americans": "us", "united states": "us", "white house": "us", "washington": "us",
		"uk": "uk", "u.k": "uk", "u.k.": "uk", "britain": "uk", "british": "uk", "united kingdom": "uk",
		"great britain": "uk", "downing street": "uk", "england": "uk", "english": "uk",
		"eu": "eu", "european union": "eu", "un": "un", "united nations": "un",
		"kremlin": "russia", "moscow": "russia", "kyiv": "ukraine", "kiev": "ukraine", "beijing": "china", "china": "china",
		"chinese": "china", "france": "france", "french": "france", "elysee": "france", "élysée": "france",
		"netherlands": "netherlands", "dutch": "netherlands", "swiss": "switzerland", "switzerland": "switzerland",
		"irish": "ireland", "ireland": "ireland", "danish": "denmark", "denmark": "denmark", "dane": "denmark",
		"swedish": "sweden", "sweden": "sweden", "finnish": "finland", "finland": "finland", "polish": "poland",
		"poland": "poland", "spanish": "spain", "spain": "spain", "greek": "greece", "greece": "greece",
		"turkish": "turkey", "turkey": "turkey", "türkiye": "turkey", "czech": "czech", "czechia": "czech",
		"czech republic": "czech", "filipino": "philippines", "philippines": "philippines", "thai": "thailand",
		"thailand": "thailand", "emirati": "uae", "uae": "uae", "saudi": "saudi", "saudi arabia": "saudi",
		"israeli": "israel", "israel": "israel", "iraqi": "iraq", "iraq": "iraq", "pakistani": "pakistan",
		"pakistan": "pakistan", "afghan": "afghanistan", "afghanistan": "afghanistan", "welsh": "wales",
		"scottish": "scotland", "scot": "scotland", "icelandic": "iceland", "norwegian": "norway",
		"new zealand": "new zealand", "kiwi": "new zealand", "german": "germany", "germany": "germany",
		"berlin": "germany", "london": "uk", "paris": "france", "tokyo": "japan", "japanese": "japan",
		"new delhi": "india", "delhi": "india", "indian": "india", "india": "india", "tehran": "iran",
		"iranian": "iran", "iran": "iran", "nato": "nato", "europe": "europe", "european": "europe",
		"asia": "asia", "asian": "asia", "africa": "africa", "african": "africa", "middle east": "middle east",
		"latin america": "latin america", "west": "west", "western": "west",
	}
	// The plural of every role and person noun is a plural noun
	// ("councillors", "presidents").
	for w := range lx.personNouns {
		if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "man") {
			lx.pluralNouns[w+"s"] = true
		}
	}
	for w := range lx.personHeads {
		if !strings.ContainsRune(w, ' ') && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "man") {
			lx.pluralNouns[w+"s"] = true
		}
	}
	lx.addPlaces(placesData)
	lx.flags = lx.buildFlags()
	return lx
}

// placesData lists countries and the words that stand for them (names,
// demonyms, capitals): see its header.
//
//go:embed data/places.tsv
var placesData string

// addPlaces adds the country words of placesData to countryKeys. A country
// some of whose words are there already keeps that key ("american" is "us").
func (lx *wordLists) addPlaces(data string) {
	for line := range strings.SplitSeq(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		key, list, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		ws := strings.Split(list, ";")
		for _, w := range ws {
			if k, known := lx.countryKeys[w]; known {
				key = k
				break
			}
		}
		for _, w := range ws {
			if _, known := lx.countryKeys[w]; !known && w != "" {
				lx.countryKeys[w] = key
			}
		}
	}
}

// addVerb adds every form of one verb spec: "base[:past[:ing[:pastpart]]][+particle]".
func (lx *wordLists) addVerb(spec string) {
	particle := ""
	if i := strings.IndexByte(spec, '+'); i >= 0 {
		spec, particle = spec[:i], spec[i+1:]
	}
	parts := strings.Split(spec, ":")
	base := parts[0]
	past, ing, pp := regularPast(base), regularIng(base), ""
	if len(parts) > 1 {
		past = parts[1]
	}
	if len(parts) > 2 {
		ing = parts[2]
	}
	if len(parts) > 3 {
		pp = parts[3]
	}
	put := func(form string, f verbForm) {
		old, ok := lx.verbs[form]
		if ok && particle != "" && len(old.particles) > 0 && old.base == base {
			old.particles = append(old.particles, particle) // "hit out", "hit back"
			lx.verbs[form] = old
			return
		}
		if ok && f == vfBase {
			return
		}
		v := verbInfo{base: base, form: f}
		if particle != "" {
			v.particles = []string{particle}
		}
		lx.verbs[form] = v
	}
	put(base, vfBase)
	put(thirdPerson(base), vfFinite)
	put(past, vfFinite)
	put(ing, vfParticiple)
	if pp != "" && pp != past {
		put(pp, vfPastPart)
	}
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "s"), strings.HasSuffix(b, "sh"), strings.HasSuffix(b, "ch"),
		strings.HasSuffix(b, "x"), strings.HasSuffix(b, "z"), strings.HasSuffix(b, "o"):
		return b + "es"
	case len(b) > 1 && b[len(b)-1] == 'y' && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func regularPast(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case len(b) > 1 && b[len(b)-1] == 'y' && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

func regularIng(b string) string {
	if strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee") {
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

// countryKey folds a country name or demonym to a comparable key: "US",
// "United States" and "American" give the same key, as do "Russia" and
// "Russian".
func (lx *wordLists) countryKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	if k, ok := lx.countryKeys[s]; ok {
		return k
	}
	if strings.ContainsRune(s, ' ') {
		return s
	}
	for _, suf := range []string{"ians", "ian", "eans", "ean", "ese", "ish", "ans", "an", "ia", "i", "a", "y", "e"} {
		if strings.HasSuffix(s, suf) && len(s)-len(suf) >= 4 {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}
