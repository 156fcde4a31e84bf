package scope_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/scope"
	"github.com/cpts-fr/cpts/generator/validate"
)

// site loads a site of three CPTS (Hérault, Lot, Maine-et-Loire), one of
// which also claims a commune of the Gard, with the given [scope] table.
func site(t *testing.T, scopeTOML string) (*model.Site, *geo.Table) {
	t.Helper()
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	cpts := func(name string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\nname = \"" + name + "\"\nstatus = \"projet\"\nsummary = \"x\"\n+++\n")}
	}
	news := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = 2024-01-02\n+++\n")}
	}
	fsys := fstest.MapFS{
		"config.toml":                             {Data: []byte("title = \"T\"\nbase_url = \"https://example.org/\"\n" + scopeTOML)},
		"content/cpts/lunel/index.md":             cpts("Lunel"),
		"content/cpts/lunel/communes.toml":        {Data: []byte("communes = [\"34145\", {insee = \"30258\", partial = true}]\n")},
		"content/cpts/lunel/news/2024-01-02-a.md": news("A"),
		"content/cpts/gourdon/index.md":           cpts("Gourdon"),
		"content/cpts/gourdon/communes.toml":      {Data: []byte("communes = [\"46127\", \"30258\"]\n")},
		"content/cpts/lion/index.md":              cpts("Lion"),
		"content/cpts/lion/communes.toml":         {Data: []byte("communes = [\"49176\"]\n")},
		"content/cpts/lion/news/2024-01-02-b.md":  news("B"),
		"content/news/2024-01-02-c.md":            news("C"),
		"content/pages/p.md":                      {Data: []byte("+++\ntitle = \"P\"\n+++\n")},
	}
	s, diags := load.Site(fsys, load.Options{})
	diags = append(diags, validate.Site(s, table)...)
	for _, d := range diags {
		if d.Severity == 0 && !strings.Contains(d.Msg, "shared") {
			t.Fatalf("fixture: %s", d)
		}
	}
	return s, table
}

func slugs(cs []*model.CPTS) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Slug)
	}
	return out
}

func TestApply(t *testing.T) {
	const dir = "directory_url = \"https://annuaire.example.org\"\n"
	tests := []struct {
		name, scope   string
		cpts, outside []string
		news, pages   int
		home          string
		depts         []string
		covered       []string // INSEE codes with a claim left
	}{
		{"all", "", []string{"gourdon", "lion", "lunel"}, nil, 3, 1, "", nil, []string{"30258", "34145", "46127", "49176"}},
		{"one cpts", "[scope]\ncpts = \"lunel\"\n" + dir, []string{"lunel"}, []string{"gourdon", "lion"}, 1, 0, "lunel", []string{"30", "34"}, []string{"30258", "34145"}},
		{"one cpts shared", "[scope]\ncpts = \"lunel\"\nshared = true\n" + dir, []string{"lunel"}, []string{"gourdon", "lion"}, 2, 1, "lunel", []string{"30", "34"}, []string{"30258", "34145"}},
		{"departement", "[scope]\ndepartements = [\"46\"]\n" + dir, []string{"gourdon"}, []string{"lion", "lunel"}, 1, 1, "", []string{"46"}, []string{"30258", "46127"}},
		{"shared departement", "[scope]\ndepartements = [\"30\"]\n" + dir, []string{"gourdon", "lunel"}, []string{"lion"}, 2, 1, "", []string{"30"}, []string{"30258", "34145", "46127"}},
		{"region", "[scope]\nregions = [\"52\"]\nshared = false\n" + dir, []string{"lion"}, []string{"gourdon", "lunel"}, 1, 0, "", []string{"44", "49", "53", "72", "85"}, []string{"49176"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, table := site(t, tt.scope)
			if d := scope.Check(s, table); len(d) > 0 {
				t.Fatalf("Check: %v", d)
			}
			res := scope.Apply(s)
			if got := slugs(res.Site.CPTS); !slices.Equal(got, tt.cpts) {
				t.Errorf("CPTS = %v, want %v", got, tt.cpts)
			}
			var outside []string
			for slug := range res.Outside {
				outside = append(outside, slug)
			}
			slices.Sort(outside)
			if !slices.Equal(outside, tt.outside) {
				t.Errorf("Outside = %v, want %v", outside, tt.outside)
			}
			if len(res.Site.News) != tt.news || len(res.Site.Pages) != tt.pages {
				t.Errorf("%d news, %d pages; want %d, %d", len(res.Site.News), len(res.Site.Pages), tt.news, tt.pages)
			}
			home := ""
			if res.Home != nil {
				home = res.Home.Slug
			}
			if home != tt.home {
				t.Errorf("Home = %q, want %q", home, tt.home)
			}
			var depts []string
			for d := range res.Departements {
				depts = append(depts, d)
			}
			slices.Sort(depts)
			if !slices.Equal(depts, tt.depts) {
				t.Errorf("Departements = %v, want %v", depts, tt.depts)
			}
			var covered []string
			for _, code := range res.Site.Coverage.Named() {
				covered = append(covered, code)
			}
			slices.Sort(covered)
			if !slices.Equal(covered, tt.covered) {
				t.Errorf("Coverage of %v, want %v", covered, tt.covered)
			}
			if tt.scope != "" && res.Directory != "https://annuaire.example.org/" {
				t.Errorf("Directory = %q", res.Directory)
			}
			if len(s.CPTS) != 3 {
				t.Errorf("Apply modified the site: %d CPTS", len(s.CPTS))
			}
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []struct{ name, scope, want string }{
		{"unknown cpts", "[scope]\ncpts = \"lunnel\"\ndirectory_url = \"https://a.example/\"\n", `config.toml:4:8: error: scope.cpts: no CPTS "lunnel" in content/cpts/ [value]` + "\n\thint: did you mean \"lunel\"?"},
		{"cpts and areas", "[scope]\ncpts = \"lunel\"\ndepartements = [\"34\"]\ndirectory_url = \"https://a.example/\"\n", `config.toml:4:8: error: scope: cpts and departements or regions exclude each other [consistency]`},
		{"unknown departement", "[scope]\ndepartements = [\"20\"]\ndirectory_url = \"https://a.example/\"\n", `config.toml:4:16: error: scope.departements: no département "20" [value]`},
		{"unknown region", "[scope]\nregions = [\"99\"]\ndirectory_url = \"https://a.example/\"\n", `config.toml:4:11: error: scope.regions: no région "99" [value]`},
		{"no directory", "[scope]\ncpts = \"lunel\"\n", `config.toml:3:1: error: scope: missing directory_url [required]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, table := site(t, tt.scope)
			var got []string
			for _, d := range scope.Check(s, table) {
				got = append(got, d.String())
			}
			if len(got) != 1 || !strings.HasPrefix(got[0], tt.want) {
				t.Errorf("Check =\n%s\nwant one diagnostic starting with\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
