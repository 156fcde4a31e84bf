package boundary

import (
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// Outline returns the shape of a group of communes: the arcs their rings
// use once, the borders between two members cancelling out, chained into
// rings and grouped into polygons (each hole with the outer ring holding
// it). Unknown codes are skipped.
func (t *Topology) Outline(codes []string) Shape {
	uses := map[int]int{} // arc index -> times used
	var refs []int
	for _, code := range codes {
		for _, poly := range t.shapes[code] {
			for _, ring := range poly {
				for _, ref := range ring {
					refs = append(refs, ref)
					uses[index(ref)]++
				}
			}
		}
	}
	var kept []int
	for _, ref := range refs {
		if uses[index(ref)] == 1 {
			kept = append(kept, ref)
		}
	}
	return t.polygons(t.chain(kept))
}

func index(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

func (t *Topology) first(ref int) orb.Point {
	a := t.Arcs[index(ref)]
	if ref < 0 {
		return a[len(a)-1]
	}
	return a[0]
}

func (t *Topology) last(ref int) orb.Point {
	a := t.Arcs[index(ref)]
	if ref < 0 {
		return a[0]
	}
	return a[len(a)-1]
}

// chain links arc references end to start into closed rings.
func (t *Topology) chain(refs []int) [][]int {
	from := map[orb.Point][]int{}
	for _, ref := range refs {
		p := t.first(ref)
		from[p] = append(from[p], ref)
	}
	used := map[int]bool{}
	var rings [][]int
	for _, start := range refs {
		if used[start] {
			continue
		}
		ring := []int{start}
		used[start] = true
		origin := t.first(start)
		for end := t.last(start); end != origin; {
			next, ok := 0, false
			for _, c := range from[end] {
				if !used[c] {
					next, ok = c, true
					break
				}
			}
			if !ok {
				break // an open chain: cannot happen with a consistent topology
			}
			used[next] = true
			ring = append(ring, next)
			end = t.last(next)
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
		ring orb.Ring
		area float64
	}
	var outers []*outer
	var holes [][]int
	for _, refs := range rings {
		r := Ring(t.Arcs, refs)
		a := planar.Area(r) // signed: positive for counter-clockwise
		if a > 0 {
			outers = append(outers, &outer{refs: [][]int{refs}, ring: r, area: a})
		} else if a < 0 {
			holes = append(holes, refs)
		}
	}
	sort.SliceStable(outers, func(i, j int) bool { return outers[i].area < outers[j].area })
	for _, h := range holes {
		p := Ring(t.Arcs, h)
		for _, o := range outers {
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

// pointOn returns the middle of a ring's first segment, a point on the
// ring that is not a vertex it may share with an outer ring.
func pointOn(r orb.Ring) orb.Point {
	return orb.Point{(r[0][0] + r[1][0]) / 2, (r[0][1] + r[1][1]) / 2}
}

// Neighbours returns the communes outside codes that share an arc with
// one of them, sorted. With no arrondissement in codes, arrondissements
// are left out; with some, their cities are.
func (t *Topology) Neighbours(codes []string) []string {
	t.usersOnce.Do(t.indexUsers)
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
		for _, poly := range t.shapes[c] {
			for _, ring := range poly {
				for _, ref := range ring {
					for _, u := range t.users[index(ref)] {
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

// indexUsers records which shapes use each arc.
func (t *Topology) indexUsers() {
	t.users = make([][]string, len(t.Arcs))
	for _, c := range t.codes {
		for _, poly := range t.shapes[c] {
			for _, ring := range poly {
				for _, ref := range ring {
					i := index(ref)
					if n := len(t.users[i]); n == 0 || t.users[i][n-1] != c {
						t.users[i] = append(t.users[i], c)
					}
				}
			}
		}
	}
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
