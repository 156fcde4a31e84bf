package build_test

import (
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/output"
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
// reports the time of each stage as <stage>-ms/op, the peak heap, the
// pages and the output size:
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
			stop := peakHeap()
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
			b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(pages), "pages")
			b.ReportMetric(float64(out)/(1<<20), "out-MiB")
		})
	}
}

// peakHeap samples the heap (live objects and garbage not yet swept) every
// 10 ms until the returned function is called, which returns the largest
// size seen: what the process's peak memory follows.
func peakHeap() (stop func() uint64) {
	done, result := make(chan struct{}), make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		var peak uint64
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-done:
				result <- peak
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); return <-result }
}

// benchBuilds holds the built files of each scale, for BenchmarkPublish.
var benchBuilds sync.Map // scale name -> func() *output.Set

// BenchmarkPublish times the write stage that `cpts build` runs after
// build.Run: output.Publish of the built files into a staging folder and
// the swap into place. "new" publishes into an empty destination; "replace"
// into one that holds the previous build, which is then deleted (what a
// rebuild does).
func BenchmarkPublish(b *testing.B) {
	for _, name := range []string{"small", "national"} {
		in := func(b *testing.B) *output.Set {
			f, _ := benchBuilds.LoadOrStore(name, sync.OnceValue(func() *output.Set {
				in := benchCorpus(b, name)
				res, diags := build.Run(build.Options{Source: in.corpus.FS(), Theme: themes.Default(), Geo: in.table})
				if res == nil {
					b.Fatalf("build failed: %d diagnostics", len(diags))
				}
				return res.Files
			}))
			files := f.(func() *output.Set)()
			b.SetBytes(files.Bytes())
			b.ReportAllocs()
			return files
		}
		b.Run(name+"/new", func(b *testing.B) {
			files := in(b)
			for b.Loop() {
				b.StopTimer()
				dest := filepath.Join(b.TempDir(), "public")
				b.StartTimer()
				if err := output.Publish(files, dest); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/replace", func(b *testing.B) {
			files := in(b)
			for b.Loop() {
				b.StopTimer()
				dest := filepath.Join(b.TempDir(), "public")
				if err := output.Publish(files, dest); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := output.Publish(files, dest); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
