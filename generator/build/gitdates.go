package build

import (
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/gitinfo"
	"github.com/cpts-fr/cpts/generator/model"
)

// applyGitDates sets the last-modified dates the records do not give from
// git history: a CPTS's `updated` (the latest change in its folder), and
// the Modified date of news and pages. In a shallow clone it sets none and
// warns, since every file would look changed on the day of the build.
func applyGitDates(site *model.Site, info *gitinfo.Info) diag.List {
	var diags diag.List
	if info == nil {
		return nil
	}
	if info.Shallow {
		diags.Warnf(diag.Pos{File: "."}, diag.Consistency, "shallow git clone: last-modified dates come from the records only").
			WithHint("fetch the whole history: actions/checkout with fetch-depth: 0, GIT_DEPTH: \"0\" on GitLab, or git fetch --unshallow")
		return diags
	}
	day := func(t time.Time) model.Date { return model.DayOf(t) }
	for _, c := range site.CPTS {
		if t, ok := info.Latest(c.Dir + "/"); ok && c.Updated.IsZero() {
			c.Updated = day(t)
		}
	}
	for _, n := range site.News {
		if t, ok := info.Modified[n.File]; ok {
			n.Modified = day(t)
		}
	}
	for _, p := range site.Pages {
		if t, ok := info.Modified[p.File]; ok {
			p.Modified = day(t)
		}
	}
	return diags
}
