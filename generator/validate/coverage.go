package validate

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// coverage fills Site.Coverage and warns, once per commune, when several
// CPTS claim it and not all of them in part.
func (v *validator) coverage() {
	var entries []*model.TerritoryEntry
	for _, c := range v.site.CPTS {
		entries = append(entries, c.Territory.Entries...)
	}
	v.site.Coverage = model.NewCoverage(entries, v.geo)
	v.sharedCommunes(v.site.Coverage.Named())
}

// Territory makes site.Coverage again once the territory of c changed
// from old (model.Coverage.With), for the dev server, and returns the
// warnings Site gives on the communes c names or named (several CPTS
// claim one of them, or its city, not all in part).
func Territory(site *model.Site, c *model.CPTS, old []*model.TerritoryEntry) diag.List {
	v := &validator{site: site, geo: site.Geo}
	site.Coverage = site.Coverage.With(c, old, site.Geo)
	var codes []string
	for _, list := range [][]*model.TerritoryEntry{old, c.Territory.Entries} {
		for _, e := range list {
			if e.Commune != nil {
				codes = append(codes, e.Commune.Code, e.Commune.Parent)
			}
		}
	}
	slices.Sort(codes)
	v.sharedCommunes(slices.Compact(codes))
	return v.diags.Sort()
}

// sharedCommunes warns, once per commune of codes that territories name,
// when several CPTS claim it and not all of them in part.
func (v *validator) sharedCommunes(codes []string) {
	cv := v.site.Coverage
	for _, code := range codes {
		if len(cv.Entries(code)) > 0 {
			v.shared(v.geo.Commune(code), cv)
		}
	}
}

// shared reports the claims on com that conflict: the same code named by
// several CPTS, not all in part; or a city named whole by one CPTS while
// others list its arrondissements.
func (v *validator) shared(com *geo.Commune, cv *model.Coverage) {
	named := cv.Entries(com.Code)
	var whole []*model.TerritoryEntry
	for _, e := range named {
		if !e.Partial {
			whole = append(whole, e)
		}
	}
	if len(whole) == 0 {
		return
	}
	// Arrondissements listed by CPTS that do not name the city, by CPTS.
	var others []*model.CPTS
	byCPTS := map[*model.CPTS][]*model.TerritoryEntry{}
	for _, arr := range v.geo.Arrondissements(com.Code) {
		for _, e := range cv.Entries(arr.Code) {
			if namesCity(named, e.CPTS) {
				continue // listed whole and by arrondissement: a duplicate-commune error
			}
			if byCPTS[e.CPTS] == nil {
				others = append(others, e.CPTS)
			}
			byCPTS[e.CPTS] = append(byCPTS[e.CPTS], e)
		}
	}
	sameCode := len(named) > 1
	if !sameCode && len(others) == 0 {
		return
	}
	var claimants []string
	for _, e := range named {
		claimants = append(claimants, fmt.Sprintf("%s (%s)", e.CPTS.Slug, e.At("insee")))
	}
	sortCPTS(others)
	for _, c := range others {
		codes := make([]string, len(byCPTS[c]))
		for i, e := range byCPTS[c] {
			codes[i] = e.Commune.Code
		}
		claimants = append(claimants, fmt.Sprintf("%s (%s %s at %s)", c.Slug, plural(len(codes), "arrondissement"), strings.Join(codes, ", "), byCPTS[c][0].At("insee")))
	}
	d := v.diags.Warnf(whole[0].At("insee"), diag.SharedCommune, "commune %s (%s) is claimed by %d CPTS, not all in part: %s",
		com.Code, com.Name, len(named)+len(others), strings.Join(claimants, ", "))
	var hints []string
	if sameCode {
		files := make([]string, len(whole))
		for i, e := range whole {
			files[i] = e.CPTS.Territory.File
		}
		where := strings.Join(files, " and ")
		if len(whole) == 2 && len(named) == 2 {
			where = "both files"
		}
		hints = append(hints, fmt.Sprintf("if each CPTS covers part of %s, write { insee = %q, partial = true } in %s; otherwise keep it in one territory only",
			com.Name, com.Code, where))
	}
	if len(others) > 0 {
		for _, e := range whole {
			hints = append(hints, fmt.Sprintf("%s lists all of %s while other CPTS list arrondissements: list there the arrondissements %s covers instead of %q, or write { insee = %q, partial = true }",
				e.CPTS.Territory.File, com.Name, e.CPTS.Slug, com.Code, com.Code))
		}
	}
	d.WithHint("%s", strings.Join(hints, "\n"))
}

func namesCity(named []*model.TerritoryEntry, c *model.CPTS) bool {
	for _, e := range named {
		if e.CPTS == c {
			return true
		}
	}
	return false
}

func sortCPTS(cs []*model.CPTS) {
	slices.SortFunc(cs, func(a, b *model.CPTS) int { return strings.Compare(a.Slug, b.Slug) })
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
