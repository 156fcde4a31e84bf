package carto

import (
	"math"
	"slices"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"
)

// TestSimplifiedNeighboursShareBorders simplifies the communes of a few
// départements at every tolerance and checks that they still tile their
// département: the areas of the simplified communes add up to the area of
// the simplified département outline (a gap or an overlap between
// neighbours would break the equality), and each simplified arc keeps
// its ends.
func TestSimplifiedNeighboursShareBorders(t *testing.T) {
	a := atlas(t)
	for _, dep := range []string{"46", "34", "75", "974"} {
		codes := codesOf(a, dep)
		outline := a.topo.Outline(codes)
		for _, tol := range tolerances {
			l := a.levels.get(tol)
			var sum float64
			for _, c := range codes {
				s, _ := a.topo.Shape(c)
				sum += signedArea(l.rings(s))
			}
			whole := signedArea(l.rings(outline))
			if math.Abs(sum-whole) > 1e-6*whole {
				t.Errorf("département %s at %g m: communes %.0f m², outline %.0f m²", dep, tol, sum, whole)
			}
			if whole <= 0 {
				t.Errorf("département %s at %g m: empty outline", dep, tol)
			}
		}
	}
	l := a.levels.get(tolerances[len(tolerances)-1])
	for i := range 2000 {
		arc := a.topo.Arc(i)
		z := ZoneOf(arc[0])
		s := l.arc(i)
		if s[0] != z.proj(arc[0]) || s[len(s)-1] != z.proj(arc[len(arc)-1]) {
			t.Fatalf("arc %d lost its ends", i)
		}
	}
}

func signedArea(rings []orb.Ring) float64 {
	var a float64
	for _, r := range rings {
		a += planar.Area(r)
	}
	return a
}

// TestSimplifiedAsOrb checks that simplified keeps the very points that
// orb's Douglas-Peucker keeps, at every tolerance, projected and in
// degrees.
func TestSimplifiedAsOrb(t *testing.T) {
	a := atlas(t)
	base := a.levels.get(0)
	for i := 0; i < a.topo.NumArcs(); i += 7 {
		pts := base.arc(i)
		for _, tol := range tolerances {
			want := simplify.DouglasPeucker(tol).LineString(slices.Clone(orb.LineString(pts)))
			if got := simplified(pts, tol); !slices.Equal(got, want) {
				t.Fatalf("arc %d at %g m: %d points, want %d", i, tol, len(got), len(want))
			}
		}
		deg := a.topo.Arc(i)
		want := simplify.DouglasPeucker(locTolerance).LineString(slices.Clone(orb.LineString(deg)))
		if got := simplified(deg, locTolerance); !slices.Equal(got, want) {
			t.Fatalf("arc %d in degrees: %d points, want %d", i, len(got), len(want))
		}
	}
}
