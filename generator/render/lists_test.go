package render_test

import (
	"fmt"
	"strings"
	"testing"
)

// TestLongListsSplit checks the communes without a CPTS of a département
// with many: a list of their own, every commune on exactly one of its
// pages, pages linked in order, the département page linking to the list.
func TestLongListsSplit(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dep, _ := res.Files.Get("departements/34/index.html")
	if !strings.Contains(string(dep), `<a href="/annuaire/departements/34/sans-cpts/">Voir la liste des `) {
		t.Fatal("the département page does not link to its communes without a CPTS")
	}
	seen := map[string]bool{}
	total := ""
	for i := 1; ; i++ {
		path := "departements/34/sans-cpts/index.html"
		if i > 1 {
			path = fmt.Sprintf("departements/34/sans-cpts/page/%d/index.html", i)
		}
		page, ok := res.Files.Get(path)
		if !ok {
			if i < 3 {
				t.Fatalf("no %s: the list should have pages", path)
			}
			break
		}
		s := string(page)
		if i == 1 {
			_, rest, _ := strings.Cut(s, "<p>")
			total, _, _ = strings.Cut(rest, " communes")
		}
		list, _, _ := strings.Cut(s[strings.Index(s, `<ul class="columns-list">`):], "</ul>")
		items := strings.Count(list, "<li>")
		if items == 0 || items > 100 /* communesPerPage */ {
			t.Errorf("%s: %d communes", path, items)
		}
		for _, li := range strings.Split(list, "<li>")[1:] {
			if seen[li] {
				t.Errorf("%s: %s twice", path, li)
			}
			seen[li] = true
		}
		if !strings.Contains(s, `aria-current="page"`) || i > 1 && !strings.Contains(s, `rel="prev"`) {
			t.Errorf("%s: no pager", path)
		}
	}
	if fmt.Sprint(len(seen)) != strings.ReplaceAll(total, "\u202f", "") && fmt.Sprint(len(seen)) != strings.ReplaceAll(total, " ", "") {
		t.Errorf("%d communes listed, the list says %q", len(seen), total)
	}
}
