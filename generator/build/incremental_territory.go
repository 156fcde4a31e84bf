package build

import (
	"iter"
	"math"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/validate"
)

// territoryEdit is a change of the communes.toml of one CPTS: the
// communes it claims (and in part), its note and whether its list is
// complete. What it changes is read by the CPTS's own pages, the pages and
// location files of the communes it claims before or after, the nearest
// CPTS of communes nobody covers, the maps that draw its territory (those
// of its neighbours, of its départements, of France), the pages of its
// départements and régions, the open data and the search index; the
// pages of communes that gain one or lose theirs (the plans before and
// after say: with [communes] pages = "covered", or on a site of one CPTS,
// whose territory is the site's) and of the A-Z index that list them. The
// départements it reaches are unchanged (else: a full build).
type territoryEdit struct {
	c     *model.CPTS
	fresh model.Territory // its entries point to c
	// before is what the site was: the territory, the coverage, the codes
	// c reached and the plan (whose territories by location give the
	// nearest CPTS).
	before struct {
		territory model.Territory
		coverage  *model.Coverage
		whole     *model.Coverage // of the repository, on a site with a [scope]
		reached   []string
		plan      *plan.Plan
	}
}

// reloadTerritory reads the records of a CPTS again when changed names
// its communes.toml alone; site is what the site publishes, whole the
// repository it was cut from by its [scope] (the same site without one),
// which the CPTS is validated against. It returns ok=false when the
// change needs a full build: other files, a CPTS the site does not
// publish, a change of other records of the folder, of the départements
// the CPTS reaches (on a site in part, which CPTS it publishes).
func reloadTerritory(site, whole *model.Site, opts Options, pl *plan.Plan, changed []string) (edit *territoryEdit, diags diag.List, ok bool) {
	if len(changed) != 1 || path.Base(changed[0]) != "communes.toml" {
		return nil, nil, false
	}
	slug, found := strings.CutPrefix(path.Dir(changed[0]), "content/cpts/")
	if !found || strings.Contains(slug, "/") {
		return nil, nil, false
	}
	i := slices.IndexFunc(site.CPTS, func(c *model.CPTS) bool { return c.Slug == slug })
	if i < 0 {
		return nil, nil, false
	}
	old := site.CPTS[i]
	fresh, diags := load.CPTSFolder(opts.Source, slug, load.Options{})
	if diags.HasErrors() {
		return nil, diags, true
	}
	if d := validate.CPTS(whole, fresh); len(d) > 0 {
		if diags = append(diags, d...); d.HasErrors() {
			return nil, diags, true
		}
	}
	// The other records of the folder must be those of the last build.
	probe := *fresh
	probe.Territory, probe.News, probe.Events, probe.Body = old.Territory, old.News, old.Events, old.Body
	if !reflect.DeepEqual(&probe, old) || !fresh.Body.Same(old.Body) || !sameEvents(fresh.Events, old.Events) {
		return nil, nil, false
	}
	for _, e := range fresh.Territory.Entries {
		e.CPTS = old
	}
	edit = &territoryEdit{c: old, fresh: fresh.Territory}
	edit.before.territory, edit.before.coverage, edit.before.whole = old.Territory, site.Coverage, whole.Coverage
	edit.before.reached = claimed(site, old)
	edit.before.plan = pl
	pl.Points() // made now if no page asked for it yet, before the edit
	if !slices.Equal(old.AllDepartements(), fresh.AllDepartements()) {
		return nil, nil, false // the pages of départements and régions, and the lists of CPTS
	}
	return edit, diags, true
}

// sameEvents reports whether two lists of events hold the same values,
// whichever CPTS value they point to.
func sameEvents(a, b []*model.Event) bool {
	return slices.EqualFunc(a, b, func(x, y *model.Event) bool {
		u, v := *x, *y
		u.CPTS, v.CPTS = nil, nil
		return reflect.DeepEqual(u, v)
	})
}

// apply puts the fresh territory into the CPTS the site holds and makes
// the coverage of communes again, with its warnings (communes several
// CPTS claim, out of the site's [scope] too: those of whole, the
// repository). It returns the function that puts the previous ones back.
func (e *territoryEdit) apply(site, whole *model.Site) (diags diag.List, undo func()) {
	c := e.c
	c.Territory = e.fresh
	diags = claims(sitesOf(site, whole), c, e.before.territory.Entries)
	return diags, func() {
		c.Territory, site.Coverage, whole.Coverage = e.before.territory, e.before.coverage, e.before.whole
	}
}

// claimed returns the codes c claims in the site's coverage: those its
// entries name, their city when they are arrondissements, and the
// arrondissements of a city it names (model.NewCoverage).
func claimed(site *model.Site, c *model.CPTS) []string {
	var out []string
	add := func(code string) {
		if code == "" || slices.Contains(out, code) {
			return
		}
		for _, cl := range site.Coverage.Of(code) {
			if cl.CPTS == c {
				out = append(out, code)
				return
			}
		}
	}
	for _, en := range c.Territory.Entries {
		if en.Commune == nil {
			continue
		}
		add(en.Commune.Code)
		add(en.Commune.Parent)
		for _, arr := range site.Geo.Arrondissements(en.Commune.Code) {
			add(arr.Code)
		}
	}
	return out
}

