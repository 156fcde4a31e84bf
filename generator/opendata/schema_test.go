package opendata_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/model"
)

// TestCSVHeadersAreTheSchemaFields checks each CSV against its Table
// Schema: same columns, same order.
func TestCSVHeadersAreTheSchemaFields(t *testing.T) {
	all := files(t)
	for csvName, schemaName := range map[string]string{
		"cpts.csv":          "cpts.tableschema.json",
		"communes-cpts.csv": "communes-cpts.tableschema.json",
	} {
		header, err := csv.NewReader(bytes.NewReader(all[csvName])).Read()
		if err != nil {
			t.Fatal(err)
		}
		var schema struct{ Fields []struct{ Name string } }
		if err := json.Unmarshal(all[schemaName], &schema); err != nil {
			t.Fatalf("%s: %v", schemaName, err)
		}
		var names []string
		for _, f := range schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(header, names) {
			t.Errorf("%s columns %q, but %s fields %q", csvName, header, schemaName, names)
		}
	}
}

// TestSchemaEnumsAreTheModelLists checks that the closed lists of the
// schemas are those the content model accepts.
func TestSchemaEnumsAreTheModelLists(t *testing.T) {
	all := files(t)
	var js map[string]any
	if err := json.Unmarshal(all["cpts.schema.json"], &js); err != nil {
		t.Fatal(err)
	}
	var table map[string]any
	if err := json.Unmarshal(all["cpts.tableschema.json"], &table); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		doc  map[string]any
		path string
		want []string
	}{
		{js, "$defs.cpts.properties.statut.enum", model.Status("").Values()},
		{js, "$defs.cpts.properties.membres.properties.par_profession.items.properties.valeur.enum", model.Profession("").Values()},
		{js, "$defs.cpts.properties.membres.properties.par_structure.items.properties.valeur.enum", append(model.Structure("").Values(), "non-precise")},
		{js, "$defs.cpts.properties.membres.properties.noms_publics.items.properties.profession.enum", model.Profession("").Values()},
		{js, "$defs.cpts.properties.membres.properties.noms_publics.items.properties.role_bureau.enum", model.BoardRole("").Values()},
		{js, "$defs.cpts.properties.missions.items.properties.type.enum", model.MissionKind("").Values()},
		{js, "$defs.cpts.properties.missions.items.properties.statut.enum", model.MissionStatus("").Values()},
		{table, "fields.3.constraints.enum", model.Status("").Values()},
	}
	for _, tc := range cases {
		var got []string
		for _, v := range lookup(tc.doc, tc.path).([]any) {
			got = append(got, v.(string))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s = %q, want %q", tc.path, got, tc.want)
		}
	}
}

// TestJSONKeysAreInTheSchema walks cpts.json along cpts.schema.json: every
// key the code writes must be a property the schema documents.
func TestJSONKeysAreInTheSchema(t *testing.T) {
	all := files(t)
	var schema, doc map[string]any
	if err := json.Unmarshal(all["cpts.schema.json"], &schema); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(all["cpts.json"], &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any, s map[string]any, at string)
	walk = func(v any, s map[string]any, at string) {
		if ref, ok := s["$ref"].(string); ok {
			s = lookup(schema, strings.ReplaceAll(strings.TrimPrefix(ref, "#/"), "/", ".")).(map[string]any)
		}
		switch v := v.(type) {
		case map[string]any:
			props, _ := s["properties"].(map[string]any)
			for k, child := range v {
				cs, ok := props[k].(map[string]any)
				if !ok {
					t.Errorf("%s.%s is not in cpts.schema.json", at, k)
					continue
				}
				walk(child, cs, at+"."+k)
			}
		case []any:
			for _, child := range v {
				walk(child, s["items"].(map[string]any), at+"[]")
			}
		}
	}
	walk(doc, schema, "")
}

// lookup follows a dotted path through decoded JSON; numbers index arrays.
func lookup(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i := 0
			for _, c := range k {
				i = i*10 + int(c-'0')
			}
			v = x[i]
		}
	}
	return v
}
