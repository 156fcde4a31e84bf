package build

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/render"
)

// RunOver is Run for the dev server when a change needs a full build (a
// CPTS added or deleted, the configuration, a CPTS's départements...):
// with Options.DeferIndex and Options.Open, it loads, checks and plans the
// whole site as Run does, but renders the open pages alone, over the
// files of prev (whose stylesheets, scripts and maps the pages load
// meanwhile), before it returns; Result.Complete then makes every file
// again from scratch, as Run would have (the links of every page checked,
// the search index, the sitemap, the warnings of the bodies render
// converts), in place of prev's. Provisional tells the server to reload
// the open pages once that is done; Options.Output is not used (the
// server keeps the files in memory). Without DeferIndex or open pages, or
// without prev, it is Run. prev is left as it was.
func RunOver(prev *Result, opts Options) (*Result, diag.List) { return run(prev, opts) }

// Provisional reports whether r's Files are the open pages of RunOver
// over the files of the build before it, until Complete makes every file
// again: the pages open then should reload once it has.
func (r *Result) Provisional() bool { return r.pending != nil && r.pending.whole }

// openFirst renders the open pages over prev's files into r (the rest of
// RunOver, after the plan) and leaves every other file to Complete.
// deferred are the bodies whose links the completion checks if render
// does not convert them (laterWarnings).
func (r *Result) openFirst(prev *Result, ropts render.Options, opts Options, deferred []*model.Markdown) diag.List {
	whole := ropts // every file, for Complete
	ropts.Only, ropts.Out = map[string]bool{}, newOutput(!opts.NoMinify)
	for _, p := range opts.Open {
		ropts.Only[p] = true
	}
	rendered, diags := render.Site(r.Site, ropts)
	if rendered == nil || diags.HasErrors() {
		return diags
	}
	files := prev.Files.Clone()
	for _, p := range rendered.Files.Paths() {
		data, _ := rendered.Files.Get(p)
		files.Replace(p, data)
	}
	for _, p := range opts.Open { // render makes every page asked for that the site has
		if f := plan.File(p); strings.HasSuffix(f, ".html") {
			if _, made := rendered.Files.Get(f); !made {
				files.Remove(f) // a page the site no longer has: the server's 404
			}
		}
	}
	for _, f := range r.pictures.Files {
		files.Replace(f.Path, f.Data)
	}
	r.Files, r.ids, r.Rendered = files, rendered.ReservedIDs, rendered.Files.Len()
	r.pending = &completion{whole: true, render: whole, minify: !opts.NoMinify, deferred: deferred}
	return diags
}

// completeWhole makes every file of the site as Run does, from scratch,
// and puts them in Files in place of those there (see RunOver).
func (r *Result) completeWhole(c *completion, stop func() bool) (diags diag.List, stopped bool) {
	files := output.NewSet()
	for _, f := range r.pictures.Files { // pages link to them
		diags.Append(render.AddFile(files, f.Path, f.Data))
	}
	ropts := c.render
	later := newLaterBodies(c.deferred)
	ropts.Only, ropts.Layouts, ropts.Out, ropts.Stop, ropts.Converted = nil, nil, newOutput(c.minify), stop, later.mark
	index := startIndex(ropts.Plan, ropts.Theme, r.memo, files) // beside the pages, as Run does
	rendered, d := renderOver(r.Site, ropts, files, true)
	if stop() {
		return nil, true // files, in memory, is dropped: the index need not be waited for
	}
	if diags = append(diags, d...); rendered == nil || diags.HasErrors() {
		return diags, false
	}
	diags = append(diags, laterWarnings(r.Site, later)...)
	if diags = append(diags, index.wait()...); diags.HasErrors() {
		return diags, false
	}
	r.Files, r.ids = files, rendered.ReservedIDs
	return diags, false
}
