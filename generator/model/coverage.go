package model

import (
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
	for _, list := range cv.direct {
		if len(list) > 1 { // most communes have one CPTS
			sort.SliceStable(list, func(i, j int) bool { return list[i].CPTS.Slug < list[j].CPTS.Slug })
		}
	}
	for code, list := range cv.direct {
		for _, e := range list {
			cv.add(code, Claim{CPTS: e.CPTS, Entry: e, Partial: e.Partial})
		}
		com := list[0].Commune
		if com.Parent != "" {
			cv.throughArrondissements(com.Parent, list, len(table.Arrondissements(com.Parent)))
		}
		for _, arr := range table.Arrondissements(code) {
			for _, e := range list {
				cv.add(arr.Code, Claim{CPTS: e.CPTS, Entry: e, Partial: e.Partial})
			}
		}
	}
	for _, claims := range cv.claims {
		if len(claims) > 1 {
			sort.SliceStable(claims, func(i, j int) bool { return claims[i].CPTS.Slug < claims[j].CPTS.Slug })
		}
	}
	return cv
}

// throughArrondissements records that the CPTS of list, entries of one
// arrondissement of city, cover the city: whole when one lists all n
// arrondissements and none in part.
func (cv *Coverage) throughArrondissements(city string, list []*TerritoryEntry, n int) {
	for _, e := range list {
		i := cv.find(city, e.CPTS)
		if i < 0 {
			cv.claims[city] = append(cv.claims[city], Claim{CPTS: e.CPTS})
			i = len(cv.claims[city]) - 1
		}
		c := &cv.claims[city][i]
		if c.Entry != nil {
			continue // the CPTS names the city itself, which validate refuses
		}
		c.Arrondissements = append(c.Arrondissements, e)
		sort.Slice(c.Arrondissements, func(i, j int) bool {
			return c.Arrondissements[i].Commune.Code < c.Arrondissements[j].Commune.Code
		})
		whole := len(c.Arrondissements) == n
		for _, a := range c.Arrondissements {
			whole = whole && !a.Partial
		}
		c.Partial = !whole
	}
}

// add records a claim on code unless the CPTS already has one there: a
// CPTS that names a commune reaches it through that entry only.
func (cv *Coverage) add(code string, c Claim) {
	if i := cv.find(code, c.CPTS); i >= 0 {
		if cv.claims[code][i].Entry == nil || cv.claims[code][i].Entry.Commune.Code != code {
			cv.claims[code][i] = c // a direct entry wins over its city's
		}
		return
	}
	cv.claims[code] = append(cv.claims[code], c)
}

func (cv *Coverage) find(code string, c *CPTS) int {
	for i, x := range cv.claims[code] {
		if x.CPTS == c {
			return i
		}
	}
	return -1
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
