package corpus_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/themes"
)

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

func generate(t testing.TB, s corpus.Scale) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Generate(geoTable(t), s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func small(t testing.TB) corpus.Scale {
	s, ok := corpus.ScaleByName("small")
	if !ok {
		t.Fatal("no small scale")
	}
	return s
}

// TestSmallPassesCheckAndBuild runs what `cpts check` and `cpts build` run
// on the small corpus: no error and no warning, and every internal link
// resolves.
func TestSmallPassesCheckAndBuild(t *testing.T) {
	c := generate(t, small(t))
	fsys := c.FS()
	site, diags := load.Site(fsys, load.Options{})
	diags = append(diags, build.ValidateFS(site, geoTable(t), build.Files{Site: fsys, Theme: themes.Default()})...)
	if len(diags) > 0 {
		t.Fatalf("check reports %d diagnostics, first:\n%v", len(diags), diags[:min(10, len(diags))])
	}
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: geoTable(t)})
	if res == nil || len(diags) > 0 {
		t.Fatalf("build reports %d diagnostics, first:\n%v", len(diags), diags[:min(10, len(diags))])
	}
	if res.Pages() < 1000 {
		t.Errorf("small corpus builds only %d pages", res.Pages())
	}
}

// TestSmallShape checks the sizes the issue asks for on the loaded model.
func TestSmallShape(t *testing.T) {
	s := small(t)
	c := generate(t, s)
	site, _ := load.Site(c.FS(), load.Options{})
	if n := len(site.CPTS); n < 40 || n > 60 || n != c.Stats.CPTS {
		t.Errorf("small has %d CPTS (stats %d), want about 50", n, c.Stats.CPTS)
	}
	if len(site.News) != s.News || c.Stats.News != s.News {
		t.Errorf("small has %d news (stats %d), want %d", len(site.News), c.Stats.News, s.News)
	}
	within := func(what string, n, lo, hi int) {
		t.Helper()
		if n < lo || n > hi {
			t.Errorf("%s: %d, want %d to %d", what, n, lo, hi)
		}
	}
	partial := 0
	for _, cp := range site.CPTS {
		within(cp.Slug+" members", len(cp.Members), 30, 200)
		within(cp.Slug+" missions", len(cp.Missions), 3, 6)
		within(cp.Slug+" contacts", len(cp.Contacts), 2, 4)
		within(cp.Slug+" presentation words", len(strings.Fields(string(bodyText(t, cp.Body)))), 300, 800)
		for _, k := range cp.Contacts {
			if !strings.HasPrefix(k.Phone.Text, "01 99 00 ") || !strings.HasSuffix(string(k.Email), "@example.org") {
				t.Errorf("%s: contact %q has %q, %q: want a fiction number and an example.org address", cp.Slug, k.Label, k.Phone.Text, k.Email)
			}
		}
		for _, m := range cp.Members {
			if m.Public && !fictional(m.Name) {
				t.Errorf("%s: public member %q has no obviously fictional name", cp.Slug, m.Name)
			}
		}
		for _, e := range cp.Territory.Entries {
			if e.Partial {
				partial++
			}
		}
		body := string(bodyText(t, cp.Body))
		for _, want := range []string{"\n## ", "\n- ", "](/cpts/", "](/communes/"} {
			if !strings.Contains(body, want) {
				t.Errorf("%s: presentation lacks %q", cp.Slug, want)
			}
		}
	}
	if partial == 0 {
		t.Error("no commune is shared between two CPTS")
	}
	tagged := 0
	for _, n := range site.News {
		within(n.File+" words", len(strings.Fields(string(bodyText(t, n.Body)))), 200, 600)
		if len(n.Tags) > 0 {
			tagged++
		}
	}
	if tagged != len(site.News) {
		t.Errorf("%d of %d news have tags", tagged, len(site.News))
	}
	if text := string(c.Files[site.CPTS[0].File]); !strings.ContainsAny(text, "éèàç") {
		t.Errorf("presentation has no accented letter:\n%s", text)
	}
}

func fictional(name string) bool {
	for _, w := range []string{"Exemple", "Fictif", "Imaginaire", "Factice", "Modèle", "Spécimen", "Maquette", "Prototype",
		"Brouillon", "Fiction", "Inventé", "Pseudonyme", "Témoin", "Essai", "Démo", "Chimère"} {
		if strings.HasSuffix(name, " "+w) {
			return true
		}
	}
	return false
}

// TestDeterministic generates the same scale twice: the files must be
// identical byte for byte.
func TestDeterministic(t *testing.T) {
	a, b := generate(t, small(t)), generate(t, small(t))
	if len(a.Files) != len(b.Files) {
		t.Fatalf("%d files, then %d", len(a.Files), len(b.Files))
	}
	for p, data := range a.Files {
		if !bytes.Equal(data, b.Files[p]) {
			t.Fatalf("%s differs between two generations", p)
		}
	}
}

