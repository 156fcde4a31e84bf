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

// feeds writes the feeds of the plan (those that Options.Only wants): an
// Atom file and a JSON Feed each, encoded on a worker.
func (r *renderer) feeds() {
	s := r.feedSite()
	for _, f := range r.plan.Feeds() {
		atomPath, jsonPath := f.Paths()
		if !r.wanted(atomPath) {
			continue
		}
		feed := s.FeedOf(f)
		r.queue(func() diag.List {
			compact := r.opts.Squeeze
			add := func(p string, data []byte) error { return r.out.AddTransient(p, data, compact) }
			return append(addFile(add, atomPath, feeds.Atom(feed, compact)), addFile(add, jsonPath, feeds.JSON(feed, compact))...)
		})
	}
	r.newsCache = nil
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

// newsHTML renders a news body once; the feeds, rendered after the
// pages, find the bodies of their items kept, and only those, so that the
// memory a build needs does not grow with its news.
func (r *renderer) newsHTML(n *model.News) template.HTML {
	if h, ok := r.newsCache[n]; ok {
		return h
	}
	h := r.markdownPage(n.Body, 2, n.Cover == "") // without a cover, the first photo opens the page
	if r.plan.InFeed(n) && r.newsCache != nil {
		r.newsCache[n] = h
	}
	return h
}
