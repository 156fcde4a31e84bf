package build

import (
	"errors"
	"io/fs"
	"maps"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/validate"
)

// Incremental rebuilds after edits of existing news files only: it reloads
// those files, checks them, and re-renders just the pages that show them
// (the item, its CPTS, the home page, the news list pages and tag pages
// whose items change, the feeds), on top of prev. It returns ok=false when
// the change needs a full build: another kind of file, a new or removed
// file, images, an item that appears or disappears (draft, date in the
// future, expiry), a list that loses a page. On errors it returns the
// diagnostics and a nil result; prev is left as it was. The search index
// and the sitemap are not updated: they keep the previous titles and
// dates until the next full build.
func Incremental(prev *Result, opts Options, changed []string) (res *Result, diags diag.List, ok bool) {
	if prev == nil || prev.Site == nil || prev.pictures == nil || len(changed) == 0 {
		return nil, nil, false
	}
	site := prev.Site
	start := time.Now()
	replaced, diags, ok := reloadNews(site, opts, changed)
	if !ok {
		return nil, nil, false
	}
	if diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	// The file names, hence the slugs, are unchanged: only the checks of
	// the items themselves can fail.
	edited := make([]*model.News, 0, len(replaced))
	for old, n := range replaced {
		if published(old, opts) != published(n, opts) {
			return nil, nil, false
		}
		edited = append(edited, n)
	}
	if d := validate.News(edited); d.HasErrors() {
		return nil, append(diags, d...).Sort(), true
	}
	tagLists := prev.tagLists
	if tagLists == nil {
		tagLists = indexTags(site.News, opts)
	}
	wanted, tagNews, ok := touchedPages(site.News, tagLists, replaced, opts)
	if !ok {
		return nil, nil, false
	}
	loaded := time.Since(start)

	// The change is good: update the model, then render what shows it.
	site.News = reordered(site.News, replaced)
	for old := range replaced {
		if c := old.CPTS; c != nil {
			c.News = reordered(c.News, replaced)
		}
	}
	renderStart := time.Now()
	out := output.NewSet()
	if !opts.NoMinify {
		out.MinifyWith(output.NewMinifier()) // as the full build does: squeezed pages skip it
	}
	rendered, d := render.Site(site, render.Options{Theme: prev.theme, Now: opts.Now, Drafts: opts.Drafts, Images: prev.pictures,
		Only: wanted, TagNews: tagNews, Scope: prev.scope, Out: out, Squeeze: !opts.NoMinify})
	diags = append(diags, d...)
	if rendered == nil || diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	files := prev.Files.Clone()
	for _, p := range rendered.Files.Paths() {
		data, _ := rendered.Files.Get(p)
		files.Replace(p, data)
	}
	diags = append(diags, CheckLinks(&render.Result{Files: files, Links: rendered.Links})...)
	if diags.HasErrors() {
		return nil, diags.Sort(), true
	}
	next := maps.Clone(tagLists)
	maps.Copy(next, tagNews)
	return &Result{
		Site: site, Files: files, Images: prev.Images, pictures: prev.pictures, theme: prev.theme, scope: prev.scope, tagLists: next,
		Stages:   []Stage{{"reload", loaded}, {"render", time.Since(renderStart)}},
		Rendered: rendered.Files.Len(),
	}, diags.Sort(), true
}

// reloadNews reads the changed news files again and returns each new item
// keyed by the one it replaces. It returns ok=false when a path is not a
// known news item, was deleted, or shows images (covers and photos are
// processed by the full build).
func reloadNews(site *model.Site, opts Options, changed []string) (replaced map[*model.News]*model.News, diags diag.List, ok bool) {
	md := markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
	replaced = map[*model.News]*model.News{}
	for _, p := range changed {
		old := newsByFile(site, p)
		if old == nil {
			return nil, nil, false
		}
		if _, err := fs.Stat(opts.Source, p); errors.Is(err, fs.ErrNotExist) {
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
	return replaced, diags, true
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

// reordered returns a copy of list with the replaced items swapped in,
// sorted again if a date changed.
func reordered(list []*model.News, replaced map[*model.News]*model.News) []*model.News {
	out := make([]*model.News, len(list))
	moved := false
	for i, n := range list {
		if r, ok := replaced[n]; ok {
			moved = moved || r.Date != n.Date
			n = r
		}
		out[i] = n
	}
	if moved {
		load.SortNews(out)
	}
	return out
}

// published mirrors render's rule for which news a build publishes.
func published(n *model.News, opts Options) bool {
	if opts.Now.IsZero() {
		return !n.Draft || opts.Drafts
	}
	return n.Visible(opts.Now, opts.Drafts)
}
