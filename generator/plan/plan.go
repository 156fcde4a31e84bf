package plan

import (
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/scope"
)

// Options say what a build publishes.
type Options struct {
	// Now decides which news are published: scheduled ones (dated after
	// Now) and expired ones are left out. The zero value means "always":
	// every dated item is published and none has expired.
	Now time.Time
	// Drafts publishes news marked draft = true.
	Drafts bool
	// Scope is what the site covers; nil means all content.
	Scope *scope.Result
	// Previous is an earlier plan of the same site (the dev server's last
	// build), whose tag slugs are not folded again.
	Previous *Plan
	// Once is set for a plan that one build walks, then drops (a build
	// into a staging folder): its sections make their pages at each walk
	// (Section.All) rather than keep them for the rebuilds that compare a
	// plan with the next, whose records may have changed since.
	Once bool
}

// Plan is what a site publishes, decided once from the model.
type Plan struct {
	site *model.Site
	opts Options
	// News holds the published news, newest first (the order of site.News).
	News []*model.News
	// Tags holds the tags of published news, sorted by slug.
	Tags     []*Tag
	tagSlug  map[string]*Tag
	byCPTS   map[*model.CPTS][]*model.News
	byDept   map[string][]*model.CPTS
	depts    []Departement
	deptPage map[string]bool // the codes of depts
	regions  map[string]bool
	slugs    map[string]string // tag name -> slug, folded once

	pointsOnce sync.Once
	points     *Points // made by the first call of Points

	sectionsOnce  sync.Once // makes sections (pages.go)
	sections      []*Section
	sectionAt     map[string]*Section // by Under
	communes      atomic.Pointer[communeSection]
	uncoveredOnce sync.Once
	uncovered     map[string][]*geo.Commune
	// lastCommunes is the previous plan's, when it had made its pages.
	lastCommunes *communeSection
	// coverage is the site's when the plan was made: an incremental
	// rebuild gives the site a new one, and the plan before the edit
	// still answers from its own (which communes have a page, are
	// uncovered).
	coverage  *model.Coverage
	outputs   outputs   // feeds and calendars (outputs.go)
	locations locations // location files (locations.go)
}

// Tag is a news tag: its name (the first spelling met, newest first), the
// slug of its page and its published news, newest first.
type Tag struct {
	Name, Slug string
	News       []*model.News
}

// Departement is a département with a page, and its CPTS.
type Departement struct {
	D    *geo.Departement
	CPTS []*model.CPTS
}

// Published reports whether a build at now (zero: always) publishes n.
func Published(n *model.News, now time.Time, drafts bool) bool {
	if now.IsZero() {
		return !n.Draft || drafts
	}
	return n.Visible(now, drafts)
}

// Upcoming reports whether an event has not ended at the build date (all
// events are upcoming when the build has no date).
func (p *Plan) Upcoming(e *model.Event) bool {
	return p.opts.Now.IsZero() || p.opts.Now.Before(eventEnd(e))
}

// eventEnd is the end of an event's day, in UTC.
func eventEnd(e *model.Event) time.Time { return e.Date.Time().AddDate(0, 0, 1) }

// Until returns the first instant after the build date at which a build
// of the same site publishes something else: a news item's date comes, or
// its expiry, or an event ends. It is zero when nothing will change (or
// the build has no date, which publishes everything).
func (p *Plan) Until() time.Time {
	now := p.opts.Now
	var until time.Time
	next := func(t time.Time) {
		if t.After(now) && (until.IsZero() || t.Before(until)) {
			until = t
		}
	}
	if now.IsZero() {
		return until
	}
	for _, n := range p.site.News {
		if n.Scheduled(now) {
			next(n.Date.Time())
		}
		if !n.Expires.IsZero() && !n.Expired(now) {
			next(n.Expires.Time())
		}
	}
	for _, c := range p.site.CPTS {
		for _, e := range c.Events {
			next(eventEnd(e))
		}
	}
	return until
}

