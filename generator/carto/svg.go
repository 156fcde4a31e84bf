package carto

import (
	"bytes"
	"html"
	"math"
	"strconv"

	"github.com/paulmach/orb"
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

// pathData writes rings as compact SVG path data: an absolute move, then
// relative lines with implicit repetition ("M12 30l4-2 3 5z"). Points that
// round onto the previous one are skipped; rings left with fewer than
// three points (too small to see) are dropped. Rounding the absolute
// positions before taking differences keeps shared borders identical.
func (f frame) pathData(b *bytes.Buffer, rings []orb.Ring) {
	var xs, ys []int
	for _, r := range rings {
		xs, ys = xs[:0], ys[:0]
		for _, p := range r {
			x, y := f.pt(p)
			if n := len(xs); n > 0 && xs[n-1] == x && ys[n-1] == y {
				continue
			}
			xs, ys = append(xs, x), append(ys, y)
		}
		if n := len(xs); n > 1 && xs[0] == xs[n-1] && ys[0] == ys[n-1] {
			xs, ys = xs[:n-1], ys[:n-1] // z closes the ring
		}
		if len(xs) < 3 {
			continue
		}
		b.WriteByte('M')
		writeNum(b, xs[0], false)
		writeNum(b, ys[0], true)
		b.WriteByte('l')
		for i := 1; i < len(xs); i++ {
			writeNum(b, xs[i]-xs[i-1], i > 1)
			writeNum(b, ys[i]-ys[i-1], true)
		}
		b.WriteByte('z')
	}
}

// linesData writes open lines (a mesh of borders) as path data.
func (f frame) linesData(b *bytes.Buffer, lines [][]orb.Point) {
	for _, l := range lines {
		px, py := 0, 0
		n := 0
		for _, p := range l {
			x, y := f.pt(p)
			if n > 0 && x == px && y == py {
				continue
			}
			if n == 0 {
				b.WriteByte('M')
				writeNum(b, x, false)
				writeNum(b, y, true)
			} else {
				if n == 1 {
					b.WriteByte('l')
				}
				writeNum(b, x-px, n > 1)
				writeNum(b, y-py, true)
			}
			px, py = x, y
			n++
		}
		if n == 1 {
			b.WriteString("l0 0")
		}
	}
}

// writeNum writes an integer, preceded by a space when sep is set and the
// number is not negative (a minus sign separates numbers by itself).
func writeNum(b *bytes.Buffer, v int, sep bool) {
	if sep && v >= 0 {
		b.WriteByte(' ')
	}
	b.WriteString(strconv.Itoa(v))
}

// esc escapes text for SVG content and attribute values.
func esc(s string) string { return html.EscapeString(s) }
