// Package diag holds positioned diagnostics: every problem the generator
// finds in content, configuration or templates is a Diagnostic with the
// file, line and column it comes from, an optional hint, and a severity.
//
// Library packages never print: they return a List, and the command line
// decides how to show it (see List.Format).
package diag

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a source file. Line and Col start at 1; Col counts
// Unicode characters (runes), as editors do. A zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats the position as file:line:col, file:line or file. The
// file name goes through Escape, so a name holding a line break or a
// terminal escape cannot forge a line of output.
func (p Pos) String() string {
	file := Escape(p.File)
	switch {
	case p.Line <= 0:
		return file
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", file, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", file, p.Line, p.Col)
}

// Escape returns s with every rune that is not graphic written as Go's
// strconv.Quote writes it, without the quotes: control characters (\n,
// \r, \t, \x1b), format characters (bidirectional overrides, zero-width
// spaces, U+00AD), the line and paragraph separators U+2028 and U+2029,
// private-use and unassigned code points, and bytes that are not UTF-8
// (\xff). Letters with accents, symbols and spaces, including the
// no-break spaces of French typography, stay as they are. Backslashes are
// not doubled: the result is for people and log annotators to read, not
// to be unquoted.
func Escape(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f { // printable ASCII: the common case
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !unicode.IsGraphic(r) {
			break
		}
		i += size
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsGraphic(r):
			b.WriteString(s[i : i+size])
		default:
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u2028'
			b.WriteString(q[1 : len(q)-1])
		}
		i += size
	}
	return b.String()
}

// Less orders positions by file, then line, then column.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Severity tells whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build and makes `cpts check` exit 1.
	Error Severity = iota
	// Warning is reported but does not stop anything.
	Warning
)

// String returns "error" or "warning".
func (s Severity) String() string {
	if s == Warning {
		return "warning"
	}
	return "error"
}

// Diagnostic is one problem at one position.
type Diagnostic struct {
	Pos      Pos
	Severity Severity
	Code     Code   // stable identifier, documented in codes.go
	Msg      string // what is wrong, lower case, no final period
	Hint     string // what to do about it; may be empty
}

// String formats the diagnostic the way compilers and vet do, so editors
// and CI annotators can jump to it:
//
//	content/cpts/lunel/communes.toml:4:3: error: unknown INSEE code "34999"
//		hint: did you mean 34299 (Saint-Pargoire)?
//
// The file name, the message and each line of the hint go through Escape:
// they may quote file names and content, and the only line breaks in the
// result are the ones before "hint:".
func (d Diagnostic) String() string { return d.Format(English) }

// Words are the words the text form of a diagnostic puts around its
// message: the severities and the label of the hint.
type Words struct {
	Error, Warning, Hint string
}

// English are the words of Diagnostic.String.
var English = Words{Error: "error", Warning: "warning", Hint: "hint"}

// Severity returns the word for a severity.
func (w Words) Severity(s Severity) string {
	if s == Warning {
		return w.Warning
	}
	return w.Error
}

// Format writes the diagnostic as String does, with the given words.
func (d Diagnostic) Format(w Words) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %s", d.Pos, w.Severity(d.Severity), Escape(d.Msg))
	if d.Code != "" {
		fmt.Fprintf(&b, " [%s]", Escape(string(d.Code)))
	}
	for _, line := range d.HintLines() {
		b.WriteString("\n\t" + w.Hint + ": ")
		b.WriteString(line)
	}
	return b.String()
}

// HintLines returns the lines of the hint, each through Escape, or nil
// when there is no hint. A hint may span lines; no line holds a line break.
func (d Diagnostic) HintLines() []string {
	if d.Hint == "" {
		return nil
	}
	lines := strings.Split(d.Hint, "\n")
	for i, line := range lines {
		lines[i] = Escape(line)
	}
	return lines
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, code Code, format string, args ...any) *Diagnostic {
	return l.add(pos, Error, code, fmt.Sprintf(format, args...))
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, code Code, format string, args ...any) *Diagnostic {
	return l.add(pos, Warning, code, fmt.Sprintf(format, args...))
}

func (l *List) add(pos Pos, sev Severity, code Code, msg string) *Diagnostic {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Code: code, Msg: msg})
	return &(*l)[len(*l)-1]
}

// Append adds all diagnostics of other.
func (l *List) Append(other List) { *l = append(*l, other...) }

// WithHint sets the hint of a diagnostic returned by Errorf or Warnf. It must
// be called before anything else is added to the list.
func (d *Diagnostic) WithHint(format string, args ...any) {
	d.Hint = fmt.Sprintf(format, args...)
}

// Sort orders the list by position, then severity, then message, and drops
// exact duplicates, so output is stable whatever order checks ran in.
func (l List) Sort() List {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.Pos != b.Pos {
			return a.Pos.Less(b.Pos)
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Msg < b.Msg
	})
	out := l[:0]
	for i, d := range l {
		if i > 0 && d == l[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Counts returns the number of errors and of warnings.
func (l List) Counts() (errors, warnings int) {
	for _, d := range l {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// HasErrors reports whether the list holds at least one error.
func (l List) HasErrors() bool {
	n, _ := l.Counts()
	return n > 0
}

// Err returns nil when the list has no error, and an error that carries the
// list otherwise.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return ErrorList(l)
}

// ErrorList is a List used as an error value.
type ErrorList List

// Error returns the first error and how many more there are.
func (e ErrorList) Error() string {
	l := List(e)
	n, _ := l.Counts()
	for _, d := range l {
		if d.Severity == Error {
			if n > 1 {
				return fmt.Sprintf("%s (and %d more errors)", d, n-1)
			}
			return d.String()
		}
	}
	return "no errors"
}

// Summary returns a one-line count such as "2 errors, 1 warning".
func (l List) Summary() string {
	e, w := l.Counts()
	return plural(e, "error") + ", " + plural(w, "warning")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
