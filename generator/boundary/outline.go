package boundary

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Outline returns the shape of a group of communes: the arcs their rings
// use once, the borders between two members cancelling out, chained into
// rings and grouped into polygons (each hole with the outer ring holding
// it). Unknown codes are skipped.
func (t *Topology) Outline(codes []string) Shape {
	var refs []int
	for _, code := range codes {
		for _, poly := range t.shape(code) {
			for _, ring := range poly {
				refs = append(refs, ring...)
			}
		}
	}
	// The arcs used twice are the borders between two members.
	uses := usesPool.Get().(*[]uint8)
	if len(*uses) < t.NumArcs() {
		*uses = make([]uint8, t.NumArcs())
	}
	for _, ref := range refs {
		if u := &(*uses)[index(ref)]; *u < 2 {
			*u++
		}
	}
	kept := make([]int, 0, len(refs))
	for _, ref := range refs {
		if (*uses)[index(ref)] == 1 {
			kept = append(kept, ref)
		}
	}
	for _, ref := range refs {
		(*uses)[index(ref)] = 0
	}
	usesPool.Put(uses)
	return t.polygons(t.chain(kept))
}

// usesPool holds arrays of a count per arc, all zero, for Outline.
var usesPool = sync.Pool{New: func() any { return new([]uint8) }}

