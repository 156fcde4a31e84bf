// Package markup turns the Markdown bodies of records into HTML with the
// one goldmark instance of the generator, configured to be safe by default:
// raw HTML is shown as text unless the site opts in, only http, https,
// mailto and tel links (and site-relative ones) become links, and headings
// start at level 2 because the page title is the h1.
//
// Rendering also returns the links of the text with their positions, so the
// build can check internal links and report a broken one where it is written.
package markup

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/cpts-fr/cpts/generator/diag"
)

// Options configure a Converter.
type Options struct {
	// RawHTML passes raw HTML through; it is escaped (shown as text) by default.
	RawHTML bool
	// BasePath prefixes site paths ("/cpts/x/") in links and images, for
	// sites published under a sub-path ("/annuaire/"). Empty means "/".
	BasePath string
	// SiteLink, when set, may rewrite a link to a site path ("/cpts/x/",
	// with its query and fragment) to the URL written instead, base path
	// included: a site that covers part of the content sends links to what
	// it leaves out to another site. It returns false to keep the default.
	SiteLink func(dest string) (string, bool)
	// Images, when set, gives the processed versions of the images the
	// Markdown shows: they are written with srcset, sizes, width and
	// height. Images it does not know keep their written destination.
	Images ImageResolver
	// ImageSizes is the sizes attribute of images with several versions;
	// empty means DefaultImageSizes.
	ImageSizes string
	// ReservedIDs are ids the page around a body gives elements of its
	// own (a theme's sections: "membres"): a heading that would take one
	// gets "-1" instead, so that no page has an id twice.
	ReservedIDs []string
}

// DefaultImageSizes fits the default theme, whose text column is at most
// 46rem wide and fills the screen below 48rem.
const DefaultImageSizes = "(min-width: 48rem) 46rem, 100vw"

// Image is an image as a page shows it: its processed versions, and the
// size of the default one for the width and height attributes, which
// reserve its room before it loads.
type Image struct {
	Src           string      // site path of the default version: "/images/photo-1600.1a2b3c4d5e.jpg"
	Width, Height int         // size of Src in CSS pixels
	Srcset        []Candidate // every version, smallest first; empty when there is one
}

// Candidate is one version of an image in a srcset.
type Candidate struct {
	Path       string // site path
	Descriptor string // "480w", or a density: "2x"
}

// ImageResolver finds the processed versions of an image. It is declared
// here, by its consumer; package images implements it.
type ImageResolver interface {
	// Image returns the image dest written in the Markdown file file
	// (a path relative to the site: "content/cpts/x/index.md"); ok is
	// false when there is none.
	Image(file, dest string) (img Image, ok bool)
}

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	opts     Options
	md       goldmark.Markdown
	reserved map[string]bool // opts.ReservedIDs
}

// New returns a Converter.
func New(opts Options) *Converter {
	sizes := opts.ImageSizes
	if sizes == "" {
		sizes = DefaultImageSizes
	}
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(&safeRenderer{rawHTML: opts.RawHTML, basePath: opts.BasePath, siteLink: opts.SiteLink, sizes: sizes}, 100),
		)),
	)
	reserved := make(map[string]bool, len(opts.ReservedIDs))
	for _, id := range opts.ReservedIDs {
		reserved[id] = true
	}
	return &Converter{opts: opts, md: md, reserved: reserved}
}

// Link is a link or image destination written in Markdown.
type Link struct {
	Dest  string
	Pos   diag.Pos
	Image bool
	// Alt is an image's alternative text, as written ("-" marks a
	// decorative image); empty for a link.
	Alt string
}

// Result is a rendered body.
type Result struct {
	HTML  []byte
	Links []Link // in source order
}

// Convert renders src with its top heading level as h2 (a body right under
// the page's h1). See ConvertUnder.
func (c *Converter) Convert(src []byte, start diag.Pos) (Result, diag.List) {
	return c.ConvertUnder(src, start, 2)
}

// ConvertUnder renders src, whose first line is at start in its file, with
// its highest heading level shown as top (2 for a body right under the h1,
// 3 for a body inside a section with its own h2), so that heading levels
// never skip, whichever level the author started at. Links
// with a forbidden scheme are neutralised (their text is kept) and
// reported as warnings.
func (c *Converter) ConvertUnder(src []byte, start diag.Pos, top int) (Result, diag.List) {
	return c.ConvertPage(src, start, top, false)
}

// ConvertPage is ConvertUnder for a body that may open its page: with
// eagerImage, its first image is loaded at once instead of lazily, since
// it is likely above the fold (a news item without a cover).
func (c *Converter) ConvertPage(src []byte, start diag.Pos, top int, eagerImage bool) (Result, diag.List) {
	if d := Bounds(src, start); d != nil {
		return Result{}, d
	}
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(c.newParseContext()))
	var res Result
	var diags diag.List
	res.Links, diags = c.walkLinks(doc, src, start, &eagerImage)
	shiftHeadings(doc, top)
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		diags.Errorf(start, diag.Syntax, "cannot render Markdown: %v", err)
	}
	res.HTML = buf.Bytes()
	return res, diags
}

