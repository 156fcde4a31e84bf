package build_test

import (
	"fmt"
	"io/fs"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/themes"
)

// TestIncrementalLayoutEdit: a page layout added (with the folder
// layouts/) re-renders the pages of that layout, and the site is then what
// a full build makes; an edit that changes the ids Markdown headings avoid
// re-renders every page.
func TestIncrementalLayoutEdit(t *testing.T) {
	fsys, opts, prev := servedSample(t)
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

	// An edit that changes the ids Markdown headings avoid: every page of
	// every layout may change, and is rendered again (the free page's
	// heading "Pourquoi se regrouper ?" takes another id).
	before = res.Files.Clone()
	fsys["layouts/cpts.html"] = &fstest.MapFile{Data: []byte(strings.Replace(edited, "<p class=\"hint\">", "<p id=\"pourquoi-se-regrouper\" class=\"hint\">", 1))}
	res, diags, ok = build.Incremental(res, opts, []string{"layouts/cpts.html"})
	if !ok || res == nil || diags.HasErrors() || res.Rendered < 1000 {
		t.Fatalf("new reserved ids: ok=%v, %d files rendered, %v; want every file", ok, res.Rendered, diags)
	}
	equalsFullBuild(t, fsys, before, res)
}

// TestIncrementalEveryPage: what every page shows and no record holds
// (a partial, the UI strings, the menu of free pages, a layout deleted)
// renders every page again without a full build. With pages open, those
// come first and Result.Complete makes the others; a free page deleted
// renders them all at once (pages may link to it). Each step builds on the
// last; the site is then what a full build makes, index included (a UI
// string it reads changed).
func TestIncrementalEveryPage(t *testing.T) {
	fsys, opts, res := servedSample(t)
	before := res.Files.Clone()
	const open, other = "/cpts/pays-de-lunel/", "glossaire/index.html"
	// first: the files rendered before Incremental returns, at most (the
	// open page, the home page and the site's feed, which every rebuild
	// renders, and the edited page), or, negative, at least.
	step := func(what string, withOpen bool, first int, changed ...string) {
		t.Helper()
		o := opts
		if withOpen {
			o.Open = []string{open, "/pas-une-page/"}
		}
		next, diags, ok := build.Incremental(res, o, changed)
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s: ok=%v %v", what, ok, diags)
		}
		if first > 0 && (next.Rendered > first || !next.Pending()) {
			t.Errorf("%s: %d files rendered before the reload (pending: %v), want %d at most", what, next.Rendered, next.Pending(), first)
		}
		if first < 0 && next.Rendered < -first {
			t.Errorf("%s: %d files rendered, want %d at least", what, next.Rendered, -first)
		}
		if d := next.Complete(); d.HasErrors() {
			t.Fatalf("%s: %v", what, d)
		}
		res = next
	}
	shows := func(file, text string) bool {
		data, _ := res.Files.Get(file)
		return strings.Contains(string(data), text)
	}
	fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(footerWith(t, "<p>Pied relu.</p>"))}
	step("partial", true, 5, "layouts/partials/footer.html")
	if !shows("cpts/pays-de-lunel/index.html", "Pied relu.") || !shows(other, "Pied relu.") {
		t.Error("partial: a page does not show the new footer")
	}
	strs := themeFile(t, "i18n/fr.toml")
	fsys["i18n/fr.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(strs, `"profession.sage-femme" = "Sage-femme"`, `"profession.sage-femme" = "Maïeuticien ou sage-femme"`, 1))}
	step("UI strings", false, -1000, "i18n/fr.toml")
	fsys["content/pages/horaires.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Horaires\"\nweight = 20\n+++\nTexte de test.\n")}
	step("free page added", true, 6, "content/pages/horaires.md")
	if !shows(other, "/pages/horaires/") || !shows("pages/horaires/index.html", "Texte de test.") {
		t.Error("free page added: not in the menu, or no page")
	}
	fsys["content/pages/horaires.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Horaires d’ouverture\"\nweight = 20\n+++\nTexte de test.\n")}
	step("free page retitled", true, 6, "content/pages/horaires.md")
	fsys["layouts/cpts.html"] = &fstest.MapFile{Data: []byte(themeFile(t, "layouts/cpts.html") + "{{/* relu */}}")}
	step("layout added", false, -5, "layouts/cpts.html")
	delete(fsys, "layouts/cpts.html")
	step("layout deleted", true, 5, "layouts/cpts.html")
	delete(fsys, "content/pages/horaires.md")
	step("free page deleted", true, -1000, "content/pages/horaires.md") // open pages or not, all at once
	equalsFullBuild(t, fsys, before, res)

	// A link to a deleted page: the error of a full build, before any
	// page reloads.
	fsys["content/pages/horaires.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Horaires\"\n+++\nVoir [l’accessibilité](/pages/acces/).\n")}
	fsys["content/pages/acces.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Accès\"\n+++\nTexte.\n")}
	var diags diag.List
	if res, diags = build.Run(opts); res == nil {
		t.Fatal(diags)
	}
	delete(fsys, "content/pages/acces.md")
	o := opts
	o.Open = []string{open}
	if next, diags, ok := build.Incremental(res, o, []string{"content/pages/acces.md"}); !ok || next != nil || !strings.Contains(fmt.Sprint(diags), "content/pages/horaires.md:4:") {
		t.Errorf("a linked page deleted: ok=%v, result=%v, %v", ok, next != nil, diags)
	}
}

