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

// kinds are the page types by layout (plan.Page.Layout). The file of each
// page type registers it (pageKind), so that a new page type is its entry
// in the plan (plan/sections.go), its file here, its layout and its
// strings.
var kinds = map[string]kind{}

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
		for _, pg := range sec.Pages() {
			if !r.wanted(pg.Path) || r.opts.Layouts != nil && !r.opts.Layouts[pg.Layout] {
				continue
			}
			k, ok := kinds[pg.Layout]
			if !ok { // the plan and render are out of step: a bug, not a content error
				panic("render: no page type for the layout " + pg.Layout + " of " + pg.Path)
			}
			if p := k.page(r, pg); p != nil {
				if got := reflect.TypeOf(p.Data); got != k.data { // what the layout was checked against
					panic(fmt.Sprintf("render: the page type of layout %s gives a %v, registered a %v", pg.Layout, got, k.data))
				}
				p.Path = pg.Path
				r.emit(pg.Layout, p)
			}
		}
	}
}
