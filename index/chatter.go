package index

// Members wrap a half-remembered quote in chatter: "did trump really say
// …", "who was it that said …", "someone said … who was that", "… lol".
// stripChatter takes it off both ends, so that it neither counts against a
// quote nor stands in the exact phrase; a name typed in it ("did trump
// really say") is kept as a hint for ranking, never as a condition.

// chatterPronouns stand where a name would in "did X say": no hint.
var chatterPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "someone": true, "somebody": true, "anyone": true,
	"anybody": true, "you": true, "i": true, "we": true, "it": true, "that": true, "this": true, "one": true,
}

// chatterAdverbs may stand between the subject and "say".
var chatterAdverbs = map[string]bool{
	"really": true, "actually": true, "ever": true, "once": true, "seriously": true, "just": true,
	"truly": true, "honestly": true, "recently": true, "also": true,
}

var sayVerbs = map[string]bool{"say": true, "said": true, "says": true, "tell": true, "told": true, "claim": true,
	"claimed": true, "wrote": true, "tweeted": true, "posted": true, "stated": true}

// stripChatter returns the words of the quote in ws and the words of a name
// typed in the chatter around it.
func stripChatter(ki *keyIndex, ws []queryWord, isName func(string) bool) (core []queryWord, hint []string) {
	lx := ki.lx
	low := func(i int) string {
		if i >= 0 && i < len(ws) {
			return ws[i].low
		}
		return ""
	}
	// isChat: a chat word at an edge ("lol", "omg", "pls") that stands in
	// no quote.
	isChat := func(w string) bool {
		if !lx.IsChat(w) {
			return false
		}
		_, inQuotes := ki.ids[lx.Lemma(w)]
		return !inQuotes
	}
	// say: a say verb at k, or "call it" ("did zakharova call it …",
	// "who called it …"); sayLen is how many words it takes.
	say := func(k int) bool {
		switch low(k) {
		case "call", "called", "calls", "calling":
			o := low(k + 1)
			return o == "it" || o == "this" || o == "that" || o == "them"
		}
		return sayVerbs[low(k)]
	}
	sayLen := func(k int) int {
		if sayVerbs[low(k)] {
			return 1
		}
		return 2
	}
	start, end := 0, len(ws)
	for changed := true; changed && end-start > 1; {
		changed = false
		i := start
		switch {
		case low(i) == "who" && say(i+1):
			start += 1 + sayLen(i+1)
		case low(i) == "was" && low(i+1) == "it" && isName != nil && isName(low(i+2)):
			// was it ushakov who said …
			j := i + 2
			for j < end && j < i+5 && isName(low(j)) {
				j++
			}
			if (low(j) == "who" || low(j) == "that") && j+1 < end-1 && sayVerbs[low(j+1)] {
				for _, w := range ws[i+2 : j] {
					hint = append(hint, w.low)
				}
				start = j + 2
			}
		case low(i) == "who" && chatterAdverbs[low(i+1)] && sayVerbs[low(i+2)]:
			start += 3
		case (low(i) == "something" || low(i) == "smth" || low(i) == "stuff") && low(i+1) == "like" && i > 0:
			start += 2
		case low(i) == "which" && (sayVerbs[low(i+2)] || sayVerbs[low(i+3)]):
			// which minister said …
			j := i + 1
			for !sayVerbs[low(j)] {
				j++
			}
			start = j + 1
		case low(i) == "who" && (low(i+1) == "was" || low(i+1) == "is") && low(i+2) == "it" &&
			(low(i+3) == "that" || low(i+3) == "who") && sayVerbs[low(i+4)]:
			start += 5
		case low(i) == "who's" && low(i+1) == "the" && low(i+2) == "one" && (low(i+3) == "that" || low(i+3) == "who") && sayVerbs[low(i+4)]:
			start += 5
		case (low(i) == "someone" || low(i) == "somebody" || low(i) == "anyone") && sayVerbs[low(i+1)]:
			start += 2
		case (low(i) == "someone" || low(i) == "somebody") && chatterAdverbs[low(i+1)] && sayVerbs[low(i+2)]:
			start += 3
		case low(i) == "did" || low(i) == "didn't" || low(i) == "didnt" || low(i) == "does" || low(i) == "has":
			// did X [really] say
			j := i + 1
			for j < end && j <= i+3 && !say(j) && !chatterAdverbs[low(j)] {
				j++
			}
			k := j
			for k < end && chatterAdverbs[low(k)] {
				k++
			}
			if j > i+1 && k < end-sayLen(k) && say(k) {
				for _, w := range ws[i+1 : j] {
					if !chatterPronouns[w.low] {
						hint = append(hint, w.low)
					}
				}
				start = k + sayLen(k)
			}
		case low(i) == "is" && low(i+1) == "it" && low(i+2) == "true":
			start += 3
		case (low(i) == "i" || low(i) == "we") && (low(i+1) == "heard" || low(i+1) == "read"):
			start += 2
		case low(i) == "remember" && low(i+1) == "when":
			start += 2
		case isName != nil && (sayVerbs[low(i+1)] || sayVerbs[low(i+2)] || sayVerbs[low(i+3)]) && isName(low(i)):
			// trump said …, president putin says …: a speaker's name.
			j := i
			for j < end && j < i+3 && isName(low(j)) {
				j++
			}
			k := j
			for k < end && chatterAdverbs[low(k)] {
				k++
			}
			if j > i && k < end-1 && sayVerbs[low(k)] {
				for _, w := range ws[i:j] {
					hint = append(hint, w.low)
				}
				start = k + 1
			}
		case isChat(low(i)):
			start++
		}
		if start != i {
			changed = true
			if start < end && low(start) == "that" && end-start > 2 {
				start++
			}
			continue
		}
		j := end - 1
		switch {
		case isChat(low(j)):
			end--
		case low(j) == "right" && end-start > 3:
			end--
		case (low(j) == "that" || low(j) == "it") && (low(j-1) == "was" || low(j-1) == "is") && low(j-2) == "who":
			end -= 3
		case (low(j) == "that" || low(j) == "it" || low(j) == "this") && sayVerbs[low(j-1)] && low(j-2) == "who":
			end -= 3
		case sayVerbs[low(j)] && low(j-1) == "who":
			end -= 2
		case low(j) == "something" && low(j-1) == "or":
			end -= 2
		case isName != nil && (low(j-1) == "it" || low(j-1) == "that") && low(j-2) == "was" && isName(low(j)):
			// … was it trump
			hint = append(hint, low(j))
			end -= 3
		case isName != nil && (low(j-2) == "it" || low(j-2) == "that") && low(j-3) == "was" && isName(low(j-1)) && isName(low(j)):
			hint = append(hint, low(j-1), low(j))
			end -= 4
		}
		if end != j+1 {
			changed = true
		}
	}
	if end-start < 1 {
		return ws, nil
	}
	return ws[start:end], hint
}
