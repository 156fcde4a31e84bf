package render_test

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/themes"
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
		if n := strings.Count(string(page), `">Modifier cette page</a>`); n != want { // the footer's, once
			t.Errorf("%s has %d edit links, want %d", p, n, want)
		}
	}
}

// TestSitemapIndex checks that a site with more URLs than a sitemap may
// hold gets a sitemap index of files holding, in order, the same URLs.
func TestSitemapIndex(t *testing.T) {
	one, _ := renderArchive(t, "site.txtar", nil)
	single, _ := one.Files.Get("sitemap.xml")
	want := regexp.MustCompile(`<url>.*</url>`).FindAllString(string(single), -1)
	res, _ := renderArchiveWith(t, "site.txtar", nil, render.Options{SitemapSize: 10})
	index, _ := res.Files.Get("sitemap.xml")
	if !strings.Contains(string(index), `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`) {
		t.Fatalf("sitemap.xml is not an index:\n%s", index)
	}
	var got []string
	for i, loc := range regexp.MustCompile(`<loc>([^<]+)</loc>`).FindAllStringSubmatch(string(index), -1) {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		if loc[1] != "https://example.org/annuaire/"+name {
			t.Errorf("entry %d of the index: %s", i, loc[1])
		}
		part, ok := res.Files.Get(name)
		urls := regexp.MustCompile(`<url>.*</url>`).FindAllString(string(part), -1)
		if !ok || len(urls) == 0 || len(urls) > 10 || !strings.Contains(string(part), "<urlset") {
			t.Errorf("%s: %d URLs", name, len(urls))
		}
		got = append(got, urls...)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) <= 10 {
		t.Errorf("the sitemap files hold %d URLs, the single sitemap %d", len(got), len(want))
	}
	robots, _ := res.Files.Get("robots.txt")
	if !strings.Contains(string(robots), "Sitemap: https://example.org/annuaire/sitemap.xml") {
		t.Errorf("robots.txt: %s", robots)
	}
}

// TestCachedCardsAsExecuted checks the cards that partialCached makes once
// for many pages (news in lists, a CPTS on its communes' pages, the
// trail of a breadcrumb): the site
// is the same byte for byte when the site overrides them with the same
// text, which makes them for every call.
func TestCachedCardsAsExecuted(t *testing.T) {
	cached, diags := renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	extra := map[string]string{}
	for _, p := range []string{"layouts/partials/news-card.html", "layouts/partials/claim-card.html", "layouts/partials/breadcrumb-trail.html"} {
		b, err := fs.ReadFile(themes.Default(), p)
		if err != nil {
			t.Fatal(err)
		}
		extra[p] = string(b)
	}
	executed, diags := renderArchive(t, "site.txtar", extra)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	pages := 0
	for _, p := range executed.Files.Paths() {
		want, _ := executed.Files.Get(p)
		got, ok := cached.Files.Get(p)
		if !ok || string(got) != string(want) {
			t.Errorf("%s differs when its cards are made for each call", p)
		}
		if strings.HasSuffix(p, ".html") && strings.Contains(string(got), `class="card"`) && strings.Contains(string(got), `class="breadcrumb"`) {
			pages++
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages with cards", pages)
	}
}
