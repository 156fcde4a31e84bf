package build

import (
	"strconv"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/validate"
)

// Incremental rebuilds after edits of existing news files only: it reloads
// those files, checks them, and re-renders just the pages that show them
// (the item, its CPTS, the home page, the news list page and tag pages
// that list it, the feeds), on top of prev. It returns ok=false when the
// change needs a full build (another kind of file, a new or removed file,
// images). On errors it returns the diagnostics and a nil result; prev is
// left as it was. The search index and the sitemap are not updated.
func Incremental(prev *Result, opts Options, changed []string) (res *Result, diags diag.List, ok bool) {
	if prev == nil || prev.Site == nil || prev.pictures == nil || len(changed) == 0 {
		return nil, nil, false
	}
	site := prev.Site
	start := time.Now()
	md := markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
	replaced := map[*model.News]*model.News{}
	for _, p := range changed {
		old := newsByFile(site, p)
		if old == nil {
			return nil, nil, false
		}
		n, d := load.NewsFile(opts.Source, p, old.CPTS, load.Options{})
		diags = append(diags, d...)
		if n == nil {
			continue
		}
		if n.Cover != "" || old.Cover != "" {
			return nil, nil, false
		}
		conv, d := md.Convert(n.Body.Source, n.Body.Pos)
		diags = append(diags, d...)
		for _, l := range conv.Links {
			if l.Image {
				return nil, nil, false
			}
		}
		n.Modified = old.Modified
		replaced[old] = n
	}
	if diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	all := swapped(site.News, replaced)
	load.SortNews(all)
	if d := validate.News(all); d.HasErrors() {
		return nil, append(diags, d...).Sort(), true
	}
	loaded := time.Since(start)

	// The change is good: update the model, then render what shows it.
	oldPages := listPages(site.News, replaced, opts)
	site.News = all
	for old := range replaced {
		if c := old.CPTS; c != nil {
			c.News = swapped(c.News, replaced)
			load.SortNews(c.News)
		}
	}
	wanted := map[string]bool{"/": true, "/actualites/atom.xml": true}
	for p := range oldPages {
		wanted[p] = true
	}
	for p := range listPages(site.News, reverse(replaced), opts) {
		wanted[p] = true
	}
	for old, n := range replaced {
		wanted[newsPathOf(n)] = true
		if c := n.CPTS; c != nil {
			wanted["/cpts/"+c.Slug+"/"] = true
			wanted["/cpts/"+c.Slug+"/actualites/atom.xml"] = true
		}
		for _, t := range append(append([]string{}, old.Tags...), n.Tags...) {
			wanted["/actualites/mots-cles/"+fold.Slug(t)+"/"] = true
		}
	}
	renderStart := time.Now()
	rendered, d := render.Site(site, render.Options{Theme: prev.theme, Now: opts.Now, Drafts: opts.Drafts, Images: prev.pictures,
		Only: wanted})
	diags = append(diags, d...)
	if rendered == nil || diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	files := prev.Files.Clone()
	minifier := output.NewMinifier()
	for _, p := range rendered.Files.Paths() {
		data, _ := rendered.Files.Get(p)
		if !opts.NoMinify {
			if min, err := minifier.Minify(p, data); err == nil {
				data = min
			}
		}
		files.Replace(p, data)
	}
	diags = append(diags, CheckLinks(&render.Result{Files: files, Links: rendered.Links})...)
	if diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	return &Result{
		Site: site, Files: files, Images: prev.Images, pictures: prev.pictures, theme: prev.theme,
		Stages: []Stage{{"reload", loaded}, {"render", time.Since(renderStart)}},
	}, diags.Sort(), true
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

// swapped returns a copy of list with the replaced items swapped in.
func swapped(list []*model.News, replaced map[*model.News]*model.News) []*model.News {
	out := make([]*model.News, len(list))
	for i, n := range list {
		if r, ok := replaced[n]; ok {
			n = r
		}
		out[i] = n
	}
	return out
}

func reverse(m map[*model.News]*model.News) map[*model.News]*model.News {
	out := make(map[*model.News]*model.News, len(m))
	for k, v := range m {
		out[v] = k
	}
	return out
}

// newsPerPage mirrors render's default page size of the news list.
const newsPerPage = 10

// listPages returns the news list pages ("/actualites/", "/actualites/page/N/")
// on which the items that are keys of items appear in list.
func listPages(list []*model.News, items map[*model.News]*model.News, opts Options) map[string]bool {
	pages := map[string]bool{}
	i := 0
	for _, n := range list {
		if !published(n, opts) {
			continue
		}
		if _, ok := items[n]; ok {
			page := i/newsPerPage + 1
			if page == 1 {
				pages["/actualites/"] = true
			} else {
				pages["/actualites/page/"+strconv.Itoa(page)+"/"] = true
			}
		}
		i++
	}
	return pages
}

// published mirrors render's rule for which news a build publishes.
func published(n *model.News, opts Options) bool {
	if opts.Now.IsZero() {
		return !n.Draft || opts.Drafts
	}
	return n.Visible(opts.Now, opts.Drafts)
}

func newsPathOf(n *model.News) string {
	if n.CPTS != nil {
		return "/cpts/" + n.CPTS.Slug + "/actualites/" + n.Slug + "/"
	}
	return "/actualites/" + n.Slug + "/"
}
