package build

import (
	"bytes"
	"cmp"
	"io/fs"
	"runtime"
	"slices"
	"strings"

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
	diags, _, _ := check(site, table, Files{}, false)
	return diags
}

// Files are what ValidateFS reads besides the model.
type Files struct {
	Site  fs.FS // the site folder
	Theme fs.FS // the theme under the site's layouts/, static/ and i18n/ (themes.Default)
	// ImageCache is the folder of processed images (Options.ImageCache):
	// checking an image processes it, and a build finds it there.
	ImageCache string

	memo *images.Memo // a build's images, processed by check for the images stage
}

// ValidateFS is Validate plus what needs files: the images, read from the
// site's file system (each must exist and be a JPEG, PNG, WebP or SVG
// that the build can process), and the configuration's language and
// logo, looked up in the site's i18n/ and static/ over the theme's.
// `cpts check` and `cpts build` report the same problems.
func ValidateFS(site *model.Site, table *geo.Table, files Files) diag.List {
	diags, _, _ := check(site, table, files, false)
	return diags
}

// imageUse is a reference to an image, and the news item that shows it
// (nil for a CPTS or a page), so that the build publishes only the images
// of the pages it publishes.
type imageUse struct {
	ref  images.Ref
	news *model.News
}

// coverUse is the cover of a news item.
func coverUse(n *model.News) imageUse {
	return imageUse{images.Ref{File: n.File, Dest: n.Cover, Alt: n.CoverAlt, AltKey: "cover_alt", Pos: n.At("cover"), Role: images.Photo}, n}
}

// logoUse is the logo of a CPTS, always shown beside its name:
// decorative.
func logoUse(c *model.CPTS) imageUse {
	return imageUse{images.Ref{File: c.File, Dest: c.Logo, Alt: images.Decorative, Pos: c.At("logo"), Role: images.Logo}, nil}
}

// photoUse is an image of a Markdown text, that of news item n (nil for
// a CPTS or a page).
func photoUse(md model.Markdown, l markup.Link, n *model.News) imageUse {
	return imageUse{images.Ref{File: md.Pos.File, Dest: l.Dest, Alt: l.Alt, Pos: l.Pos, Role: images.Photo}, n}
}

// check runs every check and returns the images the content shows. With
// later, it does not parse the bodies that show no image (no "![" in
// them), whose only findings are link warnings that render reports too
// when it converts them: it returns them, for laterWarnings once render
// has run, so that a build parses each body once.
func check(site *model.Site, table *geo.Table, files Files, later bool) (diag.List, []imageUse, []*model.Markdown) {
	diags := append(validate.Site(site, table), scope.Check(site, table)...)
	var overlay fs.FS
	if files.Site != nil && files.Theme != nil {
		overlay = themeOf(files.Site, files.Theme)
	}
	diags = append(diags, checkConfig(site.Config, overlay)...)
	if overlay != nil {
		diags = append(diags, checkOverrides(files.Site, files.Theme)...)
	}
	type body struct {
		md   *model.Markdown // the record's: a pointer, not a copy of 80 bytes
		news *model.News
	}
	var uses []imageUse
	bodies := []body{}
	for _, c := range site.CPTS {
		bodies = append(bodies, body{&c.Body, nil})
		if c.Logo != "" {
			uses = append(uses, logoUse(c))
		}
	}
	for _, n := range site.News {
		bodies = append(bodies, body{&n.Body, n})
		if n.Cover != "" {
			uses = append(uses, coverUse(n))
		}
	}
	for _, p := range site.Pages {
		bodies = append(bodies, body{&p.Body, nil})
	}
	// Each text is read (again, for a news item: model.LazyMarkdown) and
	// judged on every core, in its own slot, kept in order.
	md := newLinkParser(site)
	found := make([]foundLinks, len(bodies))
	postponed := make([]bool, len(bodies))
	parallel(len(bodies), func(i int) {
		b, f := bodies[i], &found[i]
		text, ok := b.md.Read(&f.diags)
		if !ok {
			return
		}
		if b.news != nil {
			f.diags = validate.NewsStarter(b.news, text)
		}
		if d := markup.Bounds(text, b.md.Pos); d != nil {
			f.diags = append(f.diags, d...) // never parsed: a draft's body as well
			return
		}
		switch {
		case len(text) == 0:
		case later && !bytes.Contains(text, []byte("![")):
			postponed[i] = true
		default:
			links, d := md.Links(text, b.md.Pos)
			f.links, f.diags = links, append(f.diags, d...)
		}
	})
	var deferred []*model.Markdown
	for i, b := range bodies {
		diags = append(diags, found[i].diags...)
		if postponed[i] {
			deferred = append(deferred, b.md)
		}
		for _, l := range found[i].links {
			if l.Image {
				uses = append(uses, photoUse(*b.md, l, b.news))
			}
		}
	}
	refs := make([]images.Ref, len(uses))
	for i, u := range uses {
		refs[i] = u.ref
	}
	diags = append(diags, images.Check(files.Site, refs, images.Options{Cache: files.ImageCache, Memo: files.memo})...)
	return diags.Sort(), uses, deferred
}