// pages returns, once the edit is applied and pl planned, what shows the
// territory (see territoryEdit): the site paths to render again, own (the
// CPTS's pages, where its author looks) and shows (the others), and those
// of them that may be gone (the pages of lists whose length changed),
// which the rebuild removes when it does not render them. lost are the
// pages of communes that lose theirs (with [communes] pages = "covered",
// or on a site of one CPTS), which go (pages that link to them and are
// not rendered again make it a full build: see linkedFrom); a commune
// that gains its page has it made; either way with the pages of the A-Z
// index that list it (letterPages).
func (e *territoryEdit) pages(site *model.Site, pl *plan.Plan) (own, shows map[string]bool, mayGo, lost []string, err error) {
	c := e.c
	reached := claimed(site, c)
	for _, code := range e.before.reached {
		if !slices.Contains(reached, code) {
			reached = append(reached, code)
		}
	}
	gained := false // a commune gained its page: the plans before and after say
	for _, code := range reached {
		com := site.Geo.Commune(code)
		if com == nil {
			continue
		}
		was, is := e.before.plan.HasCommunePage(com), pl.HasCommunePage(com)
		if was && !is {
			lost = append(lost, plan.CommunePage(code))
		}
		gained = gained || is && !was
	}
	own = map[string]bool{}
	for _, p := range pl.RecordPages(c) {
		own[p] = true
	}
	shows = map[string]bool{plan.OpenData: true, plan.FranceMap: true}
	list := func(in map[string]bool, base string, most int) { // every page a list may have, before or after
		for i := range most {
			p := plan.ListPage(base, i+1)
			in[p] = true
			mayGo = append(mayGo, p)
		}
	}
	list(own, plan.TerritoryList(c), 1+max(len(e.before.territory.Entries), len(c.Territory.Entries)))
	mayGo = append(mayGo, pl.CPTSMap(c), plan.TerritoryGeoJSON(c)) // none for a territory without communes
	// The location files a département gains or loses: on a site of one
	// CPTS, whose territory decides which communes it locates.
	locGained, locLost := locationsChanged(e.before.plan, pl)
	for _, f := range locGained {
		shows[f] = true
	}
	mayGo = append(mayGo, locLost...)
	for _, code := range reached {
		if com := site.Geo.Commune(code); com != nil && pl.HasCommunePage(com) {
			shows[plan.CommunePage(code)] = true
		}
	}
	// The maps of the CPTS that border the territory, before or after.
	if err := neighbourPages(site, pl, c, reached, shows); err != nil {
		return nil, nil, nil, nil, err
	}
	depts := c.AllDepartements()
	for _, d := range depts {
		shows[plan.DepartementPage(d)] = true
		list(shows, plan.UncoveredPage(d), 1+len(site.Geo.InDepartement(d)))
		if dep := site.Geo.Departement(d); dep != nil && pl.HasRegionPage(dep.Region) {
			list(shows, plan.RegionPage(dep.Region), 1+len(site.CPTS))
		}
	}
	// Communes no CPTS covers: their nearest CPTS, and the note that the
	// territories of their département may not all be listed.
	before, after := e.before.plan.Points(), pl.Points()
	incomplete := e.fresh.Incomplete != e.before.territory.Incomplete
	near := nearBox(e.before.territory.Entries, c.Territory.Entries)
	for com := range uncovered(site, pl) {
		if incomplete && slices.Contains(depts, com.Departement) || near.has(com) && e.nearestChanged(com, before, after) {
			shows[plan.CommunePage(com.Code)] = true
		}
	}
	if gained || len(lost) > 0 {
		mayGo = append(mayGo, letterPages(e.before.plan, pl, shows)...)
	}
	return own, shows, mayGo, lost, nil
}

// letterPages adds to shows the pages of the A-Z index of communes that
// communes gaining a page change: every page of a letter whose list
// changed (their pagers name the first commune of each page), and every
// page with the index when a letter came (each lists the letters). It
// returns the pages of the index the plan after no longer has (the plan
// before answers from the coverage it was made with).
func letterPages(before, after *plan.Plan, shows map[string]bool) (gone []string) {
	letters, was := before.Letters()
	now, is := after.Letters()
	newLetters := !slices.Equal(letters, now)
	kept := map[string]bool{}
	for _, pg := range after.Section(plan.Communes).Pages() {
		if pg.Layout != "communes-index" {
			continue
		}
		kept[pg.Path] = true
		if newLetters || pg.Letter != "" && !slices.Equal(was[pg.Letter], is[pg.Letter]) {
			shows[pg.Path] = true
		}
	}
	for _, pg := range before.Section(plan.Communes).Pages() {
		if pg.Layout == "communes-index" && !kept[pg.Path] {
			gone = append(gone, pg.Path)
		}
	}
	return gone
}

