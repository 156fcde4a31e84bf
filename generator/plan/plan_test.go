package plan_test

import (
	"slices"
	"testing"
	"time"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/opendata"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/scope"
	"github.com/cpts-fr/cpts/generator/validate"
)

func sample(t *testing.T) *model.Site {
	t.Helper()
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(cpts.Sample, load.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if d := validate.Site(site, table); d.HasErrors() {
		t.Fatal(d)
	}
	return site
}

func date(s string) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestPublished(t *testing.T) {
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name   string
		n      model.News
		now    time.Time
		drafts bool
		want   bool
	}{
		{"dated, no clock", model.News{Date: date("2030-01-01")}, time.Time{}, false, true},
		{"draft, no clock", model.News{Draft: true}, time.Time{}, false, false},
		{"draft, with drafts", model.News{Draft: true}, time.Time{}, true, true},
		{"past", model.News{Date: date("2026-12-04")}, now, false, true},
		{"scheduled", model.News{Date: date("2026-12-06")}, now, false, false},
		{"expired", model.News{Date: date("2020-01-01"), Expires: date("2026-12-01")}, now, false, false},
	} {
		if got := plan.Published(&tt.n, tt.now, tt.drafts); got != tt.want {
			t.Errorf("%s: Published = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPaths holds the path helpers to the URL table of the package doc.
func TestPaths(t *testing.T) {
	c := &model.CPTS{Slug: "pays-de-lunel"}
	for _, tt := range []struct{ got, want string }{
		{plan.CPTSPage(c), "/cpts/pays-de-lunel/"},
		{plan.TerritoryList(c), "/cpts/pays-de-lunel/communes/"},
		{plan.NewsPage(&model.News{Slug: "aci", CPTS: c}), "/cpts/pays-de-lunel/actualites/aci/"},
		{plan.NewsPage(&model.News{Slug: "aci"}), "/actualites/aci/"},
		{plan.ListPage(plan.NewsList, 1), "/actualites/"},
		{plan.ListPage(plan.CPTSList, 3), "/cpts/page/3/"},
		{plan.TagPage("Prévention santé"), "/actualites/mots-cles/prevention-sante/"},
		{plan.CommunePage("46127"), "/communes/46127/"},
		{plan.LetterPage("G"), "/communes/g/"},
		{plan.DepartementPage("2A"), "/departements/2A/"},
		{plan.UncoveredPage("46"), "/departements/46/sans-cpts/"},
		{plan.RegionPage("76"), "/regions/76/"},
		{plan.FreePage(&model.Page{Slug: "adherer"}), "/pages/adherer/"},
		{plan.MapOf(plan.FranceMap), "/carte/france.svg"},
		{plan.MapOf(plan.CPTSPage(c)), "/cpts/pays-de-lunel/carte.svg"},
		{plan.TerritoryGeoJSON(c), "/cpts/pays-de-lunel/territoire.geojson"},
		{plan.Calendar(nil), "/evenements.ics"},
		{plan.File("/"), "index.html"},
		{plan.File("/cpts/x/"), "cpts/x/index.html"},
		{plan.File("/robots.txt"), "robots.txt"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
}

// TestHas checks that the answers the search index is given agree with
// the plan's own decisions, page by page, on every kind of site:
// [communes] pages, scopes and dates.
func TestHas(t *testing.T) {
	site := sample(t)
	for name, opts := range siteKinds(site) {
		t.Run(name, func(t *testing.T) {
			s := planned(site, opts)
			p := plan.Build(s, opts)
			pages := 0
			for _, com := range s.Geo.Communes() {
				if got, want := p.Has(plan.CommunePage(com.Code)), p.HasCommunePage(com); got != want {
					t.Errorf("Has(%s) = %v, HasCommunePage = %v", com.Code, got, want)
				}
				if p.HasCommunePage(com) {
					pages++
				}
			}
			if pages == 0 {
				t.Error("no commune page")
			}
			for _, d := range s.Geo.Departements() {
				want := slices.ContainsFunc(p.Departements(), func(x plan.Departement) bool { return x.D == d })
				if got := p.Has(plan.DepartementPage(d.Code)); got != want {
					t.Errorf("Has(département %s) = %v, want %v", d.Code, got, want)
				}
			}
			paths := map[string]bool{}
			for _, pg := range allPages(p) {
				paths[pg.Path] = true
			}
			for _, n := range s.News { // the index lists the news Published says
				if got := paths[plan.NewsPage(n)]; got != p.Published(n) {
					t.Errorf("page %s: %v, published %v", plan.NewsPage(n), got, p.Published(n))
				}
			}
			if p.Has("/cpts/") || p.Has("/communes/99999/") {
				t.Error("Has answers true for a page it does not know")
			}
		})
	}
}

// siteKinds are the kinds of site the plan's tests run on: [communes]
// pages, scopes, dates.
func siteKinds(site *model.Site) map[string]plan.Options {
	all, covered := *site, *site
	all.Config.Communes.Pages, covered.Config.Communes.Pages = model.PagesAll, model.PagesCovered
	return map[string]plan.Options{
		"pages = all":     {Scope: scope.Apply(&all)},
		"pages = covered": {Scope: scope.Apply(&covered)},
		"all":             {},
		"in 2020":         {Now: time.Date(2020, 12, 31, 0, 0, 0, 0, time.UTC)},
		"one CPTS":        {Scope: scope.Apply(withScope(site, model.Scope{CPTS: "pays-de-lunel"}))},
		"the Lot":         {Scope: scope.Apply(withScope(site, model.Scope{Departements: []string{"46"}}))},
	}
}

// planned is the site a plan with opts is made of: its scope's, if any.
func planned(site *model.Site, opts plan.Options) *model.Site {
	if opts.Scope != nil {
		return opts.Scope.Site
	}
	return site
}

func withScope(site *model.Site, sc model.Scope) *model.Site {
	c := *site
	c.Config.Scope = sc
	return &c
}

// TestTags checks that the spellings of a tag share its page, named by
// the newest, and that an item is listed once.
func TestTags(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	a := &model.News{Slug: "a", Date: date("2026-02-01"), Tags: []string{"Prévention", "prevention"}}
	b := &model.News{Slug: "b", Date: date("2026-01-01"), Tags: []string{"prévention", "Dépistage"}}
	d := &model.News{Slug: "d", Date: date("2025-01-01"), Tags: []string{"dépistage"}, Draft: true}
	site := &model.Site{Geo: table, News: []*model.News{a, b, d}}
	first := plan.Build(site, plan.Options{})
	for name, p := range map[string]*plan.Plan{"new": first, "from a previous plan": plan.Build(site, plan.Options{Previous: first})} {
		var got []string
		for _, tag := range p.Tags {
			got = append(got, tag.Name+":"+tag.Slug)
			for _, n := range tag.News {
				got = append(got, n.Slug)
			}
		}
		if want := []string{"Dépistage:depistage", "b", "Prévention:prevention", "a", "b"}; !slices.Equal(got, want) {
			t.Errorf("%s: tags %q, want %q", name, got, want)
		}
	}
}

// TestOpenDataFolder holds the page of the open data to the folder where
// package opendata writes the files it lists.
func TestOpenDataFolder(t *testing.T) {
	if plan.OpenData != "/"+opendata.Dir {
		t.Errorf("plan.OpenData = %s, opendata.Dir = %s", plan.OpenData, opendata.Dir)
	}
}

// TestSiteWidePages checks which sites have the map of their CPTS and the
// page for professionals: not the site of one CPTS (its home page shows
// its territory and how to join it), nor a site with maps off.
func TestSiteWidePages(t *testing.T) {
	site := sample(t)
	off := *site
	off.Config.Maps.Off = true
	for _, tc := range []struct {
		name            string
		site            *model.Site
		opts            plan.Options
		franceMap, join bool
		elsewhere       bool // some départements have no page
	}{
		{"all", site, plan.Options{}, true, true, true},
		{"one CPTS", nil, plan.Options{Scope: scope.Apply(withScope(site, model.Scope{CPTS: "pays-de-lunel"}))}, false, false, false},
		{"the Lot", nil, plan.Options{Scope: scope.Apply(withScope(site, model.Scope{Departements: []string{"46"}}))}, true, true, true},
		{"maps off", &off, plan.Options{}, false, true, true},
	} {
		s := tc.site
		if tc.opts.Scope != nil {
			s = tc.opts.Scope.Site
		}
		p := plan.Build(s, tc.opts)
		if p.HasFranceMap() != tc.franceMap || p.HasJoinPage() != tc.join || p.HasElsewhere() != tc.elsewhere {
			t.Errorf("%s: HasFranceMap %v, HasJoinPage %v, HasElsewhere %v; want %v, %v, %v", tc.name,
				p.HasFranceMap(), p.HasJoinPage(), p.HasElsewhere(), tc.franceMap, tc.join, tc.elsewhere)
		}
	}
}

// TestUntil: the next instant a build of the same site publishes
// something else is the first to come of a scheduled item's date, an
// expiry and the end of an event's day.
func TestUntil(t *testing.T) {
	day := func(y, m, d int) model.Date { return model.DayOf(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)) }
	at := func(d model.Date) time.Time { return d.Time() }
	c := &model.CPTS{Slug: "a"}
	base := sample(t)
	for _, tc := range []struct {
		name   string
		news   []*model.News
		events []*model.Event
		now    time.Time
		want   time.Time
	}{
		{"nothing dated after now", []*model.News{{Date: day(2024, 4, 1)}}, nil, at(day(2024, 4, 10)), time.Time{}},
		{"a scheduled item", []*model.News{{Date: day(2024, 4, 1)}, {Date: day(2024, 4, 17)}, {Date: day(2024, 5, 1)}}, nil,
			at(day(2024, 4, 10)).Add(9 * time.Hour), at(day(2024, 4, 17))},
		{"an expiry before it", []*model.News{{Date: day(2024, 4, 17)}, {Date: day(2024, 4, 1), Expires: day(2024, 4, 12)}}, nil,
			at(day(2024, 4, 10)), at(day(2024, 4, 12))},
		{"an expired item is past", []*model.News{{Date: day(2024, 4, 1), Expires: day(2024, 4, 5)}}, nil, at(day(2024, 4, 10)), time.Time{}},
		{"the end of an event's day", []*model.News{{Date: day(2024, 4, 17)}}, []*model.Event{{Date: day(2024, 4, 10), CPTS: c}},
			at(day(2024, 4, 10)).Add(20 * time.Hour), at(day(2024, 4, 11))},
		{"a build without a date publishes everything", []*model.News{{Date: day(2030, 1, 1)}}, nil, time.Time{}, time.Time{}},
	} {
		c.Events = tc.events
		site := &model.Site{Config: base.Config, Geo: base.Geo, Coverage: base.Coverage, CPTS: []*model.CPTS{c}, News: tc.news}
		if got := plan.Build(site, plan.Options{Now: tc.now}).Until(); !got.Equal(tc.want) {
			t.Errorf("%s: Until = %v, want %v", tc.name, got, tc.want)
		}
	}
}