// TestMoreNewsKeepsTheFirst checks that a scale with more news starts with
// the same items, so that the ×2 and ×4 corpora only add news.
func TestMoreNewsKeepsTheFirst(t *testing.T) {
	s := corpus.Scale{Name: "t", Departements: []string{"46"}, News: 60}
	few := generate(t, s)
	s.News = 120
	many := generate(t, s)
	for p, data := range few.Files {
		if p == "config.toml" {
			continue
		}
		if !bytes.Equal(data, many.Files[p]) {
			t.Errorf("%s differs or is missing with more news", p)
		}
	}
	if many.Stats.News != 120 {
		t.Errorf("got %d news, want 120", many.Stats.News)
	}
}

func TestWriteDir(t *testing.T) {
	c := generate(t, corpus.Scale{Name: "t", Departements: []string{"46"}, News: 10})
	dir := filepath.Join(t.TempDir(), "site")
	if err := c.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	for _, p := range c.Paths() {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil || !bytes.Equal(data, c.Files[p]) {
			t.Fatalf("%s: written file differs (%v)", p, err)
		}
	}
	if err := c.WriteDir(dir); err == nil {
		t.Error("WriteDir into a non-empty folder: want an error")
	}
}

func TestGenerateRejects(t *testing.T) {
	tests := []struct {
		name  string
		scale corpus.Scale
	}{
		{"unknown departement", corpus.Scale{Departements: []string{"99"}}},
		{"negative news", corpus.Scale{Departements: []string{"46"}, News: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := corpus.Generate(geoTable(t), tt.scale); err == nil {
				t.Error("want an error")
			}
		})
	}
}

func TestScales(t *testing.T) {
	want := []string{"small", "national", "national-x2", "national-x4"}
	scales := corpus.Scales()
	if len(scales) != len(want) {
		t.Fatalf("got %d scales, want %d", len(scales), len(want))
	}
	for i, s := range scales {
		if s.Name != want[i] {
			t.Errorf("scale %d is %q, want %q", i, s.Name, want[i])
		}
	}
	nat, _ := corpus.ScaleByName("national")
	for _, x := range []struct {
		name string
		k    int
	}{{"national-x2", 2}, {"national-x4", 4}} {
		s, ok := corpus.ScaleByName(x.name)
		if !ok || s.News != x.k*nat.News || len(s.Departements) != 0 {
			t.Errorf("%s: %+v, want national with %d× the news", x.name, s, x.k)
		}
	}
	if _, ok := corpus.ScaleByName("huge"); ok {
		t.Error("unknown scale found")
	}
}

// TestFSListsLikeMapFS checks the folder index against fstest.MapFS.
func TestFSListsLikeMapFS(t *testing.T) {
	c := generate(t, corpus.Scale{Name: "t", Departements: []string{"46"}, News: 30})
	if err := fstest.TestFS(c.FS(), "config.toml", "content/pages/a-propos.md"); err != nil {
		t.Fatal(err)
	}
	m, x := c.MapFS(), c.FS()
	for _, dir := range []string{".", "content", "content/cpts", "content/news", "content/pages"} {
		a, errA := fs.ReadDir(m, dir)
		b, errB := fs.ReadDir(x, dir)
		if errA != nil || errB != nil || len(a) != len(b) {
			t.Fatalf("%s: %d entries (%v), indexed %d (%v)", dir, len(a), errA, len(b), errB)
		}
		for i := range a {
			if a[i].Name() != b[i].Name() || a[i].IsDir() != b[i].IsDir() {
				t.Errorf("%s: entry %d is %s, indexed %s", dir, i, a[i].Name(), b[i].Name())
			}
		}
	}
	if _, err := fs.ReadDir(x, "content/none"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("listing a missing folder: %v, want fs.ErrNotExist", err)
	}
	if _, err := fs.ReadDir(x, "config.toml"); err == nil {
		t.Error("listing a file: want an error")
	}
	if _, err := fs.Stat(x, "content/cpts/none.toml"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stat of a missing file: %v, want fs.ErrNotExist", err)
	}
	if info, err := fs.Stat(x, "content/cpts"); err != nil || !info.IsDir() {
		t.Errorf("stat of a folder: %v, %v", info, err)
	}
	if data, err := fs.ReadFile(x, "config.toml"); err != nil || !bytes.Equal(data, c.Files["config.toml"]) {
		t.Errorf("ReadFile(config.toml): %v", err)
	}
}

// bodyText returns a body's text.
func bodyText(t *testing.T, m model.Markdown) []byte {
	t.Helper()
	text, err := m.Text()
	if err != nil {
		t.Fatal(err)
	}
	return text
}
