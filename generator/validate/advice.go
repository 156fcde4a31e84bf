package validate

import (
	"bytes"
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// Advice: what a published site should say and does not. Nothing here
// stops a build; each finding is a warning with the line to add or change.
// The checks read the whole repository, as the other checks do: a CPTS,
// news item or page outside a site's [scope] is advised on too, and the
// configuration advised on is the one of the site being checked.

// Starter is the text the archetypes of the default theme write where the
// author has something to say (`cpts new`). It is found in any spelling
// that is the same after Unicode NFC (À and é as one character each, or as
// a letter and a combining accent), without its accent ("A compléter"),
// and with any white space between the words. A site that overrides the
// archetypes with its own starter text is not advised on it.
const Starter = "À compléter"

// adviseCPTS warns about a CPTS that the public cannot reach, and about
// starter text left in its summary or presentation.
func (v *validator) adviseCPTS(c *model.CPTS) {
	// A front matter that did not decode (no key), a website refused and a
	// contact without any channel have their errors.
	if len(c.Keys) > 0 && len(c.Contacts) == 0 && !c.Has("website") && (c.Join == nil || c.Join.Email == "") {
		v.diags.Warnf(c.At("name"), diag.NoContact, "%s has no contact: contacts.toml lists none and index.md has no website, so its page gives no way to reach it", c.Title()).
			WithHint("add to %s/contacts.toml a [[contact]] with a label and an email, phone, form or [contact.address], or website = \"https://…\" to the front matter of %s", c.Dir, c.File)
	}
	v.diags.Append(starter(c.Fields, c.Summary, c.Body, ""))
}

// advise warns about the configuration and about starter text left in the
// free pages. That of news items is found by NewsStarter, called by the
// reader of their texts.
func (v *validator) advise() {
	v.adviseConfig(v.site.Config)
	for _, p := range v.site.Pages {
		v.diags.Append(starter(p.Fields, p.Summary, p.Body, ""))
	}
}

// NewsStarter warns about starter text left in a news item that is not a
// draft: in its summary, or in text, its body as read by the caller. A
// build keeps no news text (model.LazyMarkdown): the check of the bodies
// (build) reads each once for all its findings.
func NewsStarter(n *model.News, text []byte) diag.List {
	if n.Draft {
		return nil
	}
	return starterIn(n.Fields, n.Summary, n.Body.Pos, text, ", or set draft = true until the item is ready")
}

// adviseConfig warns about a configuration without a legal notice, or whose
// accessibility statement names no way to report a problem.
func (v *validator) adviseConfig(cfg model.Config) {
	if cfg.File == "" {
		return // the configuration did not decode: its errors are reported
	}
	if cfg.Legal.IsZero() {
		pos, where := tableAt(cfg, "legal")
		v.diags.Warnf(pos, diag.LegalNotice, "no legal notice: French law (LCEN, article 6) requires a website to name its publisher, its director of publication and its host; the site is built without /mentions-legales/").
			WithHint("add to %s publisher = \"…\", director = \"…\" and host = \"…\" (all three are required), and publisher_address, publisher_email, host_address", where)
	}
	// The statement shows these addresses, else [legal] publisher_email
	// (themes/default/layouts/accessibilite.html).
	if a := cfg.Accessibility; a.ContactEmail == "" && a.ContactURL == "" && cfg.Legal.PublisherEmail == "" {
		pos, where := tableAt(cfg, "accessibility")
		v.diags.Warnf(pos, diag.AccessibilityContact, "the accessibility statement names no contact: the RGAA requires a way to report an accessibility problem, and /accessibilite/ gives none").
			WithHint("add to %s contact_email = \"…\" (an address that answers) or contact_url = \"https://…\" (a contact form)", where)
	}
}

// tableAt returns where to report on a table of the configuration, and
// where a hint adds keys to it: the table itself when it is written (a
// second [name] header would be an error), else the file, under a new one.
func tableAt(cfg model.Config, name string) (diag.Pos, string) {
	if cfg.Has(name) {
		return cfg.At(name), fmt.Sprintf("[%s] of %s", name, cfg.File)
	}
	return diag.Pos{File: cfg.File}, fmt.Sprintf("%s a new [%s] table with", cfg.File, name)
}

// starter warns about the starter text left in a record's summary (at the
// summary's value: inside a TOML string, escapes make columns uncertain)
// and in its body (at each place). more ends the hints.
func starter(f model.Fields, summary string, body model.Markdown, more string) diag.List {
	var diags diag.List
	text, ok := body.Read(&diags)
	if !ok {
		return diags
	}
	return starterIn(f, summary, body.Pos, text, more)
}

// starterIn is starter for a body's text already read, whose first line
// is at pos.
func starterIn(f model.Fields, summary string, pos diag.Pos, text []byte, more string) diag.List {
	var diags diag.List
	if len(starterAt([]byte(summary))) > 0 {
		diags.Warnf(f.At("summary"), diag.StarterText, "starter text %q left in the summary", Starter).
			WithHint("write the summary to publish in its place, or remove the line (summary is optional)%s", more)
	}
	for _, off := range starterAt(text) {
		diags.Warnf(bodyPos(pos, text, off), diag.StarterText, "starter text %q left in the text", Starter).
			WithHint("write the text to publish in its place%s", more)
	}
	return diags
}

// completer is in every spelling of Starter, its é composed or not.
var completer = []byte("compl")

// starterAt returns the byte offsets in s where Starter begins.
func starterAt(s []byte) []int {
	var at []int
	for i := 0; ; {
		j := bytes.Index(s[i:], completer)
		if j < 0 {
			return at
		}
		j += i
		i = j + len(completer)
		if start := capitalABefore(s, j); start >= 0 && completerAt(s, j) {
			at = append(at, start)
		}
	}
}

// capitalABefore returns where the word "À" (or "A") begins that comes
// before s[j:] with white space between, or -1.
func capitalABefore(s []byte, j int) int {
	k := j
	for k > 0 {
		r, n := utf8.DecodeLastRune(s[:k])
		if !unicode.IsSpace(r) {
			break
		}
		k -= n
	}
	if k == j || k == 0 {
		return -1
	}
	switch r, n := utf8.DecodeLastRune(s[:k]); {
	case r == 'A' || r == 'À':
		k -= n
	case r == '\u0300' && k-n > 0 && s[k-n-1] == 'A': // A and a combining grave accent
		k -= n + 1
	default:
		return -1
	}
	if r, _ := utf8.DecodeLastRune(s[:k]); k > 0 && inWord(r) {
		return -1
	}
	return k
}

// completerAt reports whether the word "compléter" begins at s[j:].
func completerAt(s []byte, j int) bool {
	rest := s[j:]
	switch {
	case bytes.HasPrefix(rest, []byte("compléter")):
		rest = rest[len("compléter"):]
	case bytes.HasPrefix(rest, []byte("comple\u0301ter")): // e and a combining acute accent
		rest = rest[len("comple\u0301ter"):]
	default:
		return false
	}
	r, _ := utf8.DecodeRune(rest)
	return len(rest) == 0 || !inWord(r)
}

// inWord reports whether r continues a word: a letter, a digit or an accent.
func inWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// bodyPos returns the position of the byte at off in a Markdown body
// whose first line is at pos.
func bodyPos(pos diag.Pos, text []byte, off int) diag.Pos {
	src := text[:off]
	p := pos
	if nl := bytes.LastIndexByte(src, '\n'); nl >= 0 {
		p.Line += bytes.Count(src, []byte{'\n'})
		p.Col = 1 + utf8.RuneCount(src[nl+1:])
	} else {
		p.Col += utf8.RuneCount(src)
	}
	return p
}
