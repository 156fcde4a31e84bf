package render

import (
	"fmt"
	"reflect"

	"github.com/cpts-fr/cpts/generator/plan"
)

// kind is a page type: how a page of its layout is made from the plan's
// Page, and the type of the layout's .Data (nil when it reads none), to
// which checkLayoutFields holds the layout.
type kind struct {
	page func(*renderer, plan.Page) *page
	data reflect.Type
}

// kinds are the page types by layout (plan.Page.Layout) whose data Go
// code makes: the file of each registers it (pageKind). A layout none
// registers makes pages of their plan entry alone (planKind): a new page
// type is then its entry in the plan (plan/sections.go), its layout and
// its strings.
var kinds = map[string]kind{}

// planKind is the page type of a layout no file registers: its .Data is
// the plan.Page (the records the page is about), and the rest comes from
// its record (planPage).
var planKind = kind{page: (*renderer).planPage, data: reflect.TypeFor[plan.Page]()}

// kindOf returns the page type of a layout.
func kindOf(layout string) kind {
	if k, ok := kinds[layout]; ok {
		return k
	}
	return planKind
}

// pageKind registers the page type of a layout whose .Data is a D.
func pageKind[D any](layout string, page func(*renderer, plan.Page) *page) struct{} {
	kinds[layout] = kind{page: page, data: reflect.TypeFor[D]()}
	return struct{}{}
}

// plainKind registers the page type of a layout that reads no .Data.
func plainKind(layout string, page func(*renderer, plan.Page) *page) struct{} {
	kinds[layout] = kind{page: page}
	return struct{}{}
}

// pages renders the pages of the plan the options ask for, each made by
// the page type of its layout.
func (r *renderer) pages() {
	for _, sec := range r.plan.Sections() {
		if sec.Under != "" && !r.wantedUnder(sec.Under) {
			continue // a rebuild of a few pages reads only their sections
		}
		for pg := range sec.All() {
			if !r.wanted(pg.Path) || r.opts.Layouts != nil && !r.opts.Layouts[pg.Layout] {
				continue
			}
			k := kindOf(pg.Layout)
			if p := k.page(r, pg); p != nil {
				if got := reflect.TypeOf(p.Data); got != k.data { // what the layout was checked against
					panic(fmt.Sprintf("render: the page type of layout %s gives a %v, registered a %v", pg.Layout, got, k.data))
				}
				p.Path = pg.Path
				r.emit(pg.Layout, p)
			}
		}
		r.feedsOf(sec.Under)
	}
}

// planPage makes a page of a layout no page type registers, from its plan
// entry alone: its .Data is the plan.Page; its title the UI string
// "<layout>_title", formatted with the name of the record it is about
// (a CPTS, a news item, a commune, a département, a free page), when it
// is about one; its description the record's summary; its breadcrumbs
// lead to the record's page. A CPTS's page links those of its folder
// (subpages).
func (r *renderer) planPage(pg plan.Page) *page {
	p := &page{Title: r.t(pg.Layout + "_title"), Crumbs: r.homeCrumbs(), Data: pg}
	var name string
	var up crumb // the record's page
	switch {
	case pg.News != nil:
		n := pg.News
		name, up, p.Description, p.Crumbs = n.Title, crumb{n.Title, plan.NewsPage(n)}, n.Summary, r.newsCrumbs(n)
	case pg.CPTS != nil:
		c := pg.CPTS
		name, up, p.Description = c.Name, crumb{c.Title(), plan.CPTSPage(c)}, c.Summary
		p.Crumbs = append(p.Crumbs, crumb{r.t("all_cpts"), plan.CPTSList})
	case pg.Commune != nil:
		name = communeName(pg.Commune)
		up = crumb{name, plan.CommunePage(pg.Commune.Code)}
		p.Crumbs = append(p.Crumbs, crumb{r.t("communes"), plan.Communes})
	case pg.Departement != nil:
		p.Crumbs, name = r.departementCrumbs(pg.Departement.D)
		up = crumb{name, plan.DepartementPage(pg.Departement.D.Code)}
	case pg.Free != nil:
		name, up, p.Description = pg.Free.Title, crumb{pg.Free.Title, plan.FreePage(pg.Free)}, pg.Free.Summary
	}
	if name != "" {
		p.Title = r.t(pg.Layout+"_title", name)
		p.Crumbs = append(p.Crumbs, up)
	}
	return p
}

// subpages returns the pages of the folder of the page at path that are
// made from their plan entry alone (planPage), for the page to link them:
// a CPTS's page links its poster so.
func (r *renderer) subpages(path string) []plan.Page {
	var out []plan.Page
	if s := r.plan.Section(path); s != nil {
		for pg := range s.All() {
			if _, ok := kinds[pg.Layout]; !ok && pg.Path != path {
				out = append(out, pg)
			}
		}
	}
	return out
}
