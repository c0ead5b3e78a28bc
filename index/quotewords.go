package index

import "unicode/utf8"

// wordEnd is the byte offset where the word starting at off ends, as
// wordSpans delimits words.
func wordEnd(text string, off int) int {
	i := off
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		if (r == '\'' || r == '\u2019') && i+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[i+n:]); isWordRune(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}
