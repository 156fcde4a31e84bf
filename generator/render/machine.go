package render

import (
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/hostfiles"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// machineFiles writes sitemap.xml (an index of sitemap-N.xml files above
// SitemapSize URLs), robots.txt and _headers (package hostfiles).
func (r *renderer) machineFiles() {
	for _, f := range r.sitemaps() {
		r.add(f.Name, f.Data)
	}
	r.add("robots.txt", hostfiles.Robots(r.abs(hostfiles.Sitemap)))
	r.add("_headers", hostfiles.Headers(r.csp()))
}

// Sitemaps returns sitemap.xml, and the sitemap-N.xml files it lists
// above Options.SitemapSize URLs, for the pages of the plan of opts: what
// a full build writes, for an incremental rebuild that changed which
// pages exist or their dates.
func Sitemaps(site *model.Site, opts Options) []hostfiles.File {
	return newRenderer(site, opts).sitemaps()
}

// IsSitemap reports whether a file of the output is one Sitemaps makes.
func IsSitemap(p string) bool { return hostfiles.IsSitemap(p) }

// sitemaps lists every page of the plan but the 404 page, sorted by
// path, with the date its record was last changed.
func (r *renderer) sitemaps() []hostfiles.File {
	var urls []hostfiles.URL
	for _, s := range r.plan.Sections() {
		for _, pg := range s.Pages() {
			if strings.HasSuffix(pg.Path, "/") { // not /404.html
				urls = append(urls, hostfiles.URL{Loc: r.abs(pg.Path), LastMod: r.lastMod(pg)})
			}
		}
	}
	slices.SortFunc(urls, func(a, b hostfiles.URL) int { return strings.Compare(a.Loc, b.Loc) })
	return hostfiles.Sitemaps(urls, r.opts.SitemapSize, r.abs)
}

// lastMod is the date the record of a page was last changed, when it
// says: a CPTS's update date on its page, a news item's modification
// date (else its date, to the day), a free page's.
func (r *renderer) lastMod(pg plan.Page) string {
	switch {
	case pg.Layout == "cpts" && !pg.CPTS.Updated.IsZero():
		return pg.CPTS.Updated.String()
	case pg.Layout == "news" && !pg.News.Modified.IsZero():
		return pg.News.Modified.String()
	case pg.Layout == "news" && pg.News.Date.Precision == model.Day:
		return pg.News.Date.String()
	case pg.Layout == "page" && !pg.Free.Modified.IsZero():
		return pg.Free.Modified.String()
	}
	return ""
}
