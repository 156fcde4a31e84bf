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
	"sort"
	"strings"
	"sync"

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
// by file, then URL.
func Check(files *output.Set, baseURL string) []Broken {
	baseURL = strings.TrimSuffix(baseURL, "/") + "/"
	basePath := "/"
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		basePath = u.Path
	}
	var pages []string
	for _, p := range files.Paths() {
		if strings.HasSuffix(p, ".html") {
			pages = append(pages, p)
		}
	}
	// Pages are read on every core; each result has its slot, so the
	// outcome does not depend on the order in which workers finish.
	found := make([]page, len(pages))
	parallel(len(pages), func(i int) {
		data, _ := files.Get(pages[i])
		found[i] = read(data)
	})
	ids := make(map[string]map[string]bool, len(pages))
	for i, p := range pages {
		ids[p] = found[i].ids
	}
	var broken []Broken
	for i, p := range pages {
		seen := map[string]bool{}
		for _, ref := range found[i].links {
			if seen[ref] {
				continue
			}
			seen[ref] = true
			if reason := resolve(files, ids, p, ref, basePath); reason != "" {
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

// page is what a page holds: its links and its ids.
type page struct {
	links []string
	ids   map[string]bool
}

// read collects the links and ids of an HTML page.
func read(data []byte) page {
	pg := page{ids: map[string]bool{}}
	scan(data, func(a attr) {
		switch {
		case a.key == "id", a.key == "name" && a.tag == "a":
			pg.ids[a.val] = true
		case a.key == "href", a.key == "src", a.key == "action":
			pg.links = append(pg.links, a.val)
		case a.key == "srcset":
			for _, c := range strings.Split(a.val, ",") {
				if f := strings.Fields(c); len(f) > 0 {
					pg.links = append(pg.links, f[0])
				}
			}
		}
	})
	return pg
}

// parallel calls f(0) to f(n-1) on every core.
func parallel(n int, f func(int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// resolve returns why a link of file does not resolve, or "".
func resolve(files *output.Set, ids map[string]map[string]bool, file, ref, basePath string) string {
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
	if pageIDs, isHTML := ids[target]; isHTML && !pageIDs[u.Fragment] {
		return "no id " + u.Fragment + " in " + target
	}
	return ""
}
