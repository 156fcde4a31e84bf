package plan

import (
	"math"
	"sort"

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
				ix.cells[k] = append(ix.cells[k], territoryPoint{c, e.Commune.Lat, e.Commune.Lon})
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
	for ring := 0; ring <= maxRing; ring++ {
		for i := center[0] - ring; i <= center[0]+ring; i++ {
			for j := center[1] - ring; j <= center[1]+ring; j++ {
				if max(abs(i-center[0]), abs(j-center[1])) != ring {
					continue // inner rings are done
				}
				for _, p := range ix.cells[[2]int{i, j}] {
					d := distanceKm(com.Lat, com.Lon, p.lat, p.lon)
					if old, ok := best[p.cpts]; !ok || d < old {
						best[p.cpts] = d
					}
				}
			}
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
	sort.Slice(out, func(i, j int) bool {
		if out[i].Km != out[j].Km {
			return out[i].Km < out[j].Km
		}
		return out[i].CPTS.Slug < out[j].CPTS.Slug
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

// nth returns the n-th smallest distance.
func nth(best map[*model.CPTS]float64, n int) float64 {
	ds := make([]float64, 0, len(best))
	for _, d := range best {
		ds = append(ds, d)
	}
	sort.Float64s(ds)
	return ds[n-1]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// distanceKm is the great-circle distance between two points (haversine).
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earth = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earth * math.Asin(math.Sqrt(a))
}
