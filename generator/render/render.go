package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/opendata"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/plan"
)

// Options configure rendering.
type Options struct {
	// Theme is the theme's file system with the site's overrides on top.
	Theme Overlay
	// SitemapSize is the most URLs in one sitemap file; 0 means 50,000,
	// the limit of the sitemap protocol. A larger site gets sitemap.xml
	// as a sitemap index of sitemap-1.xml, sitemap-2.xml...
	SitemapSize int
	// Plan is what the site publishes (package plan): which news, tags,
	// communes, départements and régions get a page, and the scope. Nil
	// means a plan of all content, every dated news item published.
	Plan *plan.Plan
	// Only, when set, renders only the files it lists (site paths such as
	// "/cpts/x/" or "/cpts/x/actualites/atom.xml"), skipping the work of the
	// others: the dev server re-renders what a change touches. The data
	// files of /donnees/ are made with their page; static files are copied
	// when listed; the sitemap, robots.txt, _headers and the location
	// files are left out.
	Only map[string]bool
	// StableAssets keeps the names of stylesheets and scripts: no
	// fingerprint (see build.Options.StableAssets).
	StableAssets bool
	// Layouts, when set, renders only the pages of these layouts ("cpts"
	// for layouts/cpts.html): the dev server re-renders them after an
	// edit of their layout. Static files, feeds, calendars, the sitemap,
	// robots.txt, _headers and the location files are left out.
	Layouts map[string]bool
	// Stop, when set and true, stops the rendering: no page is prepared
	// or queued after it, nor are feeds, calendars and machine files made,
	// and the caller, which asked, drops the result (the dev server's
	// completion of a rebuild, when a newer change arrives). The render's
	// goroutines call it: it must be safe for concurrent use.
	Stop func() bool
	// Images gives the processed versions of the images the content shows;
	// nil leaves Markdown images as written and shows no cover or logo.
	Images Images
	// Out receives the files, each as soon as it is made (a set may minify
	// and write them to disk as they come); nil means a new set in memory.
	Out *output.Set
	// Converted, when set, is called with the start (model.Markdown.Pos)
	// of each Markdown body render converts, whose link warnings it
	// reports; from one goroutine at a time.
	Converted func(diag.Pos)
	// Squeeze removes, once, the white space HTML does not render from the
	// theme's text (after each layout's first page), the partials made by
	// partialCached and the HTML of Markdown (output.SqueezeHTML), so that
	// the pages of a squeezed layout skip Out's minifier. A layout with a
	// pre or textarea element in its text is not squeezed and is minified.
	Squeeze bool
}

// Images gives the processed versions of images (package images
// implements it): photos of Markdown text and news covers, and logos.
type Images interface {
	markup.ImageResolver
	// Logo returns the logo dest written in the front matter of file.
	Logo(file, dest string) (markup.Image, bool)
}

// Link is an internal link found in Markdown, to be checked once every
// page exists.
type Link struct {
	Path string // site path without base path, query or fragment: "/cpts/x/"
	Pos  diag.Pos
}

// Result is what rendering produces.
type Result struct {
	Files *output.Set
	// Links are the internal links of Markdown bodies that no page or
	// file answered when they were rendered (see answered): those the
	// caller checks once the site is whole.
	Links []Link
	// ReservedIDs are the element ids the theme's layouts write, sorted,
	// which Markdown headings avoid: an edit of a layout that changes
	// them changes the pages of every layout.
	ReservedIDs []string
}

type renderer struct {
	site       *model.Site
	opts       Options
	strings    map[string]string
	missing    map[string]bool              // UI strings a template asked for and i18n lacks
	mu         sync.Mutex                   // guards missing, written by parallel templates
	pool       *pool                        // the workers rendering the pages emit queues
	partials   map[partialKey]template.HTML // partialCached's outputs
	partialsMu sync.RWMutex
	menuOnce   sync.Once // menuList is made once
	menuList   []menuEntry
	tmpl       *templates
	assets     map[string]string // theme asset name -> fingerprinted path
	baseURL    string            // "https://example.org/annuaire/"
	basePath   string            // "/annuaire/"
	md         *markup.Converter
	out        *output.Set
	diags      diag.List
	links      []Link

	maps       mapState // the atlas, loaded by the first map (maps.go)
	cptsByDept map[string][]*model.CPTS
	newsCache  map[*model.News]template.HTML // bodies of the news in feeds, until the feeds are written
	inFeeds    map[*model.News]int           // how many feeds left to write show each item (planFeeds)
	feedsAt    map[string][]plan.Feed        // the feeds left to write, by the section of their home page
	plan       *plan.Plan
	region     *regionFacts    // of the last région page made (areas.go)
	territory  *territoryFacts // of the last territory page made (territory.go)
	dataFiles  []opendata.File // the open data files their page lists (data.go)
	onlyOnce   sync.Once
	onlySorted []string // the keys of Options.Only, sorted (wantedUnder)
}

