package geo

import (
	"slices"
	"strings"
	"sync"

	"github.com/cpts-fr/cpts/generator/fold"
)

// Kind tells a commune from an arrondissement municipal.
type Kind uint8

const (
	// KindCommune is a current commune (COG "commune").
	KindCommune Kind = iota
	// KindArrondissement is an arrondissement municipal of Paris, Lyon or
	// Marseille (COG "arrondissement-municipal").
	KindArrondissement
)

// String returns the COG name of the kind: "commune" or
// "arrondissement-municipal".
func (k Kind) String() string {
	if k == KindArrondissement {
		return "arrondissement-municipal"
	}
	return "commune"
}

// Commune is a current commune or an arrondissement municipal.
type Commune struct {
	Code        string   // INSEE code, 5 characters ("34145", "2A004")
	Name        string   // official name ("Le Lion-d'Angers")
	Kind        Kind     // KindCommune or KindArrondissement
	Parent      string   // for an arrondissement: 75056, 69123 or 13055; "" otherwise
	Zone        string   // "metro", "drom" or "com"
	Departement string   // département code ("46", "2A", "974")
	Region      string   // région code ("76"); the COM code for a COM
	EPCI        string   // SIREN of the EPCI à fiscalité propre, "" if none
	PostalCodes []string // sorted as in the source; Paris lists all 21 of its codes
	Population  int      // population municipale, 0 when unknown
	Lat, Lon    float64  // WGS84 interior point; 0, 0 when HasPoint is false
	HasPoint    bool     // Lat and Lon are known (false for the COM)
	FormerCodes []string // former INSEE codes merged into this commune
	HasPolygon  bool     // the shared data has a boundary for it
}

// Departement is a département, or a COM entry of departements.csv.
type Departement struct {
	Code     string // "01" to "95", "2A", "2B", "971" to "976", COM codes
	Name     string
	Region   string // région code
	ChefLieu string // INSEE code of the chef-lieu
	Zone     string // "metro", "drom" or "com"
}

// Region is a région, or a COM entry of regions.csv.
type Region struct {
	Code     string
	Name     string
	ChefLieu string // INSEE code of the chef-lieu
	Zone     string // "metro", "drom" or "com"
}

// EPCI is an établissement public de coopération intercommunale à
// fiscalité propre.
type EPCI struct {
	SIREN    string
	Name     string   // "CA Lunel Agglo"
	Type     string   // "CC", "CA", "CU", "METRO" or "MET69"
	Communes []string // INSEE codes of the member communes, sorted
}

// Former is a commune déléguée or associée: a former commune that lives on
// inside a current one.
type Former struct {
	Code        string // its INSEE code
	Name        string
	Kind        string // "commune-deleguee" or "commune-associee"
	Parent      string // code of the current commune
	ParentName  string // name of the current commune
	Departement string
}

// Table is the loaded reference data with its indexes. It is immutable and
// safe for concurrent use; the index of names is built on the first call to
// ByName or SuggestNames (about 10 ms). Slices and pointers it returns are shared and
// must not be modified.
type Table struct {
	communes  []*Commune // sorted by code
	slots     []int32    // by codeSlot: position in communes + 1, 0 if none
	byPostal  postalIndex
	namesOnce sync.Once
	byName    nameIndex // built on first use by names
	byDep     map[string][]*Commune
	merged    map[string]*Commune
	arrs      map[string][]*Commune // arrondissements by city code
	former    map[string][]*Former
	deps      []*Departement
	depByCode map[string]*Departement
	regions   []*Region
	regByCode map[string]*Region
	epcis     []*EPCI
	epciBy    map[string]*EPCI
}

// Commune returns the commune or arrondissement with the INSEE code, or nil.
// A lower-case Corsican code ("2a004") is accepted.
func (t *Table) Commune(code string) *Commune {
	return t.commune(code)
}

