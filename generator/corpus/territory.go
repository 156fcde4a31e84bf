package corpus

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/cpts-fr/cpts/generator/geo"
)

// Partition parameters. plannedCPTS is the number of territories cut for
// the whole country before some are left uncovered; with the caps below it
// gives about 900 CPTS.
const (
	plannedCPTS  = 1160
	maxCommunes  = 160  // a territory closes at an EPCI boundary past this many communes
	uncoveredPct = 0.07 // share of territories left without a CPTS
	sharedPct    = 0.08 // share of neighbouring pairs that share a commune (partial = true)
)

// territory is the commune list of one generated CPTS.
type territory struct {
	dept     *geo.Departement
	communes []*geo.Commune // in path order, neighbours next to each other
	shared   map[string]bool
	sharedBy map[string]int // commune code -> index of the other territory, for notes
	main     *geo.Commune   // the most populous commune: names the CPTS
	pop      int
	seed     uint64 // from the main commune's code: stable across scales
}

// unit is the communes of one EPCI inside one département.
type unit struct {
	communes []*geo.Commune
	pop      int
	lat, lon float64
}

// eligible reports whether a commune can be part of a territory: a commune
// of metropolitan France or the DROM with a point, not a city split into
// arrondissements (its arrondissements are listed instead).
func eligible(c *geo.Commune, split map[string]bool) bool {
	if c.Zone != "metro" && c.Zone != "drom" || !c.HasPoint {
		return false
	}
	return !split[c.Code]
}

// splitCities returns the codes of the cities listed by arrondissement.
func splitCities(t *geo.Table) map[string]bool {
	split := map[string]bool{}
	for _, c := range t.Communes() {
		if c.Parent != "" {
			split[c.Parent] = true
		}
	}
	return split
}

// partition cuts the communes of the chosen départements (all when depts is
// empty) into territories: each is one or a few adjacent EPCIs of one
// département, or a piece of a populous EPCI. The cut of a département does
// not depend on which others are chosen, so a small scale has the same
// territories as the national one in its départements.
func partition(t *geo.Table, depts []string) []*territory {
	split := splitCities(t)
	total := 0
	for _, c := range t.Communes() {
		if eligible(c, split) {
			total += c.Population
		}
	}
	var out []*territory
	for _, d := range t.Departements() {
		if d.Zone != "metro" && d.Zone != "drom" {
			continue
		}
		if len(depts) > 0 && !slices.Contains(depts, d.Code) {
			continue
		}
		out = append(out, partitionDept(t, d, split, total)...)
	}
	return out
}

func partitionDept(t *geo.Table, d *geo.Departement, split map[string]bool, total int) []*territory {
	var atoms []*geo.Commune
	pop := 0
	for _, c := range t.InDepartement(d.Code) {
		if eligible(c, split) {
			atoms = append(atoms, c)
			pop += c.Population
		}
	}
	if len(atoms) == 0 {
		return nil
	}
	units := epciUnits(atoms)
	k := max(1, int(math.Round(plannedCPTS*float64(pop)/float64(total))))
	target := max(1, pop/k)

	var chunks [][]*geo.Commune
	var cur []*geo.Commune
	acc := 0
	flush := func() {
		if len(cur) > 0 {
			chunks = append(chunks, cur)
			cur, acc = nil, 0
		}
	}
	for _, u := range units {
		if u.pop >= target*3/2 || len(u.communes) > maxCommunes {
			// A populous or very large EPCI is split into several CPTS.
			flush()
			for _, c := range u.communes {
				cur = append(cur, c)
				acc += c.Population
				if acc >= target || len(cur) >= maxCommunes {
					flush()
				}
			}
			if acc < target*2/5 && len(chunks) > 0 && len(cur) > 0 {
				last := &chunks[len(chunks)-1]
				*last = append(*last, cur...)
				cur, acc = nil, 0
			}
			flush()
			continue
		}
		cur = append(cur, u.communes...)
		acc += u.pop
		if acc >= target*17/20 || len(cur) >= maxCommunes {
			flush()
		}
	}
	if acc < target*2/5 && len(chunks) > 0 {
		last := &chunks[len(chunks)-1]
		*last = append(*last, cur...)
		cur = nil
	}
	flush()

	var out []*territory
	for i, ch := range chunks {
		tr := newTerritory(d, ch)
		rng := rand.New(rand.NewPCG(seed, tr.seed))
		// Leave some territories uncovered, but every département keeps a CPTS.
		if len(chunks) > 1 && rng.Float64() < uncoveredPct && !(i == len(chunks)-1 && len(out) == 0) {
			continue
		}
		out = append(out, tr)
	}
	// Some neighbours share the commune at their boundary.
	for i := 1; i < len(out); i++ {
		a, b := out[i-1], out[i]
		rng := rand.New(rand.NewPCG(seed, b.seed^0x5348415245)) // "SHARE"
		if rng.Float64() >= sharedPct || len(b.communes) < 2 {
			continue
		}
		c := b.communes[0]
		if a.has(c.Code) {
			continue
		}
		a.communes = append(a.communes, c)
		a.pop += c.Population
		a.mark(c.Code, i)
		b.mark(c.Code, i-1)
	}
	return out
}

