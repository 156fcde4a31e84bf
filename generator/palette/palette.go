// Package palette checks a site's colours ([colors] in config) for
// contrast (WCAG 2.1 AA: 4.5:1 for text, 3:1 for borders and the focus
// outline) and writes them as CSS custom properties, the stylesheet that
// overrides the theme's defaults. A strict Content-Security-Policy forbids
// inline styles, so the colours go in a file of their own.
package palette

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Color is an sRGB colour.
type Color struct{ R, G, B uint8 }

// Parse reads "#rgb" or "#rrggbb".
func Parse(s string) (Color, error) {
	h, ok := strings.CutPrefix(strings.TrimSpace(s), "#")
	if !ok || len(h) != 3 && len(h) != 6 {
		return Color{}, fmt.Errorf("%q is not a colour", s)
	}
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return Color{}, fmt.Errorf("%q is not a colour", s)
	}
	return Color{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// String writes the colour as #rrggbb.
func (c Color) String() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// luminance is the relative luminance of WCAG 2.1.
func (c Color) luminance() float64 {
	lin := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// Contrast is the contrast ratio of two colours, from 1 to 21.
func Contrast(a, b Color) float64 {
	la, lb := a.luminance(), b.luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

var customProperty = regexp.MustCompile(`--([a-z][a-z0-9-]*)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;`)

// Defaults reads the colours a theme's stylesheet declares as custom
// properties ("--accent: #00518f;"), by name without the dashes.
func Defaults(css []byte) map[string]string {
	out := map[string]string{}
	for _, m := range customProperty.FindAllSubmatch(css, -1) {
		name := string(m[1])
		if _, seen := out[name]; !seen {
			out[name] = string(m[2])
		}
	}
	return out
}
