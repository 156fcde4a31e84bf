package build_test

import (
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/themes"
)

// national turns on TestIncrementalEqualsFullBuildNational, which takes a
// few minutes and about 3 GB: .ci/run gives it.
var national = flag.Bool("national", false, "run the property test of incremental rebuilds on the national corpus")

// TestIncrementalEqualsFullBuildNational is TestIncrementalEqualsFullBuild
// on the synthetic national corpus (900 CPTS, 20,000 news): a random
// sequence of edits of every kind a communicator makes, on files drawn
// from the whole corpus (news edited, drafted, added and deleted; a CPTS's
// text, summary, name, members, missions, contacts, territory and
// départements; a free page's text and title; a page layout, a partial
// and the stylesheet; a CPTS added or deleted), each rebuilt incrementally on
// top of the last (or, when that needs a full build, with RunOver), one in four completed as the dev server does, must
// give file for file what a full build of the edited corpus gives. Run
// with -national (go test ./generator/build -run National -national
// -timeout 30m); the sequence comes from a fixed seed, and a failure names
// its edits.
func TestIncrementalEqualsFullBuildNational(t *testing.T) {
	if !*national {
		t.Skip("the national corpus takes minutes: run with -national")
	}
	scale, _ := corpus.ScaleByName("national")
	c, err := corpus.Generate(table(t), scale)
	if err != nil {
		t.Fatal(err)
	}
	fsys := c.MapFS()
	opts := serveOptions(t, fsys)
	opts.Open = []string{"/", "/actualites/"} // rendered first by the edits every page shows
	start := time.Now()
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	t.Logf("first build: %v", time.Since(start))
	before := res.Files.Clone()
	rnd := rand.New(rand.NewPCG(1, 0))
	var done []string
	for step := range 16 {
		file, what := nationalEdit(rnd, fsys, step)
		done = append(done, what+" "+file)
		start := time.Now()
		res = rebuild(t, res, opts, file, done)
		if rnd.IntN(4) == 0 {
			if d := res.Complete(); d.HasErrors() {
				t.Fatal(d)
			}
			done = append(done, "completed")
		}
		t.Logf("%s %s: %v, %d files", what, file, time.Since(start), res.Rendered)
	}
	t.Logf("edits: %q", done)
	sameAsFullBuild(t, fsys, before, res)
}

