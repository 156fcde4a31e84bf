package tomlpos

import "bytes"

// maxDepth bounds the nesting of arrays and inline tables that Locate
// follows, so that hostile input cannot exhaust the stack. Values nested
// deeper are skipped without being recorded.
const maxDepth = 1000

// scanner walks the source once, recording positions into ix.
type scanner struct {
	src   []byte
	i     int // current byte offset
	lines lines
	ix    *Index
	aot   map[string]int // resolved path of an array of tables -> elements seen
}

// Locate scans TOML source and records the position of every key and value.
// src is not retained. On input that is not valid TOML, Locate does not fail:
// it records what it can.
func Locate(src []byte) *Index {
	l := newLines(src)
	n := 2 * len(l.starts) // a guess at the number of paths, to allocate once
	s := &scanner{
		src:   src,
		lines: l,
		ix:    &Index{byPath: make(map[string]int, n), entries: make([]entry, 0, n)},
		aot:   make(map[string]int),
	}
	s.i = s.lines.skip
	s.document()
	s.lines = lines{} // do not keep src alive through the scanner
	return s.ix
}

// document scans the top level: headers and key/value lines.
func (s *scanner) document() {
	table := ""
	for {
		s.skipBlank()
		if s.i >= len(s.src) {
			return
		}
		start := s.i
		switch c := s.src[s.i]; {
		case c == '[':
			table = s.header()
		case isKeyStart(c):
			s.keyValue(table, 0)
		}
		s.skipLine()
		if s.i == start {
			s.i++
		}
	}
}

// header scans `[a.b]` or `[[a.b]]` and returns the path of the table it opens.
func (s *scanner) header() string {
	at := s.i
	s.i++
	many := s.peek() == '['
	if many {
		s.i++
	}
	segs := s.keys()
	if len(segs) == 0 {
		return ""
	}
	path := ""
	for k, seg := range segs {
		path = join(path, seg)
		last := k == len(segs)-1
		s.setKey(path, at, !last)
		n, isArray := s.aot[path]
		if last && many {
			s.aot[path] = n + 1
			path = Elem(path, n)
			s.setKey(path, at, false)
		} else if isArray && n > 0 {
			path = Elem(path, n-1)
			s.setKey(path, at, true)
		}
	}
	return path
}

// keyValue scans `key = value` inside the table at path table.
func (s *scanner) keyValue(table string, depth int) {
	at := s.i
	segs := s.keys()
	if len(segs) == 0 {
		return
	}
	path := table
	for k, seg := range segs {
		path = join(path, seg)
		s.setKey(path, at, k < len(segs)-1)
	}
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.i++
	s.skipSpace()
	s.value(path, depth)
}

// keys scans a dotted key and returns its segments, written as in paths.
func (s *scanner) keys() []string {
	var segs []string
	for {
		s.skipSpace()
		seg, ok := s.key()
		if !ok {
			return segs
		}
		segs = append(segs, seg)
		s.skipSpace()
		if s.peek() != '.' {
			return segs
		}
		s.i++
	}
}

// key scans one bare or quoted key.
func (s *scanner) key() (string, bool) {
	start := s.i
	switch s.peek() {
	case '"':
		s.basicString()
		end := s.i - 1
		if end <= start || s.src[end] != '"' {
			end = s.i // unterminated: lenient
		}
		return segment(unescape(s.src[start+1 : end])), true
	case '\'':
		s.literalString()
		end := s.i - 1
		if end <= start || s.src[end] != '\'' {
			end = s.i
		}
		return segment(string(s.src[start+1 : end])), true
	}
	for s.i < len(s.src) && isBareByte(s.src[s.i]) {
		s.i++
	}
	if s.i == start {
		return "", false
	}
	return string(s.src[start:s.i]), true
}

// setKey records the key position of path. An explicit definition (a full
// key, or the last part of a header) replaces an implicit one (a prefix).
func (s *scanner) setKey(path string, off int, implicit bool) {
	e := s.entry(path)
	if e.hasKey && (implicit || !e.implicit) {
		return
	}
	e.key, e.hasKey, e.implicit = s.lines.pos(off), true, implicit
}

// setVal records the value position of path.
func (s *scanner) setVal(path string, off int) {
	if e := s.entry(path); !e.hasVal {
		e.val, e.hasVal = s.lines.pos(off), true
	}
}

func (s *scanner) entry(path string) *entry {
	i, ok := s.ix.byPath[path]
	if !ok {
		i = len(s.ix.entries)
		s.ix.byPath[path] = i
		s.ix.entries = append(s.ix.entries, entry{path: path})
	}
	return &s.ix.entries[i]
}

func isKeyStart(c byte) bool {
	return isBareByte(c) || c == '"' || c == '\''
}

func (s *scanner) peek() byte {
	if s.i < len(s.src) {
		return s.src[s.i]
	}
	return 0
}

// skipSpace skips spaces and tabs.
func (s *scanner) skipSpace() {
	for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips whitespace, line ends and comments.
func (s *scanner) skipBlank() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			s.skipLine()
		default:
			return
		}
	}
}

// skipLine moves past the next line end.
func (s *scanner) skipLine() {
	if j := bytes.IndexByte(s.src[s.i:], '\n'); j >= 0 {
		s.i += j + 1
	} else {
		s.i = len(s.src)
	}
}
