package load

import (
	"bytes"

	"github.com/cpts-fr/cpts/generator/diag"
)

// document is a Markdown file split into its TOML front matter and body.
type document struct {
	front     []byte
	frontLine int // line of the first front-matter line in the file
	body      []byte
	bodyLine  int // line of the first body line in the file
}

// splitFrontMatter splits a Markdown file whose first line is "+++" and
// whose front matter ends at the next "+++" line. Trailing blanks and CRLF
// are accepted on the delimiter lines.
func splitFrontMatter(src source, diags *diag.List) (document, bool) {
	text := src.text
	first, rest, _ := cutLine(text)
	switch {
	case isDelimiter(first, "+++"):
	case isDelimiter(first, "---"):
		d := diags.Errorf(diag.Pos{File: src.path, Line: 1, Col: 1}, diag.FrontMatter, "YAML front matter (---) is not supported")
		d.WithHint("write the front matter in TOML between two +++ lines")
		return document{}, false
	default:
		d := diags.Errorf(diag.Pos{File: src.path, Line: 1, Col: 1}, diag.FrontMatter, "missing front matter: the file must start with a +++ line")
		d.WithHint("add a line +++, the TOML fields (title = \"...\"), and another +++ line before the text")
		return document{}, false
	}
	off := len(text) - len(rest)
	line := 2
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		if isDelimiter(l, "+++") {
			body := next
			return document{
				front:     text[off : len(text)-len(rest)],
				frontLine: 2,
				body:      body,
				bodyLine:  line + 1,
			}, true
		}
		rest = next
		line++
	}
	d := diags.Errorf(diag.Pos{File: src.path, Line: 1, Col: 1}, diag.FrontMatter, "front matter is not closed")
	d.WithHint("add a +++ line after the last front-matter field")
	return document{}, false
}

// cutLine returns the first line of b without its line end, and the rest.
func cutLine(b []byte) (line, rest []byte, found bool) {
	line, rest, found = bytes.Cut(b, []byte{'\n'})
	return bytes.TrimSuffix(line, []byte{'\r'}), rest, found
}

// isDelimiter reports whether line is delim, maybe followed by blanks.
func isDelimiter(line []byte, delim string) bool {
	return string(bytes.TrimRight(line, " \t\r")) == delim
}
