package boundary

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// cellSize is the side of the cells of the location grid, in degrees.
const cellSize = 0.1

type cell struct{ x, y int32 }

func cellOf(p orb.Point) cell {
	return cell{int32(math.Floor(p[0] / cellSize)), int32(math.Floor(p[1] / cellSize))}
}

// Locate returns the commune containing a point (longitude, latitude in
// degrees): an arrondissement rather than its city. ok is false outside
// every commune (at sea, abroad, in a COM).
func (t *Topology) Locate(p orb.Point) (code string, ok bool) {
	t.gridOnce.Do(t.indexGrid)
	for _, c := range t.grid[cellOf(p)] {
		if !t.bounds[c].Contains(p) {
			continue
		}
		if planar.MultiPolygonContains(t.polygonsOf(t.shape(c)), p) {
			if isArrondissement(c) {
				return c, true
			}
			code, ok = c, true // a city: look on for its arrondissement
		}
	}
	return code, ok
}

// Bound returns the bounding box of a shape.
func (t *Topology) Bound(s Shape) orb.Bound {
	b := orb.Bound{Min: orb.Point{math.Inf(1), math.Inf(1)}, Max: orb.Point{math.Inf(-1), math.Inf(-1)}}
	for _, poly := range s {
		if len(poly) > 0 {
			for _, ref := range poly[0] {
				for _, p := range t.arc(index(ref)) {
					b = b.Extend(p)
				}
			}
		}
	}
	return b
}

// indexGrid puts every shape in the grid cells its bounding box covers.
func (t *Topology) indexGrid() {
	t.grid = map[cell][]string{}
	t.bounds = make(map[string]orb.Bound, len(t.codes))
	for n, c := range t.codes {
		b := t.Bound(t.shapes[n])
		t.bounds[c] = b
		lo, hi := cellOf(b.Min), cellOf(b.Max)
		for x := lo.x; x <= hi.x; x++ {
			for y := lo.y; y <= hi.y; y++ {
				t.grid[cell{x, y}] = append(t.grid[cell{x, y}], c)
			}
		}
	}
}
