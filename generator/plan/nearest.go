package plan

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// Nearby is a CPTS and its distance to a commune.
type Nearby struct {
	CPTS *model.CPTS
	Km   float64
}

// Points finds the territories nearest to a commune, for the page of a
// commune no CPTS covers: every commune of every territory is put in a
// grid of cells of about 20 km, searched in rings around the point. It
// holds the territories as they were when it was made (Plan.Points).
type Points struct {
	cells map[[2]int][]territoryPoint
}

type territoryPoint struct {
	cpts     *model.CPTS
	lat, lon float64
	cosLat   float64 // for haversine
}

const cellDeg = 0.2 // about 22 km of latitude, 15 km of longitude in France

func cellOf(lat, lon float64) [2]int {
	return [2]int{int(math.Floor(lat / cellDeg)), int(math.Floor(lon / cellDeg))}
}

// newPoints indexes the communes of the territories of all.
func newPoints(all []*model.CPTS) *Points {
	ix := &Points{cells: map[[2]int][]territoryPoint{}}
	for _, c := range all {
		for _, e := range c.Territory.Entries {
			if e.Commune != nil && e.Commune.HasPoint {
				k := cellOf(e.Commune.Lat, e.Commune.Lon)
				ix.cells[k] = append(ix.cells[k], territoryPoint{c, e.Commune.Lat, e.Commune.Lon, math.Cos(e.Commune.Lat * math.Pi / 180)})
			}
		}
	}
	return ix
}

// NearestShown is how many of the nearest CPTS the page of a commune no
// CPTS covers names.
const NearestShown = 3

// NearestMaxKm bounds the nearest CPTS listed on a commune page: farther
// ones are of no use to someone looking for care.
const NearestMaxKm = 150

// Nearest returns up to n CPTS closest to com, by the distance between its
// centroid and the nearest commune centroid of each territory, within
// NearestMaxKm, nearest first (then by slug).
func (ix *Points) Nearest(com *geo.Commune, n int) []Nearby {
	if !com.HasPoint || ix == nil || len(ix.cells) == 0 {
		return nil
	}
	best := map[*model.CPTS]float64{}
	center := cellOf(com.Lat, com.Lon)
	cellKm := cellDeg * 111 * math.Cos(com.Lat*math.Pi/180) // the shorter side of a cell
	maxRing := int(math.Ceil(NearestMaxKm/cellKm)) + 1
	cosLat := math.Cos(com.Lat * math.Pi / 180)
	visit := func(i, j int) {
		for _, p := range ix.cells[[2]int{i, j}] {
			d := haversine(com.Lat, com.Lon, cosLat, p.lat, p.lon, p.cosLat)
			if old, ok := best[p.cpts]; !ok || d < old {
				best[p.cpts] = d
			}
		}
	}
	for ring := 0; ring <= maxRing; ring++ {
		// The cells of the ring's border: top and bottom rows, then the
		// columns between them.
		i0, i1, j0, j1 := center[0]-ring, center[0]+ring, center[1]-ring, center[1]+ring
		for j := j0; j <= j1; j++ {
			visit(i0, j)
			if ring > 0 {
				visit(i1, j)
			}
		}
		for i := i0 + 1; i < i1; i++ {
			visit(i, j0)
			visit(i, j1)
		}
		// Points beyond this ring are at least ring cells away: about
		// ring*cellDeg degrees of longitude, the shorter side of a cell.
		reach := float64(ring) * cellKm
		if len(best) >= n && nth(best, n) <= reach {
			break
		}
	}
	out := make([]Nearby, 0, len(best))
	for c, d := range best {
		if d <= NearestMaxKm {
			out = append(out, Nearby{c, d})
		}
	}
	slices.SortFunc(out, func(a, b Nearby) int {
		if c := cmp.Compare(a.Km, b.Km); c != 0 {
			return c
		}
		return strings.Compare(a.CPTS.Slug, b.CPTS.Slug)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// KmTo returns the distance from com to the nearest commune of entries, as
// Nearest measures it: +Inf when com or all of them have no centroid.
// Nearest(com) changes with a territory only when KmTo(com) does.
func KmTo(com *geo.Commune, entries []*model.TerritoryEntry) float64 {
	best := math.Inf(1)
	if !com.HasPoint {
		return best
	}
	for _, e := range entries {
		if e.Commune != nil && e.Commune.HasPoint {
			best = min(best, distanceKm(com.Lat, com.Lon, e.Commune.Lat, e.Commune.Lon))
		}
	}
	return best
}

// nth returns the n-th smallest distance, len(best) >= n.
func nth(best map[*model.CPTS]float64, n int) float64 {
	var buf [NearestShown]float64 // no allocation for the shown ones
	small := buf[:0]              // the smallest so far, sorted
	if n > len(buf) {
		small = make([]float64, 0, n)
	}
	for _, d := range best {
		if len(small) == n && d >= small[n-1] {
			continue
		}
		if len(small) < n {
			small = append(small, d)
		}
		i := len(small) - 1
		for i > 0 && small[i-1] > d {
			small[i] = small[i-1]
			i--
		}
		small[i] = d
	}
	return small[n-1]
}

// distanceKm is the great-circle distance between two points (haversine).
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	return haversine(lat1, lon1, math.Cos(lat1*math.Pi/180), lat2, lon2, math.Cos(lat2*math.Pi/180))
}

// haversine is distanceKm with the cosines of the latitudes given.
func haversine(lat1, lon1, cos1, lat2, lon2, cos2 float64) float64 {
	const earth = 6371.0
	rad := math.Pi / 180
	sinLat, sinLon := math.Sin((lat2-lat1)*rad/2), math.Sin((lon2-lon1)*rad/2)
	a := sinLat*sinLat + cos1*cos2*sinLon*sinLon
	return 2 * earth * math.Asin(math.Sqrt(a))
}
