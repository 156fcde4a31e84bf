package build_test

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/themes"
)

// overlay serves top's files over base's: a test's configuration beside
// the repository's content.
type overlay struct {
	top  fstest.MapFS
	base fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		return f, nil
	}
	return o.base.Open(name)
}

// buildSite builds the repository's sample content with a configuration
// file, and checks that every link of the output resolves.
func buildSite(t *testing.T, src fs.FS, config string) *build.Result {
	t.Helper()
	res, diags := build.Run(build.Options{Source: src, Config: config, Theme: themes.Default(), Geo: table(t)})
	if res == nil || diags.HasErrors() {
		t.Fatalf("build %s: %v", config, diags)
	}
	if broken := linkcheck.Check(res.Files, string(res.Site.Config.BaseURL)); len(broken) > 0 {
		t.Errorf("%d dangling links, first: %v", len(broken), broken[0])
	}
	return res
}

// underOnly fails when a file of the output under dir is not under one
// of the allowed folders.
func underOnly(t *testing.T, res *build.Result, dir string, allowed ...string) {
	t.Helper()
	for _, p := range res.Files.Paths() {
		rest, ok := strings.CutPrefix(p, dir)
		if !ok || strings.IndexByte(rest, '/') < 2 {
			continue // not under dir, a file of dir, or an A-Z page
		}
		if !hasAnyPrefix(rest, allowed) {
			t.Errorf("%s is out of scope", p)
		}
	}
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func TestSiteOfOneCPTS(t *testing.T) {
	res := buildSite(t, os.DirFS("../.."), "sites/lunel.toml")
	home, _ := res.Files.Get("index.html")
	for _, want := range []string{
		"<h1>CPTS du Pays de Lunel</h1>",
		`href="/pays-de-lunel/#missions">Missions</a>`,
		`href="https://example.org/departements/34/"`,                      // out of scope: the directory
		`href="https://example.org/pages/qu-est-ce-qu-une-cpts/"`,          // a page it does not share
		`<link rel="canonical" href="https://example.org/pays-de-lunel/">`, // the CPTS is the home page
	} {
		if !bytes.Contains(home, []byte(want)) {
			t.Errorf("home page lacks %s", want)
		}
	}
	for _, p := range []string{"cpts/index.html", "cpts/pays-de-lunel/index.html", "departements/index.html", "pages/qu-est-ce-qu-une-cpts/index.html",
		"carte/index.html", "localisation/index.json", "localisation/34.json"} {
		if res.Files.Has(p) {
			t.Errorf("a single-CPTS site has %s", p)
		}
	}
	territory, _ := res.Files.Get("carte.svg")
	if !bytes.Contains(home, []byte(`<iframe class="map-frame`)) || !bytes.Contains(territory, []byte(`class="map map-territory"`)) || !res.Files.Has("localisation/34.svg") {
		t.Error("the home page of a single-CPTS site has no territory map, or its communes' locators no drawing")
	}
	underOnly(t, res, "cpts/", "pays-de-lunel/")
	underOnly(t, res, "communes/", "34033/", "34048/", "34110/", "34112/", "34145/", "34146/", "34151/", "34246/", "34272/", "34280/", "34288/", "34294/", "34296/", "34340/")
	if len(res.Site.CPTS) != 1 || len(res.Site.News) != 1 {
		t.Errorf("%d CPTS, %d news; want 1, 1", len(res.Site.CPTS), len(res.Site.News))
	}
}

func TestSiteOfARegion(t *testing.T) {
	res := buildSite(t, os.DirFS("../.."), "sites/occitanie.toml")
	underOnly(t, res, "cpts/", "e-rhony/", "pays-de-lunel/", "quercy-bouriane/", "toulouse-ouest/")
	// Occitanie: 09 11 12 30 31 32 34 46 48 65 66 81 82.
	for _, p := range res.Files.Paths() {
		if code, ok := strings.CutPrefix(p, "communes/"); ok && len(code) > 5 && code[0] >= '0' && code[0] <= '9' {
			if !hasAnyPrefix(code, []string{"09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82"}) {
				t.Errorf("%s is not in Occitanie", p)
			}
		}
	}
	if !res.Files.Has("regions/76/index.html") || res.Files.Has("regions/52/index.html") || res.Files.Has("departements/49/index.html") {
		t.Error("want the page of Occitanie, and none of Pays de la Loire or Maine-et-Loire")
	}
}

func TestSiteOfADepartement(t *testing.T) {
	src := overlay{top: fstest.MapFS{"sites/lot.toml": {Data: []byte(`title = "Les CPTS du Lot"
base_url = "https://example.org/lot/"
[scope]
departements = ["46"]
shared = false
directory_url = "https://example.org/"
`)}}, base: os.DirFS("../..")}
	res := buildSite(t, src, "sites/lot.toml")
	underOnly(t, res, "cpts/", "quercy-bouriane/")
	underOnly(t, res, "departements/", "46/")
	for _, p := range res.Files.Paths() {
		if code, ok := strings.CutPrefix(p, "communes/"); ok && len(code) > 5 && code[0] >= '0' && code[0] <= '9' && !strings.HasPrefix(code, "46") {
			t.Errorf("%s is not in the Lot", p)
		}
		if strings.HasSuffix(p, "schema.json") {
			continue // examples of the open data schemas
		}
		data, _ := res.Files.Get(p)
		for _, other := range []string{"COLHAJ", "Pays de Lunel", "Toulouse Ouest", "E-Rhôny"} {
			if bytes.Contains(data, []byte(other)) {
				t.Errorf("%s names %s, which is out of scope", p, other)
				break
			}
		}
	}
	if !res.Files.Has("communes/46127/index.html") || len(res.Site.CPTS) != 1 {
		t.Errorf("want Gourdon's page and 1 CPTS, have %d", len(res.Site.CPTS))
	}
}
