package listing

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

var (
	tableOnce sync.Once
	geoTab    *geo.Table
)

func geoTable(t testing.TB) *geo.Table {
	tableOnce.Do(func() {
		var err error
		if geoTab, err = geo.Load(); err != nil {
			t.Fatal(err)
		}
	})
	return geoTab
}

func TestParseToken(t *testing.T) {
	tests := []struct {
		in, name string
		partial  bool
		note     string
		dept     string
		number   string
	}{
		{"Lunel", "Lunel", false, "", "", ""},
		{"Nice (partie)", "Nice", true, "", "", ""},
		{"Nice (en partie : quartiers est)", "Nice", true, "quartiers est", "", ""},
		{"Nice (quartiers est)", "Nice", true, "quartiers est", "", ""},
		{"partie de Nice", "Nice", true, "", "", ""},
		{"Nice infra", "Nice", true, "", "", ""},
		{"Saint-Martin (65)", "Saint-Martin", false, "", "65", ""},
		{"Ajaccio (2A)", "Ajaccio", false, "", "2A", ""},
		{"Lunel (34400)", "Lunel", false, "", "", "34400"},
		{"34400 Lunel", "Lunel", false, "", "", "34400"},
		{"Lunel - 34145", "Lunel", false, "", "", "34145"},
		{"34145", "34145", false, "", "", ""},
	}
	for _, tt := range tests {
		tok := parseToken(tt.in, diag.Pos{})
		got := fmt.Sprint(tok.name, "|", tok.partial, "|", tok.note, "|", tok.dept, "|", tok.number)
		want := fmt.Sprint(tt.name, "|", tt.partial, "|", tt.note, "|", tt.dept, "|", tt.number)
		if got != want {
			t.Errorf("parseToken(%q) = %s, want %s", tt.in, got, want)
		}
	}
}

func TestResolve(t *testing.T) {
	tab := geoTable(t)
	tests := []struct {
		in    string
		depts []string
		want  string // code, or "?" for an ambiguous name, "!" for none
	}{
		{"LE LION D ANGERS", nil, "49176"},
		{"St Etienne", nil, "42218"},
		{"Saint-Étienne", nil, "42218"},
		{"Gargas", []string{"84"}, "84047"},
		{"Gargas", nil, "?"},
		{"Gargas (31)", nil, "31211"},
		{"Marseille 5e", nil, "13205"},
		{"marseille 5ème arrondissement", nil, "13205"},
		{"Paris 12e", nil, "75112"},
		{"Lyon 1er", nil, "69381"},
		{"49005", nil, "49176"}, // a commune déléguée's code
		{"34400", nil, "!"},     // the postal code of 8 communes
		{"13003", nil, "?"},     // Alleins, or the postal code of Marseille 3e
		{"Nulle-Part", nil, "!"},
		{"Andigné", nil, "49176"}, // a commune déléguée, by name
		{"6088", nil, "06088"},    // a code a spreadsheet saved as a number
		{"Corbès", nil, "30329"},
	}
	for _, tt := range tests {
		r, p := resolve(tab, parseToken(tt.in, diag.Pos{}), tt.depts)
		got := ""
		switch {
		case p != nil && p.ambiguous:
			got = "?"
		case p != nil:
			got = "!"
		default:
			got = r.com.Code
		}
		if got != tt.want {
			t.Errorf("resolve(%q, %v) = %s, want %s", tt.in, tt.depts, got, tt.want)
		}
	}
	if r := pickCode(tab, "13003", []string{"13201"}); r.com.Code != "13203" {
		t.Errorf("13003 beside 13201: %s, want the 3e arrondissement", r.com.Code)
	}
	if r := pickCode(tab, "13003", []string{"13103"}); r.com.Code != "13003" {
		t.Errorf("13003 beside Salon: %s, want Alleins", r.com.Code)
	}
}

