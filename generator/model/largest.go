package model

import (
	"cmp"
	"slices"
	"strings"
)

// Largest is the head of a territory by population: the names of its
// most populous communes, and how many communes it has beyond them.
type Largest struct {
	Names []string
	More  int
}

// Largest returns the names of the n most populous communes of the
// territory, largest first, then by name, and how many others it has
// (entries whose commune is unknown are not counted).
func (t *Territory) Largest(n int) Largest {
	var communes []*TerritoryEntry
	for _, e := range t.Entries {
		if e.Commune != nil {
			communes = append(communes, e)
		}
	}
	slices.SortStableFunc(communes, func(a, b *TerritoryEntry) int {
		return cmp.Or(cmp.Compare(b.Commune.Population, a.Commune.Population), strings.Compare(a.Commune.Name, b.Commune.Name))
	})
	var l Largest
	for i, e := range communes {
		if i == n {
			l.More = len(communes) - n
			break
		}
		l.Names = append(l.Names, e.Commune.Name)
	}
	return l
}
