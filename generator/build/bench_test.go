package build_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/themes"
)

// benchInput is a generated corpus and the table it was made from.
type benchInput struct {
	corpus *corpus.Corpus
	table  *geo.Table
}

// benchInputs holds one input per scale, generated once per benchmark
// process, on first use (national-x4 takes a few seconds and 300 MB).
var benchInputs sync.Map // scale name -> func() (benchInput, error)

func benchCorpus(b *testing.B, name string) benchInput {
	b.Helper()
	f, _ := benchInputs.LoadOrStore(name, sync.OnceValues(func() (benchInput, error) {
		scale, ok := corpus.ScaleByName(name)
		if !ok {
			b.Fatalf("unknown scale %q", name)
		}
		table, err := geo.Load()
		if err != nil {
			return benchInput{}, err
		}
		c, err := corpus.Generate(table, scale)
		return benchInput{c, table}, err
	}))
	in, err := f.(func() (benchInput, error))()
	if err != nil {
		b.Fatal(err)
	}
	return in
}

// BenchmarkBuild runs a whole build in memory (load, validate, render,
// links, minify; not the write to disk) on the synthetic corpus, and
// reports the time of each stage as <stage>-ms/op, the pages and the
// output size:
//
//	go test ./generator/build -run '^$' -bench 'Build/national$' -benchtime 1x -count 5
//
// national-x2 and national-x4 have 2× and 4× the news of national, to
// show how the cost grows with content.
func BenchmarkBuild(b *testing.B) {
	for _, name := range []string{"small", "national", "national-x2", "national-x4"} {
		b.Run(name, func(b *testing.B) {
			in := benchCorpus(b, name)
			opts := build.Options{Source: in.corpus.FS(), Theme: themes.Default(), Geo: in.table}
			b.SetBytes(in.corpus.Stats.Bytes)
			b.ReportAllocs()
			stages := map[string]time.Duration{}
			var order []string
			var pages int
			var out int64
			for b.Loop() {
				res, diags := build.Run(opts)
				if res == nil {
					b.Fatalf("build failed: %d diagnostics, first: %v", len(diags), diags[0])
				}
				for _, s := range res.Stages {
					if _, ok := stages[s.Name]; !ok {
						order = append(order, s.Name)
					}
					stages[s.Name] += s.Duration
				}
				pages, out = res.Pages(), res.Files.Bytes()
			}
			for _, s := range order {
				b.ReportMetric(float64(stages[s].Microseconds())/1000/float64(b.N), strings.ToLower(s)+"-ms/op")
			}
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(out)/(1<<20), "out-MiB")
		})
	}
}
