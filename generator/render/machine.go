package render

import (
	"github.com/cpts-fr/cpts/generator/hostfiles"
	"github.com/cpts-fr/cpts/generator/model"
)

// machineFiles writes sitemap.xml (an index of sitemap-N.xml files above
// SitemapSize URLs), robots.txt and _headers (package hostfiles).
func (r *renderer) machineFiles() {
	hostfiles.PlanSitemaps(r.plan, r.opts.SitemapSize, r.abs, func(f hostfiles.File) { r.add(f.Name, f.Data) })
	r.add("robots.txt", hostfiles.Robots(r.abs(hostfiles.Sitemap)))
	r.add("_headers", hostfiles.Headers(r.csp()))
}

// Sitemaps returns sitemap.xml, and the sitemap-N.xml files it lists
// above Options.SitemapSize URLs, for the pages of the plan of opts: what
// a full build writes, for an incremental rebuild that changed which
// pages exist or their dates.
func Sitemaps(site *model.Site, opts Options) []hostfiles.File {
	r := newRenderer(site, opts)
	var files []hostfiles.File
	hostfiles.PlanSitemaps(r.plan, r.opts.SitemapSize, r.abs, func(f hostfiles.File) { files = append(files, f) })
	return files
}

// IsSitemap reports whether a file of the output is one Sitemaps makes.
func IsSitemap(p string) bool { return hostfiles.IsSitemap(p) }
