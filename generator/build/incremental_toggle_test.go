package build_test

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/images/imagetest"
)

// TestIncrementalCPTSAddedAndDeleted: a CPTS added under cpts serve (its
// folder and records written) is rebuilt incrementally, its open page
// first (with the home page and feeds, as for news) and the rest of the
// site by the completion, file for file what a
// full build gives; deleted, its open page is gone before the completion,
// and the site is again what a full build gives; with a logo and a photo,
// the same (processed, then dropped); with its news too (one in a
// bundle, one with a photo, a draft, a scheduled one). One whose news
// folder holds a file a full build warns of or refuses is a full build
// (RunOver).
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

	// With a logo and a photo: processed, then dropped with the CPTS.
	before = last.Files.Clone()
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(strings.Replace(addedText, "+++\nTexte d’essai.", "logo = \"logo.png\"\n+++\n![L’équipe](equipe.jpg)\n", 1))}
	fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\"]\n")}
	fsys["content/cpts/essai-cahors/logo.png"] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(600, 200))}
	fsys["content/cpts/essai-cahors/equipe.jpg"] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(1200, 800, 1), 90)}
	pictured, diags, ok := build.Incremental(last, opts, changed)
	if !ok || pictured == nil || diags.HasErrors() {
		t.Fatalf("a CPTS added with images: incremental %v, %v", ok, diags)
	}
	equalsFullBuild(t, fsys, before, pictured)
	before = pictured.Files.Clone()
	for p := range fsys {
		if strings.HasPrefix(p, "content/cpts/essai-cahors/") {
			delete(fsys, p)
		}
	}
	if last, diags, ok = build.Incremental(pictured, opts, changed); !ok || last == nil || diags.HasErrors() {
		t.Fatalf("a CPTS with images deleted: incremental %v, %v", ok, diags)
	}
	equalsFullBuild(t, fsys, before, last)

	// With its news: an item with a photo beside it, a bundle with its
	// cover, a draft (serve shows it), a scheduled one (it does not).
	before = last.Files.Clone()
	const news = "content/cpts/essai-cahors/news/"
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\"]\n")}
	fsys[news+"2026-01-04-premiere.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Première\"\ndate = 2026-01-04\ntags = [\"essai\"]\n+++\nTexte.\n\n![L’atelier](atelier.jpg)\n")}
	fsys[news+"atelier.jpg"] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(640, 480, 2), 85)}
	fsys[news+"2026-02-01-deuxieme/index.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Deuxième\"\ndate = 2026-02-01\ncover = \"une.jpg\"\ncover_alt = \"La salle\"\n+++\nTexte.\n")}
	fsys[news+"2026-02-01-deuxieme/une.jpg"] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(800, 600, 3), 85)}
	fsys[news+"2026-03-01-brouillon.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Brouillon\"\ndate = 2026-03-01\ndraft = true\n+++\nTexte.\n")}
	fsys[news+"2027-01-01-plus-tard.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Plus tard\"\ndate = 2027-01-01\n+++\nTexte.\n")}
	withNews, diags, ok := build.Incremental(last, opts, []string{"content/cpts/essai-cahors"})
	if !ok || withNews == nil || diags.HasErrors() {
		t.Fatalf("a CPTS added with its news: incremental %v, %v", ok, diags)
	}
	equalsFullBuild(t, fsys, before, withNews)
	if !withNews.Files.Has("cpts/essai-cahors/actualites/deuxieme/index.html") || !withNews.Files.Has("cpts/essai-cahors/actualites/brouillon/index.html") ||
		withNews.Files.Has("cpts/essai-cahors/actualites/plus-tard/index.html") {
		t.Error("the news of the added CPTS are not those a full build publishes")
	}
	// Deleted with them; added again with a file a full build warns of,
	// or a news file whose name has no date: a full build.
	for p := range fsys {
		if strings.HasPrefix(p, "content/cpts/essai-cahors/") {
			delete(fsys, p)
		}
	}
	if last, diags, ok = build.Incremental(withNews, opts, changed); !ok || last == nil || diags.HasErrors() {
		t.Fatalf("a CPTS with news deleted: incremental %v, %v", ok, diags)
	}
	for _, stray := range []string{news + "notes.txt", news + "premiere.md", news + "2026-13-01-treize.md", news + "2026-01-05-lot/notes.txt"} {
		fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
		fsys[news+"2026-01-04-premiere.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Première\"\ndate = 2026-01-04\n+++\nTexte.\n")}
		fsys[stray] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Autre\"\n+++\n")}
		if _, _, ok := build.Incremental(last, opts, []string{"content/cpts/essai-cahors"}); ok {
			t.Errorf("a CPTS added with %s is incremental: a full build reports it", stray)
		}
		delete(fsys, stray)
	}
}

