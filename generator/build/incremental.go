package build

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/images"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/scope"
	"github.com/cpts-fr/cpts/generator/validate"
)

// Incremental rebuilds after a change of content files, on top of prev:
//   - news files edited, added or deleted (drafts, dates, expiry, tags,
//     photos and covers: see repicture): it reloads those files, checks
//     them and the items that share their slugs (slugs are unique), plans
//     the site again and re-renders just the pages whose content the new
//     plan changes (the items, their CPTS, the home page, the news lists
//     and tag pages whose items or page count change, the feeds); pages
//     the new plan no longer has are removed;
//   - image files (see imageFiles): an edit of the news items, CPTS and
//     free pages that show them (one of static/ copied too), or nothing
//     when none does (one of static/ copied alone);
//   - files of a CPTS's folder that the content model does not read
//     (see strayFiles): nothing, but the full build's warning of each;
//   - the record files of one CPTS (index.md, members, missions, contacts,
//     events) when they change only what its own outputs show (see
//     cptsEdit): its page and poster, the home page, the calendars, the
//     open data, the search index when it reads what changed, and the
//     pages of its communes when their card of it changed; its name,
//     short name and stage too, with the many pages that show them (see
//     shownPages); on the site of that one CPTS, every page when the
//     sections its menu links changed (plan.SectionsOf);
//   - a CPTS added (a new folder of content/cpts/ with its index.md,
//     and its news, read as news files added are) or deleted (its
//     folder), one the site publishes (a site of some départements or
//     régions publishes some; a site of one CPTS, none: see reloadToggle),
//     validated against the repository (Result.whole)
//     (see cptsToggle): its images processed or dropped, every file
//     render makes is made again from the model, with the search index,
//     and the pages and files the site no longer has are removed; the
//     same for a change in a CPTS's folder that no finer edit below covers
//     (its départements, a territory reaching another département,
//     several files at once), the CPTS read again whole but for its news;
//   - the communes.toml of one CPTS, when the départements it reaches
//     are unchanged (see territoryEdit): what shows its territory, the
//     search index and the open data; pages of communes that lose
//     theirs removed, unless a page kept as it is links to one
//     (linkedFrom);
//   - a free page, on a site that publishes them (not a site of one CPTS
//     unless its [scope] shares them): its page when only its text
//     changed; added, deleted, or with a new title or weight (the menu),
//     every page (see below);
//   - files of static/ added, edited or deleted, but the configured
//     logo deleted, and stylesheets and scripts unless
//     Options.StableAssets: those files,
//     copied (images stripped) as a full build does, or removed when no
//     file of the site names them (see reloadStatic);
//   - page layouts of the site (layouts/cpts.html) edited or added: the
//     pages of those layouts, or every page when the edit changes the
//     element ids Markdown headings avoid;
//   - what every page shows and no record holds (see reloadShared):
//     baseof.html, partials, a layout deleted, the UI strings of i18n/.
//     Every file render makes is made again from the model as it is, its
//     links checked as a full build checks them; with Options.DeferIndex
//     and Options.Open, the open pages first, the others by
//     Result.Complete (but for a free page deleted, which pages may link
//     to).
//
// Either way a scheduled item whose date passed is published, as the new
// plan says. It returns ok=false when the change needs a full build:
// other files, the configured logo deleted, a folder (but a CPTS's), a news file
// of the site's own added or deleted on a site whose [scope] leaves them
// out, a CPTS added with news files a full build warns of, the configuration; and on top of a
// provisional result (RunOver), whose files are those of the build
// before it. On errors it returns the diagnostics and a nil result;
// prev and its model are left as they were. The search index is made
// again when the change is one it reads (news, members, missions,
// association, names, territories), and the sitemap when pages may have
// come, gone or changed date (news, free pages, a CPTS's update date,
// territories): at once, or by Result.Complete with Options.DeferIndex,
// which also leaves to it the pages the edited page does not show (see
// deferred). What prev left to complete, if nobody did, this rebuild
// takes over (prev is left as it was).
func Incremental(prev *Result, opts Options, changed []string) (res *Result, diags diag.List, ok bool) {
	if prev == nil || prev.Site == nil || prev.pictures == nil || prev.plan == nil || len(changed) == 0 || prev.Provisional() {
		return nil, nil, false // a provisional result's files are the build's before it (RunOver)
	}
	site := prev.Site
	start := time.Now()
	changed, shownImages, copied, ok := imageFiles(prev, changed)
	if !ok {
		return nil, nil, false
	}
	changed, strays := strayFiles(prev, opts.Source, changed)
	if len(changed) == 0 { // images no page shows, files the model does not read: the site is the same
		same := *prev
		same.Stages, same.Rendered = []Stage{{"reload", time.Since(start)}}, 0
		return &same, strays.Sort(), true
	}
	prev.imageMemo.Forget(shownImages...) // read again by the news edit that shows them
	var undo []func()
	defer func() { // on errors, the model is left as it was
		if res == nil {
			for _, f := range slices.Backward(undo) {
				f()
			}
		}
	}()
	// search: the index reads what changed; pagesChanged: which pages
	// exist, or their dates, may have changed (the sitemap lists them).
	var search, pagesChanged bool
	var wanted, layouts map[string]bool
	// every: the change shows in every page (the menu, a partial, the UI
	// strings); everyNow: render them all before returning, even with
	// Options.Open.
	var every, everyNow bool
	var gone, mayGo []string     // mayGo: pages removed unless rendered
	var territory *territoryEdit // its pages are known once planned
	static := prev.static        // the site's static files, after a change of them
	var shownBy *cptsEdit        // so are those showing its name or stage
	pictures := &pictureEdit{uses: prev.uses, published: prev.published, pictures: prev.pictures}
	var toggle *cptsToggle // its pages are known once planned
	applyToggle := func(t *cptsToggle, d diag.List) bool {
		pics, pd := t.reimage(prev, opts)
		if d = append(d, pd...); d.HasErrors() {
			diags = d
			return false
		}
		cd, u := t.apply(site, prev.whole)
		undo = append(undo, u)
		diags = append(d, cd...)
		toggle, pictures = t, pics
		search, pagesChanged, every = true, true, true
		return true
	}
	if t, d, isToggle := reloadToggle(prev, opts, changed, false); isToggle {
		if t == nil {
			return nil, d.Sort(), true
		}
		if !applyToggle(t, d) {
			return nil, diags.Sort(), true
		}
	} else if edit, d, isNews := reloadNews(site, opts, prev.plan.Options().Scope, changed); isNews {
		if d.HasErrors() {
			return nil, d.Sort(), true
		}
		all := edit.apply(site.News, func(*model.News) bool { return true })
		if v := validate.News(edit.affected(all)); v.HasErrors() {
			return nil, append(d, v...).Sort(), true
		}
		pics, pd := repicture(prev, opts, edit, len(shownImages) > 0)
		if d = append(d, pd...); d.HasErrors() {
			return nil, d.Sort(), true
		}
		diags = d
		undo = append(undo, edit.commit(site, all))
		search, pagesChanged = true, true // titles, dates, text
		pictures = pics
	} else if edit, d, isCPTS := reloadCPTS(site, opts, changed); isCPTS {
		if edit == nil {
			return nil, d.Sort(), true
		}
		diags = d
		hadEvents, sections := len(edit.old.Events) > 0, plan.SectionsOf(edit.old)
		undo = append(undo, edit.apply())
		// On the site of this one CPTS, the menu of every page links the
		// sections its page has.
		every = edit.old == prev.plan.Home() && plan.SectionsOf(edit.old) != sections
		// An image file it shows changed: imageFiles gave its index.md.
		files := len(shownImages) > 0
		if src, err := images.Source(edit.old.File, edit.old.Logo); files && err == nil && slices.Contains(shownImages, src) {
			edit.logo = true // its cards show it
		}
		shown := edit.photos
		if edit.old.Logo != "" {
			shown = append([]imageUse{logoUse(edit.old)}, shown...)
		}
		pics, pd := reimage(prev, opts, edit.old.File, shown, files)
		if diags = append(diags, pd...); diags.HasErrors() {
			return nil, diags.Sort(), true
		}
		pictures = pics
		wanted, gone = edit.pages(hadEvents, site, prev.plan)
		search, pagesChanged = edit.search, edit.updated
		if edit.shown {
			shownBy = edit
		}
	} else if edit, d, isTerritory := reloadTerritory(site, prev.whole, opts, prev.plan, changed); isTerritory {
		if edit == nil {
			return nil, d.Sort(), true
		}
		cd, u := edit.apply(site, prev.whole)
		undo = append(undo, u)
		diags = append(d, cd...)
		territory = edit
		search, pagesChanged = true, true
	} else if edit, d, isPage := reloadPage(site, prev.plan, opts, changed); isPage {
		if edit == nil {
			return nil, d.Sort(), true
		}
		diags = d
		undo = append(undo, edit.apply())
		wanted, gone = edit.pages()
		pagesChanged = true
		// The menu: every page. Pages that link to a deleted one must say
		// so before any reloads, as a full build would.
		every, everyNow = edit.menu(), edit.fresh == nil
		// An image file it shows changed: imageFiles gave the page.
		pics, pd := reimage(prev, opts, edit.file(), edit.photos, len(shownImages) > 0)
		if diags = append(diags, pd...); diags.HasErrors() {
			return nil, diags.Sort(), true
		}
		pictures = pics
	} else if sc, isStatic := reloadStatic(prev, opts, changed); isStatic {
		wanted, gone, static = sc.wanted, sc.gone, sc.files
	} else if l, isLayout := reloadLayouts(opts, changed); isLayout {
		layouts = l
	} else if uiStrings, isShared := reloadShared(opts, changed); isShared {
		every, search = true, uiStrings // labels of professions and missions
	} else if t, d, isReplaced := reloadToggle(prev, opts, changed, true); isReplaced {
		if t == nil {
			return nil, d.Sort(), true
		}
		if !applyToggle(t, d) {
			return nil, diags.Sort(), true
		}
	} else {
		return nil, nil, false
	}
	loaded := time.Since(start)

	// Plan the site again (news published, lists, tags; the date may have
	// moved on) and render what changed.
	before := prev.plan
	after := plan.Build(site, plan.Options{Now: opts.Now, Drafts: opts.Drafts, Scope: before.Options().Scope, Previous: before})
	news, older, newsGone := touchedPages(before, after)
	if toggle != nil {
		g, m := toggle.gone(before, after, prev.Files.Paths)
		gone, mayGo = append(gone, g...), append(mayGo, m...)
	}
	if territory != nil {
		var shows map[string]bool
		var lost []string
		var err error
		if wanted, shows, mayGo, lost, err = territory.pages(site, after); err != nil {
			diags.Errorf(diag.Pos{}, diag.IO, "maps: %v", err)
			return nil, diags.Sort(), true
		}
		if len(lost) > 0 && linkedFrom(prev, lost, keptNaming(prev, lost, wanted, shows, setOf(mayGo))) {
			return nil, nil, false // a link to a page that goes would break: a full build says where
		}
		gone = append(gone, lost...)
		maps.Copy(older, shows)
	}
	if wanted == nil {
		wanted = news
	} else {
		maps.Copy(wanted, news)
	}
	for _, p := range copied { // images of static/ that pages show: copied too
		wanted["/"+strings.TrimPrefix(p, "static/")] = true
	}
	if shownBy != nil {
		if err := shownBy.shownPages(site, after, wanted, older); err != nil {
			diags.Errorf(diag.Pos{}, diag.IO, "maps: %v", err)
			return nil, diags.Sort(), true
		}
	}
	gone = append(gone, newsGone...)
	later, mayGoLater := deferred(wanted, older, mayGo, opts.DeferIndex)
	renderStart := time.Now()
	out := newOutput(!opts.NoMinify) // squeezed pages skip the minifier
	ropts := render.Options{Theme: prev.theme, Plan: after, Images: pictures.pictures, Only: wanted, Out: out, Squeeze: !opts.NoMinify,
		StableAssets: opts.StableAssets}
	everyLater := false // every file, once the open pages are rendered
	switch {
	case every && opts.DeferIndex && len(opts.Open) > 0 && !everyNow:
		for _, p := range opts.Open {
			wanted[p] = true
		}
		everyLater, every = true, false
	case every:
		ropts.Only = nil
	case layouts != nil:
		ropts.Only, ropts.Layouts = nil, layouts
	}
	if everyLater { // what may go is known once every file is made again
		mayGoLater, mayGo = append(mayGoLater, mayGo...), nil
	}
	files := prev.Files.Clone()
	for _, p := range gone {
		files.Remove(plan.File(p))
	}
	if pictures.pictures != prev.pictures {
		swapImages(files, pictures.pictures)
	}
	rendered, d := renderOver(site, ropts, files, every)
	diags = append(diags, d...)
	if rendered == nil || diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	ids := rendered.ReservedIDs
	if !slices.Equal(ids, prev.ids) && !every && !everyLater {
		// The ids Markdown headings avoid changed: every page may change.
		if layouts == nil {
			return nil, nil, false
		}
		ropts.Only, ropts.Layouts, ropts.Out = nil, nil, newOutput(!opts.NoMinify)
		if rendered, d = renderOver(site, ropts, files, true); rendered == nil {
			return nil, append(diags, d...).Sort(), true
		}
		diags = append(diags, d...)
	}
	removeUnrendered(files, rendered.Files, mayGo, later) // those of later: by Complete
	res = &Result{
		Site: site, Files: files, Images: pictures.pictures.Stats, pictures: pictures.pictures, uses: pictures.uses, published: pictures.published,
		imageMemo: prev.imageMemo, theme: prev.theme, static: static, plan: after, whole: prev.whole, ids: ids, memo: prev.memo,
		Stages:   []Stage{{"reload", loaded}, {"render", time.Since(renderStart)}},
		Rendered: rendered.Files.Len(),
	}
	c := &completion{index: search, later: later, every: everyLater, mayGo: mayGoLater, sitemap: pagesChanged, render: ropts, minify: !opts.NoMinify}
	c.merge(prev.pending) // left by prev, which nobody completed
	if !c.empty() {
		res.pending = c
		if !opts.DeferIndex {
			if diags = append(diags, res.Complete()...); diags.HasErrors() {
				return nil, diags.Sort(), true
			}
		}
	}
	return res, append(diags, strays...).Sort(), true
}

