package build

import (
	"io/fs"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/images"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/scope"
	"github.com/cpts-fr/cpts/generator/validate"
)

// Validate checks a loaded site: the rules of package validate, the links
// of every Markdown body (a forbidden scheme such as javascript:), and
// the images the content shows (alternative text, no remote image). It
// reads no file; ValidateFS also checks the image files.
func Validate(site *model.Site, table *geo.Table) diag.List {
	diags, _ := check(site, table, nil)
	return diags
}

// ValidateFS is Validate plus the image files, read from the site's file
// system: each must exist and be a readable JPEG, PNG, WebP or SVG.
// `cpts check` and `cpts build` report the same problems.
func ValidateFS(site *model.Site, table *geo.Table, fsys fs.FS) diag.List {
	diags, _ := check(site, table, fsys)
	return diags
}

// imageUse is a reference to an image, and the news item that shows it
// (nil for a CPTS or a page), so that the build publishes only the images
// of the pages it publishes.
type imageUse struct {
	ref  images.Ref
	news *model.News
}

// check runs every check and returns the images the content shows.
func check(site *model.Site, table *geo.Table, fsys fs.FS) (diag.List, []imageUse) {
	diags := append(validate.Site(site, table), scope.Check(site, table)...)
	md := markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
	type body struct {
		md   model.Markdown
		news *model.News
	}
	var uses []imageUse
	bodies := []body{}
	for _, c := range site.CPTS {
		bodies = append(bodies, body{c.Body, nil})
		if c.Logo != "" {
			// A logo is always shown beside the CPTS's name: decorative.
			uses = append(uses, imageUse{images.Ref{File: c.File, Dest: c.Logo, Alt: images.Decorative, Pos: c.At("logo"), Role: images.Logo}, nil})
		}
	}
	for _, n := range site.News {
		bodies = append(bodies, body{n.Body, n})
		if n.Cover != "" {
			uses = append(uses, imageUse{images.Ref{File: n.File, Dest: n.Cover, Alt: n.CoverAlt, AltKey: "cover_alt", Pos: n.At("cover"), Role: images.Photo}, n})
		}
	}
	for _, p := range site.Pages {
		bodies = append(bodies, body{p.Body, nil})
	}
	// Bodies are parsed on every core (not rendered: render does that);
	// each has its slot, so the result does not depend on the order in
	// which workers finish.
	type found struct {
		links []markup.Link
		diags diag.List
	}
	results := make([]found, len(bodies))
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i, b := range bodies {
		if len(b.md.Source) > 0 {
			g.Go(func() error {
				results[i].links, results[i].diags = md.Links(b.md.Source, b.md.Pos)
				return nil
			})
		}
	}
	g.Wait()
	for i, b := range bodies {
		diags = append(diags, results[i].diags...)
		for _, l := range results[i].links {
			if l.Image {
				uses = append(uses, imageUse{images.Ref{File: b.md.Pos.File, Dest: l.Dest, Alt: l.Alt, Pos: l.Pos, Role: images.Photo}, b.news})
			}
		}
	}
	refs := make([]images.Ref, len(uses))
	for i, u := range uses {
		refs[i] = u.ref
	}
	diags = append(diags, images.Check(fsys, refs)...)
	return diags.Sort(), uses
}
