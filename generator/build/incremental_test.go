package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/images/imagetest"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/validate"
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
	// Two photos beside the news of each folder, for the edits that show
	// them (randomEdit).
	dirs := map[string]bool{}
	for p := range fsys {
		if strings.Contains(p, "/news/") && strings.HasSuffix(p, ".md") {
			dirs[path.Dir(p)] = true
		}
	}
	for dir := range dirs {
		for k := range 2 {
			fsys[fmt.Sprintf("%s/atelier-%d.jpg", dir, k)] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(48, 32, uint64(k)), 80)}
		}
	}
	return fsys
}

// serveOptions are the options of `cpts serve`: drafts, no minifying,
// the index and sitemap left to Result.Complete, a fixed date.
func serveOptions(t *testing.T, fsys fs.FS) build.Options {
	return build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), NoMinify: true, Drafts: true, StableAssets: true,
		DeferIndex: true, Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
}

// servedSample builds the sample with serveOptions, as the dev server's
// first build, and returns its files, options and result.
func servedSample(t *testing.T) (fstest.MapFS, build.Options, *build.Result) {
	fsys := copyFS(t, cpts.Sample)
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	return fsys, opts, res
}

// servedSite builds withNews with serveOptions, as the dev server's first
// build, and returns its files, options and result.
func servedSite(t *testing.T) (fstest.MapFS, build.Options, *build.Result) {
	fsys := withNews(t)
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	return fsys, opts, res
}

// TestIncrementalEqualsFullBuild is a property test: a random sequence
// of edits of news files (text, titles, tags, drafts, expiry, new items,
// deleted ones), of CPTS records (body, members, missions, contacts,
// events added and removed, association), of a free page's text, of
// static images (whose metadata must be stripped), of page layouts
// (the site's news.html or cpts.html over the theme's), of what every page
// shows (a partial, a free page's title: the open page first, the others
// when completed), each rebuilt incrementally on
// top of the last, gives
// file for file what a full build of the edited site gives, search index
// and sitemap included once the last rebuild is completed (the dev server
// reloads pages first, then completes; here one rebuild in eight is
// completed, and the next takes over what the others left). Each seed
// runs on a site of its own kind: the tile map on (the GeoJSON beside
// each CPTS's page), commune pages for covered communes only, maps off, a
// site of some départements, a site of one CPTS (with the tile map; the
// edits it cannot make incrementally are full builds, as in the dev
// server). The sequences are drawn from fixed seeds: a failure names the
// edits, and replays.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	const communes, tiles = "[communes]\n", "[maps]\ntiles = \"https://tile.example.org/{z}/{x}/{y}.png\"\ntiles_attribution = \"© test\"\n\n"
	for _, tc := range []struct {
		seed     uint64
		from, to string // in the sample's config.toml
	}{ // 29 kinds of edit of the 35 randomEdit draws, "cover" and "CPTS added with news" among them
		{1, communes, tiles + communes},
		{3, `pages = "departments"`, `pages = "covered"`},
		{13, communes, "[maps]\noff = true\n\n" + communes},
		{14, communes, "[scope]\ndepartements = [\"34\", \"46\", \"49\"]\ndirectory_url = \"https://annuaire.example.org/\"\n\n" + communes},
		{16, communes, tiles + "[scope]\ncpts = \"colhaj\"\ndirectory_url = \"https://annuaire.example.org/\"\n\n" + communes},
	} {
		t.Run(fmt.Sprint("seed ", tc.seed), func(t *testing.T) {
			rnd := rand.New(rand.NewPCG(tc.seed, 0))
			fsys := withNews(t)
			cfg := string(fsys["config.toml"].Data)
			if !strings.Contains(cfg, tc.from) {
				t.Fatalf("the sample's config.toml has no %q", tc.from)
			}
			fsys["config.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(cfg, tc.from, tc.to, 1))}
			opts := serveOptions(t, fsys)
			res, diags := build.Run(opts)
			if res == nil {
				t.Fatal(diags)
			}
			opts.Open = []string{"/cpts/colhaj/"} // rendered first by the edits every page shows
			before := res.Files.Clone()
			var done []string
			for step := range 10 {
				file, what := randomEdit(rnd, fsys, step)
				done = append(done, what+" "+file)
				res = rebuild(t, res, opts, file, done)
				if rnd.IntN(8) == 0 { // as the dev server does; else the next rebuild takes the work over
					if d := res.Complete(); d.HasErrors() {
						t.Fatal(d)
					}
					done = append(done, "completed")
				}
			}
			t.Logf("edits: %q", done)
			sameAsFullBuild(t, fsys, before, res)
		})
	}
}

// rebuild rebuilds res after an edit of file as the dev server does
// (server.IncrementalBuilder): incrementally, or with RunOver when that
// needs a full build. done names the edits so far, for a failure.
func rebuild(t *testing.T, res *build.Result, opts build.Options, file string, done []string) *build.Result {
	t.Helper()
	next, diags, ok := build.Incremental(res, opts, []string{file})
	if !ok {
		next, diags = build.RunOver(res, opts)
	}
	if next == nil || diags.HasErrors() {
		t.Fatalf("after %q: incremental %v, %v", done, ok, diags)
	}
	return next
}

// toggleCPTS adds a CPTS to fsys (a test construction: a name and
// three communes of the Lot; at an even step, a news item too), or
// deletes it when it is there, and returns its index.md and what was
// done.
func toggleCPTS(fsys fstest.MapFS, step int) (file, what string) {
	const news = "content/cpts/essai-cahors/news/2021-03-15-essai.md"
	if _, ok := fsys[addedIndex]; ok {
		delete(fsys, addedIndex)
		delete(fsys, addedCommunes)
		delete(fsys, news)
		return addedIndex, "CPTS deleted"
	}
	fsys[addedIndex] = &fstest.MapFile{Data: []byte(strings.Replace(addedText, "Texte d’essai.", fmt.Sprintf("Texte d’essai %d.", step), 1))}
	fsys[addedCommunes] = &fstest.MapFile{Data: []byte("communes = [\"46042\", \"46191\", \"46224\"]\n")}
	if step%2 == 0 { // with a news item among those of the sample's lists and tags
		fsys[news] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Essai %d\"\ndate = 2021-03-15\ntags = [\"prévention\"]\n+++\nTexte.\n", step))}
		return addedIndex, "CPTS added with news"
	}
	return addedIndex, "CPTS added"
}

// freePage is the sample's free page, whose title randomEdit changes.
const freePage = "content/pages/qu-est-ce-qu-une-cpts.md"

