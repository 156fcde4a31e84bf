// Package scope cuts a validated site down to what one site publishes, so
// that one content repository serves several sites: a single CPTS's own
// website, a regional directory, the national one.
//
// The [scope] table of the configuration chooses one CPTS, some
// départements or régions, or (when empty) all content. Apply returns a
// model.Site holding only the CPTS in scope, their news, and the
// site-wide news and pages when they are shared; every stage after it
// (pages, search index, feeds, sitemap, open data, maps) reads that site
// and follows. Validation runs before, on the whole repository: an error
// anywhere is an error in every site.
package scope

import (
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// Result is the in-scope site and what rendering needs to link out of it.
type Result struct {
	// Site holds the CPTS in scope, their news, the shared news and pages,
	// and the coverage of communes by the CPTS in scope only.
	Site *model.Site
	// Home is the CPTS of a single-CPTS site; nil otherwise.
	Home *model.CPTS
	// Departements holds the codes of the départements in scope; nil when
	// the site covers all content.
	Departements map[string]bool
	// Regions holds the régions whose départements are all in scope; nil
	// when the site covers all content.
	Regions map[string]bool
	// Outside holds the slugs of the CPTS left out.
	Outside map[string]bool
	// Directory is the URL, ending in "/", where what is left out is
	// published; empty when the site covers all content.
	Directory string
	// Shared tells whether the site-wide news and pages are published.
	Shared bool
	// oneCPTS tells a site of one CPTS ([scope] cpts), Home when found.
	oneCPTS bool
}

// Publishes reports whether the site publishes the CPTS c: all do on a
// site of all content; on a site of one CPTS, that one; else those that
// reach one of its départements.
func (r *Result) Publishes(c *model.CPTS) bool {
	switch {
	case r.All():
		return true
	case r.oneCPTS:
		return r.Home != nil && c == r.Home
	}
	return slices.ContainsFunc(c.AllDepartements(), func(d string) bool { return r.Departements[d] })
}

// All reports whether the site covers all content.
func (r *Result) All() bool { return r.Departements == nil }

// Apply returns the part of a validated site that its [scope] covers. The
// site given is not modified. A scope that Check rejects covers nothing.
func Apply(site *model.Site) *Result {
	sc := site.Config.Scope
	if sc.IsAll() {
		return &Result{Site: site, Shared: true}
	}
	res := &Result{
		Departements: map[string]bool{},
		Regions:      map[string]bool{},
		Outside:      map[string]bool{},
		Directory:    strings.TrimSuffix(string(sc.DirectoryURL), "/") + "/",
	}
	if sc.DirectoryURL == "" {
		res.Directory = ""
	}
	for _, r := range sc.Regions {
		res.Regions[r] = true
		for _, d := range site.Geo.Departements() {
			if d.Region == r {
				res.Departements[d.Code] = true
			}
		}
	}
	for _, d := range sc.Departements {
		res.Departements[d] = true
	}
	if sc.CPTS != "" {
		res.oneCPTS = true
		res.Home = site.CPTSBySlug(sc.CPTS)
		if res.Home != nil {
			for _, d := range res.Home.AllDepartements() {
				res.Departements[d] = true
			}
		}
	}
	out := &model.Site{Config: site.Config, Geo: site.Geo}
	kept := map[*model.CPTS]bool{}
	for _, c := range site.CPTS {
		if res.Publishes(c) {
			out.CPTS = append(out.CPTS, c)
			kept[c] = true
		} else {
			res.Outside[c.Slug] = true
		}
	}
	shared := sc.CPTS == ""
	if sc.Shared != nil {
		shared = *sc.Shared
	}
	res.Shared = shared
	for _, n := range site.News {
		if n.CPTS == nil && shared || n.CPTS != nil && kept[n.CPTS] {
			out.News = append(out.News, n)
		}
	}
	if shared {
		out.Pages = site.Pages
	}
	out.Coverage = site.Coverage.Keep(func(c *model.CPTS) bool { return kept[c] }, site.Geo)
	res.Site = out
	return res
}

// Check reports the mistakes of a [scope] table, at the key that holds
// them: an unknown CPTS, département or région, a CPTS given together
// with areas, and a restricted scope without a directory_url.
func Check(site *model.Site, table *geo.Table) diag.List {
	var diags diag.List
	sc := site.Config.Scope
	if sc.IsAll() {
		return nil
	}
	if sc.CPTS != "" {
		if len(sc.Departements) > 0 || len(sc.Regions) > 0 {
			diags.Errorf(sc.At("cpts"), diag.Consistency, "scope: cpts and departements or regions exclude each other").
				WithHint("a single-CPTS site covers its CPTS; remove departements and regions, or cpts")
		}
		if site.CPTSBySlug(sc.CPTS) == nil {
			slugs := make([]string, len(site.CPTS))
			for i, c := range site.CPTS {
				slugs[i] = c.Slug
			}
			d := diags.Errorf(sc.At("cpts"), diag.Value, "scope.cpts: no CPTS %q in content/cpts/", sc.CPTS)
			if s := diag.Suggest(sc.CPTS, slugs, 1); len(s) > 0 {
				d.WithHint("%s", diag.DidYouMean(s))
			} else {
				d.WithHint("write the name of a folder of content/cpts/")
			}
		}
	}
	for _, code := range sc.Departements {
		if table.Departement(code) == nil {
			diags.Errorf(sc.At("departements"), diag.Value, "scope.departements: no département %q", code).
				WithHint("write INSEE codes: \"34\", \"2A\", \"971\"")
		}
	}
	for _, code := range sc.Regions {
		if table.Region(code) == nil {
			var codes []string
			for _, r := range table.Regions() {
				codes = append(codes, r.Code+" "+r.Name)
			}
			diags.Errorf(sc.At("regions"), diag.Value, "scope.regions: no région %q", code).
				WithHint("write INSEE codes: %s", strings.Join(codes, ", "))
		}
	}
	if sc.DirectoryURL == "" {
		diags.Errorf(sc.Pos, diag.Required, "scope: missing directory_url").
			WithHint("links to the CPTS, communes and départements this site leaves out go there: add directory_url = \"https://annuaire.example.org/\"")
	}
	return diags
}
