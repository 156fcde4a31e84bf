package build_test

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/themes"
)

func table(t testing.TB) *geo.Table {
	tb, err := sharedTable()
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// sharedTable is the table of communes of every test, loaded once: builds
// only read it.
var sharedTable = sync.OnceValues(geo.Load)

// TestSampleBuildIsReproducible builds the embedded sample twice: the two
// outputs must be identical byte for byte (no map order, no timestamps).
func TestSampleBuildIsReproducible(t *testing.T) {
	tb := table(t)
	opts := build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: tb}
	a, diags := build.Run(opts)
	if a == nil {
		t.Fatalf("sample build failed:\n%v", diags)
	}
	// The sample says only what its sources say: no contact for its CPTS,
	// no legal notice, no accessibility contact. Its only diagnostics are
	// the warnings that say so (package validate, advice.go).
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+d.Severity.String()+" "+string(d.Code))
	}
	want := []string{
		"config.toml warning legal-notice",
		"config.toml warning accessibility-contact",
		"content/cpts/colhaj/index.md:6:8 warning no-contact",
		"content/cpts/e-rhony/index.md:5:8 warning no-contact",
		"content/cpts/pays-de-lunel/index.md:5:8 warning no-contact",
		"content/cpts/quercy-bouriane/index.md:4:8 warning no-contact",
		"content/cpts/toulouse-ouest/index.md:4:8 warning no-contact",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the sample content has diagnostics:\n%v\nwant only\n%s", diags, strings.Join(want, "\n"))
	}
	b, _ := build.Run(opts)
	if !output.Equal(a.Files, b.Files) {
		t.Fatal("two builds of the same input differ")
	}
	for _, p := range []string{"index.html", "cpts/pays-de-lunel/index.html", "communes/34145/index.html", "departements/34/index.html", "sitemap.xml", "robots.txt", "404.html"} {
		if !a.Files.Has(p) {
			t.Errorf("sample build lacks %s", p)
		}
	}
}

// site is a site of the given files, with a complete config.toml: with a
// legal notice and an accessibility contact, it gets no advice on them.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{"config.toml": {Data: []byte(config)}}
	for p, d := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(d)}
	}
	return fsys
}

const (
	config = "title = \"T\"\nbase_url = \"https://example.org/\"\n" +
		"[legal]\npublisher = \"Association T\"\ndirector = \"La présidence\"\nhost = \"Hébergeur T\"\n" +
		"[accessibility]\ncontact_email = \"accessibilite@example.org\"\n"
	// contact is a contacts.toml that gives a CPTS a way to reach it.
	contact = "[[contact]]\nlabel = \"Coordination\"\nemail = \"contact@example.org\"\n"
)

// TestBrokenInternalLinkIsAnError: a Markdown link to a site path no page
// answers is an error at the link. A link to the page of a commune the
// site covers is answered by the plan as the body renders, one to a
// CPTS's page by the page rendered before; the others are checked once
// the site is whole.
func TestBrokenInternalLinkIsAnError(t *testing.T) {
	lunel := "+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n"
	for _, tc := range []struct{ name, body, want string }{
		{"CPTS", "Voir [Colhaj](/cpts/colaj/) et [ok](/cpts/lunel/#missions).\n",
			"content/cpts/lunel/index.md:6:6: error: broken link: no page at /cpts/colaj/ [broken-link]\n\thint: did you mean /cpts/colhaj/?"},
		{"commune", "Voir [Lunel](/communes/34145/) et [Angers](/communes/49007/) mais pas [Ajaccio](/communes/2A004/).\n",
			"content/cpts/lunel/index.md:6:71: error: broken link: no page at /communes/2A004/ [broken-link]\n\thint: did you mean /communes/34004/?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := site(map[string]string{
				"content/cpts/lunel/index.md":       lunel + tc.body,
				"content/cpts/lunel/communes.toml":  "communes = [\"34145\"]\n",
				"content/cpts/lunel/contacts.toml":  contact,
				"content/cpts/colhaj/index.md":      "+++\nname = \"C\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n",
				"content/cpts/colhaj/communes.toml": "communes = [\"49176\"]\n",
				"content/cpts/colhaj/contacts.toml": contact,
			})
			res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
			if res != nil || len(diags) != 1 {
				t.Fatalf("want one error and no result, got %v", diags)
			}
			if got := diags[0].String(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestContentErrorStopsBeforeRender(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md": "+++\nname = \"L\"\nstatus = \"signé\"\nsummary = \"s\"\n+++\n[x](javascript:alert(1))\n",
	})
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if res != nil || !diags.HasErrors() {
		t.Fatalf("want an error, got %v", diags)
	}
	text := ""
	for _, d := range diags {
		text += d.String() + "\n"
	}
	for _, want := range []string{"index.md:3:10: error: status", "index.md:6:1: warning: link to \"javascript:alert(1)\""} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, text)
		}
	}
}

// TestBrokenLayoutLinkIsAnError checks the links that layouts write, read
// from each page as the build makes it.
func TestBrokenLayoutLinkIsAnError(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":      "+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\n",
		"content/cpts/lunel/communes.toml": "communes = [\"34145\"]\n",
		"layouts/partials/footer.html":     `<footer><a href="{{url "/nulle-part/"}}">x</a><a href="{{url "/cpts/"}}#absent">y</a></footer>`,
	})
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if res != nil {
		t.Fatal("want no result")
	}
	var text string
	for _, d := range diags {
		text += d.String() + "\n"
	}
	for _, want := range []string{
		"public/index.html: error: broken link in the built page: /nulle-part/: no file nulle-part/index.html in the output [broken-link]",
		"public/cpts/lunel/index.html: error: broken link in the built page: /cpts/#absent: no id absent in cpts/index.html [broken-link]",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%.2000s", want, text)
		}
	}
}

