package search

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// TestCommuneDocsAreMadeAgainWhenTheirRecordChanges: the communes'
// documents that collect takes from communeDocs have the words that
// recordWords finds with the rows of their CPTS, the JSON that
// appendFields makes, and the CPTS covering them; a site on which the
// communes have no page of their own gets records with the link that
// replaces it, and a site with pages again the records without.
func TestCommuneDocsAreMadeAgainWhenTheirRecordChanges(t *testing.T) {
	site := testSite(t)
	names := deptNames(site)
	in := func(c *geo.Commune) bool { return c.Departement == "34" || c.Departement == "13" }
	noPages := func(p string) bool { return !strings.HasPrefix(p, "/communes/") }
	for pass, opts := range []Options{
		{Label: themeLabels(t), Communes: in},
		{Label: themeLabels(t), Communes: in}, // from the memo
		{Label: themeLabels(t), Communes: in, HasPage: noPages},
		{Label: themeLabels(t), Communes: in},
	} {
		docs, _ := collect(site, opts)
		covered := 0
		for _, d := range docs {
			if d.kind != KindCommune {
				continue
			}
			if len(d.refs) > 0 {
				covered++
			}
			var rows [][]any
			for _, x := range d.refs {
				rows = append(rows, cptsRow(x, true))
			}
			if want := recordWords(d.rec, rows, names); !slices.Equal(d.words, want) {
				t.Fatalf("pass %d, %v: words %q, want %q", pass, d.rec, d.words, want)
			}
			fresh := &doc{rec: d.rec, refAt: d.refAt, many: d.many}
			if want, cut := fresh.appendFields(nil, nil); !bytes.Equal(d.json, want) || d.cut != cut {
				t.Fatalf("pass %d: JSON %s (cut %d), want %s (%d)", pass, d.json, d.cut, want, cut)
			}
			if got, want := len(d.rec) == 6, opts.HasPage != nil; got != want {
				t.Fatalf("pass %d, %v: a link is %v, want %v", pass, d.rec, got, want)
			}
			if !slices.Equal(d.refs, claimers(site, d.rec[1].(string))) {
				t.Fatalf("pass %d, %v: wrong CPTS", pass, d.rec)
			}
		}
		if covered == 0 {
			t.Fatal("no commune of the test has a CPTS")
		}
	}
}

// claimers returns the CPTS the site's coverage gives a commune.
func claimers(site *model.Site, code string) []*model.CPTS {
	var out []*model.CPTS
	for _, cl := range site.Coverage.Of(code) {
		out = append(out, cl.CPTS)
	}
	return out
}
