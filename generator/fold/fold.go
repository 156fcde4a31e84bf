// Package fold normalises text for matching and searching: lower case, no
// accents, punctuation turned into single spaces.
//
// Fold is the general form, used for slugs, search keys and free text. Name
// adds the French place-name rules needed to match commune names as people
// write them ("St-Étienne", "Lion-d'Angers (Le)").
//
// Both functions are pure and safe for concurrent use. Strings that are
// already folded are returned as is, without allocating.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case, without diacritics (é→e, ç→c), with the
// ligatures œ, æ and ß spelt out (oe, ae, ss), and with every character that
// is not a letter or a digit (apostrophes, hyphens, dots, slashes, other
// punctuation, symbols, white space) turned into a space. Runs of spaces
// collapse to one, and the result is trimmed.
//
//	Fold("L'Haÿ-les-Roses") == "l hay les roses"
//
// Runs of ASCII lower-case words are copied as they are, and the Latin-1
// and Latin Extended-A letters are folded from a table. Other text goes
// through Unicode canonical decomposition (NFD): one rune at a time when
// the rune has no decomposition (« », no-break spaces, €, most other
// scripts), else the whole string at once. All paths give the result of
// the last one (TestEveryRuneMatchesReference, FuzzFold).
func Fold(s string) string {
	if folded(s) {
		return s
	}
	var w writer
	w.b.Grow(len(s)) // seldom longer than s
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if j := same(s, i); j > i {
				w.add(s[i:j])
				i = j
			} else {
				w.ascii(c)
				i++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !w.latin(r) && !w.plain(r, s[i:i+size]) {
			return foldNFD(s)
		}
		i += size
	}
	return w.b.String()
}

// same returns the end of the run of s from i that folds to itself: words
// of ASCII lower-case letters and digits, with single spaces between them.
// The run is empty if s[i] is not such a letter or digit.
func same(s string, i int) int {
	j := i
	for j < len(s) {
		switch c := s[j]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			j++
		case c == ' ' && j > i && j+1 < len(s) && ('a' <= s[j+1] && s[j+1] <= 'z' || '0' <= s[j+1] && s[j+1] <= '9'):
			j += 2
		default:
			return j
		}
	}
	return j
}

// folded reports whether s is already in folded form: only a-z, 0-9 and
// single inner spaces.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// foldNFD folds any string: it decomposes it (NFD), drops the combining
// marks and maps what decomposition leaves alone. Invalid UTF-8 is a
// separator, replaced by a space first: norm copies the rest of a string
// undecomposed when a lead byte lacks the bytes it announces ("\xf2Ț"
// would keep its comma below), so a word would fold differently at the
// end of a text than before a space.
func foldNFD(s string) string {
	s = norm.NFD.String(strings.ToValidUTF8(s, " "))
	var w writer
	w.b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			w.ascii(byte(r))
		case w.latin(r):
		default:
			w.other(r)
		}
	}
	return w.b.String()
}

// writer builds a folded string, turning runs of separators into one
// space between words.
type writer struct {
	b   strings.Builder
	gap bool // a separator was seen since the last word character
}

// add writes word characters.
func (w *writer) add(s string) {
	if w.gap && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.gap = false
	w.b.WriteString(s)
}

// ascii folds one ASCII byte.
func (w *writer) ascii(c byte) {
	switch {
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
	default:
		w.gap = true
		return
	}
	if w.gap && w.b.Len() > 0 {
		w.b.WriteByte(' ')
	}
	w.gap = false
	w.b.WriteByte(c)
}

// plain folds r, encoded as enc, if NFD leaves it as it is, and reports
// whether it did: then the NFD of a string holding r holds r at the same
// place. Combining marks, the only runes NFD may reorder, are dropped
// wherever they are (TestOnlyMarksCombine). Invalid UTF-8 is not plain.
func (w *writer) plain(r rune, enc string) bool {
	if r == utf8.RuneError && len(enc) == 1 || !norm.NFD.IsNormalString(enc) {
		return false
	}
	w.other(r)
	return true
}

// other folds a rune of NFD output that is neither ASCII nor in the
// table of latin.
func (w *writer) other(r rune) {
	switch {
	case unicode.Is(unicode.M, r):
		// accent split off by NFD
	case unicode.Is(unicode.Lm, r):
		w.gap = true // ʼ ʻ and other modifier letters act as apostrophes
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		w.add(string(unicode.ToLower(r)))
	default:
		w.gap = true
	}
}

// latin folds r if it is a Latin-1 or Latin Extended-A letter or symbol
// (U+00C0 to U+017F) or general punctuation (U+2000 to U+206F), and reports
// whether it did.
func (w *writer) latin(r rune) bool {
	switch {
	case 0xC0 <= r && r <= 0x17F:
		if c := latinBase[r-0xC0]; c != '_' {
			w.add(latinBase[r-0xC0 : r-0xC0+1])
		} else if s := spell(r); s != "" {
			w.add(s)
		} else {
			w.gap = true // × ÷
		}
		return true
	case 0x2000 <= r && r <= 0x206F:
		w.gap = true // spaces, dashes, quotes, ellipsis
		return true
	}
	return false
}

// latinBase holds the lower-case base letter of U+00C0 to U+017F, as NFD
// gives it; '_' marks the runes spell handles or that are symbols.
const latinBase = "" +
	"aaaaaa_ceeeeiiii_nooooo__uuuuy__" + // U+00C0
	"aaaaaa_ceeeeiiii_nooooo__uuuuy_y" + // U+00E0
	"aaaaaaccccccccdd__eeeeeeeeeegggg" + // U+0100
	"gggghh__iiiiiiiii___jjkk_llllll_" + // U+0120
	"___nnnnnn___oooooo__rrrrrrssssss" + // U+0140
	"sstttt__uuuuuuuuuuuuwwyyyzzzzzz_" //   U+0160

// spell spells out the letters of U+00C0 to U+017F that NFD does not
// decompose, or returns "".
func spell(r rune) string {
	switch r {
	case 'œ', 'Œ':
		return "oe"
	case 'æ', 'Æ':
		return "ae"
	case 'ß', 'ẞ':
		return "ss"
	case 'ø', 'Ø':
		return "o"
	case 'ł', 'Ł':
		return "l"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'þ', 'Þ':
		return "th"
	case 'ı':
		return "i"
	case 'ħ', 'Ħ':
		return "h"
	case 'ĳ', 'Ĳ':
		return "ij"
	case 'ĸ':
		return "k"
	case 'ŀ', 'Ŀ':
		return "l"
	case 'ŉ', 'ŋ', 'Ŋ':
		return "n"
	case 'ŧ', 'Ŧ':
		return "t"
	case 'ſ':
		return "s"
	}
	return ""
}