// Build decides what site publishes.
func Build(site *model.Site, opts Options) *Plan {
	p := &Plan{site: site, coverage: site.Coverage, opts: opts, tagSlug: map[string]*Tag{}, byCPTS: map[*model.CPTS][]*model.News{},
		byDept: map[string][]*model.CPTS{}, deptPage: map[string]bool{}, regions: map[string]bool{}}
	p.News = make([]*model.News, 0, len(site.News))
	p.slugs = map[string]string{} // tags repeat: fold each name once
	if opts.Previous != nil {
		p.lastCommunes = opts.Previous.communes.Load()
		p.slugs = opts.Previous.slugs
		p.opts.Previous = nil // the earlier plan is not kept alive
	}
	slugs := p.slugs
	for _, n := range site.News {
		if !p.Published(n) {
			continue
		}
		p.News = append(p.News, n)
		if n.CPTS != nil {
			p.byCPTS[n.CPTS] = append(p.byCPTS[n.CPTS], n)
		}
		for _, name := range n.Tags {
			s, ok := slugs[name]
			if !ok {
				s = TagSlug(name)
				slugs[name] = s
			}
			if s == "" {
				continue
			}
			t := p.tagSlug[s]
			if t == nil {
				t = &Tag{Name: name, Slug: s}
				p.tagSlug[s] = t
				p.Tags = append(p.Tags, t)
			}
			if l := len(t.News); l == 0 || t.News[l-1] != n { // two spellings on one item
				t.News = append(t.News, n)
			}
		}
	}
	sort.Slice(p.Tags, func(i, j int) bool { return p.Tags[i].Slug < p.Tags[j].Slug })
	for _, c := range site.CPTS {
		for _, d := range c.AllDepartements() {
			p.byDept[d] = append(p.byDept[d], c)
		}
	}
	if p.Home() == nil { // a single-CPTS site has no area pages
		for _, d := range site.Geo.Departements() {
			if cs := p.byDept[d.Code]; len(cs) > 0 && p.DepartementInScope(d.Code) {
				p.depts = append(p.depts, Departement{d, cs})
				p.deptPage[d.Code] = true
				if p.RegionInScope(d.Region) {
					p.regions[d.Region] = true
				}
			}
		}
	}
	return p
}

// Site is the site planned.
func (p *Plan) Site() *model.Site { return p.site }

// Options are the options the plan was made with.
func (p *Plan) Options() Options { return p.opts }

// Published reports whether the site publishes n.
func (p *Plan) Published(n *model.News) bool { return Published(n, p.opts.Now, p.opts.Drafts) }

// CPTSNews returns the published news of c, newest first.
func (p *Plan) CPTSNews(c *model.CPTS) []*model.News { return p.byCPTS[c] }

// Tag returns the tag of a slug, or nil.
func (p *Plan) Tag(slug string) *Tag { return p.tagSlug[slug] }

// CPTSIn returns the CPTS whose territory reaches a département.
func (p *Plan) CPTSIn(dept string) []*model.CPTS { return p.byDept[dept] }

// Departements returns the départements with a page, in code order.
func (p *Plan) Departements() []Departement { return p.depts }

// HasRegionPage reports whether a région has a page: one of its
// départements has a CPTS and the site covers all of them.
func (p *Plan) HasRegionPage(code string) bool { return p.regions[code] }

// Home returns the CPTS of a single-CPTS site, whose page is the home
// page, or nil.
func (p *Plan) Home() *model.CPTS {
	if p.opts.Scope == nil {
		return nil
	}
	return p.opts.Scope.Home
}

// HomeSections are the sections of a CPTS's page that the menu of a site
// of that one CPTS links to when they are there: its text, missions,
// members and events. An edit that changes them changes every page.
type HomeSections struct{ Text, Missions, Members, Events bool }

