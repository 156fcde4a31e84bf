package render

import (
	"html/template"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/feeds"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// feedSite is what package feeds takes from the site: its URLs, the HTML
// of news bodies, the places of events.
func (r *renderer) feedSite() feeds.Site {
	return feeds.Site{Lang: r.site.Config.Language, Title: r.site.Config.Title, BaseURL: r.baseURL, Abs: r.abs,
		HTML: func(n *model.News) string { return string(r.newsHTML(n)) }, Place: r.plan.EventPlace}
}

// planFeeds lists the feeds to write (those that Options.Only wants) by
// the section of their home page, and counts, for each news item they
// show, how many show it: newsHTML keeps the body of such an item until
// the last of them is written.
func (r *renderer) planFeeds() {
	r.feedsAt, r.inFeeds, r.newsCache = map[string][]plan.Feed{}, map[*model.News]int{}, map[*model.News]template.HTML{}
	for _, f := range r.plan.Feeds() {
		if atom, _ := f.Paths(); r.wanted(atom) {
			r.feedsAt[f.Home] = append(r.feedsAt[f.Home], f)
			for _, n := range f.News {
				r.inFeeds[n]++
			}
		}
	}
}

// feedsOf writes the feeds whose home page opens the section under
// (a CPTS's, once its news pages are rendered; the site's, after the
// site's news list): an Atom file and a JSON Feed each, encoded on a
// worker. The bodies of their items are let go as soon as no feed left
// shows them, so that they are held for one CPTS at a time.
func (r *renderer) feedsOf(under string) {
	due := r.feedsAt[under]
	if len(due) == 0 {
		return
	}
	delete(r.feedsAt, under)
	s := r.feedSite()
	for _, f := range due {
		atomPath, jsonPath := f.Paths()
		feed := s.FeedOf(f)
		for _, n := range f.News {
			if r.inFeeds[n]--; r.inFeeds[n] == 0 {
				delete(r.inFeeds, n)
				delete(r.newsCache, n)
			}
		}
		r.queue(func() diag.List {
			compact := r.opts.Squeeze
			add := func(p string, data []byte) error { return r.out.AddTransient(p, data, compact) }
			return append(addFile(add, atomPath, feeds.Atom(feed, compact)), addFile(add, jsonPath, feeds.JSON(feed, compact))...)
		})
	}
}

// feeds writes the feeds left: those of sections the render skipped
// (Options.Only), in the plan's order.
func (r *renderer) feeds() {
	for _, f := range r.plan.Feeds() {
		r.feedsOf(f.Home)
	}
}

// calendars writes the calendars of the plan (those that Options.Only
// wants).
func (r *renderer) calendars() {
	s := r.feedSite()
	for _, c := range r.plan.Calendars() {
		if r.wanted(c.Path) {
			r.add(plan.File(c.Path), feeds.ICS(s.CalendarOf(c)))
		}
	}
}

// newsHTML renders a news body once; the feeds, written after the pages
// of their section, find the bodies of their items kept, and only those
// of feeds not yet written (planFeeds), so that the memory a build needs
// grows neither with its news nor with its CPTS.
func (r *renderer) newsHTML(n *model.News) template.HTML {
	if h, ok := r.newsCache[n]; ok {
		return h
	}
	h := r.markdownPage(n.Body, 2, n.Cover == "") // without a cover, the first photo opens the page
	if r.inFeeds[n] > 0 {
		r.newsCache[n] = h
	}
	return h
}
