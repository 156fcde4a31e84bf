package tomlpos

import (
	"bytes"
	"unicode/utf8"
)

// value records the value of node n at the current offset and scans past it.
func (s *scanner) value(n int32, depth int) {
	if s.i >= len(s.src) {
		return
	}
	c := s.src[s.i]
	switch {
	case c == '\r' || c == '\n' || c == '#':
		return // no value: invalid, nothing to record
	case (c == '[' || c == '{') && depth >= maxDepth:
		s.skipDeep()
		return
	}
	s.setVal(n, s.i)
	switch c {
	case '"':
		s.basicString()
	case '\'':
		s.literalString()
	case '[':
		s.array(n, depth+1)
	case '{':
		s.inlineTable(n, depth+1)
	default:
		s.scalar()
	}
}

// skipDeep skips an array or inline table nested too deep to be recorded.
func (s *scanner) skipDeep() {
	open := 0
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '"':
			s.basicString()
			continue
		case '\'':
			s.literalString()
			continue
		case '#':
			s.skipLine()
			continue
		case '[', '{':
			open++
		case ']', '}':
			open--
		}
		s.i++
		if open == 0 {
			return
		}
	}
}

// array scans `[ v, v, ... ]`, recording each element under node n.
func (s *scanner) array(n int32, depth int) {
	s.i++
	for i := int32(0); ; {
		s.skipBlank()
		switch s.peek() {
		case 0:
			if s.i >= len(s.src) {
				return
			}
		case ']':
			s.i++
			return
		case ',': // only after an element, or in invalid input
			s.i++
			continue
		}
		start := s.i
		s.value(s.node(n, "", i), depth)
		i++
		if s.i == start {
			s.skipRune() // not a value: skip it
		}
	}
}

// inlineTable scans `{ k = v, ... }`, recording each key under node n.
func (s *scanner) inlineTable(n int32, depth int) {
	s.i++
	for {
		s.skipBlank()
		switch s.peek() {
		case 0:
			if s.i >= len(s.src) {
				return
			}
		case '}':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		start := s.i
		s.keyValue(n, depth)
		if s.i == start {
			s.skipRune() // not a key: skip it
		}
	}
}

// basicString scans a basic string, single- or multi-line, from its quote.
func (s *scanner) basicString() {
	multi := bytes.HasPrefix(s.src[s.i:], []byte(`"""`))
	if multi {
		s.i += 3
	} else {
		s.i++
	}
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\\':
			s.i += 2
		case '"':
			if !multi {
				s.i++
				return
			}
			if n := run(s.src[s.i:], '"'); n >= 3 {
				s.i += min(n, 5)
				return
			}
			s.i++
		case '\n':
			if !multi {
				return
			}
			s.i++
		default:
			s.i++
		}
	}
	s.i = min(s.i, len(s.src))
}

// literalString scans a literal string, single- or multi-line, from its quote.
func (s *scanner) literalString() {
	if bytes.HasPrefix(s.src[s.i:], []byte("'''")) {
		s.i += 3
		j := bytes.Index(s.src[s.i:], []byte("'''"))
		if j < 0 {
			s.i = len(s.src)
			return
		}
		s.i += j
		s.i += min(run(s.src[s.i:], '\''), 5)
		return
	}
	s.i++
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case '\'':
			s.i++
			return
		case '\n':
			return
		}
		s.i++
	}
}

// scalar scans a number, boolean, date or time. A space separates a date
// from a time: `1979-05-27 07:32:00Z`.
func (s *scanner) scalar() {
	start := s.i
	for s.i < len(s.src) {
		c := s.src[s.i]
		if c == ' ' && s.i-start == 10 && isDate(s.src[start:s.i]) &&
			s.i+1 < len(s.src) && isDigit(s.src[s.i+1]) {
			s.i++
			continue
		}
		if !isScalarByte(c) {
			return
		}
		s.i++
	}
}

// skipRune skips one rune, or one byte that is not valid UTF-8.
func (s *scanner) skipRune() {
	_, n := utf8.DecodeRune(s.src[s.i:])
	s.i += max(n, 1)
}

// run counts the bytes equal to c at the start of b.
func run(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}

func isScalarByte(c byte) bool {
	return isBareByte(c) || c == '+' || c == '.' || c == ':'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isDate reports whether b looks like `1979-05-27`.
func isDate(b []byte) bool {
	for i, c := range b {
		if (i == 4 || i == 7) != (c == '-') || c != '-' && !isDigit(c) {
			return false
		}
	}
	return len(b) == 10
}
