package markup

import (
	"bytes"
	"fmt"

	"github.com/cpts-fr/cpts/generator/diag"
)

// The bounds of a Markdown body. goldmark takes time quadratic in the
// number of link reference definitions of one paragraph, and in the
// nesting of block quotes and lists on one line (a body of "> > > …" runs
// for minutes); no page of a directory needs more than a few of either.
const (
	// MaxNesting is how deep block quotes and lists may nest.
	MaxNesting = 32
	// MaxReferences is how many link reference definitions
	// ("[label]: /url") a body may hold.
	MaxReferences = 500
)

// Bounds checks src, a body whose first line is at start, against
// MaxNesting and MaxReferences in one pass, and returns an error at the
// first line past a bound, or nil. Convert and Links call it first, and
// give only that error for a body past a bound.
func Bounds(src []byte, start diag.Pos) diag.List {
	refs := 0
	fence := []byte(nil) // the fence of an open code block: its lines are not looked at
	for line, off := 0, 0; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		text := src[off:end]
		i, depth := containers(text, -1)
		if isBreak(text) {
			i, depth = 0, 0
		}
		rest := text[i:]
		switch {
		case fence != nil:
			if bytes.HasPrefix(bytes.TrimLeft(rest, " "), fence) {
				fence = nil
			}
		case depth > MaxNesting:
			col := markerColumn(text)
			return boundsError(start, line, col, fmt.Sprintf("block quotes and lists nested more than %d deep", MaxNesting),
				"a page needs a few levels: flatten the list, or end the quote")
		case isFence(rest) != nil:
			fence = isFence(rest)
		case isReference(rest):
			refs++
			if refs > MaxReferences {
				return boundsError(start, line, i+1, fmt.Sprintf("more than %d link reference definitions", MaxReferences),
					"write the links inline, [text](https://…), or split the page")
			}
		}
		off = end + 1
	}
	return nil
}

func boundsError(start diag.Pos, line, col int, problem, hint string) diag.List {
	var l diag.List
	pos := diag.Pos{File: start.File, Line: start.Line + line, Col: col}
	if line == 0 {
		pos.Col += start.Col - 1
	}
	l.Errorf(pos, diag.Limit, "Markdown too complex: %s", problem).WithHint("%s", hint)
	return l
}

// containers reads the block quote and list markers that open a line
// ("> - > 1. "), at most limit of them (all when limit < 0), and returns
// the offset of what follows them and how many it read.
func containers(line []byte, limit int) (int, int) {
	i, n := 0, 0
	for n != limit {
		j := i
		for k := 0; k < 3 && j < len(line) && line[j] == ' '; k++ {
			j++
		}
		if j >= len(line) {
			return i, n
		}
		switch c := line[j]; {
		case c == '>':
			j++
			if j < len(line) && (line[j] == ' ' || line[j] == '\t') {
				j++
			}
		case c == '-' || c == '+' || c == '*':
			if j+1 >= len(line) || line[j+1] != ' ' && line[j+1] != '\t' {
				return i, n
			}
			j += 2
		case c >= '0' && c <= '9':
			k := j
			for k < len(line) && k-j < 9 && line[k] >= '0' && line[k] <= '9' {
				k++
			}
			if k+1 >= len(line) || line[k] != '.' && line[k] != ')' || line[k+1] != ' ' && line[k+1] != '\t' {
				return i, n
			}
			j = k + 2
		default:
			return i, n
		}
		i, n = j, n+1
	}
	return i, n
}

// markerColumn is the column (from 1) of the first container marker past
// MaxNesting on a line.
func markerColumn(line []byte) int {
	i, _ := containers(line, MaxNesting)
	for i < len(line) && line[i] == ' ' {
		i++
	}
	return i + 1
}

// isFence returns the fence that opens a code block (``` or ~~~, or
// longer), or nil.
func isFence(rest []byte) []byte {
	rest = bytes.TrimLeft(rest, " ")
	for _, c := range []byte{'`', '~'} {
		n := 0
		for n < len(rest) && rest[n] == c {
			n++
		}
		if n >= 3 {
			return rest[:n]
		}
	}
	return nil
}

// isReference reports whether a line starts a link reference definition:
// "[label]:" after at most three spaces.
func isReference(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " ")
	if len(rest) < 4 || rest[0] != '[' {
		return false
	}
	end := bytes.IndexByte(rest, ']')
	return end > 1 && end+1 < len(rest) && rest[end+1] == ':'
}

// isBreak reports whether a line is a thematic break ("- - -", "***"),
// which containers would read as nested lists.
func isBreak(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < 3 || t[0] != '-' && t[0] != '*' && t[0] != '_' {
		return false
	}
	for _, c := range t {
		if c != t[0] && c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}
