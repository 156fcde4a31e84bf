package images

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/svg"
)

// isSVG reports whether data looks like an SVG document: XML text whose
// first element is svg.
func isSVG(data []byte) bool {
	head := data[:min(len(data), 4096)]
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	return bytes.HasPrefix(trimmed, []byte("<")) && bytes.Contains(head, []byte("<svg"))
}

// svgElements are the SVG elements kept: shapes, text, paint servers,
// clipping, masks and filters. Everything else is dropped with its
// content: script, foreignObject, animations (which can rewrite an href),
// metadata (the author's name), editor data (sodipodi, inkscape) and
// unknown elements.
var svgElements = map[string]bool{
	"svg": true, "g": true, "defs": true, "symbol": true, "use": true, "title": true, "desc": true,
	"path": true, "rect": true, "circle": true, "ellipse": true, "line": true, "polyline": true, "polygon": true,
	"text": true, "tspan": true, "textPath": true, "image": true, "switch": true, "style": true, "marker": true,
	"linearGradient": true, "radialGradient": true, "stop": true, "pattern": true, "clipPath": true, "mask": true,
	"filter": true, "feBlend": true, "feColorMatrix": true, "feComponentTransfer": true, "feComposite": true,
	"feConvolveMatrix": true, "feDiffuseLighting": true, "feDisplacementMap": true, "feDistantLight": true,
	"feDropShadow": true, "feFlood": true, "feFuncA": true, "feFuncB": true, "feFuncG": true, "feFuncR": true,
	"feGaussianBlur": true, "feMerge": true, "feMergeNode": true, "feMorphology": true, "feOffset": true,
	"fePointLight": true, "feSpecularLighting": true, "feSpotLight": true, "feTile": true, "feTurbulence": true,
}

// cssURL finds url(...) references in style sheets and attributes.
var cssURL = regexp.MustCompile(`(?i)url\(\s*['"]?\s*([^'")\s]*)`)

// entityDecl finds the entities of a DOCTYPE's internal subset, which
// old Illustrator exports use for namespaces (&ns_svg;).
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([A-Za-z_][\w.-]*)\s+"([^"<&%]*)"\s*>`)

// safeCSS reports whether a style sheet or style attribute refers to
// nothing outside the document: no @import, no url() but #fragments,
// no legacy script hooks.
func safeCSS(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, "@import") || strings.Contains(l, "expression(") || strings.Contains(l, "javascript:") || strings.Contains(l, "-moz-binding") || strings.Contains(l, "behavior") {
		return false
	}
	for _, m := range cssURL.FindAllStringSubmatch(s, -1) {
		if !strings.HasPrefix(m[1], "#") {
			return false
		}
	}
	return true
}

// safeHref reports whether an element may keep a link: a fragment of the
// document, or for an image an embedded raster (data:image/png etc.).
func safeHref(elem, v string) bool {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "#") {
		return true
	}
	if elem == "image" || elem == "feImage" {
		l := strings.ToLower(v)
		for _, t := range []string{"data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;"} {
			if strings.HasPrefix(l, t) {
				return true
			}
		}
	}
	return false
}

// sanitizeSVG keeps only the safe part of an SVG document (see
// svgElements; attributes lose event handlers, links to other documents
// and unsafe CSS) and returns it with the document's intrinsic size.
func sanitizeSVG(data []byte) (out []byte, w, h float64, err error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.Entity = map[string]string{}
	var buf bytes.Buffer
	enc := xml.NewEncoder(&buf)
	depth, skip := 0, 0 // skip > 0: inside a dropped element, at that depth
	var stack []string  // kept elements, as written ("" for an unwrapped link)
	var open []xml.Name // every open element, to check the nesting
	rootSeen := false
	for {
		tok, terr := d.RawToken()
		if terr == io.EOF {
			break
		}
		if terr != nil {
			return nil, 0, 0, fmt.Errorf("not a valid SVG file: %v", terr)
		}
		switch t := tok.(type) {
		case xml.Directive:
			for _, m := range entityDecl.FindAllSubmatch(t, -1) {
				d.Entity[string(m[1])] = string(m[2])
			}
		case xml.StartElement:
			depth++
			open = append(open, t.Name)
			name := t.Name.Local
			if skip > 0 {
				continue
			}
			if !rootSeen {
				if name != "svg" {
					return nil, 0, 0, errors.New("not an SVG file: the first element is not <svg>")
				}
				rootSeen = true
				w, h = svgSize(t.Attr)
			}
			if t.Name.Space == "" && name == "a" { // a link: keep its content only
				stack = append(stack, "")
				continue
			}
			if (t.Name.Space != "" && t.Name.Space != "svg") || !svgElements[name] {
				skip = depth
				continue
			}
			var attrs []xml.Attr
			if len(stack) == 0 {
				attrs = append(attrs, xml.Attr{Name: xml.Name{Local: "xmlns"}, Value: "http://www.w3.org/2000/svg"})
				if bytes.Contains(data, []byte("xlink:")) {
					attrs = append(attrs, xml.Attr{Name: xml.Name{Local: "xmlns:xlink"}, Value: "http://www.w3.org/1999/xlink"})
				}
			}
			for _, a := range t.Attr {
				if keepAttr(name, a) {
					// Written as prefix:name: the encoder would otherwise
					// invent namespace declarations.
					n := a.Name.Local
					if a.Name.Space != "" {
						n = a.Name.Space + ":" + n
					}
					attrs = append(attrs, xml.Attr{Name: xml.Name{Local: n}, Value: a.Value})
				}
			}
			stack = append(stack, name)
			if err := enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs}); err != nil {
				return nil, 0, 0, err
			}
		case xml.EndElement:
			if len(open) == 0 || open[len(open)-1] != t.Name {
				return nil, 0, 0, fmt.Errorf("not a valid SVG file: line %d: unexpected </%s>", line(d), qname(t.Name))
			}
			open = open[:len(open)-1]
			depth--
			if skip > 0 {
				if depth < skip {
					skip = 0
				}
				continue
			}
			if len(stack) == 0 {
				continue
			}
			name := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if name == "" {
				continue
			}
			if err := enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: name}}); err != nil {
				return nil, 0, 0, err
			}
		case xml.CharData:
			if skip > 0 || len(stack) == 0 {
				continue
			}
			if i := len(stack) - 1; stack[i] == "style" && !safeCSS(string(t)) {
				continue
			}
			if err := enc.EncodeToken(t.Copy()); err != nil {
				return nil, 0, 0, err
			}
		}
		// Comments and processing instructions (xml-stylesheet) are dropped.
	}
	if !rootSeen {
		return nil, 0, 0, errors.New("not an SVG file: no <svg> element")
	}
	if len(open) > 0 {
		return nil, 0, 0, fmt.Errorf("not a valid SVG file: <%s> is never closed", qname(open[len(open)-1]))
	}
	if err := enc.Flush(); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), w, h, nil
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func line(d *xml.Decoder) int {
	l, _ := d.InputPos()
	return l
}

