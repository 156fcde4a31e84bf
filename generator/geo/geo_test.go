package geo

import (
	"slices"
	"sync"
	"testing"
)

var (
	tableOnce sync.Once
	table     *Table
	tableErr  error
)

// load returns one Table shared by the tests of this package.
func load(t testing.TB) *Table {
	t.Helper()
	tableOnce.Do(func() { table, tableErr = Load() })
	if tableErr != nil {
		t.Fatal(tableErr)
	}
	return table
}

func codes(cs []*Commune) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Code
	}
	return out
}

func TestCounts(t *testing.T) {
	tab := load(t)
	kinds := map[Kind]int{}
	zones := map[string]int{}
	for _, c := range tab.Communes() {
		kinds[c.Kind]++
		zones[c.Zone]++
	}
	tests := []struct {
		what      string
		got, want int
	}{
		{"rows", len(tab.Communes()), 35014},
		{"communes", kinds[KindCommune], 34969},
		{"arrondissements", kinds[KindArrondissement], 45},
		{"metro rows", zones["metro"], 34746 + 45},
		{"drom", zones["drom"], 129},
		{"com", zones["com"], 94},
		{"departements", len(tab.Departements()), 101 + 8},
		{"regions", len(tab.Regions()), 18 + 8},
		{"epci", len(tab.EPCIs()), 1255},
		{"former codes", len(tab.former), 2576},
		{"merged codes", len(tab.merged), 4240},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.what, tt.got, tt.want)
		}
	}
}

func TestConsistency(t *testing.T) {
	tab := load(t)
	cs := tab.Communes()
	if !slices.IsSortedFunc(cs, func(a, b *Commune) int { return compare(a.Code, b.Code) }) {
		t.Error("Communes not sorted by code")
	}
	members := 0
	for _, e := range tab.EPCIs() {
		members += len(e.Communes)
		if !slices.IsSorted(e.Communes) {
			t.Errorf("EPCI %s: communes not sorted", e.SIREN)
		}
		for _, code := range e.Communes {
			if c := tab.Commune(code); c == nil || c.EPCI != e.SIREN {
				t.Errorf("EPCI %s lists %s, which is not in it", e.SIREN, code)
			}
		}
	}
	if members != 34871 {
		t.Errorf("EPCI members: got %d, want 34871", members)
	}
	inDeps := 0
	for _, d := range tab.Departements() {
		inDeps += len(tab.InDepartement(d.Code))
		if tab.Region(d.Region) == nil {
			t.Errorf("departement %s: unknown region %s", d.Code, d.Region)
		}
	}
	if inDeps != len(cs) {
		t.Errorf("InDepartement covers %d rows, want %d", inDeps, len(cs))
	}
	noEPCI, noPoint := 0, 0
	for _, c := range cs {
		if c.EPCI == "" {
			noEPCI++
		}
		if !c.HasPoint {
			noPoint++
			if c.Zone != "com" || c.HasPolygon {
				t.Errorf("%s: no point outside the COM", c.Code)
			}
		}
		if len(c.PostalCodes) == 0 && c.Departement != "984" { // TAAF districts have none
			t.Errorf("%s: no postal code", c.Code)
		}
		if got := tab.ByName(c.Name); !slices.Contains(got, c) {
			t.Errorf("ByName(%q) misses %s", c.Name, c.Code)
		}
		for _, cp := range c.PostalCodes {
			if !slices.Contains(tab.ByPostalCode(cp), c) {
				t.Errorf("ByPostalCode(%s) misses %s", cp, c.Code)
			}
		}
	}
	if noEPCI != 98 || noPoint != 94 {
		t.Errorf("without EPCI %d (want 98), without point %d (want 94)", noEPCI, noPoint)
	}
}