// TestIncrementalCPTSReplaced: a change of a CPTS's records that no finer
// edit covers (its départements; its index.md and communes.toml saved
// together) reads the CPTS again whole, keeps its news, and gives, once
// completed, what a full build gives.
func TestIncrementalCPTSReplaced(t *testing.T) {
	fsys, opts, res := servedSite(t)
	edit := func(p, from, to string) {
		text := string(fsys[p].Data)
		if !strings.Contains(text, from) {
			t.Fatalf("%s has no %q", p, from)
		}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(text, from, to, 1))}
	}
	const index, communes = "content/cpts/colhaj/index.md", "content/cpts/colhaj/communes.toml"
	for _, step := range []struct {
		what    string
		changed []string
		edit    func()
	}{
		{"its départements", []string{index}, func() { edit(index, `departements = ["49"]`, `departements = ["49", "72"]`) }},
		{"two files at once", []string{index, communes}, func() {
			edit(index, `departements = ["49", "72"]`, `departements = ["49"]`)
			edit(communes, "communes = [\n", "communes = [\n  \"49099\",\n")
		}},
	} {
		before := res.Files.Clone()
		step.edit()
		next, diags, ok := build.Incremental(res, opts, step.changed)
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s: incremental %v, %v", step.what, ok, diags)
		}
		equalsFullBuild(t, fsys, before, next)
		for _, n := range next.Site.News { // the news kept are the new CPTS's
			if n.CPTS != nil && !slices.Contains(next.Site.CPTS, n.CPTS) {
				t.Fatalf("%s: %s belongs to a CPTS the site no longer has", step.what, n.File)
			}
		}
		res = next
	}
}

// TestIncrementalCPTSStrayFile: files the content model does not read
// (a full build warns of them and publishes nothing of them) saved in a
// CPTS's folder, beside its records or in a folder of their own, alone or
// with a record, deleted, or in a new CPTS's folder, are incremental:
// the site is what a full build makes, and the warning is the full
// build's.
func TestIncrementalCPTSStrayFile(t *testing.T) {
	fsys, opts, res := servedSample(t)
	const notes, minutes, index = "content/cpts/colhaj/notes.txt", "content/cpts/colhaj/docs/compte-rendu.odt", "content/cpts/colhaj/index.md"
	warning := func(diags diag.List, p string) string {
		for _, d := range diags {
			if d.Pos.File == p {
				return d.String()
			}
		}
		return ""
	}
	for _, step := range []struct {
		what    string
		changed []string
		edit    func()
		warned  []string
	}{
		{"a stray file saved", []string{notes}, func() { fsys[notes] = &fstest.MapFile{Data: []byte("à voir\n")} }, []string{notes}},
		{"one in a folder of its own", []string{"content/cpts/colhaj/docs", minutes}, func() { fsys[minutes] = &fstest.MapFile{Data: []byte("PK")} }, []string{minutes}},
		{"one saved with the record beside it", []string{notes, index}, func() {
			fsys[notes] = &fstest.MapFile{Data: []byte("à revoir\n")}
			fsys[index] = &fstest.MapFile{Data: append(fsys[index].Data, "\nUn ajout.\n"...)}
		}, []string{notes}},
		{"one deleted", []string{notes}, func() { delete(fsys, notes) }, nil},
		{"a folder of them deleted", []string{"content/cpts/colhaj/docs"}, func() { delete(fsys, minutes) }, nil},
		{"a new CPTS with one", []string{addedIndex}, func() {
			fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
			fsys["content/cpts/essai-cahors/notes.txt"] = &fstest.MapFile{Data: []byte("à voir\n")}
		}, []string{"content/cpts/essai-cahors/notes.txt"}},
	} {
		step.edit()
		next, diags, ok := build.Incremental(res, opts, step.changed)
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s: incremental %v, %v", step.what, ok, diags)
		}
		full, fullDiags := build.Run(serveOptions(t, fsys))
		if full == nil {
			t.Fatal(fullDiags)
		}
		if d := next.Complete(); d.HasErrors() {
			t.Fatal(d)
		}
		for _, p := range union(full.Files.Paths(), next.Files.Paths()) {
			want, _ := full.Files.Get(p)
			if got, _ := next.Files.Get(p); !bytes.Equal(got, want) {
				t.Errorf("%s: %s differs from a full build", step.what, p)
			}
		}
		for _, p := range step.warned {
			if got, want := warning(diags, p), warning(fullDiags, p); got != want || !strings.Contains(got, "not part of the content model") {
				t.Errorf("%s: the warning of %s is %q, the full build's %q", step.what, p, got, want)
			}
		}
		if len(step.warned) == 0 && strings.Contains(fmt.Sprint(diags), "not part of the content model") {
			t.Errorf("%s: a warning of a file deleted: %v", step.what, diags)
		}
		if step.changed[0] == notes && next.Rendered != 0 && len(step.changed) == 1 {
			t.Errorf("%s: %d files made again, none changed", step.what, next.Rendered)
		}
		res = next
	}
	// A folder holding a photo the CPTS's text shows is not stray: deleted,
	// the full build says the photo is missing.
	const photo = "content/cpts/colhaj/docs/equipe.jpg"
	fsys[photo] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(48, 32, 1), 80)}
	fsys[index] = &fstest.MapFile{Data: append(fsys[index].Data, "\n![L’équipe](docs/equipe.jpg)\n"...)}
	next, diags, ok := build.Incremental(res, opts, []string{photo, index})
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("a photo shown: incremental %v, %v", ok, diags)
	}
	delete(fsys, photo)
	if _, diags, ok := build.Incremental(next, opts, []string{"content/cpts/colhaj/docs"}); ok && !diags.HasErrors() {
		t.Error("the folder of a photo the site shows deleted: incremental without error, as if it held stray files")
	}
}

