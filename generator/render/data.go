package render

import (
	"github.com/cpts-fr/cpts/generator/opendata"
	"github.com/cpts-fr/cpts/generator/plan"
)

// openData publishes the open data files of package opendata under
// /donnees/ and the page that lists them. Files the page should list
// besides those of opendata.Files (the territories' GeoJSON) are appended
// to files before the page is emitted.
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
	var listed []opendata.File
	for _, f := range files {
		if f.Key != "schema" { // a schema is linked from its data file
			listed = append(listed, f)
		}
	}
	r.emit("donnees", &page{Path: plan.OpenData, Title: r.t("data_title"), Description: r.t("data_description"),
		Crumbs: []crumb{{r.t("home"), "/"}},
		Data:   openDataData{Files: listed, Licence: opendata.LicenceOf(r.site.Config)}})
}
