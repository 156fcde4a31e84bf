package palette_test

import (
	"math"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/palette"
)

func TestContrast(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000", "#fff", 21},
		{"#ffffff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes on white
		{"#00518f", "#ffffff", 8.16},
	}
	for _, tt := range tests {
		a, err := palette.Parse(tt.a)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := palette.Parse(tt.b)
		if got := palette.Contrast(a, b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	for _, bad := range []string{"", "00518f", "#00518", "#gggggg", "blue"} {
		if _, err := palette.Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

const themeCSS = `:root {
  --text: #1e1e1e;
  --muted: #4a4a4a;
  --bg: #ffffff;
  --accent: #00518f;
  --accent-bg: #e8f0f8;
  --border: #767676;
  --notice-bg: #fff4e0;
  --focus: #b34700;
  --measure: 46rem;
}`

func TestCheck(t *testing.T) {
	at := func(key string) model.Fields {
		f := model.Fields{File: "sites/x.toml"}
		f.Mark(key, diag.Pos{Line: 9, Col: 10})
		return f
	}
	tests := []struct {
		name  string
		cfg   model.Colors
		css   string
		diags []string
	}{
		{"none", model.Colors{}, "", nil},
		{"dark accent", model.Colors{Accent: "#6a1b4d", Fields: at("accent")}, ":root{--accent:#6a1b4d;}\n", nil},
		{"short form", model.Colors{Bg: "#fff", Fields: at("bg")}, ":root{--bg:#ffffff;}\n", nil},
		{"pale accent", model.Colors{Accent: "#7fa8d0", Fields: at("accent")}, ":root{--accent:#7fa8d0;}\n", []string{
			"sites/x.toml:9:10: error: colors.accent: the contrast of links (#7fa8d0 on #ffffff) is 2.50:1, below 4.5:1 [value]\n\thint: WCAG 2.1 AA (RGAA criteria 3.2, 3.3) asks for 4.5:1: change accent or bg",
			"sites/x.toml:9:10: error: colors.accent: the contrast of links of highlighted blocks (#7fa8d0 on #e8f0f8) is 2.17:1, below 4.5:1 [value]\n\thint: WCAG 2.1 AA (RGAA criteria 3.2, 3.3) asks for 4.5:1: change accent or accent_bg",
			"sites/x.toml:9:10: error: colors.accent: the contrast of text of buttons (#ffffff on #7fa8d0) is 2.50:1, below 4.5:1 [value]\n\thint: WCAG 2.1 AA (RGAA criteria 3.2, 3.3) asks for 4.5:1: change accent",
		}},
		{"dark background", model.Colors{Bg: "#222222", Fields: at("bg")}, ":root{--bg:#222222;}\n", []string{
			"colors.bg: the contrast of text (#1e1e1e on #222222)",
			"colors.bg: the contrast of secondary text (#4a4a4a on #222222)",
			"colors.bg: the contrast of links (#00518f on #222222)",
			"colors.bg: the contrast of focus outline (#b34700 on #222222) is 2.89:1, below 3.0:1 [value]\n\thint: WCAG 2.1 AA (RGAA criteria 3.2, 3.3) asks for 3.0:1: change bg or focus",
		}},
		{"not a colour", model.Colors{Focus: "orange", Fields: at("focus")}, "", []string{
			`sites/x.toml:9:10: error: colors.focus: "orange" is not a colour [value]`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			css, diags := palette.Check(tt.cfg, palette.Defaults([]byte(themeCSS)))
			if string(css) != tt.css {
				t.Errorf("css = %q, want %q", css, tt.css)
			}
			if len(diags) != len(tt.diags) {
				t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(tt.diags), diags)
			}
			for i, d := range diags {
				if !strings.Contains(d.String(), tt.diags[i]) {
					t.Errorf("diagnostic %d:\n%s\nwant it to contain\n%s", i, d, tt.diags[i])
				}
			}
		})
	}
}