// Site renders every page, asset and machine-readable file of the site.
func Site(site *model.Site, opts Options) (*Result, diag.List) {
	r := newRenderer(site, opts)
	var d diag.List
	r.strings, d = loadStrings(opts.Theme, site.Config.Language)
	r.diags.Append(d)
	r.staticFiles()
	r.checkTiles()
	r.branding()
	r.tmpl, d = loadTemplates(opts.Theme, r.funcs(), opts.Squeeze, opts.Only == nil)
	r.diags.Append(d)
	r.md = markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML, BasePath: r.basePath, Images: opts.Images, SiteLink: r.siteLink,
		ReservedIDs: r.tmpl.ids})
	if r.diags.HasErrors() {
		return nil, r.diags.Sort()
	}
	whole := r.opts.Only == nil && r.opts.Layouts == nil
	if r.opts.Layouts == nil {
		r.locationFiles() // on a worker, beside the pages
	}
	r.openData()
	if r.opts.Layouts == nil {
		r.planFeeds()
	}
	r.pages()
	if r.stopped() { // the caller drops what is made
		r.flush()
		return &Result{Files: r.out}, r.diags.Sort()
	}
	if r.opts.Layouts == nil {
		r.feeds()
	}
	r.flush()
	if r.opts.Layouts == nil {
		r.calendars()
	}
	if whole {
		r.machineFiles() // lists every file
	}
	if r.maps.err != nil {
		r.diags.Errorf(diag.Pos{}, diag.IO, "maps: %v", r.maps.err)
	}
	keys := make([]string, 0, len(r.missing))
	for k := range r.missing {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.diags.Warnf(diag.Pos{File: "i18n/" + site.Config.Language + ".toml"}, diag.Template, "missing UI string %q", k).
			WithHint("add %s = \"...\" to the site's i18n/%s.toml", k, site.Config.Language)
	}
	return &Result{Files: r.out, Links: r.links, ReservedIDs: r.tmpl.ids}, r.diags.Sort()
}

// newRenderer returns a renderer of site with its options, plan and base
// URL set, before it reads the theme.
func newRenderer(site *model.Site, opts Options) *renderer {
	if opts.SitemapSize <= 0 {
		opts.SitemapSize = 50000
	}
	r := &renderer{site: site, opts: opts, missing: map[string]bool{}, out: opts.Out, assets: map[string]string{}, partials: map[partialKey]template.HTML{}}
	if r.out == nil {
		r.out = output.NewSet()
	}
	if r.plan = opts.Plan; r.plan == nil {
		r.plan = plan.Build(site, plan.Options{})
	}
	r.baseURL = strings.TrimSuffix(string(site.Config.BaseURL), "/") + "/"
	if u, err := url.Parse(r.baseURL); err == nil {
		r.basePath = u.Path
	}
	if r.basePath == "" {
		r.basePath = "/"
	}
	return r
}

// staticFiles copies the theme's static/ folder; CSS and JS get
// fingerprinted names for long-term caching.
func (r *renderer) staticFiles() {
	for _, p := range r.opts.Theme.files("static") {
		data, err := fs.ReadFile(r.opts.Theme, p)
		if err != nil {
			r.diags.Errorf(diag.Pos{File: p}, diag.IO, "cannot read: %v", err)
			continue
		}
		name := strings.TrimPrefix(p, "static/")
		target := name
		if ext := path.Ext(name); (ext == ".css" || ext == ".js") && !r.opts.StableAssets {
			target = output.Fingerprint(name, data)
		}
		r.assets[name] = target
		if r.opts.Layouts == nil && r.wanted("/"+target) { // all, but for a rebuild of a few files
			r.add(target, data)
		}
	}
}

