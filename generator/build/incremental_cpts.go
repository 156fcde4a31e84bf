package build

import (
	"path"
	"reflect"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/validate"
)

// recordFiles are the files of a CPTS folder an incremental rebuild reads
// again with the others unchanged; communes.toml is a territoryEdit.
var recordFiles = map[string]bool{"index.md": true, "members.toml": true, "missions.toml": true, "contacts.toml": true, "events.toml": true}

// cptsEdit is a change of the records of one CPTS that its own pages,
// the home page (upcoming events), the calendars, the open data and the
// search index show, and the cards of it on its communes' pages and in
// the lists of CPTS: its body, members, missions, contacts, events, dates
// (its update date too, without git dates), association and summary; and
// its name, short name and stage, which many other pages show (see
// shownPages); its logo and the photos of its text (see reimage). Its
// départements and territory are unchanged.
type cptsEdit struct {
	old, fresh *model.CPTS
	// search tells whether the search index reads what changed (members,
	// missions, association).
	search bool
	// cards tells whether its card on the pages of its communes changed
	// (it shows the first contact, or the website, and its summary).
	cards bool
	// summary tells whether its summary changed, which the lists of CPTS
	// show: the directory's, its départements' and its régions'.
	summary bool
	// updated tells whether its update date changed, which the sitemap
	// gives as its page's date.
	updated bool
	// shown tells whether its name, short name or stage changed.
	shown bool
	// logo tells whether its logo changed, which its page and its cards
	// show (the lists of its départements and régions).
	logo bool
	// photos are the images its text shows, after the edit (see reimage).
	photos []imageUse
}

// reloadCPTS reads the record files of one CPTS again, when changed
// names only such files of one CPTS of the site. It returns ok=false when
// the change needs a full build: other files, several CPTS, a change
// that other pages show.
func reloadCPTS(site *model.Site, opts Options, changed []string) (edit *cptsEdit, diags diag.List, ok bool) {
	slug := ""
	for _, p := range changed {
		dir, file := path.Split(p)
		s, found := strings.CutPrefix(strings.TrimSuffix(dir, "/"), "content/cpts/")
		if !found || strings.Contains(s, "/") || !recordFiles[file] || slug != "" && s != slug {
			return nil, nil, false
		}
		slug = s
	}
	var old *model.CPTS
	for _, c := range site.CPTS {
		if c.Slug == slug {
			old = c
		}
	}
	if old == nil {
		return nil, nil, false
	}
	fresh, diags := load.CPTSFolder(opts.Source, slug, load.Options{})
	if diags.HasErrors() {
		return nil, diags, true
	}
	if d := validate.CPTS(site, fresh); len(d) > 0 {
		diags = append(diags, d...)
		if d.HasErrors() {
			return nil, diags, true
		}
	}
	photos, d := textPhotos(site, fresh.Body)
	diags = append(diags, d...)
	// What other pages show must be unchanged: compare the records with
	// the fields only the CPTS's own outputs show taken from old.
	probe := *fresh
	probe.Fields, probe.Dir, probe.Territory, probe.News = old.Fields, old.Dir, old.Territory, old.News
	probe.Body, probe.Members, probe.Missions, probe.Contacts, probe.Events = old.Body, old.Members, old.Missions, old.Contacts, old.Events
	probe.Created, probe.ACISigned, probe.Association, probe.Website, probe.Join = old.Created, old.ACISigned, old.Association, old.Website, old.Join
	probe.SizeTier, probe.DeclaredPopulation, probe.DeclaredCommunes = old.SizeTier, old.DeclaredPopulation, old.DeclaredCommunes
	probe.Summary, probe.Name, probe.ShortName, probe.Status, probe.Logo = old.Summary, old.Name, old.ShortName, old.Status, old.Logo
	if opts.Git == nil { // else the full build dates it from the history
		probe.Updated = old.Updated
	}
	if !reflect.DeepEqual(&probe, old) {
		return nil, nil, false
	}
	shown := fresh.Name != old.Name || fresh.ShortName != old.ShortName || fresh.Status != old.Status
	edit = &cptsEdit{old: old, fresh: fresh, photos: photos, shown: shown, logo: fresh.Logo != old.Logo, search: shown || fresh.Association != old.Association || fresh.DeclaredPopulation != old.DeclaredPopulation ||
		!sameRecords(fresh.Members, old.Members) || !sameRecords(fresh.Missions, old.Missions),
		cards:   fresh.Website != old.Website || !sameRecords(fresh.Contacts, old.Contacts) || fresh.Summary != old.Summary,
		summary: fresh.Summary != old.Summary, updated: fresh.Updated != old.Updated}
	return edit, diags, true
}

