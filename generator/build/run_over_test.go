package build_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/build"
)

// A CPTS added to the sample (a test construction: a name and three
// communes of the Lot, Cahors and two of its neighbours, that no CPTS of
// the sample claims).
const (
	addedIndex    = "content/cpts/essai-cahors/index.md"
	addedCommunes = "content/cpts/essai-cahors/communes.toml"
	addedText     = "+++\nname = \"CPTS d’essai du Grand Cahors\"\nstatus = \"projet\"\ndepartements = [\"46\"]\nsummary = \"Une CPTS d’essai.\"\nwebsite = \"https://example.org/\"\n+++\nTexte d’essai.\n"
)

// TestRunOverRendersTheOpenPagesFirst: a CPTS added under cpts serve
// with a file of its news folder that is no news item (a full build warns
// of it) is a full build, which RunOver makes with its page first, over the files
// of the build before; its completion gives, file for file and warning
// for warning, what Run gives. Deleting it again is the same.
func TestRunOverRendersTheOpenPagesFirst(t *testing.T) {
	fsys, opts, res := servedSample(t)
	before := res.Files.Clone()
	home, _ := res.Files.Get("index.html")
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\", \"46191\", \"46224\"]\n")}
	// An item published after the build date: render does not convert
	// it, so the completion reads its links (laterWarnings).
	fsys["content/cpts/essai-cahors/news/2027-01-04-plus-tard.md"] = &fstest.MapFile{Data: []byte(
		"+++\ntitle = \"Plus tard\"\ndate = 2027-01-04\n+++\nVoir [ce lien](ftp://example.org/).\n")}
	fsys["content/cpts/essai-cahors/news/lisez-moi.txt"] = &fstest.MapFile{Data: []byte("Notes.\n")}
	opts.Open = []string{"/cpts/essai-cahors/"}
	if _, _, ok := build.Incremental(res, opts, []string{addedIndex, addedCommunes}); ok {
		t.Fatal("a CPTS added is incremental: the test needs a change that is not")
	}
	next, diags := build.RunOver(res, opts)
	if next == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	if !next.Provisional() || next.Rendered > 2 {
		t.Errorf("provisional %v, %d files rendered; want the open page alone, provisional", next.Provisional(), next.Rendered)
	}
	if page, ok := next.Files.Get("cpts/essai-cahors/index.html"); !ok || !bytes.Contains(page, []byte("Grand Cahors")) {
		t.Error("the open page is not rendered before the completion")
	}
	if got, _ := next.Files.Get("index.html"); !bytes.Equal(got, home) {
		t.Error("the home page, not open, is rendered before the completion")
	}
	if _, _, ok := build.Incremental(next, opts, []string{"content/cpts/colhaj/index.md"}); ok {
		t.Error("an incremental rebuild on top of a provisional result: its files are the build's before")
	}
	more := next.Complete()
	if next.Provisional() || next.Broken() {
		t.Fatalf("after Complete: provisional %v, broken %v: %v", next.Provisional(), next.Broken(), more)
	}
	if !strings.Contains(fmt.Sprint(more), "ftp://") {
		t.Errorf("the completion does not warn of the link of the item published later: %v", more)
	}
	full, want := equalsFullBuild(t, fsys, before, next)
	if got := append(diags, more...); fmt.Sprint(got.Sort()) != fmt.Sprint(want.Sort()) {
		t.Errorf("RunOver and its completion say\n%v\nRun says\n%v", got.Sort(), want.Sort())
	}

	for p := range fsys {
		if strings.HasPrefix(p, "content/cpts/essai-cahors/") {
			delete(fsys, p)
		}
	}
	opts.Open = []string{"/", "/cpts/essai-cahors/"}
	again, diags := build.RunOver(full, opts)
	if again == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	if _, ok := again.Files.Get("cpts/essai-cahors/index.html"); ok {
		t.Error("the deleted CPTS's page, open, is still there before the completion")
	}
	if d := again.Complete(); d.HasErrors() {
		t.Fatal(d)
	}
	equalsFullBuild(t, fsys, full.Files, again)
}

// TestRunOverCompletionFindsBrokenLinks: RunOver renders the open pages
// without checking links (their targets are not made yet); the
// completion checks every page's, as Run does, and a broken one breaks
// the result (the server then shows the error and builds the whole site
// next).
func TestRunOverCompletionFindsBrokenLinks(t *testing.T) {
	fsys, opts, res := servedSample(t)
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(strings.Replace(addedText, "Texte d’essai.", "Voir [la CPTS voisine](/cpts/nulle-part/).", 1))}
	fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\"]\n")}
	opts.Open = []string{"/cpts/essai-cahors/"}
	next, diags := build.RunOver(res, opts)
	if next == nil || diags.HasErrors() {
		t.Fatal(diags)
	}
	more := next.Complete()
	if !more.HasErrors() || !next.Broken() || !strings.Contains(fmt.Sprint(more), "/cpts/nulle-part/") {
		t.Errorf("completion: broken %v, %v; want the broken link", next.Broken(), more)
	}
	if _, full := build.Run(serveOptions(t, fsys)); fmt.Sprint(full.Sort()) != fmt.Sprint(append(diags, more...).Sort()) {
		t.Errorf("RunOver and its completion say\n%v\nRun says\n%v", append(diags, more...).Sort(), full.Sort())
	}
}
