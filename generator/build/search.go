package build

import (
	"io/fs"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/scope"
	"github.com/cpts-fr/cpts/generator/search"
)

// indexRun builds the search index (package search) while the pages are
// rendered. The index links only to pages the site has; before they are
// rendered, render.Planned says which those will be. Every answer it gave
// is recorded, and checked against the rendered files by add: if one was
// wrong, the index is made again from the files, so the result is always
// the index of what was rendered.
type indexRun struct {
	site   *model.Site
	labels map[string]string
	done   chan struct{}
	files  []output.File

	mu    sync.Mutex
	asked map[string]bool // path -> what Planned answered
	// communes are those of the site's départements; nil for all.
	communes func(*geo.Commune) bool
}

// startIndex starts building the index of site, unless the site has no
// search form (a single-CPTS site), in which case it returns nil. theme
// gives the UI strings that name professions and mission kinds.
func startIndex(site *model.Site, scoped *scope.Result, theme fs.FS, planned func(string) bool) *indexRun {
	if scoped.Home != nil {
		return nil
	}
	x := &indexRun{site: site, labels: map[string]string{}, done: make(chan struct{}), asked: map[string]bool{}}
	if !scoped.All() {
		x.communes = func(com *geo.Commune) bool { return scoped.Departements[com.Departement] }
	}
	if data, err := fs.ReadFile(theme, "i18n/"+site.Config.Language+".toml"); err == nil {
		_, _ = toml.Decode(string(data), &x.labels) // render reports any error
	}
	go func() {
		defer close(x.done)
		x.files = search.Index(site, x.options(func(p string) bool {
			ok := planned(p)
			x.mu.Lock()
			x.asked[p] = ok
			x.mu.Unlock()
			return ok
		}))
	}()
	return x
}

func (x *indexRun) options(hasPage func(string) bool) search.Options {
	return search.Options{HasPage: hasPage, Communes: x.communes, Label: func(key string) string { return x.labels[key] }}
}

// add waits for the index, checks it against the rendered files and adds
// it to them.
func (x *indexRun) add(rendered *output.Set) diag.List {
	if x == nil {
		return nil
	}
	<-x.done
	hasPage := func(p string) bool { return rendered.Has(strings.TrimPrefix(p, "/") + "index.html") }
	index := x.files
	for p, planned := range x.asked {
		if hasPage(p) != planned {
			index = search.Index(x.site, x.options(hasPage))
			break
		}
	}
	var diags diag.List
	for _, f := range index {
		diags.Append(render.AddFile(rendered, f.Path, f.Data))
	}
	return diags
}
