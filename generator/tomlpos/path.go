package tomlpos

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// writePaths writes the path of every node, once. A node made right after
// its parent extends its parent's path in the same memory, so the paths of
// a long dotted key or header take linear space.
func (ix *Index) writePaths() {
	ix.once.Do(func() {
		ix.paths = make([]string, len(ix.nodes))
		ix.byPath = make(map[string]int32, len(ix.nodes))
		var b strings.Builder // holds the path of the node before
		for i := 1; i < len(ix.nodes); i++ {
			e := &ix.nodes[i]
			if int(e.parent) != i-1 {
				b = strings.Builder{}
				b.WriteString(ix.paths[e.parent])
			}
			if e.elem >= 0 {
				b.WriteByte('[')
				b.WriteString(strconv.Itoa(int(e.elem)))
				b.WriteByte(']')
			} else {
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(segment(e.key))
			}
			ix.paths[i] = b.String()
			if e.recorded() {
				ix.byPath[ix.paths[i]] = int32(i)
			}
		}
	})
}

// segment writes one key as a path segment: bare if it can be, else quoted.
func segment(key string) string {
	if isBare(key) {
		return key
	}
	var b strings.Builder
	b.Grow(len(key) + 2)
	b.WriteByte('"')
	for i := 0; i < len(key); i++ {
		switch c := key[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if c < 0x20 || c == 0x7f {
				b.WriteString(`\u00`)
				b.WriteByte("0123456789ABCDEF"[c>>4])
				b.WriteByte("0123456789ABCDEF"[c&15])
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func isBare(key string) bool {
	if key == "" {
		return false
	}
	for i := 0; i < len(key); i++ {
		if !isBareByte(key[i]) {
			return false
		}
	}
	return true
}

func isBareByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// parent returns the path without its last segment, or false for a path
// of one segment.
func parent(path string) (string, bool) {
	last := 0
	quoted := false
	for i := 0; i < len(path); i++ {
		c := path[i]
		if quoted {
			if c == '\\' {
				i++
			} else if c == '"' {
				quoted = false
			}
			continue
		}
		switch c {
		case '"':
			quoted = true
		case '.', '[':
			last = i
		}
	}
	if last == 0 {
		return "", false
	}
	return path[:last], true
}

// unescape decodes the body of a TOML basic string (without its quotes).
// Invalid escapes are kept as written.
func unescape(s []byte) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		if r, n := escape(s[i+1:]); n > 0 {
			b.WriteRune(r)
			i += n
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escape decodes the escape sequence after a backslash and returns the rune
// and the number of bytes it used, or 0 if it is not a valid escape.
func escape(s []byte) (rune, int) {
	digits := 0
	switch s[0] {
	case 'b':
		return '\b', 1
	case 't':
		return '\t', 1
	case 'n':
		return '\n', 1
	case 'f':
		return '\f', 1
	case 'r':
		return '\r', 1
	case 'e':
		return 0x1b, 1
	case '"', '\\':
		return rune(s[0]), 1
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return 0, 0
	}
	if len(s) < 1+digits {
		return 0, 0
	}
	v, err := strconv.ParseUint(string(s[1:1+digits]), 16, 32)
	if err != nil || !utf8.ValidRune(rune(v)) {
		return 0, 0
	}
	return rune(v), 1 + digits
}
