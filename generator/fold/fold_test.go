package fold

import "testing"

var foldTests = []struct {
	in, want string
}{
	{"", ""},
	{"gourdon", "gourdon"},
	{"Gourdon", "gourdon"},
	{"  Saint--Étienne  ", "saint etienne"},
	{"L'Haÿ-les-Roses", "l hay les roses"},
	{"Lion-d’Angers", "lion d angers"},
	{"Lion-dʼAngers", "lion d angers"},
	{"Œuilly", "oeuilly"},
	{"Cœuvres-et-Valsery", "coeuvres et valsery"},
	{"Lætitia", "laetitia"},
	{"Straße", "strasse"},
	{"ÉCHIROLLES", "echirolles"},
	{"Ça, c'est... 3/4 (ou plus) !", "ca c est 3 4 ou plus"},
	{"Paris 1er Arrondissement", "paris 1er arrondissement"},
	{"a.b_c", "a b c"},
	{"Øster Łódź", "oster lodz"},
	{"tab\tand\nnewline", "tab and newline"},
	{"naïve café", "naive cafe"},
	{"Κρήτη", "κρητη"},
}

func TestFold(t *testing.T) {
	for _, tt := range foldTests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

var nameTests = []struct {
	in, want string
}{
	{"Le Lion-d'Angers", "lion d angers"},
	{"lion d angers", "lion d angers"},
	{"Lion-d'Angers (Le)", "lion d angers"},
	{"Lion-d'Angers (Le) ", "lion d angers"},
	{"Abergement-Clémenciat (L')", "abergement clemenciat"},
	{"L'Abergement-Clémenciat", "abergement clemenciat"},
	{"Les Abymes", "abymes"},
	{"Abymes (Les)", "abymes"},
	{"La Teste-de-Buch", "teste de buch"},
	{"St-Étienne", "saint etienne"},
	{"ST ETIENNE", "saint etienne"},
	{"Saint-Étienne", "saint etienne"},
	{"Ste-Marie", "sainte marie"},
	{"Stes-Maries-de-la-Mer (Les)", "saintes maries de la mer"},
	{"Saint-Laurent-d'Aigouze", "saint laurent d aigouze"},
	{"Le Vigan-en-Quercy", "vigan en quercy"},
	{"Bors (Canton de Tude-et-Lavalette)", "bors canton de tude et lavalette"},
	{"Le", "le"},
	{"Lestre", "lestre"},
	{"Stella-Plage", "stella plage"},
	{"Pont-St-Esprit", "pont saint esprit"},
	{"", ""},
}

func TestName(t *testing.T) {
	for _, tt := range nameTests {
		if got := Name(tt.in); got != tt.want {
			t.Errorf("Name(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldedInputNotCopied(t *testing.T) {
	for _, s := range []string{"saint etienne", "lion d angers", "75001"} {
		if n := testing.AllocsPerRun(100, func() { Fold(s); Name(s) }); n != 0 {
			t.Errorf("Fold/Name(%q) allocated %v times, want 0", s, n)
		}
	}
}

func TestFoldIdempotent(t *testing.T) {
	for _, tt := range foldTests {
		if f := Fold(tt.want); f != tt.want {
			t.Errorf("Fold(%q) = %q, want it unchanged", tt.want, f)
		}
	}
	for _, tt := range nameTests {
		if n := Name(tt.want); n != tt.want && tt.want != "le" {
			t.Errorf("Name(%q) = %q, want it unchanged", tt.want, n)
		}
	}
}

var benchNames = []string{
	"L'Abergement-Clémenciat", "Saint-Étienne", "Gourdon", "Le Lion-d'Angers",
	"Colomiers", "Lunel", "Saint-Laurent-d'Aigouze", "Bors (Canton de Charente-Sud)",
	"Paris 1er Arrondissement", "Cœuvres-et-Valsery",
}

func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Fold(benchNames[i%len(benchNames)])
	}
}

func BenchmarkName(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Name(benchNames[i%len(benchNames)])
	}
}

// TestLatinTable checks the one-pass table against Unicode decomposition:
// each rune of the table's range folds the same both ways.
func TestLatinTable(t *testing.T) {
	for r := rune(0xC0); r <= 0x17F; r++ {
		s := "x" + string(r) + "y"
		fast, slow := Fold(s), foldNFD(s)
		if fast != slow {
			t.Errorf("U+%04X %c: Fold = %q, NFD path = %q", r, r, fast, slow)
		}
		if !folded(fast) {
			t.Errorf("U+%04X %c: Fold = %q, not folded", r, r, fast)
		}
	}
	for r := rune(0x2000); r <= 0x206F; r++ {
		if got := Fold("x" + string(r) + "y"); got != "x y" {
			t.Errorf("U+%04X: Fold = %q, want %q", r, got, "x y")
		}
	}
}
