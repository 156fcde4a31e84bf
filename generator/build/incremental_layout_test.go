package build_test

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/themes"
)

// TestIncrementalLayoutEdit: a page layout added (with the folder
// layouts/) re-renders the pages of that layout, and the site is then what
// a full build makes; a partial,
// baseof.html, a deleted layout or an edit that changes the ids Markdown
// headings avoid need a full build.
func TestIncrementalLayoutEdit(t *testing.T) {
	fsys := copyFS(t, cpts.Sample)
	opts := serveOptions(t, fsys)
	prev, diags := build.Run(opts)
	if prev == nil {
		t.Fatal(diags)
	}
	theme, err := fs.ReadFile(themes.Default(), "layouts/cpts.html")
	if err != nil {
		t.Fatal(err)
	}
	before := prev.Files.Clone()
	edited := strings.Replace(string(theme), "{{define \"main\"}}", "{{define \"main\"}}<p class=\"hint\">Fiche relue par l’équipe.</p>", 1)
	if edited == string(theme) {
		t.Fatal("layouts/cpts.html has no main template to edit")
	}
	// The site's first layout: the folder made with it, reported alone.
	fsys["layouts/cpts.html"] = &fstest.MapFile{Data: []byte(edited)}
	res, diags, ok := build.Incremental(prev, opts, []string{"layouts"})
	if !ok || res == nil || diags.HasErrors() {
		t.Fatalf("ok=%v %v", ok, diags)
	}
	page, _ := res.Files.Get("cpts/pays-de-lunel/index.html")
	if !strings.Contains(string(page), "Fiche relue par l’équipe.") {
		t.Error("the CPTS page was not rendered again")
	}
	if res.Rendered > 10 {
		t.Errorf("%d files rendered again for the 5 CPTS pages and their maps", res.Rendered)
	}
	sameAsFullBuild(t, fsys, before, res)

	for name, text := range map[string]string{
		"layouts/partials/footer.html": "<footer></footer>",
		"layouts/baseof.html":          "<!DOCTYPE html>",
		"layouts/cpts.html":            strings.Replace(edited, "<p class=\"hint\">", "<p id=\"releve\" class=\"hint\">", 1),
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
		if _, _, ok := build.Incremental(res, opts, []string{name}); ok {
			t.Errorf("%s: want a full build", name)
		}
		delete(fsys, name)
	}
	if _, _, ok := build.Incremental(res, opts, []string{"layouts/cpts.html"}); ok {
		t.Error("a deleted layout: want a full build")
	}
}