// deferred moves the open data from wanted to older, then returns the
// pages Complete renders with DeferIndex, once the edited page has
// reloaded: older, the pages the edited page does not show (those of news
// lists past the first, which a new item shifts every one of; what shows
// a territory or a name, but the CPTS's own pages; the open data), with
// those of mayGo among them. Without DeferIndex, older joins wanted.
func deferred(wanted, older map[string]bool, mayGo []string, deferIndex bool) (later map[string]bool, mayGoLater []string) {
	if wanted[plan.OpenData] {
		delete(wanted, plan.OpenData)
		older[plan.OpenData] = true
	}
	if !deferIndex {
		maps.Copy(wanted, older)
		return nil, nil
	}
	if len(older) == 0 {
		return nil, nil
	}
	for _, p := range mayGo {
		if older[p] {
			mayGoLater = append(mayGoLater, p)
		}
	}
	return older, mayGoLater
}

// newsEdit is a change of news files: items replaced (by nil when their
// file was deleted), items added, and the CPTS whose news they are.
type newsEdit struct {
	replaced map[*model.News]*model.News
	added    []*model.News
	owners   map[*model.CPTS]bool
	uses     []imageUse // the images the new items show
}

// apply returns a copy of list (news newest first) with the edit made:
// replaced items swapped in, deleted ones left out, and the added items
// that keep accepts put in their place.
func (e *newsEdit) apply(list []*model.News, keep func(*model.News) bool) []*model.News {
	out := make([]*model.News, 0, len(list)+len(e.added))
	for _, n := range list {
		if r, ok := e.replaced[n]; ok {
			if r == nil {
				continue
			}
			n = r
		}
		out = append(out, n)
	}
	for _, n := range e.added {
		if keep(n) {
			out = append(out, n)
		}
	}
	load.SortNews(out)
	return out
}

