// Package hostfiles writes the files that crawlers and hosts read at the
// root of a site: sitemap.xml (split into sitemap-N.xml files under an
// index past a size) of the pages of the plan, robots.txt and _headers.
// The plan gives the pages and their dates (plan.LastMod), render the
// URLs and the policy.
package hostfiles

import (
	"bytes"
	"encoding/xml"
	"slices"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/plan"
)

// URL is one page of a sitemap.
type URL struct {
	Loc     string // absolute
	LastMod string // a date, YYYY-MM-DD; none if empty
}

// File is a file to write at the root of the site.
type File struct {
	Name string
	Data []byte
}

// Sitemap is the sitemap robots.txt names: the only one, or the index of
// the others.
const Sitemap = "sitemap.xml"

// IsSitemap reports whether a file name is one Sitemaps makes:
// sitemap.xml or sitemap-N.xml.
func IsSitemap(name string) bool {
	if name == Sitemap {
		return true
	}
	n, prefixed := strings.CutPrefix(name, "sitemap-")
	n, suffixed := strings.CutSuffix(n, ".xml")
	_, err := strconv.Atoi(n)
	return prefixed && suffixed && err == nil
}

// Sitemaps returns sitemap.xml listing urls when they are size or fewer,
// else sitemap-1.xml, sitemap-2.xml… of size URLs each and a sitemap.xml
// that indexes them; abs makes a file name absolute.
func Sitemaps(urls []URL, size int, abs func(name string) string) []File {
	if len(urls) <= size {
		return []File{{Sitemap, urlset(urls)}}
	}
	var files []File
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*size < len(urls); i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		files = append(files, File{name, urlset(urls[i*size : min((i+1)*size, len(urls))])})
		index.WriteString("<sitemap><loc>")
		_ = xml.EscapeText(&index, []byte(abs(name)))
		index.WriteString("</loc></sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	return append(files, File{Sitemap, index.Bytes()})
}

// PlanSitemaps returns the sitemaps (Sitemaps) of every page of the plan
// but the 404 page, sorted by URL, with the date its record was last
// changed; abs makes a site path absolute.
func PlanSitemaps(pl *plan.Plan, size int, abs func(sitePath string) string) []File {
	var urls []URL
	for _, s := range pl.Sections() {
		for pg := range s.All() {
			if strings.HasSuffix(pg.Path, "/") { // not /404.html
				urls = append(urls, URL{Loc: abs(pg.Path), LastMod: plan.LastMod(pg)})
			}
		}
	}
	slices.SortFunc(urls, func(a, b URL) int { return strings.Compare(a.Loc, b.Loc) })
	return Sitemaps(urls, size, abs)
}

// urlset returns a sitemap file of url elements.
func urlset(urls []URL) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(u.Loc))
		b.WriteString("</loc>")
		if u.LastMod != "" {
			b.WriteString("<lastmod>" + u.LastMod + "</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// Robots returns robots.txt: every robot welcome, and where the sitemap is.
func Robots(sitemapURL string) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + sitemapURL + "\n")
}

// Headers returns _headers, the HTTP headers of every file for hosts that
// read one (Netlify, Cloudflare Pages): the pages' policy csp, with
// frame-ancestors which a meta tag cannot carry, and the headers that
// stop MIME sniffing, framing by other sites (the site frames its own map
// documents), referrer leaks and browser features the site does not use
// (geolocation is its own, for the location button).
func Headers(csp string) []byte {
	return []byte("/*\n" +
		"  Content-Security-Policy: " + csp + "; frame-ancestors 'self'\n" +
		"  X-Content-Type-Options: nosniff\n" +
		"  X-Frame-Options: SAMEORIGIN\n" +
		"  Referrer-Policy: strict-origin-when-cross-origin\n" +
		"  Permissions-Policy: camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()\n" +
		"  Cross-Origin-Opener-Policy: same-origin\n")
}
