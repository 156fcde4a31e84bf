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
	"runtime"
	"strings"

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

func isPage(p string) bool { return strings.HasSuffix(p, ".html") }
