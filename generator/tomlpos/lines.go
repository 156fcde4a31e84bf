package tomlpos

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// bom is the UTF-8 byte order mark, skipped at the start of a document.
const bom = "\xef\xbb\xbf"

// lines converts byte offsets into positions.
type lines struct {
	src    []byte
	starts []int // byte offset of the start of each line
	skip   int   // length of the byte order mark at the start of line 1
}

func newLines(src []byte) lines {
	l := lines{src: src, starts: make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))}
	if bytes.HasPrefix(src, []byte(bom)) {
		l.skip = len(bom)
	}
	for i, rest := 0, src; ; {
		j := bytes.IndexByte(rest, '\n')
		if j < 0 {
			break
		}
		i += j + 1
		rest = rest[j+1:]
		l.starts = append(l.starts, i)
	}
	return l
}

// pos returns the position of byte offset off, which must be in [0, len(src)].
func (l *lines) pos(off int) Pos {
	n := sort.SearchInts(l.starts, off+1) // lines starting at or before off
	start := l.starts[n-1]
	if n == 1 && off >= l.skip {
		start = l.skip
	}
	return Pos{Line: n, Col: utf8.RuneCount(l.src[start:off]) + 1, Offset: off}
}
