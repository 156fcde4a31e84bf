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
func Fold(s string) string {
	if folded(s) {
		return s
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return foldUnicode(s)
		}
	}
	return foldASCII(s)
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

// foldASCII folds a string made of ASCII bytes only.
func foldASCII(s string) string {
	b := make([]byte, 0, len(s))
	gap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			gap = true
			continue
		}
		if gap && len(b) > 0 {
			b = append(b, ' ')
		}
		gap = false
		b = append(b, c)
	}
	return string(b)
}

// foldUnicode folds any string: it decomposes it (NFD), drops the combining
// marks and maps what decomposition leaves alone.
func foldUnicode(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		var out string
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			default:
				gap = true
				continue
			}
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteByte(c)
			continue
		case unicode.Is(unicode.M, r):
			continue // accent left by NFD
		case spell(r) != "":
			out = spell(r)
		case unicode.Is(unicode.Lm, r):
			gap = true // ʼ ʻ and other modifier letters act as apostrophes
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			out = string(unicode.ToLower(r))
		default:
			gap = true
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		gap = false
		b.WriteString(out)
	}
	return b.String()
}

// spell spells out the letters that NFD does not decompose, or returns "".
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
	}
	return ""
}
