package search

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/cpts-fr/cpts/generator/model"
)

// TestManifestNamesIncompleteTerritories checks that the manifest names,
// by département, the CPTS whose communes are not all listed, so that
// the client does not say "aucune CPTS" of a commune there as a fact.
func TestManifestNamesIncompleteTerritories(t *testing.T) {
	site := testSite(t)
	// A Gard CPTS whose source names no commune (as E-Rhôny's), and a
	// Hérault one whose list is incomplete.
	rhony := &model.CPTS{Slug: "e-rhony", Name: "CPTS E-Rhôny", Departements: []string{"30"}}
	site.CPTS = append(site.CPTS, rhony)
	site.CPTS[3].Territory.Incomplete = true // Lunel
	files := indexFiles(site, Options{HasPage: testPages(site), Label: themeLabels(t), ShardBytes: testShardBytes})
	var m manifest
	for _, f := range files {
		if f.Path == ManifestPath {
			if err := json.Unmarshal(f.Data, &m); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := map[string][]string{"30": {"CPTS E-Rhôny"}, "34": {"CPTS du Pays de Lunel"}}
	if !reflect.DeepEqual(m.Incomplete, want) {
		t.Errorf("incomplete = %v, want %v", m.Incomplete, want)
	}
}
