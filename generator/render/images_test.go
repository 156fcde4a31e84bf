package render_test

import (
	"bytes"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/validate"
	"github.com/cpts-fr/cpts/themes"
)

// stubImages stands for package images: it knows a logo, a cover and a
// photo of the test site.
type stubImages struct{}

var photo = markup.Image{Src: "/images/salle-1600.a1.jpg", Width: 1600, Height: 1200, Srcset: []markup.Candidate{
	{Path: "/images/salle-480.b2.jpg", Descriptor: "480w"}, {Path: "/images/salle-960.c3.jpg", Descriptor: "960w"}, {Path: "/images/salle-1600.a1.jpg", Descriptor: "1600w"}}}

func (stubImages) Image(file, dest string) (markup.Image, bool) {
	if dest == "salle.jpg" || dest == "equipe.jpg" {
		return photo, true
	}
	return markup.Image{}, false
}

func (stubImages) Logo(file, dest string) (markup.Image, bool) {
	if file == "content/cpts/lunel/index.md" && dest == "logo.png" {
		return markup.Image{Src: "/images/logo-160.d4.png", Width: 160, Height: 53, Srcset: []markup.Candidate{
			{Path: "/images/logo-160.d4.png", Descriptor: "1x"}, {Path: "/images/logo-320.e5.png", Descriptor: "2x"}}}, true
	}
	return markup.Image{}, false
}

// TestGoldenImages renders the CPTS page with a logo and a photo, and a
// news item with a cover, and compares their <main> with
// testdata/golden/images-*.html (go test -update to refresh).
func TestGoldenImages(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	index := fsys["content/cpts/lunel/index.md"].Data
	index = bytes.Replace(index, []byte("updated = 2026-02-01\n"), []byte("updated = 2026-02-01\nlogo = \"logo.png\"\n"), 1)
	index = append(index, "\n![L'équipe](equipe.jpg)\n"...)
	fsys["content/cpts/lunel/index.md"] = &fstest.MapFile{Data: index}
	news := fsys["content/cpts/lunel/news/2020-07-17-signature.md"].Data
	news = bytes.Replace(news, []byte("tags = [\"aci\"]\n"), []byte("tags = [\"aci\"]\ncover = \"salle.jpg\"\ncover_alt = \"La signature\"\n"), 1)
	fsys["content/cpts/lunel/news/2020-07-17-signature.md"] = &fstest.MapFile{Data: news}

	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(fsys, load.Options{})
	diags = append(diags, validate.Site(site, table)...)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	top, _ := fs_sub(fsys)
	res, diags := render.Site(site, render.Options{Theme: render.Overlay{Top: top, Base: themes.Default()}, Images: stubImages{}})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for path, golden := range map[string]string{
		"cpts/lunel/index.html":                      "images-cpts.html",
		"cpts/lunel/actualites/signature/index.html": "images-news.html",
	} {
		page, _ := res.Files.Get(path)
		start, end := bytes.Index(page, []byte("<main")), bytes.Index(page, []byte("</main>"))
		if start < 0 || end < 0 {
			t.Fatalf("%s has no <main>", path)
		}
		got := append(page[start:end+len("</main>")], '\n')
		checkGolden(t, path, got, golden)
	}
}
