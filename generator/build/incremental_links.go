package build

import (
	"bytes"
	"path"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/plan"
)

// linkedFrom reports whether one of the pages of prev's output (output
// paths) links to one of the site paths gone, which the rebuild removes:
// such a link would break, and a full build says where. The links are
// read and resolved as the link check of a full build reads them
// (entities and percent-escapes decoded, relative paths, fragments), so
// that a link written otherwise than its path is found too; what a full
// build lets through (the HTML files of the theme's static/, see
// checkOutput) is let through here. Only the ids of the pages read count,
// which only their own fragments need.
func linkedFrom(prev *Result, gone, pages []string) bool {
	if len(pages) == 0 {
		return false
	}
	links := linkcheck.NewCollector()
	for _, p := range pages {
		if data, ok := prev.Files.Get(p); ok {
			links.Add(p, data)
		}
	}
	after := prev.Files.Clone()
	for _, p := range gone {
		after.Remove(plan.File(p))
	}
	return len(checkOutput(links.Check(after, string(prev.Site.Config.BaseURL)), prev.theme)) > 0
}

// keptNaming returns the pages of prev's output whose site paths none of
// again holds (the pages a rebuild that renders those keeps as they are)
// and that may link to a page of gone: they hold the last part of its
// path ("34184" of /communes/34184/), or a percent-escape, which may spell
// it otherwise; any page when raw HTML (whose entities browsers decode)
// is allowed.
func keptNaming(prev *Result, gone []string, again ...map[string]bool) []string {
	raw := prev.Site.Config.Features.RawHTML
	names := make([][]byte, len(gone)) // the last part of each path, made once
	for i, g := range gone {
		names[i] = []byte(path.Base(g))
	}
	var kept []string
	for _, p := range prev.Files.Paths() {
		site := "/" + strings.TrimSuffix(p, "index.html")
		if !strings.HasSuffix(p, ".html") || slices.ContainsFunc(again, func(in map[string]bool) bool { return in[site] }) {
			continue
		}
		data, _ := prev.Files.Get(p)
		if raw || bytes.IndexByte(data, '%') >= 0 || slices.ContainsFunc(names, func(name []byte) bool { return bytes.Contains(data, name) }) {
			kept = append(kept, p)
		}
	}
	return kept
}

// setOf returns the set of the paths.
func setOf(paths []string) map[string]bool {
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	return set
}
