package build

import (
	"slices"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// touchedPages compares the plans before and after an edit of news and
// returns the site paths to render again (wanted, and older: the pages
// past the first of news lists) and those to remove (gone): the home page,
// the feeds whose items changed, and in the sections of the news and of
// each CPTS whose published news changed, the pages whose news changed
// (newsChanged) or that one plan has and the other not.
func touchedPages(before, after *plan.Plan) (wanted, older map[string]bool, gone []string) {
	wanted, older = map[string]bool{plan.Home: true}, map[string]bool{}
	for _, f := range after.Feeds() { // those whose items changed (an edited item is a new value)
		if !slices.Equal(before.FeedOf(f.CPTS).News, f.News) {
			atom, _ := f.Paths()
			wanted[atom] = true
		}
	}
	compare := func(under string) {
		var was []plan.Page
		if s := before.Section(under); s != nil {
			was = s.Pages()
		}
		old := make(map[string]plan.Page, len(was))
		for _, pg := range was {
			old[pg.Path] = pg
		}
		var now []plan.Page
		if s := after.Section(under); s != nil {
			now = s.Pages()
		}
		for _, pg := range now {
			if o, ok := old[pg.Path]; !ok || newsChanged(before, o, after, pg) {
				wantPage(wanted, older, pg)
			}
			delete(old, pg.Path)
		}
		for _, pg := range was {
			if _, ok := old[pg.Path]; ok {
				gone = append(gone, pg.Path)
			}
		}
	}
	compare(plan.NewsList)
	for _, c := range after.Site().CPTS {
		if slices.Equal(before.CPTSNews(c), after.CPTSNews(c)) {
			continue
		}
		compare(plan.CPTSPage(c))
	}
	return wanted, older, gone
}

// newsChanged reports whether the news a page shows differ from the plan
// before to the plan after, for a page both have: a news item's page
// shows another item (an edited item is a new value), a page of a news
// list other items, another title (a tag's name) or another page count;
// a CPTS's page, its latest news and their count. Other pages show no
// news.
func newsChanged(before *plan.Plan, old plan.Page, after *plan.Plan, pg plan.Page) bool {
	switch pg.Layout {
	case "news":
		return old.News != pg.News
	case "news-list":
		return old.List.Of != pg.List.Of || old.Tag != nil && old.Tag.Name != pg.Tag.Name ||
			!slices.Equal(listed(before, old), listed(after, pg))
	case "cpts":
		return !slices.Equal(before.CPTSNews(pg.CPTS), after.CPTSNews(pg.CPTS))
	}
	return false
}

// listed returns the news a page of a news list shows.
func listed(pl *plan.Plan, pg plan.Page) []*model.News {
	return pl.NewsOf(pg)[pg.List.Lo:pg.List.Hi]
}

// wantPage adds a page to wanted, or to older when it is a page past the
// first of a list (the dev server renders those after the reload).
func wantPage(wanted, older map[string]bool, pg plan.Page) {
	if pg.List != nil && pg.List.N > 1 {
		older[pg.Path] = true
	} else {
		wanted[pg.Path] = true
	}
}
