package render_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/geo"
)

// configWith returns the config.toml of the test site with lines added
// under [communes].
func configWith(t *testing.T, lines string) string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "config.toml" {
			return strings.Replace(string(f.Data), "[communes]\n", "[communes]\n"+lines+"\n", 1)
		}
	}
	t.Fatal("site.txtar has no config.toml")
	return ""
}

var organisationID = regexp.MustCompile(`"@id":"([^"]+)"`)

// TestTerritoryPage checks that a territory longer than [communes]
// on_cpts_page is listed on a page of its own, sorted by name, which
// names the communes for search engines as the same organisation, and
// that the CPTS page links to it instead of listing them.
func TestTerritoryPage(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", map[string]string{"config.toml": configWith(t, "on_cpts_page = 1")})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	cpts, _ := res.Files.Get("cpts/lunel/index.html")
	list, ok := res.Files.Get("cpts/lunel/communes/index.html")
	if !ok {
		t.Fatal("no territory page cpts/lunel/communes/")
	}
	checkGolden(t, "cpts/lunel/communes/index.html", list, "cpts-communes.html")
	page, sub := string(cpts), string(list)
	if !strings.Contains(page, `<a href="/annuaire/cpts/lunel/communes/">Les 2 communes du territoire, avec leur population</a>`) {
		t.Error("the CPTS page does not link to its territory page")
	}
	if strings.Contains(page, "<table>\n<caption class=\"visually-hidden\">Territoire") || strings.Contains(page, "areaServed") {
		t.Error("the CPTS page still lists its communes")
	}
	if i, j := strings.Index(sub, ">Lunel</a>"), strings.Index(sub, ">Lunel-Viel</a>"); i < 0 || j < i {
		t.Error("the territory page does not list its communes by name")
	}
	if !strings.Contains(sub, `"areaServed":[{"@type":"City","identifier":"34145","name":"Lunel"},{"@type":"City","identifier":"34146","name":"Lunel-Viel"}]`) {
		t.Error("the territory page does not name the communes served")
	}
	a, b := organisationID.FindStringSubmatch(page), organisationID.FindStringSubmatch(sub)
	if a == nil || b == nil || a[1] != b[1] || a[1] != "https://example.org/annuaire/cpts/lunel/#organisation" {
		t.Errorf("the two pages do not describe one organisation: %v, %v", a, b)
	}
	if sm, _ := res.Files.Get("sitemap.xml"); !strings.Contains(string(sm), "/annuaire/cpts/lunel/communes/") {
		t.Error("the sitemap lacks the territory page")
	}

	res, diags = renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if _, ok := res.Files.Get("cpts/lunel/communes/index.html"); ok {
		t.Error("a territory of 2 communes has a page of its own by default")
	}
}

// TestTerritoryPagination checks that a long territory is listed 50
// communes a page, each page named in the pager by its first commune and
// naming in its JSON-LD the communes it lists.
func TestTerritoryPagination(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	communes := table.InDepartement("34")
	if len(communes) < 150 {
		t.Fatalf("only %d communes in Hérault", len(communes))
	}
	var b strings.Builder
	b.WriteString("communes = [\n")
	for _, c := range communes[:150] {
		fmt.Fprintf(&b, "  %q,\n", c.Code)
	}
	b.WriteString("]\n")
	res, diags := renderArchive(t, "site.txtar", map[string]string{"content/cpts/lunel/communes.toml": b.String()})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	first, ok1 := res.Files.Get("cpts/lunel/communes/index.html")
	second, ok2 := res.Files.Get("cpts/lunel/communes/page/2/index.html")
	if !ok1 || !ok2 {
		t.Fatal("no two pages of communes")
	}
	rows := regexp.MustCompile(`<tr><th scope="row">`)
	third, _ := res.Files.Get("cpts/lunel/communes/page/3/index.html")
	city := regexp.MustCompile(`\{"@type":"City"`)
	for i, p := range [][]byte{first, second, third} {
		if n, m := len(rows.FindAll(p, -1)), len(city.FindAll(p, -1)); n != 50 || m != 50 {
			t.Errorf("page %d lists %d communes and names %d in its JSON-LD, want 50", i+1, n, m)
		}
	}
	firstRow := regexp.MustCompile(`<tr><th scope="row"><a href="[^"]+">([^<]+)</a>`).FindSubmatch(second)
	if firstRow == nil || !strings.Contains(string(first), `/page/2/">`+string(firstRow[1])+`</a>`) {
		t.Error("the pager does not name page 2 by its first commune")
	}
	if !strings.Contains(string(first), `rel="next"`) || !strings.Contains(string(second), "<h1>Communes du territoire de la CPTS du Pays de Lunel – Page 2 sur 3</h1>") {
		t.Error("the pages of communes have no pager")
	}
}
