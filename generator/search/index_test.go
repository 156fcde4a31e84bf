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
	site := testSite(t)
	opts := Options{HasPage: testPages(site), Label: themeLabels(t), ShardBytes: testShardBytes}
	files := indexFiles(site, opts)
	docs, _ := collect(site, opts)
	news := len(docs) - kinds(docs)[KindNews]
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
	for _, sub := range []struct {
		name, hash string
		keys       func(string) bool // of its shards
	}{
		{"typos", m.Typos, func(k string) bool { return strings.HasPrefix(k, TypoMark) }}, // the deletion terms
		{"codes", m.Codes, digit},
		{"prose", m.Prose, func(k string) bool { return strings.HasPrefix(k, ProseMark) }}, // the stems of prose alone
	} {
		if sub.hash == "" {
			t.Errorf("the manifest lists no %s file", sub.name)
			continue
		}
		var f mapFile
		check("../"+sub.name, sub.hash)
		if err := json.Unmarshal(byPath["search/"+sub.name+"."+sub.hash+".json"], &f); err != nil {
			t.Fatal(err)
		}
		checkMap(f.shardMap)
		for _, r := range f.Ranges {
			if !sub.keys(r[0]) {
				t.Errorf("the map of %s lists %s", sub.name, r[0])
			}
		}
		for _, r := range m.Ranges {
			if sub.keys(r[0]) {
				t.Errorf("the manifest lists the shard %s, of the map of %s", r[0], sub.name)
			}
		}
		for k := range m.Split {
			if sub.keys(k) {
				t.Errorf("the manifest lists the split shard %s, of the map of %s", k, sub.name)
			}
		}
	}
	if d := m.Docs; d != nil {
		// Each group of chunks is named by the hash of its contents
		// together; every record has its chunk.
		for _, series := range []struct {
			name   string
			hashes []string
			count  int // records
		}{{"m", d.MissionHashes, d.News - d.First}, {"n", d.NewsHashes, news}} {
			chunks := (series.count + d.Size - 1) / d.Size
			if want := (chunks + d.Group - 1) / d.Group; len(series.hashes) != want {
				t.Errorf("series %s: %d hashes for %d chunks of %d records, want %d", series.name, len(series.hashes), chunks, series.count, want)
				continue
			}
			for g, hash := range series.hashes {
				var group [][]byte
				for n := g * d.Group; n < min((g+1)*d.Group, chunks); n++ {
					p := fmt.Sprintf("search/d/%s%d.%s.json", series.name, n, hash)
					data, ok := byPath[p]
					if !ok {
						t.Errorf("%s is listed, not written", p)
					}
					group = append(group, data)
					listed[p] = true
				}
				if h := chunksHash(group); h != hash {
					t.Errorf("series %s, group %d: named %s, its chunks hash to %s", series.name, g, hash, h)
				}
			}
		}
	}
	for p := range byPath {
		if !listed[p] {
			t.Errorf("%s is written but not listed", p)
		}
	}
}

