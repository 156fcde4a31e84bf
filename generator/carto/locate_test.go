package carto

import (
	"encoding/json"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
)

// locFile is a location file as the client reads it: communes with their
// rings decoded to absolute positions.
type locFile struct {
	codes []string
	rings [][][][2]int
}

// clientLocate does what static/js/locate.js does with a location file:
// the commune whose rings hold the point by the even-odd rule.
func clientLocate(f locFile, lon, lat float64) string {
	x, y := deg(lon), deg(lat)
	for i, rings := range f.rings {
		odd := false
		for _, r := range rings {
			for a, b := 0, len(r)-1; a < len(r); b, a = a, a+1 {
				if (r[a][1] > y) != (r[b][1] > y) && float64(x) < float64(r[b][0]-r[a][0])*float64(y-r[a][1])/float64(r[b][1]-r[a][1])+float64(r[a][0]) {
					odd = !odd
				}
			}
		}
		if odd {
			return f.codes[i]
		}
	}
	return ""
}

func decodeLocation(t *testing.T, b []byte) locFile {
	var raw struct {
		K [][2]string
		C [][]json.RawMessage
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	var f locFile
	for _, c := range raw.C {
		var code string
		var rings [][]int
		if json.Unmarshal(c[0], &code) != nil || json.Unmarshal(c[5], &rings) != nil {
			t.Fatalf("bad commune %s", c)
		}
		var abs [][][2]int
		for _, r := range rings {
			var ring [][2]int
			px, py := 0, 0
			for j := 0; j+1 < len(r); j += 2 {
				px, py = px+r[j], py+r[j+1]
				ring = append(ring, [2]int{px, py})
			}
			abs = append(abs, ring)
		}
		f.codes, f.rings = append(f.codes, code), append(f.rings, abs)
	}
	return f
}

func locationFile(t *testing.T, a *Atlas, dep string, skip ...string) locFile {
	var d LocData
	for _, c := range a.geo.InDepartement(dep) {
		keep := true
		for _, s := range skip {
			keep = keep && c.Code != s
		}
		if keep {
			d.Communes = append(d.Communes, LocCommune{Code: c.Code, Name: c.Name, Lon: c.Lon, Lat: c.Lat})
		}
	}
	b, box := a.Location(d)
	if box[0] >= box[2] || box[1] >= box[3] {
		t.Fatalf("%s: no location data (box %v)", dep, box)
	}
	return decodeLocation(t, b)
}

// TestLocationFiles checks the data of the "find my CPTS" button: from the
// simplified rings of the file, the client finds the right commune for
// known places and for the interior point of every commune of several
// départements (Paris, Lyon and Marseille by arrondissement).
func TestLocationFiles(t *testing.T) {
	a := atlas(t)
	files := map[string]locFile{
		"46":  locationFile(t, a, "46"),
		"75":  locationFile(t, a, "75", "75056"),
		"69":  locationFile(t, a, "69", "69123"),
		"13":  locationFile(t, a, "13", "13055"),
		"84":  locationFile(t, a, "84"),
		"974": locationFile(t, a, "974"),
	}
	for _, tc := range []struct {
		dep, name string
		lon, lat  float64
		want      string
	}{
		{"46", "Gourdon", 1.37703, 44.7318, "46127"},
		{"75", "Tour Eiffel", 2.29448, 48.85822, "75107"},
		{"75", "Notre-Dame", 2.34992, 48.85297, "75104"},
		{"69", "Place Bellecour", 4.83210, 45.75779, "69382"},
		{"84", "Valréas, Enclave des Papes", 4.99070, 44.38345, "84138"},
		{"974", "Saint-Denis", 55.448, -20.881, "97411"},
	} {
		if got := clientLocate(files[tc.dep], tc.lon, tc.lat); got != tc.want {
			t.Errorf("%s: %q, want %s", tc.name, got, tc.want)
		}
	}
	for dep, f := range files {
		miss, n := 0, 0
		for _, c := range a.geo.InDepartement(dep) {
			if !c.HasPolygon || c.Kind == geo.KindCommune && (c.Code == "75056" || c.Code == "69123" || c.Code == "13055") {
				continue
			}
			n++
			if got := clientLocate(f, c.Lon, c.Lat); got != c.Code {
				miss++
				t.Logf("%s %s: located in %q", c.Code, c.Name, got)
			}
		}
		// Simplified to about 30 m, a point within metres of a border may
		// fall on the other side: at most 1 in 100.
		if miss*100 > n {
			t.Errorf("département %s: %d of %d interior points located elsewhere", dep, miss, n)
		}
	}
}
