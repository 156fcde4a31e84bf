package build

import (
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/images"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
)

// newsImageUses returns the images a news item shows, as check finds
// them: its cover, then the images of its text.
func newsImageUses(md *markup.Converter, n *model.News) ([]imageUse, diag.List) {
	var uses []imageUse
	if n.Cover != "" {
		uses = append(uses, coverUse(n))
	}
	f := textLinks(md, n.Body, n)
	for _, l := range f.links {
		if l.Image {
			uses = append(uses, photoUse(n.Body, l, n))
		}
	}
	return uses, f.diags
}

// pictureEdit is what a news edit changes of the images the site
// publishes: the uses after the edit, and the images those published.
type pictureEdit struct {
	uses      []imageUse
	published []images.Ref
	pictures  *images.Set
}

// repicture returns the images of the site after a news edit: the uses
// of the items it replaced or deleted go, those of its new items come,
// and when the images published change (a photo added or removed, an
// item with photos published or withdrawn by the date) or an image file
// did (files), they are processed again through prev's memo, which reads
// only new ones and those it forgot. The new items' images (edit.uses)
// are checked as `cpts check` checks them.
func repicture(prev *Result, opts Options, edit *newsEdit, files bool) (*pictureEdit, diag.List) {
	fresh := edit.uses
	uses := make([]imageUse, 0, len(prev.uses)+len(fresh))
	for _, u := range prev.uses {
		if _, gone := edit.replaced[u.news]; !gone {
			uses = append(uses, u)
		}
	}
	uses = append(uses, fresh...)
	refs := make([]images.Ref, len(fresh))
	for i, u := range fresh {
		refs[i] = u.ref
	}
	return reprocess(prev, opts, uses, refs, files)
}

// reprocess checks the images of refs as `cpts check` checks them and
// returns the images of the site with uses: those of prev, unless the
// images published change or an image file did (files), which are then
// processed again through prev's memo.
func reprocess(prev *Result, opts Options, uses []imageUse, refs []images.Ref, files bool) (*pictureEdit, diag.List) {
	iopts := images.Options{Cache: opts.ImageCache, Memo: prev.imageMemo}
	diags := images.Check(opts.Source, refs, iopts)
	if diags.HasErrors() {
		return nil, diags
	}
	e := &pictureEdit{uses: uses, published: publishedImages(uses, opts), pictures: prev.pictures}
	if !files && slices.Equal(e.published, prev.published) {
		return e, diags
	}
	pictures, d := images.Process(opts.Source, e.published, iopts)
	e.pictures = pictures
	return e, append(diags, d...)
}

// reimage returns the images of the site once those the text file
// shows may have changed (a CPTS's index.md: its logo and the photos of
// its text; a free page: its photos): shown, the uses of file after the
// edit, in place of those prev had (see reprocess, which keeps prev's
// images when those published are the same). files tells that an image
// file they show changed.
func reimage(prev *Result, opts Options, file string, shown []imageUse, files bool) (*pictureEdit, diag.List) {
	uses := make([]imageUse, 0, len(prev.uses)+len(shown))
	for _, u := range prev.uses {
		if u.news != nil || u.ref.File != file {
			uses = append(uses, u)
		}
	}
	refs := make([]images.Ref, len(shown))
	for i, u := range shown {
		refs[i] = u.ref
	}
	return reprocess(prev, opts, append(uses, shown...), refs, files)
}

// textPhotos returns the images a Markdown text (of a CPTS or a free
// page) shows, with the diagnostics of its links.
func textPhotos(site *model.Site, m model.Markdown) ([]imageUse, diag.List) {
	f := textLinks(markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML}), m, nil)
	var photos []imageUse
	for _, l := range f.links {
		if l.Image {
			photos = append(photos, photoUse(m, l, nil))
		}
	}
	return photos, f.diags
}

// swapImages puts the images of pictures in files in place of those of
// the previous build: versions no image uses any more go.
func swapImages(files *output.Set, pictures *images.Set) {
	keep := make(map[string]bool, len(pictures.Files))
	for _, f := range pictures.Files {
		keep[f.Path] = true
		files.Replace(f.Path, f.Data)
	}
	for _, p := range files.Paths() {
		if strings.HasPrefix(p, images.Folder) && !keep[p] {
			files.Remove(p)
		}
	}
}