// commune returns the commune with the code, or nil.
func (t *Table) commune(code string) *Commune {
	if n, ok := codeSlot(code); ok && t.slots[n] > 0 {
		return t.communes[t.slots[n]-1]
	}
	return nil
}

// Communes returns every commune and arrondissement, sorted by code.
func (t *Table) Communes() []*Commune {
	return slices.Clip(t.communes)
}

// InDepartement returns the communes and arrondissements of a département,
// sorted by code; nil if the code is unknown.
func (t *Table) InDepartement(code string) []*Commune {
	return slices.Clip(t.byDep[upper(code)])
}

// Arrondissements returns the arrondissements municipaux of a city (Paris,
// Lyon, Marseille), sorted by code; nil for any other code.
func (t *Table) Arrondissements(city string) []*Commune {
	return slices.Clip(t.arrs[city])
}

// ByPostalCode returns the communes and arrondissements served by a postal
// code, by population (largest first), then code. Both Paris (75056) and
// its arrondissement 75101 are returned for "75001".
func (t *Table) ByPostalCode(cp string) []*Commune {
	return t.byPostal.get(cp)
}

// ByName returns the communes and arrondissements whose name matches name
// once both are normalised by fold.Name (case, accents, punctuation,
// "St"/"Ste", leading article), by population (largest first), then code.
func (t *Table) ByName(name string) []*Commune {
	return t.names().get(fold.Name(name))
}

// Former returns the communes déléguées or associées that have or had the
// code, nil if none. The code may also be that of a current commune (the
// chef-lieu of a commune nouvelle keeps its code).
func (t *Table) Former(code string) []*Former {
	return slices.Clip(t.former[upper(code)])
}

// FormerNamed returns the communes déléguées or associées whose name
// matches name once both are normalised by fold.Name, sorted by code. It
// scans the 2,576 of them: a fallback for a name no current commune has.
func (t *Table) FormerNamed(name string) []*Former {
	key := fold.Name(name)
	var out []*Former
	for _, list := range t.former {
		for _, f := range list {
			if fold.Name(f.Name) == key {
				out = append(out, f)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Former) int { return strings.Compare(a.Code+a.Parent, b.Code+b.Parent) })
	return out
}

// MergedInto returns the current commune whose former codes include code,
// or nil. Unlike Former, it also knows the communes that were merged
// without becoming communes déléguées.
func (t *Table) MergedInto(code string) *Commune {
	return t.merged[upper(code)]
}

// Departement returns the département with the code, or nil.
func (t *Table) Departement(code string) *Departement {
	return t.depByCode[upper(code)]
}

// Departements returns every département and COM entry, sorted by code.
func (t *Table) Departements() []*Departement {
	return slices.Clip(t.deps)
}

// Region returns the région with the code, or nil.
func (t *Table) Region(code string) *Region {
	return t.regByCode[code]
}

// Regions returns every région and COM entry, sorted by code.
func (t *Table) Regions() []*Region {
	return slices.Clip(t.regions)
}

// EPCI returns the EPCI with the SIREN, or nil.
func (t *Table) EPCI(siren string) *EPCI {
	return t.epciBy[siren]
}

// EPCIs returns every EPCI, sorted by SIREN.
func (t *Table) EPCIs() []*EPCI {
	return slices.Clip(t.epcis)
}

// upper returns code with a lower-case Corsican "2a"/"2b" prefix made
// upper-case, without allocating in the usual case.
func upper(code string) string {
	if len(code) >= 2 && code[0] == '2' && (code[1] == 'a' || code[1] == 'b') {
		return "2" + string(code[1]-'a'+'A') + code[2:]
	}
	return code
}

// byPopulation orders communes by population, largest first, then code.
func byPopulation(a, b *Commune) int {
	if a.Population != b.Population {
		if a.Population > b.Population {
			return -1
		}
		return 1
	}
	if a.Code < b.Code {
		return -1
	}
	if a.Code > b.Code {
		return 1
	}
	return 0
}
