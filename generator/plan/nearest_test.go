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
	// Three territories far apart: Lunel (34), Colomiers (31), Le Lion-d'Angers (49).
	var cpts []*model.CPTS
	for i, codes := range [][]string{{"34145", "34146"}, {"31149"}, {"49176", "49155"}} {
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
		got := ix.Nearest(com, 2)
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
		if len(all) > 2 {
			all = all[:2]
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
