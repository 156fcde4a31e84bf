package render

import (
	"html/template"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/feeds"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// feedSize is the number of items in each feed: feeds carry full content,
// and a national site has two feeds per CPTS.
const feedSize = 10

// feeds writes an Atom feed (RFC 4287) and a JSON Feed (version 1.1) for
// the whole site and for each CPTS. Dates come from the items, never from
// the clock, so feeds are reproducible.
func (r *renderer) feeds() {
	r.feed(plan.NewsList, plan.NewsList, r.site.Config.Title, r.plan.News)
	for _, c := range r.site.CPTS {
		if !r.wanted(plan.CPTSPage(c) + "actualites/atom.xml") {
			continue
		}
		r.feed(plan.CPTSNewsList(c), plan.CPTSPage(c), c.Name, r.cptsFeedNews(c))
	}
	r.newsCache = nil
}

// cptsFeedNews returns the news of a CPTS's feeds, newest first.
func (r *renderer) cptsFeedNews(c *model.CPTS) []*model.News {
	var news []*model.News
	for _, n := range c.News {
		if len(news) == feedSize {
			break
		}
		if r.visible(n) {
			news = append(news, n)
		}
	}
	return news
}

// inFeed reports whether a news item is in a feed: the feedSize latest
// of the site, and those of its CPTS.
func (r *renderer) inFeed(n *model.News) bool {
	if r.feedNews == nil {
		r.feedNews = map[*model.News]bool{}
		site := r.plan.News
		for _, n := range site[:min(feedSize, len(site))] {
			r.feedNews[n] = true
		}
		for _, c := range r.site.CPTS {
			for _, n := range r.cptsFeedNews(c) {
				r.feedNews[n] = true
			}
		}
	}
	return r.feedNews[n]
}

// rfc3339 writes a date as midnight UTC, the first instant it designates.
func rfc3339(d model.Date) string { return d.Time().Format(time.RFC3339) }

// feed writes the feeds of news into dir (package feeds); home is the
// page they belong to.
func (r *renderer) feed(dir, home, title string, news []*model.News) {
	if !r.wanted(dir + "atom.xml") {
		return
	}
	if len(news) > feedSize {
		news = news[:feedSize]
	}
	atomPath, jsonPath := plan.Feeds(dir)
	f := feeds.Feed{
		Lang: r.site.Config.Language, ID: r.abs(dir), Title: title, Updated: "1970-01-01T00:00:00Z",
		AtomURL: r.abs(atomPath), JSONURL: r.abs(jsonPath), HomeURL: r.abs(home), Author: r.site.Config.Title,
	}
	if len(news) > 0 {
		f.Updated = rfc3339(news[0].Date)
	}
	for _, n := range news {
		item := feeds.Item{URL: r.abs(plan.NewsPage(n)), Title: n.Title, Date: rfc3339(n.Date), Summary: n.Summary,
			HTML: string(r.newsHTML(n)), Tags: n.Tags}
		if n.CPTS != nil {
			item.Author = n.CPTS.Name
		}
		f.Items = append(f.Items, item)
	}
	r.queue(func() diag.List { // encoded on a worker
		compact := r.opts.Squeeze
		add := func(p string, data []byte) error { return r.out.AddTransient(p, data, compact) }
		return append(addFile(add, atomPath, feeds.Atom(f, compact)), addFile(add, jsonPath, feeds.JSON(f, compact))...)
	})
}

// newsHTML renders a news body once; the feeds, rendered after the
// pages, find the bodies of their items kept, and only those, so that the
// memory a build needs does not grow with its news.
func (r *renderer) newsHTML(n *model.News) template.HTML {
	if h, ok := r.newsCache[n]; ok {
		return h
	}
	h := r.markdownPage(n.Body, 2, n.Cover == "") // without a cover, the first photo opens the page
	if r.inFeed(n) && r.newsCache != nil {
		r.newsCache[n] = h
	}
	return h
}
