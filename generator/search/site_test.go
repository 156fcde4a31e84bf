package search

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/validate"
)

// The test site: every commune of France, four CPTS in the Hérault, the
// Gard and Maine-et-Loire, their members, missions and news. Communes of
// those three départements have a page; the others link elsewhere.

var (
	tableOnce sync.Once
	geoTab    *geo.Table
	tableErr  error
)

func geoTable(t testing.TB) *geo.Table {
	tableOnce.Do(func() { geoTab, tableErr = geo.Load() })
	if tableErr != nil {
		t.Fatal(tableErr)
	}
	return geoTab
}

func territory(codes ...string) model.Territory {
	var t model.Territory
	for _, c := range codes {
		t.Entries = append(t.Entries, &model.TerritoryEntry{Code: c})
	}
	return t
}

func members(professions ...string) []*model.Member {
	var out []*model.Member
	for _, p := range professions {
		m := &model.Member{Kind: model.KindProfessionnel, Profession: model.Profession(p)}
		m.Mark("profession", diag.Pos{})
		out = append(out, m)
	}
	return out
}

func mission(kind, title, summary string) *model.Mission {
	return &model.Mission{Kind: model.MissionKind(kind), Title: title, Summary: summary}
}

// testSite builds and validates the test site.
func testSite(t testing.TB) *model.Site {
	lunel := &model.CPTS{Slug: "pays-de-lunel", Name: "CPTS du Pays de Lunel", ShortName: "Pays de Lunel", Association: "APSL",
		Status: model.StatusACISigne, Summary: "s",
		Territory: territory("34145", "34146", "34151"),
		Members:   members("sage-femme", "infirmier", "infirmier", "medecin-generaliste"),
		Missions: []*model.Mission{
			mission("soins-non-programmes", "Soins non programmés", "Organiser la réponse aux demandes de soins non programmés, pour éviter les passages aux urgences."),
			mission("parcours", "Parcours santé mentale", "Coordonner la prise en charge des patients souffrant de troubles psychiques."),
		}}
	camargue := &model.CPTS{Slug: "terre-de-camargue", Name: "CPTS Terre de Camargue", Association: "ACTC",
		Status: model.StatusProjet, Summary: "s",
		Territory: territory("30276", "30003", "30133"),
		Members:   members("infirmier", "pharmacien", "masseur-kinesitherapeute"),
		Missions: []*model.Mission{
			mission("prevention", "Prévention des chutes", "Des ateliers d’équilibre pour les personnes âgées, dans chaque commune."),
		}}
	nimes := &model.CPTS{Slug: "nimes-metropole", Name: "CPTS Nîmes Métropole", Status: model.StatusProjet, Summary: "s",
		Territory: territory("30189"),
		Missions: []*model.Mission{
			mission("acces-medecin-traitant", "Accès à un médecin traitant", "Aider les patients sans médecin traitant à en trouver un."),
			mission("soins-non-programmes", "Soins non programmés", "Une permanence le samedi matin."),
		}}
	colhaj := &model.CPTS{Slug: "colhaj", Name: "CPTS COLHAJ", Association: "Communauté du Lion et du Haut-Anjou",
		Status: model.StatusACISigne, Summary: "s",
		Territory: territory("49176"),
		Members:   members("sage-femme", "orthophoniste")}
	// A city listed by arrondissement, with no stage given.
	marseille := &model.CPTS{Slug: "marseille-sud", Name: "CPTS Marseille Sud", Summary: "s",
		Territory: territory("13205", "13206", "13208")}
	site := &model.Site{
		Config: model.DefaultConfig(),
		CPTS:   []*model.CPTS{colhaj, marseille, nimes, lunel, camargue},
	}
	site.Config.Title = "Annuaire"
	site.Config.BaseURL = "https://example.org/"
	for _, c := range site.CPTS {
		for _, e := range c.Territory.Entries {
			e.CPTS = c
		}
	}
	news := []*model.News{
		{Slug: "signature-aci", Title: "Signature de l’accord conventionnel", CPTS: lunel,
			Date: model.Date{Year: 2020, Month: 7, Day: 17, Precision: model.Day}, Summary: "La CPTS a signé l’ACI avec l’Assurance maladie.",
			Body: model.NewMarkdown([]byte("Les professionnels de santé du territoire ont signé l’accord. Voir [la page](/cpts/pays-de-lunel/) et <https://example.org/aci>.\n\nLes consultations de **soins non programmés** commencent en septembre."), diag.Pos{})},
		{Slug: "550-cpts-en-france", Title: "550 CPTS en France", Tags: []string{"chiffres"},
			Date: model.Date{Year: 2024, Month: 4, Precision: model.Month}, Summary: "En avril 2024, on dénombre 550 CPTS.",
			Body: model.NewMarkdown([]byte("La France compte 550 communautés professionnelles territoriales de santé ; le Gard en compte huit."), diag.Pos{})},
		{Slug: "brouillon", Title: "Brouillon secret", Draft: true, Date: model.Date{Year: 2025, Precision: model.Year}},
	}
	site.News = news
	lunel.News = news[:1]
	if d := validate.Site(site, geoTable(t)); d.HasErrors() {
		t.Fatalf("test site:\n%v", d)
	}
	return site
}

