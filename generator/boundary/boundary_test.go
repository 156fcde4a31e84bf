package boundary

import (
	"bytes"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/cpts-fr/cpts/generator/geo"
)

func topo(t testing.TB) *Topology {
	t.Helper()
	tp, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return tp
}

func table(t testing.TB) *geo.Table {
	t.Helper()
	g, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCodesMatchReferenceData checks that every commune the reference data
// says has a polygon has a shape, and nothing else does.
func TestCodesMatchReferenceData(t *testing.T) {
	tp, g := topo(t), table(t)
	have := map[string]bool{}
	for _, c := range tp.Codes() {
		have[c] = true
		if g.Commune(c) == nil {
			t.Errorf("shape %s is not a commune of the reference data", c)
		}
	}
	n := 0
	for _, c := range g.Communes() {
		if c.HasPolygon != have[c.Code] {
			t.Errorf("%s %s: HasPolygon %v, shape %v", c.Code, c.Name, c.HasPolygon, have[c.Code])
		}
		if c.HasPolygon {
			n++
		}
	}
	if n != 34920 || len(tp.Codes()) != 34920 {
		t.Errorf("%d communes with a polygon, %d shapes; want 34,875 communes + 45 arrondissements", n, len(tp.Codes()))
	}
}

// TestArcsShared checks the topology: an arc is used at most once in each
// direction by communes (arrondissements aside), so that two neighbours
// share their border and no border is drawn twice.
func TestArcsShared(t *testing.T) {
	tp := topo(t)
	fwd, rev := make([]int, tp.NumArcs()), make([]int, tp.NumArcs())
	for _, c := range tp.Codes() {
		if isArrondissement(c) {
			continue
		}
		s, _ := tp.Shape(c)
		for _, poly := range s {
			for _, ring := range poly {
				for _, ref := range ring {
					if ref >= 0 {
						fwd[ref]++
					} else {
						rev[^ref]++
					}
				}
			}
		}
	}
	shared := 0
	for i := range tp.NumArcs() {
		if fwd[i] > 1 || rev[i] > 1 {
			t.Errorf("arc %d used %d times forward, %d reversed", i, fwd[i], rev[i])
		}
		if fwd[i] == 1 && rev[i] == 1 {
			shared++
		}
	}
	// Most borders are between two communes; the rest is coast and frontier.
	if shared < tp.NumArcs()*3/4 {
		t.Errorf("%d of %d arcs shared by two communes", shared, tp.NumArcs())
	}
}

// TestOutlineKeepsArea checks that the outline of a group of communes
// covers exactly their area: the borders between members cancel, nothing
// else is lost or added.
func TestOutlineKeepsArea(t *testing.T) {
	tp, g := topo(t), table(t)
	groups := map[string][]string{}
	for _, dep := range []string{"46", "34", "49", "974", "2A"} {
		for _, c := range g.InDepartement(dep) {
			if c.HasPolygon && c.Kind == geo.KindCommune {
				groups["département "+dep] = append(groups["département "+dep], c.Code)
			}
		}
	}
	groups["Marseille by arrondissement"] = nil
	for _, c := range g.InDepartement("13") {
		if c.Kind == geo.KindArrondissement {
			groups["Marseille by arrondissement"] = append(groups["Marseille by arrondissement"], c.Code)
		}
	}
	groups["Enclave des Papes"] = []string{"84138", "84097", "84150", "84053"}
	for name, codes := range groups {
		var sum float64
		for _, c := range codes {
			s, _ := tp.Shape(c)
			sum += area(tp.polygonsOf(s))
		}
		out := tp.Outline(codes)
		got := area(tp.polygonsOf(out))
		if math.Abs(got-sum) > 1e-9*sum {
			t.Errorf("%s: outline area %.9f, communes %.9f", name, got, sum)
		}
		if len(out) == 0 {
			t.Errorf("%s: empty outline", name)
		}
	}
	// Marseille's arrondissements make Marseille.
	m, _ := tp.Shape("13055")
	if a, b := area(tp.polygonsOf(tp.Outline(groups["Marseille by arrondissement"]))), area(tp.polygonsOf(m)); math.Abs(a-b) > 1e-9 {
		t.Errorf("Marseille: arrondissements %.9f, city %.9f", a, b)
	}
}

func area(mp orb.MultiPolygon) float64 {
	var a float64
	for _, p := range mp {
		for _, r := range p {
			a += planar.Area(r) // signed: holes subtract
		}
	}
	return a
}

func TestNeighbours(t *testing.T) {
	tp := topo(t)
	// Gourdon (46127) borders Payrignac (46216), in its EPCI, and is not
	// its own neighbour.
	n := tp.Neighbours([]string{"46127"})
	if !contains(n, "46216") || contains(n, "46127") {
		t.Errorf("neighbours of Gourdon: %v", n)
	}
	// Paris 1er borders Paris 2e; Paris itself is left out.
	n = tp.Neighbours([]string{"75101"})
	if !contains(n, "75102") || contains(n, "75056") {
		t.Errorf("neighbours of Paris 1er: %v", n)
	}
	// Communes never list arrondissements as neighbours.
	n = tp.Neighbours([]string{"92012"}) // Boulogne-Billancourt
	if !contains(n, "75056") || contains(n, "75116") {
		t.Errorf("neighbours of Boulogne-Billancourt: %v", n)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestLocateInteriorPoints locates the interior point of every commune of
// the reference data (computed on the source polygons, at 1e-5 degree).
// The rounding of the boundaries to 1e-4 degree may move a point lying
// within metres of a border to the neighbour: at most 1 in 1,000.
func TestLocateInteriorPoints(t *testing.T) {
	tp, g := topo(t), table(t)
	miss, n := 0, 0
	for _, c := range g.Communes() {
		if !c.HasPolygon || !c.HasPoint {
			continue
		}
		if c.Code == "75056" || c.Code == "69123" || c.Code == "13055" {
			continue // located as one of their arrondissements
		}
		n++
		if got, _ := tp.Locate(orb.Point{c.Lon, c.Lat}); got != c.Code {
			miss++
			if miss <= 10 {
				t.Logf("%s %s: located in %q", c.Code, c.Name, got)
			}
		}
	}
	if miss*1000 > n {
		t.Errorf("%d of %d interior points located in another commune", miss, n)
	}
}

func TestLocateKnownPlaces(t *testing.T) {
	tp := topo(t)
	for _, tc := range []struct {
		name     string
		lon, lat float64
		want     string
	}{
		{"Gourdon", 1.37703, 44.73180, "46127"},
		{"Lunel", 4.13588, 43.68222, "34145"},
		{"Notre-Dame de Paris, Paris 4e", 2.34992, 48.85297, "75104"},
		{"Tour Eiffel, Paris 7e", 2.29448, 48.85822, "75107"},
		{"Place Bellecour, Lyon 2e", 4.83210, 45.75779, "69382"},
		{"Vieux-Port, Marseille 1er/2e", 5.37425, 43.29470, ""}, // on the water between 1er, 2e and 7e: checked below
		{"Valréas, in the Enclave des Papes", 4.99070, 44.38345, "84138"},
		{"Saint-Denis de La Réunion", 55.44800, -20.88100, "97411"},
		{"At sea off Brittany", -6.0, 47.5, ""},
	} {
		got, ok := tp.Locate(orb.Point{tc.lon, tc.lat})
		if tc.want == "" && tc.name != "At sea off Brittany" {
			if !ok || got < "13201" || got > "13216" {
				t.Errorf("%s: %q, want a Marseille arrondissement", tc.name, got)
			}
			continue
		}
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("%s: %q %v, want %q", tc.name, got, ok, tc.want)
		}
	}
}

// TestLocateEnclaves takes every commune with a hole and checks that a
// point of the commune filling the hole is located there, not in the host.
func TestLocateEnclaves(t *testing.T) {
	tp, g := topo(t), table(t)
	holes := 0
	for _, host := range tp.Codes() {
		s, _ := tp.Shape(host)
		for _, poly := range s {
			for _, hole := range poly[1:] {
				holes++
				inside := tp.filling(hole, host)
				if inside == "" {
					continue // a hole that is not a commune (a lake)
				}
				c := g.Commune(inside)
				got, _ := tp.Locate(orb.Point{c.Lon, c.Lat})
				if got != inside && !(isArrondissement(got) && city(got) == inside) {
					t.Errorf("%s inside %s: interior point located in %q", inside, host, got)
				}
			}
		}
	}
	if holes < 10 {
		t.Errorf("only %d holes: the enclaves are missing", holes)
	}
}

// filling returns the commune, other than host, whose outer ring uses the
// arcs of a hole.
func (t *Topology) filling(hole []int, host string) string {
	for _, n := range t.usersOf(index(hole[0])) {
		if u := t.codes[n]; u != host && !isArrondissement(u) {
			return u
		}
	}
	return ""
}

// TestGenerateIsReproducible regenerates the embedded file from the shared
// data folder, when it is present, and compares.
func TestGenerateIsReproducible(t *testing.T) {
	data := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(data, "geo", "communes-100m.geojson.gz")); err != nil {
		t.Skip("shared data folder not found")
	}
	if testing.Short() {
		t.Skip("slow")
	}
	out := t.TempDir()
	cmd := exec.Command("go", "run", "./internal/gen", "-data", data, "-out", out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	got, _ := os.ReadFile(filepath.Join(out, "communes.topo"))
	if !bytes.Equal(got, topoData) {
		t.Error("data/communes.topo differs from what go generate makes: run go generate ./generator/boundary")
	}
}

// BenchmarkOutlineDepartements traces the outline of every département
// from its communes, as the map of France does once per process.
func BenchmarkOutlineDepartements(b *testing.B) {
	tp, g := topo(b), table(b)
	var groups [][]string
	for _, d := range g.Departements() {
		var codes []string
		for _, c := range g.InDepartement(d.Code) {
			if c.HasPolygon && c.Kind == geo.KindCommune {
				codes = append(codes, c.Code)
			}
		}
		groups = append(groups, codes)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, codes := range groups {
			tp.Outline(codes)
		}
	}
}

// BenchmarkNeighboursIndex indexes the users of every arc, as the first
// Neighbours of a process does.
func BenchmarkNeighboursIndex(b *testing.B) {
	tp := topo(b)
	for b.Loop() {
		tp.indexUsers()
	}
}

// BenchmarkDecode decodes the embedded boundaries, as the first Load of a
// process does.
func BenchmarkDecode(b *testing.B) {
	for b.Loop() {
		if _, err := decode(topoData); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRingAreaIsPlanarArea: the area of a ring computed from its arcs is
// planar.Area of the ring assembled, to the last bit, for the rings of
// every commune and of the outline of every département (whose arcs run
// both ways).
func TestRingAreaIsPlanarArea(t *testing.T) {
	tp, g := topo(t), table(t)
	check := func(what string, s Shape) {
		for _, poly := range s {
			for _, refs := range poly {
				if got, want := tp.ringArea(refs), planar.Area(tp.ring(refs)); got != want {
					t.Fatalf("%s: ring area %v, want %v", what, got, want)
				}
			}
		}
	}
	for _, c := range tp.Codes() {
		s, _ := tp.Shape(c)
		check(c, s)
	}
	for _, d := range g.Departements() {
		var codes []string
		for _, c := range g.InDepartement(d.Code) {
			codes = append(codes, c.Code)
		}
		check("département "+d.Code, tp.Outline(codes))
	}
}

// TestArcsDecodedWhenDrawn: a topology decodes no point until asked, and
// the outline of one département decodes its border's arcs only, not
// those of all of France (the memory of a small site's build).
func TestArcsDecodedWhenDrawn(t *testing.T) {
	tp, err := decode(topoData)
	if err != nil {
		t.Fatal(err)
	}
	decoded := func() int {
		n := 0
		for i := range tp.arcs {
			if tp.arcs[i].Load() != nil {
				n++
			}
		}
		return n
	}
	if n := decoded(); n != 0 {
		t.Fatalf("%d arcs decoded before any was asked for", n)
	}
	var codes []string
	for _, c := range table(t).InDepartement("46") {
		codes = append(codes, c.Code)
	}
	if len(tp.Outline(codes)) == 0 {
		t.Fatal("the Lot has no outline")
	}
	if n := decoded(); n == 0 || n > tp.NumArcs()/100 {
		t.Errorf("the outline of the Lot decoded %d of %d arcs", n, tp.NumArcs())
	}
}
