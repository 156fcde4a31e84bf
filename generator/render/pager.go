package render

import (
	"fmt"

	"github.com/cpts-fr/cpts/generator/plan"
)

// Page sizes of the lists that grow with the directory, chosen so that a
// page of each stays under 15 KB of HTML (issue #7): the directory's
// cards, an A-Z letter's communes, a région's cards.
const (
	cptsPerPage     = 25
	communesPerPage = 100
	// uncoveredOnPage is the most communes without a CPTS a département's
	// page lists itself; more get a list of their own.
	uncoveredOnPage = 30
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

// paginate splits n items into pages of per items under base (plan.CPTSList,
// then "/cpts/page/2/"...; one page when n is 0) and calls emit for each
// with its range [lo, hi) and its pager. guide, when set, names a page by
// its first item, as a dictionary's guide words do.
func (r *renderer) paginate(base string, n, per int, guide func(lo int) string, emit func(path string, lo, hi int, p *pager)) {
	pages := max(1, (n+per-1)/per)
	for i := 1; i <= pages; i++ {
		if !r.wanted(plan.ListPage(base, i)) { // an incremental build renders a few pages of a long list
			continue
		}
		p := &pager{Page: i, Pages: pages}
		if i > 1 {
			p.Prev = plan.ListPage(base, i-1)
		}
		if i < pages {
			p.Next = plan.ListPage(base, i+1)
		}
		if pages > 1 {
			p.Links = r.pagerWindow(base, i, pages, per, guide)
		}
		emit(plan.ListPage(base, i), (i-1)*per, min(i*per, n), p)
	}
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