// testPages is the set of pages of the test site that search links to.
func testPages(site *model.Site) func(string) bool {
	pages := map[string]bool{"/departements/30/": true, "/departements/34/": true, "/departements/49/": true, "/departements/13/": true,
		"/regions/76/": true, "/regions/52/": true}
	for _, c := range site.Geo.Communes() {
		switch c.Departement {
		case "13", "30", "34", "49":
			pages["/communes/"+c.Code+"/"] = true
		}
	}
	return func(p string) bool { return pages[p] }
}

// themeLabels reads the UI strings of the default theme.
func themeLabels(t testing.TB) func(string) string {
	data, err := os.ReadFile("../../themes/default/i18n/fr.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if _, err := toml.Decode(string(data), &m); err != nil {
		t.Fatal(err)
	}
	return func(k string) string { return m[k] }
}

// testIndex builds the index of the test site.
func testIndex(t testing.TB) []output.File {
	site := testSite(t)
	return indexFiles(site, Options{HasPage: testPages(site), Label: themeLabels(t), ShardBytes: testShardBytes})
}

// testShardBytes is the shard size of the test index: the default.
const testShardBytes = DefaultShardBytes

// searcher opens an index held in memory.
func searcher(t testing.TB, files []output.File) *Searcher {
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	s, err := Open(func(p string) ([]byte, error) {
		if d, ok := byPath[strings.TrimPrefix(p, "/")]; ok {
			return d, nil
		}
		return nil, os.ErrNotExist
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// indexFiles is Index for a test whose site's texts are all held: the
// index's files alone.
func indexFiles(site *model.Site, opts Options) []output.File {
	files, _ := Index(site, opts)
	return files
}

// TestDocumentOrderIsTotal: no two documents of the test site (every
// commune, the sample's CPTS, missions and news) share their kind, rank and
// tie, so the global order does not depend on the sort being stable.
func TestDocumentOrderIsTotal(t *testing.T) {
	docs, _ := collect(testSite(t), Options{Label: themeLabels(t)})
	for i := 1; i < len(docs); i++ {
		a, b := docs[i-1], docs[i]
		if a.kind == b.kind && a.rank == b.rank && a.tie == b.tie {
			t.Errorf("documents %d and %d share kind %d, rank %d and tie %q", i-1, i, a.kind, a.rank, a.tie)
		}
	}
	if len(docs) < 35000 {
		t.Fatalf("%d documents, want every commune and more", len(docs))
	}
}

// TestIndexIsMinified: the index files are as compact as the minifier
// would make them, which the build therefore does not run on them
// (output.Set.AddCompact).
func TestIndexIsMinified(t *testing.T) {
	m := output.NewMinifier()
	for _, f := range indexFiles(testSite(t), Options{Label: themeLabels(t)}) {
		got, err := m.Minify(f.Path, f.Data)
		if err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Fatalf("%s: the minifier changes it (%d -> %d bytes)", f.Path, len(f.Data), len(got))
		}
	}
}
