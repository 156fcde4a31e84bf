package search

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/output"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestIndexIsDeterministic(t *testing.T) {
	a, b := testIndex(t), testIndex(t)
	if len(a) != len(b) {
		t.Fatalf("two builds give %d and %d files", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Fatalf("two builds differ at %s", a[i].Path)
		}
	}
}

func TestManifestListsEveryShardUnderItsContentHash(t *testing.T) {
	files := testIndex(t)
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	var m manifest
	if err := json.Unmarshal(byPath[ManifestPath], &m); err != nil {
		t.Fatal(err)
	}
	if m.Version != FormatVersion {
		t.Errorf("manifest version %d, want %d", m.Version, FormatVersion)
	}
	listed := map[string]bool{ManifestPath: true}
	check := func(key, hash string) {
		name := path.Clean("search/s/" + key + ".json")
		p := strings.TrimSuffix(name, ".json") + "." + hash + ".json"
		data, ok := byPath[p]
		if !ok {
			t.Errorf("manifest lists %s, which is not written", p)
			return
		}
		if want := output.Fingerprint(name, data); want != p {
			t.Errorf("%s: content hash says %s", p, want)
		}
		listed[p] = true
	}
	checkMap := func(sm shardMap) {
		for key, hash := range sm.Split {
			check(key, hash)
		}
		for i, r := range sm.Ranges {
			check(r[0], r[1])
			if i > 0 && sm.Ranges[i-1][0] >= r[0] {
				t.Errorf("ranges not sorted: %s before %s", sm.Ranges[i-1][0], r[0])
			}
		}
	}
	checkMap(m.shardMap)
	if m.ProfessionsFile == "" {
		t.Error("the manifest lists no professions file")
	} else {
		check("../professions", m.ProfessionsFile)
	}
	if m.Typos != "" { // the map of the shards of deletion terms
		var typos typosJSON
		check("../typos", m.Typos)
		if err := json.Unmarshal(byPath["search/typos."+m.Typos+".json"], &typos); err != nil {
			t.Fatal(err)
		}
		checkMap(typos.shardMap)
		for _, r := range typos.Ranges {
			if !strings.HasPrefix(r[0], TypoMark) {
				t.Errorf("the map of deletion terms lists %s", r[0])
			}
		}
	}
	for _, r := range m.Ranges {
		if strings.HasPrefix(r[0], TypoMark) {
			t.Errorf("the manifest lists the deletion terms' shard %s", r[0])
		}
	}
	if m.Docs != "" {
		var ix docsIndex
		check("../docs", m.Docs)
		if err := json.Unmarshal(byPath["search/docs."+m.Docs+".json"], &ix); err != nil {
			t.Fatal(err)
		}
		for n, hash := range ix.Chunks {
			check(fmt.Sprintf("../d/%d", n), hash)
		}
	}
	for p := range byPath {
		if !listed[p] {
			t.Errorf("%s is written but not listed", p)
		}
	}
}

// The build minifies JSON after naming the shards: minifying them must
// change nothing, or their names would not be their content's hash.
func TestMinifyKeepsIndexFiles(t *testing.T) {
	m := output.NewMinifier()
	for _, f := range testIndex(t) {
		got, err := m.Minify(f.Path, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("minifying %s changes it", f.Path)
		}
	}
}

func gzipLen(data []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Len()
}

// The budget of a commune query, cold: the manifest and one shard, gzip
// compressed, stay well under 25 KB with a page for every commune.
func TestShardAndManifestSizes(t *testing.T) {
	site := testSite(t)
	files := Index(site, Options{Label: themeLabels(t)})
	for _, f := range files {
		n := gzipLen(f.Data)
		limit := 16 << 10
		if f.Path == ManifestPath {
			limit = 4 << 10
		}
		if n > limit {
			t.Errorf("%s is %d bytes gzip-compressed, over %d", f.Path, n, limit)
		}
	}
}

// Every commune is found first by its name and INSEE code, from the shard
// its name chooses. A seventh of them, and all those of the Gard, are
// tried: all would take a minute.
func TestEveryCommuneIsFoundByNameAndCode(t *testing.T) {
	site := testSite(t)
	s := searcher(t, Index(site, Options{HasPage: testPages(site)}))
	for i, c := range site.Geo.Communes() {
		if i%7 != 0 && c.Departement != "30" {
			continue
		}
		q := c.Name + " " + c.Code
		res, err := s.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) == 0 || res[0].ID != "commune:"+c.Code {
			t.Errorf("%q: first result is not commune:%s: %v", q, c.Code, res)
		}
	}
}

func TestCommunesLinkToTheirPageOnlyWhenItExists(t *testing.T) {
	site := testSite(t)
	s := searcher(t, Index(site, Options{HasPage: testPages(site)}))
	for q, want := range map[string]string{
		"30276": "/communes/30276/", // Gard: pages
		"69264": "/departements/",   // Villefranche-sur-Saône: no page, nor for the Rhône
	} {
		res, _ := s.Search(q)
		if len(res) == 0 || res[0].URL != want {
			t.Errorf("%s: %v, want a link to %s", q, res, want)
		}
	}
}

// TestGolden compares the manifest and the shard of "aigouze" with
// testdata/golden (indented for review); go test -update rewrites them.
func TestGolden(t *testing.T) {
	files := testIndex(t)
	s := searcher(t, files)
	p, _, _, _ := s.fileFor("aigouze")
	for _, name := range []string{ManifestPath, p} {
		var data []byte
		for _, f := range files {
			if f.Path == name {
				data = f.Data
			}
		}
		var buf bytes.Buffer
		if err := json.Indent(&buf, data, "", " "); err != nil {
			t.Fatal(err)
		}
		golden := "testdata/golden/manifest.json"
		if name != ManifestPath {
			golden = "testdata/golden/shard-aigouze.json"
		}
		if *update {
			if err := os.MkdirAll("testdata/golden", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./generator/search -update)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from %s (review, then go test ./generator/search -run TestGolden -update)", name, golden)
		}
	}
}

// BenchmarkIndex builds the index of the test site with a page for every
// commune (about 35,000) and reports its size.
func BenchmarkIndex(b *testing.B) {
	site := testSite(b)
	opts := Options{Label: themeLabels(b)}
	var st Stats
	var files []output.File
	b.ReportAllocs()
	for b.Loop() {
		files, st = IndexStats(site, opts)
	}
	var gz int64
	for _, f := range files {
		gz += int64(gzipLen(f.Data))
	}
	b.SetBytes(st.Bytes)
	b.ReportMetric(float64(st.Bytes), "index-bytes")
	b.ReportMetric(float64(gz), "index-gzip-bytes")
	b.ReportMetric(float64(st.Shards), "shards")
	b.ReportMetric(float64(st.Docs), "docs")
}
