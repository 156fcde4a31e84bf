package build_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/themes"
)

func table(t testing.TB) *geo.Table {
	tb, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestSampleBuildIsReproducible builds the embedded sample twice: the two
// outputs must be identical byte for byte (no map order, no timestamps).
func TestSampleBuildIsReproducible(t *testing.T) {
	tb := table(t)
	opts := build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: tb}
	a, diags := build.Run(opts)
	if a == nil {
		t.Fatalf("sample build failed:\n%v", diags)
	}
	if len(diags) > 0 {
		t.Errorf("the sample content has diagnostics:\n%v", diags)
	}
	b, _ := build.Run(opts)
	if !output.Equal(a.Files, b.Files) {
		t.Fatal("two builds of the same input differ")
	}
	for _, p := range []string{"index.html", "cpts/pays-de-lunel/index.html", "communes/34145/index.html", "departements/34/index.html", "sitemap.xml", "robots.txt", "404.html"} {
		if !a.Files.Has(p) {
			t.Errorf("sample build lacks %s", p)
		}
	}
}

func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"config.toml": {Data: []byte("title = \"T\"\nbase_url = \"https://example.org/\"\n")}}
	for p, d := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(d)}
	}
	return fsys
}

func TestBrokenInternalLinkIsAnError(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":       "+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\nVoir [Colhaj](/cpts/colaj/) et [ok](/cpts/lunel/#missions).\n",
		"content/cpts/lunel/communes.toml":  "communes = [\"34145\"]\n",
		"content/cpts/colhaj/index.md":      "+++\nname = \"C\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n",
		"content/cpts/colhaj/communes.toml": "communes = [\"49176\"]\n",
	})
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if res != nil || len(diags) != 1 {
		t.Fatalf("want one error and no result, got %v", diags)
	}
	want := "content/cpts/lunel/index.md:6:6: error: broken link: no page at /cpts/colaj/ [broken-link]\n\thint: did you mean /cpts/colhaj/?"
	if got := diags[0].String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestContentErrorStopsBeforeRender(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md": "+++\nname = \"L\"\nstatus = \"signé\"\nsummary = \"s\"\n+++\n[x](javascript:alert(1))\n",
	})
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if res != nil || !diags.HasErrors() {
		t.Fatalf("want an error, got %v", diags)
	}
	text := ""
	for _, d := range diags {
		text += d.String() + "\n"
	}
	for _, want := range []string{"index.md:3:10: error: status", "index.md:6:1: warning: link to \"javascript:alert(1)\""} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, text)
		}
	}
}

// TestBrokenLayoutLinkIsAnError checks the links that layouts write, read
// from each page as the build makes it.
func TestBrokenLayoutLinkIsAnError(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":      "+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n",
		"content/cpts/lunel/communes.toml": "communes = [\"34145\"]\n",
		"layouts/partials/footer.html":     `<footer><a href="{{url "/nulle-part/"}}">x</a><a href="{{url "/cpts/"}}#absent">y</a></footer>`,
	})
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if res != nil {
		t.Fatal("want no result")
	}
	var text string
	for _, d := range diags {
		text += d.String() + "\n"
	}
	for _, want := range []string{
		"public/index.html: error: broken link in the built page: /nulle-part/: no file nulle-part/index.html in the output [broken-link]",
		"public/cpts/lunel/index.html: error: broken link in the built page: /cpts/#absent: no id absent in cpts/index.html [broken-link]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%.2000s", want, text)
		}
	}
}
