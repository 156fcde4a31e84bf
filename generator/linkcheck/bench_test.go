package linkcheck_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/output"
)

// The pages of testdata/site.txtar come from the sample site, as the
// build writes them (go run ./cmd/cpts build -d DIR); its file "others"
// lists the other files they link to.
const (
	communePage = "communes/34154/index.html"
	communeCode = "34154"
)

// benchSite returns the pages of testdata/site.txtar, the commune page
// repeated n times under codes of its own (the bulk of a national build:
// one page per commune), and a set holding every page and the files they
// link to.
func benchSite(b *testing.B, n int) ([]output.File, *output.Set) {
	ar, err := txtar.ParseFile(filepath.Join("testdata", "site.txtar"))
	if err != nil {
		b.Fatal(err)
	}
	files := output.NewSet()
	var pages []output.File
	for _, f := range ar.Files {
		if f.Name == "others" {
			for _, p := range strings.Fields(string(f.Data)) {
				if err := files.Add(p, nil); err != nil {
					b.Fatal(err)
				}
			}
			continue
		}
		pages = append(pages, output.File{Path: f.Name, Data: f.Data})
		if f.Name != communePage {
			continue
		}
		for i := range n {
			code := fmt.Sprintf("%05d", 40000+i)
			pages = append(pages, output.File{
				Path: strings.ReplaceAll(f.Name, communeCode, code),
				Data: bytes.ReplaceAll(f.Data, []byte(communeCode), []byte(code)),
			})
		}
	}
	for _, pg := range pages {
		if err := files.Add(pg.Path, pg.Data); err != nil {
			b.Fatal(err)
		}
	}
	return pages, files
}

// meanSize returns the mean size of pages.
func meanSize(pages []output.File) int64 {
	var n int
	for _, pg := range pages {
		n += len(pg.Data)
	}
	return int64(n / len(pages))
}

// BenchmarkAdd adds one page per operation; every len(pages) pages, to
// a new collector, so that the links of the commune pages are new to it
// as they are in a build.
func BenchmarkAdd(b *testing.B) {
	pages, _ := benchSite(b, 1000)
	b.Run("serial", func(b *testing.B) {
		b.SetBytes(meanSize(pages))
		b.ReportAllocs()
		var c *linkcheck.Collector
		for i := 0; b.Loop(); i++ {
			if i%len(pages) == 0 {
				c = linkcheck.NewCollector()
			}
			pg := pages[i%len(pages)]
			c.Add(pg.Path, pg.Data)
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.SetBytes(meanSize(pages))
		b.ReportAllocs()
		collectors := make([]*linkcheck.Collector, b.N/len(pages)+1)
		for i := range collectors {
			collectors[i] = linkcheck.NewCollector()
		}
		var next atomic.Int64
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := int(next.Add(1) - 1)
				pg := pages[i%len(pages)]
				collectors[i/len(pages)].Add(pg.Path, pg.Data)
			}
		})
	})
}

// BenchmarkCheck checks a site of 5,000 commune pages and a few others,
// none of them broken.
func BenchmarkCheck(b *testing.B) {
	pages, files := benchSite(b, 5000)
	c := linkcheck.NewCollector()
	for _, pg := range pages {
		c.Add(pg.Path, pg.Data)
	}
	if broken := c.Check(files, "https://example.org/"); len(broken) > 0 {
		b.Fatalf("%d broken links, the first: %s", len(broken), broken[0])
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Check(files, "https://example.org/")
	}
}