// TestIncrementalScopedToggle adds and deletes a CPTS under cpts serve on
// a site of one département ([scope]), each compared with a full build
// once completed: one the site publishes (the test construction of the
// Grand Cahors, in the Lot) is incremental, validated against the whole
// repository; one it does not publish, added, deleted (links to it lead
// to the directory) or entering its départements, one that leaves them,
// and any CPTS on a site of one CPTS are full builds.
func TestIncrementalScopedToggle(t *testing.T) {
	fsys := copyFS(t, cpts.Sample)
	scoped := append(slices.Clip(fsys["config.toml"].Data), "\n[scope]\ndepartements = [\"46\"]\ndirectory_url = \"https://annuaire.example.org/\"\n"...)
	fsys["config.toml"] = &fstest.MapFile{Data: scoped}
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	const quercy = "content/cpts/quercy-bouriane/communes.toml"
	original := fsys[quercy].Data
	for _, step := range []struct {
		what, changed, warning string
		edit                   func()
	}{
		{"added", "content/cpts/essai-cahors", "", func() {
			fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
			fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\", \"46191\", \"46224\"]\n")}
		}},
		// The repository holds it too: a commune it claims, claimed by
		// another CPTS, is warned of.
		{"a commune it claims claimed by another", quercy, "is claimed by 2 CPTS", func() {
			fsys[quercy] = &fstest.MapFile{Data: bytes.Replace(original, []byte("communes = [\n"), []byte("communes = [\n  \"46042\",\n"), 1)}
		}},
		{"that claim taken back", quercy, "", func() { fsys[quercy] = &fstest.MapFile{Data: original} }},
		{"deleted", "content/cpts/essai-cahors", "", func() { delete(fsys, addedIndex); delete(fsys, addedCommunes) }},
	} {
		before := res.Files.Clone()
		step.edit()
		next, diags, ok := build.Incremental(res, opts, []string{step.changed})
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s: incremental %v, %v", step.what, ok, diags)
		}
		if got := fmt.Sprint(diags); step.warning != "" && !strings.Contains(got, step.warning) || step.warning == "" && strings.Contains(got, "is claimed by") {
			t.Errorf("%s: warnings %v, want %q", step.what, diags, step.warning)
		}
		equalsFullBuild(t, fsys, before, next)
		res = next
	}
	outside := strings.Replace(addedText, `departements = ["46"]`, `departements = ["49"]`, 1)
	for _, step := range []struct {
		what    string
		changed string
		edit    func()
	}{
		{"a CPTS the site does not publish added", addedIndex, func() { fsys[addedIndex] = &fstest.MapFile{Data: []byte(outside)} }},
		{"one it does not publish that enters its départements", "content/cpts/colhaj/index.md", func() {
			fsys["content/cpts/colhaj/index.md"] = &fstest.MapFile{Data: bytes.Replace(fsys["content/cpts/colhaj/index.md"].Data, []byte(`departements = ["49"]`), []byte(`departements = ["49", "46"]`), 1)}
		}},
		{"one it does not publish deleted", "content/cpts/colhaj", func() {
			for p := range fsys {
				if strings.HasPrefix(p, "content/cpts/colhaj/") {
					delete(fsys, p)
				}
			}
		}},
	} {
		kept := maps.Clone(fsys)
		step.edit()
		if _, _, ok := build.Incremental(res, opts, []string{step.changed}); ok {
			t.Errorf("%s: want a full build", step.what)
		}
		fsys = kept
		opts.Source = fsys
	}
	// Back to a CPTS the site publishes, which then leaves it.
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	if res, diags = build.Run(opts); res == nil {
		t.Fatal(diags)
	}
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(outside)}
	if _, _, ok := build.Incremental(res, opts, []string{addedIndex}); ok {
		t.Error("a CPTS that leaves the site's départements: want a full build")
	}
	// A site of one CPTS.
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(scoped), `departements = ["46"]`, `cpts = "quercy-bouriane"`, 1))}
	delete(fsys, addedIndex)
	if res, diags = build.Run(opts); res == nil {
		t.Fatal(diags)
	}
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(addedText)}
	if _, _, ok := build.Incremental(res, opts, []string{addedIndex}); ok {
		t.Error("a CPTS added on a site of one CPTS: want a full build")
	}
}
