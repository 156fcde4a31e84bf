// Package build runs the stages of a build in order, times each, and
// stops at the first stage that reports errors: load, validate, images,
// render, search index, check links. The search index is made while the
// pages are rendered (indexRun), and added once they are. Files are minified as they are added
// to the output (by the render workers, for pages), and written as they
// come when the output is a staging folder (output.NewStage), which the
// caller then publishes with Commit. It is the only package that sees
// every stage; cmd/cpts and the dev server call it.
package build

import (
	"fmt"
	"io/fs"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/gitinfo"
	"github.com/cpts-fr/cpts/generator/images"
	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/scope"
	"github.com/cpts-fr/cpts/generator/search"
)

// Options say what to build.
type Options struct {
	Source fs.FS  // the site: config.toml, content/, and optional layouts/, static/, i18n/
	Theme  fs.FS  // the theme under the site's overrides
	Config string // configuration file inside Source; empty means config.toml
	Geo    *geo.Table
	// NoMinify keeps the output as the templates write it, for debugging.
	NoMinify bool
	// StableAssets keeps the names of stylesheets and scripts, without
	// the fingerprint that lets browsers cache them for good: the dev
	// server, which sends every file with Cache-Control: no-store, then
	// copies an edited stylesheet alone instead of rendering every page
	// that names it.
	StableAssets bool
	// Now decides which news are published (scheduled and expiring items);
	// the zero value publishes every item that is not a draft.
	Now time.Time
	// Drafts publishes drafts too.
	Drafts bool
	// Git is the site's git history, for last-modified dates; nil without git.
	Git *gitinfo.Info
	// BaseURL replaces the configured base URL (the dev server serves the
	// site at its own address).
	BaseURL string
	// ImageCache is the folder where processed images are kept between
	// builds (package images); empty processes every image every build.
	ImageCache string
	// DeferIndex lets an incremental rebuild return as soon as its pages
	// are made: Result.Complete then makes the search index, the open
	// data and the sitemap when the change reaches them. The dev server
	// reloads the edited page first, then completes; a rebuild on top of
	// a result nobody completed takes over what it left. The build also
	// keeps the terms of news items for the next index (search.Memo).
	DeferIndex bool
	// Open holds the site paths of the pages open in browsers ("/cpts/x/"),
	// which the dev server knows from their live-reload connections: with
	// DeferIndex, an incremental rebuild of a change every page shows (a
	// partial, the UI strings, the menu) renders them alone before it
	// returns, and every other file in Result.Complete.
	Open []string
	// Output is the set the build writes into: nil means a new set in
	// memory; a set made by output.NewStage receives each file, minified,
	// as soon as it is made, so the build never holds the whole site, nor
	// an entry of its plan per page (plan.Options.Once): such a result is
	// not for incremental rebuilds. The caller commits or discards it.
	Output *output.Set
}

// Stage is the name and duration of one step, for the summary.
type Stage struct {
	Name     string
	Duration time.Duration
}

// Result is a build's output and its figures.
type Result struct {
	Site   *model.Site
	Files  *output.Set
	Stages []Stage
	Images images.Stats // the images stage: counts, time per image, cache hits
	// Rendered counts the files an incremental rebuild rendered again
	// (0 for a full build).
	Rendered int
	// DraftsLeftOut counts the news marked draft that the build did not
	// publish (0 with Options.Drafts); ScheduledLeftOut those dated after
	// Options.Now, ExpiredLeftOut those expired at Options.Now.
	DraftsLeftOut, ScheduledLeftOut, ExpiredLeftOut int

	pictures *images.Set // kept for incremental rebuilds
	// uses are the images the content shows, published the references
	// the build processed, imageMemo the outcome of each image read.
	uses      []imageUse
	published []images.Ref
	imageMemo *images.Memo
	theme     render.Overlay
	// static lists the site's own files of static/ when it was built
	// (sorted): what a folder of static/ took away when it is deleted.
	static []string
	plan   *plan.Plan
	// whole is the site before its [scope] cut it down (Site itself when
	// it has none): what a record edited is validated against, as a full
	// build validates the whole repository.
	whole   *model.Site
	ids     []string     // render.Result.ReservedIDs
	memo    *search.Memo // the terms of news items, for the next index (DeferIndex)
	pending *completion  // what an incremental rebuild left to Complete
	broken  bool         // Complete failed: Files mixes two states of the site
	settled *settled     // set by Settle
}

