package tomlpos

import "bytes"

// maxDepth bounds the nesting of arrays and inline tables that Locate
// follows, so that hostile input cannot exhaust the stack. Values nested
// deeper are skipped without being recorded.
const maxDepth = 1000

// scanner walks the source once, recording positions into ix.
type scanner struct {
	src   []byte
	text  string // src, once: keys are cut from it without copying
	i     int    // current byte offset
	lines lines
	ix    *Index
	mute  int      // > 0 while scanning a redefinition, which is not recorded
	segs  []string // buffer for keys, reused
}

// Locate scans TOML source and records the position of every key and value.
// src is not retained. On input that is not valid TOML, Locate does not fail:
// it records what it can. When a key is defined twice (invalid, but accepted
// by BurntSushi in a few cases such as `a.b = 1` then `a = 2`), the first
// definition is recorded. Arrays and inline tables nested deeper than 1000
// levels are skipped.
func Locate(src []byte) *Index {
	// A guess at the number of keys and elements, to allocate once: every
	// key/value has a "=", every header a "[", and array elements are
	// separated by ",".
	n := 1 + bytes.Count(src, []byte{'='}) + bytes.Count(src, []byte{'['}) + bytes.Count(src, []byte{','})
	s := &scanner{
		src:   src,
		text:  string(src),
		lines: newLines(src),
		ix:    &Index{nodes: make([]node, 1, n), children: make(map[link]int32, n)},
	}
	s.ix.nodes[0] = node{parent: -1, elem: -1, keyPos: none, valPos: none}
	s.i = s.lines.skip
	s.document()
	return s.ix
}

// document scans the top level: headers and key/value lines.
func (s *scanner) document() {
	table := int32(0)
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

// header scans `[a.b]` or `[[a.b]]` and returns the node of the table it opens.
func (s *scanner) header() int32 {
	at := s.i
	s.i++
	many := s.peek() == '['
	if many {
		s.i++
	}
	segs := s.keys()
	n := int32(0)
	for k, seg := range segs {
		n = s.node(n, seg, -1)
		last := k == len(segs)-1
		s.setKey(n, at, !last)
		seen := s.ix.nodes[n].tables
		if last && many {
			s.ix.nodes[n].tables = seen + 1
			n = s.node(n, "", seen)
			s.setKey(n, at, false)
		} else if seen > 0 {
			n = s.node(n, "", seen-1)
			s.setKey(n, at, true)
		}
	}
	return n
}

// keyValue scans `key = value` inside the table of node table.
func (s *scanner) keyValue(table int32, depth int) {
	at := s.i
	segs := s.keys()
	if len(segs) == 0 {
		return
	}
	n := table
	for _, seg := range segs[:len(segs)-1] {
		n = s.node(n, seg, -1)
		s.setKey(n, at, true)
	}
	n, defined := s.find(n, segs[len(segs)-1], -1)
	if defined {
		// A redefinition: invalid TOML, that BurntSushi accepts in some
		// cases (`a.b = 1` then `a = 2`). The first definition wins.
		s.ix.redefined = true
		s.mute++
		defer func() { s.mute-- }()
		n = -1
	}
	s.setKey(n, at, false)
	s.skipSpace()
	if s.peek() != '=' {
		return
	}
	s.i++
	s.skipSpace()
	s.value(n, depth)
}

// keys scans a dotted key and returns its keys, unescaped. The slice is
// valid until the next call.
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
		if bytes.IndexByte(s.src[start+1:end], '\\') >= 0 {
			return unescape(s.src[start+1 : end]), true
		}
		return s.text[start+1 : end], true
	case '\'':
		s.literalString()
		end := s.i - 1
		if end <= start || s.src[end] != '\'' {
			end = s.i
		}
		return s.text[start+1 : end], true
	}
	for s.i < len(s.src) && isBareByte(s.src[s.i]) {
		s.i++
	}
	if s.i == start {
		return "", false
	}
	return s.text[start:s.i], true
}

// node returns the node of key (elem < 0) or of element elem under
// parent, made if needed. It returns -1 while a redefinition is scanned,
// and under -1: nothing of it is recorded.
func (s *scanner) node(parent int32, key string, elem int32) int32 {
	n, _ := s.find(parent, key, elem)
	return n
}

// find is node, and also reports whether the node was already recorded.
func (s *scanner) find(parent int32, key string, elem int32) (int32, bool) {
	if s.mute > 0 || parent < 0 {
		return -1, false
	}
	l := link{parent: parent, elem: elem, key: key}
	if n, ok := s.ix.children[l]; ok {
		return n, s.ix.nodes[n].recorded()
	}
	n := int32(len(s.ix.nodes))
	s.ix.children[l] = n
	s.ix.nodes = append(s.ix.nodes, node{parent: parent, elem: elem, key: key, keyPos: none, valPos: none})
	return n, false
}

// setKey records the key position of node n. An explicit definition (a full
// key, or the last part of a header) replaces an implicit one (a prefix).
// It notes a key that already holds a value as a redefinition.
func (s *scanner) setKey(n int32, off int, implicit bool) {
	if n < 0 {
		return
	}
	e := &s.ix.nodes[n]
	if e.hasVal() {
		// A key that holds a value, used again as a table (`a = []` then
		// `a.b = 1` or `[a]`): invalid TOML, that the decoder may accept.
		s.ix.redefined = true
	}
	if e.hasKey() && (implicit || !e.implicit) {
		return
	}
	e.keyPos, e.implicit = s.lines.pos(off), implicit
}

// setVal records the value position of node n.
func (s *scanner) setVal(n int32, off int) {
	if n < 0 {
		return
	}
	if e := &s.ix.nodes[n]; !e.hasVal() {
		e.valPos = s.lines.pos(off)
	}
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