// nationalEdit makes one random edit of the national corpus fsys and
// returns the file and what was done: a free page's title at step 5 and
// the footer partial at step 10, so that every sequence has edits every
// page shows. The texts it writes are test data.
func nationalEdit(rnd *rand.Rand, fsys fstest.MapFS, step int) (file, what string) {
	pick := func(re string) string {
		m := regexp.MustCompile(re)
		var paths []string
		for p := range fsys {
			if m.MatchString(p) {
				paths = append(paths, p)
			}
		}
		slices.Sort(paths)
		return paths[rnd.IntN(len(paths))]
	}
	set := func(p, s string) { fsys[p] = &fstest.MapFile{Data: []byte(s)} }
	replace := func(p, from, to string) {
		text := string(fsys[p].Data)
		if !strings.Contains(text, from) {
			panic(p + " has no " + from)
		}
		set(p, strings.Replace(text, from, to, 1))
	}
	const news, cpts = `^content/cpts/[^/]+/news/[^/]+\.md$`, `^content/cpts/[^/]+/`
	kind := rnd.IntN(18)
	switch step { // every sequence has edits every page shows
	case 5:
		kind = 13
	case 10:
		kind = 15
	}
	switch kind {
	case 0:
		file = pick(news)
		set(file, string(fsys[file].Data)+fmt.Sprintf("\nUn paragraphe ajouté à l’étape %d.\n", step))
		return file, "news text"
	case 1:
		file = pick(news)
		replace(file, `title = "`, fmt.Sprintf(`title = "Relu %d : `, step))
		return file, "news title"
	case 2:
		file = pick(news)
		replace(file, "+++\n", "+++\ndraft = true\n")
		return file, "news drafted"
	case 3:
		file = pick(news)
		delete(fsys, file)
		return file, "news deleted"
	case 4:
		dir := strings.TrimSuffix(pick(cpts+`index\.md$`), "index.md") + "news/"
		file = fmt.Sprintf("%s2026-11-%02d-nouvelle-%d.md", dir, 1+step, step)
		set(file, fmt.Sprintf("+++\ntitle = \"Nouvelle %d\"\ndate = 2026-11-%02d\nsummary = \"Une nouvelle de l’étape %d.\"\ntags = [\"prevention\"]\n+++\nTexte de la nouvelle %d.\n", step, 1+step, step, step))
		return file, "news added"
	case 5:
		file = pick(cpts + `index\.md$`)
		set(file, string(fsys[file].Data)+fmt.Sprintf("\nUn paragraphe ajouté à l’étape %d.\n", step))
		return file, "CPTS text"
	case 6:
		file = pick(cpts + `index\.md$`)
		replace(file, `summary = "`, fmt.Sprintf(`summary = "Résumé %d. `, step))
		return file, "summary"
	case 7:
		file = pick(cpts + `index\.md$`)
		replace(file, "\nname = \"", fmt.Sprintf("\nname = \"Relu %d ", step))
		return file, "name"
	case 8:
		file = pick(cpts + `members\.toml$`)
		set(file, regexp.MustCompile(`count = \d+`).ReplaceAllString(string(fsys[file].Data), fmt.Sprintf("count = %d", 100+step)))
		if !strings.Contains(string(fsys[file].Data), "count = ") {
			set(file, string(fsys[file].Data)+fmt.Sprintf("\n[[member]]\nprofession = \"infirmier\"\nstructure = \"liberal\"\ncount = %d\n", 2+step))
		}
		return file, "members"
	case 9:
		file = pick(cpts + `missions\.toml$`)
		replace(file, `title = "`, fmt.Sprintf(`title = "%d `, step))
		return file, "missions"
	case 10:
		file = pick(cpts + `contacts\.toml$`)
		set(file, fmt.Sprintf("[[contact]]\nlabel = \"Coordination\"\nemail = \"relu-%d@example.org\"\n", step))
		return file, "contacts"
	case 11:
		file = pick(cpts + `communes\.toml$`)
		set(file, withoutLastCommune(string(fsys[file].Data)))
		return file, "territory"
	case 12:
		file = pick(`^content/pages/(a-propos|qu-est-ce-qu-une-cpts)\.md$`)
		set(file, string(fsys[file].Data)+fmt.Sprintf("\nParagraphe %d.\n", step))
		return file, "free page"
	case 13:
		file = pick(`^content/pages/(a-propos|qu-est-ce-qu-une-cpts)\.md$`)
		replace(file, `title = "`, fmt.Sprintf(`title = "Relu %d : `, step))
		return file, "free page title" // in the menu of every page
	case 16:
		return toggleCPTS(fsys, step)
	case 17:
		file = pick(cpts + `index\.md$`)
		replace(file, `departements = ["`, `departements = ["2A", "`)
		return file, "départements" // read again whole: no finer edit covers it
	}
	file = []string{"layouts/news.html", "layouts/cpts.html", "static/css/site.css", "layouts/partials/footer.html"}[rnd.IntN(4)]
	if step == 10 {
		file = "layouts/partials/footer.html"
	}
	text, err := fs.ReadFile(themes.Default(), file)
	if err != nil {
		panic(err)
	}
	if strings.HasSuffix(file, ".css") {
		set(file, string(text)+fmt.Sprintf("\n.relu-%d { color: #123456; }\n", step))
		return file, "stylesheet"
	}
	if strings.Contains(file, "partials/") {
		set(file, strings.Replace(string(text), `<footer class="site-footer">`, fmt.Sprintf(`<footer class="site-footer"><p>Relu %d</p>`, step), 1))
		return file, "partial"
	}
	set(file, strings.Replace(string(text), `{{define "main"}}`, fmt.Sprintf(`{{define "main"}}<p>Relu %d</p>`, step), 1))
	return file, "layout"
}