// completion is what an incremental rebuild leaves to Result.Complete
// (Options.DeferIndex): the search index being made again, the open data
// (files and page) when the change shows there, and the sitemap, which
// lists every page of the merged output.
type completion struct {
	whole   bool            // every file made again from scratch (see RunOver)
	index   bool            // the index reads what changed
	later   map[string]bool // pages rendered after the edited one (see Incremental)
	every   bool            // every file of render, after the open pages (see Options.Open)
	mayGo   []string        // pages of later removed unless rendered
	sitemap bool
	render  render.Options // the rebuild's: its plan and theme
	minify  bool
	// deferred are the bodies a whole completion checks the links of
	// unless render converts them (laterWarnings).
	deferred []*model.Markdown
}

// merge adds to c what an earlier rebuild left to complete and nobody
// completed: the rebuild on top of it does that work once, for both.
func (c *completion) merge(earlier *completion) {
	if earlier == nil {
		return
	}
	c.whole = c.whole || earlier.whole
	c.index = c.index || earlier.index
	c.sitemap = c.sitemap || earlier.sitemap
	c.every = c.every || earlier.every
	for p := range earlier.later {
		if c.later == nil {
			c.later = map[string]bool{}
		}
		c.later[p] = true
	}
	c.mayGo = append(c.mayGo, earlier.mayGo...)
}

// empty reports whether c leaves nothing to do.
func (c *completion) empty() bool {
	return !c.whole && !c.index && !c.sitemap && !c.every && len(c.later) == 0
}

// newOutput returns an empty set of files, which minifies what it is
// given when minify is set (as the full build's does).
func newOutput(minify bool) *output.Set {
	s := output.NewSet()
	if minify {
		s.MinifyWith(output.NewMinifier())
	}
	return s
}

// Pending reports whether r still has its search index, open data or
// sitemap to make (Options.DeferIndex): Files holds the previous ones
// until Complete.
func (r *Result) Pending() bool { return r.pending != nil }

// Complete makes the search index, renders the open data and makes the
// sitemap when the rebuild left them, and puts them in Files in place of
// the previous ones (in a new set: the previous one is left as it was,
// for whoever still reads it). Call it before any rebuild on top of r,
// which changes the model r shares; that rebuild otherwise takes the work
// over. When it fails, Files stays as it was and Broken reports it.
func (r *Result) Complete() diag.List { return r.CompleteUnless(nil) }

// CompleteUnless is Complete, which stops when stop returns true (it is
// asked between steps and before each page): r is then left as it was,
// Pending, for a rebuild on top of it to take the work over (the dev
// server, when a newer change arrives during the completion). The search
// index, once started, is made to its end. stop is called from several
// goroutines.
func (r *Result) CompleteUnless(stop func() bool) diag.List {
	c := r.pending
	if c == nil {
		return nil
	}
	if stop == nil {
		stop = func() bool { return false }
	}
	r.pending = nil
	diags, stopped := r.complete(c, stop)
	if stopped {
		r.pending = c
		return nil
	}
	r.broken = diags.HasErrors()
	return diags
}

// Broken reports whether Complete failed: Files then holds the pages
// rendered first, made after the change, beside others made before it,
// and the next build must be a full one.
func (r *Result) Broken() bool { return r.broken }

