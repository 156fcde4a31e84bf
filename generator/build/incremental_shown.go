package build

import (
	"slices"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// shownPages adds what shows the name, short name or stage of the CPTS of
// e, beyond its cards (pages): to wanted, the first pages of its news list
// and the pages of its territory, the feeds and the first pages of the news lists that
// show its items; to older (rendered after the reload by the dev server),
// the map of France, the pages of the CPTS whose map draws its territory,
// the location files of its départements, the pages of the communes of
// its départements that no CPTS covers (they name the CPTS of their
// département) and of those it is among the nearest CPTS of, its news
// items, and the other pages of the news lists that show them. pl is the
// plan once the edit is applied.
func (e *cptsEdit) shownPages(site *model.Site, pl *plan.Plan, wanted, older map[string]bool) error {
	c := e.old
	older[plan.FranceMap] = true
	for _, f := range []plan.Feed{pl.FeedOf(nil), pl.FeedOf(c)} { // their titles or authors name it
		atom, _ := f.Paths()
		wanted[atom] = true
	}
	if err := neighbourPages(site, pl, c, claimed(site, c), older); err != nil {
		return err
	}
	depts := c.AllDepartements()
	near := nearBox(c.Territory.Entries)
	for com := range uncovered(site, pl) {
		if slices.Contains(depts, com.Departement) || near.has(com) && nearestIs(pl, com, c) {
			older[plan.CommunePage(com.Code)] = true
		}
	}
	if s := pl.Section(plan.CPTSPage(c)); s != nil {
		for _, pg := range s.Pages() {
			switch pg.Layout {
			case "cpts-communes":
				wanted[pg.Path] = true
			case "news":
				older[pg.Path] = true
			}
		}
	}
	showing(wanted, older, pl, plan.CPTSPage(c), c)
	showing(wanted, older, pl, plan.NewsList, c)
	return nil
}

// nearestIs reports whether c is among the nearest CPTS the page of com
// names.
func nearestIs(pl *plan.Plan, com *geo.Commune, c *model.CPTS) bool {
	return slices.ContainsFunc(pl.Points().Nearest(com, plan.NearestShown), func(n plan.Nearby) bool { return n.CPTS == c })
}

// showing adds the pages of the news lists of the plan's section under a
// folder that show an item of c: the first of a list to wanted, the
// others to older.
func showing(wanted, older map[string]bool, pl *plan.Plan, under string, c *model.CPTS) {
	s := pl.Section(under)
	if s == nil {
		return
	}
	for _, pg := range s.Pages() {
		if pg.Layout == "news-list" && slices.ContainsFunc(listed(pl, pg), func(n *model.News) bool { return n.CPTS == c }) {
			wantPage(wanted, older, pg)
		}
	}
}
