package model

import (
	"maps"
	"slices"
	"sort"

	"github.com/cpts-fr/cpts/generator/geo"
)

// Coverage answers "which CPTS cover this commune, and how": the one place
// where the answer is decided, for pages, maps, search, open data and
// checks alike. It is built once from the resolved territory entries.
//
// A commune is reached three ways: by an entry that names it; for an
// arrondissement municipal, by an entry that names its whole city; for
// Paris, Lyon or Marseille, by the entries of its arrondissements (the
// city is then covered in part, or whole when a CPTS lists every
// arrondissement and none in part).
type Coverage struct {
	direct map[string][]*TerritoryEntry // by the code an entry names
	claims map[string][]Claim           // by every code reached
}

// Claim is one CPTS covering one commune.
type Claim struct {
	CPTS *CPTS
	// Entry is the entry that names the commune, or its whole city for an
	// arrondissement; nil for a city covered through its arrondissements.
	Entry *TerritoryEntry
	// Arrondissements lists, for a city, the entries of its
	// arrondissements that this CPTS lists, by code.
	Arrondissements []*TerritoryEntry
	// Partial is set when the CPTS covers only part of the commune.
	Partial bool
}

// Note returns the note of the entry that names the commune, if any.
func (c Claim) Note() string {
	if c.Entry != nil {
		return c.Entry.Note
	}
	return ""
}

// NewCoverage builds the coverage of the communes named by the entries
// (those with a resolved Commune), with table giving the arrondissements
// of each city.
func NewCoverage(entries []*TerritoryEntry, table *geo.Table) *Coverage {
	cv := &Coverage{direct: make(map[string][]*TerritoryEntry, len(entries)), claims: make(map[string][]Claim, len(entries))}
	for _, e := range entries {
		if e.Commune != nil {
			cv.direct[e.Commune.Code] = append(cv.direct[e.Commune.Code], e)
		}
	}
	reached := make(map[string]bool, len(cv.direct))
	for _, list := range cv.direct {
		sortBySlug(list)
		reaches(reached, list[0].Commune, table)
	}
	for code := range reached {
		cv.claim(code, table)
	}
	return cv
}

// With returns the coverage once the territory of c changed from old to
// what it holds now: cv with the claims on the communes either names made
// again, the same as NewCoverage of every territory. cv is unchanged.
func (cv *Coverage) With(c *CPTS, old []*TerritoryEntry, table *geo.Table) *Coverage {
	next := &Coverage{direct: maps.Clone(cv.direct), claims: maps.Clone(cv.claims)}
	named := map[string]bool{}
	for _, list := range [][]*TerritoryEntry{old, c.Territory.Entries} {
		for _, e := range list {
			if e.Commune != nil {
				named[e.Commune.Code] = true
			}
		}
	}
	reached := map[string]bool{}
	for code := range named {
		list := slices.DeleteFunc(slices.Clone(next.direct[code]), func(e *TerritoryEntry) bool { return e.CPTS == c })
		for _, e := range c.Territory.Entries {
			if e.Commune != nil && e.Commune.Code == code {
				list = append(list, e)
			}
		}
		if len(list) == 0 {
			delete(next.direct, code)
		} else {
			sortBySlug(list)
			next.direct[code] = list
		}
		reaches(reached, table.Commune(code), table)
	}
	for code := range reached {
		next.claim(code, table)
	}
	return next
}

// sortBySlug sorts entries by the slug of their CPTS.
func sortBySlug(list []*TerritoryEntry) {
	if len(list) > 1 { // most communes have one CPTS
		sort.SliceStable(list, func(i, j int) bool { return list[i].CPTS.Slug < list[j].CPTS.Slug })
	}
}

// reaches adds to set the communes whose claims an entry naming com makes:
// com, its city when it is an arrondissement, and its arrondissements when
// it is a city.
func reaches(set map[string]bool, com *geo.Commune, table *geo.Table) {
	if com == nil {
		return
	}
	set[com.Code] = true
	if com.Parent != "" {
		set[com.Parent] = true
	}
	for _, arr := range table.Arrondissements(com.Code) {
		set[arr.Code] = true
	}
}