// complete does what CompleteUnless says; stopped tells that it stopped
// before the end, leaving r as it was.
func (r *Result) complete(c *completion, stop func() bool) (diags diag.List, stopped bool) {
	if c.whole {
		return r.completeWhole(c, stop)
	}
	files := r.Files.Clone()
	if stop() {
		return nil, true
	}
	if c.index {
		removeIndex(files)
		diags = startIndex(c.render.Plan, c.render.Theme, r.memo, files).wait()
	}
	if stop() {
		return nil, true
	}
	if len(c.later) > 0 || c.every {
		ropts := c.render
		ropts.Only, ropts.Layouts, ropts.Out, ropts.Stop = c.later, nil, newOutput(c.minify), stop
		if c.every {
			ropts.Only = nil
		}
		rendered, d := renderOver(r.Site, ropts, files, c.every)
		if stop() {
			return nil, true
		}
		if diags = append(diags, d...); rendered == nil || diags.HasErrors() {
			return diags, false
		}
		removeUnrendered(files, rendered.Files, c.mayGo, nil)
	}
	if c.sitemap {
		made := newOutput(c.minify)
		for _, f := range render.Sitemaps(r.Site, c.render) {
			diags.Append(render.AddFile(made, f.Name, f.Data))
		}
		for _, p := range files.Paths() {
			if render.IsSitemap(p) {
				files.Remove(p)
			}
		}
		for _, p := range made.Paths() {
			data, _ := made.Get(p)
			files.Replace(p, data)
		}
	}
	r.Files = files
	return diags, false
}

// Pages counts the HTML files.
func (r *Result) Pages() int {
	n := 0
	for _, p := range r.Files.Paths() {
		if strings.HasSuffix(p, ".html") {
			n++
		}
	}
	return n
}

// Counts says what the build made and which news it left out, a line
// each.
func (r *Result) Counts() string {
	var b strings.Builder
	cpts, news := 0, 0
	if r.settled != nil {
		cpts, news = r.settled.cpts, r.settled.news
	} else {
		cpts, news = len(r.Site.CPTS), len(r.Site.News)
	}
	fmt.Fprintf(&b, "%d CPTS, %d news, %d pages, %d files, %s\n", cpts, news, r.Pages(), r.Files.Len(), formatBytes(r.Files.Bytes()))
	switch n := r.DraftsLeftOut; {
	case n == 1:
		b.WriteString("1 draft left out (draft = true; cpts serve and cpts build --drafts show it)\n")
	case n > 1:
		fmt.Fprintf(&b, "%d drafts left out (draft = true; cpts serve and cpts build --drafts show them)\n", n)
	}
	switch n := r.ScheduledLeftOut; {
	case n == 1:
		b.WriteString("1 news item dated after today left out (the first build on or after its date publishes it)\n")
	case n > 1:
		fmt.Fprintf(&b, "%d news items dated after today left out (the first build on or after their date publishes each)\n", n)
	}
	switch n := r.ExpiredLeftOut; {
	case n == 1:
		b.WriteString("1 expired news item left out (its expires date has passed)\n")
	case n > 1:
		fmt.Fprintf(&b, "%d expired news items left out (their expires date has passed)\n", n)
	}
	return b.String()
}

// Until is the first instant after the build date at which a build of the
// same site publishes something else (plan.Plan.Until).
func (r *Result) Until() time.Time {
	if r.settled != nil {
		return r.settled.until
	}
	return r.plan.Until()
}

