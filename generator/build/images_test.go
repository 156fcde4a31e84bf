package build_test

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/images/imagetest"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/themes"
)

// imageSite is a site whose CPTS has a logo and a photo in its text, a
// news bundle with a cover taken by a phone (EXIF with GPS), a draft with
// its own photo, and a photo in static/ shown by a page.
func imageSite() fstest.MapFS {
	fsys := site(map[string]string{
		"content/cpts/lunel/index.md":                     "+++\nname = \"CPTS du Pays de Lunel\"\nstatus = \"projet\"\nsummary = \"s\"\nlogo = \"logo.png\"\n+++\nL'équipe :\n\n![L'équipe réunie](equipe.jpg)\n",
		"content/cpts/lunel/communes.toml":                "communes = [\"34145\"]\n",
		"content/cpts/lunel/contacts.toml":                contact,
		"content/cpts/lunel/news/2024-03-01-ag/index.md":  "+++\ntitle = \"AG\"\ndate = 2024-03-01\ncover = \"salle.jpg\"\ncover_alt = \"La salle pendant le vote\"\n+++\nCompte rendu.\n\n![-](frise.png)\n",
		"content/cpts/lunel/news/2024-04-01-brouillon.md": "+++\ntitle = \"Brouillon\"\ndate = 2024-04-01\ndraft = true\n+++\n![Secret](secret.jpg)\n",
		"content/pages/a-propos.md":                       "+++\ntitle = \"À propos\"\n+++\n![Bannière](/img/banniere.jpg)\n",
	})
	for p, data := range imageSiteImages() {
		fsys[p] = &fstest.MapFile{Data: data}
	}
	return fsys
}

// imageSiteImages are the images of imageSite, made once: the tests that
// build it change its text and records, never the bytes of its images.
var imageSiteImages = sync.OnceValue(func() map[string][]byte {
	return map[string][]byte{
		"content/cpts/lunel/logo.png":                     imagetest.PNG(imagetest.Logo(600, 200)),
		"content/cpts/lunel/equipe.jpg":                   imagetest.JPEG(imagetest.Photo(1200, 900, 2), 90),
		"content/cpts/lunel/news/2024-03-01-ag/salle.jpg": imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(2400, 1800, 1), 90), 6),
		"content/cpts/lunel/news/2024-03-01-ag/frise.png": imagetest.PNG(imagetest.Logo(800, 100)),
		"content/cpts/lunel/news/secret.jpg":              imagetest.JPEG(imagetest.Photo(640, 480, 9), 90),
		"static/img/banniere.jpg":                         imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(900, 300, 3), 90), 1),
	}
})

