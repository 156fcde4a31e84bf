package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/search"
	"github.com/cpts-fr/cpts/themes"
)

// plannedSites are sites whose pages differ in every way package plan
// follows: scope, [communes] pages, drafts, scheduled and expired news.
// They are the sample content, copied with more news and configurations.
func plannedSites(t *testing.T) (fs.FS, map[string]Options) {
	t.Helper()
	dir := t.TempDir()
	for _, d := range []string{"content", "sites"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join("../..", d))); err != nil {
			t.Fatal(err)
		}
	}
	news := func(front string) string {
		return "+++\n" + front + "\nsummary = \"Essai.\"\n+++\nEssai.\n"
	}
	for name, data := range map[string]string{
		"config.toml":                                               mustRead(t, "../../config.toml"),
		"sites/lot.toml":                                            "title = \"Lot\"\nbase_url = \"https://example.org/lot/\"\n[scope]\ndepartements = [\"46\"]\ndirectory_url = \"https://example.org/\"\n",
		"sites/all.toml":                                            "title = \"Toutes\"\nbase_url = \"https://example.org/\"\n[communes]\npages = \"all\"\n",
		"sites/covered.toml":                                        "title = \"Couvertes\"\nbase_url = \"https://example.org/\"\n[communes]\npages = \"covered\"\n",
		"content/news/2024-05-02-brouillon.md":                      news("title = \"Brouillon\"\ndate = 2024-05-02\ndraft = true"),
		"content/news/2031-01-02-plus-tard.md":                      news("title = \"Plus tard\"\ndate = 2031-01-02"),
		"content/cpts/e-rhony/news/2024-06-01-expire.md":            news("title = \"Expirée\"\ndate = 2024-06-01\nexpires = 2025-01-01"),
		"content/cpts/quercy-bouriane/news/2024-07-01-brouillon.md": news("title = \"Brouillon\"\ndate = 2024-07-01\ndraft = true"),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	return os.DirFS(dir), map[string]Options{
		"sample":          {},
		"sample, drafts":  {Drafts: true},
		"sample, in 2026": {Now: now},
		"région":          {Config: "sites/occitanie.toml", Now: now},
		"département":     {Config: "sites/lot.toml", Drafts: true},
		"every commune":   {Config: "sites/all.toml"},
		"covered only":    {Config: "sites/covered.toml", Now: now, Drafts: true},
	}
}

func mustRead(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestScopedIndexKeepsItsCommunes checks that a site of one département
// suggests its communes only: a commune elsewhere would read "aucune
// CPTS" when CPTS of another site cover it.
func TestScopedIndexKeepsItsCommunes(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	src, sites := plannedSites(t)
	opts := sites["département"]
	opts.Source, opts.Theme, opts.Geo = src, themes.Default(), table
	res, diags := Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	s, err := search.Open(func(p string) ([]byte, error) {
		data, ok := res.Files.Get(p)
		if !ok {
			return nil, fs.ErrNotExist
		}
		return data, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	home, _ := res.Files.Get("index.html")
	if !strings.Contains(string(home), "Voir la carte des CPTS de l’annuaire") || strings.Contains(string(home), "CPTS de France") {
		t.Error("the Lot's home page does not link the map of its own directory")
	}
	for q, want := range map[string]string{"gourdon": "commune:46127", "montpellier": "", "marseille": ""} {
		got, err := s.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, r := range got {
			if r.Kind == search.KindCommune {
				ids = append(ids, r.ID)
			}
		}
		if want == "" && len(ids) > 0 || want != "" && (len(ids) == 0 || ids[0] != want) {
			t.Errorf("%q on the Lot's site: communes %v, want %q first (none if empty)", q, ids, want)
		}
	}
}
