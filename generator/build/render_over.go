package build

import (
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/render"
)

// renderOver renders what ropts asks for into ropts.Out, strips the
// images of static/ it copied (as a full build does), puts the files into
// files in place of theirs, and checks the links of the Markdown it
// converted against files. every says ropts renders every file: then the
// links the layouts write are checked too, in every page, as a full
// build checks them. It returns nil on errors.
func renderOver(site *model.Site, ropts render.Options, files *output.Set, every bool) (*render.Result, diag.List) {
	var links *linkcheck.Collector
	if every {
		links = linkcheck.NewCollector()
		ropts.Out.InspectWith(links.Add)
	}
	rendered, diags := render.Site(site, ropts)
	if rendered == nil || diags.HasErrors() || ropts.Stop != nil && ropts.Stop() {
		return nil, diags // stopped: the caller drops it all
	}
	if diags = append(diags, stripStatic(rendered.Files, ropts.Theme)...); diags.HasErrors() {
		return nil, diags
	}
	for _, p := range rendered.Files.Paths() {
		data, _ := rendered.Files.Get(p)
		files.Replace(p, data)
	}
	diags = append(diags, CheckLinks(&render.Result{Files: files, Links: rendered.Links})...)
	if every && !diags.HasErrors() {
		diags = append(diags, checkOutput(links.Check(files, string(site.Config.BaseURL)), ropts.Theme)...)
	}
	if diags.HasErrors() {
		return nil, diags
	}
	return rendered, diags
}
