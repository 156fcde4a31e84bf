package build_test

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/themes"
)

// copyFS copies an fs.FS into a MapFS that a test can edit.
func copyFS(t *testing.T, src fs.FS) fstest.MapFS {
	out := fstest.MapFS{}
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		out[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestIncrementalEqualsFullBuild edits a news item of the sample and checks
// that the incremental rebuild gives, file for file, what a full build of
// the edited site gives (but for the search index and the sitemap, which
// the dev server leaves as they were).
func TestIncrementalEqualsFullBuild(t *testing.T) {
	fsys := copyFS(t, cpts.Sample)
	opts := build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), NoMinify: true}
	prev, diags := build.Run(opts)
	if prev == nil {
		t.Fatal(diags)
	}
	const p = "content/cpts/pays-de-lunel/news/2020-07-17-signature-convention.md"
	old := string(fsys[p].Data)
	i := strings.Index(old, "title = ")
	j := strings.Index(old[i:], "\n")
	edited := old[:i] + `title = "Titre modifié pour le test"` + old[i+j:] + "\nUn paragraphe ajouté.\n"
	fsys[p] = &fstest.MapFile{Data: []byte(edited)}

	inc, diags, ok := build.Incremental(prev, opts, []string{p})
	if !ok || inc == nil || diags.HasErrors() {
		t.Fatalf("incremental: ok=%v %v", ok, diags)
	}
	full, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), NoMinify: true})
	if full == nil {
		t.Fatal(diags)
	}
	changed := 0
	for _, path := range full.Files.Paths() {
		if strings.HasPrefix(path, "search/") || path == "sitemap.xml" {
			continue
		}
		want, _ := full.Files.Get(path)
		got, ok := inc.Files.Get(path)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%s differs from a full build", path)
		}
		if before, _ := prev.Files.Get(path); !bytes.Equal(before, want) {
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("the edit changed nothing: the test edits the wrong file")
	}
	page, _ := inc.Files.Get("cpts/pays-de-lunel/actualites/signature-convention/index.html")
	if !strings.Contains(string(page), "Titre modifié pour le test") || !strings.Contains(string(page), "Un paragraphe ajouté.") {
		t.Error("the news page was not re-rendered")
	}
}

func TestIncrementalFallsBackToFullBuild(t *testing.T) {
	fsys := copyFS(t, cpts.Sample)
	opts := build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), NoMinify: true}
	prev, _ := build.Run(opts)
	for _, changed := range [][]string{
		{"content/cpts/colhaj/index.md"},                    // not a news item
		{"content/cpts/colhaj/news/2030-01-01-nouvelle.md"}, // a new file
		{"config.toml"},
	} {
		if _, _, ok := build.Incremental(prev, opts, changed); ok {
			t.Errorf("%v: want a full build", changed)
		}
	}
	// An error in the edited file: diagnostics, and prev is kept.
	const p = "content/cpts/colhaj/news/2020-09-08-premier-contrat.md"
	fsys[p] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\ndate = 2020-09-08\ndraft = \"non\"\n+++\n")}
	res, diags, ok := build.Incremental(prev, opts, []string{p})
	if !ok || res != nil || !diags.HasErrors() || !strings.Contains(diags[0].String(), p+":4:9") {
		t.Fatalf("got ok=%v res=%v %v", ok, res != nil, diags)
	}
}