// randomEdit makes one random edit of fsys (see withNews; photos and
// covers come and go too): of a page layout, the stylesheet, a partial,
// the free page's title or a CPTS added or deleted (toggleCPTS) one time
// in ten, of a CPTS's records one time
// in three, else of a news file. It returns the file and what was done. The contacts and
// events it writes are test data.
func randomEdit(rnd *rand.Rand, fsys fstest.MapFS, step int) (file, what string) {
	if rnd.IntN(10) == 0 {
		file = []string{"layouts/news.html", "layouts/cpts.html", "static/css/site.css", "layouts/partials/footer.html", freePage, addedIndex}[rnd.IntN(6)]
		if file == addedIndex {
			return toggleCPTS(fsys, step)
		}
		if file == freePage { // its title is in the menu of every page
			fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[file].Data), `title = "`, fmt.Sprintf(`title = "Relu %d : `, step), 1))}
			return file, "free page title"
		}
		text, err := fs.ReadFile(themes.Default(), file)
		if err != nil {
			panic(err)
		}
		if strings.HasSuffix(file, ".css") { // stable names in serve: the sheet alone is copied
			fsys[file] = &fstest.MapFile{Data: fmt.Appendf(text, "\n.relu-%d { color: #123456; }\n", step)}
			return file, "stylesheet"
		}
		if strings.Contains(file, "partials/") { // every page shows it
			marker := fmt.Sprintf(`<footer class="site-footer"><p>Relu %d</p>`, step)
			fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(text), `<footer class="site-footer">`, marker, 1))}
			return file, "partial"
		}
		marker := fmt.Sprintf(`{{define "main"}}<p>Relu %d</p>`, step)
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(text), `{{define "main"}}`, marker, 1))}
		return file, "layout"
	}
	if rnd.IntN(3) == 0 {
		return randomRecordEdit(rnd, fsys, step)
	}
	var news []string
	for p := range fsys {
		if strings.Contains(p, "/news/") && strings.HasSuffix(p, ".md") {
			news = append(news, p)
		}
	}
	slices.Sort(news)
	file = news[rnd.IntN(len(news))]
	text := string(fsys[file].Data)
	set := func(s string) { fsys[file] = &fstest.MapFile{Data: []byte(s)} }
	front := func(line string) { // a front matter line, in place of the key's own
		key, _, _ := strings.Cut(line, " =")
		text = regexp.MustCompile(`(?m)^`+key+` = .*\n`).ReplaceAllString(text, "")
		text = strings.Replace(text, "+++\n", "+++\n"+line+"\n", 1) // the next line goes beside it
		set(text)
	}
	tags := regexp.MustCompile(`(?m)^tags = \[.*\]\n`)
	photo := fmt.Sprintf("atelier-%d.jpg", rnd.IntN(2))
	switch rnd.IntN(11) {
	case 0:
		set(text + "\nUn paragraphe ajouté.\n")
		return file, "text"
	case 8:
		set(text + "\n![Photo de l’atelier](" + photo + ")\n")
		return file, "photo"
	case 9:
		front(`cover_alt = "L’atelier"`)
		front(`cover = "` + photo + `"`)
		return file, "cover"
	case 10:
		text = regexp.MustCompile(`(?m)^(cover|cover_alt) = .*\n|!\[[^\]]*\]\([^)]*\)`).ReplaceAllString(text, "")
		set(text)
		return file, "no images"
	case 1:
		set(strings.Replace(text, "title = \"", "title = \"Modifié : ", 1))
		return file, "title"
	case 2:
		text = tags.ReplaceAllString(text, "")
		front(`tags = ["Prévention", "nouveauté"]`)
		return file, "tags"
	case 3:
		set(tags.ReplaceAllString(text, ""))
		return file, "no tags"
	case 4:
		front("draft = true")
		return file, "draft" // serve publishes drafts: only its mark changes
	case 5:
		front("expires = 2026-11-01")
		return file, "expired"
	case 6:
		delete(fsys, file)
		return file, "deleted"
	}
	date := time.Date(2021, time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	file = fmt.Sprintf("content/cpts/colhaj/news/%s-ajout-%d.md", date, step)
	fsys[file] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Ajout %d\"\ndate = %s\ntags = [\"essai\"]\n+++\nTexte.\n", step, date))}
	return file, "added"
}

// randomRecordEdit makes one random edit of the records of a CPTS of
// fsys, of a kind the dev server rebuilds incrementally.
func randomRecordEdit(rnd *rand.Rand, fsys fstest.MapFS, step int) (file, what string) {
	edit := func(p, from, to string) {
		text := string(fsys[p].Data)
		if !strings.Contains(text, from) {
			panic(p + " has no " + from)
		}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(text, from, to, 1))}
	}
	switch rnd.IntN(15) {
	case 14: // no finer edit covers it: the CPTS is read again whole
		file = "content/cpts/colhaj/index.md"
		if text := string(fsys[file].Data); strings.Contains(text, `departements = ["49"]`) {
			edit(file, `departements = ["49"]`, `departements = ["49", "72"]`)
		} else {
			edit(file, `departements = ["49", "72"]`, `departements = ["49"]`)
		}
		return file, "départements"
	case 10, 11:
		return randomTerritoryEdit(rnd, fsys)
	case 12:
		file = "content/cpts/pays-de-lunel/index.md"
		edit(file, `name = "CPTS du Pays de Lunel`, fmt.Sprintf(`name = "CPTS du Pays de Lunel %d`, step))
		return file, "name"
	case 13:
		file = "content/cpts/colhaj/index.md"
		text := string(fsys[file].Data)
		if strings.Contains(text, `status = "aci-signe"`) {
			edit(file, `status = "aci-signe"`, `status = "projet-sante-valide"`)
		} else {
			edit(file, `status = "projet-sante-valide"`, `status = "aci-signe"`)
		}
		return file, "stage"
	case 9:
		file = "content/cpts/colhaj/index.md"
		text := regexp.MustCompile(`(?m)^updated = .*\n`).ReplaceAllString(string(fsys[file].Data), "")
		fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(text, "+++\n", fmt.Sprintf("+++\nupdated = 2026-10-%02d\n", 1+step), 1))}
		return file, "updated"
	case 8:
		file = []string{"content/cpts/colhaj/index.md", "content/cpts/pays-de-lunel/index.md"}[rnd.IntN(2)]
		edit(file, `summary = "`, fmt.Sprintf(`summary = "Résumé %d. `, step))
		return file, "summary"
	case 7:
		file = fmt.Sprintf("static/img/photo-%d.jpg", rnd.IntN(2))
		fsys[file] = &fstest.MapFile{Data: imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(40, 30, uint64(step)), 80), 1)}
		return file, "static image (with a GPS position)"
	case 6:
		file = "content/pages/qu-est-ce-qu-une-cpts.md"
		fsys[file] = &fstest.MapFile{Data: append(fsys[file].Data, fmt.Sprintf("\nParagraphe %d, voir [la CPTS](/cpts/colhaj/).\n", step)...)}
		return file, "free page"
	case 0:
		file = "content/cpts/colhaj/index.md"
		fsys[file] = &fstest.MapFile{Data: append(fsys[file].Data, fmt.Sprintf("\nParagraphe %d.\n", step)...)}
		return file, "body"
	case 1:
		file = "content/cpts/pays-de-lunel/members.toml"
		count := regexp.MustCompile(`count = \d+`)
		fsys[file] = &fstest.MapFile{Data: []byte(count.ReplaceAllString(string(fsys[file].Data), fmt.Sprintf("count = %d", 100+step)))}
		return file, "members"
	case 2:
		file = "content/cpts/colhaj/missions.toml"
		edit(file, `title = "`, fmt.Sprintf(`title = "%d `, step))
		return file, "missions"
	case 3:
		file = "content/cpts/colhaj/contacts.toml"
		fsys[file] = &fstest.MapFile{Data: []byte(fmt.Sprintf("[[contact]]\nlabel = \"Coordination\"\nemail = \"contact@example.org\"\nhours = \"Étape %d\"\n", step))}
		return file, "contacts"
	case 4:
		file = "content/cpts/colhaj/events.toml"
		if _, ok := fsys[file]; ok && rnd.IntN(2) == 0 {
			fsys[file] = &fstest.MapFile{Data: []byte("# Plus d’événement.\n")}
			return file, "events removed"
		}
		fsys[file] = &fstest.MapFile{Data: []byte(fmt.Sprintf("[[event]]\ntitle = \"Réunion %d\"\ndate = 2027-01-%02d\ntime = \"18:30\"\ncommune = \"49176\"\n", step, 1+step))}
		return file, "events"
	}
	file = "content/cpts/colhaj/index.md"
	text := regexp.MustCompile(`(?m)^association = .*\n`).ReplaceAllString(string(fsys[file].Data), "")
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(text, "name = ", fmt.Sprintf("association = \"Association %d\"\nname = ", step), 1))}
	return file, "association"
}

