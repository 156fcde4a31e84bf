package render

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/model"
)

// machineFiles writes sitemap.xml (an index of sitemap-N.xml files above
// SitemapSize URLs), robots.txt and _headers.
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
	var urls []string
	for _, p := range r.out.Paths() {
		if !strings.HasSuffix(p, "index.html") {
			continue
		}
		var b strings.Builder
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(r.abs(strings.TrimSuffix(p, "index.html"))))
		b.WriteString("</loc>")
		if lm, ok := lastmod[p]; ok {
			b.WriteString("<lastmod>" + lm + "</lastmod>")
		}
		b.WriteString("</url>\n")
		urls = append(urls, b.String())
	}
	if len(urls) <= r.opts.SitemapSize {
		r.add("sitemap.xml", urlset(urls))
	} else {
		var index bytes.Buffer
		index.WriteString(xml.Header)
		index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := 0; i*r.opts.SitemapSize < len(urls); i++ {
			name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
			r.add(name, urlset(urls[i*r.opts.SitemapSize:min((i+1)*r.opts.SitemapSize, len(urls))]))
			index.WriteString("<sitemap><loc>")
			_ = xml.EscapeText(&index, []byte(r.abs(name)))
			index.WriteString("</loc></sitemap>\n")
		}
		index.WriteString("</sitemapindex>\n")
		r.add("sitemap.xml", index.Bytes())
	}
	r.add("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+r.abs("sitemap.xml")+"\n"))
	r.add("_headers", headersFile(r.csp()))
}

// urlset returns a sitemap file of url elements.
func urlset(urls []string) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString(u)
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
