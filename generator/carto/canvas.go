package carto

import (
	"bytes"
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// canvas accumulates the SVG of one map.
type canvas struct {
	b       bytes.Buffer
	id      string          // prefix of the ids of this map, unique in its page
	filled  map[string]bool // classes filled with a pattern of defs
	top     bool            // links open in the top window: the map is a document in a frame
	scratch []xy            // a ring in SVG units, reused by pathData
}

// open starts the SVG element with its accessible name and description.
func (c *canvas) open(w, h int, class, title, desc string) {
	c.svg(0, 0, w, h, class, title, desc)
}

// openDocument starts a map that is a file of its own, shown in a page by
// an iframe (see Drawing): an XML document styled by the site's
// stylesheets, whose links open in the page rather than in the frame. The view box grows around the w×h drawing to the nearest of the
// aspect ratios of ratioClass, which the frame is given.
func (c *canvas) openDocument(w, h int, class, title, desc string, stylesheets []string) string {
	c.top = true
	c.b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	for _, s := range stylesheets {
		fmt.Fprintf(&c.b, "<?xml-stylesheet type=\"text/css\" href=\"%s\"?>\n", esc(s))
	}
	k, vw, vh := fitRatio(w, h)
	c.svg(-(vw-w)/2, -(vh-h)/2, vw, vh, class, title, desc)
	return ratioClass(k)
}

// svg writes the svg start tag of view box x y w h, then the title and
// the description.
func (c *canvas) svg(x, y, w, h int, class, title, desc string) {
	c.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="`)
	for i, v := range [4]int{x, y, w, h} {
		if i > 0 {
			c.b.WriteByte(' ')
		}
		c.b.Write(strconv.AppendInt(c.b.AvailableBuffer(), int64(v), 10))
	}
	for _, s := range []string{`" class="map `, class, `" aria-labelledby="`, c.id, `-t `, c.id, `-d"><title id="`,
		c.id, `-t">`, esc(title), `</title><desc id="`, c.id, `-d">`, esc(desc), `</desc>`} {
		c.b.WriteString(s)
	}
}

// Ratios is the number of aspect ratios a map document's frame can have:
// class map-r<k> (k from 0 to Ratios-1) is the ratio width/height
// 2^((k-4)/4), from 1:2 (tall) to 2:1 (wide), about 19 % apart. The theme
// gives each class its aspect-ratio, so that a frame has the shape of its
// map before the map loads (an iframe has no intrinsic size).
const Ratios = 9

// Ratio returns the width/height ratio of class map-r<k>.
func Ratio(k int) float64 { return math.Pow(2, float64(k-(Ratios-1)/2)/4) }

func ratioClass(k int) string { return "map-r" + strconv.Itoa(k) }

// fitRatio returns the ratio class nearest to w×h and the size, grown in
// one direction, that has its ratio.
func fitRatio(w, h int) (k, vw, vh int) {
	if w <= 0 || h <= 0 {
		return (Ratios - 1) / 2, max(w, 1), max(h, 1)
	}
	r := float64(w) / float64(h)
	k = int(math.Round(4*math.Log2(r))) + (Ratios-1)/2
	k = min(max(k, 0), Ratios-1)
	t := Ratio(k)
	if t > r {
		return k, max(w, int(math.Round(float64(h)*t))), h
	}
	return k, w, max(h, int(math.Round(float64(w)/t)))
}

func (c *canvas) close() []byte {
	c.b.WriteString("</svg>")
	return c.b.Bytes()
}

// area draws a shape: a link named after it when url is set, a named
// shape when only name is, an anonymous one otherwise.
func (c *canvas) area(f frame, l *level, s boundary.Shape, style, name, url string) {
	if len(s) == 0 {
		return
	}
	if url != "" {
		c.b.WriteString(`<a href="`)
		c.b.WriteString(esc(url))
		if c.top {
			c.b.WriteString(`" target="_top`)
		}
		c.b.WriteString(`" aria-label="`)
		c.b.WriteString(esc(name))
		c.b.WriteString(`">`)
	}
	c.path(f, l, style, name, s)
	if url != "" {
		c.b.WriteString("</a>")
	}
}

// path writes one path element of the rings of shapes.
func (c *canvas) path(f frame, l *level, style, name string, shapes ...boundary.Shape) {
	c.b.WriteString(`<path class="`)
	c.b.WriteString(style)
	if c.filled[style] {
		c.b.WriteString(`" fill="url(#`)
		c.b.WriteString(c.id)
		c.b.WriteByte('-')
		c.b.WriteString(style)
		c.b.WriteByte(')')
	}
	c.b.WriteString(`" d="`)
	for _, s := range shapes {
		c.scratch = f.pathData(&c.b, l, s, c.scratch)
	}
	if name == "" {
		c.b.WriteString(`"/>`)
		return
	}
	c.b.WriteString(`"><title>`)
	c.b.WriteString(esc(name))
	c.b.WriteString(`</title></path>`)
}

// lines writes a path of open lines (borders).
func (c *canvas) lines(f frame, lines [][]orb.Point, style string) {
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(&c.b, `<path class="%s" d="`, style)
	f.linesData(&c.b, lines)
	c.b.WriteString(`"/>`)
}

// patterns are the fills that carry a pattern besides a colour, so that
// what they mean does not rest on colour alone. The colours are those of
// the Okabe-Ito palette; the pattern lines are dark on light colours and
// light on dark ones. Keys are CSS classes: a path of that class is filled
// with the pattern.
var patterns = map[string]string{
	// Communes without a CPTS: grey hatching on white.
	"map-blank": `<rect width="8" height="8" fill="#fff"/><path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="#8a8a8a" stroke-width="1"/>`,
	// The four stages of a CPTS, from the project to the signed contract.
	"map-st0": `<rect width="8" height="8" fill="#f0e442"/><path d="M0 4h8M4 0v8" stroke="#5c5200" stroke-width="1"/>`,
	"map-st1": `<rect width="8" height="8" fill="#e69f00"/><circle cx="4" cy="4" r="1.6" fill="#3d2a00"/>`,
	"map-st2": `<rect width="8" height="8" fill="#56b4e9"/><path d="M-2 2l4-4M0 8l8-8M6 10l4-4" stroke="#003a5c" stroke-width="1.2"/>`,
	"map-st3": `<rect width="8" height="8" fill="#0072b2"/>`,
	// A CPTS whose stage the source does not give.
	"map-stx": `<rect width="8" height="8" fill="#cc79a7"/><path d="M2 0v8M6 0v8" stroke="#4a1f38" stroke-width="1"/>`,
}

// defs writes the patterns the map uses.
func (c *canvas) defs(styles ...string) {
	c.b.WriteString("<defs>")
	for _, s := range styles {
		fmt.Fprintf(&c.b, `<pattern id="%s-%s" width="8" height="8" patternUnits="userSpaceOnUse">%s</pattern>`, c.id, s, patterns[s])
	}
	c.b.WriteString("</defs>")
	if c.filled == nil {
		c.filled = map[string]bool{}
	}
	for _, s := range styles {
		c.filled[s] = true
	}
}

// Swatch returns a small SVG square filled like the shapes of a class on
// a map, for a legend beside it. A patterned class carries its pattern,
// with an id made of prefix and the class: unique in the page as long as
// the legend shows each class once.
func Swatch(prefix, style string) []byte {
	p, ok := patterns[style]
	if !ok {
		return []byte(fmt.Sprintf(`<svg class="map-swatch" viewBox="0 0 16 16" aria-hidden="true"><rect class="%s" width="16" height="16"/></svg>`, style))
	}
	return []byte(fmt.Sprintf(`<svg class="map-swatch" viewBox="0 0 16 16" aria-hidden="true"><defs><pattern id="%s-%s" width="8" height="8" patternUnits="userSpaceOnUse">%s</pattern></defs><rect class="%s" width="16" height="16" fill="url(#%s-%s)"/></svg>`, prefix, style, p, style, prefix, style))
}
