package render_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

// siteConfig returns the config.toml of the test site plus extra TOML.
func siteConfig(t *testing.T, extra string) map[string]string {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "config.toml" {
			return map[string]string{"config.toml": string(f.Data) + extra}
		}
	}
	t.Fatal("no config.toml in site.txtar")
	return nil
}

var (
	svgMap   = regexp.MustCompile(`<svg [^>]*class="map (map-[a-z]+)" aria-labelledby="([^"]+)-t [^"]+-d"><title id="[^"]+-t">[^<]+</title><desc id="[^"]+-d">[^<]+</desc>`)
	mapFrame = regexp.MustCompile(`<iframe class="map-frame (map-r[0-8])" src="([^"]+)" title="([^"]+)" loading="lazy"></iframe>`)
)

// TestMapsInPages checks that the CPTS, département and commune pages and
// /carte/ carry their map, named, with the links the maps promise, and
// that the location files are written. The commune locator is inline; the
// other maps are documents beside their page, in a frame named like the
// map, styled by the site's stylesheet, their links opening in the page.
func TestMapsInPages(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for path, want := range map[string][]string{
		"cpts/lunel/index.html":      {"map-territory", `<a href="/annuaire/communes/34145/" target="_top" aria-label="Lunel">`},
		"departements/34/index.html": {"map-departement", `<a href="/annuaire/cpts/lunel/" target="_top" aria-label="CPTS du Pays de Lunel">`, `fill="url(#carte-map-blank)"`},
		"communes/34145/index.html":  {"map-locator", `class="map-here"`, `<use href="/annuaire/localisation/34.svg#d"/>`},
		"carte/index.html":           {"map-france", `aria-label="CPTS du Pays de Lunel"`},
	} {
		page, ok := res.Files.Get(path)
		if !ok {
			t.Errorf("no %s", path)
			continue
		}
		svg := page
		if f := mapFrame.FindSubmatch(page); f != nil {
			file := strings.TrimPrefix(string(f[2]), "/annuaire/")
			if svg, ok = res.Files.Get(file); !ok {
				t.Errorf("%s: its map %s is not written", path, f[2])
				continue
			}
			if !bytes.HasPrefix(svg, []byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet type=\"text/css\" href=\"/annuaire/css/site.")) {
				t.Errorf("%s: not an XML document styled by the site's CSS: %.120s", file, svg)
			}
			if m := svgMap.FindSubmatch(svg); m == nil || !bytes.Contains(svg, []byte("<title id=\"carte-t\">"+string(f[3])+"</title>")) {
				t.Errorf("%s: the frame's title %q is not the map's", path, f[3])
			}
			if bytes.Contains(svg, []byte("<a href")) && bytes.Count(svg, []byte("<a href")) != bytes.Count(svg, []byte(`target="_top"`)) {
				t.Errorf("%s: a link that would open in the frame", file)
			}
		} else if want[0] != "map-locator" {
			t.Errorf("%s: no map frame", path)
			continue
		}
		m := svgMap.FindStringSubmatch(string(svg))
		if m == nil || m[1] != want[0] {
			t.Errorf("%s: no named %s map (%v)", path, want[0], m)
			continue
		}
		for _, w := range want[1:] {
			if !strings.Contains(string(svg), w) {
				t.Errorf("%s: no %s", path, w)
			}
		}
	}
	france, _ := res.Files.Get("carte/index.html")
	if !bytes.Contains(france, []byte(`<pattern id="legende-map-st3"`)) || !bytes.Contains(france, []byte(`class="map-swatch"`)) {
		t.Error("/carte/: the legend's swatches do not carry their patterns")
	}
	for _, f := range []string{"localisation/index.json", "localisation/34.json", "localisation/34.svg"} {
		if !res.Files.Has(f) {
			t.Errorf("no %s", f)
		}
	}
	if res.Files.Has("localisation/29.json") {
		t.Error("location file of a département without CPTS nor commune pages")
	}
}

func TestMapsOff(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", siteConfig(t, "[maps]\noff = true\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, p := range res.Files.Paths() {
		data, _ := res.Files.Get(p)
		if strings.HasPrefix(p, "localisation/") || strings.HasPrefix(p, "carte/") || strings.Contains(string(data), `class="map `) {
			t.Errorf("%s: a map, with maps off", p)
		}
	}
}

// TestTileMap checks the optional interactive map: off by default (no
// tile host anywhere), and when a site sets a tile URL, the CSP allows
// that host for images, the CPTS page says where the tiles come from, and
// the territory's GeoJSON is written beside it.
func TestTileMap(t *testing.T) {
	res, _ := renderArchive(t, "site.txtar", nil)
	page, _ := res.Files.Get("cpts/lunel/index.html")
	if strings.Contains(string(page), "data-tilemap") || res.Files.Has("cpts/lunel/territoire.geojson") {
		t.Error("interactive map without [maps] tiles")
	}
	res, diags := renderArchive(t, "site.txtar", siteConfig(t, "[maps]\ntiles = \"https://tuiles.example.net/{z}/{x}/{y}.png\"\ntiles_attribution = \"© Exemple\"\n"+
		"[legal]\npublisher = \"Association Test\"\ndirector = \"La présidence\"\nhost = \"Hébergeur Test\"\n"))
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	page, _ = res.Files.Get("cpts/lunel/index.html")
	for _, want := range []string{
		"img-src &#39;self&#39; data: https://tuiles.example.net;",
		`data-tiles="https://tuiles.example.net/{z}/{x}/{y}.png"`,
		`data-geojson="/annuaire/cpts/lunel/territoire.geojson"`,
		"vient de tuiles.example.net",
		"© Exemple",
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("CPTS page lacks %s", want)
		}
	}
	if !res.Files.Has("cpts/lunel/territoire.geojson") {
		t.Error("no territoire.geojson")
	}
	// The pages that say no third party is called say which one is.
	if a, _ := res.Files.Get("accessibilite/index.html"); !strings.Contains(string(a), "sauf le fond de la carte interactive") {
		t.Error("the accessibility statement still says no third-party service is loaded")
	}
	if l, ok := res.Files.Get("mentions-legales/index.html"); !ok || !strings.Contains(string(l), "sauf le fond de la carte interactive") {
		t.Error("the legal notice still says no resource of another site is loaded")
	}
	if h, _ := res.Files.Get("_headers"); !strings.Contains(string(h), "img-src 'self' data: https://tuiles.example.net;") {
		t.Errorf("_headers does not allow the tile host:\n%s", h)
	}
	_, diags = renderArchive(t, "site.txtar", siteConfig(t, "[maps]\ntiles = \"https://tuiles.example.net/tile.png\"\n"))
	if msg := fmt.Sprint(diags); !diags.HasErrors() || !strings.Contains(msg, "config.toml:") || !strings.Contains(msg, "no {z}") {
		t.Errorf("a tile URL without {z}: %v", diags)
	}
}
