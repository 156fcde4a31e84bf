package server

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/themes"
)

// writeSample copies the embedded sample site into a new folder.
func writeSample(t testing.TB) string {
	dir := t.TempDir()
	err := fs.WalkDir(cpts.Sample, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(cpts.Sample, p)
		if err != nil {
			return err
		}
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		return os.WriteFile(full, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestIncrementalBuilder runs the dev server's builder through a session
// of changes on disk and checks which kind of build each one gets and
// what the site shows after it.
func TestIncrementalBuilder(t *testing.T) {
	dir := writeSample(t)
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	builder := IncrementalBuilder(func() build.Options {
		return build.Options{Source: fsys, Theme: themes.Default(), Geo: table, NoMinify: true, Drafts: true}
	})
	last, diags := builder(nil)
	if last == nil {
		t.Fatal(diags)
	}
	const (
		news     = "content/cpts/pays-de-lunel/news/2020-07-17-signature-convention.md"
		newsPage = "cpts/pays-de-lunel/actualites/signature-convention/index.html"
		other    = "content/cpts/colhaj/news/2020-09-08-premier-contrat.md"
	)
	edit := func(p, from, to string) func() error {
		return func() error {
			full := filepath.Join(dir, filepath.FromSlash(p))
			data, err := os.ReadFile(full)
			if err != nil {
				return err
			}
			if !strings.Contains(string(data), from) {
				t.Fatalf("%s has no %q", p, from)
			}
			return os.WriteFile(full, []byte(strings.Replace(string(data), from, to, 1)), 0o644)
		}
	}
	write := func(p, text string) func() error {
		return func() error {
			full := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				return err
			}
			return os.WriteFile(full, []byte(text), 0o644)
		}
	}
	const added = "content/cpts/colhaj/news/2026-01-02-nouvelle.md"
	remove := func(p string) func() error {
		return func() error { return os.Remove(filepath.Join(dir, filepath.FromSlash(p))) }
	}
	const (
		none        = "none"        // no build: the last result is kept
		incremental = "incremental" // build.Incremental
		full        = "full"        // build.Run
		failed      = "failed"      // diagnostics, no result
	)
	steps := []struct {
		name    string
		change  func() error
		changed []string
		want    string
		file    string // a file of the result, and what it holds ("" for absent)
		holds   string
	}{
		{"news edited", edit(news, "title = \"Signature", "title = \"Édité : Signature"), []string{news}, incremental, newsPage, "Édité : Signature"},
		{"nothing changed", nil, []string{}, none, newsPage, "Édité : Signature"},
		{"news with an error", edit(news, "date = 2020-07-17", "date = 2020-07-17\ndraft = \"non\""), []string{news}, failed, "", ""},
		{"another news saved, the error stays", edit(other, "title = \"", "title = \"Autre : "), []string{other}, failed, "", ""},
		{"error fixed", edit(news, "draft = \"non\"", ""), []string{news}, incremental, "cpts/colhaj/actualites/premier-contrat/index.html", "Autre : "},
		{"static file added", write("static/docs/guide.txt", "guide"), []string{"static/docs/guide.txt"}, incremental, "docs/guide.txt", "guide"},
		{"members edited", edit("content/cpts/pays-de-lunel/members.toml", "count = 130", "count = 131"), []string{"content/cpts/pays-de-lunel/members.toml"}, incremental, "cpts/pays-de-lunel/index.html", "131"},
		{"static file deleted", remove("static/docs/guide.txt"), []string{"static/docs/guide.txt"}, incremental, "docs/guide.txt", ""},
		{"news added", write(added, "+++\ntitle = \"Nouvelle\"\ndate = 2026-01-02\n+++\nTexte.\n"), []string{added}, incremental, "cpts/colhaj/actualites/nouvelle/index.html", "Nouvelle"},
		{"news deleted", remove(news), []string{news}, incremental, newsPage, ""},
		{"config changed", edit("config.toml", "title = \"Annuaire des CPTS\"", "title = \"Annuaire modifié\""), []string{"config.toml"}, full, "index.html", "Annuaire modifié"},
	}
	for _, st := range steps {
		if st.change != nil {
			if err := st.change(); err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		}
		res, diags := builder(st.changed)
		got := full
		switch {
		case res == nil:
			got = failed
		case res == last:
			got = none
		case res.Rendered > 0:
			got = incremental
		}
		if got != st.want {
			t.Fatalf("%s: got a %s build, want %s (%v)", st.name, got, st.want, diags)
		}
		if res == nil {
			if err := diags.Err(); err == nil || !strings.Contains(err.Error(), news+":5:9") {
				t.Errorf("%s: the diagnostics do not name %s:5:9:\n%v", st.name, news, diags)
			}
			continue
		}
		last = res
		data, ok := res.Files.Get(st.file)
		if st.holds == "" && ok {
			t.Errorf("%s: %s is still served", st.name, st.file)
		}
		if st.holds != "" && !strings.Contains(string(data), st.holds) {
			t.Errorf("%s: %s does not hold %q", st.name, st.file, st.holds)
		}
	}
}

// TestServedIndexFollowsEdits adds a news item under a server whose
// builds leave the search index and sitemap to complete: once Rebuild
// returns, the server serves the index and sitemap of a full build of the
// edited site, not the previous ones.
func TestServedIndexFollowsEdits(t *testing.T) {
	dir := writeSample(t)
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	opts := build.Options{Source: os.DirFS(dir), Theme: themes.Default(), Geo: table, NoMinify: true, Drafts: true, StableAssets: true, DeferIndex: true}
	s := New(IncrementalBuilder(func() build.Options { return opts }))
	s.Rebuild(nil)
	const news = "content/cpts/pays-de-lunel/news/2026-01-02-vaccination.md" // a new page: in the sitemap, and its words in the index
	text := "+++\ntitle = \"Vaccination hivernale\"\ndate = 2026-01-02\nsummary = \"Les pharmacies vaccinent.\"\n+++\nTexte.\n"
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(news)), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if diags := s.Rebuild([]string{news}); diags.HasErrors() {
		t.Fatal(diags)
	}
	want, diags := build.Run(opts)
	if want == nil {
		t.Fatal(diags)
	}
	for _, p := range []string{"search/manifest.json", "sitemap.xml"} {
		w, _ := want.Files.Get(p)
		if got := get(t, s, "/"+p); got.Code != 200 || got.Body.String() != string(w) {
			t.Errorf("/%s: served %d, %d bytes, not what a full build gives (%d bytes)", p, got.Code, got.Body.Len(), len(w))
		}
	}
}

// TestCompletionFailure: a partial that fails on a page other than the
// open one reloads that page, then the completion's error shows in every
// page; the build after it is a full one, and succeeds once the partial
// is fixed.
func TestCompletionFailure(t *testing.T) {
	dir, opts := servedSample(t)
	incremental := IncrementalBuilder(func() build.Options { return opts })
	var kinds []string // of each build
	s := New(func(changed []string) (*build.Result, diag.List) {
		res, diags := incremental(changed)
		switch {
		case res == nil:
		case res.Rendered == 0:
			kinds = append(kinds, "full")
		case res.Provisional(): // build.RunOver: the open pages first
			kinds = append(kinds, "full, open pages first")
		default:
			kinds = append(kinds, "incremental")
		}
		return res, diags
	})
	if diags := s.Rebuild(nil); diags.HasErrors() {
		t.Fatal(diags)
	}
	footer, err := fs.ReadFile(themes.Default(), "layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	const partial = "layouts/partials/footer.html"
	write := func(text string) { writeFile(t, dir, partial, text) }
	write(`{{if eq .Path "/glossaire/"}}{{len 3}}{{end}}` + string(footer))
	diags := s.Rebuild([]string{partial})
	if _, failed, _ := s.Stats(); !diags.HasErrors() || !failed {
		t.Fatalf("failed=%v %v; want the glossary's error", failed, diags)
	}
	if rec := get(t, s, "/cpts/pays-de-lunel/"); rec.Code != 500 || !strings.Contains(rec.Body.String(), "len of type int") {
		t.Errorf("the open page: %d, want the error page", rec.Code)
	}
	write(strings.Replace(string(footer), `<footer class="site-footer">`, `<footer class="site-footer"><p>Pied relu.</p>`, 1))
	if diags := s.Rebuild([]string{partial}); diags.HasErrors() {
		t.Fatal(diags)
	}
	if rec := get(t, s, "/glossaire/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Pied relu.") {
		t.Errorf("the glossary after the fix: %d", rec.Code)
	}
	if want := []string{"full", "incremental", "full, open pages first"}; !slices.Equal(kinds, want) {
		t.Errorf("builds %q, want %q", kinds, want)
	}
}

// TestInterruptedCompletion: a change that arrives during a rebuild
// (Interrupt) stops its completion, and the rebuild of that change takes
// the work over: the pages the first left to complete show its edit after
// the second.
func TestInterruptedCompletion(t *testing.T) {
	dir, opts := servedSample(t)
	s := New(IncrementalBuilder(func() build.Options { return opts }))
	if diags := s.Rebuild(nil); diags.HasErrors() {
		t.Fatal(diags)
	}
	footer, err := fs.ReadFile(themes.Default(), "layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	write := func(name, text string) { writeFile(t, dir, name, text) }
	write("layouts/partials/footer.html", strings.Replace(string(footer), `<footer class="site-footer">`, `<footer class="site-footer"><p>Pied relu.</p>`, 1))
	s.Interrupt() // as Watch does for a save during the rebuild
	if diags := s.Rebuild([]string{"layouts/partials/footer.html"}); diags.HasErrors() {
		t.Fatal(diags)
	}
	if rec := get(t, s, "/cpts/pays-de-lunel/"); !strings.Contains(rec.Body.String(), "Pied relu.") {
		t.Error("the open page does not show the edit")
	}
	if rec := get(t, s, "/glossaire/"); strings.Contains(rec.Body.String(), "Pied relu.") {
		t.Error("the completion was not stopped")
	}
	const news = "content/cpts/pays-de-lunel/news/2020-07-17-signature-convention.md"
	text, err := os.ReadFile(filepath.Join(dir, news))
	if err != nil {
		t.Fatal(err)
	}
	write(news, strings.Replace(string(text), `title = "`, `title = "Relu : `, 1))
	if diags := s.Rebuild([]string{news}); diags.HasErrors() {
		t.Fatal(diags)
	}
	if rec := get(t, s, "/glossaire/"); !strings.Contains(rec.Body.String(), "Pied relu.") {
		t.Error("the next rebuild did not take the completion over")
	}
}

// servedSample writes the sample into a new folder, and returns it with
// the options of cpts serve, the CPTS page of Lunel open in a browser.
func servedSample(t *testing.T) (string, build.Options) {
	dir := writeSample(t)
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	return dir, build.Options{Source: os.DirFS(dir), Theme: themes.Default(), Geo: table, NoMinify: true, Drafts: true, StableAssets: true,
		DeferIndex: true, Open: []string{"/cpts/pays-de-lunel/"}}
}

// writeFile writes text into the file name of the site folder dir.
func writeFile(t *testing.T, dir, name, text string) {
	t.Helper()
	full := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCPTSAddedReloadsTwice: a CPTS added with a file of its news folder
// that is no news item (a full build warns of it) is a full build, made with the open page
// first (build.RunOver): the page reloads at once, and again once every
// file is made (the maps, the search index it loads). (Without such a
// file, it is incremental: build's TestIncrementalCPTSAddedAndDeleted.)
func TestCPTSAddedReloadsTwice(t *testing.T) {
	dir, opts := servedSample(t)
	opts.Open = []string{"/cpts/essai-cahors/"}
	s := New(IncrementalBuilder(func() build.Options { return opts }))
	if diags := s.Rebuild(nil); diags.HasErrors() {
		t.Fatal(diags)
	}
	client := make(chan struct{}, 1)
	s.clientsMu.Lock()
	s.clients[client] = "/cpts/essai-cahors/"
	s.clientsMu.Unlock()
	var reloads atomic.Int32
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-client:
				reloads.Add(1)
			case <-done:
				return
			}
		}
	}()
	const index = "content/cpts/essai-cahors/index.md" // a test construction
	writeFile(t, dir, index, "+++\nname = \"CPTS d’essai du Grand Cahors\"\nstatus = \"projet\"\ndepartements = [\"46\"]\nsummary = \"Une CPTS d’essai.\"\n+++\nTexte.\n")
	writeFile(t, dir, "content/cpts/essai-cahors/communes.toml", "communes = [\"46042\"]\n")
	writeFile(t, dir, "content/cpts/essai-cahors/news/2026-01-04-premiere.md", "+++\ntitle = \"Première\"\ndate = 2026-01-04\n+++\nTexte.\n")
	writeFile(t, dir, "content/cpts/essai-cahors/news/lisez-moi.txt", "Notes.\n")
	if diags := s.Rebuild([]string{index}); diags.HasErrors() {
		t.Fatal(diags)
	}
	time.Sleep(50 * time.Millisecond) // the reader takes the last event
	close(done)
	if n := reloads.Load(); n != 2 {
		t.Errorf("%d reloads, want 2: the open page, then every file", n)

	}
	if rec := get(t, s, "/cpts/essai-cahors/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Grand Cahors") {
		t.Errorf("the new CPTS's page: %d", rec.Code)
	}
	if rec := get(t, s, "/cpts/"); !strings.Contains(rec.Body.String(), "Grand Cahors") {
		t.Error("the list of CPTS does not show the new one once completed")
	}
}
