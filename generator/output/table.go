package output

import (
	"iter"
	"maps"
	"slices"
)

// table holds the files of a set: a number for each path, and by number
// what the set knows of the file (entry), in columns. A decade of news is
// half a million files: a map of entries (56-byte slots) took 70 MB, a map
// of numbers (24-byte slots) and the columns take about half; a set on
// disk has no column of contents.
type table struct {
	number  map[string]uint32
	size    []int64
	verdict []verdict
	data    [][]byte // made at the first file held in memory
}

func newTable() *table { return &table{number: map[string]uint32{}} }

// get returns the entry of the file at p.
func (t *table) get(p string) (entry, bool) {
	n, ok := t.number[p]
	if !ok {
		return entry{}, false
	}
	return t.entry(n), true
}

func (t *table) entry(n uint32) entry {
	e := entry{size: t.size[n], verdict: t.verdict[n]}
	if int(n) < len(t.data) {
		e.data = t.data[n]
	}
	return e
}

// has reports whether the table holds a file at p.
func (t *table) has(p string) bool {
	_, ok := t.number[p]
	return ok
}

// set adds the file at p, or replaces its entry.
func (t *table) set(p string, e entry) {
	n, ok := t.number[p]
	if !ok {
		n = uint32(len(t.size))
		t.number[p] = n
		t.size, t.verdict = append(t.size, 0), append(t.verdict, 0)
	}
	t.size[n], t.verdict[n] = e.size, e.verdict
	if e.data != nil || t.data != nil {
		t.data = append(t.data, make([][]byte, len(t.size)-len(t.data))...)
		t.data[n] = e.data
	}
}

// remove takes the file at p out; it reports whether there was one. Its
// number is not given again.
func (t *table) remove(p string) bool {
	n, ok := t.number[p]
	if !ok {
		return false
	}
	delete(t.number, p)
	if int(n) < len(t.data) {
		t.data[n] = nil
	}
	return true
}

// len is the number of files.
func (t *table) len() int { return len(t.number) }

// all yields the path and entry of every file, in no order.
func (t *table) all() iter.Seq2[string, entry] {
	return func(yield func(string, entry) bool) {
		for p, n := range t.number {
			if !yield(p, t.entry(n)) {
				return
			}
		}
	}
}

// clone returns a copy of t that can be changed without changing t; the
// contents are shared.
func (t *table) clone() *table {
	return &table{number: maps.Clone(t.number), size: slices.Clone(t.size), verdict: slices.Clone(t.verdict), data: slices.Clone(t.data)}
}
