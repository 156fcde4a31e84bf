package carto

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"encoding/xml"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs of testdata/")

func atlas(t testing.TB) *Atlas {
	t.Helper()
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	a, err := New(g)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// quercyBouriane is the territory of the sample CPTS Quercy - Bouriane:
// the 20 communes of the CC Quercy - Bouriane (shared data README).
var quercyBouriane = strings.Fields(`46006 46072 46098 46127 46151 46194 46196 46216 46219 46241
	46253 46257 46258 46259 46267 46290 46308 46323 46324 46334`)

func communeAreas(codes []string) []Area {
	var out []Area
	for _, c := range codes {
		out = append(out, Area{Name: c, URL: "/communes/" + c + "/", Communes: []string{c}, Style: "map-in"})
	}
	return out
}

func sampleMaps(a *Atlas) map[string][]byte {
	qb := Area{Name: "CPTS Quercy - Bouriane", URL: "/cpts/quercy-bouriane/", Communes: quercyBouriane, Style: StatusStyles[3]}
	maps := map[string][]byte{
		"territory.svg": sampleTerritory(a).SVG,
		"departement.svg": a.Departement(DepartementMap{ID: "d", Title: "Lot", Desc: "1 CPTS", Code: "46",
			Communes: codesOf(a, "46"), Territories: []Area{qb},
			Uncovered: Area{Name: "Communes sans CPTS", Communes: without(codesOf(a, "46"), quercyBouriane)}}).SVG,
		"locator.svg": a.Locator(LocatorMap{ID: "l", Title: "Gourdon", Desc: "dans le Lot", Commune: "46127", Departement: "46",
			Territories: []Area{qb}}),
		"france.svg": a.France(FranceMap{ID: "f", Title: "France", Desc: "1 CPTS", Territories: []Area{qb}}).SVG,
	}
	for name, codes := range denseTerritories {
		maps["territory-"+name+".svg"] = a.Territory(TerritoryMap{ID: "t", Title: name, Desc: "dense", Stylesheets: []string{"/css/site.css"},
			Communes: communeAreas(codes), Context: a.Neighbours(codes), Labels: labelsOf(a, codes)}).SVG
	}
	return maps
}

func sampleTerritory(a *Atlas) Drawing {
	return a.Territory(TerritoryMap{ID: "t", Title: "Territoire", Desc: "20 communes", Stylesheets: []string{"/css/site.css"},
		Communes: communeAreas(quercyBouriane), Context: a.Neighbours(quercyBouriane),
		Labels: []Label{{Name: "Gourdon", Lon: 1.37703, Lat: 44.7318}}})
}

func codesOf(a *Atlas, dep string) []string {
	var out []string
	for _, c := range a.geo.InDepartement(dep) {
		if c.Kind == geo.KindCommune && c.HasPolygon {
			out = append(out, c.Code)
		}
	}
	return out
}

func without(all, some []string) []string {
	skip := map[string]bool{}
	for _, s := range some {
		skip[s] = true
	}
	var out []string
	for _, c := range all {
		if !skip[c] {
			out = append(out, c)
		}
	}
	return out
}

// TestGoldenMaps compares the maps of a sample territory with
// testdata/*.svg (go test ./generator/carto -update rewrites them), and
// checks that each is well-formed XML with a title and a description.
func TestGoldenMaps(t *testing.T) {
	a := atlas(t)
	for name, got := range sampleMaps(a) {
		if len(got) == 0 {
			t.Errorf("%s: empty", name)
			continue
		}
		if err := wellFormed(got); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, want := range []string{"<title id=", "<desc id=", "aria-labelledby="} {
			if !bytes.Contains(got, []byte(want)) {
				t.Errorf("%s: no %s", name, want)
			}
		}
		golden := filepath.Join("testdata", name)
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./generator/carto -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test ./generator/carto -update and review the diff)", name, golden)
		}
	}
}

