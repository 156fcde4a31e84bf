package images

import (
	"strings"
	"testing"
)

func TestSanitizeSVG(t *testing.T) {
	const open = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">`
	tests := []struct {
		name    string
		in      string
		want    []string // substrings of the output
		wantNot []string
	}{
		{name: "shapes kept", in: open + `<g fill="#06c"><rect width="10" height="10"/><path d="M0 0h5"/></g></svg>`,
			want: []string{`<rect width="10" height="10"`, `<path d="M0 0h5"`, `xmlns="http://www.w3.org/2000/svg"`}},
		{name: "script dropped", in: open + `<script>alert(1)</script><rect width="1" height="1"/></svg>`,
			want: []string{"<rect"}, wantNot: []string{"script", "alert"}},
		{name: "event handlers dropped", in: open + `<rect onload="alert(1)" ONCLICK="x()" width="1"/></svg>`,
			want: []string{`<rect width="1"`}, wantNot: []string{"alert", "x()", "onload", "ONCLICK"}},
		{name: "foreignObject dropped", in: open + `<foreignObject><iframe src="https://evil.example/"/></foreignObject></svg>`,
			wantNot: []string{"foreignObject", "iframe", "evil"}},
		{name: "external use dropped, internal kept", in: open + `<defs><circle id="c" r="2"/></defs><use href="#c"/><use xlink:href="https://evil.example/s.svg#x"/><use href="other.svg#x"/></svg>`,
			want: []string{`href="#c"`}, wantNot: []string{"evil", "other.svg"}},
		{name: "javascript link unwrapped", in: open + `<a href="javascript:alert(1)"><text>CPTS</text></a></svg>`,
			want: []string{"<text>CPTS</text>"}, wantNot: []string{"javascript", "<a"}},
		{name: "external image dropped, embedded kept", in: open + `<image href="https://tracker.example/p.png"/><image href="data:image/png;base64,iVBORw0KGgo="/></svg>`,
			want: []string{`data:image/png;base64`}, wantNot: []string{"tracker"}},
		{name: "style with @import dropped, plain style kept", in: open + `<style>@import url(https://evil.example/x.css);</style><style>.a{fill:#e30613}</style><rect class="a" style="fill:url(https://evil.example/p)"/></svg>`,
			want: []string{".a{fill:#e30613}", `class="a"`}, wantNot: []string{"evil", "@import"}},
		{name: "internal url() kept", in: open + `<linearGradient id="g"><stop offset="0"/></linearGradient><rect fill="url(#g)"/></svg>`,
			want: []string{`fill="url(#g)"`}},
		{name: "animation dropped", in: open + `<a><animate attributeName="href" to="javascript:alert(1)"/><set attributeName="href" to="x"/></a></svg>`,
			wantNot: []string{"animate", "set", "javascript"}},
		{name: "editor data and metadata dropped", in: `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" inkscape:version="1.2" viewBox="0 0 1 1"><metadata><rdf:RDF><dc:creator>Dr Secret Owner</dc:creator></rdf:RDF></metadata><sodipodi:namedview pagecolor="#fff"/><rect inkscape:label="x" width="1"/></svg>`,
			want: []string{`<rect width="1"`}, wantNot: []string{"Secret", "inkscape", "sodipodi", "metadata"}},
		{name: "comments and processing instructions dropped", in: `<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/s.css"?><!-- by Dr Secret Owner -->` + open + `<rect width="1"/></svg>`,
			wantNot: []string{"evil", "Secret", "<?"}},
		{name: "Illustrator entities", in: `<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><svg xmlns="&ns_svg;" viewBox="0 0 10 10"><rect width="1"/></svg>`,
			want: []string{`<rect width="1"`}, wantNot: []string{"DOCTYPE", "ENTITY"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, _, err := sanitizeSVG([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			s := string(out)
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("output lacks %q:\n%s", w, s)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(s, w) {
					t.Errorf("output keeps %q:\n%s", w, s)
				}
			}
			if _, _, _, err := sanitizeSVG(out); err != nil {
				t.Errorf("the output is not valid SVG: %v", err)
			}
		})
	}
}

func TestSVGErrors(t *testing.T) {
	for _, in := range []string{
		`<html><svg/></html>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>`,
		`<svg xmlns="&unknown;"/>`,
	} {
		if _, _, _, err := sanitizeSVG([]byte(in)); err == nil {
			t.Errorf("sanitizeSVG(%q) accepted it", in)
		}
	}
}

func TestSVGSize(t *testing.T) {
	tests := []struct {
		attrs string
		w, h  float64
	}{
		{`width="120" height="40"`, 120, 40},
		{`width="120px" height="4em"`, 120, 64},
		{`width="10mm" height="1in"`, 10 * 96 / 25.4, 96},
		{`viewBox="0 0 300 100"`, 300, 100},
		{`width="150" viewBox="0 0 300 100"`, 150, 50},
		{`width="100%" height="100%" viewBox="0,0,30,10"`, 30, 10},
		{``, 300, 150},
	}
	for _, tt := range tests {
		_, w, h, err := sanitizeSVG([]byte(`<svg xmlns="http://www.w3.org/2000/svg" ` + tt.attrs + `/>`))
		if err != nil || abs(w-tt.w) > 1e-9 || abs(h-tt.h) > 1e-9 {
			t.Errorf("size of <svg %s> = %g×%g, %v; want %g×%g", tt.attrs, w, h, err, tt.w, tt.h)
		}
	}
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