// randomTerritoryEdit changes a communes.toml of fsys, each time another
// way: a commune of the same département added or taken out, a commune
// claimed in part or whole, the list said complete or not, and a
// commune claimed by the CPTS of the Gard, which lists none, on the
// border of the territory of Lunel (whose map then draws it).
func randomTerritoryEdit(rnd *rand.Rand, fsys fstest.MapFS) (file, what string) {
	toggle := func(p, a, b string) {
		text := string(fsys[p].Data)
		if strings.Contains(text, a) {
			text = strings.Replace(text, a, b, 1)
		} else {
			text = strings.Replace(text, b, a, 1)
		}
		fsys[p] = &fstest.MapFile{Data: []byte(text)}
	}
	const colhaj, gard = "content/cpts/colhaj/communes.toml", "content/cpts/e-rhony/communes.toml"
	edits := []struct{ file, a, b, what string }{
		{colhaj, "communes = [\n", "communes = [\n  \"49007\", # Angers\n", "commune added or removed"},
		{colhaj, "\"49064\", # Chambellay", "# \"49064\" retiré", "commune removed or put back"},
		{colhaj, "\"49176\",", "{ insee = \"49176\", partial = true },", "commune in part or whole"},
		{colhaj, "note = ", "incomplete = true\nnote = ", "list complete or not"},
		{gard, "communes = []", "communes = [\"30006\"]", "commune of the Gard claimed or not"},
	}
	e := edits[rnd.IntN(len(edits))]
	toggle(e.file, e.a, e.b)
	return e.file, e.what
}

// sameAsFullBuild completes the result of incremental rebuilds and checks
// that it holds what a full build of fsys gives, and that it differs from
// before and was not a full build.
func sameAsFullBuild(t *testing.T, fsys fs.FS, before *output.Set, inc *build.Result) {
	t.Helper()
	full, _ := equalsFullBuild(t, fsys, before, inc)
	if inc.Rendered >= full.Files.Len()/2 {
		t.Errorf("rendered %d files of %d: not incremental", inc.Rendered, full.Files.Len())
	}
}

// editedIncrementally rebuilds res incrementally after the files changed
// were edited in fsys, fails unless it can without errors and gives what
// a full build gives (sameAsFullBuild), and returns the new result and
// its diagnostics; what names the edit in a failure.
func editedIncrementally(t *testing.T, fsys fs.FS, res *build.Result, opts build.Options, what string, changed ...string) (*build.Result, diag.List) {
	t.Helper()
	before := res.Files.Clone()
	next, diags, ok := build.Incremental(res, opts, changed)
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("%s: incremental %v, %v", what, ok, diags)
	}
	sameAsFullBuild(t, fsys, before, next)
	return next, diags
}

// equalsFullBuild completes inc and fails unless its files are those of a
// full build of fsys, and unless they changed since before; it returns
// the full build and its diagnostics.
func equalsFullBuild(t *testing.T, fsys fs.FS, before *output.Set, inc *build.Result) (*build.Result, diag.List) {
	t.Helper()
	if d := inc.Complete(); d.HasErrors() {
		t.Fatal(d)
	}
	full, diags := build.Run(serveOptions(t, fsys))
	if full == nil {
		t.Fatal(diags)
	}
	changed := 0
	for _, path := range union(full.Files.Paths(), inc.Files.Paths()) {
		want, inFull := full.Files.Get(path)
		got, inInc := inc.Files.Get(path)
		if inFull != inInc || !bytes.Equal(got, want) {
			t.Errorf("%s differs from a full build (in full build: %v, in incremental: %v)", path, inFull, inInc)
		}
		if b, _ := before.Get(path); !bytes.Equal(b, want) {
			changed++
		}
	}
	for _, path := range before.Paths() {
		if _, inFull := full.Files.Get(path); !inFull {
			changed++ // removed
		}
	}
	if changed == 0 {
		t.Fatal("the edit changed nothing: the test edits the wrong file")
	}
	return full, diags
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
	for _, changed := range [][]string{
		{"content/pages/absente.md"},                   // no such page, no such file
		{"static/css/site.css"},                        // fingerprinted: every page names it
		{"content/cpts/inconnue/news/2030-01-01-x.md"}, // no such CPTS
		{"content/news"},                               // a folder
		{"config.toml"},
	} {
		if _, _, ok := build.Incremental(prev, opts, changed); ok {
			t.Errorf("%v: want a full build", changed)
		}
	}
	// A new file whose slug another item of the CPTS has: the error of a
	// full build, and prev is kept.
	dup := "content/cpts/colhaj/news/2026-01-05-premier-contrat.md"
	fsys[dup] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Doublon\"\ndate = 2026-01-05\n+++\nTexte.\n")}
	if res, diags, ok := build.Incremental(prev, opts, []string{dup}); !ok || res != nil || !strings.Contains(fmt.Sprint(diags), "used twice") {
		t.Fatalf("duplicate slug: ok=%v res=%v %v", ok, res != nil, diags)
	}
	delete(fsys, dup)
	// An error in the edited file: diagnostics, and prev is kept.
	const p = "content/cpts/colhaj/news/2020-09-08-premier-contrat.md"
	fsys[p] = &fstest.MapFile{Data: []byte("+++\ntitle = \"x\"\ndate = 2020-09-08\ndraft = \"non\"\n+++\n")}
	res, diags, ok := build.Incremental(prev, opts, []string{p})
	if !ok || res != nil || !diags.HasErrors() || !strings.Contains(diags[0].String(), p+":4:9") {
		t.Fatalf("got ok=%v res=%v %v", ok, res != nil, diags)
	}
}