// uncovered yields the communes no CPTS covers that have a page: they
// name the CPTS of their département, and the nearest ones.
func uncovered(site *model.Site, pl *plan.Plan) iter.Seq[*geo.Commune] {
	return func(yield func(*geo.Commune) bool) {
		for _, com := range site.Geo.Communes() {
			if !site.Coverage.Covered(com.Code) && pl.HasCommunePage(com) && !yield(com) {
				return
			}
		}
	}
}

// removeUnrendered removes from files the pages of paths that rendered
// does not hold (a list that lost them), but those of keep.
func removeUnrendered(files, rendered *output.Set, paths []string, keep map[string]bool) {
	for _, p := range paths {
		if _, ok := rendered.Get(plan.File(p)); !ok && !keep[p] {
			files.Remove(plan.File(p))
		}
	}
}

// nearestChanged reports whether the nearest CPTS of com changed with the
// territory: only its distance to this CPTS may have, and when it did,
// the lists before and after tell.
func (e *territoryEdit) nearestChanged(com *geo.Commune, before, after *plan.Points) bool {
	was, is := plan.KmTo(com, e.before.territory.Entries), plan.KmTo(com, e.c.Territory.Entries)
	if was == is || min(was, is) > plan.NearestMaxKm {
		return false
	}
	return !slices.Equal(before.Nearest(com, plan.NearestShown), after.Nearest(com, plan.NearestShown))
}

// box is a range of latitudes and longitudes, in degrees.
type box struct{ minLat, maxLat, minLon, maxLon float64 }

// nearBox returns a box holding every point within plan.NearestMaxKm of
// the communes of the entries: the nearest CPTS of a commune outside it
// do not change when these entries do.
func nearBox(lists ...[]*model.TerritoryEntry) box {
	b := box{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	for _, list := range lists {
		for _, e := range list {
			if com := e.Commune; com != nil && com.HasPoint {
				b.minLat, b.maxLat = min(b.minLat, com.Lat), max(b.maxLat, com.Lat)
				b.minLon, b.maxLon = min(b.minLon, com.Lon), max(b.maxLon, com.Lon)
			}
		}
	}
	const kmPerDegree = 111.0 // of latitude; less of longitude away from the equator
	dLat := plan.NearestMaxKm/kmPerDegree + 0.01
	// Degrees of longitude are shortest at the latitude farthest from the
	// equator: a margin in kilometres there covers it everywhere.
	far := min(89, max(math.Abs(b.minLat), math.Abs(b.maxLat))+dLat)
	dLon := dLat / math.Cos(far*math.Pi/180)
	return box{b.minLat - dLat, b.maxLat + dLat, b.minLon - dLon, b.maxLon + dLon}
}

// has reports whether the centroid of com is in the box.
func (b box) has(com *geo.Commune) bool {
	return com.HasPoint && com.Lat >= b.minLat && com.Lat <= b.maxLat && com.Lon >= b.minLon && com.Lon <= b.maxLon
}

// neighbourPages adds to pages those of the CPTS other than c whose map
// draws one of the communes reached (render.TerritoryMapsShowing), and
// the location data files of c's départements (pl.Locations), which name
// the CPTS of each commune.
func neighbourPages(site *model.Site, pl *plan.Plan, c *model.CPTS, reached []string, pages map[string]bool) error {
	shown, err := render.TerritoryMapsShowing(site, reached)
	if err != nil {
		return err
	}
	for _, y := range shown {
		if y != c {
			pages[plan.CPTSPage(y)] = true
		}
	}
	depts := c.AllDepartements()
	for _, l := range pl.Locations() {
		if l.Data != "" && slices.Contains(depts, l.Departement.Code) {
			pages[l.Data] = true
		}
	}
	return nil
}

// locationsChanged returns the location files the plan after has and the
// plan before had not, and those it no longer has.
func locationsChanged(before, after *plan.Plan) (gained, lost []string) {
	was, is := setOf(before.LocationFiles()), setOf(after.LocationFiles())
	for _, f := range after.LocationFiles() {
		if !was[f] {
			gained = append(gained, f)
		}
	}
	for _, f := range before.LocationFiles() {
		if !is[f] {
			lost = append(lost, f)
		}
	}
	return gained, lost
}

// sitesOf returns whole, the repository, and site when its [scope] cut
// it from whole.
func sitesOf(site, whole *model.Site) []*model.Site {
	if site == whole {
		return []*model.Site{site}
	}
	return []*model.Site{whole, site}
}

// claims makes the coverage of communes of the sites again for the claims
// of c, whose entries were old: that of the repository (the first) with
// the warnings a full build gives (communes several CPTS claim, whether
// the site publishes them or not), the others holding the claims of the
// CPTS they publish, as the [scope] cut them.
func claims(sites []*model.Site, c *model.CPTS, old []*model.TerritoryEntry) diag.List {
	diags := validate.Territory(sites[0], c, old)
	for _, s := range sites[1:] {
		s.Coverage = s.Coverage.With(c, old, s.Geo)
	}
	return diags
}
