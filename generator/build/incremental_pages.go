package build

import (
	"slices"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// touchedPages compares the plans before and after an edit of news and
// returns the site paths to render again (wanted, and older: the pages
// past the first of news lists) and those to remove (gone): the items
// edited, published or unpublished, the home page and the site's feeds,
// each CPTS whose published news changed (its page, feeds and news list),
// and the pages of the news lists and tag lists whose items, title or page
// count changed.
func touchedPages(before, after *plan.Plan) (wanted, older map[string]bool, gone []string) {
	wanted, older = map[string]bool{plan.Home: true}, map[string]bool{}
	atom, _ := plan.Feeds(plan.NewsList)
	wanted[atom] = true
	// An edited item is a new value: a pointer of after not in before.
	inBefore := make(map[*model.News]bool, len(before.News))
	for _, n := range before.News {
		inBefore[n] = true
	}
	type page struct { // a news page, without making its path
		owner *model.CPTS
		slug  string
	}
	kept := make(map[page]bool, len(after.News))
	for _, n := range after.News {
		kept[page{n.CPTS, n.Slug}] = true
		if !inBefore[n] {
			wanted[plan.NewsPage(n)] = true
		}
	}
	for _, n := range before.News {
		if !kept[page{n.CPTS, n.Slug}] {
			gone = append(gone, plan.NewsPage(n))
		}
	}
	gone = append(gone, listPages(wanted, older, plan.NewsList, before.News, after.News, true)...)
	for _, c := range after.Site().CPTS {
		b, a := before.CPTSNews(c), after.CPTSNews(c)
		if slices.Equal(b, a) {
			continue
		}
		wanted[plan.CPTSPage(c)] = true
		atom, _ := plan.Feeds(plan.CPTSNewsList(c))
		wanted[atom] = true
		gone = append(gone, listPages(wanted, older, plan.CPTSNewsList(c), b, a, false)...)
	}
	for _, t := range before.Tags {
		if after.Tag(t.Slug) == nil {
			gone = append(gone, listPages(wanted, older, plan.Tags+t.Slug+"/", t.News, nil, false)...)
		}
	}
	for _, t := range after.Tags {
		base := plan.Tags + t.Slug + "/"
		old := before.Tag(t.Slug)
		if old == nil {
			old = &plan.Tag{}
		}
		gone = append(gone, listPages(wanted, older, base, old.News, t.News, false)...)
		if old.Name != t.Name { // a new title: every page again
			for i := range plan.Pages(len(t.News), plan.NewsPerPage) {
				listPage(wanted, older, base, i+1)
			}
		}
	}
	return wanted, older, gone
}

// listPage adds page i of the list at base to wanted, or to older past
// the first.
func listPage(wanted, older map[string]bool, base string, i int) {
	if i == 1 {
		wanted[plan.ListPage(base, i)] = true
	} else {
		older[plan.ListPage(base, i)] = true
	}
}

// listPages adds to wanted (its first page) and older (the others) the
// pages of the list at base whose content changes from before to after
// (published news, newest first): a page whose items change (an edited
// item is a new value), every page when the page count changes. It
// returns the pages the list loses: those past its new last page, and its
// first page when it becomes empty and is not kept (always is false).
func listPages(wanted, older map[string]bool, base string, before, after []*model.News, always bool) (gone []string) {
	count := func(list []*model.News) int {
		if len(list) == 0 && !always {
			return 0
		}
		return plan.Pages(len(list), plan.NewsPerPage)
	}
	pagesBefore, pagesAfter := count(before), count(after)
	for i := pagesAfter + 1; i <= pagesBefore; i++ {
		gone = append(gone, plan.ListPage(base, i))
	}
	all := pagesAfter != pagesBefore
	for i := range pagesAfter {
		lo, hi := i*plan.NewsPerPage, (i+1)*plan.NewsPerPage
		if all || !slices.Equal(window(before, lo, hi), window(after, lo, hi)) {
			listPage(wanted, older, base, i+1)
		}
	}
	return gone
}

// window returns list[lo:hi], cut to the list's length.
func window(list []*model.News, lo, hi int) []*model.News {
	return list[min(lo, len(list)):min(hi, len(list))]
}
