package images

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/images/imagetest"
	"github.com/cpts-fr/cpts/generator/markup"
	"github.com/cpts-fr/cpts/generator/output"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

// input is a test image and the role it is processed for.
type input struct {
	name string // file name, beside content/cpts/x/index.md
	role Role
	data func() []byte
}

func mustRead(name string) func() []byte {
	return func() []byte {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			panic(err)
		}
		return data
	}
}

// flat is an opaque drawing with few colours, as a screenshot or a chart.
func flat(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 255, 255, 255}
			if (x/40+y/40)%2 == 0 {
				c = color.RGBA{0, 90, 160, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// inputs are the golden cases: a phone photo with GPS data, a turned
// photo, a small photo (never upscaled), logos with transparency, an
// opaque drawing and an opaque photo saved as PNG, WebP files and an SVG.
var inputs = []input{
	{"phone-4000x3000.jpg", Photo, func() []byte { return imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(4000, 3000, 1), 92), 1) }},
	{"turned-1200x800-o6.jpg", Photo, func() []byte { return imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(1200, 800, 2), 90), 6) }},
	{"small-300x200.jpg", Photo, func() []byte { return imagetest.JPEG(imagetest.Photo(300, 200, 3), 90) }},
	{"logo-600x200.png", Logo, func() []byte { return imagetest.PNG(imagetest.Logo(600, 200)) }},
	{"logo-100x40.png", Logo, func() []byte { return imagetest.PNG(imagetest.Logo(100, 40)) }},
	{"chart-1000x600.png", Photo, func() []byte { return imagetest.PNG(flat(1000, 600)) }},
	{"photo-1000x750.png", Photo, func() []byte { return imagetest.PNG(imagetest.Photo(1000, 750, 4)) }},
	{"lossy.webp", Photo, mustRead("lossy.webp")},
	{"alpha.webp", Logo, mustRead("alpha.webp")},
	{"exif.webp", Photo, func() []byte { return imagetest.WebPWithEXIF(mustRead("lossy.webp")(), 150, 103) }},
	{"logo.svg", Logo, func() []byte {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><metadata>` + imagetest.Owner + `</metadata><rect width="300" height="100" fill="#06c"/></svg>`)
	}},
}

var (
	inputsOnce sync.Once
	inputFS    fstest.MapFS
)

// site returns a site holding every input beside content/cpts/x/index.md.
func site() fstest.MapFS {
	inputsOnce.Do(func() {
		inputFS = fstest.MapFS{}
		for _, in := range inputs {
			inputFS["content/cpts/x/"+in.name] = &fstest.MapFile{Data: in.data()}
		}
	})
	return inputFS
}

func refs() []Ref {
	var out []Ref
	for _, in := range inputs {
		out = append(out, Ref{File: "content/cpts/x/index.md", Dest: in.name, Alt: "x", Role: in.role})
	}
	return out
}

var (
	processOnce sync.Once
	processed1  *Set
)

// processAll processes the inputs once for the tests that only read.
func processAll(t *testing.T) *Set {
	t.Helper()
	processOnce.Do(func() {
		set, diags := Process(site(), refs(), Options{})
		if len(diags) > 0 {
			panic(fmt.Sprint(diags))
		}
		processed1 = set
	})
	return processed1
}

// TestGoldenVersions compares the versions of each input (size,
// descriptor, format, bytes) with testdata/golden/versions.txt. Refresh
// with go test ./generator/images -update. Byte counts may move slightly
// with the Go version or the CPU (fused multiply-add in resampling): they
// are compared within 3%.
func TestGoldenVersions(t *testing.T) {
	set := processAll(t)
	var b strings.Builder
	for _, in := range inputs {
		var img markup.Image
		var ok bool
		if in.role == Logo {
			img, ok = set.Logo("content/cpts/x/index.md", in.name)
		} else {
			img, ok = set.Image("content/cpts/x/index.md", in.name)
		}
		if !ok {
			t.Fatalf("%s: not processed", in.name)
		}
		fmt.Fprintf(&b, "%s role=%d attrs=%dx%d src=%s\n", in.name, in.role, img.Width, img.Height, strings.TrimPrefix(versionName(img.Src), Folder))
		versions := img.Srcset
		if len(versions) == 0 {
			versions = []markup.Candidate{{Path: img.Src}}
		}
		for _, c := range versions {
			f := file(t, set, c.Path)
			cfg, format := config(t, f)
			fmt.Fprintf(&b, "  %-5s %-4s %4dx%-4d %7d B\n", c.Descriptor, format, cfg.Width, cfg.Height, len(f))
		}
	}
	got := b.String()
	golden := filepath.Join("testdata", "golden", "versions.txt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !sameWithin(got, string(want), 0.03) {
		t.Errorf("versions differ from %s (go test -update, then review the diff):\n--- got\n%s--- want\n%s", golden, got, want)
	}
}

// versionName drops the content hash of a version's path.
func versionName(p string) string {
	ext := filepath.Ext(p)
	stem := strings.TrimSuffix(p, ext)
	if i := strings.LastIndexByte(stem, '.'); i >= 0 {
		stem = stem[:i]
	}
	return strings.TrimPrefix(stem, "/") + ext
}

// sameWithin compares two golden texts word by word; numbers followed by
// "B" may differ by the fraction tol.
func sameWithin(got, want string, tol float64) bool {
	g, w := strings.Fields(got), strings.Fields(want)
	if len(g) != len(w) {
		return false
	}
	for i := range g {
		if g[i] == w[i] {
			continue
		}
		if i+1 < len(g) && g[i+1] == "B" {
			a, err1 := strconv.Atoi(g[i])
			b, err2 := strconv.Atoi(w[i])
			if err1 == nil && err2 == nil && math.Abs(float64(a-b)) <= tol*float64(b) {
				continue
			}
		}
		return false
	}
	return true
}

func file(t *testing.T, set *Set, p string) []byte {
	t.Helper()
	for _, f := range set.Files {
		if "/"+f.Path == p {
			return f.Data
		}
	}
	t.Fatalf("no file %s in the set", p)
	return nil
}

func config(t *testing.T, data []byte) (image.Config, string) {
	t.Helper()
	if isSVG(data) {
		return image.Config{}, "svg"
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return cfg, format
}

// TestNoMetadataLeaves proves that no output keeps the metadata of the
// sources: EXIF with a GPS position and a camera, XMP, ICC, IPTC,
// comments, PNG text and EXIF chunks, WebP EXIF and XMP, SVG metadata.
func TestNoMetadataLeaves(t *testing.T) {
	fsys := site()
	for _, name := range []string{"phone-4000x3000.jpg", "turned-1200x800-o6.jpg", "logo-600x200.png", "photo-1000x750.png", "exif.webp", "logo.svg"} {
		src := fsys["content/cpts/x/"+name].Data
		if len(imagetest.Metadata(src)) == 0 {
			t.Errorf("source %s carries no metadata: the test proves nothing", name)
		}
	}
	if m := imagetest.Metadata(fsys["content/cpts/x/phone-4000x3000.jpg"].Data); !strings.Contains(strings.Join(m, ","), "JPEG APP1 EXIF") {
		t.Errorf("the phone photo lacks its EXIF block: %v", m)
	}
	set := processAll(t)
	if len(set.Files) < 15 {
		t.Fatalf("only %d files", len(set.Files))
	}
	for _, f := range set.Files {
		if m := imagetest.Metadata(f.Data); len(m) > 0 {
			t.Errorf("%s keeps metadata: %v", f.Path, m)
		}
	}
}

// TestBudget checks the 200 KB budget on a 4000-pixel phone photo at
// the default settings, and on pure noise, the worst case for JPEG.
func TestBudget(t *testing.T) {
	set := processAll(t)
	for _, f := range set.Files {
		if len(f.Data) > DefaultMaxBytes {
			t.Errorf("%s is %d bytes, over the budget of %d", f.Path, len(f.Data), DefaultMaxBytes)
		}
	}
	noise := image.NewRGBA(image.Rect(0, 0, 2000, 1500))
	for i := range noise.Pix {
		noise.Pix[i] = uint8((i*7919 + i/4*104729) >> 3)
		if i%4 == 3 {
			noise.Pix[i] = 255
		}
	}
	fsys := fstest.MapFS{"static/noise.jpg": {Data: imagetest.JPEG(noise, 95)}}
	set, diags := Process(fsys, []Ref{{File: "content/news/x.md", Dest: "/noise.jpg", Alt: "x"}}, Options{})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	for _, f := range set.Files {
		if len(f.Data) > DefaultMaxBytes {
			t.Errorf("%s is %d bytes, over the budget", f.Path, len(f.Data))
		}
	}
}

// TestOrientation turns a photo as its EXIF orientation says: the left
// half (red) of a picture stored sideways (6: turn clockwise) is its top.
func TestOrientation(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for y := 0; y < 200; y++ {
		for x := 0; x < 400; x++ {
			c := color.RGBA{220, 0, 0, 255}
			if x >= 200 {
				c = color.RGBA{0, 0, 220, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	tests := []struct {
		o            int
		w, h         int
		top, bottom  string
		left, right_ string
	}{
		{1, 400, 200, "", "", "red", "blue"},
		{3, 400, 200, "", "", "blue", "red"},
		{6, 200, 400, "red", "blue", "", ""},
		{8, 200, 400, "blue", "red", "", ""},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.o), func(t *testing.T) {
			p, err := process(imagetest.WithMetadata(imagetest.JPEG(img, 90), tt.o), Photo, Options{}.settings())
			if err != nil {
				t.Fatal(err)
			}
			v := p.Versions[len(p.Versions)-1]
			out, _, err := image.Decode(bytes.NewReader(v.Data))
			if err != nil {
				t.Fatal(err)
			}
			if b := out.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Fatalf("size %v, want %dx%d", b.Size(), tt.w, tt.h)
			}
			at := func(x, y int) string {
				r, _, b, _ := out.At(x, y).RGBA()
				if r > b {
					return "red"
				}
				return "blue"
			}
			check := func(where, got, want string) {
				if want != "" && got != want {
					t.Errorf("%s is %s, want %s", where, got, want)
				}
			}
			check("top", at(tt.w/2, 10), tt.top)
			check("bottom", at(tt.w/2, tt.h-10), tt.bottom)
			check("left", at(10, tt.h/2), tt.left)
			check("right", at(tt.w-10, tt.h/2), tt.right_)
		})
	}
}

func TestPhotoWidthsNeverUpscale(t *testing.T) {
	tests := []struct {
		width int
		want  string
	}{
		{4000, "[480 960 1600]"},
		{1600, "[480 960 1600]"},
		{1200, "[480 960 1200]"},
		{1000, "[480 960]"}, // within 15% of 960: no near-duplicate
		{500, "[480]"},
		{300, "[300]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(photoWidths(tt.width, DefaultWidths)); got != tt.want {
			t.Errorf("photoWidths(%d) = %s, want %s", tt.width, got, tt.want)
		}
	}
}

// TestCache processes the same images twice through a cache folder: the
// second run reads every image from it and publishes the same bytes, as
// does a run whose cache folder cannot be written.
func TestCache(t *testing.T) {
	fsys := fstest.MapFS{}
	var rs []Ref
	for _, in := range inputs[1:] { // all but the 4000-pixel photo, for speed
		fsys["content/cpts/x/"+in.name] = site()["content/cpts/x/"+in.name]
		rs = append(rs, Ref{File: "content/cpts/x/index.md", Dest: in.name, Alt: "x", Role: in.role})
	}
	dir := t.TempDir()
	first, _ := Process(fsys, rs, Options{Cache: dir})
	second, _ := Process(fsys, rs, Options{Cache: dir})
	if first.Stats.Cached != 0 || first.Stats.CacheErr != nil {
		t.Errorf("first run: %+v", first.Stats)
	}
	if second.Stats.Cached != second.Stats.Images || second.Stats.HitRate() != 1 {
		t.Errorf("second run: %d of %d images from the cache", second.Stats.Cached, second.Stats.Images)
	}
	if !sameFiles(first.Files, second.Files) {
		t.Error("the cached run publishes other files")
	}

	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	third, diags := Process(fsys, rs, Options{Cache: filepath.Join(blocked, "cache")})
	if len(diags) > 0 || third.Stats.CacheErr == nil {
		t.Errorf("unwritable cache: diags %v, CacheErr %v", diags, third.Stats.CacheErr)
	}
	if !sameFiles(first.Files, third.Files) {
		t.Error("a run without cache publishes other files")
	}

	// A damaged entry is processed again, not published.
	entries, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if len(entries) == 0 {
		t.Fatal("no cache entry")
	}
	for _, e := range entries {
		data, _ := os.ReadFile(e)
		os.WriteFile(e, bytes.Replace(data, []byte(`"Data":"`), []byte(`"Data":"AAAA`), 1), 0o644)
	}
	fourth, _ := Process(fsys, rs, Options{Cache: dir})
	if fourth.Stats.Cached != 0 || !sameFiles(first.Files, fourth.Files) {
		t.Errorf("damaged cache: %d from the cache, same files %v", fourth.Stats.Cached, sameFiles(first.Files, fourth.Files))
	}
}

func sameFiles(a, b []output.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

// TestNamesAreContentHashed: a version's name carries a hash of its
// bytes, and one file used twice is published once.
func TestNamesAreContentHashed(t *testing.T) {
	set := processAll(t)
	for _, f := range set.Files {
		if want := output.Fingerprint(versionName("/"+f.Path), f.Data); want != f.Path {
			t.Errorf("%s should be named %s", f.Path, want)
		}
	}
	fsys := fstest.MapFS{"content/a/logo.svg": site()["content/cpts/x/logo.svg"], "static/logo.svg": site()["content/cpts/x/logo.svg"]}
	twice, _ := Process(fsys, []Ref{
		{File: "content/a/index.md", Dest: "logo.svg", Alt: "-", Role: Logo},
		{File: "content/b/index.md", Dest: "/logo.svg", Alt: "-", Role: Logo},
		{File: "content/a/index.md", Dest: "./logo.svg?v=2", Alt: "-", Role: Logo},
	}, Options{})
	if len(twice.Files) != 1 || twice.Stats.Images != 2 {
		t.Errorf("files %d, images %d; want 1 file for 2 images", len(twice.Files), twice.Stats.Images)
	}
}

func BenchmarkProcessPhoto(b *testing.B) {
	data := imagetest.WithMetadata(imagetest.JPEG(imagetest.Photo(4000, 3000, 1), 92), 1)
	s := Options{}.settings()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := process(data, Photo, s); err != nil {
			b.Fatal(err)
		}
	}
}
