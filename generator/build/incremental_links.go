package build

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/plan"
)

// linkedFrom reports whether a page of prev's output that from accepts
// (by its output path and bytes) links to one of the site paths gone,
// which the rebuild removes: such a link would break, and a full build
// says where. The links are read and resolved as the link check of a
// full build reads them (entities and percent-escapes decoded, relative
// paths, fragments), so that a link written otherwise than its path is
// found too; what a full build lets through (the HTML files of the
// theme's static/, see checkOutput) is let through here. It reads every
// page from accepts, whose ids only their own fragments need.
func linkedFrom(prev *Result, gone []string, from func(p string, data []byte) bool) bool {
	links := linkcheck.NewCollector()
	for _, p := range prev.Files.Paths() {
		if data, ok := prev.Files.Get(p); ok && from(p, data) {
			links.Add(p, data)
		}
	}
	after := prev.Files.Clone()
	for _, p := range gone {
		after.Remove(plan.File(p))
	}
	return len(checkOutput(links.Check(after, string(prev.Site.Config.BaseURL)), prev.theme)) > 0
}

// keptAsIs accepts the pages whose site paths none of again holds: the
// pages a rebuild that renders those keeps as they are.
func keptAsIs(again ...map[string]bool) func(p string, _ []byte) bool {
	return func(p string, _ []byte) bool {
		site := "/" + strings.TrimSuffix(p, "index.html")
		for _, in := range again {
			if in[site] {
				return false
			}
		}
		return true
	}
}

// setOf returns the set of the paths.
func setOf(paths []string) map[string]bool {
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	return set
}