func (r *renderer) add(p string, data []byte) {
	r.diags.Append(AddFile(r.out, p, data))
}

// AddFile adds a file to the output and reports why it could not: a path
// produced twice is a duplicate slug, a file the minifier refuses a
// template error, one the disk refuses an I/O error.
func AddFile(out *output.Set, p string, data []byte) diag.List {
	return addFile(out.Add, p, data)
}

// AddCompactFile is AddFile with output.Set.AddCompact.
func AddCompactFile(out *output.Set, p string, data []byte) diag.List {
	return addFile(out.AddCompact, p, data)
}

// addFile reports the error of add (Set.Add, AddCompact or AddTransient) as
// AddFile does.
func addFile(add func(string, []byte) error, p string, data []byte) diag.List {
	var diags diag.List
	var minErr *output.MinifyError
	switch err := add(p, data); {
	case errors.Is(err, output.ErrDuplicate):
		diags.Errorf(diag.Pos{File: p}, diag.DuplicateSlug, "%v", err)
	case errors.As(err, &minErr):
		diags.Errorf(diag.Pos{File: p}, diag.Template, "%v", err)
	case err != nil:
		diags.Errorf(diag.Pos{File: p}, diag.IO, "%v", err)
	}
	return diags
}

// page is what every layout receives.
type page struct {
	Site        *model.Site
	Kind        string
	Path        string // site path, "/cpts/x/"
	Title       string
	Description string
	Crumbs      []crumb
	JSONLD      template.JS
	NoIndex     bool
	Feeds       []string // news folder whose feeds the page announces: plan.NewsList
	Edit        string   // content file the page comes from, for "Modifier cette page"
	// Near holds the département codes, space-separated, a search form on
	// the page ranks first among equal matches ("30" on the Gard's page,
	// "30 34" on that of a CPTS of the Gard and the Hérault).
	Near string
	Data any
}

type crumb struct{ Title, Path string }

// stopped reports whether Options.Stop asks to stop.
func (r *renderer) stopped() bool { return r.opts.Stop != nil && r.opts.Stop() }

// wanted reports whether the file at a site path is to be rendered.
func (r *renderer) wanted(path string) bool {
	return (r.opts.Only == nil || r.opts.Only[path]) && !r.stopped()
}

// wantedUnder reports whether any file under a site folder is to be rendered.
func (r *renderer) wantedUnder(prefix string) bool {
	if r.stopped() {
		return false
	}
	if r.opts.Only == nil {
		return true
	}
	r.onlyOnce.Do(func() { r.onlySorted = slices.Sorted(maps.Keys(r.opts.Only)) })
	i, _ := slices.BinarySearch(r.onlySorted, prefix)
	return i < len(r.onlySorted) && strings.HasPrefix(r.onlySorted[i], prefix)
}

// emit queues a page: layout rendered to a path ("/cpts/x/" ->
// cpts/x/index.html). The pool renders queued pages while the next ones
// are prepared; flush waits for them.
func (r *renderer) emit(layout string, p *page) {
	r.scopePage(layout, p)
	p.Site = r.site
	p.Kind = layout
	if p.Description == "" {
		p.Description = r.site.Config.Description
	}
	r.queue(func() diag.List { return r.execute(layout, p) })
}

// queue runs f on the pool; it waits while the pool's queue is full (so
// that the work prepared ahead is bounded); its diagnostics are reported in the order
// of the queue, whichever worker finishes first. f must not change the
// renderer: it makes files from what the caller prepared.
func (r *renderer) queue(f func() diag.List) {
	if r.pool == nil {
		r.pool = newPool(runtime.GOMAXPROCS(0))
	}
	pl := r.pool
	pl.tasks <- task{n: pl.queued, f: f}
	pl.queued++
}

// pool renders the pages emit queues, on every core, while the pages
// that follow are being prepared: a page's data is dropped as soon as the
// page is written, so a build never holds every page at once. Each worker
// adds the page it made to the output, so that pages are minified (and
// written, for a set on disk) in parallel. Its workers live until flush:
// a goroutine started for each page grew its stack again for every page,
// since templates run deep (0.7 s of CPU on the national build).
type pool struct {
	tasks  chan task // queue waits once queueDepth tasks per worker are waiting
	wg     sync.WaitGroup
	queued int
	mu     sync.Mutex
	diags  map[int]diag.List // by place in the queue
}