// affected returns the items of all that the edit added or changed, and
// those that share an owner and a slug with one of them: what validate.News
// must see to check the edit, the others having been checked before.
func (e *newsEdit) affected(all []*model.News) []*model.News {
	type key struct {
		owner *model.CPTS
		slug  string
	}
	fresh, keys := map[*model.News]bool{}, map[key]bool{}
	for _, n := range append(slices.Collect(maps.Values(e.replaced)), e.added...) {
		if n != nil {
			fresh[n], keys[key{n.CPTS, n.Slug}] = true, true
		}
	}
	var out []*model.News
	for _, n := range all {
		if fresh[n] || keys[key{n.CPTS, n.Slug}] {
			out = append(out, n)
		}
	}
	return out
}

// commit puts the news after the edit into the site (all of them, and
// each CPTS's whose news changed) and returns the function that puts the
// previous lists back.
func (e *newsEdit) commit(site *model.Site, all []*model.News) (undo func()) {
	saved := map[*model.CPTS][]*model.News{}
	savedAll := site.News
	site.News = all
	for _, c := range site.CPTS {
		if e.owners[c] {
			saved[c] = c.News
			c.News = e.apply(c.News, func(n *model.News) bool { return n.CPTS == c })
		}
	}
	return func() {
		site.News = savedAll
		for c, list := range saved {
			c.News = list
		}
	}
}

