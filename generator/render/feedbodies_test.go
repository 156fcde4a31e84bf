package render_test

import (
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/render"
)

// TestFeedBodiesAreConvertedOnce: a news body shown by its page and by
// feeds (its CPTS's, the site's) is converted once, whichever of them is
// written first: each feed finds the bodies of its items kept until the
// last feed that shows them is written.
func TestFeedBodiesAreConvertedOnce(t *testing.T) {
	times := map[diag.Pos]int{}
	res, diags := renderArchiveWith(t, "site.txtar", nil, render.Options{Converted: func(p diag.Pos) { times[p]++ }})
	if res == nil || diags.HasErrors() {
		t.Fatalf("render failed:\n%v", diags)
	}
	for _, file := range []string{"content/cpts/lunel/news/2020-07-17-signature.md", "content/news/2024-04-11-site.md"} {
		n := 0
		for p, k := range times {
			if p.File == file {
				n += k
			}
		}
		if n != 1 {
			t.Errorf("the body of %s converted %d times, want once", file, n)
		}
	}
	for _, p := range []string{"cpts/lunel/actualites/atom.xml", "actualites/atom.xml"} {
		if !res.Files.Has(p) {
			t.Errorf("no feed %s", p)
		}
	}
}
