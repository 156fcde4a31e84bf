package render

import (
	"fmt"

	"github.com/cpts-fr/cpts/generator/plan"
)

// pager is the navigation of a paginated list (partials/pagination.html):
// the previous and next pages, and a window of links around the current
// page (the first, the last, two on each side), gaps marked.
type pager struct {
	Page, Pages int
	Prev, Next  string // site paths, "" at the ends
	Links       []pagerLink
}

// pagerLink is one page of a pager's window; a gap (Path and Label empty)
// stands for the pages left out.
type pagerLink struct {
	Path    string
	Label   string // the page number, or the first name of the page (guide word)
	Aria    string // "Page 3", for a numbered link
	Current bool
	Gap     bool
}

// pager returns the navigation of a page of a paginated list. guide,
// when set, names a page by its first item, as a dictionary's guide words
// do; it gets an index into the whole list.
func (r *renderer) pager(w *plan.Window, guide func(lo int) string) *pager {
	p := &pager{Page: w.N, Pages: w.Of}
	if w.N > 1 {
		p.Prev = plan.ListPage(w.Base, w.N-1)
	}
	if w.N < w.Of {
		p.Next = plan.ListPage(w.Base, w.N+1)
	}
	if w.Of > 1 {
		p.Links = r.pagerWindow(w.Base, w.N, w.Of, w.Per, guide)
	}
	return p
}

// pagerWindow returns the links of page i's pager: the first and last
// pages, two on each side of i, a gap for each run left out.
func (r *renderer) pagerWindow(base string, i, pages, per int, guide func(lo int) string) []pagerLink {
	shown := []int{1}
	for k := max(2, i-2); k <= min(pages-1, i+2); k++ {
		shown = append(shown, k)
	}
	if pages > 1 {
		shown = append(shown, pages)
	}
	var out []pagerLink
	last := 0
	for _, k := range shown {
		if k > last+1 {
			out = append(out, pagerLink{Gap: true})
		}
		l := pagerLink{Path: plan.ListPage(base, k), Label: fmt.Sprint(k), Aria: r.t("page_label", k), Current: k == i}
		if guide != nil {
			l.Label, l.Aria = guide((k-1)*per), ""
		}
		out = append(out, l)
		last = k
	}
	return out
}

// pageTitle is the title of page i of a list: "Les CPTS – Page 2 sur 36".
func (r *renderer) pageTitle(title string, p *pager) string {
	if p.Pages > 1 {
		return title + " – " + r.t("page_n", p.Page, p.Pages)
	}
	return title
}
