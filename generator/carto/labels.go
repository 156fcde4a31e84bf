package carto

import (
	"fmt"
	"unicode"

	"github.com/paulmach/orb"
)

// Labels are placed greedily, in the order given (the most important
// first: the caller sorts the communes of a territory by population, so
// its main town comes first). Each tries candidate positions around its
// dot, in the order cartographers prefer (right, left, above right, below
// right, above left, below left, above, below), then the same farther
// away with a leader line; the first whose box meets no box placed before
// (names and dots) and stays inside the map is taken. A label that fits
// nowhere is left out with its dot, except the first, which is always
// drawn (kept inside the map).

// box is an axis-aligned rectangle in SVG units.
type box struct{ x0, y0, x1, y1 int }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(w, h int) bool { return a.x0 >= 0 && a.y0 >= 0 && a.x1 <= w && a.y1 <= h }

// placed is a label with its position: the dot at X, Y, the text's
// anchor point at TX, TY (its baseline), its anchor ("start", "middle",
// "end"), and whether a leader line joins the dot to the text.
type placed struct {
	Label
	x, y, tx, ty int
	anchor       string
	leader       bool
	text, dot    box
}

// labelStyle holds the sizes of the labels of a map whose longer side is
// side units.
type labelStyle struct{ size, radius, gap, halo int }

func styleFor(side int) labelStyle {
	return labelStyle{size: side / 50, radius: side/200 + 1, gap: side/120 + 2, halo: 2}
}

// textWidth estimates the width of a name in the labels' font (a bold
// sans serif) at size units: narrow and wide letters apart, rounded up so
// that the estimate errs on the wide side.
func textWidth(name string, size int) int {
	w := 0.0
	for _, r := range name {
		switch {
		case r == ' ' || r == '\'' || r == '’' || r == '-' || r == '.' || r == ',':
			w += 0.34
		case r == 'i' || r == 'l' || r == 'j' || r == 'í' || r == 'î' || r == 'ï' || r == 'I':
			w += 0.3
		case r == 'f' || r == 't' || r == 'r':
			w += 0.42
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 0.9
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			w += 0.7
		default:
			w += 0.6
		}
	}
	return int(w*float64(size)) + 1
}

// candidate is one position tried for a label: the direction of the text
// from its dot (dx, dy in -1, 0, 1) and the distance, in gaps.
type candidate struct{ dx, dy, far int }

var candidates = func() []candidate {
	dirs := []candidate{{1, 0, 1}, {-1, 0, 1}, {1, -1, 1}, {1, 1, 1}, {-1, -1, 1}, {-1, 1, 1}, {0, -1, 1}, {0, 1, 1}}
	out := append([]candidate(nil), dirs...)
	for _, far := range []int{3, 5} {
		for _, d := range dirs {
			out = append(out, candidate{d.dx, d.dy, far})
		}
	}
	return out
}()

// at returns the label placed at candidate k around the dot x, y.
func (s labelStyle) at(l Label, x, y, width int, k candidate) placed {
	p := placed{Label: l, x: x, y: y, leader: k.far > 1}
	p.dot = box{x - s.radius, y - s.radius, x + s.radius, y + s.radius}
	off := s.gap * k.far
	// The text's box, from its ascent (0.8 em) to its descent (0.25 em),
	// grown by the halo drawn around the letters.
	asc, desc := s.size*4/5, s.size/4
	var left, base int
	switch k.dx {
	case 1:
		left, p.anchor = x+off, "start"
	case -1:
		left, p.anchor = x-off-width, "end"
	default:
		left, p.anchor = x-width/2, "middle"
	}
	switch k.dy {
	case 0:
		base = y + (asc-desc)/2
	case -1:
		base = y - off/2 - desc
		if k.dx == 0 {
			base = y - off - desc
		}
	default:
		base = y + off/2 + asc
		if k.dx == 0 {
			base = y + off + asc
		}
	}
	p.ty = base
	switch p.anchor {
	case "start":
		p.tx = left
	case "end":
		p.tx = left + width
	default:
		p.tx = left + width/2
	}
	p.text = box{left - s.halo, base - asc - s.halo, left + width + s.halo, base + desc + s.halo}
	return p
}

// placeLabels places the labels of a map of w×h units (see the comment at
// the top of this file).
func placeLabels(f frame, z *Zone, labels []Label) ([]placed, labelStyle) {
	s := styleFor(max(f.w, f.h))
	var out []placed
	var taken []box
	free := func(b box) bool {
		for _, t := range taken {
			if b.overlaps(t) {
				return false
			}
		}
		return true
	}
	for i, l := range labels {
		x, y := f.pt(z.proj(orb.Point{l.Lon, l.Lat}))
		width := textWidth(l.Name, s.size)
		var best *placed
		for _, k := range candidates {
			p := s.at(l, x, y, width, k)
			if p.text.inside(f.w, f.h) && free(p.text) && free(p.dot) && !p.text.overlaps(p.dot) {
				best = &p
				break
			}
		}
		if best == nil && i == 0 {
			p := s.at(l, x, y, width, candidates[0])
			if p.text.x1 > f.w {
				p = s.at(l, x, y, width, candidates[1])
			}
			best = &p
		}
		if best == nil {
			continue
		}
		taken = append(taken, best.text, best.dot)
		out = append(out, *best)
	}
	return out, s
}

// labels writes the placed labels: the dots and leader lines first, then
// the names above them all.
func (c *canvas) labels(f frame, z *Zone, ls []Label) {
	ps, s := placeLabels(f, z, ls)
	for _, p := range ps {
		fmt.Fprintf(&c.b, `<circle class="map-dot" cx="%d" cy="%d" r="%d"/>`, p.x, p.y, s.radius)
		if p.leader {
			// From the dot to the nearest point of the name's box.
			lx, ly := min(max(p.x, p.text.x0+s.halo), p.text.x1-s.halo), min(max(p.y, p.text.y0+s.halo), p.text.y1-s.halo)
			fmt.Fprintf(&c.b, `<path class="map-leader" d="M%d %dL%d %d"/>`, p.x, p.y, lx, ly)
		}
	}
	for _, p := range ps {
		anchor := ""
		if p.anchor != "start" {
			anchor = ` text-anchor="` + p.anchor + `"`
		}
		fmt.Fprintf(&c.b, `<text class="map-label" x="%d" y="%d" font-size="%d"%s>%s</text>`, p.tx, p.ty, s.size, anchor, esc(p.Name))
	}
}
