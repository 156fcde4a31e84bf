package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
)

func TestFrench(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"de", de("Lunel"), "de Lunel"},
		{"de le", de("Le Mans"), "du Mans"},
		{"de les", de("Les Sables-d'Olonne"), "des Sables-d'Olonne"},
		{"de la", de("La Rochelle"), "de La Rochelle"},
		{"de vowel", de("Agen"), "d’Agen"},
		{"de accent", de("Étampes"), "d’Étampes"},
		{"a", a("Lunel"), "à Lunel"},
		{"a le", a("Le Mans"), "au Mans"},
		{"a les", a("Les Mureaux"), "aux Mureaux"},
		{"number small", number(9999), "9999"},
		{"number", number(48219), "48\u202f219"},
		{"number million", number(2103778), "2\u202f103\u202f778"},
		{"date", longDate(2024, 3, 12), "12 mars 2024"},
		{"date first", longDate(2020, 7, 1), "1er juillet 2020"},
		{"enumerate 1", enumerate([]string{"a"}), "a"},
		{"enumerate 3", enumerate([]string{"a", "b", "c"}), "a, b et c"},
		{"slug", slugify("Cœur d’Angers"), "coeur-d-angers"},
		{"news slug", newsSlug("Assemblée générale de la CPTS : le bilan de l’année"), "assemblee-generale-de-la-cpts-le-bilan"},
		{"quote", quote("oui"), "«\u00a0oui\u00a0»"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"un", 1}, {" un  deux\n\ntrois ", 3}, {"## Titre\n\n- a\n", 4},
	}
	for _, tt := range tests {
		if got := countWords(tt.in); got != tt.want {
			t.Errorf("countWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestFillPanicsOnUnknownVariable(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("want a panic")
		}
	}()
	newWriter(rand.New(rand.NewPCG(1, 2)), map[string]string{}).fill("{nope}")
}

// TestEveryTemplateFills fills every sentence of every bank with the
// variables the generator sets, so a misspelt variable fails here.
func TestEveryTemplateFills(t *testing.T) {
	vars := map[string]string{}
	for _, k := range []string{"la_cpts", "La_cpts", "cpts_link", "short", "main", "a_main", "de_main", "c2", "a_c2", "de_c2",
		"c_link", "communes_links", "n_communes", "pop", "n_members", "profs", "dept_link", "voisin", "partner", "person",
		"year", "created", "date_event", "page_link", "n_cpts"} {
		vars[k] = "x"
	}
	w := newWriter(rand.New(rand.NewPCG(1, 2)), vars)
	pools := []pool{{territoryOpening, partnersOpening}, territoryPool, whyPool, membersPool, partnersPool, joinPool, healthPool, newsPool, sitePool, pagePool}
	for _, topics := range [][]newsTopic{cptsTopics, siteTopics} {
		for _, tp := range topics {
			pools = append(pools, tp.lead, tp.titles)
		}
	}
	for _, p := range pools {
		for _, s := range p {
			if got := w.fill(s); strings.ContainsAny(got, "{}") {
				t.Errorf("unfilled: %q", got)
			}
		}
	}
}

// TestNationalPartition checks the territories of the whole country: about
// 900, each inside one département, covering most communes, and no commune
// in two territories unless both mark it shared.
func TestNationalPartition(t *testing.T) {
	tb, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	trs := partition(tb, nil)
	if n := len(trs); n < 850 || n > 950 {
		t.Errorf("%d territories, want about 900", n)
	}
	owner := map[string]*territory{}
	for _, tr := range trs {
		if len(tr.communes) == 0 {
			t.Fatal("empty territory")
		}
		for _, c := range tr.communes {
			if c.Departement != tr.dept.Code {
				t.Errorf("%s (%s) is outside the département %s of its territory", c.Name, c.Code, tr.dept.Code)
			}
			if prev, ok := owner[c.Code]; ok && !(tr.shared[c.Code] && prev.shared[c.Code]) {
				t.Errorf("%s (%s) is in two territories without being shared", c.Name, c.Code)
			}
			owner[c.Code] = tr
		}
	}
	eligibleCount := 0
	split := splitCities(tb)
	for _, c := range tb.Communes() {
		if eligible(c, split) {
			eligibleCount++
		}
	}
	if share := float64(len(owner)) / float64(eligibleCount); share < 0.9 || share > 0.99 {
		t.Errorf("territories cover %.1f%% of the communes, want most but not all", 100*share)
	}
}
