package render

import (
	"github.com/cpts-fr/cpts/generator/opendata"
	"github.com/cpts-fr/cpts/generator/plan"
)

var _ = pageKind[openDataData]("donnees", (*renderer).openDataPage)

// openData publishes the open data files of package opendata under
// /donnees/, with the territories' GeoJSON, and keeps those their page
// lists (openDataPage). A build of some files makes them all, when it
// makes one or their page: their page lists them all.
func (r *renderer) openData() {
	if !r.wantedUnder(plan.OpenData) {
		return // a rebuild of a few pages (Options.Only) skips the data files
	}
	if r.opts.Layouts != nil && !r.opts.Layouts["donnees"] {
		return // a rebuild of other layouts' pages
	}
	files := opendata.Files(r.site, r.territoriesFile()...)
	for _, f := range files { // all, or none: their page lists them all
		r.add(f.Path, f.Data)
	}
	for _, f := range files {
		if f.Key != "schema" { // a schema is linked from its data file
			f.Data = nil // written; the page names it, and the render holds no copy
			r.dataFiles = append(r.dataFiles, f)
		}
	}
}

// openDataPage is /donnees/, the list of the open data files.
func (r *renderer) openDataPage(plan.Page) *page {
	return &page{Title: r.t("data_title"), Description: r.t("data_description"), Crumbs: r.homeCrumbs(),
		Data: openDataData{Files: r.dataFiles, Licence: opendata.LicenceOf(r.site.Config)}}
}