// SectionsOf returns the HomeSections of a CPTS's page.
func SectionsOf(c *model.CPTS) HomeSections {
	return HomeSections{Text: !c.Body.Blank(), Missions: len(c.Missions) > 0, Members: len(c.Members) > 0, Events: len(c.Events) > 0}
}

// CPTSMap is the site path of the map of a CPTS's territory (MapOf),
// beside the page that shows it: its page, or the home page on the site
// of that one CPTS.
func (p *Plan) CPTSMap(c *model.CPTS) string {
	if c == p.Home() {
		return MapOf("/")
	}
	return MapOf(CPTSPage(c))
}

// HasFranceMap reports whether the site has the map of its CPTS
// (FranceMap): maps on, some CPTS, and not the site of one CPTS, whose
// home page shows its territory.
func (p *Plan) HasFranceMap() bool {
	return !p.site.Config.Maps.Off && len(p.site.CPTS) > 0 && p.Home() == nil
}

// HasJoinPage reports whether the site has the page for professionals
// (Join): not the site of one CPTS, whose home page says how to join it.
func (p *Plan) HasJoinPage() bool { return p.Home() == nil }

// HasElsewhere reports whether some département of France has no page on
// a directory (not a single-CPTS site): its communes are outside it, and
// the list of départements says what to do for them (Elsewhere).
func (p *Plan) HasElsewhere() bool {
	return p.Home() == nil && len(p.depts) < len(p.site.Geo.Departements())
}

// Restricted reports whether the site covers less than all content.
func (p *Plan) Restricted() bool { return p.opts.Scope != nil && !p.opts.Scope.All() }

// InUniverse reports whether a commune may have a page on this site: on a
// single-CPTS site, one of its territory; else one of a département in
// scope.
func (p *Plan) InUniverse(com *geo.Commune) bool {
	if !p.Restricted() {
		return true
	}
	if home := p.Home(); home != nil {
		for _, e := range p.coverage.Of(com.Code) {
			if e.CPTS == home {
				return true
			}
		}
		return false
	}
	return p.opts.Scope.Departements[com.Departement]
}

// DepartementInScope reports whether a département may have a page on
// this site (it has one when a CPTS reaches it too): a single-CPTS site
// has none.
func (p *Plan) DepartementInScope(code string) bool {
	return !p.Restricted() || p.Home() == nil && p.opts.Scope.Departements[code]
}

// RegionInScope reports whether a région may have a page: only when all
// its départements are in scope.
func (p *Plan) RegionInScope(code string) bool {
	return !p.Restricted() || p.Home() == nil && p.opts.Scope.Regions[code]
}

// HasCommunePage reports whether a commune gets a page: config [communes]
// pages, within the site's universe.
func (p *Plan) HasCommunePage(com *geo.Commune) bool {
	if !p.InUniverse(com) {
		return false
	}
	switch p.site.Config.Communes.Pages {
	case model.PagesAll:
		return true
	case model.PagesCovered:
		return len(p.coverage.Of(com.Code)) > 0
	}
	return len(p.byDept[com.Departement]) > 0
}

// Has reports whether the site has a page at a site path, for the pages
// the search index links to: a commune, a département, a région (a news
// item has a page when Published). Any other path answers false. It is
// safe for concurrent use.
func (p *Plan) Has(path string) bool {
	kind, code, ok := strings.Cut(strings.Trim(path, "/"), "/")
	if !ok || strings.Contains(code, "/") {
		return false
	}
	switch kind {
	case "communes":
		com := p.site.Geo.Commune(code)
		return com != nil && com.Code == code && p.HasCommunePage(com)
	case "departements":
		return p.deptPage[code]
	case "regions":
		return p.regions[code]
	}
	return false
}

// Points returns the territories of the site by location, for the
// nearest CPTS of the communes none covers: made on first use, from the
// territories as they are then.
func (p *Plan) Points() *Points {
	p.pointsOnce.Do(func() { p.points = newPoints(p.site.CPTS) })
	return p.points
}
