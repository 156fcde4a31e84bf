package search

import (
	"bytes"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
)

// TestMemoReadsChangedTextAgain indexes a site with a memo, as `cpts
// serve` does from one rebuild to the next, after edits of every kind:
// each index must equal the index made without a memo (neither reusing
// the other's trie). An index that reuses a trie looks up no item's
// terms: the memo keeps those of the items still indexed.
func TestMemoReadsChangedTextAgain(t *testing.T) {
	defer forgetBuilt()
	site := testSite(t)
	labels := themeLabels(t)
	memo := &Memo{}
	herault := func(c *geo.Commune) bool { return c.Departement == "34" } // a smaller index, made faster
	check := func(step string, published int) {
		t.Helper()
		forgetBuilt()
		fresh := indexFiles(site, Options{HasPage: testPages(site), Label: labels, Communes: herault})
		forgetBuilt()
		got := indexFiles(site, Options{HasPage: testPages(site), Label: labels, Communes: herault, Memo: memo})
		if d := firstDifference(got, fresh); d != "" {
			t.Errorf("%s: the index made with the memo differs from a fresh one at %s", step, d)
		}
		if len(memo.terms) != published {
			t.Errorf("%s: the memo keeps %d items, want the %d published", step, len(memo.terms), published)
		}
	}
	check("first index", 2)
	check("same site", 2)
	site.News[1].Title = "Trois cents communautés" // edited in place
	check("title edited", 2)
	site.News[1].Tags = []string{"statistiques"}
	check("tags edited", 2)
	edited := *site.News[0] // replaced, as an incremental rebuild does
	edited.Body = model.NewMarkdown([]byte("Un texte tout autre : vaccination, prévention."), edited.Body.Pos)
	site.News[0] = &edited
	check("body replaced", 2)
	all := site.News
	site.News = all[1:]
	check("item deleted", 1)
	site.News = all
	check("item back", 2)
	site.News = all[1:]
	indexFiles(site, Options{HasPage: testPages(site), Label: labels, Communes: herault}) // a trie to reuse
	indexFiles(site, Options{HasPage: testPages(site), Label: labels, Communes: herault, Memo: memo})
	if len(memo.terms) != 1 || memo.terms[all[1]].terms == nil {
		t.Errorf("trie reused: the memo keeps %d items, want the one still indexed", len(memo.terms))
	}
}

// firstDifference names the first file where two indexes differ, or "".
func firstDifference(a, b []output.File) string {
	for i := range min(len(a), len(b)) {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return a[i].Path
		}
	}
	if len(a) != len(b) {
		return "the number of files"
	}
	return ""
}
