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
	last   place // the last position returned, where the next search starts
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

// pos returns the position of byte offset off, which must be in
// [skip, len(src)]. Offsets come in nearly increasing order, so pos counts
// from the last position when it can: a long line costs no more than a short
// one.
func (l *lines) pos(off int) place {
	p := l.last
	if p.line == 0 || off < p.off || int(p.line) < len(l.starts) && off >= l.starts[p.line] {
		p.line = int32(sort.SearchInts(l.starts, off+1)) // lines starting at or before off
		p.col, p.off = 1, min(max(l.starts[p.line-1], l.skip), off)
	}
	p.col += int32(utf8.RuneCount(l.src[p.off:off]))
	p.off = off
	l.last = p
	return p
}
