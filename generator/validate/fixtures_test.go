package validate_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/themes"
)

var update = flag.Bool("update", false, "rewrite the want.diag section of testdata/*.txtar")

var (
	tableOnce sync.Once
	table     *geo.Table
	tableErr  error
)

func geoTable(t testing.TB) *geo.Table {
	tableOnce.Do(func() { table, tableErr = geo.Load() })
	if tableErr != nil {
		t.Fatal(tableErr)
	}
	return table
}

// defaultConfig is the configuration of a fixture without one: complete,
// with a legal notice and an accessibility contact, so that only the
// fixtures that write their own config.toml get the advice on them.
const defaultConfig = `title = "Test"
base_url = "https://example.org/"

[legal]
publisher = "Association Test"
director = "La présidence de l'association"
host = "Hébergeur Test"

[accessibility]
contact_email = "accessibilite@example.org"
`

// check loads and validates the site held in an archive's files, as cpts
// check does: the rules of this package, plus the Markdown links and the
// images that build.ValidateFS checks.
func check(t testing.TB, files []txtar.File) diag.List {
	fsys := fstest.MapFS{}
	for _, f := range files {
		if f.Name == "want.diag" {
			continue
		}
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	if _, ok := fsys["config.toml"]; !ok {
		fsys["config.toml"] = &fstest.MapFile{Data: []byte(defaultConfig)}
	}
	site, diags := load.Site(fsys, load.Options{})
	diags = append(diags, build.ValidateFS(site, geoTable(t), build.Files{Site: fsys, Theme: themes.Default()})...)
	return diags.Sort()
}

func format(diags diag.List) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestFixtures runs every testdata/*.txtar: a small site whose expected
// diagnostics are in its want.diag file. Refresh them with -update.
func TestFixtures(t *testing.T) {
	paths, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, p := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(p)
			if err != nil {
				t.Fatal(err)
			}
			got := format(check(t, ar.Files))
			i := wantIndex(ar)
			if *update {
				if i < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want.diag"})
					i = len(ar.Files) - 1
				}
				ar.Files[i].Data = []byte(got)
				if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if i < 0 {
				t.Fatalf("%s has no want.diag section; run go test -update", p)
			}
			if want := string(ar.Files[i].Data); got != want {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got, want)
			}
		})
	}
}

func wantIndex(ar *txtar.Archive) int {
	for i, f := range ar.Files {
		if f.Name == "want.diag" {
			return i
		}
	}
	return -1
}

// TestEveryCodeHasAFixture keeps the catalogue in diag/codes.go and the
// fixtures in step: each code must be produced by at least one fixture.
func TestEveryCodeHasAFixture(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	seen := map[diag.Code]bool{}
	for _, p := range paths {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range check(t, ar.Files) {
			seen[d.Code] = true
		}
	}
	for _, c := range diag.Codes() {
		if !seen[c] {
			t.Errorf("no fixture in testdata/ produces code %q", c)
		}
	}
}
