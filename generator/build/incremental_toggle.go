package build

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/validate"
)

// cptsToggle is a CPTS added to the site (a new folder of content/cpts/,
// its index.md written) or deleted (its folder gone). It changes what
// many pages show (the lists and counts of CPTS, the coverage of its
// communes, the nearest CPTS of others, maps, départements and régions
// that gain or lose their page, the open data, the search index): every
// file render makes is made again from the model, and the pages and files
// the site no longer has are removed.
type cptsToggle struct {
	added, deleted *model.CPTS
}

// reloadToggle recognises a CPTS added or deleted: changed names one
// folder of content/cpts/ or files in it, whose index.md exists while the
// site has no such CPTS, or whose folder is gone while the site has it.
// An added CPTS is read and checked. It returns ok=false when the change
// is not one, or needs a full build: a site with a [scope] (the CPTS may
// be out of it), an added CPTS with news or images (logo, photos), a
// deleted one with images.
func reloadToggle(prev *Result, opts Options, changed []string) (t *cptsToggle, diags diag.List, ok bool) {
	site, pl := prev.Site, prev.plan
	slug := ""
	for _, p := range changed {
		rest, found := strings.CutPrefix(p, "content/cpts/")
		s, _, _ := strings.Cut(rest, "/")
		if !found || s == "" || slug != "" && s != slug {
			return nil, nil, false
		}
		slug = s
	}
	dir := "content/cpts/" + slug
	i := slices.IndexFunc(site.CPTS, func(c *model.CPTS) bool { return c.Slug == slug })
	if i >= 0 {
		if _, err := fs.Stat(opts.Source, dir); err == nil || pl.Restricted() || showsImages(prev.uses, dir) {
			return nil, nil, false
		}
		return &cptsToggle{deleted: site.CPTS[i]}, nil, true
	}
	if _, err := fs.Stat(opts.Source, dir+"/index.md"); err != nil || pl.Restricted() {
		return nil, nil, false
	}
	if news, err := fs.ReadDir(opts.Source, dir+"/news"); err == nil && len(news) > 0 {
		return nil, nil, false // a full build reads them with the others'
	}
	fresh, diags := load.CPTSFolder(opts.Source, slug, load.Options{})
	if diags.HasErrors() {
		return nil, diags, true
	}
	if fresh.Logo != "" {
		return nil, nil, false
	}
	photos, d := textPhotos(site, fresh.Body)
	if len(photos) > 0 {
		return nil, nil, false
	}
	diags = append(diags, d...)
	if d := validate.CPTS(site, fresh); len(d) > 0 {
		if diags = append(diags, d...); d.HasErrors() {
			return nil, diags, true
		}
	}
	return &cptsToggle{added: fresh}, diags, true
}

// showsImages reports whether content under a folder shows images (a
// logo, covers, photos): their pictures are files of the images stage,
// which a full build makes again.
func showsImages(uses []imageUse, dir string) bool {
	return slices.ContainsFunc(uses, func(u imageUse) bool { return strings.HasPrefix(u.ref.File, dir+"/") })
}

// apply adds the CPTS to the site, in slug order, or removes it and its
// news, and makes the coverage of communes again, with its warnings. It
// returns the function that puts the site back as it was.
func (t *cptsToggle) apply(site *model.Site) (diags diag.List, undo func()) {
	all, news, coverage := site.CPTS, site.News, site.Coverage
	undo = func() { site.CPTS, site.News, site.Coverage = all, news, coverage }
	if c := t.added; c != nil {
		i, _ := slices.BinarySearchFunc(all, c.Slug, func(x *model.CPTS, slug string) int { return strings.Compare(x.Slug, slug) })
		site.CPTS = slices.Insert(slices.Clone(all), i, c)
		return validate.Territory(site, c, nil), undo
	}
	c := t.deleted
	site.CPTS = slices.DeleteFunc(slices.Clone(all), func(x *model.CPTS) bool { return x == c })
	site.News = slices.DeleteFunc(slices.Clone(news), func(n *model.News) bool { return n.CPTS == c })
	territory := c.Territory
	c.Territory = model.Territory{} // what the coverage holds of c goes
	diags = validate.Territory(site, c, territory.Entries)
	c.Territory = territory
	return diags, undo
}

// gone returns, once the edit is applied and after planned, the pages
// the site had (before) and no longer has, to remove; and the files of
// the previous output (files lists them) that may be gone: the maps
// beside pages gone and, for a CPTS deleted, the files under its folder
// and the location files (its départements may have no CPTS left), which
// the rebuild removes unless it renders them.
func (t *cptsToggle) gone(before, after *plan.Plan, files func() []string) (gone, mayGo []string) {
	now := map[string]bool{}
	for _, s := range after.Sections() {
		for _, pg := range s.Pages() {
			now[pg.Path] = true
		}
	}
	for _, s := range before.Sections() {
		for _, pg := range s.Pages() {
			if !now[pg.Path] {
				gone = append(gone, pg.Path)
				mayGo = append(mayGo, plan.MapOf(pg.Path))
			}
		}
	}
	c := t.deleted
	if c == nil {
		return gone, mayGo // a CPTS added leaves every other file there
	}
	under := []string{strings.TrimPrefix(plan.LocationDir, "/"), strings.TrimPrefix(plan.CPTSPage(c), "/")}
	for _, f := range files() {
		if !strings.HasSuffix(f, ".html") && (strings.HasPrefix(f, under[0]) || strings.HasPrefix(f, under[1])) {
			mayGo = append(mayGo, "/"+f)
		}
	}
	return gone, mayGo
}
