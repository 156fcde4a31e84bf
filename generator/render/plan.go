package render

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// Planned answers, before anything is rendered, whether Site(site, opts)
// makes a page at a site path, for the pages the search index links to: a
// commune ("/communes/46127/"), a département, a région and a news item.
// Any other path answers false. It follows the rules the renderer follows
// (config [communes] pages, the scope, which news are published), so that
// the index can be built while the pages are; package build checks every
// answer against the rendered files. opts.Only must be nil.
func Planned(site *model.Site, opts Options) func(path string) bool {
	r := &renderer{site: site, opts: opts}
	r.indexDepartements()
	depts, regions := map[string]bool{}, map[string]bool{}
	if r.homeCPTS() == nil { // a single-CPTS site has no area pages
		for _, item := range r.departementList() {
			depts[item.D.Code] = true
			if r.regionInScope(item.D.Region) {
				regions[item.D.Region] = true
			}
		}
	}
	news := map[string]bool{}
	for _, n := range site.News {
		if r.visible(n) {
			news[newsPath(n)] = true
		}
	}
	return func(p string) bool {
		kind, code, ok := strings.Cut(strings.Trim(p, "/"), "/")
		if !ok || strings.Contains(code, "/") {
			return news[p]
		}
		switch kind {
		case "communes":
			com := site.Geo.Commune(code)
			return com != nil && com.Code == code && r.hasPage(com)
		case "departements":
			return depts[code]
		case "regions":
			return regions[code]
		}
		return news[p]
	}
}
