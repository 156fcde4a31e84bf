package build

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// pageEdit is a change of one free page: its text, or, shown in the menu
// of every page, its title and weight, the page added or deleted.
type pageEdit struct {
	site       *model.Site
	old, fresh *model.Page // nil when added, deleted
	photos     []imageUse  // the images its text shows, after the edit (see reimage)
}

// reloadPage reads a free page again, when changed names one file of
// content/pages: a page edited, added or deleted. It returns ok=false
// when the change needs a full build: another file, a name that is no
// page (not .md, hidden, a folder), or a site whose [scope] leaves the
// free pages out (a site of one CPTS, unless shared = true), as for its
// site-wide news.
func reloadPage(site *model.Site, pl *plan.Plan, opts Options, changed []string) (edit *pageEdit, diags diag.List, ok bool) {
	if len(changed) != 1 || path.Dir(changed[0]) != "content/pages" || path.Ext(changed[0]) != ".md" {
		return nil, nil, false
	}
	if sc := pl.Options().Scope; sc != nil && !sc.Shared {
		return nil, nil, false
	}
	p := changed[0]
	edit = &pageEdit{site: site}
	for _, pg := range site.Pages {
		if pg.File == p {
			edit.old = pg
		}
	}
	info, err := fs.Stat(opts.Source, p)
	switch {
	case errors.Is(err, fs.ErrNotExist) && edit.old != nil:
		return edit, nil, true
	case err != nil || !info.Mode().IsRegular() || strings.HasPrefix(path.Base(p), "."):
		return nil, nil, false // the loader's business: a full build says what it makes of it
	}
	fresh, diags := load.PageFile(opts.Source, p, load.Options{})
	if fresh == nil || diags.HasErrors() {
		return nil, diags, true
	}
	photos, d := textPhotos(site, fresh.Body)
	diags = append(diags, d...)
	if edit.old != nil {
		fresh.Modified = edit.old.Modified
	}
	edit.fresh, edit.photos = fresh, photos
	return edit, diags, true
}

// menu reports whether the edit changes the menu every page shows: a
// page added or deleted, a new title or weight.
func (e *pageEdit) menu() bool {
	return e.old == nil || e.fresh == nil || e.fresh.Title != e.old.Title || e.fresh.Weight != e.old.Weight
}

// file is the page's content file.
func (e *pageEdit) file() string {
	if e.fresh != nil {
		return e.fresh.File
	}
	return e.old.File
}

// apply puts the page into the site (in the loader's order, by slug), or
// takes it out, and returns the function that puts the previous pages
// back.
func (e *pageEdit) apply() (undo func()) {
	saved := e.site.Pages
	pages := slices.DeleteFunc(slices.Clone(saved), func(pg *model.Page) bool { return pg == e.old })
	if e.fresh != nil {
		pages = append(pages, e.fresh)
		slices.SortFunc(pages, func(a, b *model.Page) int { return strings.Compare(a.Slug, b.Slug) })
	}
	e.site.Pages = pages
	return func() { e.site.Pages = saved }
}

// pages returns the page to render again, and the one to remove.
func (e *pageEdit) pages() (wanted map[string]bool, gone []string) {
	if e.fresh == nil {
		return map[string]bool{}, []string{plan.FreePage(e.old)}
	}
	return map[string]bool{plan.FreePage(e.fresh): true}, nil
}
