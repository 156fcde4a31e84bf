package carto

import (
	"math"
	"testing"

	"github.com/paulmach/orb"
)

// TestLambert93 checks the projection against PROJ (Debian proj-bin,
// `echo "lat lon" | cs2cs -f %.2f EPSG:4326 EPSG:2154`).
func TestLambert93(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   orb.Point
		want orb.Point
	}{
		// The origin of the projection is its false easting and northing.
		{"origin 3°E 46.5°N", orb.Point{3, 46.5}, orb.Point{700000, 6600000}},
		{"Notre-Dame de Paris", orb.Point{2.349014, 48.852968}, orb.Point{652231.93, 6861633.34}},
		{"Gourdon", orb.Point{1.37703, 44.7318}, orb.Point{571507.76, 6404950.70}},
		{"Cap Corse", orb.Point{9.45, 42.7}, orb.Point{1228546.05, 6199420.64}},
	} {
		got := Lambert93(tc.in)
		if d := math.Hypot(got[0]-tc.want[0], got[1]-tc.want[1]); d > 0.01 {
			t.Errorf("%s: %.1f, %.1f; want %.0f, %.0f (off by %.1f m)", tc.name, got[0], got[1], tc.want[0], tc.want[1], d)
		}
	}
	// Conformal: along the meridian 3°E, one degree of latitude at 46.5°N
	// is about 111.2 km on the ground, and the scale factor there is about
	// 0.99905.
	a, b := Lambert93(orb.Point{3, 46}), Lambert93(orb.Point{3, 47})
	if d := b[1] - a[1]; math.Abs(d-111.1e3) > 300 {
		t.Errorf("one degree of latitude at 46.5°N: %.0f m", d)
	}
}

func TestZoneOf(t *testing.T) {
	for _, tc := range []struct {
		p    orb.Point
		want string
	}{
		{orb.Point{1.377, 44.73}, "metro"},
		{orb.Point{9.45, 42.7}, "metro"}, // Corsica
		{orb.Point{55.45, -20.88}, "974"},
		{orb.Point{-61.0, 14.6}, "972"},
		{orb.Point{-61.5, 16.25}, "971"},
		{orb.Point{-52.3, 4.9}, "973"},
		{orb.Point{45.2, -12.8}, "976"},
	} {
		if got := ZoneOf(tc.p).Code; got != tc.want {
			t.Errorf("%v: zone %s, want %s", tc.p, got, tc.want)
		}
	}
}

// TestMemoRho checks that the memo of rho changes no bit of a projection:
// on its grid (twice, to read the memo back), between grid points, and
// outside it.
func TestMemoRho(t *testing.T) {
	for _, deg := range []float64{41, 41.3378, 44.7318, 46.5, 51.0891, 51.9999, 52, 40.9999, 44.73185, -21.13, math.NaN()} {
		for range 2 {
			lat := deg * math.Pi / 180
			if got, want := memoRho(deg, lat), l93.rho(lat); math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("latitude %v: rho %v, want %v", deg, got, want)
			}
		}
	}
}
