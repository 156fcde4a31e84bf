package render

import (
	"html/template"
	"sort"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/model"
)

// territoryPage returns the page that lists c's communes when its
// territory has more than [communes] on_cpts_page of them, else "": the
// CPTS page then lists them itself.
func (r *renderer) territoryPage(c *model.CPTS) string {
	if len(c.Territory.Entries) <= r.site.Config.Communes.OnCPTSPage {
		return ""
	}
	return plan.TerritoryList(c)
}

// territoryPerPage is how many communes a territory page lists: rows of a
// table, named again in its JSON-LD.
const territoryPerPage = 50

// territoryPages renders the list of c's communes on its own page, sorted
// by name, territoryPerPage a page, when territoryPage says so.
func (r *renderer) territoryPages(c *model.CPTS) {
	base := r.territoryPage(c)
	if base == "" || !r.wantedUnder(base) {
		return
	}
	pop := c.Territory.Reach
	entries := make([]*model.TerritoryEntry, 0, len(c.Territory.Entries))
	for _, e := range c.Territory.Entries {
		if e.Commune != nil {
			entries = append(entries, e)
		}
	}
	keys := make(map[string]string, len(entries))
	for _, e := range entries {
		keys[e.Commune.Code] = fold.Fold(e.Commune.Name)
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := keys[entries[i].Commune.Code], keys[entries[j].Commune.Code]
		if a != b {
			return a < b
		}
		return entries[i].Commune.Code < entries[j].Commune.Code
	})
	title := r.t("territory_page_title", c.Name)
	crumbs := []crumb{{r.t("home"), "/"}, {r.t("all_cpts"), plan.CPTSList}, {c.Title(), plan.CPTSPage(c)}}
	guide := func(lo int) string { return entries[lo].Commune.Name }
	r.paginate(base, len(entries), territoryPerPage, guide, func(path string, lo, hi int, p *pager) {
		r.emit("cpts-communes", &page{Path: path, Title: r.pageTitle(title, p), Crumbs: crumbs,
			Description: r.tn("territory_page_desc", len(c.Territory.Entries), c.Name),
			JSONLD:      r.territoryJSONLD(c, entries[lo:hi]),
			Data: territoryData{C: c, Entries: entries[lo:hi], Reach: pop, HasNotes: hasNotes(c),
				Communes: r.site.Geo, Pager: p}})
	})
}

// territoryJSONLD names the communes of a territory page as served by
// its CPTS (schema.org areaServed); "@id" makes it the organisation the
// CPTS page describes, so that its pages together name the territory.
func (r *renderer) territoryJSONLD(c *model.CPTS, entries []*model.TerritoryEntry) template.JS {
	doc := map[string]any{
		"@context": "https://schema.org",
		"@type":    "MedicalOrganization",
		"@id":      r.organisationID(c),
		"name":     c.Name,
		"url":      r.abs(plan.CPTSPage(c)),
	}
	if area := areaServed(entries); len(area) > 0 {
		doc["areaServed"] = area
	}
	return jsonLD(doc)
}

// organisationID identifies a CPTS in the JSON-LD of every page about it.
func (r *renderer) organisationID(c *model.CPTS) string {
	return r.abs(plan.CPTSPage(c)) + "#organisation"
}

// areaServed lists communes of a territory for schema.org.
func areaServed(entries []*model.TerritoryEntry) []map[string]string {
	var area []map[string]string
	for _, e := range entries {
		if e.Commune != nil {
			area = append(area, map[string]string{"@type": "City", "name": e.Commune.Name, "identifier": e.Commune.Code})
		}
	}
	return area
}
