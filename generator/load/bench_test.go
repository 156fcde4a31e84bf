package load_test

import (
	"sync"
	"testing"

	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
)

// corpora holds the generated corpora, one per scale, made once per
// benchmark process.
var corpora sync.Map // scale name -> func() (*corpus.Corpus, error)

func generated(b *testing.B, name string) *corpus.Corpus {
	b.Helper()
	f, _ := corpora.LoadOrStore(name, sync.OnceValues(func() (*corpus.Corpus, error) {
		scale, ok := corpus.ScaleByName(name)
		if !ok {
			b.Fatalf("unknown scale %q", name)
		}
		table, err := geo.Load()
		if err != nil {
			return nil, err
		}
		return corpus.Generate(table, scale)
	}))
	c, err := f.(func() (*corpus.Corpus, error))()
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkLoad reads the synthetic corpus from memory: TOML, front matter
// and Markdown sources of every file, with the per-file checks.
func BenchmarkLoad(b *testing.B) {
	for _, name := range []string{"small", "national"} {
		b.Run(name, func(b *testing.B) {
			c := generated(b, name)
			fsys := c.FS()
			b.SetBytes(c.Stats.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				site, diags := load.Site(fsys, load.Options{})
				if diags.HasErrors() || len(site.CPTS) != c.Stats.CPTS {
					b.Fatalf("load: %d CPTS, %d diagnostics", len(site.CPTS), len(diags))
				}
			}
		})
	}
}