// TestIncrementalStaticDeleted deletes files of static/ under the dev
// server, each step compared with a full build: one no page names is
// removed; one over a file of the theme lets the theme's show through; a
// folder added is copied whole, deleted it is a full build; a file a page
// links to deleted is a full build, whose broken link says where.
func TestIncrementalStaticDeleted(t *testing.T) {
	fsys, opts, res := servedSite(t)
	const guide, plan, icon = "static/docs/guide.pdf", "static/docs/plan.pdf", "static/favicon.svg"
	const item = "content/cpts/colhaj/news/2021-03-02-essai-1.md"
	step := func(what string, changed []string, compare bool) { // the additions are other tests'
		t.Helper()
		before := res.Files.Clone()
		next, diags, ok := build.Incremental(res, opts, changed)
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s: ok=%v %v", what, ok, diags)
		}
		res = next
		if compare {
			sameAsFullBuild(t, fsys, before, res)
		}
	}
	fsys[guide] = &fstest.MapFile{Data: []byte("%PDF-1.4 guide")}
	step("a file added", []string{guide}, false)
	delete(fsys, guide)
	step("a file deleted", []string{guide}, true)
	if _, ok := res.Files.Get("docs/guide.pdf"); ok {
		t.Fatal("the deleted file is still published")
	}
	fsys[icon] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`)}
	step("the theme's favicon overridden", []string{icon}, false)
	delete(fsys, icon)
	step("the override deleted", []string{icon}, true)
	fsys[plan] = &fstest.MapFile{Data: []byte("%PDF-1.4 plan")}
	step("another file added", []string{plan}, false)
	fsys[item] = &fstest.MapFile{Data: append(fsys[item].Data, "\nVoir [le plan](/docs/plan.pdf).\n"...)}
	step("a link to it", []string{item}, false)
	// A folder made with its files, reported alone (the watcher may have
	// missed files written before it watched the folder), then deleted,
	// reported alone too: its files go.
	fsys["static/zq-pieces/a.txt"] = &fstest.MapFile{Data: []byte("a")}
	fsys["static/zq-pieces/sous/b.txt"] = &fstest.MapFile{Data: []byte("b")}
	step("a folder added", []string{"static/zq-pieces"}, false)
	delete(fsys, "static/zq-pieces/a.txt")
	delete(fsys, "static/zq-pieces/sous/b.txt")
	step("a folder deleted", []string{"static/zq-pieces"}, true)
	if res.Files.Has("zq-pieces/sous/b.txt") {
		t.Fatal("a file of the deleted folder is still published")
	}
	// A link that escapes the file's name (/zq-%6Demo.txt is
	// /zq-memo.txt) is found too: deleted, it is a full build.
	const memo = "static/zq-memo.txt"
	fsys[memo] = &fstest.MapFile{Data: []byte("mémo")}
	step("a file added for an escaped link", []string{memo}, false)
	fsys[item] = &fstest.MapFile{Data: append(fsys[item].Data, "\nVoir [le mémo](/zq-%6Demo.txt).\n"...)}
	step("an escaped link to it", []string{item}, false)
	delete(fsys, memo)
	if _, _, ok := build.Incremental(res, opts, []string{memo}); ok {
		t.Fatal("a file a page links to with an escaped name deleted: want a full build")
	}
	fsys[memo] = &fstest.MapFile{Data: []byte("mémo")}
	// The folder of a file a page links to: a full build says where.
	fsys["static/docs/annexe.pdf"] = &fstest.MapFile{Data: []byte("%PDF-1.4 annexe")}
	step("a file added beside the linked one", []string{"static/docs/annexe.pdf"}, false)
	delete(fsys, plan)
	delete(fsys, "static/docs/annexe.pdf")
	if _, _, ok := build.Incremental(res, opts, []string{"static/docs"}); ok {
		t.Fatal("the folder of a file a page links to deleted: want a full build")
	}
	if _, _, ok := build.Incremental(res, opts, []string{plan}); ok {
		t.Fatal("a file a page links to deleted: want a full build")
	}
	if _, diags := build.Run(opts); !strings.Contains(fmt.Sprint(diags), "/docs/plan.pdf") {
		t.Fatalf("the full build does not name the broken link: %v", diags)
	}
}

// TestIncrementalSiteLogo edits the configured logo under the dev
// server: its name has no fingerprint, so the file alone is copied again,
// as a full build copies it; deleted, it is the configuration's error,
// which the full build reports, even when no page names the file.
func TestIncrementalSiteLogo(t *testing.T) {
	const logo = "static/img/logo.png"
	fsys := copyFS(t, cpts.Sample)
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["config.toml"].Data), "theme = ", "logo = \"/img/logo.png\"\ntheme = ", 1))}
	fsys[logo] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(64, 32))}
	// A header of the site's that does not show the logo: no page names
	// it, and its deletion is the configuration's error all the same.
	header, err := fs.ReadFile(themes.Default(), "layouts/partials/header.html")
	shown := `{{with siteLogo}}<img class="site-logo" src="{{.}}" alt="">{{end}}`
	if err != nil || !bytes.Contains(header, []byte(shown)) {
		t.Fatalf("the theme's header does not show the logo as the test expects (%v)", err)
	}
	fsys["layouts/partials/header.html"] = &fstest.MapFile{Data: bytes.Replace(header, []byte(shown), nil, 1)}
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	for _, changed := range [][]string{{logo}, {"static/img"}} {
		fsys[logo] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(96, 40+len(changed[0])))}
		res, _ = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("the logo edited (%v)", changed), changed...)
	}
	delete(fsys, logo)
	if _, _, ok := build.Incremental(res, opts, []string{logo}); ok {
		t.Fatal("the logo deleted: want a full build")
	}
	if _, diags := build.Run(opts); !strings.Contains(fmt.Sprint(diags), "logo: no file static/img/logo.png") {
		t.Fatalf("the full build does not report the missing logo: %v", diags)
	}
}

// TestIncrementalNewsImages shows, replaces and removes photos and
// covers of news items, deletes an item with a cover, and checks the
// images published against a full build: new versions added, those no
// page uses any more removed.
func TestIncrementalNewsImages(t *testing.T) {
	fsys, opts, res := servedSite(t)
	before := res.Files.Clone()
	const (
		a = "content/cpts/colhaj/news/2021-03-02-essai-1.md"
		b = "content/cpts/colhaj/news/2021-03-03-essai-2.md"
		c = "content/cpts/colhaj/news/2021-03-04-essai-3.md"
	)
	edit := func(p, from, to string) {
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[p].Data), from, to, 1))}
	}
	steps := []struct {
		file string
		do   func()
	}{
		{a, func() { edit(a, "+++\nTexte", "+++\n![Photo de l’atelier](atelier-0.jpg)\n\nTexte") }},
		{b, func() { edit(b, "+++\nTexte", "cover = \"atelier-1.jpg\"\ncover_alt = \"L’atelier\"\n+++\nTexte") }},
		{b, func() { delete(fsys, b) }},
		{c, func() { edit(c, "+++\nTexte", "cover = \"atelier-0.jpg\"\ncover_alt = \"L’atelier\"\n+++\nTexte") }},
		{a, func() { edit(a, "atelier-0.jpg", "atelier-1.jpg") }},
		{c, func() { edit(c, "cover = \"atelier-0.jpg\"\ncover_alt = \"L’atelier\"\n", "") }},
	}
	for i, s := range steps {
		s.do()
		next, diags, ok := build.Incremental(res, opts, []string{s.file})
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("step %d (%s): ok=%v %v", i, s.file, ok, diags)
		}
		res = next
	}
	photos := 0
	for _, p := range res.Files.Paths() {
		if strings.HasPrefix(p, "images/atelier-") {
			photos++
		}
	}
	if photos == 0 {
		t.Fatal("no version of atelier-1.jpg published")
	}
	sameAsFullBuild(t, fsys, before, res)
}

// TestIncrementalUpdateDate sets a CPTS's update date, which its page
// and the sitemap show, and checks the rebuild against a full build.
func TestIncrementalUpdateDate(t *testing.T) {
	fsys, opts, res := servedSample(t)
	before := res.Files.Clone()
	const file = "content/cpts/colhaj/index.md"
	fsys[file] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[file].Data), "+++\n", "+++\nupdated = 2026-10-05\n", 1))}
	next, diags, ok := build.Incremental(res, opts, []string{file})
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("ok=%v %v", ok, diags)
	}
	sameAsFullBuild(t, fsys, before, next)
}

// TestIncrementalNewsEditWarnsOfStarterText: saving a news item with the
// archetype's starter text in serve warns at the same place as a full
// build; a draft is not warned about.
func TestIncrementalNewsEditWarnsOfStarterText(t *testing.T) {
	fsys, opts, res := servedSite(t)
	const p = "content/cpts/colhaj/news/2021-03-02-essai-1.md"
	starter := func(diags diag.List) []string {
		var out []string
		for _, d := range diags {
			if d.Code == diag.StarterText {
				out = append(out, d.String())
			}
		}
		return out
	}
	fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[p].Data), "+++\nTexte", "+++\n"+validate.Starter+".\n\nTexte", 1))}
	next, diags, ok := build.Incremental(res, opts, []string{p})
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("ok=%v %v", ok, diags)
	}
	got := starter(diags)
	_, full := build.Run(opts)
	if want := starter(full); len(got) != 1 || !slices.Equal(got, want) {
		t.Errorf("the rebuild warns %q, a full build %q", got, want)
	}
	fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[p].Data), "+++\n"+validate.Starter, "draft = true\n+++\n"+validate.Starter, 1))}
	if _, diags, _ := build.Incremental(next, opts, []string{p}); len(starter(diags)) != 0 {
		t.Errorf("a draft warned about: %v", starter(diags))
	}
}

// TestIncrementalTerritoryEdit edits territories under the dev server,
// each edit compared with a full build: a commune added, many added (the
// list of the département's communes without a CPTS loses a page) then
// taken out, one taken out,
// one claimed in part, the list said incomplete, and communes claimed by
// the CPTS of the Gard (which then borders Lunel's territory, and claims
// Lunel too: a warning; the page listing its communes comes, then goes
// with them). Edits that change the départements a CPTS
// reaches, or which communes have a page, are full builds.
func TestIncrementalTerritoryEdit(t *testing.T) {
	const colhaj, gard = "content/cpts/colhaj/communes.toml", "content/cpts/e-rhony/communes.toml"
	fsys := withNews(t)
	edit := func(p, from, to string) {
		text := string(fsys[p].Data)
		if !strings.Contains(text, from) {
			t.Fatalf("%s has no %q", p, from)
		}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(text, from, to, 1))}
	}
	// The CPTS of the Gard reaches the Hérault too: it may claim a commune
	// of Lunel's territory without reaching a new département.
	edit("content/cpts/e-rhony/index.md", `departements = ["30"]`, `departements = ["30", "34"]`)
	// Territories of more than one commune are listed on a page of their
	// own: the Gard's comes and goes. With the tile map on, so does the
	// GeoJSON of its territory, beside its page.
	edit("config.toml", "[communes]\n", "[communes]\non_cpts_page = 1\n")
	fsys["config.toml"].Data = append(fsys["config.toml"].Data, "\n[maps]\ntiles = \"https://tile.example.org/{z}/{x}/{y}.png\"\ntiles_attribution = \"© test\"\n"...)
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	// Enough communes of the Maine-et-Loire for those without a CPTS to
	// fit on the first page of their list, whose second page goes, then
	// comes back.
	listed := string(fsys[colhaj].Data)
	var more strings.Builder
	uncovered := 0
	for _, com := range table(t).InDepartement("49") {
		if com.Kind == geo.KindCommune && com.Code != "49007" && !strings.Contains(listed, `"`+com.Code+`"`) {
			if uncovered++; uncovered > 100 {
				fmt.Fprintf(&more, "  %q,\n", com.Code)
			}
		}
	}
	if uncovered <= 100 {
		t.Fatalf("%d communes of the Maine-et-Loire without a CPTS: the test needs more than 100", uncovered)
	}
	for _, step := range []struct{ file, from, to, warning string }{
		{colhaj, "communes = [\n", "communes = [\n  \"49007\", # Angers\n", ""},
		{colhaj, "communes = [\n", "communes = [\n" + more.String(), ""},
		{colhaj, "communes = [\n" + more.String(), "communes = [\n", ""},
		{colhaj, `"49064", # Chambellay`, `# "49064" retiré`, ""},
		{colhaj, `"49176",`, `{ insee = "49176", partial = true },`, ""},
		{colhaj, "note = ", "incomplete = true\nnote = ", ""},
		{gard, "communes = []", `communes = ["30006", "34145"]`, "commune 34145 (Lunel) is claimed by 2 CPTS"},
		{gard, `communes = ["30006", "34145"]`, "communes = []", ""},
	} {
		edit(step.file, step.from, step.to)
		var diags diag.List
		res, diags = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("%s %q", step.file, step.to), step.file)
		if text := fmt.Sprint(diags); !strings.Contains(text, step.warning) || strings.Contains(text, "is claimed by") != (step.warning != "") {
			t.Errorf("%s %q: warnings %v, want %q", step.file, step.to, diags, step.warning)
		}
	}
	// Communes of another département: the CPTS read again whole, every
	// file made again (TestIncrementalCPTSReplaced).
	before := res.Files.Clone()
	edit(colhaj, "communes = [\n", "communes = [\n  \"72181\", # Le Mans\n")
	next, diags, ok := build.Incremental(res, opts, []string{colhaj})
	if !ok || next == nil || diags.HasErrors() {
		t.Fatalf("a commune of another département: ok=%v %v", ok, diags)
	}
	equalsFullBuild(t, fsys, before, next)
	// With a page for covered communes only: a commune claimed in part
	// rather than whole, and communes newly covered, which gain their
	// page and their place in the A-Z index (under a letter it has, and
	// under one it has not yet), are incremental; so is a commune no
	// longer covered that no page links to, whose page goes (and the
	// letter it alone had); one that a page links to is a full build
	// (that link would break), even when the link spells the path with
	// escapes (a test construction: a free page linking to Angers).
	edit(colhaj, "communes = [\n  \"72181\", # Le Mans\n", "communes = [\n")
	edit("config.toml", `pages = "departments"`, `pages = "covered"`)
	fsys["content/pages/angers.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Angers\"\n+++\nVoir [Angers](/communes/4900%37/).\n")}
	if res, diags = build.Run(opts); res == nil {
		t.Fatal(diags)
	}
	var known, unknown *geo.Commune // uncovered communes of the Maine-et-Loire, under a letter the index has, and one it has not
	for _, com := range table(t).InDepartement("49") {
		if com.Kind != geo.KindCommune || strings.Contains(string(fsys[colhaj].Data), `"`+com.Code+`"`) || com.Name[0] < 'A' || com.Name[0] > 'Z' {
			continue
		}
		letter := "communes/" + strings.ToLower(com.Name[:1]) + "/index.html"
		switch has := res.Files.Has(letter); {
		case has && known == nil:
			known = com
		case !has && unknown == nil:
			unknown = com
		}
	}
	if known == nil || unknown == nil {
		t.Fatalf("the Maine-et-Loire has no uncovered commune under a known letter (%v) or a new one (%v)", known, unknown)
	}
	for _, step := range []struct{ from, to string }{
		{`{ insee = "49176", partial = true },`, `"49176",`},
		{"communes = [\n", fmt.Sprintf("communes = [\n  %q,\n", known.Code)},
		{"communes = [\n", fmt.Sprintf("communes = [\n  %q,\n", unknown.Code)},
	} {
		edit(colhaj, step.from, step.to)
		res, _ = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("pages of covered communes, %q", step.to), colhaj)
	}
	for _, com := range []*geo.Commune{known, unknown} {
		letter, _ := res.Files.Get("communes/" + strings.ToLower(com.Name[:1]) + "/index.html")
		if !res.Files.Has("communes/"+com.Code+"/index.html") || !bytes.Contains(letter, []byte(com.Name)) {
			t.Errorf("%s (%s) has no page, or its letter's page does not list it", com.Name, com.Code)
		}
	}
	edit(colhaj, fmt.Sprintf("  %q,\n", unknown.Code), "")
	res, _ = editedIncrementally(t, fsys, res, opts, "pages of covered communes, a commune no longer covered", colhaj)
	if res.Files.Has("communes/"+unknown.Code+"/index.html") || res.Files.Has("communes/"+strings.ToLower(unknown.Name[:1])+"/index.html") {
		t.Errorf("%s (%s) is no longer covered: its page and its letter's stay", unknown.Name, unknown.Code)
	}
	edit(colhaj, `"49007", # Angers`, "")
	if _, _, ok := build.Incremental(res, opts, []string{colhaj}); ok {
		t.Error("pages of covered communes, a commune no longer covered that a page links to: want a full build")
	}
	if _, diags := build.Run(opts); !strings.Contains(fmt.Sprint(diags), "content/pages/angers.md:4:") {
		t.Errorf("the full build does not say where the link to Angers's page is: %v", diags)
	}
}

