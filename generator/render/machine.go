package render

import (
	"bytes"
	"encoding/xml"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// machineFiles writes sitemap.xml, robots.txt and _headers.
func (r *renderer) machineFiles() {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	lastmod := map[string]string{}
	for _, c := range r.site.CPTS {
		if !c.Updated.IsZero() {
			lastmod[strings.TrimPrefix(cptsPath(c), "/")+"index.html"] = c.Updated.String()
		}
	}
	for _, n := range r.site.News {
		switch {
		case !r.visible(n):
		case !n.Modified.IsZero():
			lastmod[strings.TrimPrefix(newsPath(n), "/")+"index.html"] = n.Modified.String()
		case n.Date.Precision == model.Day:
			lastmod[strings.TrimPrefix(newsPath(n), "/")+"index.html"] = n.Date.String()
		}
	}
	for _, p := range r.site.Pages {
		if !p.Modified.IsZero() {
			lastmod["pages/"+p.Slug+"/index.html"] = p.Modified.String()
		}
	}
	for _, p := range r.out.Paths() {
		if !strings.HasSuffix(p, "index.html") {
			continue
		}
		loc := r.abs(strings.TrimSuffix(p, "index.html"))
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(loc))
		b.WriteString("</loc>")
		if lm, ok := lastmod[p]; ok {
			b.WriteString("<lastmod>" + lm + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	r.add("sitemap.xml", b.Bytes())
	r.add("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+r.abs("sitemap.xml")+"\n"))
	r.add("_headers", headersFile(r.csp()))
}
