package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

func TestFrench(t *testing.T) {
	fr, _ := For("fr")
	for _, tc := range []struct{ in, want string }{
		{`unknown INSEE code "34415"`, `code INSEE "34415" inconnu`},
		// The value of a %q is the site's text, never translated.
		{`unknown INSEE code "a string"`, `code INSEE "a string" inconnu`},
		// Nested: the values of %s are translated when they are messages.
		{`status: "signe" is not one of the allowed values`, `status : "signe" ne fait pas partie des valeurs permises`},
		{`did you mean "aci-signe"? (allowed: projet, aci-signe)`, `vouliez-vous dire "aci-signe" ? (valeurs permises : projet, aci-signe)`},
		{`did you mean "34145" (Lunel, 34) or "34215" (Pouzols, 34)?`, `vouliez-vous dire "34145" (Lunel, 34) ou "34215" (Pouzols, 34) ?`},
		{`size_tier: want a whole number, got the string "deux"`, `size_tier : il faut un nombre entier, et non le texte "deux"`},
		{`add to config.toml a new [legal] table with publisher = "…", director = "…" and host = "…" (all three are required), and publisher_address, publisher_email, host_address`,
			`ajoutez à config.toml une nouvelle table [legal] avec publisher = "…", director = "…" et host = "…" (les trois sont obligatoires), et publisher_address, publisher_email, host_address`},
		// The most specific format wins over "%s: %v".
		{`colors.primary: "#zz" is not a colour`, `colors.primary : "#zz" n’est pas une couleur`},
		{`the reference population is INSEE's; a difference over 10% usually means a missing or extra commune`,
			`la population de référence est celle de l’INSEE ; un écart de plus de 10 % signifie souvent une commune en trop ou en moins`},
		// Unknown messages stay as they are.
		{`something new`, `something new`},
	} {
		if got := fr.Text(tc.in); got != tc.want {
			t.Errorf("Text(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestEnglishIsTheCode(t *testing.T) {
	en, ok := For("")
	if !ok || en.Text("unknown key \"x\"") != "unknown key \"x\"" || en.Lang() != "en" {
		t.Error("the English catalogue changes messages")
	}
	if _, ok := For("de"); ok {
		t.Error("For(de) found a catalogue")
	}
}

func TestCountAndSummary(t *testing.T) {
	fr, _ := For("fr")
	en, _ := For("en")
	l := diag.List{{Severity: diag.Error}, {Severity: diag.Error}}
	for _, tc := range []struct {
		c    *Catalog
		want string
	}{
		{fr, "2 erreurs, 0 avertissement"},
		{en, "2 errors, 0 warnings"},
	} {
		if got := tc.c.Summary(l); got != tc.want {
			t.Errorf("%s: Summary = %q, want %q", tc.c.Lang(), got, tc.want)
		}
	}
	if got := fr.Count(1, "news"); got != "1 actualité" {
		t.Errorf("Count(1, news) = %q", got)
	}
}

func TestDiagnosticWords(t *testing.T) {
	fr, _ := For("fr")
	d := fr.Diagnostic(diag.Diagnostic{Pos: diag.Pos{File: "config.toml", Line: 2, Col: 1}, Code: diag.UnknownKey,
		Msg: `unknown key "base_ulr"`, Hint: `did you mean "base_url"?`})
	want := "config.toml:2:1: erreur: clé inconnue \"base_ulr\" [unknown-key]\n\tconseil: vouliez-vous dire \"base_url\" ?"
	if got := d.Format(fr.Words()); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestNoEntryIsAName: the values of verbs are translated when they are
// whole messages of the catalogue, so a message of one lowercase word
// would translate a field name ("draft: want true or false" would name
// the field "brouillon").
func TestNoEntryIsAName(t *testing.T) {
	name := regexp.MustCompile(`^[a-z_.]+$`)
	for src := range merge(frenchMessages, frenchTOML) {
		if name.MatchString(src) {
			t.Errorf("%q: a message that could be a field name", src)
		}
	}
	fr, _ := For("fr")
	if got := fr.Text(`draft: want true or false, got the string "non"`); got != `draft : il faut true ou false, et non le texte "non"` {
		t.Errorf("got %q", got)
	}
}

// TestTranslationsKeepTheirArguments checks every entry: same verbs,
// each argument once.
func TestTranslationsKeepTheirArguments(t *testing.T) {
	if _, err := compile("fr", frenchWords, merge(frenchMessages, frenchTOML), frenchNouns); err != nil {
		t.Fatal(err)
	}
	if _, err := compile("x", frenchWords, map[string]string{"%s is %d": "%d est %s"}, nil); err == nil {
		t.Error("a translation that swaps verbs compiles")
	}
	if _, err := compile("x", frenchWords, map[string]string{"%s is %d": "%[2]d est %[1]s"}, nil); err != nil {
		t.Errorf("a translation that reorders its arguments: %v", err)
	}
}

// sources reads every non-test Go file of the given folders, but
// generators and test data.
func sources(t *testing.T, roots ...string) []*ast.File {
	t.Helper()
	var files []*ast.File
	fset := token.NewFileSet()
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && (d.Name() == "testdata" || d.Name() == "internal") {
				if d != nil && d.IsDir() && err == nil {
					return filepath.SkipDir
				}
				return err
			}
			if !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.Contains(p, "/catalog/") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			files = append(files, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

// TestEveryMessageIsInTheCatalogue reads the formats the code gives
// diagnostics (List.Errorf, List.Warnf, Diagnostic.WithHint) and checks
// that the French catalogue has each.
func TestEveryMessageIsInTheCatalogue(t *testing.T) {
	n := 0
	for _, f := range sources(t, "../../generator", "../../cmd") {
		ast.Inspect(f, func(node ast.Node) bool {
			c, ok := node.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := c.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && (id.Name == "fmt" || id.Name == "t") {
				return true
			}
			at := map[string]int{"Errorf": 2, "Warnf": 2, "WithHint": 0}
			i, ok := at[sel.Sel.Name]
			if !ok || len(c.Args) <= i {
				return true
			}
			lit, ok := c.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if f, _ := parseFormat(s); f.literalLen() == 0 {
				return true // "%s": its argument is translated
			}
			n++
			if _, ok := frenchMessages[s]; !ok {
				t.Errorf("%s is not in the French catalogue", strconv.Quote(s))
			}
			return true
		})
	}
	if n < 150 {
		t.Errorf("found %d formats in the code: the scan misses calls", n)
	}
}

// TestNoDeadEntries checks that the text of each catalogue entry is still
// written somewhere in the code, or in the TOML parser's for frenchTOML.
func TestNoDeadEntries(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/BurntSushi/toml").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deadEntries(t, frenchMessages, sources(t, "../../generator", "../../cmd"))
	deadEntries(t, frenchTOML, sources(t, strings.TrimSpace(string(out))))
}

func deadEntries(t *testing.T, entries map[string]string, files []*ast.File) {
	var lits []string
	for _, f := range files {
		ast.Inspect(f, func(node ast.Node) bool {
			if lit, ok := node.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				lits = append(lits, s)
			}
			return true
		})
	}
	all := strings.Join(lits, "\x00")
	for src := range entries {
		f, _ := parseFormat(src)
		longest := f.longestText()
		if len(longest) < 3 {
			continue // "%s or %s": too short to find
		}
		if !strings.Contains(all, strings.ReplaceAll(longest, "%", "%%")) && !strings.Contains(all, longest) {
			t.Errorf("%s: no string of the code holds %q", strconv.Quote(src), longest)
		}
	}
}
