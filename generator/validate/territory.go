package validate

import (
	"fmt"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// territory resolves the communes of c, reports bad or repeated codes and
// measures what the territory reaches.
func (v *validator) territory(c *model.CPTS) {
	first := map[string]*model.TerritoryEntry{}
	listed := map[string]*model.TerritoryEntry{} // codes as written, for merged codes
	for _, e := range c.Territory.Entries {
		if code := strings.TrimSpace(e.Code); code != "" && listed[code] == nil {
			listed[code] = e
		}
	}
	depts := c.Departements
	for _, e := range c.Territory.Entries {
		if e.Code == "" {
			continue // a value of the wrong type, reported by the loader
		}
		if cur, name := v.current(e.Code); cur != "" && listed[cur] != nil {
			v.diags.Errorf(e.At("insee"), diag.MergedCommune, "%s is a former code of %s (%s), which is listed already", strings.TrimSpace(e.Code), cur, name).
				WithHint("remove this line: %s is listed at %s", cur, listed[cur].At("insee"))
			continue
		}
		com := v.commune(e.At("insee"), e.Code, depts)
		if com == nil {
			continue
		}
		e.Commune = com
		if prev, ok := first[com.Code]; ok {
			v.diags.Errorf(e.At("insee"), diag.DuplicateCommune, "commune %s (%s) is listed twice", com.Code, com.Name).
				WithHint("first listed at %s; remove one", prev.At("insee"))
			e.Commune = nil
			continue
		}
		first[com.Code] = e
		if len(depts) == 0 {
			depts = []string{com.Departement}
		}
	}
	// A city listed whole and by arrondissement at once.
	for _, e := range c.Territory.Entries {
		if e.Commune == nil || e.Commune.Parent == "" {
			continue
		}
		if whole, ok := first[e.Commune.Parent]; ok {
			v.diags.Errorf(e.At("insee"), diag.DuplicateCommune, "arrondissement %s (%s) is part of %s (%s), listed whole",
				e.Commune.Code, e.Commune.Name, whole.Commune.Code, whole.Commune.Name).
				WithHint("list either the whole city (%s) or its arrondissements, not both; whole city listed at %s", whole.Code, whole.At("insee"))
		}
	}
	c.Territory.Measure()
	if len(c.Territory.Entries) == 0 && len(c.Departements) == 0 && !c.Territory.Broken {
		v.diags.Warnf(diag.Pos{File: c.Territory.File}, diag.Required, "territory of %s lists no commune", c.Title()).
			WithHint("list its communes in communes.toml, or at least give departements = [\"..\"] in index.md")
	}
}

// current returns the code and name of the current commune that a former
// code (commune déléguée, associée or merged) now belongs to; "" when the
// code is not a former one.
func (v *validator) current(code string) (string, string) {
	code = strings.TrimSpace(code)
	if v.geo.Commune(code) != nil {
		return "", ""
	}
	if former := v.geo.Former(code); len(former) > 0 {
		return former[0].Parent, former[0].ParentName
	}
	if cur := v.geo.MergedInto(code); cur != nil {
		return cur.Code, cur.Name
	}
	return "", ""
}

// declared compares declared figures with the listed territory.
func (v *validator) declared(c *model.CPTS) {
	t := &c.Territory
	n := t.Reach.Communes
	if c.DeclaredCommunes > 0 && n > 0 {
		switch {
		case !t.Incomplete && n != c.DeclaredCommunes:
			v.diags.Warnf(c.At("declared_communes"), diag.Declared, "declared_communes is %d but communes.toml lists %d", c.DeclaredCommunes, n).
				WithHint("correct the figure, or set incomplete = true in communes.toml if the list is partial")
		case t.Incomplete && n > c.DeclaredCommunes:
			v.diags.Warnf(c.At("declared_communes"), diag.Declared, "declared_communes is %d but communes.toml already lists %d", c.DeclaredCommunes, n)
		}
	}
	// With communes covered in part, the population lies between the
	// inhabitants of the communes covered whole and all of them.
	low, high := t.Reach.Population, t.Reach.Population+t.Reach.PartialPopulation
	if d := c.DeclaredPopulation; d > 0 && high > 0 && !t.Incomplete && (float64(high) < 0.9*float64(d) || float64(low) > 1.1*float64(d)) {
		pop := fmt.Sprintf("%d inhabitants (%+.0f%%)", low, float64(low-d)/float64(d)*100)
		if low != high {
			pop = fmt.Sprintf("%d to %d inhabitants, with the communes covered in part", low, high)
		}
		v.diags.Warnf(c.At("declared_population"), diag.Declared, "declared_population is %d but the listed communes have %s", d, pop).
			WithHint("the reference population is INSEE's; a difference over 10%% usually means a missing or extra commune")
	}
	if c.SizeTier > 0 && c.DeclaredPopulation > 0 {
		if tier := model.SizeTier(c.DeclaredPopulation); tier != c.SizeTier {
			v.diags.Warnf(c.At("size_tier"), diag.Declared, "size_tier is %d but a declared population of %d is tier %d", c.SizeTier, c.DeclaredPopulation, tier).
				WithHint("tiers: 1 under 40,000 inhabitants, 2 under 80,000, 3 under 175,000, 4 above")
		}
	}
}
