package tomlpos

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// crossDocs are realistic documents for the cross-check with the decoder.
var crossDocs = map[string]string{
	"realistic": realistic,
	"cpts": `# CPTS du Pays de Lunel
slug = "pays-de-lunel"
name = "CPTS du Pays de Lunel"
status = "signé"
created = 2021-03-15
size_tier = 2
site = 'https://cpts-lunel.fr/'
communes = [
  "34145", "34033", # Boisseron
  { insee = "30258", partial = true },
  {
    insee = "34154",
    note = """Quartiers "nord"
[[member]]
name = "pas une clé"
""",
  },
]

[contact]
email = "contact@cpts-lunel.fr"
phone = "04 67 12 34 56"
address.street = "1 rue de l'Été"
address.commune = "34145"

[[mission]]
title = "Accès aux soins"
tags = ["soins non programmés", 'médecin traitant']

[[mission]]
title = "Parcours"
[mission.lead]
name = "Dr Ève Martin"
[[mission.partner]]
name = "CH Lunel"
[[mission.partner]]
name = 'EHPAD "Les Oliviers"'

[[member]]
profession = "infirmier"
[member.address]
commune = "49176"
[[member]]
name = "Élodie"  # accents
"métier" = 'sage-femme'
"a.b".c = 1
`,
	"types": "\ufeffint = [1, -2, +3, 0x1F, 0o17, 0b101, 1_000]\r\n" +
		"float = [1.5, -0.0, 5e+22, 6.626e-34, inf, -inf, nan, 224_617.445_991]\r\n" +
		"bool = [true, false]\r\n" +
		"dates = [1979-05-27T07:32:00Z, 1979-05-27 00:32:00.999999-07:00, 1979-05-27T07:32:00, 1979-05-27, 07:32:00, 00:32:00.999]\r\n" +
		"nested = [[1, 2], [\"a\", 'b'], [[], [{}]], []]\r\n" +
		"s = [\"\\u00e9\\t\\\"\", '''\r\n''', \"\"\"\\\r\n  x\"\"\", \"\"]\r\n",
}

func TestCrossCheck(t *testing.T) {
	docs := map[string]string{}
	for name, src := range crossDocs {
		docs[name] = src
	}
	for _, tc := range posCases {
		docs["case "+tc.name] = tc.src
	}
	docs["benchmark"] = string(bigDoc(20 << 10))
	spec, err := os.ReadFile("testdata/spec.toml")
	if err != nil {
		t.Fatal(err)
	}
	docs["spec"] = string(spec)
	for name, src := range docs {
		t.Run(name, func(t *testing.T) {
			var m map[string]any
			if _, err := toml.Decode(src, &m); err != nil {
				t.Fatalf("toml.Decode: %v", err)
			}
			ix := Locate([]byte(src))
			n := 0
			for _, err := range crossCheck([]byte(src), ix, "", ix.Root(), m) {
				t.Error(err)
				if n++; n > 10 {
					t.FailNow()
				}
			}
			checkOffsets(t, []byte(src), ix)
		})
	}
}

// crossCheck walks a decoded value and returns an error for every path that
// the index does not know. Leaves must have a value position, and it must
// point at a character that can start a value of their type; tables and
// arrays need a key or a value position. The Path at, walked beside path,
// must find what Find finds, also for a key that is not there.
func crossCheck(src []byte, ix *Index, path string, at Path, v any) []error {
	var errs []error
	if path != "" {
		errs = append(errs, checkOne(src, ix, path, v)...)
		errs = append(errs, samePath(ix, path, at)...)
		errs = append(errs, samePath(ix, Join(path, "missing key"), at.Child("missing key"))...)
	}
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			errs = append(errs, crossCheck(src, ix, Join(path, k), at.Child(k), e)...)
		}
	case []map[string]any:
		for i, e := range v {
			errs = append(errs, crossCheck(src, ix, Elem(path, i), at.Elem(i), e)...)
		}
	case []any:
		for i, e := range v {
			errs = append(errs, crossCheck(src, ix, Elem(path, i), at.Elem(i), e)...)
		}
	}
	return errs
}

// samePath compares the positions of a Path with those Find gives for path.
func samePath(ix *Index, path string, at Path) []error {
	want := ix.Find(path)
	k1, ok1 := want.Key()
	k2, ok2 := at.Key()
	v1, okv1 := want.Value()
	v2, okv2 := at.Value()
	if k1 != k2 || ok1 != ok2 || v1 != v2 || okv1 != okv2 || want.Nearest() != at.Nearest() {
		return []error{fmt.Errorf("%s: walked Path differs from Find", path)}
	}
	return nil
}

func checkOne(src []byte, ix *Index, path string, v any) []error {
	p, ok := ix.value(path)
	var starts string
	switch v.(type) {
	case map[string]any:
		starts = "{"
	case []map[string]any, []any:
		starts = "["
	case string:
		starts = `"'`
	case bool:
		starts = "tf"
	case int64:
		starts = "+-0123456789"
	case float64:
		starts = "+-0123456789in"
	case time.Time:
		starts = "0123456789"
	default:
		return []error{fmt.Errorf("%s: unexpected type %T", path, v)}
	}
	if !ok {
		if _, isKey := ix.key(path); starts == "{" || starts == "[" && isKey {
			if !isKey {
				return []error{fmt.Errorf("%s: table not found", path)}
			}
			return nil
		}
		return []error{fmt.Errorf("%s: value not found", path)}
	}
	if p.Offset >= len(src) || !strings.ContainsRune(starts, rune(src[p.Offset])) {
		return []error{fmt.Errorf("%s: value at %d:%d does not start with one of %q", path, p.Line, p.Col, starts)}
	}
	return nil
}