// Links returns the links and images of src, whose first line is at start
// in its file, with the warnings Convert gives, without rendering it:
// what checks need.
func (c *Converter) Links(src []byte, start diag.Pos) ([]Link, diag.List) {
	if d := Bounds(src, start); d != nil {
		return nil, d
	}
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(c.newParseContext()))
	return c.walkLinks(doc, src, start, nil)
}

// walkLinks collects the links of a parsed document and reports those
// with a forbidden scheme. With eager non-nil, image nodes also get their
// processed versions (attachImage).
func (c *Converter) walkLinks(doc ast.Node, src []byte, start diag.Pos, eager *bool) ([]Link, diag.List) {
	var links []Link
	var diags diag.List
	at := &positioner{src: src, start: start}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var dest []byte
		image := false
		switch n := n.(type) {
		case *ast.Link:
			dest = n.Destination
		case *ast.Image:
			dest, image = n.Destination, true
		case *ast.AutoLink:
			dest = n.URL(src)
			if n.AutoLinkType == ast.AutoLinkEmail {
				return ast.WalkContinue, nil
			}
		default:
			return ast.WalkContinue, nil
		}
		pos := at.pos(nodeOffset(n, src))
		if !allowedURL(dest, image) {
			diags.Warnf(pos, diag.URL, "link to %q: only http, https, mailto, tel and site links are allowed", truncate(dest, 40)).
				WithHint("the link was removed from the page; write an absolute https:// address or a site path such as /cpts/<slug>/")
			return ast.WalkContinue, nil
		}
		l := Link{Dest: string(dest), Pos: pos, Image: image}
		if image {
			l.Alt = strings.TrimSpace(plainText(n, src))
			if eager != nil {
				c.attachImage(n.(*ast.Image), start.File, eager)
			}
		}
		links = append(links, l)
		return ast.WalkContinue, nil
	})
	return links, diags
}

// Attributes of image nodes, read by the renderer.
const (
	attrImage = "cpts-image" // the processed Image
	attrEager = "cpts-eager" // load at once: the page's first image
)

// attachImage gives an image node its processed versions, if any, and
// marks the first image of a page that opens with it.
func (c *Converter) attachImage(n *ast.Image, file string, eager *bool) {
	if c.opts.Images != nil {
		if img, ok := c.opts.Images.Image(file, string(n.Destination)); ok {
			n.SetAttributeString(attrImage, img)
		}
	}
	if *eager {
		n.SetAttributeString(attrEager, true)
		*eager = false
	}
}

func truncate(b []byte, n int) string {
	r := []rune(string(b))
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}

// nodeOffset finds the byte offset of an inline node: its first text
// segment, less one for the opening bracket of a link.
func nodeOffset(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			off := t.Segment.Start
			if off > 0 && (src[off-1] == '[') {
				off--
				if _, img := n.(*ast.Image); img && off > 0 && src[off-1] == '!' {
					off--
				}
			}
			return off
		}
	}
	// An image without text (![](photo.jpg)) starts where the text before
	// it stops.
	if t, ok := n.PreviousSibling().(*ast.Text); ok {
		off := t.Segment.Stop
		for off < len(src) && off < t.Segment.Stop+8 && src[off] != '!' {
			off++
		}
		if off < len(src) && src[off] == '!' {
			return off
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// positioner turns byte offsets of src into file positions. Links come
// in the order of the text, so it goes on from the last offset it was
// asked, and a body with many links on one long line costs time linear
// in its length (counting from the start for each link was quadratic).
type positioner struct {
	src   []byte
	start diag.Pos
	off   int // the last offset asked
	line  int // its line, counted from 0
	ls    int // the offset where that line starts
	col   int // its column in runes, counted from 0
}

func (p *positioner) pos(off int) diag.Pos {
	off = min(max(off, 0), len(p.src))
	if off < p.off {
		p.off, p.line, p.ls, p.col = 0, 0, 0, 0
	}
	seg := p.src[p.off:off]
	if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
		p.line += n
		p.ls = p.off + bytes.LastIndexByte(seg, '\n') + 1
		p.col = utf8.RuneCount(p.src[p.ls:off])
	} else {
		p.col += utf8.RuneCount(seg)
	}
	p.off = off
	pos := diag.Pos{File: p.start.File, Line: p.start.Line + p.line, Col: p.col + 1}
	if p.line == 0 {
		pos.Col += p.start.Col - 1
	}
	return pos
}

// shiftHeadings moves every heading so the highest one is at level top,
// keeping their relative levels (capped at 6).
func shiftHeadings(doc ast.Node, top int) {
	highest := 7
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && h.Level < highest {
			highest = h.Level
		}
		return ast.WalkContinue, nil
	})
	if highest == 7 {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level-highest+top, 6)
		}
		return ast.WalkContinue, nil
	})
}
