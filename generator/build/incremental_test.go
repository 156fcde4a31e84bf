package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/output"
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

// withNews adds 34 news items to a copy of the sample, dated a day apart
// in 2021, so that the news list has four pages and the tag "prévention"
// (every third item but the first: 11 items) two.
func withNews(t *testing.T) fstest.MapFS {
	fsys := copyFS(t, cpts.Sample)
	for i := range 34 {
		date := time.Date(2021, 3, 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		tags := `["essai"]`
		if i%3 == 0 && i > 0 {
			tags = `["essai", "prévention"]`
		}
		fsys[fmt.Sprintf("content/cpts/colhaj/news/%s-essai-%d.md", date, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"+++\ntitle = \"Essai %d\"\ndate = %s\nsummary = \"Résumé %d.\"\ntags = %s\n+++\nTexte de l’essai %d.\n", i, date, i, tags, i))}
	}
	return fsys
}

// serveOptions are the options of `cpts serve`: drafts, no minifying, a
// fixed date.
func serveOptions(t *testing.T, fsys fs.FS) build.Options {
	return build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), NoMinify: true, Drafts: true,
		Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
}

// TestIncrementalEqualsFullBuild edits news items and checks that the
// incremental rebuild gives, file for file, what a full build of the
// edited site gives (but for the search index and the sitemap, which the
// dev server leaves as they were), or falls back to a full build when it
// cannot.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	const (
		lunel = "content/cpts/pays-de-lunel/news/2020-07-17-signature-convention.md"
		first = "content/cpts/colhaj/news/2021-04-03-essai-33.md" // the newest of the added items
		mid   = "content/cpts/colhaj/news/2021-03-17-essai-16.md"
	)
	tests := []struct {
		name string
		file string
		from string // replaced by to in file
		to   string
		full bool // the change needs a full build
		page string
		want string // text of page after the change
	}{
		{name: "title and text", file: lunel, from: "title = \"Signature de la convention de la CPTS du Pays de Lunel\"",
			to: "title = \"Titre modifié pour le test\"", page: "cpts/pays-de-lunel/actualites/signature-convention/index.html", want: "Titre modifié pour le test"},
		{name: "title on a list page", file: mid, from: "Essai 16", to: "Essai seize",
			page: "actualites/page/3/index.html", want: "Essai seize"},
		{name: "tag added: tag pages shift", file: mid, from: `tags = ["essai"]`, to: `tags = ["essai", "prévention"]`,
			page: "actualites/mots-cles/prevention/index.html", want: "Essai 16"},
		{name: "new tag: new page", file: mid, from: `tags = ["essai"]`, to: `tags = ["essai", "nouveauté"]`,
			page: "actualites/mots-cles/nouveaute/index.html", want: "Essai 16"},
		{name: "tag respelled on the first item: every page of the tag", file: first, from: `"prévention"`, to: `"Prévention"`,
			page: "actualites/mots-cles/prevention/page/2/index.html", want: "Prévention"},
		{name: "tag removed: its list loses a page", file: first, from: `tags = ["essai", "prévention"]`, to: `tags = ["essai"]`, full: true},
		{name: "expired: the item disappears", file: mid, from: "date = 2021-03-17", to: "date = 2021-03-17\nexpires = 2022-01-01", full: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := withNews(t)
			opts := serveOptions(t, fsys)
			prev, diags := build.Run(opts)
			if prev == nil {
				t.Fatal(diags)
			}
			before := prev.Files.Clone()
			old := string(fsys[tt.file].Data)
			if !strings.Contains(old, tt.from) {
				t.Fatalf("%s has no %q", tt.file, tt.from)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(old, tt.from, tt.to, 1) + "\nUn paragraphe ajouté.\n")}

			inc, diags, ok := build.Incremental(prev, opts, []string{tt.file})
			if tt.full {
				if ok {
					t.Fatalf("got an incremental build (%v), want a full build", diags)
				}
				return
			}
			if !ok || inc == nil || diags.HasErrors() {
				t.Fatalf("incremental: ok=%v %v", ok, diags)
			}
			sameAsFullBuild(t, fsys, before, inc)
			page, _ := inc.Files.Get(tt.page)
			if !strings.Contains(string(page), tt.want) {
				t.Errorf("%s does not show %q", tt.page, tt.want)
			}
		})
	}
}

// TestIncrementalChain edits news items one after the other, each
// rebuild on top of the previous one (which keeps lists of news by tag),
// and compares the last with a full build.
func TestIncrementalChain(t *testing.T) {
	fsys := withNews(t)
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	before := res.Files.Clone()
	for _, e := range []struct{ file, from, to string }{
		{"content/cpts/colhaj/news/2021-03-17-essai-16.md", `tags = ["essai"]`, `tags = ["essai", "prévention"]`},
		{"content/cpts/colhaj/news/2021-04-03-essai-33.md", `"prévention"`, `"Prévention"`},
		{"content/cpts/colhaj/news/2021-03-17-essai-16.md", `"prévention"`, `"dépistage"`},
		{"content/cpts/colhaj/news/2021-03-04-essai-3.md", "Essai 3", "Essai trois"},
	} {
		fsys[e.file] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[e.file].Data), e.from, e.to, 1))}
		next, diags, ok := build.Incremental(res, opts, []string{e.file})
		if !ok || next == nil {
			t.Fatalf("%s: ok=%v %v", e.to, ok, diags)
		}
		res = next
	}
	sameAsFullBuild(t, fsys, before, res)
}

// sameAsFullBuild checks that the result of incremental rebuilds holds
// what a full build of fsys gives, but for the search index and the
// sitemap, and that it differs from before and was not a full build.
func sameAsFullBuild(t *testing.T, fsys fs.FS, before *output.Set, inc *build.Result) {
	t.Helper()
	full, diags := build.Run(serveOptions(t, fsys))
	if full == nil {
		t.Fatal(diags)
	}
	changed := 0
	for _, path := range union(full.Files.Paths(), inc.Files.Paths()) {
		if strings.HasPrefix(path, "search/") || path == "sitemap.xml" {
			continue
		}
		want, inFull := full.Files.Get(path)
		got, inInc := inc.Files.Get(path)
		if inFull != inInc || !bytes.Equal(got, want) {
			t.Errorf("%s differs from a full build (in full build: %v, in incremental: %v)", path, inFull, inInc)
		}
		if b, _ := before.Get(path); !bytes.Equal(b, want) {
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("the edit changed nothing: the test edits the wrong file")
	}
	if inc.Rendered >= full.Files.Len()/2 {
		t.Errorf("rendered %d files of %d: not incremental", inc.Rendered, full.Files.Len())
	}
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range append(a, b...) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func TestIncrementalFallsBackToFullBuild(t *testing.T) {
	fsys := copyFS(t, cpts.Sample)
	opts := build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), NoMinify: true}
	prev, _ := build.Run(opts)
	delete(fsys, "content/cpts/e-rhony/news/2024-04-signature-aci.md")
	for _, changed := range [][]string{
		{"content/cpts/e-rhony/news/2024-04-signature-aci.md"}, // deleted
		{"content/cpts/colhaj/index.md"},                       // not a news item
		{"content/cpts/colhaj/news/2030-01-01-nouvelle.md"},    // a new file
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
