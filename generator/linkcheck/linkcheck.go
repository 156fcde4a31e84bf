// Package linkcheck checks a built site from the outside: every link and
// asset of every HTML file (href, src, srcset, form action) must resolve
// to a file of the output, under the site's base path, and a fragment
// ("/cpts/x/#contacts") to an id of the page. Absolute URLs (http:,
// mailto:, tel:...) are not followed, even those under the base URL: the
// site of a CPTS may live under the directory's host
// (https://example.org/pays-de-lunel/ beside https://example.org/).
//
// The build checks Markdown links at their position in the content; this
// check catches what templates write, and links that ignore a base URL
// with a sub-path (https://example.org/cpts/).
package linkcheck

import (
	"fmt"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/cpts-fr/cpts/generator/output"
)

// Broken is a link that resolves to no file of the output, or to a page
// without the fragment it names.
type Broken struct {
	File   string // the HTML file holding the link: "cpts/x/index.html"
	URL    string // as written
	Reason string
}

// String formats the broken link for a message.
func (b Broken) String() string { return fmt.Sprintf("%s: %s: %s", b.File, b.URL, b.Reason) }

// Check returns the broken links of the HTML files of a site published at
// baseURL ("https://example.org/" or "https://example.org/cpts/"), sorted
// by file, then URL. It reads every page of files; a build that watches
// its pages as they are made (Collector) need not read them back.
func Check(files *output.Set, baseURL string) []Broken {
	var pages []string
	for _, p := range files.Paths() {
		if isPage(p) {
			pages = append(pages, p)
		}
	}
	c := NewCollector()
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, p := range pages {
		g.Go(func() error {
			data, _ := files.Get(p)
			c.Add(p, data)
			return nil
		})
	}
	_ = g.Wait() // the tasks return no error
	return c.Check(files, baseURL)
}

// Collector gathers the links and ids of the HTML pages of a build as
// they are made (see output.Set.InspectWith), so that checking them does
// not read the whole site back. It is safe for concurrent use. Each link
// and id is kept once, and pages refer to it by number: the thousands of
// pages of a directory link to the same few thousand paths.
type Collector struct {
	mu    sync.Mutex
	pages map[string]page
	names []string
	index map[string]uint32 // the number of each name
}

// page is what a page holds: its links, each once, and its ids, sorted,
// by their number in the collector.
type page struct{ links, ids []uint32 }

// NewCollector returns an empty collector.
func NewCollector() *Collector {
	return &Collector{pages: map[string]page{}, index: map[string]uint32{}}
}

// Add reads the links and ids of the file at p when it is an HTML page,
// replacing what an earlier version of p held; other files are ignored.
func (c *Collector) Add(p string, data []byte) {
	if !isPage(p) {
		return
	}
	links, ids := read(data)
	c.mu.Lock()
	defer c.mu.Unlock()
	pg := page{links: c.numbers(links), ids: c.numbers(ids)}
	slices.Sort(pg.ids)
	c.pages[p] = pg
}

// numbers returns the numbers of names, each once.
func (c *Collector) numbers(names []string) []uint32 {
	out := make([]uint32, 0, len(names))
	for _, s := range names {
		n, ok := c.index[s]
		if !ok {
			n = uint32(len(c.names))
			c.names = append(c.names, s)
			c.index[s] = n
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// hasID reports whether the page holds the id.
func (c *Collector) hasID(pg page, id string) bool {
	n, ok := c.index[id]
	if !ok {
		return false
	}
	_, found := slices.BinarySearch(pg.ids, n)
	return found
}

// Check returns the broken links of the collected pages that files still
// holds, resolved against files, sorted by file, then URL.
func (c *Collector) Check(files *output.Set, baseURL string) []Broken {
	baseURL = strings.TrimSuffix(baseURL, "/") + "/"
	basePath := "/"
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		basePath = u.Path
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	var pages []string
	for p := range c.pages {
		if files.Has(p) {
			pages = append(pages, p)
		}
	}
	sort.Strings(pages)
	r := resolver{files: files, basePath: basePath, hasID: func(target, id string) (isPage, found bool) {
		pg, ok := c.pages[target]
		if !ok || !files.Has(target) {
			return false, false
		}
		return true, c.hasID(pg, id)
	}}
	// A link from the site's root ("/cpts/x/#contacts") means the same
	// from every page: it is resolved once.
	rooted := map[uint32]string{}
	var broken []Broken
	for _, p := range pages {
		for _, n := range c.pages[p].links {
			ref := c.names[n]
			reason, known := rooted[n]
			if !known {
				reason = r.resolve(p, ref)
				if strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "//") {
					rooted[n] = reason
				}
			}
			if reason != "" {
				broken = append(broken, Broken{p, ref, reason})
			}
		}
	}
	sort.Slice(broken, func(i, j int) bool {
		if broken[i].File != broken[j].File {
			return broken[i].File < broken[j].File
		}
		return broken[i].URL < broken[j].URL
	})
	return broken
}

func isPage(p string) bool { return strings.HasSuffix(p, ".html") }

// read returns the links and the ids of an HTML page.
func read(data []byte) (links, ids []string) {
	scan(data, func(a attr) {
		switch {
		case a.key == "id", a.key == "name" && a.tag == "a":
			ids = append(ids, a.value())
		case a.key == "href", a.key == "src", a.key == "action":
			links = append(links, a.value())
		case a.key == "srcset":
			for _, c := range strings.Split(a.value(), ",") {
				if f := strings.Fields(c); len(f) > 0 {
					links = append(links, f[0])
				}
			}
		}
	})
	return links, ids
}

// resolver resolves the links of a site's pages.
type resolver struct {
	files    *output.Set
	basePath string
	// hasID tells whether target is a page, and whether it holds the id.
	hasID func(target, id string) (isPage, found bool)
}

// resolve returns why a link of file does not resolve, or "".
func (r resolver) resolve(file, ref string) string {
	files, basePath := r.files, r.basePath
	u, err := url.Parse(ref)
	if err != nil {
		return "not a URL"
	}
	if u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return "" // an absolute URL, mailto:, tel:, data:
	}
	target := file
	switch {
	case u.Path == "":
	case strings.HasPrefix(u.Path, "/"):
		rest, ok := strings.CutPrefix(u.Path, basePath)
		if !ok && u.Path+"/" != basePath {
			return "outside the base path " + basePath
		}
		target = rest
	default:
		target = path.Join(path.Dir(file), u.Path)
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	}
	if target != file {
		switch {
		case target == "" || target == "." || strings.HasSuffix(target, "/"):
			target = strings.TrimPrefix(strings.TrimSuffix(target, ".")+"index.html", "/")
		case files.Has(target):
		case files.Has(target + "/index.html"):
			target += "/index.html"
		}
		if !files.Has(target) {
			return "no file " + target + " in the output"
		}
	}
	if u.Fragment == "" {
		return ""
	}
	if isPage, found := r.hasID(target, u.Fragment); isPage && !found {
		return "no id " + u.Fragment + " in " + target
	}
	return ""
}
