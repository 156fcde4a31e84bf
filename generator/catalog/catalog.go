// Package catalog translates what the command line and the serve error
// page say to people: diagnostics, their hints and the summaries around
// them.
//
// Messages are written in English where they are made, with fmt verbs.
// A catalogue maps each English format to its translation. Translating a
// rendered message finds the format it was made from (the one with the
// most literal text that matches it whole), reads the values the verbs
// produced, translates those that are themselves catalogue messages (a
// wrapped error, a reason), and writes them into the translated format.
// The code that makes messages thus stays as it is, and messages built
// from several parts translate part by part.
package catalog

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/diag"
)

// Languages lists the languages a catalogue exists for; English is the
// language of the code, French the default of a French site.
var Languages = []string{"en", "fr"}

// Catalog translates messages into one language. The English catalogue
// returns every message as it is.
type Catalog struct {
	lang    string
	words   diag.Words
	exact   map[string]string // formats without verbs
	entries []entry           // formats with verbs, most literal text first
	nouns   map[string][2]string
	plural  func(n int) bool
}

// entry is one format with verbs: the expression that matches what it
// renders, and its translation.
type entry struct {
	source   string
	literal  int    // bytes of literal text
	needle   string // its longest piece, which a match contains
	re       *regexp.Regexp
	verbatim []bool  // captures of %q and %d: data, never translated
	target   []piece // the translation
}

// piece is literal text (arg < 0) or the value of the English format's
// verb number arg.
type piece struct {
	text string
	arg  int
}

// For returns the catalogue of a language, or nil and false when there
// is none. The empty string is English.
func For(lang string) (*Catalog, bool) {
	switch lang {
	case "", "en":
		return english, true
	case "fr":
		return french(), true
	}
	return nil, false
}

var english = &Catalog{
	lang:   "en",
	words:  diag.English,
	nouns:  map[string][2]string{"news": {"news", "news"}},
	plural: func(n int) bool { return n != 1 },
}

var french = sync.OnceValue(func() *Catalog {
	c, err := compile("fr", frenchWords, merge(frenchMessages, frenchTOML), frenchNouns)
	if err != nil {
		panic(err) // the catalogue is code: its test fails first
	}
	c.plural = func(n int) bool { return n > 1 }
	return c
})

// merge returns the entries of both maps.
func merge(a, b map[string]string) map[string]string {
	m := make(map[string]string, len(a)+len(b))
	for k, v := range a {
		m[k] = v
	}
	for k, v := range b {
		m[k] = v
	}
	return m
}

// Lang returns the catalogue's language code, as for an HTML lang attribute.
func (c *Catalog) Lang() string { return c.lang }

// Words returns the words a diagnostic's text form uses around its message.
func (c *Catalog) Words() diag.Words { return c.words }

// Text translates one rendered message; a message the catalogue does not
// know is returned as it is.
func (c *Catalog) Text(s string) string {
	t, _ := c.translate(s)
	return t
}

// Sprintf formats the English message, then translates it (see Text).
func (c *Catalog) Sprintf(format string, args ...any) string {
	return c.Text(fmt.Sprintf(format, args...))
}

// Lines translates a text line by line; lines the catalogue does not
// know (a table of timings) stay as they are.
func (c *Catalog) Lines(s string) string {
	if c == english {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = c.Text(line)
	}
	return strings.Join(lines, "\n")
}

// Count writes n and the noun, in the plural when the language says so:
// "0 erreur" in French, "0 errors" in English. The noun is given in
// English, singular.
func (c *Catalog) Count(n int, noun string) string {
	one, many := noun, noun+"s"
	if f, ok := c.nouns[noun]; ok {
		one, many = f[0], f[1]
	}
	if c.plural(n) {
		return fmt.Sprintf("%d %s", n, many)
	}
	return fmt.Sprintf("%d %s", n, one)
}

// Summary counts the errors and warnings of a list: "2 erreurs, 0 avertissement".
func (c *Catalog) Summary(l diag.List) string {
	e, w := l.Counts()
	return c.Count(e, "error") + ", " + c.Count(w, "warning")
}

// Diagnostic returns d with its message and hint translated.
func (c *Catalog) Diagnostic(d diag.Diagnostic) diag.Diagnostic {
	d.Msg, _ = c.translate(d.Msg)
	d.Hint, _ = c.translateHint(d.Hint)
	return d
}