// laterBodies are the bodies check deferred (their links are checked
// when render converts them), sorted by position, with those render
// converted marked: one byte each, where a map of the bodies converted
// took 60 MB at 400,000 news.
type laterBodies struct {
	list      []*model.Markdown
	converted []bool
}

// newLaterBodies returns the deferred bodies, none converted yet.
func newLaterBodies(deferred []*model.Markdown) *laterBodies {
	slices.SortFunc(deferred, func(a, b *model.Markdown) int { return comparePos(a.Pos, b.Pos) })
	return &laterBodies{list: deferred, converted: make([]bool, len(deferred))}
}

func comparePos(a, b diag.Pos) int {
	return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// mark records that render converted the body at pos
// (render.Options.Converted).
func (l *laterBodies) mark(pos diag.Pos) {
	if i, found := slices.BinarySearchFunc(l.list, pos, func(m *model.Markdown, p diag.Pos) int { return comparePos(m.Pos, p) }); found {
		l.converted[i] = true
	}
}

// laterWarnings gives the link warnings of the bodies check deferred that
// render did not convert (all of them if render did not run): a draft, a
// CPTS outside the scope. Its bodies were checked either way, as `cpts
// check` checks them.
func laterWarnings(site *model.Site, later *laterBodies) diag.List {
	if later == nil {
		return nil
	}
	var left []*model.Markdown
	for i, m := range later.list {
		if !later.converted[i] {
			left = append(left, m)
		}
	}
	if len(left) == 0 {
		return nil
	}
	var diags diag.List
	for _, r := range parseLinks(newLinkParser(site), len(left), func(i int) model.Markdown { return *left[i] }) {
		diags = append(diags, r.diags...)
	}
	return diags
}

func newLinkParser(site *model.Site) *markup.Converter {
	return markup.New(markup.Options{RawHTML: site.Config.Features.RawHTML})
}

// foundLinks are the links of a body and its warnings.
type foundLinks struct {
	links []markup.Link
	diags diag.List
}

// parseLinks parses n bodies for their links on every core (without
// rendering them); each has its slot, so the result does not depend on
// the order in which workers finish.
func parseLinks(md *markup.Converter, n int, body func(int) model.Markdown) []foundLinks {
	results := make([]foundLinks, n)
	parallel(n, func(i int) { results[i] = textLinks(md, body(i), nil) })
	return results
}

// textLinks reads a body's text and parses it for its links and their
// warnings, without rendering it; for a news item (serve's edit of one),
// its starter text too, as the check of the bodies finds it.
func textLinks(md *markup.Converter, m model.Markdown, news *model.News) foundLinks {
	var f foundLinks
	if text, ok := m.Read(&f.diags); ok {
		if news != nil {
			f.diags = validate.NewsStarter(news, text)
		}
		links, d := md.Links(text, m.Pos)
		f.links, f.diags = links, append(f.diags, d...)
	}
	return f
}

// parallel calls do(0) … do(n-1) on every core and returns when all have.
func parallel(n int, do func(int)) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for i := range n {
		g.Go(func() error {
			do(i)
			return nil
		})
	}
	_ = g.Wait() // the tasks return no error
}
