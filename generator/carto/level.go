package carto

import (
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// level holds the arcs of the topology projected (each in the zone of its
// first point) and simplified with one tolerance, computed on first use.
// The simplification keeps the ends of every arc, so neighbours, which
// share their arcs, keep sharing their borders: no gap, no overlap.
type level struct {
	topo    *boundary.Topology
	tol     float64 // metres, or degrees when degrees is set
	degrees bool    // keep longitude and latitude: no projection
	arcs    []atomic.Pointer[[]orb.Point]
}

func newLevel(t *boundary.Topology, tol float64) *level {
	return &level{topo: t, tol: tol, arcs: make([]atomic.Pointer[[]orb.Point], len(t.Arcs))}
}

// arc returns arc i (not a reference: no reversal) projected and simplified.
func (l *level) arc(i int) []orb.Point {
	if p := l.arcs[i].Load(); p != nil {
		return *p
	}
	src := l.topo.Arcs[i]
	ls := make(orb.LineString, len(src))
	copy(ls, src)
	if !l.degrees {
		z := ZoneOf(src[0])
		for j, p := range src {
			ls[j] = z.proj(p)
		}
	}
	if l.tol > 0 {
		ls = simplify.DouglasPeucker(l.tol).LineString(ls)
	}
	pts := []orb.Point(ls)
	l.arcs[i].Store(&pts) // a concurrent caller computes the same points
	return pts
}

// rings assembles the rings of a shape, projected and simplified. A
// reversed arc (^i) is read backwards in place, not copied.
func (l *level) rings(s boundary.Shape) []orb.Ring {
	var out []orb.Ring
	for _, poly := range s {
		for _, refs := range poly {
			n := 0
			for _, ref := range refs {
				if ref < 0 {
					ref = ^ref
				}
				n += len(l.arc(ref))
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

// levels caches the levels of a topology by tolerance.
type levels struct {
	mu   sync.Mutex
	topo *boundary.Topology
	m    map[float64]*level
}

func (ls *levels) get(tol float64) *level {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.m == nil {
		ls.m = map[float64]*level{}
	}
	l, ok := ls.m[tol]
	if !ok {
		l = newLevel(ls.topo, tol)
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
