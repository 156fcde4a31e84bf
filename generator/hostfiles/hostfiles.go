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

// Sitemaps makes sitemap.xml listing n URLs (url(i) is the i-th, in
// order) when they are size or fewer, else sitemap-1.xml, sitemap-2.xml…
// of size URLs each and a sitemap.xml that indexes them, last; abs makes
// a file name absolute. It passes each file to add as soon as it is made,
// so that it holds one at a time: the sitemaps of a decade of news are
// over a hundred megabytes.
func Sitemaps(n, size int, url func(i int) URL, abs func(name string) string, add func(File)) {
	if n <= size {
		add(File{Sitemap, urlset(0, n, url)})
		return
	}
	var index bytes.Buffer
	index.WriteString(xml.Header)
	index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := 0; i*size < n; i++ {
		name := "sitemap-" + strconv.Itoa(i+1) + ".xml"
		add(File{name, urlset(i*size, min((i+1)*size, n), url)})
		index.WriteString("<sitemap><loc>")
		_ = xml.EscapeText(&index, []byte(abs(name)))
		index.WriteString("</loc></sitemap>\n")
	}
	index.WriteString("</sitemapindex>\n")
	add(File{Sitemap, index.Bytes()})
}

// PlanSitemaps passes to add the sitemaps (Sitemaps) of every page of the
// plan but the 404 page, sorted by URL, with the date its record was last
// changed; abs makes a site path absolute. It keeps the pages' URLs and
// dates in one block of bytes until the last file is made, not a string
// of each.
func PlanSitemaps(pl *plan.Plan, size int, abs func(sitePath string) string, add func(File)) {
	var (
		text  []byte     // the URLs and dates, one after the other
		pages []pageSpan // where each is in text
	)
	for _, s := range pl.Sections() {
		for pg := range s.All() {
			if strings.HasSuffix(pg.Path, "/") { // not /404.html
				loc, mod := abs(pg.Path), plan.LastMod(pg)
				pages = append(pages, pageSpan{uint32(len(text)), uint32(len(loc)), uint8(len(mod))})
				text = append(append(text, loc...), mod...)
			}
		}
	}
	loc := func(p pageSpan) []byte { return text[p.at : p.at+p.loc] }
	slices.SortFunc(pages, func(a, b pageSpan) int { return bytes.Compare(loc(a), loc(b)) })
	Sitemaps(len(pages), size, func(i int) URL {
		p := pages[i]
		return URL{Loc: string(loc(p)), LastMod: string(text[p.at+p.loc : p.at+p.loc+uint32(p.mod)])}
	}, abs, add)
}

// pageSpan is where a page's URL and date are in PlanSitemaps' text.
type pageSpan struct {
	at, loc uint32
	mod     uint8
}

// urlset returns a sitemap file of the url elements of URLs lo to hi.
func urlset(lo, hi int, url func(i int) URL) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for i := lo; i < hi; i++ {
		u := url(i)
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
