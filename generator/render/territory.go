package render

import (
	"html/template"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/model"
)

var _ = pageKind[territoryData]("cpts-communes", (*renderer).territoryListPage)

// territoryPage returns the page that lists c's communes when its
// territory has more than [communes] on_cpts_page of them, else "": the
// CPTS page then lists them itself.
func (r *renderer) territoryPage(c *model.CPTS) string {
	if !r.plan.HasTerritoryList(c) {
		return ""
	}
	return plan.TerritoryList(c)
}

// territoryFacts are the communes of a territory sorted by name, which
// every page of its list reads.
type territoryFacts struct {
	c       *model.CPTS
	entries []*model.TerritoryEntry
}

// territoryListPage is a page of the list of c's communes, sorted by
// name, when territoryPage says so.
func (r *renderer) territoryListPage(pg plan.Page) *page {
	c := pg.CPTS
	if r.territory == nil || r.territory.c != c {
		r.territory = &territoryFacts{c, plan.TerritoryEntries(c)}
	}
	entries := r.territory.entries
	p := r.pager(pg.List, func(lo int) string { return entries[lo].Commune.Name })
	return &page{Title: r.pageTitle(r.t("territory_page_title", c.Name), p),
		Crumbs:      []crumb{{r.t("home"), "/"}, {r.t("all_cpts"), plan.CPTSList}, {c.Title(), plan.CPTSPage(c)}},
		Description: r.tn("territory_page_desc", len(c.Territory.Entries), c.Name),
		JSONLD:      r.territoryJSONLD(c, entries[pg.List.Lo:pg.List.Hi]),
		Data: territoryData{C: c, Entries: entries[pg.List.Lo:pg.List.Hi], Reach: c.Territory.Reach, HasNotes: hasNotes(c),
			Communes: r.site.Geo, Pager: p}}
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
