package build

import (
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/validate"
)

// Validate checks a loaded site: the rules of package validate, and the
// links of every Markdown body (a forbidden scheme such as javascript:).
// `cpts check` and `cpts build` report the same problems.
func Validate(site *model.Site, table *geo.Table) diag.List {
	diags := validate.Site(site, table)
	md := markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
	bodies := []model.Markdown{}
	for _, c := range site.CPTS {
		bodies = append(bodies, c.Body)
	}
	for _, n := range site.News {
		bodies = append(bodies, n.Body)
	}
	for _, p := range site.Pages {
		bodies = append(bodies, p.Body)
	}
	for _, b := range bodies {
		if len(b.Source) > 0 {
			_, d := md.Convert(b.Source, b.Pos)
			diags = append(diags, d...)
		}
	}
	return diags.Sort()
}