// TestIncrementalCompletionFails: a partial that fails on pages other
// than the open one reloads that page, then Complete reports the error
// of every other page and the result is Broken (the dev server builds the
// whole site next).
func TestIncrementalCompletionFails(t *testing.T) {
	fsys, opts, res := servedSample(t)
	footer := themeFile(t, "layouts/partials/footer.html")
	fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(`{{if eq .Path "/glossaire/"}}{{len 3}}{{end}}` + footer)}
	opts.Open = []string{"/cpts/pays-de-lunel/"}
	next, diags, ok := build.Incremental(res, opts, []string{"layouts/partials/footer.html"})
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("ok=%v %v", ok, diags)
	}
	if next.Broken() {
		t.Error("broken before Complete")
	}
	if d := next.Complete(); !d.HasErrors() || !next.Broken() {
		t.Errorf("Complete: %v, broken: %v; want the template's error", d, next.Broken())
	}
}

// footerWith returns the theme's footer partial with html at its start.
func footerWith(t *testing.T, html string) string {
	t.Helper()
	footer := themeFile(t, "layouts/partials/footer.html")
	edited := strings.Replace(footer, `<footer class="site-footer">`, `<footer class="site-footer">`+html, 1)
	if edited == footer {
		t.Fatal("the theme's footer has changed: update the test")
	}
	return edited
}

// themeFile returns a file of the default theme.
func themeFile(t *testing.T, name string) string {
	t.Helper()
	data, err := fs.ReadFile(themes.Default(), name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestIncrementalCompletionStopped: a completion stopped (a newer change
// has come) leaves the result as it was, pending; the rebuild of the
// newer change takes its work over, and the site is then what a full
// build makes.
func TestIncrementalCompletionStopped(t *testing.T) {
	fsys, opts, res := servedSample(t)
	before := res.Files.Clone()
	fsys["layouts/partials/footer.html"] = &fstest.MapFile{Data: []byte(footerWith(t, "<p>Pied relu.</p>"))}
	opts.Open = []string{"/cpts/pays-de-lunel/"}
	next, diags, ok := build.Incremental(res, opts, []string{"layouts/partials/footer.html"})
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("ok=%v %v", ok, diags)
	}
	files := next.Files
	var asked atomic.Int32 // by the render's goroutines too
	if d := next.CompleteUnless(func() bool { return asked.Add(1) > 20 }); d != nil || !next.Pending() || next.Files != files || next.Broken() {
		t.Fatalf("stopped: %v, pending %v, files replaced %v", d, next.Pending(), next.Files != files)
	}
	if n := asked.Load(); n < 20 {
		t.Errorf("asked %d times whether to stop: not while rendering", n)
	}
	const news = "content/cpts/pays-de-lunel/news/2020-07-17-signature-convention.md"
	fsys[news] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[news].Data), `title = "`, `title = "Relu : `, 1))}
	if next, diags, ok = build.Incremental(next, opts, []string{news}); !ok || next == nil || diags.HasErrors() {
		t.Fatalf("the newer change: ok=%v %v", ok, diags)
	}
	sameAsFullBuild(t, fsys, before, next)
}
