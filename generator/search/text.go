package search

import (
	"slices"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/fold"
)

// The French matching helpers. search.js implements the same functions
// (fold, key, words, stem) and testdata/text.json holds the cases both test
// suites check, so the index (built here) and the query (folded in the
// browser) agree.

// Key returns the form two names must share to be the same name: fold.Name
// (case, accents, punctuation, St/Ste spelt out, leading article dropped).
// A query whose key equals a document's key is an exact match.
//
//	Key("Le Lion-d'Angers") == Key("lion d angers") == "lion d angers"
func Key(s string) string { return fold.Name(s) }

// Words splits s into folded words, with the abbreviations "st", "ste",
// "sts" and "stes" spelt out, as fold.Name does. Apostrophes and hyphens
// separate words, so "Saint-Laurent-d'Aigouze" gives saint, laurent, d,
// aigouze. Articles are kept: they are optional in a query (Particle).
func Words(s string) []string {
	f := fold.Fold(s)
	if f == "" {
		return nil
	}
	words := strings.Split(f, " ")
	for i, w := range words {
		if long := expand(w); long != "" {
			words[i] = long
		}
	}
	return words
}

// expand returns the long form of an abbreviated folded word, or "".
func expand(w string) string {
	switch w {
	case "st":
		return "saint"
	case "ste":
		return "sainte"
	case "sts":
		return "saints"
	case "stes":
		return "saintes"
	}
	return ""
}

// particles are the articles and prepositions of French place names that a
// query may add or leave out: "lion d angers", "saint laurent aigouze".
var particles = []string{"d", "de", "des", "du", "l", "la", "le", "les"}

// Particle reports whether the folded word w is optional in a query
// because names carry it or not as people write them.
func Particle(w string) bool { return contains(particles, w) }

// stopWords are the French function words left out of prose (news text,
// mission summaries) and ignored in a query matched against prose. Sorted.
var stopWords = []string{
	"a", "afin", "ai", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette", "d", "dans", "de",
	"des", "du", "elle", "elles", "en", "est", "et", "etre", "il", "ils", "j", "l", "la", "le",
	"les", "leur", "leurs", "lui", "m", "mais", "n", "ne", "nous", "on", "ont", "ou", "par",
	"pas", "plus", "pour", "qu", "que", "qui", "s", "sa", "sans", "se", "ses", "son", "sont",
	"sur", "t", "un", "une", "vous", "y",
}

// stopSet holds stopWords, for StopWord: it is called on every word of
// every news item.
var stopSet = setOf(stopWords)

// StopWord reports whether the folded word w is left out of prose.
func StopWord(w string) bool {
	if len(w) > maxStopLen {
		return false
	}
	_, ok := stopSet[w]
	return ok
}

// maxStopLen is the length of the longest stop word.
var maxStopLen = len(slices.MaxFunc(stopWords, func(a, b string) int { return len(a) - len(b) }))

func setOf(list []string) map[string]struct{} {
	m := make(map[string]struct{}, len(list))
	for _, s := range list {
		m[s] = struct{}{}
	}
	return m
}

func contains(list []string, w string) bool {
	for _, s := range list {
		if s == w {
			return true
		}
	}
	return false
}

// Stem is a light French stemmer for prose, applied to a folded word: it
// removes the marks of plural and feminine and the -er of infinitives, so
// "signée", "signées" and "signer" share "sign", and "journaux" gives
// "journal". Words holding a digit, and words of three letters or fewer,
// are kept. Proper names (communes, CPTS) are never stemmed. The rules, in
// order:
//
//  1. -eaux → -eau; else -aux → -al (5 letters or more); else a final -s or
//     -x is dropped (4 letters or more);
//  2. up to two final -e are dropped while the word keeps 4 letters;
//  3. a final -er is dropped when 4 letters remain.
func Stem(w string) string {
	if len(w) <= 3 || hasDigit(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "eaux"):
		w = w[:len(w)-1]
	case len(w) >= 5 && strings.HasSuffix(w, "aux"):
		w = w[:len(w)-3] + "al"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"):
		w = w[:len(w)-1]
	}
	for i := 0; i < 2 && len(w) > 4 && strings.HasSuffix(w, "e"); i++ {
		w = w[:len(w)-1]
	}
	if len(w) > 5 && strings.HasSuffix(w, "er") {
		w = w[:len(w)-2]
	}
	return w
}

// hasDigit reports whether w holds an ASCII digit.
func hasDigit(w string) bool {
	for i := 0; i < len(w); i++ {
		if '0' <= w[i] && w[i] <= '9' {
			return true
		}
	}
	return false
}

// Terms returns the distinct stems of the words of a prose text, stop
// words left out, in their order of first appearance (slices of the text
// folded: a vocab copies those it keeps). The text may come in
// parts, read as if joined by spaces: Terms(a, b) == Terms(a + " " + b),
// without the copy.
func Terms(parts ...string) []string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]string, 0, n/16) // French prose has a new stem every 19 bytes or so
	seen := seenPool.Get().(map[string]struct{})
	defer func() {
		clear(seen)
		seenPool.Put(seen)
	}()
	for _, p := range parts {
		// The words of Words(p), without the slice.
		for f := fold.Fold(p); f != ""; {
			var w string
			w, f, _ = strings.Cut(f, " ")
			if long := expand(w); long != "" {
				w = long
			}
			if StopWord(w) {
				continue
			}
			t := Stem(w)
			if _, dup := seen[t]; !dup {
				seen[t] = struct{}{}
				out = append(out, t)
			}
		}
	}
	if len(out) == 0 {
		return nil // not an empty list, which a caller could tell apart
	}
	return out
}

// seenPool holds the sets of stems Terms has seen, emptied: a set grows to
// a few hundred stems for each of thousands of news items, read on every
// core.
var seenPool = sync.Pool{New: func() any { return map[string]struct{}{} }}

// digit reports whether w starts with a digit: a postal code, an INSEE or
// département code. Such words match by prefix only, never with a typo.
func digit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// MinTypoLen is the length from which a query word may hold one typo.
const MinTypoLen = 5

// distance returns the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of two neighbours each
// count 1), or 2 when it is more than 1. Words are folded ASCII.
func distance(a, b string) int {
	if a == b {
		return 0
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return 2
	}
	// Skip the common prefix; one edit must explain the rest.
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	a, b = a[i:], b[i:]
	switch {
	case len(a) == len(b):
		if a[1:] == b[1:] {
			return 1 // substitution
		}
		if len(a) >= 2 && a[0] == b[1] && a[1] == b[0] && a[2:] == b[2:] {
			return 1 // swap
		}
	case len(a) == len(b)+1:
		if a[1:] == b {
			return 1 // a has one letter more
		}
	default:
		if b[1:] == a {
			return 1
		}
	}
	return 2
}

// typoPrefix reports whether q is, with one typo, w or the start of w:
// some prefix of w (w itself included) at most one letter longer or
// shorter than q is at distance 1 or less.
func typoPrefix(q, w string) bool {
	for n := len(q) - 1; n <= len(q)+1; n++ {
		if n >= 1 && n <= len(w) && distance(q, w[:n]) <= 1 {
			return true
		}
	}
	return false
}
