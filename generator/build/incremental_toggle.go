package build

import (
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/validate"
)

// cptsToggle is a CPTS added to the site (a new folder of content/cpts/,
// its index.md written), deleted (its folder gone) or replaced (its
// records read again whole, when no finer edit applies: its départements,
// a territory reaching another département, several of its files at
// once). It changes what many pages show (the lists and counts of CPTS,
// the coverage of its communes, the nearest CPTS of others, maps,
// départements and régions that gain or lose their page, the open data,
// the search index): every file render makes is made again from the
// model, and the pages and files the site no longer has are removed.
type cptsToggle struct {
	added, deleted *model.CPTS // both for a CPTS replaced
	// news are those of a CPTS added with its news folder, newest first.
	news []*model.News
	// shown are the images the added or replaced CPTS's index.md shows
	// (its logo and the photos of its text), and those of the news of a
	// CPTS added.
	shown []imageUse
}

// reloadToggle recognises a CPTS added or deleted (replace false), or
// replaced (replace true): changed names one folder of content/cpts/ or
// files in it; an added CPTS's index.md exists while the site has no
// such CPTS, a deleted one's folder is gone while the site has it, a
// replaced one is in both. An added or replaced CPTS is read and checked
// (the news of a replaced one are kept). It returns ok=false when the
// change is not one, or needs a full build: on a site with a [scope], a
// CPTS it does not publish, before or after (links to it lead to the
// directory), or any CPTS on a site of one CPTS; an added CPTS with other files than its records,
// its news (news/<date>-<slug>.md, bundles of an index.md and images) and
// images, a replaced one with other changed files than its records (news,
// images, files a full build warns of).
func reloadToggle(prev *Result, opts Options, changed []string, replace bool) (t *cptsToggle, diags diag.List, ok bool) {
	site, whole, pl := prev.Site, prev.whole, prev.plan
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
	if pl.Home() != nil {
		return nil, nil, false
	}
	if _, err := fs.Stat(opts.Source, dir); err != nil {
		if i < 0 || replace {
			return nil, nil, false
		}
		return &cptsToggle{deleted: site.CPTS[i]}, nil, true
	}
	if (i >= 0) != replace || !replace && whole.CPTSBySlug(slug) != nil {
		return nil, nil, false
	}
	if _, err := fs.Stat(opts.Source, dir+"/index.md"); err != nil {
		return nil, nil, false
	}
	if replace && slices.ContainsFunc(changed, func(p string) bool { return p != dir && !recordFiles[path.Base(p)] && path.Base(p) != "communes.toml" }) {
		return nil, nil, false // news, images, or a file a full build warns of
	}
	var newsFiles, strays []string
	if !replace {
		if newsFiles, strays, ok = newFolder(opts.Source, dir); !ok {
			return nil, nil, false
		}
	}
	fresh, diags := load.CPTSFolder(opts.Source, slug, load.Options{})
	for _, p := range strays {
		load.WarnUnknown(&diags, p)
	}
	if diags.HasErrors() {
		return nil, diags, true
	}
	if sc := pl.Options().Scope; sc != nil && !sc.Publishes(fresh) {
		return nil, nil, false // a CPTS the site does not publish, or no longer
	}
	photos, d := textPhotos(site, fresh.Body)
	diags = append(diags, d...)
	if d := validate.CPTS(whole, fresh); len(d) > 0 {
		if diags = append(diags, d...); d.HasErrors() {
			return nil, diags, true
		}
	}
	t = &cptsToggle{added: fresh, shown: photos}
	if fresh.Logo != "" {
		t.shown = append([]imageUse{logoUse(fresh)}, photos...)
	}
	if diags = append(diags, t.readNews(site, opts, newsFiles)...); diags.HasErrors() {
		return nil, diags, true
	}
	if replace {
		t.deleted = site.CPTS[i]
	}
	return t, diags, true
}

// newFolder returns the news files of the folder of a new CPTS and the
// files the content model does not read (strays, which a full build warns
// of), and whether it holds only what reloadToggle reads alone: its
// record files, images, in news/ the items a full build reads
// (load.NewsFolder), and those strays, regular files of the folder or of
// folders of their own.
func newFolder(fsys fs.FS, dir string) (news, strays []string, ok bool) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil, false
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case load.Ignored(name), !e.IsDir() && (recordFiles[name] || name == "communes.toml" || load.IsImage(name)):
		case e.IsDir() && name == "news":
			if news, ok = load.NewsFolder(fsys, dir+"/news"); !ok {
				return nil, nil, false
			}
		case name == "news": // not a folder: the full build says what it makes of it
			return nil, nil, false
		default:
			found, ok := strayTree(fsys, dir+"/"+name)
			if !ok {
				return nil, nil, false
			}
			strays = append(strays, found...)
		}
	}
	return news, strays, true
}