// TestIncrementalNameAndStage renames CPTS and changes a stage under the
// dev server, each edit compared with a full build: the name and stage
// of a CPTS are on its cards, the pages of its communes and of its
// départements, the maps, the news lists that show its items, the
// feeds, the calendars and more (see shownPages). The CPTS of the Gard
// claims a commune on the border of Lunel's territory: its map draws
// Lunel's, named.
func TestIncrementalNameAndStage(t *testing.T) {
	fsys := withNews(t)
	const gard = "content/cpts/e-rhony/communes.toml"
	fsys[gard] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[gard].Data), "communes = []", `communes = ["30006"]`, 1))}
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	for _, step := range []struct{ file, from, to string }{
		{"content/cpts/colhaj/index.md", "short_name = \"COLHAJ\"\nstatus = \"aci-signe\"", "short_name = \"Haut-Anjou\"\nstatus = \"projet-sante-valide\""},
		{"content/cpts/pays-de-lunel/index.md", `name = "CPTS du Pays de Lunel"`, `name = "CPTS de Lunel Agglo"`},
	} {
		before := res.Files.Clone()
		text := string(fsys[step.file].Data)
		if !strings.Contains(text, step.from) {
			t.Fatalf("%s has no %q", step.file, step.from)
		}
		fsys[step.file] = &fstest.MapFile{Data: []byte(strings.Replace(text, step.from, step.to, 1))}
		next, diags, ok := build.Incremental(res, opts, []string{step.file})
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s %q: ok=%v %v", step.file, step.to, ok, diags)
		}
		res = next
		sameAsFullBuild(t, fsys, before, res)
	}
}