func TestStageOf(t *testing.T) {
	for in, want := range map[string]model.Status{
		"ACI signé": model.StatusACISigne, "signé ACI": model.StatusACISigne, "ACI": model.StatusACISigne,
		"Projet de santé validé": model.StatusProjetSanteValide, "PSV": model.StatusProjetSanteValide,
		"Lettre d'intention": model.StatusLettreIntention, "LI": model.StatusLettreIntention,
		"en projet": model.StatusProjet, "Emergence": model.StatusProjet, "": model.StatusUnknown,
	} {
		if got, ok := stageOf(in); !ok || got != want {
			t.Errorf("stageOf(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"en cours", "opérationnelle", "?"} {
		if got, ok := stageOf(in); ok {
			t.Errorf("stageOf(%q) = %q, want no stage", in, got)
		}
	}
}

func TestPersonal(t *testing.T) {
	for addr, want := range map[string]bool{
		"contact@cpts-lunel.fr": false, "jeanne.martin@cpts-lunel.fr": true, "jmartin@gmail.com": true,
		"coordination.cpts@gmail.com": false, "secretariat@orange.fr": false, "info@example.org": false,
	} {
		if personal(addr) != want {
			t.Errorf("personal(%q) = %v, want %v", addr, !want, want)
		}
	}
}

func TestColumns(t *testing.T) {
	for header, want := range map[string]string{
		"Nom de la CPTS": fieldName, "Département(s)": fieldDepartement, "Code INSEE": fieldCommunes,
		"E-mail": fieldEmail, "Téléphone": fieldPhone, "Site internet": fieldWebsite, "Étape": fieldStatus,
		"Nombre de médecins": "",
	} {
		if got := fieldOf(header, nil); got != want {
			t.Errorf("fieldOf(%q) = %q, want %q", header, got, want)
		}
	}
	if got := fieldOf("Porteur du projet", map[string]string{"porteur du PROJET": fieldName}); got != fieldName {
		t.Errorf("--map by folded header: %q", got)
	}
	for data, want := range map[string]rune{"a;b;c\n1,2;3": ';', "a,b\n": ',', "a\tb\n": '\t', "\"x;y\",b\n": ','} {
		if got := delimiter([]byte(data)); got != want {
			t.Errorf("delimiter(%q) = %q, want %q", data, got, want)
		}
	}
}

// TestRowsOfOneCPTS: rows with the same name (case and accents aside), or
// with no name under a named one, make one CPTS.
func TestRowsOfOneCPTS(t *testing.T) {
	data := []byte("Nom;Code commune\nCPTS Étang;34145\nCPTS ETANG;34146\n;34151\nCPTS Autre;34172\n")
	res, err := Import("l.csv", data, Options{Geo: geoTable(t)})
	if err != nil || res.Errors.HasErrors() {
		t.Fatal(err, res.Errors)
	}
	if len(res.CPTS) != 2 || len(res.CPTS[1].Communes) != 3 || res.CPTS[1].Name != "CPTS Étang" {
		t.Fatalf("got %d CPTS: %+v", len(res.CPTS), res.CPTS)
	}
}

// TestSameBytes checks that an import gives the same files twice, and
// TOML that escapes what it quotes.
func TestSameBytes(t *testing.T) {
	data := []byte("Nom;Communes;Site\n\"CPTS \"\"Test\"\" \\ x\";34145, 34146;www.example.org\n")
	var first string
	for range 2 {
		res, err := Import("l.csv", data, Options{Geo: geoTable(t)})
		if err != nil || res.Errors.HasErrors() {
			t.Fatal(err, res.Errors)
		}
		var b strings.Builder
		for _, f := range res.Files("l.csv") {
			b.WriteString(f.Path + "\n" + string(f.Data))
		}
		if first == "" {
			first = b.String()
		} else if b.String() != first {
			t.Errorf("second import differs:\n%s\n---\n%s", first, b.String())
		}
	}
	if !strings.Contains(first, `name = "CPTS \"Test\" \\ x"`) {
		t.Errorf("name not escaped:\n%s", first)
	}
}

// BenchmarkImport imports a national listing: 1,000 CPTS over 35,000
// commune cells, half by name, half by code.
func BenchmarkImport(b *testing.B) {
	tab := geoTable(b)
	var buf strings.Builder
	buf.WriteString("Nom de la CPTS;Département;Communes\n")
	communes := tab.Communes()
	n := 0
	for i := 0; i < 1000; i++ {
		var cells []string
		dep := ""
		for range 35 {
			c := communes[n%len(communes)]
			n++
			if dep == "" {
				dep = c.Departement
			}
			if n%2 == 0 {
				cells = append(cells, c.Code)
			} else {
				cells = append(cells, c.Code+" "+c.Name)
			}
		}
		fmt.Fprintf(&buf, "CPTS %d;%s;\"%s\"\n", i, dep, strings.Join(cells, ", "))
	}
	data := []byte(buf.String())
	b.ResetTimer()
	for b.Loop() {
		res, err := Import("national.csv", data, Options{Geo: tab})
		if err != nil || res.Totals.Cells != 35000 {
			b.Fatal(err, res.Totals)
		}
		res.Files("national.csv")
	}
}

func TestOfficialNamesWithParentheses(t *testing.T) {
	tab := geoTable(t)
	for _, in := range []string{"Château-Chinon (Ville)", "58062 Château-Chinon (Ville)"} {
		r, p := resolve(tab, parseToken(in, diag.Pos{}), nil)
		if p != nil || r.com.Code != "58062" {
			t.Errorf("resolve(%q) = %v, %v; want 58062", in, r.com, p)
		}
	}
}

// FuzzImport feeds listings of any bytes to the reader and the resolver:
// no panic, and every error or note carries a position in the listing.
func FuzzImport(f *testing.F) {
	f.Add([]byte("Nom;Communes\nCPTS A;\"Nice (partie), 34145, Marseille 5e\"\n;13003\n"), ".csv")
	f.Add([]byte("nom,communes,statut,courriel\nB,\"Gargas (84)\",ACI signé,contact@b.example 04 65 71 10 01\n"), ".csv")
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"properties":{"nom":"C","communes":["46127","Gourdon"]}}]}`), ".geojson")
	tab := geoTable(f)
	f.Fuzz(func(t *testing.T, data []byte, ext string) {
		if ext != ".csv" && ext != ".geojson" {
			ext = ".csv"
		}
		res, err := Import("l"+ext, data, Options{Geo: tab})
		if err != nil {
			return
		}
		for _, d := range res.Errors {
			if d.Pos.File != "l"+ext {
				t.Errorf("error without the listing's position: %v", d)
			}
		}
		res.Files("l" + ext)
	})
}
