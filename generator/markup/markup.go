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
}

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	opts Options
	md   goldmark.Markdown
}

// New returns a Converter.
func New(opts Options) *Converter {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(
			util.Prioritized(&safeRenderer{rawHTML: opts.RawHTML, basePath: opts.BasePath}, 100),
		)),
	)
	return &Converter{opts: opts, md: md}
}

// Link is a link or image destination written in Markdown.
type Link struct {
	Dest  string
	Pos   diag.Pos
	Image bool
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
	doc := c.md.Parser().Parse(text.NewReader(src))
	var res Result
	var diags diag.List
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
		pos := offsetPos(src, nodeOffset(n, src), start)
		if !allowedURL(dest, image) {
			diags.Warnf(pos, diag.URL, "link to %q: only http, https, mailto, tel and site links are allowed", truncate(dest, 40)).
				WithHint("the link was removed from the page; write an absolute https:// address or a site path such as /cpts/<slug>/")
			return ast.WalkContinue, nil
		}
		res.Links = append(res.Links, Link{Dest: string(dest), Pos: pos, Image: image})
		return ast.WalkContinue, nil
	})
	shiftHeadings(doc, top)
	var buf bytes.Buffer
	if err := c.md.Renderer().Render(&buf, src, doc); err != nil {
		diags.Errorf(start, diag.Syntax, "cannot render Markdown: %v", err)
	}
	res.HTML = buf.Bytes()
	return res, diags
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
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// offsetPos turns a byte offset of src into a file position.
func offsetPos(src []byte, off int, start diag.Pos) diag.Pos {
	if off > len(src) {
		off = len(src)
	}
	line := start.Line + bytes.Count(src[:off], []byte{'\n'})
	ls := bytes.LastIndexByte(src[:off], '\n') + 1
	col := len([]rune(string(src[ls:off]))) + 1
	if line == start.Line {
		col += start.Col - 1
	}
	return diag.Pos{File: start.File, Line: line, Col: col}
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