// List returns a copy of l with every diagnostic translated.
func (c *Catalog) List(l diag.List) diag.List {
	if c == english || l == nil {
		return l
	}
	out := make(diag.List, len(l))
	for i, d := range l {
		out[i] = c.Diagnostic(d)
	}
	return out
}

// Complete reports whether the catalogue knows the message and hint of d,
// and the text of the first it does not know.
func (c *Catalog) Complete(d diag.Diagnostic) (string, bool) {
	if _, ok := c.translate(d.Msg); !ok {
		return d.Msg, false
	}
	if _, ok := c.translateHint(d.Hint); !ok {
		return d.Hint, false
	}
	return "", true
}

// translateHint translates a hint whole, else line by line.
func (c *Catalog) translateHint(h string) (string, bool) {
	if h == "" {
		return "", true
	}
	if t, ok := c.translate(h); ok || !strings.Contains(h, "\n") {
		return t, ok
	}
	lines := strings.Split(h, "\n")
	all := true
	for i, line := range lines {
		var ok bool
		lines[i], ok = c.translate(line)
		all = all && ok
	}
	return strings.Join(lines, "\n"), all
}

// translate returns the translation of s and whether the catalogue knew it.
func (c *Catalog) translate(s string) (string, bool) {
	if c.exact == nil {
		return s, true
	}
	t, score := c.best(s)
	return t, score > 0
}

// best finds the translation of s that covers the most of it: of the
// formats that match s whole, the one whose literal text, plus that of
// the translations of its values, is the longest ("%s: %v" around a
// known message beats "%s or %s" around unknown ones). It returns s and
// 0 when no format matches.
func (c *Catalog) best(s string) (string, int) {
	if t, ok := c.exact[s]; ok {
		return t, len(s)
	}
	bestText, bestScore := s, 0
	for i := range c.entries {
		e := &c.entries[i]
		if bestScore >= len(s) {
			break // all of s is translated
		}
		if !strings.Contains(s, e.needle) {
			continue // cheaper than the expression, and most often enough
		}
		m := e.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		score := e.literal
		values := make([]string, len(m)-1)
		for j, v := range m[1:] {
			values[j] = v
			if !e.verbatim[j] && v != "" {
				if t, n := c.best(v); n > 0 {
					values[j], score = t, score+n
				}
			}
		}
		if score <= bestScore {
			continue
		}
		var b strings.Builder
		for _, p := range e.target {
			if p.arg < 0 {
				b.WriteString(p.text)
			} else {
				b.WriteString(values[p.arg])
			}
		}
		bestText, bestScore = b.String(), score
	}
	return bestText, bestScore
}

// compile builds a catalogue from English formats and their translations.
func compile(lang string, words diag.Words, messages map[string]string, nouns map[string][2]string) (*Catalog, error) {
	c := &Catalog{lang: lang, words: words, exact: map[string]string{}, nouns: nouns}
	for src, dst := range messages {
		from, err := parseFormat(src)
		if err != nil {
			return nil, fmt.Errorf("%q: %v", src, err)
		}
		to, err := parseFormat(dst)
		if err != nil {
			return nil, fmt.Errorf("%q: %v", dst, err)
		}
		if err := sameArgs(from, to); err != nil {
			return nil, fmt.Errorf("%q → %q: %v", src, dst, err)
		}
		for i, a := range from.args {
			if a != i {
				return nil, fmt.Errorf("%q: an English format prints its arguments in order, once each", src)
			}
		}
		if len(from.verbs) == 0 {
			c.exact[from.literal()] = to.literal()
			continue
		}
		if from.literalLen() == 0 {
			return nil, fmt.Errorf("%q: a format of verbs only would match any message", src)
		}
		e := entry{source: src, literal: from.literalLen(), needle: from.longestText(), re: from.regexp(), target: to.pieces()}
		for _, v := range from.verbs {
			e.verbatim = append(e.verbatim, v == 'q' || v == 'd')
		}
		c.entries = append(c.entries, e)
	}
	sort.Slice(c.entries, func(i, j int) bool {
		a, b := c.entries[i], c.entries[j]
		if a.literal != b.literal {
			return a.literal > b.literal
		}
		return a.source < b.source
	})
	return c, nil
}
