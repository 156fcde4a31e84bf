package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/validate"
	"github.com/cpts-fr/cpts/themes"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

func renderArchive(t *testing.T, name string, extra map[string]string) (*render.Result, diag.List) {
	t.Helper()
	return renderArchiveWith(t, name, extra, render.Options{})
}

// renderArchiveWith is renderArchive with options (the theme is set).
func renderArchiveWith(t *testing.T, name string, extra map[string]string, opts render.Options) (*render.Result, diag.List) {
	t.Helper()
	site, theme := testSiteWith(t, name, extra)
	opts.Theme = theme
	return render.Site(site, opts)
}

// testSite loads and checks the site of a test archive, and returns it
// with its theme (the default theme under the archive's own folders).
func testSite(t *testing.T, name string) (*model.Site, render.Overlay) {
	t.Helper()
	return testSiteWith(t, name, nil)
}

// testSiteWith is testSite with files added to the archive's.
func testSiteWith(t *testing.T, name string, extra map[string]string) (*model.Site, render.Overlay) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	for p, d := range extra {
		fsys[p] = &fstest.MapFile{Data: []byte(d)}
	}
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	site, diags := load.Site(fsys, load.Options{})
	diags = append(diags, validate.Site(site, table)...)
	if diags.HasErrors() {
		t.Fatalf("the test site has errors:\n%v", diags)
	}
	top, _ := fs_sub(fsys)
	return site, render.Overlay{Top: top, Base: themes.Default()}
}

// fs_sub keeps the theme folders of a test site (layouts/, static/, i18n/).
func fs_sub(m fstest.MapFS) (fstest.MapFS, error) {
	out := fstest.MapFS{}
	for p, f := range m {
		if strings.HasPrefix(p, "layouts/") || strings.HasPrefix(p, "static/") || strings.HasPrefix(p, "i18n/") {
			out[p] = f
		}
	}
	return out, nil
}

// TestGoldenCities compares the pages that answer for cities covered by
// arrondissement or in part (testdata/cities.txtar) with testdata/golden.
func TestGoldenCities(t *testing.T) {
	res, diags := renderArchive(t, "cities.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for path, golden := range map[string]string{
		"communes/13055/index.html":    "city-by-arrondissement.html",
		"communes/13208/index.html":    "arrondissement.html",
		"communes/06088/index.html":    "city-shared.html",
		"cpts/nice-ouest/index.html":   "cpts-partial.html",
		"cpts/rhone-gardon/index.html": "cpts-two-departements.html",
		"departements/13/index.html":   "departement-arrondissements.html",
		"regions/93/index.html":        "region-partial.html",
		"cpts/index.html":              "cpts-list-unknown-stage.html",
	} {
		got, ok := res.Files.Get(path)
		if !ok {
			t.Errorf("no %s in the output", path)
			continue
		}
		checkGolden(t, path, got, golden)
	}
}