// TestIncrementalImageFile: an image file no page shows builds nothing;
// one a news item shows (of content/, then of static/, which is copied
// too) renders the item again, as a full build would; deleted, it is the
// full build's error.
func TestIncrementalImageFile(t *testing.T) {
	fsys, opts, res := servedSite(t)
	const (
		item  = "content/cpts/colhaj/news/2021-03-02-essai-1.md"
		photo = "content/cpts/colhaj/news/atelier-0.jpg"
		fresh = "content/cpts/colhaj/news/nouvelle.jpg"
	)
	// An image no page shows: nothing to build.
	fsys[fresh] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(48, 32, 9), 80)}
	same, diags, ok := build.Incremental(res, opts, []string{fresh})
	if !ok || same == nil || diags.HasErrors() || same.Rendered != 0 || !slices.Equal(same.Files.Paths(), res.Files.Paths()) {
		t.Fatalf("an image no page shows: ok=%v rendered=%d %v", ok, same.Rendered, diags)
	}
	// A photo shown by an item, then edited.
	text := string(fsys[item].Data)
	fsys[item] = &fstest.MapFile{Data: []byte(strings.Replace(text, "+++\nTexte", "+++\n![Photo de l’atelier](atelier-0.jpg)\n\nTexte", 1))}
	if res, diags, ok = build.Incremental(res, opts, []string{item}); !ok || res == nil || diags.HasErrors() {
		t.Fatalf("photo shown: ok=%v %v", ok, diags)
	}
	before := res.Files.Clone()
	fsys[photo] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(64, 40, 7), 80)}
	if res, diags, ok = build.Incremental(res, opts, []string{photo}); !ok || res == nil || diags.HasErrors() {
		t.Fatalf("photo edited: ok=%v %v", ok, diags)
	}
	sameAsFullBuild(t, fsys, before, res)
	// An image of static/ the item shows, edited: the item again, and the
	// file copied.
	const frieze = "static/img/frise.jpg"
	fsys[frieze] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(96, 24, 3), 80)}
	fsys[item] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[item].Data), "\n\nTexte", "\n\n![Frise de l’atelier](/img/frise.jpg)\n\nTexte", 1))}
	if res, diags, ok = build.Incremental(res, opts, []string{frieze, item}); ok {
		t.Fatal("a new file of static/ and a news item: want a full build")
	}
	if res, diags = build.Run(opts); res == nil {
		t.Fatal(diags)
	}
	before = res.Files.Clone()
	fsys[frieze] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(96, 24, 4), 80)}
	if res, diags, ok = build.Incremental(res, opts, []string{frieze}); !ok || res == nil || diags.HasErrors() {
		t.Fatalf("static image edited: ok=%v %v", ok, diags)
	}
	sameAsFullBuild(t, fsys, before, res)
	// Deleted: the error of a full build, at the item that shows it.
	delete(fsys, photo)
	_, diags, ok = build.Incremental(res, opts, []string{photo})
	_, full := build.Run(opts)
	if !ok || !diags.HasErrors() || !strings.Contains(fmt.Sprint(full), diags[0].String()) {
		t.Fatalf("photo deleted: ok=%v\nincremental: %v\nfull build: %v", ok, diags, full)
	}
}

// TestIncrementalNewsRenamed renames news files under the dev server, as
// an editor or git does: the old file deleted and the new one written in
// one batch of changes. A new slug moves the item's page (the old one
// goes), in a file or a folder of its own; an item renamed over another's
// slug is the full build's error. Each rename is compared with a full
// build.
func TestIncrementalNewsRenamed(t *testing.T) {
	fsys, opts, res := servedSite(t)
	const dir = "content/cpts/colhaj/news/"
	rename := func(from, to string) {
		fsys[to] = fsys[from]
		delete(fsys, from)
	}
	for _, step := range []struct{ from, to string }{
		{dir + "2021-03-05-essai-4.md", dir + "2021-03-05-essai-quatre.md"},
		{dir + "2021-03-06-essai-5.md", dir + "2021-03-06-essai-cinq/index.md"},
	} {
		before := res.Files.Clone()
		rename(step.from, step.to)
		next, diags, ok := build.Incremental(res, opts, []string{step.from, step.to})
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("%s renamed %s: ok=%v %v", step.from, step.to, ok, diags)
		}
		old := strings.TrimSuffix(strings.TrimSuffix(path.Base(step.from), ".md"), "/index")[len("2021-03-05-"):]
		if _, has := next.Files.Get("cpts/colhaj/actualites/" + old + "/index.html"); has {
			t.Errorf("%s renamed %s: the page of the old slug stays", step.from, step.to)
		}
		res = next
		sameAsFullBuild(t, fsys, before, res)
	}
	from, to := dir+"2021-03-07-essai-6.md", dir+"2021-03-07-essai-7.md" // essai-7's slug, of 2021-03-08
	rename(from, to)
	_, diags, ok := build.Incremental(res, opts, []string{from, to})
	_, full := build.Run(opts)
	if !ok || !diags.HasErrors() || !full.HasErrors() || !strings.Contains(fmt.Sprint(full), diags[0].String()) {
		t.Fatalf("renamed over another's slug: ok=%v\nincremental: %v\nfull build: %v", ok, diags, full)
	}
}

