package carto

import (
	"bytes"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// canvas accumulates the SVG of one map.
type canvas struct {
	b      bytes.Buffer
	id     string          // prefix of the ids of this map, unique in its page
	filled map[string]bool // classes filled with a pattern of defs
}

// open starts the SVG element with its accessible name and description.
func (c *canvas) open(w, h int, class, title, desc string) {
	fmt.Fprintf(&c.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" class="map %s" aria-labelledby="%s-t %s-d">`, w, h, class, c.id, c.id)
	fmt.Fprintf(&c.b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.id, esc(title), c.id, esc(desc))
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
		fmt.Fprintf(&c.b, `<a href="%s" aria-label="%s">`, esc(url), esc(name))
	}
	c.path(f, l.rings(s), style, name)
	if url != "" {
		c.b.WriteString("</a>")
	}
}

// path writes one path element of rings.
func (c *canvas) path(f frame, rings []orb.Ring, style, name string) {
	if c.filled[style] {
		fmt.Fprintf(&c.b, `<path class="%s" fill="url(#%s-%s)" d="`, style, c.id, style)
	} else {
		fmt.Fprintf(&c.b, `<path class="%s" d="`, style)
	}
	f.pathData(&c.b, rings)
	if name == "" {
		c.b.WriteString(`"/>`)
		return
	}
	fmt.Fprintf(&c.b, `"><title>%s</title></path>`, esc(name))
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

// label writes a place name with its dot, on the right of the dot, or on
// its left in the right third of the map so that it stays inside.
func (c *canvas) label(f frame, z *Zone, l Label) {
	x, y := f.pt(z.proj(orb.Point{l.Lon, l.Lat}))
	side := max(f.w, f.h)
	gap, anchor := side/120+2, ""
	if x > f.dx+f.w*2/3 {
		gap, anchor = -gap, ` text-anchor="end"`
	}
	fmt.Fprintf(&c.b, `<circle class="map-dot" cx="%d" cy="%d" r="%d"/><text class="map-label" x="%d" y="%d" font-size="%d"%s>%s</text>`,
		x, y, side/200+1, x+gap, y+side/150, side/50, anchor, esc(l.Name))
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
// the map whose id prefix is given, for a legend.
func Swatch(mapID, style string) []byte {
	if _, ok := patterns[style]; !ok {
		return []byte(fmt.Sprintf(`<svg class="map-swatch" viewBox="0 0 16 16" aria-hidden="true"><rect class="%s" width="16" height="16"/></svg>`, style))
	}
	return []byte(fmt.Sprintf(`<svg class="map-swatch" viewBox="0 0 16 16" aria-hidden="true"><rect class="%s" width="16" height="16" fill="url(#%s-%s)"/></svg>`, style, mapID, style))
}
