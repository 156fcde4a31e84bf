package carto

import (
	"sort"
	"strings"
	"testing"
)

// denseTerritories are test fixtures built from public reference data
// (COG communes and their boundaries, shared data README): territories
// whose communes are close together, where names collide if placed
// naively.
var denseTerritories = map[string][]string{
	// The 14 communes of CA Lunel Agglo (SIREN 243400520), the territory
	// of the sample CPTS du Pays de Lunel: Lunel-Viel is 3 km from Lunel.
	"lunel": strings.Fields(`34033 34048 34110 34112 34145 34146 34151 34246 34272 34280 34288 34294 34296 34340`),
	// The 16 arrondissements of Marseille: a city covered by arrondissement.
	"marseille": strings.Fields(`13201 13202 13203 13204 13205 13206 13207 13208 13209 13210 13211 13212 13213 13214 13215 13216`),
}

// labelsOf returns a label for each commune, the most populous first, as
// render gives them.
func labelsOf(a *Atlas, codes []string) []Label {
	cs := make([]Label, 0, len(codes))
	pop := map[string]int{}
	for _, code := range codes {
		c := a.geo.Commune(code)
		if c == nil || !c.HasPoint {
			continue
		}
		pop[c.Name] = c.Population
		cs = append(cs, Label{Name: c.Name, Lon: c.Lon, Lat: c.Lat})
	}
	sort.SliceStable(cs, func(i, j int) bool { return pop[cs[i].Name] > pop[cs[j].Name] })
	return cs
}

// TestLabelsDoNotOverlap places every commune's name on dense territories
// and checks that no name covers another name or a dot, that all stay in
// the map, that the main town is always named, and that most names find
// a place.
func TestLabelsDoNotOverlap(t *testing.T) {
	a := atlas(t)
	for name, codes := range denseTerritories {
		_, f, z := a.territoryFrame(codes)
		labels := labelsOf(a, codes)
		if len(labels) != len(codes) {
			t.Fatalf("%s: %d labels for %d communes", name, len(labels), len(codes))
		}
		ps, _ := placeLabels(f, z, labels)
		if len(ps) == 0 || ps[0].Name != labels[0].Name {
			t.Fatalf("%s: the main town %s is not labelled", name, labels[0].Name)
		}
		if len(ps) < len(labels)/2 {
			t.Errorf("%s: only %d of %d names placed", name, len(ps), len(labels))
		}
		for i, p := range ps {
			if !p.text.inside(f.w, f.h) {
				t.Errorf("%s: %s at %v leaves the %d×%d map", name, p.Name, p.text, f.w, f.h)
			}
			for _, q := range ps[:i] {
				if p.text.overlaps(q.text) || p.text.overlaps(q.dot) || p.dot.overlaps(q.text) {
					t.Errorf("%s: %s %v overlaps %s %v", name, p.Name, p.text, q.Name, q.text)
				}
			}
		}
	}
}

// TestLabelsFirstAlwaysDrawn checks that the first label is drawn even
// where no candidate position is free, and kept inside the map when its
// dot is at the edge.
func TestLabelsFirstAlwaysDrawn(t *testing.T) {
	a := atlas(t)
	codes := denseTerritories["lunel"]
	_, f, z := a.territoryFrame(codes)
	long := Label{Name: strings.Repeat("Saint-Nazaire-de-Pézan ", 6), Lon: 4.1356, Lat: 43.6756}
	ps, _ := placeLabels(f, z, []Label{long, {Name: "Lunel", Lon: 4.1356, Lat: 43.6756}})
	if len(ps) != 1 || ps[0].Name != long.Name {
		t.Fatalf("placed %v, want the first label only (the second's dot is under it)", ps)
	}
}