// TestBuildWarnsOfEveryBodyLikeCheck checks that a build, which parses
// for their links only the bodies render does not convert, reports the
// link warnings `cpts check` reports: of a body rendered, a draft, a CPTS
// outside the scope, a body with an image.
func TestBuildWarnsOfEveryBodyLikeCheck(t *testing.T) {
	news := func(front, body string) string {
		return "+++\n" + front + "\nsummary = \"Essai.\"\n+++\n" + body + "\n"
	}
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":                     "+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\nVoir [a](javascript:alert(1)).\n",
		"content/cpts/lunel/communes.toml":                "communes = [\"34145\"]\n",
		"content/cpts/angers/index.md":                    "+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\nVoir [b](javascript:alert(2)).\n",
		"content/cpts/angers/communes.toml":               "communes = [\"49007\"]\n",
		"content/cpts/lunel/news/2024-05-02-brouillon.md": news("title = \"Brouillon\"\ndate = 2024-05-02\ndraft = true", "Voir [c](javascript:alert(3))."),
		"content/news/2024-05-03-publiee.md":              news("title = \"Publiée\"\ndate = 2024-05-03", "Voir [d](javascript:alert(4))."),
		"content/news/2024-05-04-image.md":                news("title = \"Image\"\ndate = 2024-05-04", "![Carte](https://example.org/x.png) et [e](javascript:alert(5))."),
	})
	fsys["config.toml"].Data = append(fsys["config.toml"].Data, "[scope]\ndepartements = [\"34\"]\ndirectory_url = \"https://example.org/\"\n"...)
	warnings := func(diags diag.List) []string {
		var out []string
		for _, d := range diags {
			if d.Severity == diag.Warning && strings.Contains(d.Msg, "link to \"javascript:") {
				out = append(out, d.String())
			}
		}
		return out
	}
	site, diags := load.Site(fsys, load.Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	want := warnings(build.ValidateFS(site, table(t), build.Files{Site: fsys, Theme: themes.Default()}))
	if len(want) != 5 {
		t.Fatalf("check gives %d link warnings, want 5: %v", len(want), want)
	}
	_, diags = build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if got := warnings(diags); !slices.Equal(got, want) {
		t.Errorf("build warns\n%s\ncheck warns\n%s\n(all of the build: %v)", strings.Join(got, "\n"), strings.Join(want, "\n"), diags)
	}
}

// TestBuildSaysWhichDraftsItLeftOut: a draft is published only with
// Drafts, and the summary counts the drafts a build left out.
func TestBuildSaysWhichDraftsItLeftOut(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":                     "+++\nname = \"L\"\n+++\n",
		"content/cpts/lunel/communes.toml":                "communes = [\"34145\"]\n",
		"content/cpts/lunel/news/2024-05-02-brouillon.md": "+++\ntitle = \"Brouillon\"\ndate = 2024-05-02\ndraft = true\n+++\nTexte.\n",
	})
	for _, drafts := range []bool{false, true} {
		res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), Drafts: drafts})
		if res == nil {
			t.Fatal(diags)
		}
		page, shown := res.Files.Get("cpts/lunel/actualites/brouillon/index.html")
		said := strings.Contains(res.Summary(), "1 draft left out")
		if shown != drafts || said == drafts {
			t.Errorf("drafts %v: page published %v, summary says it was left out %v", drafts, shown, said)
		}
		if drafts && !strings.Contains(string(page), "Brouillon : cette actualité n’est pas publiée") {
			t.Errorf("the draft's page does not say it is one")
		}
	}
}

// TestBuildSaysWhichDatedNewsItLeftOut: the summary counts the news a
// build at a date left out as dated after it or expired, not those it
// published.
func TestBuildSaysWhichDatedNewsItLeftOut(t *testing.T) {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":                   "+++\nname = \"L\"\n+++\n",
		"content/cpts/lunel/communes.toml":              "communes = [\"34145\"]\n",
		"content/cpts/lunel/news/2024-05-02-publie.md":  "+++\ntitle = \"Publiée\"\ndate = 2024-05-02\n+++\nTexte.\n",
		"content/cpts/lunel/news/2024-06-02-avenir.md":  "+++\ntitle = \"À venir\"\ndate = 2024-06-02\n+++\nTexte.\n",
		"content/cpts/lunel/news/2024-06-03-avenir2.md": "+++\ntitle = \"À venir aussi\"\ndate = 2024-06-03\n+++\nTexte.\n",
		"content/cpts/lunel/news/2024-04-01-expire.md":  "+++\ntitle = \"Expirée\"\ndate = 2024-04-01\nexpires = 2024-05-01\n+++\nTexte.\n",
	})
	now := time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC)
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), Now: now})
	if res == nil {
		t.Fatal(diags)
	}
	sum := res.Summary()
	for _, want := range []string{"2 news items dated after today left out", "1 expired news item left out"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q:\n%s", want, sum)
		}
	}
	if strings.Contains(sum, "draft") {
		t.Errorf("summary counts drafts where there are none:\n%s", sum)
	}
}
