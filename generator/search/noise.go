package search

import (
	"bytes"
	"strings"
)

// withoutNoise returns Markdown source with what it holds besides words
// (link destinations "](...)", HTML tags "<...>", URLs "http://..." up to
// the next blank) replaced by a space each. It scans the bytes once; a
// regular expression took more than ten times as long (BenchmarkWithoutNoise).
func withoutNoise(src []byte) string {
	var b strings.Builder
	b.Grow(len(src))
	last := 0 // src[last:i] is kept
	for i := 0; i < len(src); {
		end := noiseAt(src, i)
		if end < 0 {
			i++
			continue
		}
		b.Write(src[last:i])
		b.WriteByte(' ')
		i, last = end, end
	}
	b.Write(src[last:])
	return b.String()
}

// noiseAt returns the end of the noise that starts at src[i], or -1.
func noiseAt(src []byte, i int) int {
	switch {
	case src[i] == ']' && i+1 < len(src) && src[i+1] == '(':
		if j := bytes.IndexByte(src[i+2:], ')'); j >= 0 {
			return i + 2 + j + 1
		}
	case src[i] == '<':
		if j := bytes.IndexByte(src[i+1:], '>'); j >= 0 {
			return i + 1 + j + 1
		}
	case src[i] == 'h':
		rest := src[i:]
		n := 0
		switch {
		case bytes.HasPrefix(rest, []byte("http://")):
			n = len("http://")
		case bytes.HasPrefix(rest, []byte("https://")):
			n = len("https://")
		default:
			return -1
		}
		end := i + n
		for end < len(src) && !isBlank(src[end]) {
			end++
		}
		if end > i+n {
			return end
		}
	}
	return -1
}

// isBlank reports whether c is one of the characters of \s in Go regular
// expressions.
func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}