// Summary is a one-paragraph report in the manner of Hugo's: Counts, the
// time of each stage, what changed against the published site, images.
func (r *Result) Summary() string {
	var b strings.Builder
	var total time.Duration
	b.WriteString(r.Counts())
	for _, s := range r.Stages {
		total += s.Duration
		fmt.Fprintf(&b, "  %-9s %8s\n", s.Name, s.Duration.Round(10*time.Microsecond))
	}
	fmt.Fprintf(&b, "  %-9s %8s", "total", total.Round(10*time.Microsecond))
	if c := r.Files.Changes(); c.Published {
		fmt.Fprintf(&b, "\nagainst the published site: %d added, %d changed, %d removed, %d unchanged (kept with their modification times)",
			c.Added, c.Changed, c.Removed, c.Unchanged)
	}
	if im := r.Images; im.Images > 0 {
		fmt.Fprintf(&b, "\nimages: %d, %d from the cache (hit rate %.0f%%)", im.Images, im.Cached, 100*im.HitRate())
		if im.Cached < im.Images {
			fmt.Fprintf(&b, ", %s per processed image (slowest %s)", im.PerImage().Round(time.Millisecond), im.Max.Round(time.Millisecond))
		}
		fmt.Fprintf(&b, "; %d files, %s", im.Files, formatBytes(im.Bytes))
		if im.CacheErr != nil {
			fmt.Fprintf(&b, "\nimages: cache off, every image is processed at every build: %v", im.CacheErr)
		}
	}
	return b.String()
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// Run builds the site into memory. It returns all diagnostics; when they
// hold an error the result is nil.
func Run(opts Options) (*Result, diag.List) { return run(nil, opts) }

// run is Run, or RunOver when prev is set.
func run(prev *Result, opts Options) (*Result, diag.List) {
	res := &Result{}
	var all diag.List
	var ok bool
	step := func(name string, f func() diag.List) bool {
		start := time.Now()
		d := f()
		res.Stages = append(res.Stages, Stage{name, time.Since(start)})
		all = append(all, d...)
		return !d.HasErrors()
	}
	var site *model.Site
	// Validation runs even when loading found errors, so that one run
	// reports every problem.
	loaded := step("load", func() diag.List {
		var d diag.List
		site, d = load.Site(opts.Source, load.Options{Config: opts.Config})
		return d
	})
	var uses []imageUse
	memo := images.NewMemo()       // images checked, then published
	var deferred []*model.Markdown // bodies whose links render checks (see check)
	var later *laterBodies         // deferred, with those render converted
	openFirst := prev != nil && prev.Files != nil && opts.DeferIndex && len(opts.Open) > 0
	done := func() diag.List {
		if openFirst && res.pending != nil { // the completion warns of what render did not convert
			return all.Sort()
		}
		return append(all, laterWarnings(site, later)...).Sort()
	}
	valid := step("validate", func() diag.List {
		var d diag.List
		d, uses, deferred = check(site, opts.Geo, Files{Site: opts.Source, Theme: opts.Theme, ImageCache: opts.ImageCache, memo: memo}, true)
		later = newLaterBodies(deferred)
		return append(d, applyGitDates(site, opts.Git)...)
	})
	if !loaded || !valid {
		return nil, done()
	}
	// From here on, the build sees only what the site's [scope] covers.
	scoped := scope.Apply(site)
	res.whole = site
	site, uses = scoped.Site, scopedImages(uses, scoped)
	var pictures *images.Set
	if !step("images", func() diag.List {
		var d diag.List
		res.uses, res.published, res.imageMemo = uses, publishedImages(uses, opts), memo
		pictures, d = images.Process(opts.Source, res.published, images.Options{Cache: opts.ImageCache, Memo: memo})
		res.Images = pictures.Stats
		return d
	}) {
		return nil, done()
	}
	res.Site = site
	for _, n := range site.News {
		switch {
		case n.Draft && !opts.Drafts:
			res.DraftsLeftOut++
		case opts.Now.IsZero(): // every other item is published
		case n.Scheduled(opts.Now):
			res.ScheduledLeftOut++
		case n.Expired(opts.Now):
			res.ExpiredLeftOut++
		}
	}
	if opts.BaseURL != "" {
		site.Config.BaseURL = model.URL(opts.BaseURL)
	}
	var rendered *render.Result
	theme := themeOf(opts.Source, opts.Theme)
	pl := plan.Build(site, plan.Options{Now: opts.Now, Drafts: opts.Drafts, Scope: scoped, Once: opts.Output != nil})
	ropts := render.Options{Theme: theme, Plan: pl, Images: pictures, Squeeze: !opts.NoMinify, StableAssets: opts.StableAssets, Converted: later.mark}
	if opts.DeferIndex { // the dev server, whose rebuilds index the site again
		res.memo = &search.Memo{}
	}
	if openFirst { // its outputs are made by openFirst, then completeWhole
		res.pictures, res.theme, res.plan, res.static = pictures, theme, pl, siteStatic(opts.Source)
		if !step("render", func() diag.List { return res.openFirst(prev, ropts, opts, deferred) }) {
			return nil, done()
		}
		return res, done()
	}
	files := opts.Output
	if files == nil {
		files = output.NewSet()
	}
	if !opts.NoMinify {
		// Every file is minified as it is added, by the worker that made it.
		files.MinifyWith(output.NewMinifier())
	}
	// The links of every page are read as it is added, while in memory.
	links := linkcheck.NewCollector()
	files.InspectWith(links.Add)
	ropts.Out = files
	index := startIndex(pl, theme, res.memo, files)
	ok = step("render", func() diag.List {
		var d diag.List
		rendered, d = render.Site(site, ropts)
		if rendered != nil {
			d = append(d, addImages(rendered.Files, pictures, theme)...)
		}
		return d
	}) && step("search", index.wait) &&
		step("links", func() diag.List {
			if d := CheckLinks(rendered); d.HasErrors() {
				return d
			}
			return checkOutput(links.Check(rendered.Files, string(site.Config.BaseURL)), theme)
		})
	files.InspectWith(nil) // the links are checked: the collector goes, and later writes skip it
	if !ok {
		index.wait() // before the caller discards files
		return nil, done()
	}
	res.Files = rendered.Files
	res.pictures, res.theme, res.plan, res.ids = pictures, theme, pl, rendered.ReservedIDs
	if opts.Output == nil { // a staged build is not rebuilt incrementally: no walk of static/ for it
		res.static = siteStatic(opts.Source)
	}
	return res, done()
}

// publishedImages returns the images of the pages the build publishes:
// a draft, scheduled or expired news item keeps its photos to itself.
func publishedImages(uses []imageUse, opts Options) []images.Ref {
	var refs []images.Ref
	for _, u := range uses {
		if u.news != nil && !plan.Published(u.news, opts.Now, opts.Drafts) {
			continue
		}
		refs = append(refs, u.ref)
	}
	return refs
}

// addImages adds the processed images to the files, and strips the
// images of static/ (stripStatic).
func addImages(files *output.Set, set *images.Set, theme fs.FS) diag.List {
	diags := stripStatic(files, theme)
	for _, f := range set.Files {
		diags.Append(render.AddFile(files, f.Path, f.Data))
	}
	return diags
}

// stripStatic strips the metadata of the images of static/ among files,
// which render copied as they are (EXIF with a GPS position, XMP, ICC),
// and sanitises their SVG files.
func stripStatic(files *output.Set, theme fs.FS) diag.List {
	var diags diag.List
	for _, p := range files.Paths() {
		if !load.IsImage(p) {
			continue
		}
		if _, err := fs.Stat(theme, "static/"+p); err != nil {
			continue // not a copy of a static file
		}
		data, _ := files.Get(p)
		clean, err := images.Strip(data)
		if err != nil {
			diags.Errorf(diag.Pos{File: "static/" + p}, diag.Image, "cannot remove the metadata of %s: %v", p, err).
				WithHint("open it in an image editor and export it again as JPEG, PNG or SVG")
			continue
		}
		if err := files.Replace(p, clean); err != nil {
			diags.Errorf(diag.Pos{File: p}, diag.IO, "%v", err)
		}
	}
	return diags
}

// siteThemeFS exposes only the theme folders of a site (layouts/, static/,
// i18n/), so content files never shadow theme files.
type siteThemeFS struct{ fsys fs.FS }

func (s siteThemeFS) Open(name string) (fs.File, error) {
	top, _, _ := strings.Cut(name, "/")
	switch top {
	case "layouts", "static", "i18n":
		return s.fsys.Open(name)
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// CheckLinks reports Markdown links to site paths that no page answers.
func CheckLinks(r *render.Result) diag.List {
	var diags diag.List
	var pages []string // for suggestions, listed at the first broken link
	for _, l := range r.Links {
		if r.Files.Answers(l.Path) {
			continue
		}
		if pages == nil {
			for _, p := range r.Files.Paths() {
				if strings.HasSuffix(p, "/index.html") {
					pages = append(pages, "/"+strings.TrimSuffix(p, "index.html"))
				}
			}
		}
		d := diags.Errorf(l.Pos, diag.BrokenLink, "broken link: no page at %s", l.Path)
		if s := diag.Suggest(l.Path, pages, 1); len(s) > 0 {
			d.WithHint("did you mean %s?", s[0])
		} else {
			d.WithHint("site paths look like /cpts/<slug>/, /communes/<insee>/, /pages/<slug>/")
		}
	}
	return diags
}