// keepAttr decides whether an attribute of a kept element stays: no
// event handler, no editor or foreign namespace, links only inside the
// document, CSS without external references.
func keepAttr(elem string, a xml.Attr) bool {
	local, space := a.Name.Local, a.Name.Space
	l := strings.ToLower(local)
	switch {
	case strings.HasPrefix(l, "on"):
		return false
	case space == "xmlns" || (space == "" && local == "xmlns"):
		return false // the root gets its own declarations
	case space == "xlink":
		return local == "href" && safeHref(elem, a.Value)
	case space == "xml":
		return local == "space" || local == "lang"
	case space != "":
		return false
	case l == "href":
		return safeHref(elem, a.Value)
	case l == "style":
		return safeCSS(a.Value)
	}
	v := strings.ToLower(a.Value)
	if strings.Contains(v, "javascript:") || strings.Contains(v, "data:text") {
		return false
	}
	if strings.Contains(v, "url(") {
		return safeCSS(a.Value)
	}
	return true
}

// svgSize reads an SVG's intrinsic size in CSS pixels from its width and
// height, or from its viewBox; 300×150 (the CSS default) when it has none.
func svgSize(attrs []xml.Attr) (w, h float64) {
	var vb []float64
	for _, a := range attrs {
		if a.Name.Space != "" {
			continue
		}
		switch a.Name.Local {
		case "width":
			w = cssLength(a.Value)
		case "height":
			h = cssLength(a.Value)
		case "viewBox":
			for _, f := range strings.FieldsFunc(a.Value, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
				x, err := strconv.ParseFloat(f, 64)
				if err != nil {
					vb = nil
					break
				}
				vb = append(vb, x)
			}
		}
	}
	hasVB := len(vb) == 4 && vb[2] > 0 && vb[3] > 0
	switch {
	case w > 0 && h > 0:
	case w > 0 && hasVB:
		h = w * vb[3] / vb[2]
	case h > 0 && hasVB:
		w = h * vb[2] / vb[3]
	case hasVB:
		w, h = vb[2], vb[3]
	default:
		w, h = 300, 150
	}
	return w, h
}

// cssLength converts an SVG length to CSS pixels; 0 for percentages and
// what it cannot read.
func cssLength(s string) float64 {
	s = strings.TrimSpace(s)
	units := []struct {
		suffix string
		px     float64
	}{{"px", 1}, {"pt", 4.0 / 3}, {"pc", 16}, {"mm", 96 / 25.4}, {"cm", 96 / 2.54}, {"in", 96}, {"em", 16}, {"ex", 8}}
	f := 1.0
	for _, u := range units {
		if strings.HasSuffix(s, u.suffix) {
			s, f = strings.TrimSuffix(s, u.suffix), u.px
			break
		}
	}
	x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || x <= 0 || math.IsInf(x, 0) {
		return 0
	}
	return x * f
}

// minifySVG minifies a sanitised SVG.
func minifySVG(data []byte) ([]byte, error) {
	m := minify.New()
	var buf bytes.Buffer
	if err := (&svg.Minifier{}).Minify(m, &buf, bytes.NewReader(data), nil); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// processSVG sanitises and minifies an SVG; its size is its intrinsic
// size, or, for a logo, that size fitted into the logo box.
func processSVG(data []byte, role Role, s settings) (*processed, error) {
	clean, w, h, err := sanitizeSVG(data)
	if err != nil {
		return nil, err
	}
	small, err := minifySVG(clean)
	if err != nil {
		return nil, fmt.Errorf("cannot minify the SVG: %v", err)
	}
	if role == Logo {
		scale := min(float64(s.logoW)/w, float64(s.logoH)/h)
		w, h = w*scale, h*scale
	}
	iw, ih := max(1, int(math.Round(w))), max(1, int(math.Round(h)))
	return &processed{Versions: []version{{Width: iw, Height: ih, Ext: ".svg", Data: small}}, Width: iw, Height: ih}, nil
}
