package linkcheck

import "hash/maphash"

// names numbers the distinct links and ids of a site's pages, in the
// order they are met: their bytes end to end in one block, and a table of
// their numbers by hash. A decade of news is half a million names (every
// news page is linked from its lists): as strings in a map, 75 MB; here,
// their bytes and 12 to 20 bytes more each (an end, two to four slots).
type names struct {
	text  []byte   // the names, end to end
	ends  []uint32 // where name n ends in text
	slots []uint32 // by hash, open addressing: 0 is free, n+1 holds name n
}

// seed hashes the names; numbers, not hashes, order what Check reports.
var seed = maphash.MakeSeed()

// len is the number of names.
func (t *names) len() int { return len(t.ends) }

// bytes returns name n, a slice of t's block: valid until the next add.
func (t *names) bytes(n uint32) []byte {
	start := uint32(0)
	if n > 0 {
		start = t.ends[n-1]
	}
	return t.text[start:t.ends[n]]
}

// name returns name n.
func (t *names) name(n uint32) string { return string(t.bytes(n)) }

// find returns the number of a name, if it has one.
func (t *names) find(b []byte) (uint32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for i := maphash.Bytes(seed, b) & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return 0, false
		}
		if string(t.bytes(s-1)) == string(b) {
			return s - 1, true
		}
	}
}

// add gives the next number to a name that has none, and returns it.
func (t *names) add(b []byte) uint32 {
	if 2*(len(t.ends)+1) > len(t.slots) {
		t.grow()
	}
	n := uint32(len(t.ends))
	t.text = append(t.text, b...)
	t.ends = append(t.ends, uint32(len(t.text)))
	t.place(n)
	return n
}

// grow doubles the table, and places every name again.
func (t *names) grow() {
	t.slots = make([]uint32, max(64, 2*len(t.slots)))
	for n := range t.ends {
		t.place(uint32(n))
	}
}

// place puts name n in the first free slot from its hash.
func (t *names) place(n uint32) {
	mask := uint64(len(t.slots) - 1)
	i := maphash.Bytes(seed, t.bytes(n)) & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = n + 1
}
