package linkcheck

import (
	"encoding/binary"
	"iter"
)

// page is what a page holds: the numbers of its links and of its ids,
// each once, sorted, as varint gaps (the count of links first). Most of a
// page's links are the few hundred paths every page names, numbered
// first: a link costs one or two bytes rather than four, which matters
// at hundreds of thousands of pages.
type page struct{ nums []byte }

// newPage encodes the sorted, unique links and ids of a page.
func newPage(links, ids []uint32) page {
	gaps := func(list []uint32, f func(gap uint64)) {
		last := uint32(0)
		for _, n := range list {
			f(uint64(n - last))
			last = n
		}
	}
	size := varintLen(uint64(len(links)))
	for _, list := range [][]uint32{links, ids} {
		gaps(list, func(gap uint64) { size += varintLen(gap) })
	}
	b := binary.AppendUvarint(make([]byte, 0, size), uint64(len(links)))
	for _, list := range [][]uint32{links, ids} {
		gaps(list, func(gap uint64) { b = binary.AppendUvarint(b, gap) })
	}
	return page{b}
}

// varintLen is the length of x as a uvarint.
func varintLen(x uint64) int {
	n := 1
	for ; x >= 0x80; x >>= 7 {
		n++
	}
	return n
}

// links yields the numbers of the page's links, in increasing order.
func (pg page) links() iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		count, b := pg.head()
		last := uint32(0)
		for range count {
			gap, k := binary.Uvarint(b)
			b, last = b[k:], last+uint32(gap)
			if !yield(last) {
				return
			}
		}
	}
}

// hasID reports whether the page holds the id numbered n.
func (pg page) hasID(n uint32) bool {
	count, b := pg.head()
	for range count { // skip the links
		_, k := binary.Uvarint(b)
		b = b[k:]
	}
	last := uint32(0)
	for len(b) > 0 {
		gap, k := binary.Uvarint(b)
		b, last = b[k:], last+uint32(gap)
		if last >= n {
			return last == n
		}
	}
	return false
}

// head returns the count of links and the gaps that follow it.
func (pg page) head() (int, []byte) {
	count, k := binary.Uvarint(pg.nums)
	return int(count), pg.nums[k:]
}
