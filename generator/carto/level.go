package carto

import (
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// level holds the arcs of the topology projected (each in the zone of its
// first point) and simplified with one tolerance, computed on first use.
// The simplification keeps the ends of every arc, so neighbours, which
// share their arcs, keep sharing their borders: no gap, no overlap.
//
// Every point is projected once: the level of tolerance 0 holds the
// projected arcs, which the other levels simplify (and share when the
// simplification keeps every point).
type level struct {
	topo    *boundary.Topology
	tol     float64 // metres, or degrees when degrees is set
	degrees bool    // keep longitude and latitude: no projection
	base    *level  // projected arcs to simplify; nil: project them
	arcs    []atomic.Pointer[[]orb.Point]
}

func newLevel(t *boundary.Topology, tol float64, base *level) *level {
	return &level{topo: t, tol: tol, base: base, arcs: make([]atomic.Pointer[[]orb.Point], t.NumArcs())}
}

// arc returns arc i (not a reference: no reversal) projected and simplified.
func (l *level) arc(i int) []orb.Point {
	if p := l.arcs[i].Load(); p != nil {
		return *p
	}
	var pts []orb.Point
	switch {
	case l.base != nil:
		pts = l.base.arc(i)
	case l.degrees:
		pts = l.topo.Arc(i)
	default:
		src := l.topo.Arc(i)
		pts = make([]orb.Point, len(src))
		z := ZoneOf(src[0])
		for j, p := range src {
			pts[j] = z.proj(p)
		}
	}
	if l.tol > 0 {
		pts = simplified(pts, l.tol)
	}
	l.arcs[i].Store(&pts) // a concurrent caller computes the same points
	return pts
}

// simplified returns the points that the Douglas-Peucker algorithm keeps
// at tolerance tol, as orb/simplify does (the same points, found in the
// same order), without modifying pts: pts itself when it keeps them all.
func simplified(pts []orb.Point, tol float64) []orb.Point {
	if len(pts) <= 2 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	found := 2
	stack := []int{0, len(pts) - 1}
	for len(stack) > 0 {
		start, end := stack[len(stack)-2], stack[len(stack)-1]
		maxDist, maxIndex := 0.0, 0
		for i := start + 1; i < end; i++ {
			if d := planar.DistanceFromSegmentSquared(pts[start], pts[end], pts[i]); d > maxDist {
				maxDist, maxIndex = d, i
			}
		}
		if maxDist > tol*tol {
			found++
			keep[maxIndex] = true
			stack[len(stack)-1] = maxIndex
			stack = append(stack, maxIndex, end)
		} else {
			stack = stack[:len(stack)-2]
		}
	}
	if found == len(pts) {
		return pts
	}
	out := make([]orb.Point, 0, found)
	for i, k := range keep {
		if k {
			out = append(out, pts[i])
		}
	}
	return out
}

// rings assembles the rings of a shape, projected and simplified. A
// reversed arc (^i) is read backwards in place, not copied.
func (l *level) rings(s boundary.Shape) []orb.Ring {
	var out []orb.Ring
	for _, poly := range s {
		for _, refs := range poly {
			n := 0
			for _, ref := range refs {
				n += len(l.arc(index(ref)))
			}
			ring := make(orb.Ring, 0, n)
			for _, ref := range refs {
				skip := 0
				if len(ring) > 0 {
					skip = 1 // the first point of an arc is the last of the one before
				}
				if ref >= 0 {
					ring = append(ring, l.arc(ref)[skip:]...)
					continue
				}
				a := l.arc(^ref)
				for i := len(a) - 1 - skip; i >= 0; i-- {
					ring = append(ring, a[i])
				}
			}
			out = append(out, ring)
		}
	}
	return out
}

// index returns the arc of a reference.
func index(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

// levels caches the levels of a topology by tolerance.
type levels struct {
	mu   sync.Mutex
	topo *boundary.Topology
	m    map[float64]*level
}

func (ls *levels) get(tol float64) *level {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return ls.locked(tol)
}

func (ls *levels) locked(tol float64) *level {
	if ls.m == nil {
		ls.m = map[float64]*level{}
	}
	l, ok := ls.m[tol]
	if !ok {
		var base *level
		if tol > 0 {
			base = ls.locked(0)
		}
		l = newLevel(ls.topo, tol, base)
		ls.m[tol] = l
	}
	return l
}

// tolerances are the simplification levels maps choose from, in metres:
// a map uses the largest one under the size of one of its units.
var tolerances = []float64{15, 40, 100, 250, 600, 1500}

func toleranceFor(unit float64) float64 {
	best := 0.0
	for _, t := range tolerances {
		if t <= unit {
			best = t
		}
	}
	return best
}
