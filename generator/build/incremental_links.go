package build

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/plan"
)

// linkedFrom reports whether a page of prev's output that the rebuild
// keeps as it is (in none of the sets of site paths it renders again or
// may remove, again) links to one of the pages gone, which the rebuild
// removes: such a link
// would break, and a full build says where. The links are read and
// resolved as the link check of a full build reads them (entities and
// percent-escapes decoded, relative paths, fragments), so that a link
// written otherwise than its path is found too; what a full build lets
// through (the HTML files of the theme's static/, see checkOutput) is
// let through here. It reads every page of the output: a change that
// removes pages is rare, and this costs less than the full build.
func linkedFrom(prev *Result, gone []string, again ...map[string]bool) bool {
	links := linkcheck.NewCollector()
	after := prev.Files.Clone()
	for _, p := range prev.Files.Paths() {
		if data, ok := prev.Files.Get(p); ok {
			links.Add(p, data) // all pages, whose ids fragments name
		}
	}
	for _, p := range gone {
		after.Remove(plan.File(p))
	}
	var broken []linkcheck.Broken
	for _, b := range links.Check(after, string(prev.Site.Config.BaseURL)) {
		made := false
		for _, in := range again {
			made = made || in["/"+strings.TrimSuffix(b.File, "index.html")]
		}
		if !made {
			broken = append(broken, b)
		}
	}
	return len(checkOutput(broken, prev.theme)) > 0
}

// setOf returns the set of the paths.
func setOf(paths []string) map[string]bool {
	set := make(map[string]bool, len(paths))
	for _, p := range paths {
		set[p] = true
	}
	return set
}
