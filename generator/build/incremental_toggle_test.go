package build_test

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/build"
)

// TestIncrementalCPTSAddedAndDeleted: a CPTS added under cpts serve (its
// folder and records written) is rebuilt incrementally, its open page
// first (with the home page and feeds, as for news) and the rest of the
// site by the completion, file for file what a
// full build gives; deleted, its open page is gone before the completion,
// and the site is again what a full build gives. One with news is a full
// build (RunOver).
func TestIncrementalCPTSAddedAndDeleted(t *testing.T) {
	fsys, opts, res := servedSample(t)
	opts.Open = []string{"/cpts/essai-cahors/"}
	list, _ := res.Files.Get("cpts/index.html")
	before := res.Files.Clone()
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\", \"46191\", \"46224\"]\n")}
	changed := []string{"content/cpts/essai-cahors", addedIndex, addedCommunes}
	next, diags, ok := build.Incremental(res, opts, changed)
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("a CPTS added: incremental %v, %v", ok, diags)
	}
	if page, ok := next.Files.Get("cpts/essai-cahors/index.html"); !ok || !bytes.Contains(page, []byte("Grand Cahors")) || next.Rendered > 8 {
		t.Errorf("the open page is not rendered before the completion, or not almost alone (%d files)", next.Rendered)
	}
	if got, _ := next.Files.Get("cpts/index.html"); !bytes.Equal(got, list) {
		t.Error("the list of CPTS, not open, is rendered before the completion")
	}
	equalsFullBuild(t, fsys, before, next)

	before = next.Files.Clone()
	delete(fsys, addedIndex)
	delete(fsys, addedCommunes)
	last, diags, ok := build.Incremental(next, opts, changed)
	if !ok || last == nil || diags.HasErrors() {
		t.Fatalf("a CPTS deleted: incremental %v, %v", ok, diags)
	}
	if last.Files.Has("cpts/essai-cahors/index.html") {
		t.Error("the open page of the deleted CPTS is there before the completion")
	}
	equalsFullBuild(t, fsys, before, last)

	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	fsys["content/cpts/essai-cahors/news/2026-01-04-premiere.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Première\"\ndate = 2026-01-04\n+++\nTexte.\n")}
	if _, _, ok := build.Incremental(last, opts, []string{"content/cpts/essai-cahors"}); ok {
		t.Error("a CPTS added with its news is incremental: a full build reads them")
	}
}
