package tomlpos

import (
	"bytes"
	"strconv"
	"strings"
)

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
	mute  int            // > 0 while scanning a redefinition, which is not recorded
	segs  []string       // buffer for keys, reused
}

// Locate scans TOML source and records the position of every key and value.
// src is not retained. On input that is not valid TOML, Locate does not fail:
// it records what it can. When a key is defined twice (invalid, but accepted
// by BurntSushi in a few cases such as `a.b = 1` then `a = 2`), the first
// definition is recorded. Arrays and inline tables nested deeper than 1000
// levels are skipped.
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
	var b pathBuilder
	b.grow("", segs, 8)
	path := ""
	for k, seg := range segs {
		path = b.key(seg)
		last := k == len(segs)-1
		s.setKey(path, at, !last)
		n, isArray := s.aot[path]
		if last && many {
			s.aot[path] = n + 1
			path = b.elem(n)
			s.setKey(path, at, false)
		} else if isArray && n > 0 {
			path = b.elem(n - 1)
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
	var b pathBuilder
	b.grow(table, segs, 0)
	b.b.WriteString(table)
	for _, seg := range segs[:len(segs)-1] {
		s.setKey(b.key(seg), at, true)
	}
	path := b.key(segs[len(segs)-1])
	if _, defined := s.ix.byPath[path]; defined {
		// A redefinition: invalid TOML, that BurntSushi accepts in some
		// cases (`a.b = 1` then `a = 2`). The first definition wins.
		s.ix.redefined = true
		s.mute++
		defer func() { s.mute-- }()
	}
	s.setKey(path, at, false)
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.i++
	s.skipSpace()
	s.value(path, depth)
}

// pathBuilder appends segments to a path. The prefixes it returns share its
// memory, so the paths of a long dotted key take linear space.
type pathBuilder struct{ b strings.Builder }

// grow makes room for the path of segs under parent, with extra more bytes
// for each segment.
func (p *pathBuilder) grow(parent string, segs []string, extra int) {
	n := len(parent)
	for _, seg := range segs {
		n += 1 + len(seg) + extra
	}
	p.b.Grow(n)
}

func (p *pathBuilder) key(seg string) string {
	if p.b.Len() > 0 {
		p.b.WriteByte('.')
	}
	p.b.WriteString(seg)
	return p.b.String()
}

func (p *pathBuilder) elem(n int) string {
	p.b.WriteByte('[')
	p.b.WriteString(strconv.Itoa(n))
	p.b.WriteByte(']')
	return p.b.String()
}

// keys scans a dotted key and returns its segments, written as in paths.
// The slice is valid until the next call.
func (s *scanner) keys() []string {
	segs := s.segs[:0]
	defer func() { s.segs = segs }()
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
// It notes a key that already holds a value as a redefinition.
func (s *scanner) setKey(path string, off int, implicit bool) {
	if s.mute > 0 {
		return
	}
	e := s.entry(path)
	if e.hasVal {
		// A key that holds a value, used again as a table (`a = []` then
		// `a.b = 1` or `[a]`): invalid TOML, that the decoder may accept.
		s.ix.redefined = true
	}
	if e.hasKey && (implicit || !e.implicit) {
		return
	}
	e.key, e.hasKey, e.implicit = s.lines.pos(off), true, implicit
}

// setVal records the value position of path.
func (s *scanner) setVal(path string, off int) {
	if s.mute > 0 {
		return
	}
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