// TestFitRatio checks that a map document's view box has the ratio of its
// class, within a unit, and holds the drawing, centred.
func TestFitRatio(t *testing.T) {
	for _, tc := range []struct{ w, h, k int }{
		{800, 800, 4}, {800, 400, 8}, {400, 800, 0}, {2000, 100, 8}, {100, 2000, 0},
		{755, 801, 4}, {800, 600, 6}, {800, 700, 5}, {600, 800, 2}, {1, 1, 4},
	} {
		k, vw, vh := fitRatio(tc.w, tc.h)
		if k != tc.k {
			t.Errorf("fitRatio(%d, %d): class %d, want %d", tc.w, tc.h, k, tc.k)
		}
		if vw < tc.w || vh < tc.h || vw != tc.w && vh != tc.h {
			t.Errorf("fitRatio(%d, %d) = %d×%d: must hold the drawing, grown one way", tc.w, tc.h, vw, vh)
		}
		if r := Ratio(k); math.Abs(float64(vw)-r*float64(vh)) > 1 {
			t.Errorf("fitRatio(%d, %d) = %d×%d: ratio %.3f, class %d is %.3f", tc.w, tc.h, vw, vh, float64(vw)/float64(vh), k, r)
		}
	}
	d := atlas(t).Territory(TerritoryMap{ID: "t", Title: "T", Desc: "D", Communes: communeAreas(quercyBouriane)})
	if !strings.HasPrefix(d.Class, "map-r") || !bytes.Contains(d.SVG, []byte(`target="_top"`)) || !bytes.HasPrefix(d.SVG, []byte("<?xml ")) {
		t.Errorf("territory document: class %q, %.120s", d.Class, d.SVG)
	}
}

func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return nil
			}
			return err
		}
	}
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

// TestGeoJSON checks the territories' GeoJSON: valid JSON, a closed
// MultiPolygon per territory with counter-clockwise outer rings, its
// properties in order, and a null geometry for a territory without a
// known commune. (tests/opendata validates it with @mapbox/geojsonhint.)
func TestGeoJSON(t *testing.T) {
	a := atlas(t)
	b := a.GeoJSON([]Feature{
		{Properties: [][2]any{{"slug", "quercy-bouriane"}, {"nom", "CPTS Quercy - Bouriane"}}, Communes: quercyBouriane},
		{Properties: [][2]any{{"slug", "vide"}}, Communes: nil},
	})
	var fc struct {
		Type     string
		Features []struct {
			Properties map[string]any
			Geometry   *struct {
				Type        string
				Coordinates [][][][2]float64
			}
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Fatalf("%s...", b[:min(200, len(b))])
	}
	if !bytes.Contains(b, []byte(`"properties":{"slug":"quercy-bouriane","nom":"CPTS Quercy - Bouriane"}`)) {
		t.Error("properties not in order")
	}
	g := fc.Features[0].Geometry
	if g == nil || g.Type != "MultiPolygon" || len(g.Coordinates) != 1 {
		t.Fatalf("geometry: %+v", g)
	}
	outer := g.Coordinates[0][0]
	if outer[0] != outer[len(outer)-1] || len(outer) < 4 {
		t.Error("outer ring not closed")
	}
	var area float64
	for i := 0; i+1 < len(outer); i++ {
		area += outer[i][0]*outer[i+1][1] - outer[i+1][0]*outer[i][1]
	}
	if area <= 0 {
		t.Error("outer ring is not counter-clockwise")
	}
	if fc.Features[1].Geometry != nil {
		t.Error("territory without communes: want a null geometry")
	}
}

// TestConcurrentMaps draws maps from several goroutines at once, as the
// render workers do, on a fresh atlas whose caches they fill together,
// and checks that each map is the one drawn alone (go test -race also
// checks the caches).
func TestConcurrentMaps(t *testing.T) {
	qb := Area{Name: "CPTS Quercy - Bouriane", URL: "/cpts/quercy-bouriane/", Communes: quercyBouriane}
	draw := func(a *Atlas, i int) [][]byte {
		var out [][]byte
		for j, c := range codesOf(a, "46") {
			if j%4 == i%4 {
				out = append(out, a.Locator(LocatorMap{ID: "l", Title: c, Desc: "d", Commune: c, Departement: "46", Territories: []Area{qb}}))
			}
		}
		out = append(out, sampleTerritory(a).SVG)
		return out
	}
	alone, shared := atlas(t), atlas(t) // two atlases, each with its caches empty
	const workers = 4
	got := make([][][]byte, workers)
	var wg sync.WaitGroup
	for i := range workers {
		wg.Go(func() { got[i] = draw(shared, i) })
	}
	wg.Wait()
	for i := range workers {
		want := draw(alone, i)
		for j := range want {
			if !bytes.Equal(got[i][j], want[j]) {
				t.Errorf("worker %d, map %d: differs from the map drawn alone", i, j)
			}
		}
	}
}