// The build minifies JSON after naming the shards: minifying them must
// change nothing, or their names would not be their content's hash (and
// numbers must keep their spelling: 1000, not 1e3).
func TestMinifyKeepsIndexFiles(t *testing.T) {
	m := output.NewMinifier()
	for _, f := range testIndex(t) {
		got, err := m.Minify(f.Path, bytes.Clone(f.Data)) // it may write over its input
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

// typedBudget is the most a query typed letter by letter may fetch,
// gzip-compressed, search.js included, with a page for every commune
// (issue #23). tests/search/browser.test.js checks the same in Chromium.
const typedBudget = 25 << 10

// typedQueries are queries people type, one letter after the other: a
// name of several words, particles, a split shard, an arrondissement, a
// profession and a place.
var typedQueries = []string{"lion d angers", "saint laurent d aigouze", "villefranche sur saone",
	"marseille 13e", "aix en provence", "montfaucon", "infirmier gourdon", "kine lunel", "lunel", "34400"}

// clientBytes returns the size of search.js as the build serves it:
// minified, then gzip-compressed.
func clientBytes(t *testing.T) int {
	data, err := os.ReadFile("../../themes/default/static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	min, err := output.NewMinifier().Minify("search.js", data)
	if err != nil {
		t.Fatal(err)
	}
	return gzipLen(min)
}

// A word typed letter by letter fits the budget whatever the word, with a
// page for every commune: search.js, the manifest, the longest chain of
// split shards and the largest shard, of names or of codes (whose map is
// fetched then).
func TestShardAndManifestSizes(t *testing.T) {
	site := testSite(t)
	files := indexFiles(site, Options{Label: themeLabels(t)})
	size := map[string]int{}
	data := map[string][]byte{}
	for _, f := range files {
		size[f.Path], data[f.Path] = gzipLen(f.Data), f.Data
	}
	var m manifest
	var codes mapFile
	codesPath := ""
	err := json.Unmarshal(data[ManifestPath], &m)
	if err == nil {
		codesPath = "search/codes." + m.Codes + ".json"
		err = json.Unmarshal(data[codesPath], &codes)
	}
	if err != nil {
		t.Fatal(err)
	}
	js := clientBytes(t)
	for _, c := range []struct {
		name string
		m    shardMap
		base int // search.js, the manifest, and the map of codes for codes
	}{
		{"names", m.shardMap, js + size[ManifestPath]},
		{"codes", codes.shardMap, js + size[ManifestPath] + size[codesPath]},
	} {
		chain, deepest := 0, ""
		for key := range c.m.Split {
			n := 0
			for i := 2; i <= len(key); i++ {
				if h, ok := c.m.Split[key[:i]]; ok {
					n += size["search/s/"+key[:i]+"."+h+".json"]
				}
			}
			if n > chain || n == chain && key < deepest {
				chain, deepest = n, key
			}
		}
		largest, which := 0, ""
		for _, r := range c.m.Ranges {
			if n := size["search/s/"+r[0]+"."+r[1]+".json"]; n > largest {
				largest, which = n, r[0]
			}
		}
		total := c.base + chain + largest
		t.Logf("%s: %d bytes gzip-compressed: %d for search.js and the maps, %d for the split shards of %q, %d for the shard %q",
			c.name, total, c.base, chain, deepest, largest, which)
		if total > typedBudget {
			t.Errorf("%s: a word can fetch %d bytes, over %d", c.name, total, typedBudget)
		}
	}
}

// Every query of typedQueries, typed letter by letter, fetches at most
// typedBudget bytes gzip-compressed, search.js included.
func TestTypedQueriesStayWithinBudget(t *testing.T) {
	site := testSite(t)
	files := indexFiles(site, Options{Label: themeLabels(t)})
	js := clientBytes(t)
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath[f.Path] = f.Data
	}
	for _, q := range typedQueries {
		total := js
		var fetched []string
		s, err := Open(func(p string) ([]byte, error) {
			data, ok := byPath[p]
			if !ok {
				return nil, os.ErrNotExist
			}
			n := gzipLen(data)
			total += n
			fetched = append(fetched, fmt.Sprintf("%s %d", path.Base(p), n))
			return data, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range q {
			// Typed faster than RecordsDelay: only the last query
			// fetches chunks of prose records, as in search.js.
			if _, err := s.search(q[:i+1], i == len(q)-1); err != nil {
				t.Fatalf("%q: %v", q[:i+1], err)
			}
		}
		t.Logf("%-24s %5.1f KB: search.js %d, %s", q, float64(total)/1024, js, strings.Join(fetched, ", "))
		if total > typedBudget {
			t.Errorf("%q typed letter by letter fetches %d bytes gzip-compressed, search.js included, over %d", q, total, typedBudget)
		}
	}
}

// Every commune is found first by its name and INSEE code, from the shard
// its name chooses. A seventh of them, and all those of the Gard, are
// tried: all would take a minute.
func TestEveryCommuneIsFoundByNameAndCode(t *testing.T) {
	site := testSite(t)
	s := searcher(t, indexFiles(site, Options{HasPage: testPages(site)}))
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
	s := searcher(t, indexFiles(site, Options{HasPage: testPages(site)}))
	for q, want := range map[string]string{
		"30276": "/communes/30276/",        // Gard: pages
		"69264": "/departements/#ailleurs", // Villefranche-sur-Saône: no page, nor for the Rhône: outside the directory
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
	p, _, _, _, _ := s.fileFor("aigouze")
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
// commune (about 35,000) and reports its size: "fresh" makes the trie
// every time, "same" reuses that of the same documents (reuseOrBuild).
func BenchmarkIndex(b *testing.B) {
	site := testSite(b)
	opts := Options{Label: themeLabels(b)}
	for _, fresh := range []bool{true, false} {
		name := map[bool]string{true: "fresh", false: "same"}[fresh]
		b.Run(name, func(b *testing.B) {
			var st Stats
			var files []output.File
			b.ReportAllocs()
			for b.Loop() {
				if fresh {
					forgetBuilt()
				}
				files, st = Index(site, opts)
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
		})
	}
}