// TestIncrementalTextImages gives a CPTS a logo under the dev server,
// redraws it, shows a photo in its text, redraws that, then takes both
// away; then shows a photo in a free page, redraws it and takes it away:
// each edit compared with a full build (its page and its cards, the pages
// of its département and région, show the logo; the page of the text its
// photo). A photo's file deleted while shown is the full build's error.
func TestIncrementalTextImages(t *testing.T) {
	fsys, opts, res := servedSite(t)
	const (
		index, logo, photo = "content/cpts/colhaj/index.md", "content/cpts/colhaj/logo.png", "content/cpts/colhaj/equipe.jpg"
		page, figure       = "content/pages/qu-est-ce-qu-une-cpts.md", "content/pages/schema.png"
	)
	text, pageText := string(fsys[index].Data), string(fsys[page].Data)
	withLogo := strings.Replace(text, "+++\n", "+++\nlogo = \"logo.png\"\n", 1)
	set := func(p, s string) { fsys[p] = &fstest.MapFile{Data: []byte(s)} }
	for _, step := range []struct {
		file string
		do   func()
	}{
		{index, func() {
			fsys[logo] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(64, 32))}
			set(index, withLogo)
		}},
		{logo, func() { fsys[logo] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(96, 40))} }},
		{index, func() {
			fsys[photo] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(48, 32, 3), 80)}
			set(index, withLogo+"\n![L’équipe de la CPTS](equipe.jpg)\n")
		}},
		{photo, func() { fsys[photo] = &fstest.MapFile{Data: imagetest.JPEG(imagetest.Photo(64, 40, 5), 80)} }},
		{index, func() { set(index, text) }},
		{page, func() {
			fsys[figure] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(120, 80))}
			set(page, pageText+"\n![Schéma d’une CPTS](schema.png)\n")
		}},
		{figure, func() { fsys[figure] = &fstest.MapFile{Data: imagetest.PNG(imagetest.Logo(160, 90))} }},
		{page, func() { set(page, pageText) }},
	} {
		step.do()
		res, _ = editedIncrementally(t, fsys, res, opts, step.file, step.file)
	}
	set(index, text+"\n![L’équipe de la CPTS](equipe.jpg)\n")
	if next, diags, ok := build.Incremental(res, opts, []string{index}); !ok || next == nil || diags.HasErrors() {
		t.Fatalf("photo shown again: ok=%v %v", ok, diags)
	} else {
		res = next
	}
	delete(fsys, photo)
	_, diags, ok := build.Incremental(res, opts, []string{photo})
	_, full := build.Run(opts)
	if !ok || !diags.HasErrors() || !strings.Contains(fmt.Sprint(full), diags[0].String()) {
		t.Fatalf("photo deleted: ok=%v\nincremental: %v\nfull build: %v", ok, diags, full)
	}
}

// TestIncrementalTerritoryOfArrondissements edits territories of
// Marseille, listed by arrondissement or as the whole city in part, under
// the dev server, each edit compared with a full build: the claims on
// the city come through its arrondissements and those on the
// arrondissements through the city (model.Coverage).
func TestIncrementalTerritoryOfArrondissements(t *testing.T) {
	cpts := func(name string) string {
		return "+++\nname = \"" + name + "\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n"
	}
	fsys := site(map[string]string{
		"content/cpts/nord/index.md":         cpts("CPTS Marseille Nord"),
		"content/cpts/nord/communes.toml":    "communes = [\"13213\", \"13214\", \"13215\"]\n",
		"content/cpts/nord/contacts.toml":    contact,
		"content/cpts/sud/index.md":          cpts("CPTS Marseille Sud"),
		"content/cpts/sud/communes.toml":     "communes = [\"13208\", \"13209\"]\n",
		"content/cpts/sud/contacts.toml":     contact,
		"content/cpts/aubagne/index.md":      cpts("CPTS du Pays d'Aubagne"),
		"content/cpts/aubagne/communes.toml": "communes = [\"13005\"]\n",
		"content/cpts/aubagne/contacts.toml": contact,
	})
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	for _, step := range []struct{ file, to string }{
		{"content/cpts/nord/communes.toml", "communes = [\"13201\", \"13213\", \"13214\", \"13215\"]\n"},
		{"content/cpts/sud/communes.toml", "communes = [{ insee = \"13055\", partial = true, note = \"quartiers sud\" }]\n"},
		{"content/cpts/aubagne/communes.toml", "communes = [\"13005\", { insee = \"13211\", partial = true }]\n"},
		{"content/cpts/sud/communes.toml", "communes = [\"13208\"]\n"},
	} {
		fsys[step.file] = &fstest.MapFile{Data: []byte(step.to)}
		res, _ = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("%s %q", step.file, step.to), step.file)
	}
}

// TestIncrementalScopedNews: on a site of one département and on a site of
// one CPTS, a news item of a CPTS the site shows, added then deleted, is
// rebuilt incrementally and gives what a full build gives; an item of the
// site's own news, or a free page's title, which the site of one CPTS
// leaves out, is a full build.
func TestIncrementalScopedNews(t *testing.T) {
	for _, tc := range []struct{ name, scope string }{
		{"département", "[scope]\ndepartements = [\"34\"]\ndirectory_url = \"https://annuaire.example.org/\"\n"},
		{"CPTS", "[scope]\ncpts = \"pays-de-lunel\"\ndirectory_url = \"https://annuaire.example.org/\"\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := copyFS(t, cpts.Sample)
			fsys["config.toml"] = &fstest.MapFile{Data: append(slices.Clip(fsys["config.toml"].Data), "\n"+tc.scope...)}
			opts := serveOptions(t, fsys)
			res, diags := build.Run(opts)
			if res == nil {
				t.Fatal(diags)
			}
			before := res.Files.Clone()
			const item = "content/cpts/pays-de-lunel/news/2026-11-02-permanence.md"
			fsys[item] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Permanence de novembre\"\ndate = 2026-11-02\ntags = [\"permanence\"]\n+++\nTexte.\n")}
			next, diags, ok := build.Incremental(res, opts, []string{item})
			if !ok || next == nil || diags.HasErrors() {
				t.Fatalf("added: ok=%v %v", ok, diags)
			}
			sameAsFullBuild(t, fsys, before, next)
			before = next.Files.Clone()
			delete(fsys, item)
			if next, diags, ok = build.Incremental(next, opts, []string{item}); !ok || next == nil || diags.HasErrors() {
				t.Fatalf("deleted: ok=%v %v", ok, diags)
			}
			sameAsFullBuild(t, fsys, before, next)
			const own = "content/news/2026-11-03-annonce.md"
			fsys[own] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Annonce\"\ndate = 2026-11-03\n+++\nTexte.\n")}
			if _, _, ok := build.Incremental(next, opts, []string{own}); ok != (tc.name == "département") {
				t.Errorf("the site's own news added: incremental %v, want %v", ok, tc.name == "département")
			}
			// So is a free page's title edited: the site of one CPTS leaves
			// the free pages out of its menu too.
			delete(fsys, own)
			const page = "content/pages/qu-est-ce-qu-une-cpts.md"
			fsys[page] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[page].Data), `title = "`, `title = "Relu : `, 1))}
			if _, _, ok := build.Incremental(next, opts, []string{page}); ok != (tc.name == "département") {
				t.Errorf("a free page's title edited: incremental %v, want %v", ok, tc.name == "département")
			}
		})
	}
}

