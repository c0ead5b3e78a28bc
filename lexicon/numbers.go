package lexicon

import (
	"strconv"
	"strings"
)

type numKind uint8

const (
	numNone    numKind = iota
	numUnit            // one … nine
	numTeen            // zero, ten … nineteen
	numTen             // twenty … ninety
	numHundred         // hundred
	numScale           // thousand, million, billion
)

type numWord struct {
	val     int64
	kind    numKind
	ordinal bool
}

// numberWords is the small word table the number parser builds on.
var numberWords = func() map[string]numWord {
	m := map[string]numWord{}
	card := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
		"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	ord := []string{"zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"}
	for i := range card {
		k := numTeen
		if i >= 1 && i <= 9 {
			k = numUnit
		}
		m[card[i]] = numWord{int64(i), k, false}
		m[ord[i]] = numWord{int64(i), k, true}
	}
	tens := []string{"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	tenOrd := []string{"twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"}
	for i := range tens {
		m[tens[i]] = numWord{int64(20 + 10*i), numTen, false}
		m[tenOrd[i]] = numWord{int64(20 + 10*i), numTen, true}
	}
	m["fourty"] = m["forty"] // a common misspelling
	m["hundred"] = numWord{100, numHundred, false}
	m["hundredth"] = numWord{100, numHundred, true}
	for w, v := range map[string]int64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12} {
		m[w] = numWord{v, numScale, false}
		m[w+"th"] = numWord{v, numScale, true}
	}
	return m
}()

// smallNumbers are the digit strings 0…100, so common numbers cost no
// allocation.
var smallNumbers = func() []string {
	s := make([]string, 101)
	for i := range s {
		s[i] = strconv.Itoa(i)
	}
	return s
}()

func itoa(n int64) string {
	if n >= 0 && n < int64(len(smallNumbers)) {
		return smallNumbers[n]
	}
	return strconv.FormatInt(n, 10)
}

func ordinalSuffix(n int64) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// determiners before a lone "one" that make it a pronoun ("no one", "the one
// who"), which stays a word.
var pronounOne = map[string]bool{"no": true, "any": true, "every": true, "some": true, "each": true,
	"the": true, "this": true, "that": true, "which": true, "someone": true, "anyone": true}

// numberParts returns the number words of a token: one for "forty", two for
// "forty-three"; nil when the token is not made of number words.
func numberParts(tok string, buf *[4]numWord) []numWord {
	parts := buf[:0]
	for tok != "" {
		p, rest, _ := strings.Cut(tok, "-")
		nw, ok := numberWords[p]
		if !ok || len(parts) == len(buf) {
			return nil
		}
		parts = append(parts, nw)
		tok = rest
	}
	return parts
}

// parseNumber reads a number written in words (or digits before a scale word:
// "3 million") at tokens[i:]. It returns the digits ("24", "1st") and the
// count of tokens used (0 when there is no number).
func parseNumber(tokens []string, i int) (string, int) {
	var total, cur, lastScale int64
	last := numNone
	seenAny := false
	used := 0
	ordinal := false
	var buf [4]numWord
	j := i
	// Digits followed by a scale word: "3 million", "1.5 billion".
	if d, ok := parseDigits(tokens[j]); ok && j+1 < len(tokens) {
		if nw, ok := numberWords[tokens[j+1]]; ok && nw.kind == numScale && !nw.ordinal {
			v := d * float64(nw.val)
			if v == float64(int64(v)) {
				return itoa(int64(v)), 2
			}
		}
		return "", 0
	}
loop:
	for j < len(tokens) {
		tok := tokens[j]
		if tok == "and" && (last == numHundred || last == numScale) && j+1 < len(tokens) {
			if parts := numberParts(tokens[j+1], &buf); len(parts) > 0 && parts[0].kind <= numTen {
				j++
				continue
			}
			break
		}
		parts := numberParts(tok, &buf)
		if len(parts) == 0 {
			break
		}
		// Check every part may follow what came before; a token is taken
		// whole or not at all.
		l, c, t, ls := last, cur, total, lastScale
		for k, p := range parts {
			switch p.kind {
			case numUnit:
				if !(l == numNone || l == numTen && c%10 == 0 || l == numHundred || l == numScale) {
					break loop
				}
				c += p.val
			case numTeen:
				if !(l == numNone || l == numHundred || l == numScale) || p.val == 0 && l != numNone {
					break loop
				}
				c += p.val
			case numTen:
				if !(l == numNone || l == numHundred || l == numScale) {
					break loop
				}
				c += p.val
			case numHundred:
				if l == numHundred || l == numScale && c == 0 {
					break loop
				}
				if c == 0 {
					c = 1
				}
				c *= 100
			case numScale:
				if l == numScale && c == 0 || ls != 0 && p.val >= ls {
					break loop
				}
				ls = p.val
				if c == 0 {
					c = 1
				}
				t += c * p.val
				c = 0
			}
			l = p.kind
			if p.ordinal && k != len(parts)-1 {
				break loop
			}
			ordinal = p.ordinal
		}
		last, cur, total, lastScale = l, c, t, ls
		seenAny = true
		j++
		used = j - i
		if ordinal || last == numTeen && cur == 0 {
			break // an ordinal or "zero" ends the number
		}
	}
	if !seenAny {
		return "", 0
	}
	n := total + cur
	if ordinal {
		return strconv.FormatInt(n, 10) + ordinalSuffix(n), used
	}
	return itoa(n), used
}

// parseDigits reads "43", "1,000" or "1.5".
func parseDigits(tok string) (float64, bool) {
	if tok == "" || tok[0] < '0' || tok[0] > '9' {
		return 0, false
	}
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(tok, ",", ""), 64)
	return f, err == nil
}