// readNews reads the news files of a CPTS added with them, as a news
// file added is read (reloadNews): each item, the images it shows (to
// shown), its warnings (links, starter text); then the checks of dates
// and slugs among them.
func (t *cptsToggle) readNews(site *model.Site, opts Options, files []string) diag.List {
	if len(files) == 0 {
		return nil
	}
	var diags diag.List
	md := markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
	for _, p := range files {
		n, d := load.NewsFile(opts.Source, p, t.added, load.Options{})
		if diags = append(diags, d...); n == nil {
			continue
		}
		uses, d := newsImageUses(md, n)
		diags = append(diags, d...)
		t.news, t.shown = append(t.news, n), append(t.shown, uses...)
	}
	load.SortNews(t.news)
	return append(diags, validate.News(t.news)...)
}

// reimage returns the images of the site once the edit is applied: those
// of an added or replaced CPTS's index.md in place of the old ones, none
// of a deleted CPTS's folder (its index.md and news); prev's when the
// CPTS shows none, before or after.
func (t *cptsToggle) reimage(prev *Result, opts Options) (*pictureEdit, diag.List) {
	c := t.deleted
	if c == nil {
		c = t.added
	}
	dir := c.Dir + "/"
	before := slices.ContainsFunc(prev.uses, func(u imageUse) bool { return strings.HasPrefix(u.ref.File, dir) })
	if !before && len(t.shown) == 0 {
		return &pictureEdit{uses: prev.uses, published: prev.published, pictures: prev.pictures}, nil
	}
	if t.added != nil {
		return reimage(prev, opts, t.added.File, t.shown, false)
	}
	uses := slices.DeleteFunc(slices.Clone(prev.uses), func(u imageUse) bool { return strings.HasPrefix(u.ref.File, dir) })
	return reprocess(prev, opts, uses, nil, false)
}

// apply adds the CPTS to the site, in slug order, with its news if it
// came with them, removes it and its news, or puts the new one in the
// place of the old one with its news, and makes the coverage of communes
// again, with the warnings a full build gives on the communes the CPTS
// claims (the new one's, or those the deleted one claimed); the same in
// whole, the repository the site's [scope] cut it from, when it is not
// the site. It returns the function that puts them back as they were.
func (t *cptsToggle) apply(site, whole *model.Site) (diags diag.List, undo func()) {
	sites := sitesOf(site, whole)
	type lists struct {
		cpts     []*model.CPTS
		news     []*model.News
		coverage *model.Coverage
	}
	var saved []lists
	for _, s := range sites {
		saved = append(saved, lists{s.CPTS, s.News, s.Coverage})
	}
	undo = func() {
		for i, s := range sites {
			s.CPTS, s.News, s.Coverage = saved[i].cpts, saved[i].news, saved[i].coverage
		}
	}
	old, fresh := t.deleted, t.added
	if old != nil { // what the coverage holds of it goes
		territory := old.Territory
		old.Territory = model.Territory{}
		diags = claims(sites, old, territory.Entries)
		old.Territory = territory
	}
	switch {
	case fresh == nil:
	case old != nil: // replaced: its news are the new one's
		fresh.News = old.News
		for _, n := range fresh.News {
			n.CPTS = fresh
		}
		restore := undo
		undo = func() {
			restore()
			for _, n := range fresh.News {
				n.CPTS = old
			}
		}
	case len(t.news) > 0: // added with its news
		fresh.News = t.news
	}
	for _, s := range sites {
		if old != nil {
			s.CPTS = slices.DeleteFunc(slices.Clone(s.CPTS), func(x *model.CPTS) bool { return x == old })
		}
		switch {
		case fresh == nil: // deleted, with its news
			s.News = slices.DeleteFunc(slices.Clone(s.News), func(n *model.News) bool { return n.CPTS == old })
			continue
		case old == nil && len(t.news) > 0:
			all := append(slices.Clone(s.News), t.news...)
			load.SortNews(all)
			s.News = all
		}
		i, _ := slices.BinarySearchFunc(s.CPTS, fresh.Slug, func(x *model.CPTS, slug string) int { return strings.Compare(x.Slug, slug) })
		s.CPTS = slices.Insert(slices.Clone(s.CPTS), i, fresh)
	}
	if fresh == nil {
		return diags, undo
	}
	return claims(sites, fresh, nil), undo
}

// gone returns, once the edit is applied and after planned, the pages
// and location files the site had (before) and no longer has (a CPTS
// deleted may leave a département without CPTS), to remove; and the
// files of the previous output (files lists them) that may be gone: the
// maps beside pages gone and, for a CPTS deleted, the files under its
// folder, which the rebuild removes unless it renders them.
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
	_, lost := locationsChanged(before, after) // a département may have no CPTS left
	gone = append(gone, lost...)
	c := t.deleted
	if c == nil {
		return gone, mayGo // a CPTS added leaves every other file there
	}
	under := strings.TrimPrefix(plan.CPTSPage(c), "/")
	for _, f := range files() {
		if !strings.HasSuffix(f, ".html") && strings.HasPrefix(f, under) {
			mayGo = append(mayGo, "/"+f)
		}
	}
	return gone, mayGo
}
