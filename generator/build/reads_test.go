package build_test

import (
	"io/fs"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/sitefs"
	"github.com/cpts-fr/cpts/themes"
)

// recorder is a site's file system that notes every path a build asks
// it for.
type recorder struct {
	fsys  fs.FS
	mu    sync.Mutex
	paths map[string]bool
}

func (r *recorder) note(name string) {
	r.mu.Lock()
	r.paths[name] = true
	r.mu.Unlock()
}

func (r *recorder) Open(name string) (fs.File, error) { r.note(name); return r.fsys.Open(name) }

func (r *recorder) ReadFile(name string) ([]byte, error) {
	r.note(name)
	return fs.ReadFile(r.fsys, name)
}

func (r *recorder) Stat(name string) (fs.FileInfo, error) {
	r.note(name)
	return fs.Stat(r.fsys, name)
}

func (r *recorder) ReadDir(name string) ([]fs.DirEntry, error) {
	r.note(name)
	return fs.ReadDir(r.fsys, name)
}

// TestBuildReadsOnlyWhatItsStampCovers: a build asks the site folder for
// its configuration file and what lies in the folders of sitefs.Read, by
// names that are not hidden, and for nothing else: the stamp that lets
// `cpts build` skip a build of unchanged inputs (package stamp)
// fingerprints exactly those, so a change anywhere a build looks makes
// the next one whole.
func TestBuildReadsOnlyWhatItsStampCovers(t *testing.T) {
	for name, fsys := range map[string]fs.FS{
		"sample": cpts.Sample,
		"images, a layout, a stylesheet and strings": func() fs.FS {
			m := imageSite()
			for p, d := range site(map[string]string{
				"layouts/cpts.html":           "{{define \"main\"}}<h1>{{.Title}}</h1>{{end}}",
				"static/css/site.css":         "body{color:#000}",
				"i18n/fr.toml":                "home = \"Accueil\"\n",
				"content/.brouillon/notes.md": "x",
			}) {
				if p != "config.toml" {
					m[p] = d
				}
			}
			return m
		}(),
	} {
		rec := &recorder{fsys: fsys, paths: map[string]bool{}}
		if res, diags := build.Run(build.Options{Source: rec, Theme: themes.Default(), Geo: table(t)}); res == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		covered := 0
		for p := range rec.paths {
			if p == "config.toml" || readByBuilds(fsys, p) {
				covered++
				continue
			}
			t.Errorf("%s: the build asks for %q, which the stamp does not fingerprint", name, p)
		}
		if covered < 10 {
			t.Errorf("%s: the build asked for %d paths: the recorder misses its reads", name, covered)
		}
	}
}

// readByBuilds reports whether p lies in a folder of sitefs.Read and is
// not a hidden file.
func readByBuilds(fsys fs.FS, p string) bool {
	top, _, _ := strings.Cut(p, "/")
	if info, err := fs.Stat(fsys, p); strings.HasPrefix(path.Base(p), ".") && (err != nil || !info.IsDir()) {
		return false
	}
	for _, root := range sitefs.Read {
		if top == root {
			return path.Clean(p) == p
		}
	}
	return false
}
