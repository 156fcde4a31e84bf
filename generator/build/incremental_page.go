package build

import (
	"errors"
	"io/fs"
	"path"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// pageEdit is a change of the text of a free page that only its own page
// shows: its title and weight (which the menu of every page shows) are
// unchanged.
type pageEdit struct {
	site       *model.Site
	i          int // its place in site.Pages
	old, fresh *model.Page
	photos     []imageUse // the images its text shows, after the edit (see reimage)
}

// reloadPage reads a free page again, when changed names one existing
// page of content/pages. It returns ok=false when the change needs a full
// build: another file, a new or deleted page, a new title or weight.
func reloadPage(site *model.Site, opts Options, changed []string) (edit *pageEdit, diags diag.List, ok bool) {
	if len(changed) != 1 || path.Dir(changed[0]) != "content/pages" || path.Ext(changed[0]) != ".md" {
		return nil, nil, false
	}
	p := changed[0]
	if _, err := fs.Stat(opts.Source, p); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, false
	}
	edit = &pageEdit{site: site, i: -1}
	for i, pg := range site.Pages {
		if pg.File == p {
			edit.i, edit.old = i, pg
		}
	}
	if edit.old == nil {
		return nil, nil, false
	}
	fresh, diags := load.PageFile(opts.Source, p, load.Options{})
	if fresh == nil || diags.HasErrors() {
		return nil, diags, true
	}
	if fresh.Title != edit.old.Title || fresh.Weight != edit.old.Weight {
		return nil, nil, false
	}
	photos, d := textPhotos(site, fresh.Body)
	diags = append(diags, d...)
	fresh.Modified = edit.old.Modified
	edit.fresh, edit.photos = fresh, photos
	return edit, diags, true
}

// apply puts the page into the site and returns the function that puts
// the previous one back.
func (e *pageEdit) apply() (undo func()) {
	e.site.Pages[e.i] = e.fresh
	return func() { e.site.Pages[e.i] = e.old }
}

// pages returns the page to render again.
func (e *pageEdit) pages() map[string]bool { return map[string]bool{plan.FreePage(e.fresh): true} }
