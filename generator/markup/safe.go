package markup

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/cpts-fr/cpts/generator/safeurl"
)

// safeRenderer overrides goldmark's renderers for the nodes that can carry
// markup or scripts: raw HTML, links, images and headings.
type safeRenderer struct {
	rawHTML  bool
	basePath string
	siteLink func(dest string) (string, bool) // Options.SiteLink
	sizes    string                           // sizes attribute of images with several versions
}

// href prefixes a site path with the base path.
func (r *safeRenderer) href(dest []byte) []byte {
	if r.siteLink != nil && len(dest) > 0 && dest[0] == '/' && !bytes.HasPrefix(dest, []byte("//")) {
		if u, ok := r.siteLink(string(dest)); ok {
			return []byte(u)
		}
	}
	if r.basePath == "" || r.basePath == "/" || len(dest) == 0 || dest[0] != '/' || bytes.HasPrefix(dest, []byte("//")) {
		return dest
	}
	return append([]byte(strings.TrimSuffix(r.basePath, "/")), dest...)
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindHeading, r.renderHeading)
}

// allowedURL reports whether a destination may become a link (http,
// https, mailto, tel, or no scheme: site paths, fragments, relative
// paths) or, for an image, a source (http, https, or no scheme), read as
// a browser reads it (package safeurl).
func allowedURL(dest []byte, image bool) bool {
	use := safeurl.Link
	if image {
		use = safeurl.Image
	}
	return safeurl.Check(string(dest), use) == nil
}

func (r *safeRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		if r.rawHTML {
			_, _ = w.Write(seg.Value(source))
		} else {
			_, _ = w.Write(util.EscapeHTML(seg.Value(source)))
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *safeRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.HTMLBlock)
	var lines [][]byte
	if entering {
		for i := 0; i < n.Lines().Len(); i++ {
			seg := n.Lines().At(i)
			lines = append(lines, seg.Value(source))
		}
	} else if n.HasClosure() {
		lines = append(lines, n.ClosureLine.Value(source))
	}
	if len(lines) == 0 {
		return ast.WalkContinue, nil
	}
	if r.rawHTML {
		for _, l := range lines {
			_, _ = w.Write(l)
		}
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<p>")
	_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(bytes.Join(lines, nil), "\n")))
	_, _ = w.WriteString("</p>\n")
	return ast.WalkContinue, nil
}

func writeHref(w util.BufWriter, dest []byte) {
	_, _ = w.WriteString(`<a href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(dest, true)))
	_ = w.WriteByte('"')
}

func (r *safeRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if !allowedURL(n.Destination, false) {
		return ast.WalkContinue, nil // children (the text) are rendered without a link
	}
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	writeHref(w, r.href(n.Destination))
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *safeRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.AutoLink)
	if !entering {
		return ast.WalkContinue, nil
	}
	url, label := n.URL(source), n.Label(source)
	if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	if !allowedURL(url, false) {
		_, _ = w.Write(util.EscapeHTML(label))
		return ast.WalkContinue, nil
	}
	writeHref(w, url)
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func (r *safeRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	alt := plainText(n, source)
	if !allowedURL(n.Destination, true) {
		_, _ = w.Write(util.EscapeHTML([]byte(alt)))
		return ast.WalkSkipChildren, nil
	}
	if v, ok := n.AttributeString(attrImage); ok {
		_, eager := n.AttributeString(attrEager)
		r.writeImage(w, v.(Image), alt, n.Title, eager)
		return ast.WalkSkipChildren, nil
	}
	if strings.TrimSpace(alt) == "-" {
		alt = ""
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(r.href(n.Destination), true)))
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(alt)))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(n.Title))
		_ = w.WriteByte('"')
	}
	_, _ = w.WriteString(` loading="lazy">`)
	return ast.WalkSkipChildren, nil
}

// writeImage writes a processed image: every version in srcset, its
// size so the page does not shift while it loads, lazy loading unless it
// opens the page. The alternative text "-" marks a decorative image.
func (r *safeRenderer) writeImage(w util.BufWriter, img Image, alt string, title []byte, eager bool) {
	if strings.TrimSpace(alt) == "-" {
		alt = ""
	}
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape(r.href([]byte(img.Src)), true)))
	_ = w.WriteByte('"')
	if len(img.Srcset) > 0 {
		_, _ = w.WriteString(` srcset="`)
		for i, c := range img.Srcset {
			if i > 0 {
				_, _ = w.WriteString(", ")
			}
			_, _ = w.Write(util.EscapeHTML(util.URLEscape(r.href([]byte(c.Path)), true)))
			_ = w.WriteByte(' ')
			_, _ = w.Write(util.EscapeHTML([]byte(c.Descriptor)))
		}
		_, _ = w.WriteString(`" sizes="`)
		_, _ = w.Write(util.EscapeHTML([]byte(r.sizes)))
		_ = w.WriteByte('"')
	}
	if img.Width > 0 && img.Height > 0 {
		_, _ = fmt.Fprintf(w, ` width="%d" height="%d"`, img.Width, img.Height)
	}
	_, _ = w.WriteString(` alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(alt)))
	_ = w.WriteByte('"')
	if title != nil {
		_, _ = w.WriteString(` title="`)
		_, _ = w.Write(util.EscapeHTML(title))
		_ = w.WriteByte('"')
	}
	if eager {
		_, _ = w.WriteString(` fetchpriority="high">`)
	} else {
		_, _ = w.WriteString(` loading="lazy" decoding="async">`)
	}
}

// renderHeading writes a heading at the level ConvertUnder gave it, with
// its id.
func (r *safeRenderer) renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	level := n.Level
	if !entering {
		_, _ = fmt.Fprintf(w, "</h%d>\n", level)
		return ast.WalkContinue, nil
	}
	_, _ = fmt.Fprintf(w, "<h%d", level)
	if id, ok := n.AttributeString("id"); ok {
		if b, ok := id.([]byte); ok {
			_, _ = w.WriteString(` id="`)
			_, _ = w.Write(util.EscapeHTML(b))
			_ = w.WriteByte('"')
		}
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

// plainText is the text of a node's descendants, for alt attributes.
func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(source))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