// sameRecords reports whether two lists of records hold the same values,
// wherever they were written.
func sameRecords[T any](a, b []*T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := *a[i], *b[i]
		clearFields(&x)
		clearFields(&y)
		if !reflect.DeepEqual(x, y) {
			return false
		}
	}
	return true
}

// clearFields zeroes the positions a record keeps (its embedded
// model.Fields), so that records compare by value.
func clearFields(v any) {
	rv := reflect.ValueOf(v).Elem()
	if f := rv.FieldByName("Fields"); f.IsValid() && f.CanSet() {
		f.Set(reflect.Zero(f.Type()))
	}
}

// apply puts the fresh records into the CPTS the site holds, so that
// every pointer to it (news, coverage, plan) sees them. It returns the
// function that puts the previous records back.
func (e *cptsEdit) apply() (undo func()) {
	c := e.old
	saved := *c
	undo = func() {
		*c = saved
		for _, ev := range c.Events {
			ev.CPTS = c
		}
	}
	c.Fields, c.Body = e.fresh.Fields, e.fresh.Body
	c.Members, c.Missions, c.Contacts, c.Events = e.fresh.Members, e.fresh.Missions, e.fresh.Contacts, e.fresh.Events
	for _, ev := range c.Events {
		ev.CPTS = c
	}
	c.Created, c.ACISigned, c.Association, c.Website = e.fresh.Created, e.fresh.ACISigned, e.fresh.Association, e.fresh.Website
	c.Summary, c.Updated = e.fresh.Summary, e.fresh.Updated
	c.Name, c.ShortName, c.Status, c.Logo = e.fresh.Name, e.fresh.ShortName, e.fresh.Status, e.fresh.Logo
	c.SizeTier, c.DeclaredPopulation, c.DeclaredCommunes = e.fresh.SizeTier, e.fresh.DeclaredPopulation, e.fresh.DeclaredCommunes
	return undo
}

// pages returns what shows the records of the CPTS: its page and poster
// (plan.RecordPages), the home page (upcoming events), the calendars, the
// open data, the page for professionals, the pages of the communes it
// covers when its card changed, and the pages of the lists of CPTS its
// card is on when its summary, name, stage or logo changed (pl: the plan
// of the site); and those to remove (its calendar, when it has no event
// left).
func (e *cptsEdit) pages(hadEvents bool, site *model.Site, pl *plan.Plan) (wanted map[string]bool, gone []string) {
	c := e.old
	wanted = map[string]bool{plan.Home: true, plan.Calendar(nil): true, plan.Calendar(c): true, plan.OpenData: true,
		plan.Join: true} // it lists the CPTS whose [join] says how to join
	for _, p := range pl.RecordPages(c) {
		wanted[p] = true
	}
	if e.cards || e.shown {
		for _, code := range claimed(site, c) { // their cards show it
			wanted[plan.CommunePage(code)] = true
		}
	}
	if e.summary || e.shown || e.logo {
		// The pages of the lists that may hold its card: the directory's,
		// its départements' and régions' (the CPTS of the site are the
		// same: the plan before the edit has these pages).
		regions := map[string]bool{}
		for _, code := range c.AllDepartements() {
			wanted[plan.DepartementPage(code)] = true
			if d := site.Geo.Departement(code); d != nil {
				regions[d.Region] = true
			}
		}
		for _, under := range []string{"", plan.CPTSList + "page/", plan.Regions} {
			if s := pl.Section(under); s != nil {
				for _, pg := range s.Pages() {
					if pg.Layout == "cpts-list" || pg.Layout == "region" && regions[pg.Region.Code] {
						wanted[pg.Path] = true
					}
				}
			}
		}
	}
	if hadEvents && len(c.Events) == 0 {
		gone = append(gone, plan.Calendar(c))
	}
	return wanted, gone
}
