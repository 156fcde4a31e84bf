package render

import (
	"bytes"
	"encoding/json"
	"html/template"
	"time"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
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

// atomFeed is an Atom feed (RFC 4287), written by encodeAtom.
type atomFeed struct {
	Lang, ID, Title, Updated string
	Links                    []atomLink
	Author                   string
	Entries                  []atomEntry
}

type atomLink struct{ Rel, Type, Href string }

type atomEntry struct {
	ID, Title, Updated, Published string
	Link                          atomLink
	Summary                       string // text; none if empty
	Content                       string // HTML
	Categories                    []string
	Author                        string // none if empty
}

type jsonFeed struct {
	Version     string     `json:"version"`
	Title       string     `json:"title"`
	HomePageURL string     `json:"home_page_url"`
	FeedURL     string     `json:"feed_url"`
	Language    string     `json:"language"`
	Items       []jsonItem `json:"items"`
}

type jsonItem struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	ContentHTML   string   `json:"content_html"`
	Summary       string   `json:"summary,omitempty"`
	DatePublished string   `json:"date_published"`
	Tags          []string `json:"tags,omitempty"`
}

// rfc3339 writes a date as midnight UTC, the first instant it designates.
func rfc3339(d model.Date) string { return d.Time().Format(time.RFC3339) }

// feed writes the feeds of news into dir; home is the page they belong to.
func (r *renderer) feed(dir, home, title string, news []*model.News) {
	if !r.wanted(dir + "atom.xml") {
		return
	}
	if len(news) > feedSize {
		news = news[:feedSize]
	}
	atomPath, jsonPath := plan.Feeds(dir)
	updated := "1970-01-01T00:00:00Z"
	if len(news) > 0 {
		updated = rfc3339(news[0].Date)
	}
	a := atomFeed{
		Lang: r.site.Config.Language, ID: r.abs(dir), Title: title, Updated: updated,
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: r.abs(atomPath)},
			{Rel: "alternate", Type: "text/html", Href: r.abs(home)},
		},
		Author: r.site.Config.Title,
	}
	j := jsonFeed{Version: "https://jsonfeed.org/version/1.1", Title: title, HomePageURL: r.abs(home), FeedURL: r.abs(jsonPath), Language: r.site.Config.Language, Items: []jsonItem{}}
	for _, n := range news {
		url := r.abs(plan.NewsPage(n))
		html := string(r.newsHTML(n))
		e := atomEntry{
			ID: url, Title: n.Title, Updated: rfc3339(n.Date), Published: rfc3339(n.Date),
			Link:    atomLink{Rel: "alternate", Type: "text/html", Href: url},
			Content: html, Summary: n.Summary, Categories: n.Tags,
		}
		if n.CPTS != nil {
			e.Author = n.CPTS.Name
		}
		a.Entries = append(a.Entries, e)
		j.Items = append(j.Items, jsonItem{ID: url, URL: url, Title: n.Title, ContentHTML: html, Summary: n.Summary, DatePublished: rfc3339(n.Date), Tags: n.Tags})
	}
	r.queue(func() diag.List { // encoded on a worker
		compact := r.opts.Squeeze
		add := func(p string, data []byte) error { return r.out.AddTransient(p, data, compact) }
		return append(addFile(add, atomPath, encodeAtom(a, compact)), addFile(add, jsonPath, encodeJSONFeed(j, compact))...)
	})
}

// encodeAtom writes an Atom feed, indented for reading, or compact: as
// the XML minifier would write it, so that a squeezed build adds it
// without minifying it.
func encodeAtom(a atomFeed, compact bool) []byte {
	w := &xmlWriter{indent: !compact}
	w.b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	w.open("feed", "xmlns", "http://www.w3.org/2005/Atom", "xml:lang", a.Lang)
	w.leaf("id", a.ID)
	w.leaf("title", a.Title)
	w.leaf("updated", a.Updated)
	for _, l := range a.Links {
		w.link(l)
	}
	w.open("author")
	w.leaf("name", a.Author)
	w.close("author")
	for _, e := range a.Entries {
		w.open("entry")
		w.leaf("id", e.ID)
		w.leaf("title", e.Title)
		w.leaf("updated", e.Updated)
		w.leaf("published", e.Published)
		w.link(e.Link)
		if e.Summary != "" {
			w.leaf("summary", e.Summary, "type", "text")
		}
		w.leaf("content", e.Content, "type", "html")
		for _, c := range e.Categories {
			w.leaf("category", "", "term", c)
		}
		if e.Author != "" {
			w.open("author")
			w.leaf("name", e.Author)
			w.close("author")
		}
		w.close("entry")
	}
	w.close("feed")
	if w.indent {
		w.b.WriteByte('\n')
	}
	return w.b.Bytes()
}

func (w *xmlWriter) link(l atomLink) {
	var attrs []string
	if l.Rel != "" {
		attrs = append(attrs, "rel", l.Rel)
	}
	if l.Type != "" {
		attrs = append(attrs, "type", l.Type)
	}
	w.leaf("link", "", append(attrs, "href", l.Href)...)
}

// encodeJSONFeed encodes a JSON Feed, indented for reading, or compact.
// HTML is not escaped (\u003c for <): a feed is no HTML page, and its
// content_html is mostly tags.
func encodeJSONFeed(j jsonFeed, compact bool) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if !compact {
		enc.SetIndent("", " ")
	}
	if err := enc.Encode(j); err != nil {
		panic(err)
	}
	if compact {
		b.Truncate(b.Len() - 1) // Encode's line break
	}
	return b.Bytes()
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

// tags returns the tags of published news, sorted by slug (package plan).
func (r *renderer) tags() []*plan.Tag { return r.plan.Tags }

// tagPages renders the news of each tag as list pages, like /actualites/.
func (r *renderer) tagPages() {
	if !r.wantedUnder(plan.Tags) {
		return
	}
	crumbs := []crumb{{r.t("home"), "/"}, {r.t("news"), plan.NewsList}}
	for _, t := range r.tags() {
		r.newsList(plan.TagPage(t.Name), r.t("tag_title", t.Name), crumbs, nil, t.News, false)
	}
}
