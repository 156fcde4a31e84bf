package markup

import (
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

// stubImages knows photo.jpg and logo.svg beside content/cpts/a/index.md.
type stubImages struct{}

func (stubImages) Image(file, dest string) (Image, bool) {
	switch {
	case file == "content/cpts/a/index.md" && dest == "photo.jpg":
		return Image{Src: "/images/photo-960.abc.jpg", Width: 960, Height: 720, Srcset: []Candidate{
			{Path: "/images/photo-480.def.jpg", Descriptor: "480w"}, {Path: "/images/photo-960.abc.jpg", Descriptor: "960w"}}}, true
	case dest == "logo.svg":
		return Image{Src: "/images/logo-120.123.svg", Width: 120, Height: 40}, true
	}
	return Image{}, false
}

func TestConvertProcessedImages(t *testing.T) {
	start := diag.Pos{File: "content/cpts/a/index.md", Line: 6, Col: 1}
	tests := []struct {
		name, in string
		base     string
		eager    bool
		want     []string
		wantNot  []string
	}{
		{name: "versions and size", in: "![Une photo](photo.jpg)\n",
			want: []string{`<img src="/images/photo-960.abc.jpg" srcset="/images/photo-480.def.jpg 480w, /images/photo-960.abc.jpg 960w" sizes="` + DefaultImageSizes + `" width="960" height="720" alt="Une photo" loading="lazy" decoding="async">`}},
		{name: "one version: no srcset", in: "![Logo](logo.svg)\n",
			want: []string{`<img src="/images/logo-120.123.svg" width="120" height="40" alt="Logo" loading="lazy"`}, wantNot: []string{"srcset", "sizes"}},
		{name: "decorative", in: "![-](photo.jpg)\n", want: []string{`alt=""`}, wantNot: []string{`alt="-"`}},
		{name: "decorative unprocessed", in: "![ - ](/img/x.png)\n", want: []string{`<img src="/img/x.png" alt="" loading="lazy">`}},
		{name: "base path", in: "![x](photo.jpg)\n", base: "/annuaire/",
			want: []string{`src="/annuaire/images/photo-960.abc.jpg" srcset="/annuaire/images/photo-480.def.jpg 480w, /annuaire/images/photo-960.abc.jpg 960w"`}},
		{name: "first image of a page eager, the next lazy", in: "![a](photo.jpg)\n\n![b](logo.svg)\n", eager: true,
			want: []string{`alt="a" fetchpriority="high">`, `alt="b" loading="lazy"`}},
		{name: "unknown image as written", in: "![x](autre.jpg)\n", want: []string{`<img src="autre.jpg" alt="x" loading="lazy">`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{Images: stubImages{}, BasePath: tt.base})
			res, diags := c.ConvertPage([]byte(tt.in), start, 2, tt.eager)
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			html := string(res.HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(html, w) {
					t.Errorf("HTML has %q:\n%s", w, html)
				}
			}
		})
	}
}

// TestImageLinks reports each image with its alternative text and the
// position of its "!", even without text before or inside the brackets.
func TestImageLinks(t *testing.T) {
	src := "Texte ![](a.jpg) et ![Une **belle** vue](b.jpg)\n\n![-](c.png)\n"
	res, _ := New(Options{}).Convert([]byte(src), diag.Pos{File: "f.md", Line: 5, Col: 1})
	var got []string
	for _, l := range res.Links {
		got = append(got, l.Dest+"|"+l.Alt+"|"+l.Pos.String())
	}
	want := "a.jpg||f.md:5:7 b.jpg|Une belle vue|f.md:5:21 c.png|-|f.md:7:1"
	if strings.Join(got, " ") != want {
		t.Errorf("links = %v\nwant %s", got, want)
	}
}