// TestBuildImages builds a site with photos and a logo: pages show every
// version with its size, no published image keeps metadata (the static
// copy included), a draft's photo is not published, a second build reads
// every image from the cache and the output is identical byte for byte
// to a build without cache.
func TestBuildImages(t *testing.T) {
	fsys := imageSite()
	cache := t.TempDir()
	opts := build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t), ImageCache: cache, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	first, diags := build.Run(opts)
	if first == nil || len(diags) > 0 {
		t.Fatalf("build failed:\n%v", diags)
	}
	if s := first.Images; s.Images != 5 || s.Cached != 0 || s.CacheErr != nil {
		t.Errorf("first build: %+v", s)
	}

	cptsPage := page(t, first.Files, "cpts/lunel/index.html")
	newsPage := page(t, first.Files, "cpts/lunel/actualites/ag/index.html")
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`<div class="logo"><img src="/images/logo-160\.[0-9a-f]{10}\.png" srcset="/images/logo-160\.[0-9a-f]{10}\.png 1x, /images/logo-320\.[0-9a-f]{10}\.png 2x" width="160" height="53" alt="">`),
		regexp.MustCompile(`<img src="/images/equipe-1200\.[0-9a-f]{10}\.jpg" srcset="/images/equipe-480\.[0-9a-f]{10}\.jpg 480w, /images/equipe-960\.[0-9a-f]{10}\.jpg 960w, /images/equipe-1200\.[0-9a-f]{10}\.jpg 1200w" sizes="\(min-width: 48rem\) 46rem, 100vw" width="1200" height="900" alt="L'équipe réunie" loading="lazy" decoding="async">`),
	} {
		if !want.MatchString(cptsPage) {
			t.Errorf("CPTS page lacks %s", want)
		}
	}
	for _, want := range []*regexp.Regexp{
		// The phone photo was stored sideways (orientation 6): 1800×2400.
		regexp.MustCompile(`<figure class="cover"><img src="/images/salle-1600\.[0-9a-f]{10}\.jpg" srcset="[^"]+ 480w, [^"]+ 960w, [^"]+ 1600w" sizes="[^"]+" width="1600" height="2133" alt="La salle pendant le vote" fetchpriority="high"></figure>`),
		regexp.MustCompile(`<img src="/images/frise-800\.[0-9a-f]{10}\.png" srcset="[^"]+" sizes="[^"]+" width="800" height="100" alt="" loading="lazy" decoding="async">`),
	} {
		if !want.MatchString(newsPage) {
			t.Errorf("news page lacks %s", want)
		}
	}
	if p := page(t, first.Files, "index.html"); !strings.Contains(p, `class="card-cover"`) {
		t.Error("the home page's news card has no cover")
	}

	var imagesOut []string
	for _, p := range first.Files.Paths() {
		if !strings.HasSuffix(p, ".jpg") && !strings.HasSuffix(p, ".png") {
			continue
		}
		imagesOut = append(imagesOut, p)
		data, _ := first.Files.Get(p)
		if m := imagetest.Metadata(data); len(m) > 0 {
			t.Errorf("%s keeps metadata: %v", p, m)
		}
		if len(data) > 200<<10 {
			t.Errorf("%s is %d bytes", p, len(data))
		}
		if strings.HasPrefix(p, "images/secret") {
			t.Errorf("the draft's photo is published: %s", p)
		}
	}
	if !first.Files.Has("img/banniere.jpg") {
		t.Error("the static photo is not copied")
	}
	if len(imagesOut) < 12 {
		t.Errorf("only %d images published: %v", len(imagesOut), imagesOut)
	}

	second, _ := build.Run(opts)
	if s := second.Images; s.Cached != s.Images || s.HitRate() != 1 {
		t.Errorf("second build: %d of %d images from the cache", s.Cached, s.Images)
	}
	if !strings.Contains(second.Summary(), "images: 5, 5 from the cache (hit rate 100%); ") {
		t.Errorf("summary:\n%s", second.Summary())
	}
	opts.ImageCache = ""
	third, _ := build.Run(opts)
	if !output.Equal(first.Files, second.Files) || !output.Equal(first.Files, third.Files) {
		t.Error("builds with a fresh cache, a full cache and no cache differ")
	}
	if !strings.Contains(third.Summary(), "cache off") {
		t.Errorf("summary without cache:\n%s", third.Summary())
	}
}

// TestCheckReportsImages: the checks of cpts check (ValidateFS) see a
// missing image and a missing alternative text, and build stops on them.
func TestCheckReportsImages(t *testing.T) {
	fsys := imageSite()
	fsys["content/cpts/lunel/index.md"] = &fstest.MapFile{Data: []byte("+++\nname = \"L\"\nstatus = \"projet\"\nsummary = \"s\"\nlogo = \"logo.svg\"\n+++\n![](equipe.jpg)\n")}
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Geo: table(t)})
	if res != nil {
		t.Fatal("the build went through")
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.Pos.String()+" "+string(d.Code))
	}
	want := "content/cpts/lunel/index.md:5:8 image content/cpts/lunel/index.md:7:1 image-alt"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func page(t *testing.T, files *output.Set, p string) string {
	t.Helper()
	data, ok := files.Get(p)
	if !ok {
		t.Fatalf("no %s", p)
	}
	return string(data)
}