// queueDepth is how many tasks per worker queue may prepare ahead: enough
// that a worker finds the next page ready when the renderer is preparing a
// slow one (a CPTS's map), few enough that the pages waiting hold little
// memory (national build: 8.9 → 8.7 s wall against a queue of one per
// worker, the same peak memory; 512 gains nothing more).
const queueDepth = 64

// task is a queued function and its place in the queue.
type task struct {
	n int
	f func() diag.List
}

func newPool(workers int) *pool {
	pl := &pool{tasks: make(chan task, queueDepth*workers), diags: map[int]diag.List{}}
	pl.wg.Add(workers)
	for range workers {
		go func() {
			defer pl.wg.Done()
			for t := range pl.tasks {
				if d := t.f(); len(d) > 0 {
					pl.mu.Lock()
					pl.diags[t.n] = d
					pl.mu.Unlock()
				}
			}
		}()
	}
	return pl
}

// execute renders one page and adds it to the output.
func (r *renderer) execute(layout string, p *page) diag.List {
	html, squeezed, err := r.tmpl.execute(layout, p)
	if err != nil {
		return templateDiag(err, "layouts/"+layout+".html")
	}
	defer output.PutBuffer(html)
	file := plan.File(p.Path)
	add := func(p string, data []byte) error { return r.out.AddTransient(p, data, squeezed) }
	return addFile(add, file, html.Bytes())
}

// flush waits for the queued pages. Templates are safe for concurrent
// use and the output set is keyed by path; diagnostics are kept in the
// order of the queue, so the result does not depend on the order in
// which workers finish.
func (r *renderer) flush() {
	pl := r.pool
	if pl == nil {
		return
	}
	close(pl.tasks)
	pl.wg.Wait()
	for _, n := range slices.Sorted(maps.Keys(pl.diags)) {
		r.diags.Append(pl.diags[n])
	}
	r.pool = nil
}

// markdown renders a body whose top heading becomes an h<top>, and
// remembers its internal links.
func (r *renderer) markdown(m model.Markdown, top int) template.HTML {
	return r.markdownPage(m, top, false)
}

// markdownPage is markdown for a body that may open its page: with
// eagerImage, its first image is not lazy-loaded.
func (r *renderer) markdownPage(m model.Markdown, top int, eagerImage bool) template.HTML {
	if m.Blank() {
		return ""
	}
	text, ok := m.Read(&r.diags)
	if !ok {
		return ""
	}
	res, diags := r.md.ConvertPage(text, m.Pos, top, eagerImage)
	if r.opts.Converted != nil {
		r.opts.Converted(m.Pos)
	}
	r.diags.Append(diags)
	for _, l := range res.Links {
		if p, ok := internalPath(l.Dest); ok {
			if local, external := r.place(p); external == "" && !r.answered(local) {
				r.links = append(r.links, Link{Path: local, Pos: l.Pos})
			}
		}
	}
	if r.opts.Squeeze {
		return template.HTML(output.SqueezeHTML(nil, []byte(res.HTML)))
	}
	return template.HTML(res.HTML)
}

// answered reports whether a page or file of this render answers a site
// path already: a territory page the plan makes, or a file the render
// has added. Only the other links of bodies are kept for the check that
// follows the render (build.CheckLinks): a decade of news links its
// CPTS and its communes hundreds of thousands of times.
func (r *renderer) answered(p string) bool {
	return r.plan.Has(p) || r.out.Answers(p)
}

// internalPath returns the site path of a root-relative link.
func internalPath(dest string) (string, bool) {
	if !strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	return u.Path, true
}

// jsonLD encodes schema.org data for a <script type="application/ld+json">
// (a data block: the CSP does not apply to it, and encoding/json escapes <).
func jsonLD(v any) template.JS {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(b)
}

// communeName returns a display name with its departement code.
func communeName(c *geo.Commune) string { return fmt.Sprintf("%s (%s)", c.Name, c.Departement) }
