package main

import (
	"encoding/binary"
	"slices"
)

// topology is a set of shapes whose rings are made of shared arcs.
type topology struct {
	arcs   [][]point
	shapes []topoShape
}

// topoShape is a shape whose rings are lists of arc references: i is arc i
// as stored, ^i is arc i reversed.
type topoShape struct {
	code  string
	polys [][][]int
}

func (t *topology) points() int {
	n := 0
	for _, a := range t.arcs {
		n += len(a)
	}
	return n
}

// build cuts every ring at its junctions, the points where the set of
// neighbouring points differs from one ring to another, so that a border
// shared by two communes becomes one arc used by both (in opposite
// directions). Identical arcs are stored once.
func build(shapes []shape) *topology {
	junctions := findJunctions(shapes)
	t := &topology{}
	index := map[string]int{}
	for _, s := range shapes {
		ts := topoShape{code: s.code}
		for _, poly := range s.polys {
			var rings [][]int
			for _, ring := range poly {
				rings = append(rings, t.cut(ring, junctions, index))
			}
			ts.polys = append(ts.polys, rings)
		}
		t.shapes = append(t.shapes, ts)
	}
	return t
}

// findJunctions returns the points met with different neighbours in
// different places.
func findJunctions(shapes []shape) map[point]bool {
	type pair struct{ a, b point }
	seen := map[point]pair{}
	junctions := map[point]bool{}
	for _, s := range shapes {
		for _, poly := range s.polys {
			for _, ring := range poly {
				n := len(ring)
				for i, p := range ring {
					a, b := ring[(i+n-1)%n], ring[(i+1)%n]
					if less(b, a) {
						a, b = b, a
					}
					if old, ok := seen[p]; !ok {
						seen[p] = pair{a, b}
					} else if old != (pair{a, b}) {
						junctions[p] = true
					}
				}
			}
		}
	}
	return junctions
}

// cut splits an open ring into arcs at its junctions and returns their
// references.
func (t *topology) cut(ring []point, junctions map[point]bool, index map[string]int) []int {
	start := -1
	for i, p := range ring {
		if junctions[p] {
			start = i
			break
		}
	}
	if start < 0 {
		return []int{t.closedArc(ring, index)}
	}
	n := len(ring)
	var refs []int
	arc := []point{ring[start]}
	for k := 1; k <= n; k++ {
		p := ring[(start+k)%n]
		arc = append(arc, p)
		if junctions[p] {
			refs = append(refs, t.openArc(arc, index))
			arc = []point{p}
		}
	}
	return refs
}

// openArc stores an arc between two junctions, in the direction of its
// smaller end (then of its smaller second point), and returns its reference.
func (t *topology) openArc(arc []point, index map[string]int) int {
	rev := reversed(arc)
	if compare(rev, arc) < 0 {
		return ^t.store(rev, index)
	}
	return t.store(arc, index)
}

// closedArc stores a ring without junctions (an island, or the border of an
// enclave with its host) rotated to start at its smallest point, in the
// direction that gives the smaller sequence, and closed.
func (t *topology) closedArc(ring []point, index map[string]int) int {
	m := 0
	for i, p := range ring {
		if less(p, ring[m]) {
			m = i
		}
	}
	fwd := append(slices.Clone(ring[m:]), ring[:m]...)
	fwd = append(fwd, fwd[0])
	rev := reversed(fwd)
	if compare(rev, fwd) < 0 {
		return ^t.store(rev, index)
	}
	return t.store(fwd, index)
}

func (t *topology) store(arc []point, index map[string]int) int {
	key := arcKey(arc)
	if i, ok := index[key]; ok {
		return i
	}
	t.arcs = append(t.arcs, slices.Clone(arc))
	index[key] = len(t.arcs) - 1
	return len(t.arcs) - 1
}

func arcKey(arc []point) string {
	b := make([]byte, 0, 8*len(arc))
	for _, p := range arc {
		b = binary.LittleEndian.AppendUint32(b, uint32(p[0]))
		b = binary.LittleEndian.AppendUint32(b, uint32(p[1]))
	}
	return string(b)
}

func reversed(arc []point) []point {
	r := slices.Clone(arc)
	slices.Reverse(r)
	return r
}

func less(a, b point) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }

func compare(a, b []point) int {
	for i := range a {
		if a[i] != b[i] {
			if less(a[i], b[i]) {
				return -1
			}
			return 1
		}
	}
	return 0
}

// encode writes the topology in the format read by package boundary.
func encode(t *topology) []byte {
	b := []byte(magic)
	b = binary.AppendUvarint(b, uint64(len(t.arcs)))
	var prev point
	for _, a := range t.arcs {
		b = binary.AppendUvarint(b, uint64(len(a)))
		for _, p := range a {
			b = binary.AppendVarint(b, int64(p[0]-prev[0]))
			b = binary.AppendVarint(b, int64(p[1]-prev[1]))
			prev = p
		}
	}
	b = binary.AppendUvarint(b, uint64(len(t.shapes)))
	prevRef := 0
	for _, s := range t.shapes {
		b = append(b, s.code...)
		b = binary.AppendUvarint(b, uint64(len(s.polys)))
		for _, poly := range s.polys {
			b = binary.AppendUvarint(b, uint64(len(poly)))
			for _, ring := range poly {
				b = binary.AppendUvarint(b, uint64(len(ring)))
				for _, ref := range ring {
					b = binary.AppendVarint(b, int64(ref-prevRef))
					prevRef = ref
				}
			}
		}
	}
	return b
}

// magic starts the file; bump it, and the reader's, when the format changes.
const magic = "cpts-topo/1\n"
