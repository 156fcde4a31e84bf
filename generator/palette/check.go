package palette

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// pair is a foreground and a background the theme shows together, and
// the contrast WCAG 2.1 AA asks of them: 4.5:1 for text (1.4.3), 3:1 for
// the parts of controls and the focus outline (1.4.11).
type pair struct {
	fg, bg string // config keys; "white" is the text of buttons
	min    float64
	what   string
}

var pairs = []pair{
	{"text", "bg", 4.5, "text"},
	{"text", "accent_bg", 4.5, "text of highlighted blocks"},
	{"text", "notice_bg", 4.5, "text of notices"},
	{"muted", "bg", 4.5, "secondary text"},
	{"muted", "accent_bg", 4.5, "secondary text of highlighted blocks"},
	{"accent", "bg", 4.5, "links"},
	{"accent", "accent_bg", 4.5, "links of highlighted blocks"},
	{"white", "accent", 4.5, "text of buttons"},
	{"border", "bg", 3, "borders of form fields"},
	{"focus", "bg", 3, "focus outline"},
	{"focus", "accent_bg", 3, "focus outline on highlighted blocks"},
}

// keys lists the colours of a [colors] table by config key, in the
// order of the struct.
func keys(c model.Colors) [][2]string {
	return [][2]string{
		{"text", c.Text}, {"muted", c.Muted}, {"bg", c.Bg}, {"accent", c.Accent},
		{"accent_bg", c.AccentBg}, {"border", c.Border}, {"notice_bg", c.NoticeBg}, {"focus", c.Focus},
	}
}

// Check checks the colours of cfg over the theme's defaults (as Defaults
// reads them) and returns the stylesheet that sets them, nil when cfg
// sets none. A colour that does not parse, and every pair of colours
// below its contrast, is an error at the config key that was set.
func Check(cfg model.Colors, defaults map[string]string) ([]byte, diag.List) {
	var diags diag.List
	values := map[string]Color{"white": {255, 255, 255}}
	for k, v := range defaults {
		if c, err := Parse(v); err == nil {
			values[strings.ReplaceAll(k, "-", "_")] = c
		}
	}
	set := map[string]bool{}
	var css bytes.Buffer
	for _, kv := range keys(cfg) {
		key, v := kv[0], kv[1]
		if v == "" {
			continue
		}
		c, err := Parse(v)
		if err != nil {
			diags.Errorf(cfg.At(key), diag.Value, "colors.%s: %v", key, err).
				WithHint("write a colour as \"#rrggbb\", for instance \"#00518f\"")
			continue
		}
		values[key], set[key] = c, true
		fmt.Fprintf(&css, "--%s:%s;", strings.ReplaceAll(key, "_", "-"), c)
	}
	for _, p := range pairs {
		fg, okF := values[p.fg]
		bg, okB := values[p.bg]
		if !okF || !okB || !set[p.fg] && !set[p.bg] {
			continue
		}
		ratio := Contrast(fg, bg)
		if ratio >= p.min {
			continue
		}
		at, other := p.fg, p.bg
		if !set[p.fg] {
			at, other = p.bg, p.fg
		}
		change := at + " or " + other
		if other == "white" || !set[other] && values[other] == (Color{}) {
			change = at
		}
		diags.Errorf(cfg.At(at), diag.Value, "colors.%s: the contrast of %s (%s on %s) is %.2f:1, below %.1f:1", at, p.what, fg, bg, ratio, p.min).
			WithHint("WCAG 2.1 AA (RGAA criteria 3.2, 3.3) asks for %.1f:1: change %s", p.min, change)
	}
	if css.Len() == 0 {
		return nil, diags
	}
	return []byte(":root{" + css.String() + "}\n"), diags
}
