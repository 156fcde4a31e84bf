package plan

import (
	"math"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// TestNearestMatchesBruteForce compares the grid search with a scan of
// every territory commune, for communes all over France.
func TestNearestMatchesBruteForce(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	// Territories far apart: Lunel (34), Colomiers (31), Le Lion-d'Angers
	// (49); and near Lunel: Montpellier, Nîmes, Marseille (more than
	// NearestShown within reach).
	var cpts []*model.CPTS
	for i, codes := range [][]string{{"34145", "34146"}, {"31149"}, {"49176", "49155"}, {"34172"}, {"30189"}, {"13055"}} {
		c := &model.CPTS{Slug: string(rune('a' + i))}
		for _, code := range codes {
			c.Territory.Entries = append(c.Territory.Entries, &model.TerritoryEntry{Code: code, Commune: table.Commune(code), CPTS: c})
		}
		cpts = append(cpts, c)
	}
	ix := newPoints(cpts)
	for i, com := range table.Communes() {
		if i%97 != 0 || !com.HasPoint {
			continue
		}
		for _, n := range []int{2, NearestShown + 1} { // the shown ones, and more
			got := ix.Nearest(com, n)
			// brute force
			type cand struct {
				c *model.CPTS
				d float64
			}
			var all []cand
			for _, c := range cpts {
				best := math.Inf(1)
				for _, e := range c.Territory.Entries {
					best = math.Min(best, distanceKm(com.Lat, com.Lon, e.Commune.Lat, e.Commune.Lon))
				}
				if best <= NearestMaxKm {
					all = append(all, cand{c, best})
				}
			}
			for a := range all {
				for b := a + 1; b < len(all); b++ {
					if all[b].d < all[a].d {
						all[a], all[b] = all[b], all[a]
					}
				}
			}
			if len(all) > n {
				all = all[:n]
			}
			if len(got) != len(all) {
				t.Fatalf("%s %s: grid %v, brute force %v", com.Code, com.Name, got, all)
			}
			for k := range got {
				if got[k].CPTS != all[k].c || math.Abs(got[k].Km-all[k].d) > 1e-9 {
					t.Fatalf("%s %s: grid %v, brute force %v", com.Code, com.Name, got, all)
				}
			}
		}
	}
}

// BenchmarkNearest asks the nearest CPTS of communes all over France, of
// territories of one commune in every 40 (about 900, as many as the
// national corpus has CPTS).
func BenchmarkNearest(b *testing.B) {
	table, err := geo.Load()
	if err != nil {
		b.Fatal(err)
	}
	var cpts []*model.CPTS
	var queries []*geo.Commune
	for i, com := range table.Communes() {
		if i%40 == 0 {
			c := &model.CPTS{Slug: com.Code}
			c.Territory.Entries = []*model.TerritoryEntry{{Code: com.Code, Commune: com, CPTS: c}}
			cpts = append(cpts, c)
		} else if i%37 == 0 {
			queries = append(queries, com)
		}
	}
	ix := newPoints(cpts)
	b.ResetTimer()
	for b.Loop() {
		for _, com := range queries {
			ix.Nearest(com, NearestShown)
		}
	}
}

// TestNth checks the n-th smallest distance of a set, for the shown
// number of CPTS and more.
func TestNth(t *testing.T) {
	ds := []float64{7, 3, 9, 1, 5, 3}
	best := map[*model.CPTS]float64{}
	for _, d := range ds {
		best[&model.CPTS{}] = d
	}
	for n, want := range []float64{1, 3, 3, 5, 7, 9} {
		if got := nth(best, n+1); got != want {
			t.Errorf("nth(%d) = %v, want %v", n+1, got, want)
		}
	}
}
