package build_test

import (
	"context"
	"io/fs"
	"path"
	"path/filepath"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/diag"
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

// editedFS serves one file with new contents over a site: the benchmarks
// edit a news item without copying the corpus.
type editedFS struct {
	fs.FS
	path string
	data []byte
}

func (e *editedFS) Open(name string) (fs.File, error) {
	if name == e.path && e.data == nil { // deleted
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	if name == e.path {
		return fstest.MapFS{name: {Data: e.data, Mode: 0o644}}.Open(name)
	}
	return e.FS.Open(name)
}

// ReadDir keeps the folder index of the corpus file system, with the
// edited file added when the corpus does not have it (a layout of the
// site over the theme's).
func (e *editedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(e.FS, name)
	if e.data == nil || path.Dir(e.path) != name {
		return entries, err
	}
	for _, d := range entries {
		if d.Name() == path.Base(e.path) {
			return entries, nil
		}
	}
	added, _ := fs.ReadDir(fstest.MapFS{e.path: {Data: e.data, Mode: 0o644}}, name)
	return append(entries, added...), nil
}

// middleNews returns the news file in the middle of the sorted news files
// of CPTS: a typical item, neither on the first list page nor the last.
func middleNews(c *corpus.Corpus) string {
	var news []string
	for _, p := range c.Paths() {
		if strings.HasPrefix(p, "content/cpts/") && strings.Contains(p, "/news/") && strings.HasSuffix(p, ".md") {
			news = append(news, p)
		}
	}
	return news[len(news)/2]
}

// middleMembers returns the members.toml of the CPTS in the middle of the
// corpus's CPTS that have one.
func middleMembers(c *corpus.Corpus) string {
	var files []string
	for _, p := range c.Paths() {
		if strings.HasPrefix(p, "content/cpts/") && strings.HasSuffix(p, "/members.toml") {
			files = append(files, p)
		}
	}
	return files[len(files)/2]
}

// BenchmarkIncremental times what `cpts serve` does after one news file is
// saved: build.Incremental with the dev server's options (drafts, no
// minifying), on top of the previous result. In "edit", each operation
// changes the title, so the pages that show it change; in "deleted-added",
// operations delete the file and add it back in turn (lists shift, pages
// go and come back); in "members", the counts of a CPTS's members.toml
// change (its page, the open data and the search index are made again);
// in "contacts", the first email of its contacts.toml (its card on the
// pages of its communes too);
// in "communes", its communes.toml loses its last commune, then gets it
// back (what shows the territory, the open data and the search index);
// in "name", the name in its index.md (its cards, the pages of its
// communes, the maps, the news lists that show its items...);
// in "layout", the site's layouts/cpts.html changes over the theme's (the
// pages of every CPTS are made again); in "stylesheet", its
// static/css/site.css (copied alone: serve keeps the names of assets); in
// "partial", the site's layouts/partials/footer.html (every file render
// makes is made again); in "partial-open", the same with the page of the
// CPTS open in a browser (that page first, the others by Complete); in
// "stray", a notes.txt in its folder, saved then deleted (nothing made,
// a warning); in "static-added-deleted", a file of static/ that no page
// names, added (copied) then deleted (every file searched for its name,
// the pages holding a percent-escape read for links to it).
// It reports how many files the rebuild rendered, and the time the server
// then takes to complete it (the search index and the sitemap, made after
// the page has reloaded: complete-ms/op, outside ns/op). The end-to-end figure, from the file write to the
// reload event, is BenchmarkServeEdit in generator/server.
//
//	go test ./generator/build -run '^$' -bench 'Incremental/national$' -count 5
func BenchmarkIncremental(b *testing.B) {
	for _, name := range []string{"small", "national"} {
		b.Run(name, func(b *testing.B) {
			in := benchCorpus(b, name)
			p := middleNews(in.corpus)
			src := &editedFS{FS: in.corpus.FS(), path: p, data: in.corpus.Files[p]}
			opts := build.Options{Source: src, Theme: themes.Default(), Geo: in.table, NoMinify: true, Drafts: true, StableAssets: true,
				DeferIndex: true, Now: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)}
			prev, diags := build.Run(opts)
			if prev == nil {
				b.Fatalf("build failed: %d diagnostics, first: %v", len(diags), diags[0])
			}
			original := string(in.corpus.Files[p])
			i := strings.Index(original, "\ntitle = ")
			j := i + 1 + strings.Index(original[i+1:], "\n")
			if i < 0 || j <= i {
				b.Fatalf("%s has no title line", p)
			}
			members := middleMembers(in.corpus)
			layout, err := fs.ReadFile(themes.Default(), "layouts/cpts.html")
			if err != nil {
				b.Fatal(err)
			}
			sheet, err := fs.ReadFile(themes.Default(), "static/css/site.css")
			if err != nil {
				b.Fatal(err)
			}
			footer, err := fs.ReadFile(themes.Default(), "layouts/partials/footer.html")
			if err != nil {
				b.Fatal(err)
			}
			contacts := strings.Replace(members, "members.toml", "contacts.toml", 1)
			communes := strings.Replace(members, "members.toml", "communes.toml", 1)
			index := strings.Replace(members, "members.toml", "index.md", 1)
			stray := strings.Replace(members, "members.toml", "notes.txt", 1)
			for _, kind := range []string{"edit", "deleted-added", "members", "contacts", "communes", "name", "layout", "stylesheet", "partial", "partial-open", "stray", "static-added-deleted"} {
				b.Run(kind, func(b *testing.B) {
					edited, text := p, original
					opts := opts
					switch kind {
					case "partial", "partial-open":
						edited, text = "layouts/partials/footer.html", string(footer)
						if kind == "partial-open" {
							opts.Open = []string{"/" + strings.TrimPrefix(path.Dir(index), "content/") + "/"}
						}
					case "members":
						edited, text = members, string(in.corpus.Files[members])
					case "contacts":
						edited, text = contacts, string(in.corpus.Files[contacts])
					case "communes":
						edited, text = communes, string(in.corpus.Files[communes])
					case "name":
						edited, text = index, string(in.corpus.Files[index])
					case "layout":
						edited, text = "layouts/cpts.html", string(layout)
					case "stylesheet":
						edited, text = "static/css/site.css", string(sheet)
					case "stray": // a file the content model does not read, saved then deleted
						edited, text = stray, "Notes de réunion.\n"
					case "static-added-deleted": // a file of static/, added then deleted (no page names it)
						edited, text = "static/docs/zq-annexe.pdf", "%PDF-1.4 annexe"
					}
					if edited != p {
						src.path = edited
						defer func() { src.path, src.data = p, []byte(original) }()
					}
					b.ReportAllocs()
					rendered := 0
					n := 0
					var completing time.Duration
					for b.Loop() {
						n++
						switch {
						case kind == "contacts": // the CPTS's card on the pages of its communes changes
							src.data = []byte(strings.Replace(text, "email = \"", "email = \"relu-"+strconv.Itoa(n)+".", 1))
						case kind == "members": // counts change: the page, the open data and the index do
							src.data = []byte(strings.Replace(text, "count = ", "count = "+strconv.Itoa(n%9+1), 1))
						case kind == "communes": // the territory loses its last commune, then gets it back
							src.data = []byte(text)
							if n%2 == 1 {
								src.data = []byte(withoutLastCommune(text))
							}
						case kind == "name": // what many other pages show
							src.data = []byte(strings.Replace(text, "\nname = \"", "\nname = \"Relu "+strconv.Itoa(n)+" ", 1))
						case kind == "stylesheet":
							src.data = []byte(text + "\n.relu-" + strconv.Itoa(n) + " { color: #123456; }\n")
						case kind == "layout":
							src.data = []byte(strings.Replace(text, `{{define "main"}}`, `{{define "main"}}<p>Relu `+strconv.Itoa(n)+`</p>`, 1))
						case kind == "partial" || kind == "partial-open":
							src.data = []byte(strings.Replace(text, `<footer class="site-footer">`, `<footer class="site-footer"><p>Relu `+strconv.Itoa(n)+`</p>`, 1))
						case kind == "edit":
							src.data = []byte(original[:i] + "\ntitle = \"Titre modifié " + strconv.Itoa(n) + "\"" + original[j:])
						case kind == "stray" || kind == "static-added-deleted":
							src.data = nil
							if n%2 == 1 {
								src.data = []byte(text)
							}
						case n%2 == 1:
							src.data = nil
						default:
							src.data = []byte(original)
						}
						var res *build.Result
						var diags diag.List
						var ok bool
						// The label marks the samples of the rebuild in a CPU profile
						// (pprof -tagfocus op=incremental), goroutines included.
						pprof.Do(context.Background(), pprof.Labels("op", "incremental"), func(context.Context) {
							res, diags, ok = build.Incremental(prev, opts, []string{edited})
						})
						if !ok || res == nil {
							b.Fatalf("incremental build: ok=%v, %v", ok, diags)
						}
						rendered += res.Rendered
						prev = res
						// What the server does once the page has reloaded: the
						// search index and the sitemap, timed apart.
						b.StopTimer()
						start := time.Now()
						if d := res.Complete(); d.HasErrors() {
							b.Fatal(d)
						}
						completing += time.Since(start)
						b.StartTimer()
					}
					b.ReportMetric(float64(rendered)/float64(n), "files/op")
					b.ReportMetric(float64(completing.Milliseconds())/float64(n), "complete-ms/op")
				})
			}
		})
	}
}

// withoutLastCommune takes the last line of the list of communes out of
// the text of a communes.toml of the corpus.
func withoutLastCommune(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(strings.TrimSpace(l), "]") {
			return strings.Join(slices.Concat(lines[:i-1], lines[i:]), "")
		}
	}
	return text
}
