package search

import (
	"slices"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
)

// TestCommuneWordsAreTheRecordWords: the words wordsOf gives the
// communes, from its memo the second time, are those recordWords finds
// with the rows of their CPTS, and a record changed under the same code
// gets its own.
func TestCommuneWordsAreTheRecordWords(t *testing.T) {
	site := testSite(t)
	opts := Options{Label: themeLabels(t), Communes: func(c *geo.Commune) bool { return c.Departement == "34" || c.Departement == "13" }}
	names := deptNames(site)
	rowsOf := func(d *doc) (rows [][]any) {
		for _, x := range d.refs {
			rows = append(rows, cptsRow(x, true))
		}
		return rows
	}
	for pass := range 2 {
		docs, _, _ := collect(site, opts)
		covered := 0
		for _, d := range docs {
			if d.kind != KindCommune {
				continue
			}
			if len(d.refs) > 0 {
				covered++
			}
			if want := recordWords(d.rec, rowsOf(d), names); !slices.Equal(d.words, want) {
				t.Fatalf("pass %d, %v: words %q, want %q", pass, d.rec, d.words, want)
			}
		}
		if covered == 0 {
			t.Fatal("no commune of the test has a CPTS")
		}
	}
	docs, _, _ := collect(site, opts)
	d := docs[0]
	d.rec[2] = "Lunel-Viel de Test" // a new name under the same code
	wordsOf([]*doc{d}, rowsOf, names)
	if want := recordWords(d.rec, nil, names); !slices.Equal(d.words, want) || !slices.Contains(d.words, "test") {
		t.Errorf("renamed: words %q, want %q", d.words, want)
	}
}
