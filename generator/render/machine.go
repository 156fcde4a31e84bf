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
	for _, f := range r.sitemaps(r.out.Paths()) {
		r.add(f.Name, f.Data)
	}
	r.add("robots.txt", hostfiles.Robots(r.abs(hostfiles.Sitemap)))
	r.add("_headers", hostfiles.Headers(r.csp()))
}

// Sitemaps returns sitemap.xml, and the sitemap-N.xml files it lists
// above Options.SitemapSize URLs, for the HTML files among paths (the
// files of the whole site): what a full build writes, for an incremental
// rebuild that changed which pages exist or their dates.
func Sitemaps(site *model.Site, opts Options, paths []string) []hostfiles.File {
	return newRenderer(site, opts).sitemaps(paths)
}

// IsSitemap reports whether a file of the output is one Sitemaps makes.
func IsSitemap(p string) bool { return hostfiles.IsSitemap(p) }

// sitemaps lists the pages among paths with the date their record was
// last changed.
func (r *renderer) sitemaps(paths []string) []hostfiles.File {
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
	for _, p := range paths {
		if strings.HasSuffix(p, "index.html") {
			urls = append(urls, hostfiles.URL{Loc: r.abs(strings.TrimSuffix(p, "index.html")), LastMod: lastmod[p]})
		}
	}
	return hostfiles.Sitemaps(urls, r.opts.SitemapSize, r.abs)
}
