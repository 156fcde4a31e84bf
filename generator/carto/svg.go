package carto

import (
	"bytes"
	"html"
	"math"
	"strconv"

	"github.com/paulmach/orb"

	"github.com/cpts-fr/cpts/generator/boundary"
)

// frame maps projected metres to the integer units of an SVG viewBox
// (y pointing down).
type frame struct {
	minX, maxY float64 // projected corner shown at the viewBox's 0, 0
	unit       float64 // metres per SVG unit
	dx, dy     int     // offset of the frame in the SVG (insets)
	w, h       int     // size in SVG units
}

// newFrame fits a projected box into about size units on its longer side,
// with a margin around it.
func newFrame(b orb.Bound, size int, margin float64) frame {
	w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
	side := math.Max(w, h) * (1 + 2*margin)
	if side <= 0 {
		side = 1000
	}
	unit := side / float64(size)
	f := frame{unit: unit}
	f.w = int(math.Ceil(w*(1+2*margin)/unit)) + 1
	f.h = int(math.Ceil(h*(1+2*margin)/unit)) + 1
	f.minX = b.Min[0] - (float64(f.w)*unit-w)/2
	f.maxY = b.Max[1] + (float64(f.h)*unit-h)/2
	return f
}

func (f frame) pt(p orb.Point) (int, int) {
	return f.dx + int(math.Round((p[0]-f.minX)/f.unit)), f.dy + int(math.Round((f.maxY-p[1])/f.unit))
}

// pathData writes the rings of a shape as compact SVG path data: an
// absolute move, then relative lines with implicit repetition
// ("M12 30l4-2 3 5z"). Points that round onto the previous one are
// skipped; rings left with fewer than three points (too small to see) are
// dropped. Rounding the absolute positions before taking differences
// keeps shared borders identical. The rings are read from the arcs of l
// and rounded into scratch, which is returned for reuse.
func (f frame) pathData(b *bytes.Buffer, l *level, s boundary.Shape, scratch []xy) []xy {
	for _, poly := range s {
		for _, refs := range poly {
			size := 0
			for _, ref := range refs {
				size += len(l.arc(index(ref)))
			}
			if cap(scratch) < size {
				scratch = make([]xy, 0, size)
			}
			pts := scratch[:0]
			n := 0 // points of the ring so far, before rounding
			for _, ref := range refs {
				a := l.arc(index(ref))
				from := 0
				if n > 0 {
					from = 1 // the first point of an arc is the last of the one before
				}
				if ref >= 0 {
					for _, p := range a[from:] {
						pts = f.add(pts, p)
					}
				} else {
					for i := len(a) - 1 - from; i >= 0; i-- {
						pts = f.add(pts, a[i])
					}
				}
				n += max(len(a)-from, 0)
			}
			scratch = pts
			if k := len(pts); k > 1 && pts[0] == pts[k-1] {
				pts = pts[:k-1] // z closes the ring
			}
			if len(pts) < 3 {
				continue
			}
			b.Grow(8 * len(pts)) // most steps are of a few units: "-3 12"
			d := append(b.AvailableBuffer(), 'M')
			d = appendNum(d, pts[0].x, false)
			d = appendNum(d, pts[0].y, true)
			d = append(d, 'l')
			for i := 1; i < len(pts); i++ {
				d = appendNum(d, pts[i].x-pts[i-1].x, i > 1)
				d = appendNum(d, pts[i].y-pts[i-1].y, true)
			}
			b.Write(append(d, 'z'))
		}
	}
	return scratch
}

// xy is a point in SVG units.
type xy struct{ x, y int }

// add appends p in SVG units to pts, unless it rounds onto the last one.
func (f frame) add(pts []xy, p orb.Point) []xy {
	x, y := f.pt(p)
	if n := len(pts); n > 0 && pts[n-1].x == x && pts[n-1].y == y {
		return pts
	}
	return append(pts, xy{x, y})
}

// linesData writes open lines (a mesh of borders) as path data.
func (f frame) linesData(b *bytes.Buffer, lines [][]orb.Point) {
	for _, l := range lines {
		b.Grow(8 * len(l))
		d := b.AvailableBuffer()
		px, py := 0, 0
		n := 0
		for _, p := range l {
			x, y := f.pt(p)
			if n > 0 && x == px && y == py {
				continue
			}
			if n == 0 {
				d = append(d, 'M')
				d = appendNum(d, x, false)
				d = appendNum(d, y, true)
			} else {
				if n == 1 {
					d = append(d, 'l')
				}
				d = appendNum(d, x-px, n > 1)
				d = appendNum(d, y-py, true)
			}
			px, py = x, y
			n++
		}
		if n == 1 {
			d = append(d, "l0 0"...)
		}
		b.Write(d)
	}
}

// writeNum writes an integer, preceded by a space when sep is set and the
// number is not negative (a minus sign separates numbers by itself).
func writeNum(b *bytes.Buffer, v int, sep bool) { b.Write(appendNum(b.AvailableBuffer(), v, sep)) }

// appendNum appends an integer as writeNum writes it.
func appendNum(d []byte, v int, sep bool) []byte {
	if sep && v >= 0 {
		d = append(d, ' ')
	}
	return strconv.AppendInt(d, int64(v), 10)
}

// esc escapes text for SVG content and attribute values.
func esc(s string) string { return html.EscapeString(s) }
