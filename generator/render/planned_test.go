package render_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/scope"
)

// TestRenderMakesThePlannedPages checks that the HTML files of a render
// are exactly the pages of its plan, on every kind of site: [communes]
// pages, a scope of one CPTS or one département, a date that leaves news
// out.
func TestRenderMakesThePlannedPages(t *testing.T) {
	site, theme := testSite(t, "site.txtar")
	variant := func(f func(*model.Site)) *model.Site {
		s := *site
		f(&s)
		return &s
	}
	for name, tc := range map[string]struct {
		site  *model.Site
		scope bool
		opts  plan.Options
	}{
		"all":     {site: site},
		"in 2020": {site: site, opts: plan.Options{Now: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)}},
		"pages = all": {site: variant(func(s *model.Site) { // every commune of France would take seconds
			s.Config.Communes.Pages, s.Config.Scope = model.PagesAll, model.Scope{Departements: []string{"34"}}
		}), scope: true},
		"pages = covered": {site: variant(func(s *model.Site) { s.Config.Communes.Pages = model.PagesCovered }), scope: true},
		"one CPTS":        {site: variant(func(s *model.Site) { s.Config.Scope = model.Scope{CPTS: "lunel"} }), scope: true},
		"the Hérault":     {site: variant(func(s *model.Site) { s.Config.Scope = model.Scope{Departements: []string{"34"}} }), scope: true},
		"maps off":        {site: variant(func(s *model.Site) { s.Config.Maps.Off = true })},
	} {
		t.Run(name, func(t *testing.T) {
			s, opts := tc.site, tc.opts
			if tc.scope {
				opts.Scope = scope.Apply(s)
				s = opts.Scope.Site
			}
			p := plan.Build(s, opts)
			res, diags := render.Site(s, render.Options{Theme: theme, Plan: p})
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			var want, got []string
			layouts := map[string]bool{}
			for _, sec := range p.Sections() {
				for _, pg := range sec.Pages() {
					want = append(want, plan.File(pg.Path))
					layouts[pg.Layout] = true
				}
			}
			for _, f := range res.Files.Paths() {
				if strings.HasSuffix(f, ".html") {
					got = append(got, f)
				}
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("rendered %d HTML files, the plan has %d pages", len(got), len(want))
				for _, f := range got {
					if _, ok := slices.BinarySearch(want, f); !ok {
						t.Errorf("rendered, not planned: %s", f)
					}
				}
				for _, f := range want {
					if _, ok := slices.BinarySearch(got, f); !ok {
						t.Errorf("planned, not rendered: %s", f)
					}
				}
			}
			if name == "all" && len(layouts) < 20 {
				t.Errorf("the plan of the whole test site uses %d layouts: %v", len(layouts), layouts)
			}
			// The location files too are the plan's, data files but on
			// the site of one CPTS, none with maps off.
			var wantLoc, gotLoc []string
			for _, f := range p.LocationFiles() {
				wantLoc = append(wantLoc, plan.File(f))
			}
			for _, f := range res.Files.Paths() {
				if strings.HasPrefix(f, strings.TrimPrefix(plan.LocationDir, "/")) {
					gotLoc = append(gotLoc, f)
				}
			}
			slices.Sort(wantLoc)
			if !slices.Equal(gotLoc, wantLoc) {
				t.Errorf("location files %q, the plan's %q", gotLoc, wantLoc)
			}
			data := slices.ContainsFunc(wantLoc, func(f string) bool { return strings.HasSuffix(f, ".json") })
			switch {
			case s.Config.Maps.Off && len(wantLoc) > 0,
				name == "one CPTS" && (len(wantLoc) == 0 || data),
				!s.Config.Maps.Off && name != "one CPTS" && (!data || !slices.Contains(wantLoc, plan.File(plan.LocationIndex))):
				t.Errorf("location files %q", wantLoc)
			}
		})
	}
}