// claim makes the claims on a commune from the entries that name it, its
// city or its arrondissements (see Coverage), one per CPTS, sorted by
// slug: a CPTS that names the commune reaches it through that entry only;
// one that names its city, through the city's entry; one that lists
// arrondissements of a city covers the city through them, whole when it
// lists all of them and none in part.
func (cv *Coverage) claim(code string, table *geo.Table) {
	var out []Claim
	find := func(c *CPTS) int {
		return slices.IndexFunc(out, func(x Claim) bool { return x.CPTS == c })
	}
	for _, e := range cv.direct[code] {
		out = append(out, Claim{CPTS: e.CPTS, Entry: e, Partial: e.Partial})
	}
	if com := table.Commune(code); com != nil && com.Parent != "" {
		for _, e := range cv.direct[com.Parent] {
			if find(e.CPTS) < 0 {
				out = append(out, Claim{CPTS: e.CPTS, Entry: e, Partial: e.Partial})
			}
		}
	}
	arrs := table.Arrondissements(code)
	through := len(out) // claims past this one come through arrondissements
	for _, arr := range arrs {
		for _, e := range cv.direct[arr.Code] {
			i := find(e.CPTS)
			if i < 0 {
				out = append(out, Claim{CPTS: e.CPTS})
				i = len(out) - 1
			}
			if i >= through {
				out[i].Arrondissements = append(out[i].Arrondissements, e)
			}
		}
	}
	for i := through; i < len(out); i++ {
		c := &out[i]
		sort.Slice(c.Arrondissements, func(i, j int) bool {
			return c.Arrondissements[i].Commune.Code < c.Arrondissements[j].Commune.Code
		})
		whole := len(c.Arrondissements) == len(arrs)
		for _, a := range c.Arrondissements {
			whole = whole && !a.Partial
		}
		c.Partial = !whole
	}
	if len(out) == 0 {
		delete(cv.claims, code)
		return
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CPTS.Slug < out[j].CPTS.Slug })
	cv.claims[code] = out
}

// Of returns the claims on a commune, one per CPTS, sorted by CPTS slug.
// The slice is shared and must not be modified.
func (cv *Coverage) Of(code string) []Claim {
	if cv == nil {
		return nil
	}
	return cv.claims[code]
}

// Covered reports whether at least one CPTS covers the commune, whole or
// in part.
func (cv *Coverage) Covered(code string) bool { return len(cv.Of(code)) > 0 }

// Whole reports whether at least one CPTS covers all of the commune.
func (cv *Coverage) Whole(code string) bool {
	for _, c := range cv.Of(code) {
		if !c.Partial {
			return true
		}
	}
	return false
}

// Entries returns the entries that name the commune itself, sorted by CPTS
// slug. The slice is shared and must not be modified.
func (cv *Coverage) Entries(code string) []*TerritoryEntry {
	if cv == nil {
		return nil
	}
	return cv.direct[code]
}

// Named returns the codes that entries name, sorted.
func (cv *Coverage) Named() []string {
	if cv == nil {
		return nil
	}
	return sortedKeys(cv.direct)
}

// Reached returns the codes of every commune covered, whole or in part,
// sorted.
func (cv *Coverage) Reached() []string {
	if cv == nil {
		return nil
	}
	return sortedKeys(cv.claims)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Keep returns the coverage by the CPTS that keep accepts only.
func (cv *Coverage) Keep(keep func(*CPTS) bool, table *geo.Table) *Coverage {
	var entries []*TerritoryEntry
	for _, list := range cv.direct {
		for _, e := range list {
			if keep(e.CPTS) {
				entries = append(entries, e)
			}
		}
	}
	return NewCoverage(entries, table)
}