func index(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

func (t *Topology) first(ref int) orb.Point {
	a := t.arc(index(ref))
	if ref < 0 {
		return a[len(a)-1]
	}
	return a[0]
}

func (t *Topology) last(ref int) orb.Point {
	a := t.arc(index(ref))
	if ref < 0 {
		return a[0]
	}
	return a[len(a)-1]
}

// chain links arc references (each arc at most once) end to start into
// closed rings: each ring starts with the first reference not yet used
// and goes on with the first unused one, in the order of refs, that
// starts where the ring is.
func (t *Topology) chain(refs []int) [][]int {
	// byStart lists the positions in refs by the first point of their
	// arc, then by position.
	byStart := make([]int, len(refs))
	starts := make([]orb.Point, len(refs))
	for i, ref := range refs {
		byStart[i], starts[i] = i, t.first(ref)
	}
	comparePoints := func(a, b orb.Point) int {
		if c := cmp.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return cmp.Compare(a[1], b[1])
	}
	slices.SortFunc(byStart, func(i, j int) int {
		if c := comparePoints(starts[i], starts[j]); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	used := make([]bool, len(refs))
	var rings [][]int
	for i, start := range refs {
		if used[i] {
			continue
		}
		ring := []int{start}
		used[i] = true
		origin := starts[i]
		for end := t.last(start); end != origin; {
			at, _ := slices.BinarySearchFunc(byStart, end, func(i int, p orb.Point) int { return comparePoints(starts[i], p) })
			next := -1
			for ; at < len(byStart) && starts[byStart[at]] == end; at++ {
				if !used[byStart[at]] {
					next = byStart[at]
					break
				}
			}
			if next < 0 {
				break // an open chain: cannot happen with a consistent topology
			}
			used[next] = true
			ring = append(ring, refs[next])
			end = t.last(refs[next])
		}
		rings = append(rings, ring)
	}
	return rings
}

// polygons groups rings into polygons: counter-clockwise rings are outer
// rings, clockwise ones holes, each put in the smallest outer ring that
// contains it.
func (t *Topology) polygons(rings [][]int) Shape {
	type outer struct {
		refs [][]int
		ring orb.Ring // assembled when a hole is looked for in it
		area float64
	}
	var outers []*outer
	var holes [][]int
	for _, refs := range rings {
		a := t.ringArea(refs) // signed: positive for counter-clockwise
		if a > 0 {
			outers = append(outers, &outer{refs: [][]int{refs}, area: a})
		} else if a < 0 {
			holes = append(holes, refs)
		}
	}
	sort.SliceStable(outers, func(i, j int) bool { return outers[i].area < outers[j].area })
	for _, h := range holes {
		p := t.ring(h)
		for _, o := range outers {
			if o.ring == nil {
				o.ring = t.ring(o.refs[0])
			}
			if planar.RingContains(o.ring, pointOn(p)) {
				o.refs = append(o.refs, h)
				break
			}
		}
	}
	sort.SliceStable(outers, func(i, j int) bool { return outers[i].area > outers[j].area })
	s := make(Shape, len(outers))
	for i, o := range outers {
		s[i] = o.refs
	}
	return s
}

// ringArea is planar.Area of t.ring(refs), signed, computed as it does
// (the same operations in the same order: the same result) from the
// arcs, without assembling the ring: the map of France outlines every
// département, whose rings would be 5 MB made for their areas alone.
func (t *Topology) ringArea(refs []int) float64 {
	var origin, prev orb.Point
	n, area := 0, 0.0
	add := func(p orb.Point) {
		if n == 0 {
			origin = p
		} else if n >= 2 { // the segment from the origin adds nothing
			area += (prev[0]-origin[0])*(p[1]-origin[1]) - (p[0]-origin[0])*(prev[1]-origin[1])
		}
		prev = p
		n++
	}
	for k, ref := range refs {
		a := t.arc(index(ref))
		skip := k > 0 // the first point repeats the previous arc's last
		if ref >= 0 {
			for j := range a {
				if j > 0 || !skip {
					add(a[j])
				}
			}
		} else {
			for j := len(a) - 1; j >= 0; j-- {
				if j < len(a)-1 || !skip {
					add(a[j])
				}
			}
		}
	}
	return area / 2
}

// pointOn returns the middle of a ring's first segment, a point on the
// ring that is not a vertex it may share with an outer ring.
func pointOn(r orb.Ring) orb.Point {
	return orb.Point{(r[0][0] + r[1][0]) / 2, (r[0][1] + r[1][1]) / 2}
}

// Neighbours returns the communes outside codes that share an arc with
// one of them, sorted. With no arrondissement in codes, arrondissements
// are left out; with some, their cities are.
func (t *Topology) Neighbours(codes []string) []string {
	in := map[string]bool{}
	arrondissements := false
	for _, c := range codes {
		in[c] = true
		if isArrondissement(c) {
			arrondissements = true
			in[city(c)] = true
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, c := range codes {
		for _, poly := range t.shape(c) {
			for _, ring := range poly {
				for _, ref := range ring {
					for _, n := range t.usersOf(index(ref)) {
						u := t.codes[n]
						if !in[u] && !seen[u] && (arrondissements || !isArrondissement(u)) {
							seen[u] = true
							out = append(out, u)
						}
					}
				}
			}
		}
	}
	sort.Strings(out)
	return out
}

// usersOf returns the numbers in codes of the shapes that use an arc.
func (t *Topology) usersOf(arc int) []int32 {
	t.usersOnce.Do(t.indexUsers)
	return t.users[t.usersAt[arc]:t.usersAt[arc+1]]
}

// indexUsers records which shapes use each arc: the numbers (in codes)
// of arc i's users are users[usersAt[i]:usersAt[i+1]], counted first,
// then filled in, each shape once per arc.
func (t *Topology) indexUsers() {
	last := make([]int32, t.NumArcs()) // the last user seen of each arc, plus one
	t.usersAt = make([]int32, t.NumArcs()+1)
	each := func(use func(arc int, shape int32)) {
		clear(last)
		for n, s := range t.shapes {
			for _, poly := range s {
				for _, ring := range poly {
					for _, ref := range ring {
						if i := index(ref); last[i] != int32(n)+1 {
							last[i] = int32(n) + 1
							use(i, int32(n))
						}
					}
				}
			}
		}
	}
	each(func(arc int, _ int32) { t.usersAt[arc+1]++ })
	for i := range t.NumArcs() {
		t.usersAt[i+1] += t.usersAt[i]
	}
	t.users = make([]int32, t.usersAt[t.NumArcs()])
	next := slices.Clone(t.usersAt[:t.NumArcs()])
	each(func(arc int, shape int32) {
		t.users[next[arc]] = shape
		next[arc]++
	})
}

// isArrondissement reports whether a code is one of the 45 arrondissements
// municipaux of Paris (75101-75120), Lyon (69381-69389) and Marseille
// (13201-13216).
func isArrondissement(code string) bool {
	return code >= "75101" && code <= "75120" || code >= "69381" && code <= "69389" || code >= "13201" && code <= "13216"
}

// city returns the code of the city of an arrondissement.
func city(arrondissement string) string {
	switch arrondissement[:2] {
	case "75":
		return "75056"
	case "69":
		return "69123"
	}
	return "13055"
}
