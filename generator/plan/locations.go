package plan

import (
	"sync"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// Location is a département's files under LocationDir: Map, the drawing
// the locator maps of its communes' pages share, and Data, the
// boundaries of its communes with the CPTS covering each, which the
// "find my CPTS" button reads ("" on the site of one CPTS, which has no
// such button).
type Location struct {
	Departement *geo.Departement
	Map, Data   string
	// Communes are those the data file locates, in the table's order:
	// the communes of the site's universe with a boundary, Paris, Lyon
	// and Marseille by arrondissement.
	Communes []*geo.Commune
}

// locations holds the location files, listed on first use.
type locations struct {
	once  sync.Once
	files []Location
}

// Locations returns the location files of the site, in the order of the
// départements: one set per département of metropolitan France or the
// DROM where a commune has a page for its CPTS (every one with [communes]
// pages = "all") and some commune has a boundary; none with maps off.
func (p *Plan) Locations() []Location {
	l := &p.locations
	l.once.Do(func() {
		if p.site.Config.Maps.Off {
			return
		}
		for _, d := range p.site.Geo.Departements() {
			if d.Zone != "metro" && d.Zone != "drom" || len(p.CPTSIn(d.Code)) == 0 && p.site.Config.Communes.Pages != model.PagesAll {
				continue // no commune there has a page: the client says it is outside
			}
			loc := Location{Departement: d, Map: LocationMap(d.Code), Communes: p.located(d.Code)}
			if len(loc.Communes) == 0 {
				continue
			}
			if p.Home() == nil {
				loc.Data = LocationData(d.Code)
			}
			l.files = append(l.files, loc)
		}
	})
	return l.files
}

// located returns the communes a département's data file locates: Paris,
// Lyon and Marseille by arrondissement.
func (p *Plan) located(dept string) []*geo.Commune {
	var out []*geo.Commune
	for _, com := range p.site.Geo.InDepartement(dept) {
		if p.InUniverse(com) && com.HasPolygon && len(p.site.Geo.Arrondissements(com.Code)) == 0 {
			out = append(out, com)
		}
	}
	return out
}

// HasLocationIndex reports whether the site has LocationIndex, the box
// of each data file: maps on, and not the site of one CPTS.
func (p *Plan) HasLocationIndex() bool { return !p.site.Config.Maps.Off && p.Home() == nil }

// LocationFiles returns the paths of the site's files under LocationDir:
// those of Locations, and LocationIndex.
func (p *Plan) LocationFiles() []string {
	var out []string
	for _, l := range p.Locations() {
		out = append(out, l.Map)
		if l.Data != "" {
			out = append(out, l.Data)
		}
	}
	if p.HasLocationIndex() {
		out = append(out, LocationIndex)
	}
	return out
}
