package render_test

import (
	"strings"
	"testing"
)

// TestFrameAcrossPages checks the parts of the page frame that
// partialCached makes once for many pages: each page keeps its own edit
// link and menu state, and a header that the site overrides is made for
// each page.
func TestFrameAcrossPages(t *testing.T) {
	config := "title = \"Annuaire test\"\nbase_url = \"https://example.org/\"\nedit_url = \"https://git.example.org/edit/\"\n[communes]\npages = \"covered\"\n"
	res, diags := renderArchive(t, "site.txtar", map[string]string{
		"config.toml":                  config,
		"layouts/partials/header.html": `<header><p class="site-title">{{.Title}}</p></header>`,
	})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	pages := map[string][]string{
		"cpts/lunel/index.html":                      {`href="https://git.example.org/edit/content/cpts/lunel/index.md"`, `<p class="site-title">CPTS du Pays de Lunel</p>`},
		"cpts/lunel/actualites/signature/index.html": {`href="https://git.example.org/edit/content/cpts/lunel/news/2020-07-17-signature.md"`, `<p class="site-title">Signature de l`},
		"cpts/index.html":                            {`<p class="site-title">Les CPTS</p>`},
		"cpts/petite-camargue/index.html":            {`content/cpts/petite-camargue/index.md"`},
	}
	for p, wants := range pages {
		page, ok := res.Files.Get(p)
		if !ok {
			t.Fatalf("no %s", p)
		}
		for _, w := range wants {
			if !strings.Contains(string(page), w) {
				t.Errorf("%s lacks %s", p, w)
			}
		}
		want := 1
		if p == "cpts/index.html" {
			want = 0 // made from no content file
		}
		if n := strings.Count(string(page), "https://git.example.org/edit/"); n != want {
			t.Errorf("%s has %d edit links, want %d", p, n, want)
		}
	}
}