func compare(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestKnownCommunes(t *testing.T) {
	tab := load(t)
	tests := []struct {
		code, name, dep, epci, cp string
		pop                       int
		lat, lon                  float64
		former                    []string
	}{
		{"46127", "Gourdon", "46", "244600482", "46300", 4206, 44.73180, 1.37703, nil},
		{"31149", "Colomiers", "31", "243100518", "31770", 40882, 43.61147, 1.32678, nil},
		{"34145", "Lunel", "34", "243400520", "34400", 26623, 43.68222, 4.13588, nil},
		{"49176", "Le Lion-d'Angers", "49", "200071868", "49220", 5390, 47.63461, -0.75282, []string{"49005"}},
	}
	for _, tt := range tests {
		c := tab.Commune(tt.code)
		if c == nil {
			t.Errorf("Commune(%s) = nil", tt.code)
			continue
		}
		if c.Name != tt.name || c.Departement != tt.dep || c.EPCI != tt.epci || c.Population != tt.pop ||
			!slices.Equal(c.PostalCodes, []string{tt.cp}) || c.Lat != tt.lat || c.Lon != tt.lon ||
			!c.HasPoint || !c.HasPolygon || c.Kind != KindCommune || c.Zone != "metro" ||
			!slices.Equal(c.FormerCodes, tt.former) {
			t.Errorf("Commune(%s) = %+v", tt.code, *c)
		}
		if tab.EPCI(c.EPCI) == nil || !slices.Contains(tab.EPCI(c.EPCI).Communes, c.Code) {
			t.Errorf("EPCI %s does not list %s", c.EPCI, c.Code)
		}
	}
}

func TestLookups(t *testing.T) {
	tab := load(t)
	tests := []struct {
		name string
		got  []*Commune
		want []string // a prefix of the codes returned
	}{
		{"ByName saint etienne", tab.ByName("saint etienne"), []string{"42218"}},
		{"ByName St-Étienne", tab.ByName("St-Étienne"), []string{"42218"}},
		{"ByName lion d angers", tab.ByName("lion d angers"), []string{"49176"}},
		{"ByName Lion-d'Angers (Le)", tab.ByName("Lion-d'Angers (Le)"), []string{"49176"}},
		{"ByName unknown", tab.ByName("Nulle-Part-sur-Mer"), nil},
		{"ByPostalCode 75001", tab.ByPostalCode("75001"), []string{"75056", "75101"}},
		{"ByPostalCode 46300", tab.ByPostalCode("46300")[:1], []string{"46127"}},
		{"ByPostalCode 00000", tab.ByPostalCode("00000"), nil},
		{"InDepartement 2a", tab.InDepartement("2a")[:1], []string{"2A001"}},
		{"Commune 2a004", []*Commune{tab.Commune("2a004")}, []string{"2A004"}},
		{"MergedInto 49005", []*Commune{tab.MergedInto("49005")}, []string{"49176"}},
	}
	for _, tt := range tests {
		if got := codes(tt.got); !slices.Equal(got, tt.want) {
			t.Errorf("%s = %v, want %v", tt.name, got, tt.want)
		}
	}
	if cs := tab.ByName("Saint-Denis"); len(cs) < 3 || !slices.IsSortedFunc(cs, byPopulation) {
		t.Errorf("ByName(Saint-Denis) = %v, want homonyms by population", codes(cs))
	}
	if e := tab.EPCI("243400520"); e == nil || len(e.Communes) != 14 || e.Name != "CA Lunel Agglo" || e.Type != "CA" {
		t.Errorf("EPCI(243400520) = %+v", e)
	}
	if d := tab.Departement("46"); d == nil || d.Name != "Lot" || d.Region != "76" || d.Zone != "metro" {
		t.Errorf("Departement(46) = %+v", d)
	}
	if r := tab.Region("76"); r == nil || r.Name != "Occitanie" || r.ChefLieu != "31555" {
		t.Errorf("Region(76) = %+v", r)
	}
	if c := tab.Commune("75101"); c == nil || c.Kind != KindArrondissement || c.Parent != "75056" || c.Kind.String() != "arrondissement-municipal" {
		t.Errorf("Commune(75101) = %+v", c)
	}
	for city, n := range map[string]int{"75056": 20, "69123": 9, "13055": 16, "34145": 0} {
		arrs := tab.Arrondissements(city)
		if len(arrs) != n {
			t.Errorf("Arrondissements(%s): %d, want %d", city, len(arrs), n)
		}
		for i, a := range arrs {
			if a.Parent != city || i > 0 && arrs[i-1].Code >= a.Code {
				t.Errorf("Arrondissements(%s)[%d] = %s (parent %s), want sorted children", city, i, a.Code, a.Parent)
			}
		}
	}
}

func TestFormer(t *testing.T) {
	tab := load(t)
	tests := []struct {
		code, name, kind, parent, parentName string
		current                              bool // the code is also a current commune
	}{
		{"05120", "Ristolas", "commune-deleguee", "05001", "Abriès-Ristolas", false},
		{"49005", "Andigné", "commune-deleguee", "49176", "Le Lion-d'Angers", false},
		{"01015", "Arbignieu", "commune-deleguee", "01015", "Arboys en Bugey", true},
	}
	for _, tt := range tests {
		fs := tab.Former(tt.code)
		if len(fs) != 1 {
			t.Errorf("Former(%s) = %d rows, want 1", tt.code, len(fs))
			continue
		}
		f := fs[0]
		if f.Code != tt.code || f.Name != tt.name || f.Kind != tt.kind || f.Parent != tt.parent || f.ParentName != tt.parentName {
			t.Errorf("Former(%s) = %+v", tt.code, *f)
		}
		if c := tab.Commune(tt.code); (c != nil) != tt.current || c != nil && c.Name != tt.parentName {
			t.Errorf("Commune(%s) = %+v, want current %v", tt.code, c, tt.current)
		}
	}
	if fs := tab.Former("46127"); len(fs) != 0 {
		t.Errorf("Former(46127) = %v, want none", fs)
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{KindCommune: "commune", KindArrondissement: "arrondissement-municipal"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadNames adds the first name lookup, which builds the index of
// names, to Load.
func BenchmarkLoadNames(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		tab, err := Load()
		if err != nil {
			b.Fatal(err)
		}
		tab.ByName("Lunel")
	}
}
