package linkcheck

import (
	"cmp"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/cpts-fr/cpts/generator/output"
)

// Check returns the broken links of the collected pages that files still
// holds, resolved against files, sorted by file, then URL. It runs on
// every core: each link is read once, then each page is checked against
// what its links mean.
func (c *Collector) Check(files *output.Set, baseURL string) []Broken {
	baseURL = strings.TrimSuffix(baseURL, "/") + "/"
	basePath := "/"
	if u, err := url.Parse(baseURL); err == nil && u.Path != "" {
		basePath = u.Path
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pagesMu.Lock()
	defer c.pagesMu.Unlock()
	var pages []entry
	for p, pg := range c.pages {
		if files.Has(p) {
			pages = append(pages, entry{p, pg})
		}
	}
	if len(pages) == 0 {
		return nil
	}
	r := resolver{files: files, basePath: basePath, hasID: func(target, id string) (isPage, found bool) {
		pg, ok := c.pages[target]
		if !ok || !files.Has(target) {
			return false, false
		}
		return true, c.hasID(pg, id)
	}}
	refs := c.refs(pages, r)
	var (
		mu     sync.Mutex
		broken []Broken
	)
	parallel(len(pages), func(lo, hi int) {
		var found []Broken
		for _, e := range pages[lo:hi] {
			for n := range e.links() {
				if reason := refs[n].reason(r, e.path, e.page); reason != "" {
					found = append(found, Broken{e.path, c.names.name(n), reason})
				}
			}
		}
		mu.Lock()
		broken = append(broken, found...)
		mu.Unlock()
	})
	// A page holds each link once: no two are equal.
	slices.SortFunc(broken, func(a, b Broken) int {
		return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.URL, b.URL))
	})
	return broken
}

// entry is a page to check.
type entry struct {
	path string
	page
}

// ref is a link as read once for all the pages that hold it.
type ref struct {
	fixed string    // why it is broken, or ""
	rel   *relative // when its meaning depends on the page, instead of fixed
}

// relative is a link whose meaning depends on the page holding it: a path
// relative to the page, or a fragment of the page itself ("#contenu").
type relative struct {
	path, fragment string
	id             uint32 // for a fragment alone, the id's number
	known          bool   // whether some page holds the id at all
}

// refs reads the links of pages, each once. An absolute URL, one that
// does not parse and a path from the site's root ("/cpts/x/#contacts")
// mean the same from every page: they are resolved once, from any page
// (see resolve).
func (c *Collector) refs(pages []entry, r resolver) []ref {
	used := make([]bool, c.names.len())
	for _, e := range pages {
		for n := range e.links() {
			used[n] = true
		}
	}
	refs := make([]ref, c.names.len())
	parallel(c.names.len(), func(lo, hi int) {
		for n := lo; n < hi; n++ {
			if !used[n] {
				continue
			}
			p, fragment, absolute, err := parse(c.names.name(uint32(n)))
			switch {
			case err != nil:
				refs[n].fixed = "not a URL"
			case absolute, p == "" && fragment == "":
			case strings.HasPrefix(p, "/"):
				refs[n].fixed = r.resolve(pages[0].path, p, fragment)
			case p == "":
				id, known := c.names.find([]byte(fragment))
				refs[n].rel = &relative{fragment: fragment, id: id, known: known}
			default:
				refs[n].rel = &relative{path: p, fragment: fragment}
			}
		}
	})
	return refs
}

// reason returns why the link does not resolve from the page file, or "".
func (l *ref) reason(r resolver, file string, pg page) string {
	switch {
	case l.rel == nil:
		return l.fixed
	case l.rel.path == "":
		if l.rel.known {
			if pg.hasID(l.rel.id) {
				return ""
			}
		}
		return "no id " + l.rel.fragment + " in " + file
	}
	return r.resolve(file, l.rel.path, l.rel.fragment)
}

// parallel calls f on the chunks of [0, n), on every core.
func parallel(n int, f func(lo, hi int)) {
	const chunk = 256
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(chunk)) - chunk
				if lo >= n {
					return
				}
				f(lo, min(lo+chunk, n))
			}
		})
	}
	wg.Wait()
}