// reloadNews reads the changed news files again, and finds the images
// the new items show. It returns ok=false when a path is not a news file
// (or bundle's index.md) of a CPTS of the site (of its [scope]) or of the
// site itself (an image file among them: a full build), and when a file
// of the site's own news is added or deleted on a site whose scope leaves
// them out (sc.Shared false), which only a full build checks.
func reloadNews(site *model.Site, opts Options, sc *scope.Result, changed []string) (edit *newsEdit, diags diag.List, ok bool) {
	md := markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
	edit = &newsEdit{replaced: map[*model.News]*model.News{}, owners: map[*model.CPTS]bool{}}
	for _, p := range changed {
		owner, known := newsOwner(site, p)
		if !known {
			return nil, nil, false
		}
		old := newsByFile(site, p)
		_, err := fs.Stat(opts.Source, p)
		deleted := errors.Is(err, fs.ErrNotExist)
		if (old == nil || deleted) && owner == nil && sc != nil && !sc.Shared {
			return nil, nil, false
		}
		if owner != nil {
			edit.owners[owner] = true
		}
		if deleted {
			if old != nil {
				edit.replaced[old] = nil
			}
			continue
		}
		n, d := load.NewsFile(opts.Source, p, owner, load.Options{})
		diags = append(diags, d...)
		if n == nil {
			continue
		}
		uses, d := newsImageUses(md, n)
		diags = append(diags, d...)
		edit.uses = append(edit.uses, uses...)
		if old == nil {
			edit.added = append(edit.added, n)
			continue
		}
		n.Modified = old.Modified
		edit.replaced[old] = n
	}
	return edit, diags, true
}

// newsOwner returns the CPTS whose news folder holds file p (nil for the
// site's news), and whether p is a news file at all: news/<date>-<slug>.md
// or news/<date>-<slug>/index.md, of a CPTS of the site or of content/.
func newsOwner(site *model.Site, p string) (*model.CPTS, bool) {
	dir := path.Dir(p)
	if path.Base(p) == "index.md" {
		dir = path.Dir(dir)
	} else if !strings.HasSuffix(p, ".md") {
		return nil, false
	}
	if dir == "content/news" {
		return nil, true
	}
	slug, ok := strings.CutPrefix(dir, "content/cpts/")
	slug, ok2 := strings.CutSuffix(slug, "/news")
	if !ok || !ok2 || strings.Contains(slug, "/") {
		return nil, false
	}
	for _, c := range site.CPTS {
		if c.Slug == slug {
			return c, true
		}
	}
	return nil, false
}

// newsByFile finds the news item read from file p.
func newsByFile(site *model.Site, p string) *model.News {
	for _, n := range site.News {
		if n.File == p {
			return n
		}
	}
	return nil
}