func newTerritory(d *geo.Departement, communes []*geo.Commune) *territory {
	tr := &territory{dept: d, communes: communes}
	for _, c := range communes {
		tr.pop += c.Population
		if tr.main == nil || c.Population > tr.main.Population {
			tr.main = c
		}
	}
	h := fnv.New64a()
	h.Write([]byte(tr.main.Code))
	tr.seed = h.Sum64()
	return tr
}

func (tr *territory) has(code string) bool {
	return slices.ContainsFunc(tr.communes, func(c *geo.Commune) bool { return c.Code == code })
}

func (tr *territory) mark(code string, other int) {
	if tr.shared == nil {
		tr.shared, tr.sharedBy = map[string]bool{}, map[string]int{}
	}
	tr.shared[code] = true
	tr.sharedBy[code] = other
}

// epciUnits groups communes by EPCI and orders the groups, and the
// communes inside each, along a nearest-neighbour path starting in the
// west, so that consecutive communes are close to each other.
func epciUnits(atoms []*geo.Commune) []*unit {
	byEPCI := map[string]*unit{}
	var keys []string
	for _, c := range atoms {
		key := c.EPCI
		if key == "" {
			key = "commune:" + c.Code // an island commune outside any EPCI
		}
		u := byEPCI[key]
		if u == nil {
			u = &unit{}
			byEPCI[key] = u
			keys = append(keys, key)
		}
		u.communes = append(u.communes, c)
		u.pop += c.Population
	}
	slices.Sort(keys)
	units := make([]*unit, len(keys))
	for i, k := range keys {
		u := byEPCI[k]
		for _, c := range u.communes {
			u.lat += c.Lat
			u.lon += c.Lon
		}
		u.lat /= float64(len(u.communes))
		u.lon /= float64(len(u.communes))
		units[i] = u
	}
	units = nearestPath(units, func(u *unit) (float64, float64) { return u.lat, u.lon }, 0, 0, false)
	lastLat, lastLon, has := 0.0, 0.0, false
	for _, u := range units {
		u.communes = nearestPath(u.communes, func(c *geo.Commune) (float64, float64) { return c.Lat, c.Lon }, lastLat, lastLon, has)
		end := u.communes[len(u.communes)-1]
		lastLat, lastLon, has = end.Lat, end.Lon, true
	}
	return units
}

// nearestPath orders items greedily: start with the item nearest to
// (lat, lon) when from is set, else the westernmost, then always go to the
// nearest unvisited item. Ties keep the input order.
func nearestPath[T any](items []T, pos func(T) (float64, float64), lat, lon float64, from bool) []T {
	n := len(items)
	if n < 2 {
		return items
	}
	left := slices.Clone(items)
	out := make([]T, 0, n)
	start := 0
	for i, it := range left {
		la, lo := pos(it)
		sla, slo := pos(left[start])
		if from && dist2(la, lo, lat, lon) < dist2(sla, slo, lat, lon) || !from && lo < slo {
			start = i
		}
	}
	cur := left[start]
	left = slices.Delete(left, start, start+1)
	out = append(out, cur)
	for len(left) > 0 {
		cla, clo := pos(cur)
		best, bd := 0, math.Inf(1)
		for i, it := range left {
			la, lo := pos(it)
			if d := dist2(la, lo, cla, clo); d < bd {
				best, bd = i, d
			}
		}
		cur = left[best]
		left = slices.Delete(left, best, best+1)
		out = append(out, cur)
	}
	return out
}

// dist2 is a squared planar distance, good enough to compare neighbours.
func dist2(lat1, lon1, lat2, lon2 float64) float64 {
	dx := (lon2 - lon1) * math.Cos((lat1+lat2)/2*math.Pi/180)
	dy := lat2 - lat1
	return dx*dx + dy*dy
}
