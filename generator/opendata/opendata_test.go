package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/opendata"
	"github.com/cpts-fr/cpts/generator/validate"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

func testSite(t *testing.T) *model.Site {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
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
	return site
}

func files(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, f := range opendata.Files(testSite(t)) {
		out[path.Base(f.Path)] = f.Data
	}
	return out
}

// TestGolden compares every file with testdata/golden.
// Refresh with: go test ./generator/opendata -update
func TestGolden(t *testing.T) {
	for name, got := range files(t) {
		if strings.Contains(name, "schema") {
			continue // the embedded files of schemas/, published as they are
		}
		gp := filepath.Join("testdata", "golden", name)
		if *update {
			if err := os.WriteFile(gp, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(gp)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; review with go test -update and git diff", name, gp)
		}
	}
}

func TestDeterministic(t *testing.T) {
	site := testSite(t)
	a, b := opendata.Files(site), opendata.Files(site)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs on the same site differ")
	}
}

func TestOnlyPublicFields(t *testing.T) {
	for name, data := range files(t) {
		for _, private := range []string{"Nom Caché", "Note privée"} {
			if bytes.Contains(data, []byte(private)) {
				t.Errorf("%s publishes %q", name, private)
			}
		}
	}
	var doc struct {
		CPTS []struct {
			Membres struct {
				Named []struct{ Nom string } `json:"noms_publics"`
			} `json:"membres"`
		} `json:"cpts"`
	}
	if err := json.Unmarshal(files(t)["cpts.json"], &doc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, n := range doc.CPTS[0].Membres.Named {
		names = append(names, n.Nom)
	}
	if want := []string{"Dr Exemple", "MSP publique"}; !slices.Equal(names, want) {
		t.Errorf("public names = %q, want %q", names, want)
	}
}

func TestFormulasNeutralised(t *testing.T) {
	cases := []struct{ file, key, column, want string }{
		{"cpts.csv", "lunel", "association", `'=HYPERLINK("http://evil.example")`},
		{"cpts.csv", "lunel", "telephone", "+33467000000"}, // not free text: left as it is
		{"communes-cpts.csv", "34145", "note", "quartiers nord"},
	}
	all := files(t)
	for _, tc := range cases {
		rows, err := csv.NewReader(bytes.NewReader(all[tc.file])).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		col := slices.Index(rows[0], tc.column)
		row := slices.IndexFunc(rows, func(r []string) bool { return r[0] == tc.key })
		if col < 0 || row < 0 || rows[row][col] != tc.want {
			t.Errorf("%s %s of %s: not %q", tc.file, tc.column, tc.key, tc.want)
		}
	}
	for name, data := range all {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		rows, _ := csv.NewReader(bytes.NewReader(data)).ReadAll()
		for _, row := range rows[1:] {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=@", rune(cell[0])) {
					t.Errorf("%s: cell %q starts a formula", name, cell)
				}
			}
		}
	}
}

func TestLicenceOf(t *testing.T) {
	cases := []struct {
		licence model.Licence
		want    string
	}{
		{"", "etalab-2.0"},
		{"etalab-2.0", "etalab-2.0"},
		{"odbl-1.0", "ODbL-1.0"},
		{"cc-by-4.0", "CC-BY-4.0"},
		{"cc-by-sa-4.0", "CC-BY-SA-4.0"},
		{"cc0-1.0", "CC0-1.0"},
	}
	for _, tc := range cases {
		l := opendata.LicenceOf(model.Config{Data: model.DataConfig{Licence: tc.licence}})
		if l.ID != tc.want || l.URL == "" || l.Title == "" {
			t.Errorf("LicenceOf(%q) = %+v, want id %s", tc.licence, l, tc.want)
		}
	}
	for _, v := range model.Licence("").Values() {
		if opendata.LicenceOf(model.Config{Data: model.DataConfig{Licence: model.Licence(v)}}).ID == "etalab-2.0" && v != "etalab-2.0" {
			t.Errorf("config value %q has no licence in package opendata", v)
		}
	}
}

func TestEveryFileListed(t *testing.T) {
	for _, f := range opendata.Files(testSite(t)) {
		if !strings.HasPrefix(f.Path, opendata.Dir) || f.Key == "" || f.Format == "" || len(f.Data) == 0 {
			t.Errorf("incomplete file description %+v", f)
		}
		if f.Schema != "" && !slices.ContainsFunc(opendata.Files(testSite(t)), func(g opendata.File) bool { return g.Path == f.Schema }) {
			t.Errorf("%s names a schema %s that is not published", f.Path, f.Schema)
		}
	}
}
