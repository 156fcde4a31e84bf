package model_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// territories builds CPTS from "slug: code code~ ..." lines, a code ending
// in ~ being partial, and resolves their entries against the table.
func territories(t *testing.T, table *geo.Table, lines ...string) []*model.TerritoryEntry {
	t.Helper()
	var all []*model.TerritoryEntry
	for _, line := range lines {
		slug, codes, _ := strings.Cut(line, ":")
		c := &model.CPTS{Slug: slug}
		for _, code := range strings.Fields(codes) {
			e := &model.TerritoryEntry{CPTS: c, Code: strings.TrimSuffix(code, "~"), Partial: strings.HasSuffix(code, "~")}
			if e.Commune = table.Commune(e.Code); e.Commune == nil {
				t.Fatalf("unknown code %s", e.Code)
			}
			c.Territory.Entries = append(c.Territory.Entries, e)
			all = append(all, e)
		}
	}
	return all
}

// describe writes the claims on a code as "slug[~][<via>]" words.
func describe(cv *model.Coverage, code string) string {
	var out []string
	for _, c := range cv.Of(code) {
		s := c.CPTS.Slug
		if c.Partial {
			s += "~"
		}
		if c.Entry != nil && c.Entry.Commune.Code != code {
			s += "<" + c.Entry.Commune.Code
		}
		for _, a := range c.Arrondissements {
			s += "<" + a.Commune.Code
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func TestCoverage(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	var all16 []string
	for _, a := range table.Arrondissements("13055") {
		all16 = append(all16, a.Code)
	}
	tests := []struct {
		name  string
		lines []string
		want  map[string]string // code → claims
		whole map[string]bool
	}{
		{"a commune named", []string{"a: 34145"}, map[string]string{"34145": "a", "34146": ""}, map[string]bool{"34145": true}},
		{"shared in part", []string{"b: 06088~", "a: 06088~"}, map[string]string{"06088": "a~ b~"}, map[string]bool{"06088": false}},
		{"a city through arrondissements", []string{"a: 13201 13202", "b: 13205~"},
			map[string]string{"13055": "a~<13201<13202 b~<13205", "13201": "a", "13205": "b~", "13204": ""},
			map[string]bool{"13055": false, "13201": true, "13205": false}},
		{"every arrondissement", []string{"a: " + strings.Join(all16, " ")}, map[string]string{"13055": "a<" + strings.Join(all16, "<")}, map[string]bool{"13055": true}},
		{"an arrondissement through its city", []string{"a: 75056", "b: 75101~"},
			map[string]string{"75101": "a<75056 b~", "75056": "a b~<75101"}, map[string]bool{"75101": true}},
		{"a partial city covers its arrondissements in part", []string{"a: 69123~"}, map[string]string{"69381": "a~<69123"}, map[string]bool{"69381": false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cv := model.NewCoverage(territories(t, table, tt.lines...), table)
			for code, want := range tt.want {
				if got := describe(cv, code); got != want {
					t.Errorf("Of(%s) = %q, want %q", code, got, want)
				}
				if cv.Covered(code) != (want != "") {
					t.Errorf("Covered(%s) = %v", code, cv.Covered(code))
				}
			}
			for code, want := range tt.whole {
				if cv.Whole(code) != want {
					t.Errorf("Whole(%s) = %v, want %v", code, !want, want)
				}
			}
			kept := cv.Keep(func(c *model.CPTS) bool { return c.Slug == "a" }, table)
			for _, code := range kept.Reached() {
				for _, c := range kept.Of(code) {
					if c.CPTS.Slug != "a" {
						t.Errorf("Keep: %s still claims %s", c.CPTS.Slug, code)
					}
				}
			}
		})
	}
}

func TestReach(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		line       string
		incomplete bool
		want       string // communes, population, partial population, tier
	}{
		{"a: 34145 34146", false, "2 31130 0 1"},
		{"a: 34146 34145~", false, "2 4507 26623 1"},           // tier 1 either way
		{"a: 06123 06088~", false, "2 32172 357737 0"},         // tier 1 to 4: cannot tell
		{"a: 13201 13202 13203", false, "3 120006 0 3"},        // arrondissements count whole
		{"a: 34145 34146", true, "2 31130 0 0"},                // incomplete: no tier
		{"a: 75056~ 13055~", false, "2 0 2989818 0"},           // all in part
		{"a: 75056 13055 69123~", false, "3 2989818 519127 4"}, // tier 4 whatever the part
	}
	for _, tt := range tests {
		entries := territories(t, table, tt.line)
		terr := &entries[0].CPTS.Territory
		terr.Incomplete = tt.incomplete
		terr.Measure()
		r := terr.Reach
		if got := fmt.Sprint(r.Communes, r.Population, r.PartialPopulation, r.Tier); got != tt.want {
			t.Errorf("%s (incomplete %v): %s, want %s", tt.line, tt.incomplete, got, tt.want)
		}
		if r.WholeCommunes() != r.Communes-len(r.Partial) {
			t.Errorf("%s: WholeCommunes %d", tt.line, r.WholeCommunes())
		}
	}
}

// TestCoverageWithEqualsNewCoverage changes territories at random, one at
// a time, among communes of Marseille (a city, its arrondissements) and
// around Lunel, and checks that Coverage.With gives what NewCoverage of
// every territory gives: the same claims, and the same entries naming
// each commune.
func TestCoverageWithEqualsNewCoverage(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	pool := []string{"13055", "13201", "13202", "13203", "13205", "13216", "34145", "34146", "34151", "30006"}
	rnd := rand.New(rand.NewPCG(1, 2))
	var cpts []*model.CPTS
	for _, slug := range []string{"a", "b", "c"} {
		cpts = append(cpts, &model.CPTS{Slug: slug})
	}
	all := func() []*model.TerritoryEntry {
		var out []*model.TerritoryEntry
		for _, c := range cpts {
			out = append(out, c.Territory.Entries...)
		}
		return out
	}
	cv := model.NewCoverage(nil, table)
	for step := range 300 {
		c := cpts[rnd.IntN(len(cpts))]
		old := c.Territory.Entries
		var entries []*model.TerritoryEntry
		for _, code := range pool {
			if rnd.IntN(3) == 0 {
				entries = append(entries, &model.TerritoryEntry{CPTS: c, Code: code, Commune: table.Commune(code), Partial: rnd.IntN(3) == 0})
			}
		}
		c.Territory.Entries = entries
		cv = cv.With(c, old, table)
		want := model.NewCoverage(all(), table)
		if got, w := fmt.Sprint(cv.Reached()), fmt.Sprint(want.Reached()); got != w {
			t.Fatalf("step %d: reached %s, want %s", step, got, w)
		}
		for _, code := range append(pool, "13204", "69123") {
			if got, w := describe(cv, code), describe(want, code); got != w {
				t.Fatalf("step %d: Of(%s) = %q, want %q", step, code, got, w)
			}
			if got, w := fmt.Sprint(cv.Entries(code)), fmt.Sprint(want.Entries(code)); got != w {
				t.Fatalf("step %d: Entries(%s) differ", step, code)
			}
		}
	}
}