// TestIncrementalScopedTerritory edits the communes.toml of a CPTS on a
// site of one département ([scope]), each edit compared with a full build:
// a commune taken out and put back, then one of the Gard that the CPTS of
// the Gard, out of the site's scope, claims too (test constructions: the
// Pays de Lunel reaches the Gard, E-Rhôny claims Aigues-Mortes), whose
// warning the full build gives, validating the whole repository; a file
// the content model does not read, in the folder of a CPTS out of scope.
// On a site of one CPTS, whose territory decides which communes it holds,
// a commune taken out (its page goes) and put back (it comes back); the
// territory emptied and listed again (its map and location file go and
// come back); events added and taken away (the menu of every page links
// them).
func TestIncrementalScopedTerritory(t *testing.T) {
	const lunel, gard = "content/cpts/pays-de-lunel/communes.toml", "content/cpts/e-rhony/communes.toml"
	fsys := copyFS(t, cpts.Sample)
	edit := func(p, from, to string) {
		t.Helper()
		text := string(fsys[p].Data)
		if !strings.Contains(text, from) {
			t.Fatalf("%s has no %q", p, from)
		}
		fsys[p] = &fstest.MapFile{Data: []byte(strings.Replace(text, from, to, 1))}
	}
	edit("content/cpts/pays-de-lunel/index.md", `departements = ["34"]`, `departements = ["34", "30"]`)
	edit(gard, "communes = []", `communes = ["30003"]`)
	fsys["config.toml"] = &fstest.MapFile{Data: append(slices.Clip(fsys["config.toml"].Data), "\n[scope]\ndepartements = [\"34\"]\ndirectory_url = \"https://annuaire.example.org/\"\n"...)}
	opts := serveOptions(t, fsys)
	res, diags := build.Run(opts)
	if res == nil {
		t.Fatal(diags)
	}
	for _, step := range []struct{ from, to, warning string }{
		{`  "34246", # Entre-Vignes` + "\n", "", ""},
		{"communes = [\n", "communes = [\n  \"34246\", # Entre-Vignes\n", ""},
		{"communes = [\n", "communes = [\n  \"30003\",\n", "commune 30003 (Aigues-Mortes) is claimed by 2 CPTS"},
		{"communes = [\n  \"30003\",\n", "communes = [\n", ""},
	} {
		edit(lunel, step.from, step.to)
		var diags diag.List
		res, diags = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("%q", step.to), lunel)
		full, fullDiags := build.Run(opts)
		if full == nil {
			t.Fatal(fullDiags)
		}
		if got, want := strings.Contains(fmt.Sprint(diags), "is claimed by"), strings.Contains(fmt.Sprint(fullDiags), "is claimed by"); got != want ||
			step.warning != "" && !strings.Contains(fmt.Sprint(diags), step.warning) {
			t.Errorf("%q: warnings %v, the full build's %v", step.to, diags, fullDiags)
		}
	}
	// A file the content model does not read, in the folder of a CPTS out
	// of the site's scope: nothing made, the full build's warning.
	const notes = "content/cpts/colhaj/notes.txt"
	fsys[notes] = &fstest.MapFile{Data: []byte("à voir\n")}
	next, diags, ok := build.Incremental(res, opts, []string{notes})
	if !ok || next == nil || next.Rendered != 0 || !strings.Contains(fmt.Sprint(diags), notes+": warning: file not part of the content model") {
		t.Fatalf("a stray file out of scope: ok=%v %v", ok, diags)
	}
	if _, fullDiags := build.Run(opts); !strings.Contains(fmt.Sprint(fullDiags), notes+": warning: file not part of the content model") {
		t.Fatalf("the full build does not warn of %s: %v", notes, fullDiags)
	}
	res = next
	fsys["config.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys["config.toml"].Data), `departements = ["34"]`+"\n", `cpts = "pays-de-lunel"`+"\n", 1))}
	if res, diags = build.Run(opts); res == nil {
		t.Fatal(diags)
	}
	for _, step := range []struct{ from, to string }{
		{`  "34246", # Entre-Vignes` + "\n", ""},
		{"communes = [\n", "communes = [\n  \"34246\", # Entre-Vignes\n"},
	} {
		edit(lunel, step.from, step.to)
		res, _ = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("a site of one CPTS, %q", step.to), lunel)
	}
	// Its territory emptied, then listed again: the map beside the home
	// page and the drawing its département's locator maps share go, and
	// come back.
	listed := fsys[lunel].Data
	for _, data := range [][]byte{[]byte("communes = []\n"), listed} {
		fsys[lunel] = &fstest.MapFile{Data: data}
		res, _ = editedIncrementally(t, fsys, res, opts, fmt.Sprintf("a site of one CPTS, %q", data), lunel)
	}
	// Events given to the CPTS, then taken away: the menu of every page
	// links them, then no longer does (every page is made again).
	const events = "content/cpts/pays-de-lunel/events.toml"
	for _, data := range [][]byte{[]byte("[[event]]\ntitle = \"Réunion\"\ndate = 2026-12-01\n"), nil} {
		fsys[events] = &fstest.MapFile{Data: data}
		if data == nil {
			delete(fsys, events)
		}
		before := res.Files.Clone()
		next, diags, ok := build.Incremental(res, opts, []string{events})
		if !ok || next == nil || diags.HasErrors() {
			t.Fatalf("a site of one CPTS, events %q: incremental %v, %v", data, ok, diags)
		}
		equalsFullBuild(t, fsys, before, next)
		res = next
	}
}

// TestIncrementalNewsEditLeavesOtherFeeds edits the body of a news item
// in no feed (the oldest of its CPTS): its page is rendered again, the
// feeds are not; then of the newest of its CPTS, which its CPTS's feed
// and the site's show: they are rendered again too.
func TestIncrementalNewsEditLeavesOtherFeeds(t *testing.T) {
	fsys, opts, res := servedSite(t)
	feeds := []string{"actualites/atom.xml", "actualites/feed.json", "cpts/colhaj/actualites/atom.xml", "cpts/colhaj/actualites/feed.json"}
	kept := func(res, next *build.Result, file string) bool { // the same bytes, not rendered again
		a, _ := res.Files.Get(file)
		b, _ := next.Files.Get(file)
		if len(a) == 0 || len(b) == 0 {
			t.Fatalf("no %s", file)
		}
		return &a[0] == &b[0]
	}
	for _, tc := range []struct {
		slug   string
		inFeed bool
	}{
		{"2021-03-01-essai-0", false},
		{"2021-04-03-essai-33", true},
	} {
		file := "content/cpts/colhaj/news/" + tc.slug + ".md"
		fsys[file] = &fstest.MapFile{Data: bytes.Replace(fsys[file].Data, []byte("Texte de"), []byte("Nouveau texte de"), 1)}
		next := rebuild(t, res, opts, file, []string{"edit " + file})
		if page := "cpts/colhaj/actualites/" + tc.slug[len("2021-03-01-"):] + "/index.html"; kept(res, next, page) {
			t.Errorf("%s: its page %s not rendered again", tc.slug, page)
		}
		for _, f := range feeds {
			if kept(res, next, f) == tc.inFeed {
				t.Errorf("%s: %s rendered again %v, want %v", tc.slug, f, !tc.inFeed, tc.inFeed)
			}
		}
		res = next
	}
}
