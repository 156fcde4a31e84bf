package render

import (
	"math"
	"sort"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// index computes what several pages share: which communes get a page, and
// the CPTS of each departement.
func (r *renderer) index() {
	r.cptsByDept = map[string][]*model.CPTS{}
	for _, c := range r.site.CPTS {
		for _, d := range cptsDepartements(c) {
			r.cptsByDept[d] = append(r.cptsByDept[d], c)
		}
	}
	r.claimedParents = map[string]bool{}
	for _, entries := range r.site.Coverage {
		for _, e := range entries {
			if e.Commune != nil && e.Commune.Parent != "" {
				r.claimedParents[e.Commune.Parent] = true
			}
		}
	}
	r.communePages = map[string]bool{}
	for _, com := range r.site.Geo.Communes() {
		switch r.site.Config.Communes.Pages {
		case model.PagesAll:
			r.communePages[com.Code] = true
		case model.PagesCovered:
			r.communePages[com.Code] = len(r.claims(com)) > 0
		default:
			r.communePages[com.Code] = len(r.cptsByDept[com.Departement]) > 0
		}
	}
}

// cptsDepartements lists the departements of a CPTS: those of its
// communes, and those it declares.
func cptsDepartements(c *model.CPTS) []string {
	seen := map[string]bool{}
	var out []string
	add := func(d string) {
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	for _, e := range c.Territory.Entries {
		if e.Commune != nil {
			add(e.Commune.Departement)
		}
	}
	for _, d := range c.Departements {
		add(d)
	}
	sort.Strings(out)
	return out
}

// claims returns the territory entries covering a commune, including those
// of its whole city for an arrondissement and of its arrondissements for a
// city, sorted by CPTS slug.
func (r *renderer) claims(com *geo.Commune) []*model.TerritoryEntry {
	out := append([]*model.TerritoryEntry(nil), r.site.Coverage[com.Code]...)
	if com.Parent != "" {
		out = append(out, r.site.Coverage[com.Parent]...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CPTS.Slug < out[j].CPTS.Slug })
	return out
}

// nearby is a CPTS and its distance to a commune.
type nearby struct {
	CPTS *model.CPTS
	Km   float64
}

// nearest returns up to n CPTS closest to com, by the distance between its
// centroid and the nearest centroid of each territory.
func (r *renderer) nearest(com *geo.Commune, n int) []nearby {
	if !com.HasPoint {
		return nil
	}
	var out []nearby
	for _, c := range r.site.CPTS {
		best := math.Inf(1)
		for _, e := range c.Territory.Entries {
			if e.Commune != nil && e.Commune.HasPoint {
				best = math.Min(best, distanceKm(com.Lat, com.Lon, e.Commune.Lat, e.Commune.Lon))
			}
		}
		if !math.IsInf(best, 1) {
			out = append(out, nearby{c, best})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
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

// distanceKm is the great-circle distance (haversine).
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const earth = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * earth * math.Asin(math.Sqrt(a))
}
