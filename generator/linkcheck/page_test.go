package linkcheck

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPageNumbers checks that a page gives back the links it was made
// with, and holds exactly its ids, for lists of every size and spread.
func TestPageNumbers(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	list := func(n int, spread uint32) []uint32 {
		var out []uint32
		for range n {
			out = append(out, rng.Uint32N(spread))
		}
		return unique(out)
	}
	for _, tc := range []struct {
		links, ids int
		spread     uint32
	}{{0, 0, 1}, {1, 0, 1}, {0, 3, 10}, {30, 5, 300}, {40, 20, 1 << 20}, {200, 100, 1<<32 - 1}} {
		links, ids := list(tc.links, tc.spread), list(tc.ids, tc.spread)
		pg := newPage(links, ids)
		if len(pg.nums) != cap(pg.nums) {
			t.Errorf("%d links: %d bytes in an array of %d", len(links), len(pg.nums), cap(pg.nums))
		}
		if got := slices.Collect(pg.links()); !slices.Equal(got, links) && len(got)+len(links) > 0 {
			t.Errorf("links %v, want %v", got, links)
		}
		for _, n := range append(slices.Clone(ids), list(20, tc.spread)...) {
			if got, want := pg.hasID(n), slices.Contains(ids, n); got != want {
				t.Errorf("hasID(%d) = %v, ids %v", n, got, ids)
			}
		}
	}
}
