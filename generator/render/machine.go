package render

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/hostfiles"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// machineFiles writes sitemap.xml (an index of sitemap-N.xml files above
// SitemapSize URLs), robots.txt and _headers (package hostfiles): every
// page rendered, with the date its record was last changed.
func (r *renderer) machineFiles() {
	lastmod := map[string]string{}
	for _, c := range r.site.CPTS {
		if !c.Updated.IsZero() {
			lastmod[plan.File(plan.CPTSPage(c))] = c.Updated.String()
		}
	}
	for _, n := range r.site.News {
		switch {
		case !r.visible(n):
		case !n.Modified.IsZero():
			lastmod[plan.File(plan.NewsPage(n))] = n.Modified.String()
		case n.Date.Precision == model.Day:
			lastmod[plan.File(plan.NewsPage(n))] = n.Date.String()
		}
	}
	for _, p := range r.site.Pages {
		if !p.Modified.IsZero() {
			lastmod[plan.File(plan.FreePage(p))] = p.Modified.String()
		}
	}
	var urls []hostfiles.URL
	for _, p := range r.out.Paths() {
		if strings.HasSuffix(p, "index.html") {
			urls = append(urls, hostfiles.URL{Loc: r.abs(strings.TrimSuffix(p, "index.html")), LastMod: lastmod[p]})
		}
	}
	for _, f := range hostfiles.Sitemaps(urls, r.opts.SitemapSize, r.abs) {
		r.add(f.Name, f.Data)
	}
	r.add("robots.txt", hostfiles.Robots(r.abs("sitemap.xml")))
	r.add("_headers", hostfiles.Headers(r.csp()))
}