// TestNothingSaidOfWhatIsNotThere: a département whose communes are all
// covered speaks of no hatched commune, and a site without news shows no
// news heading.
func TestNothingSaidOfWhatIsNotThere(t *testing.T) {
	res, diags := renderArchive(t, "cities.txtar", map[string]string{
		"content/cpts/paris/index.md":      "+++\nname = \"CPTS Paris\"\n+++\n",
		"content/cpts/paris/communes.toml": "communes = [\"75056\"]\n", // the whole of the Paris département
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	paris, _ := res.Files.Get("departements/75/index.html")
	if !strings.Contains(string(paris), "Toutes les communes ont une CPTS") || strings.Contains(string(paris), "hachurées") {
		t.Error("the map of a fully covered département speaks of hatched communes")
	}
	home, _ := res.Files.Get("index.html")
	if strings.Contains(string(home), "Dernières actualités") {
		t.Error("a site without news shows a news heading")
	}
}

// TestAccessibilityContactNeverEmpty: a statement that says "contact us"
// gives a way to, or says there is none yet and where to turn.
func TestAccessibilityContactNeverEmpty(t *testing.T) {
	for _, tc := range []struct{ extra, want string }{
		{"", "n’indique pas encore d’adresse où signaler un problème d’accessibilité"},
		{"[legal]\npublisher = \"P\"\ndirector = \"D\"\nhost = \"H\"\npublisher_email = \"contact@example.org\"\n", `href="mailto:contact@example.org"`},
	} {
		config := "title = \"Annuaire test\"\nbase_url = \"https://example.org/\"\n" + tc.extra
		res, diags := renderArchive(t, "cities.txtar", map[string]string{"config.toml": config})
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		page, _ := res.Files.Get("accessibilite/index.html")
		if !strings.Contains(string(page), tc.want) {
			t.Errorf("with %q, the statement lacks %q", tc.extra, tc.want)
		}
	}
}

// TestGoldenPages compares one page of each type with testdata/golden.
// Refresh with: go test ./generator/render -update
func TestGoldenPages(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	pages := map[string]string{
		"index.html":                                 "home.html",
		"cpts/index.html":                            "cpts-list.html",
		"cpts/lunel/index.html":                      "cpts.html",
		"cpts/lunel/affiche/index.html":              "affiche.html",
		"cpts/petite-camargue/index.html":            "cpts-incomplete.html",
		"cpts/lunel/actualites/signature/index.html": "news.html",
		"actualites/index.html":                      "news-list.html",
		"actualites/site/index.html":                 "",
		"communes/index.html":                        "communes-index.html",
		"communes/l/index.html":                      "communes-letter.html",
		"communes/34145/index.html":                  "commune.html",
		"departements/index.html":                    "departements.html",
		"departements/34/index.html":                 "departement.html",
		"regions/76/index.html":                      "region.html",
		"pages/a-propos/index.html":                  "page.html",
		"accessibilite/index.html":                   "accessibilite.html",
		"glossaire/index.html":                       "glossaire.html",
		"rejoindre/index.html":                       "rejoindre.html",
		"plan-du-site/index.html":                    "plan-du-site.html",
		"donnees/index.html":                         "donnees.html",
		"donnees/cpts.csv":                           "",
		"donnees/communes-cpts.csv":                  "",
		"404.html":                                   "404.html",
		"sitemap.xml":                                "sitemap.xml",
		"robots.txt":                                 "robots.txt",
		"cpts/lunel/evenements.ics":                  "lunel.ics",
	}
	for path, golden := range pages {
		got, ok := res.Files.Get(path)
		if !ok {
			t.Errorf("no %s in the output", path)
			continue
		}
		if golden == "" {
			continue
		}
		checkGolden(t, path, got, golden)
	}
}

// checkGolden compares the file at path with testdata/golden/name, or
// writes it there with -update.
func checkGolden(t *testing.T, path string, got []byte, name string) {
	t.Helper()
	gp := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(gp, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(gp)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s; review with go test -update and git diff", path, gp)
	}
}

func TestPrivacyAndSafety(t *testing.T) {
	res, _ := renderArchive(t, "site.txtar", nil)
	page, _ := res.Files.Get("cpts/lunel/index.html")
	html := string(page)
	for _, want := range []string{
		"Dr Exemple",                             // public = true
		`href="tel:&#43;33467000000"`,            // E.164
		`href="/annuaire/cpts/petite-camargue/"`, // base path
		"&lt;script&gt;alert(1)&lt;/script&gt;",  // raw HTML escaped
	} {
		if !strings.Contains(html, want) {
			t.Errorf("CPTS page lacks %q", want)
		}
	}
	for _, bad := range []string{"Nom Caché", "<script>alert", "Brouillon"} {
		if strings.Contains(html, bad) {
			t.Errorf("CPTS page shows %q", bad)
		}
	}
	if res.Files.Has("cpts/lunel/actualites/brouillon/index.html") {
		t.Error("a draft was published")
	}
	for _, p := range res.Files.Paths() {
		data, _ := res.Files.Get(p)
		if strings.Contains(string(data), "https://fonts.") || strings.Contains(string(data), "cdn.") {
			t.Errorf("%s refers to a third-party host", p)
		}
	}
}

func TestLinksCollected(t *testing.T) {
	res, _ := renderArchive(t, "site.txtar", nil)
	var got []string
	for _, l := range res.Links {
		got = append(got, l.Path+" "+l.Pos.String())
	}
	want := "/cpts/petite-camargue/ content/cpts/lunel/index.md:15:6|/pages/a-propos/ content/cpts/lunel/index.md:15:48"
	if strings.Join(got, "|") != want {
		t.Errorf("links = %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestTemplateErrorNamesThemeFile(t *testing.T) {
	_, diags := renderArchive(t, "site.txtar", map[string]string{
		"layouts/news.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{.Data.N.Nope}}\n{{end}}\n",
	})
	if !diags.HasErrors() || !strings.HasPrefix(diags[0].Pos.String(), "layouts/news.html:3:") {
		t.Fatalf("want an error at layouts/news.html:3, got %v", diags)
	}
	_, diags = renderArchive(t, "site.txtar", map[string]string{"layouts/page.html": "{{define \"main\"}}{{if}}{{end}}"})
	if !diags.HasErrors() || !strings.HasPrefix(diags[0].Pos.String(), "layouts/page.html:1") {
		t.Fatalf("want a parse error in layouts/page.html, got %v", diags)
	}
}

func TestSiteOverridesTheme(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", map[string]string{
		"layouts/page.html": "{{define \"main\"}}<p>surcharge</p>{{end}}",
		"i18n/fr.toml":      "",
	})
	_ = diags
	if res == nil {
		return // an empty fr.toml leaves strings missing: warnings only
	}
	page, _ := res.Files.Get("pages/a-propos/index.html")
	if !strings.Contains(string(page), "<p>surcharge</p>") {
		t.Error("the site's layouts/page.html did not override the theme's")
	}
}

// TestBodyHeadingsKeepOffThemeIDs checks that a heading of a CPTS's
// presentation named as a section of the page ("Missions") does not give
// the page an id twice.
func TestBodyHeadingsKeepOffThemeIDs(t *testing.T) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	var index string
	for _, f := range ar.Files {
		if f.Name == "content/cpts/lunel/index.md" {
			index = string(f.Data) + "\n## Missions\n\n## Contacts\n"
		}
	}
	res, diags := renderArchive(t, "site.txtar", map[string]string{"content/cpts/lunel/index.md": index})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	page, _ := res.Files.Get("cpts/lunel/index.html")
	for _, id := range []string{"missions", "contacts"} {
		if n := strings.Count(string(page), `id="`+id+`"`); n != 1 {
			t.Errorf("id %q %d times on the CPTS page", id, n)
		}
		if !strings.Contains(string(page), `<h3 id="`+id+`-1">`) {
			t.Errorf("the presentation's heading did not get %s-1", id)
		}
	}
}

// TestLayoutFieldsAreChecked overrides layouts with fields their data
// does not have: each is an error at its line and column when the
// templates load, with a hint; fields of fields and dot rebound by with
// and range are not judged.
func TestLayoutFieldsAreChecked(t *testing.T) {
	_, diags := renderArchiveWith(t, "site.txtar", map[string]string{
		"layouts/news.html":    "{{define \"main\"}}\n<p>{{.Data.Boddy}}</p>{{with .Data.N}}{{.Anything}}{{end}}{{range .Data.N.Tags}}{{.}}{{end}}{{end}}\n",
		"layouts/commune.html": "{{define \"main\"}}{{$d := .Data}}{{$d.Claims}}\n{{if $d.Nearby}}x{{end}}{{end}}\n",
		"layouts/page.html":    "{{define \"main\"}}{{.Data}}{{.Data.Title}}{{end}}\n",
		"layouts/affiche.html": "{{define \"main\"}}{{.Data.CPTS.Name}}{{.Data.C}}{{end}}\n", // a page of its plan entry alone
	}, render.Options{})
	var got []string
	for _, d := range diags {
		if d.Code == diag.Template {
			got = append(got, fmt.Sprintf("%s:%d:%d: %s (%s)", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Msg, d.Hint))
		}
	}
	want := []string{
		"layouts/affiche.html:1:44: template: .Data has no field C in this layout (its fields are Path, Layout, CPTS, News, Tag, Commune, Departement, Region, Free, Letter, List)",
		"layouts/commune.html:2:8: template: .Data has no field Nearby in this layout (its fields are Commune, Claims, Map, Departement, DepartementPage, Region, Parent, Arrondissements, Nearest, DeptCPTS, Incomplete, ARS)",
		"layouts/news.html:2:11: template: .Data has no field Boddy in this layout (did you mean \"Body\"?)",
		"layouts/page.html:1:34: template: .Data has no field Title in this layout (its .Data is a template.HTML, which has no fields)",
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
