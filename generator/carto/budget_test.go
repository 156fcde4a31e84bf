package carto

import (
	"fmt"
	"testing"
)

// Size budgets of issue #5, gzipped: the maps must stay light enough for a
// cheap phone on a slow network.
const (
	territoryBudget   = 30 << 10
	departementBudget = 80 << 10
	franceBudget      = 250 << 10
)

// epciTerritories returns the 1,255 EPCI as territories: real groups of
// neighbouring communes, of the size of CPTS territories and more (the
// largest, the Métropole du Grand Paris, has 131 communes), each in one of
// the four stages in turn.
func epciTerritories(a *Atlas) []Area {
	var out []Area
	for i, e := range a.geo.EPCIs() {
		out = append(out, Area{Name: e.Name, URL: "/cpts/" + e.SIREN + "/", Communes: e.Communes, Style: StatusStyles[i%4]})
	}
	return out
}

// nationalMaps draws every map of a national directory whose territories
// are the EPCI, and calls see with each map.
func nationalMaps(a *Atlas, see func(kind, name string, svg []byte)) {
	ts := epciTerritories(a)
	owner := map[string][]Area{}
	for _, t := range ts {
		for _, c := range t.Communes {
			owner[c] = append(owner[c], t)
		}
	}
	for _, t := range ts {
		m := TerritoryMap{ID: "t", Title: t.Name, Desc: "d", Communes: communeAreas(t.Communes)}
		for _, n := range a.Neighbours(t.Communes) {
			if len(owner[n]) == 0 {
				m.Context = append(m.Context, n)
			}
		}
		seen := map[string]bool{}
		for _, n := range a.Neighbours(t.Communes) {
			for _, o := range owner[n] {
				if !seen[o.URL] {
					seen[o.URL] = true
					m.Others = append(m.Others, o)
				}
			}
		}
		see("territory", t.Name, a.Territory(m).SVG)
	}
	for _, d := range a.geo.Departements() {
		if d.Zone == "com" {
			continue
		}
		var in []Area
		seen := map[string]bool{}
		codes := codesOf(a, d.Code)
		for _, c := range codes {
			for _, o := range owner[c] {
				if !seen[o.URL] {
					seen[o.URL] = true
					in = append(in, o)
				}
			}
		}
		see("departement", d.Code, a.Departement(DepartementMap{ID: "d", Title: d.Name, Desc: "d", Code: d.Code,
			Communes: codes, Territories: in}).SVG)
	}
	see("france", "France", a.France(FranceMap{ID: "f", Title: "France", Desc: "d", Territories: ts}).SVG)
}

// TestSizeBudgets draws the maps of a directory with a territory per EPCI
// (more and larger territories than the ~900 CPTS of France) and checks
// every map against its budget.
func TestSizeBudgets(t *testing.T) {
	if testing.Short() {
		t.Skip("draws about 1,400 maps")
	}
	a := atlas(t)
	budget := map[string]int{"territory": territoryBudget, "departement": departementBudget, "france": franceBudget}
	largest := map[string]int{}
	nationalMaps(a, func(kind, name string, svg []byte) {
		gz := gzipSize(svg)
		largest[kind] = max(largest[kind], gz)
		if gz > budget[kind] {
			t.Errorf("%s map %s: %d bytes gzipped, budget %d", kind, name, gz, budget[kind])
		}
	})
	t.Logf("largest gzipped: territory %d B, département %d B, France %d B", largest["territory"], largest["departement"], largest["france"])
}

// BenchmarkNationalMaps draws every map of a national directory (one
// territory per EPCI: 1,255 territory maps, 101 département maps, the
// France map) and reports the largest gzipped size of each kind, gzip
// left out of the time. The first iteration also projects and simplifies
// the arcs; later ones reuse them, as the maps of one build do.
func BenchmarkNationalMaps(b *testing.B) {
	a := atlas(b)
	largest := map[string]int{}
	for b.Loop() {
		nationalMaps(a, func(kind, _ string, svg []byte) {
			b.StopTimer()
			largest[kind] = max(largest[kind], gzipSize(svg))
			b.StartTimer()
		})
	}
	for kind, n := range largest {
		b.ReportMetric(float64(n), fmt.Sprintf("max-%s-gz-B", kind))
	}
}

// BenchmarkLocators draws the locator map of every commune with a
// boundary, as the commune pages of a national build do.
func BenchmarkLocators(b *testing.B) {
	a := atlas(b)
	codes := a.topo.Codes()
	for b.Loop() {
		for _, c := range codes {
			com := a.geo.Commune(c)
			a.Locator(LocatorMap{ID: "l", Title: com.Name, Desc: "d", Commune: c, Departement: com.Departement})
		}
	}
}
