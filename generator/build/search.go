package build

import (
	"io/fs"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/search"
)

// indexRun builds the search index (package search) while the pages are
// rendered, and adds its files to the output as soon as it is made, so
// that a build into a staging folder does not hold them until its last
// page (a decade of news makes an index of 144 MB). The index links only
// to pages the site has, which the site's plan (package plan) says before
// they are rendered.
type indexRun struct {
	done  chan struct{}
	diags diag.List
}

// startIndex starts building the index of the planned site into out,
// unless the site has no search form (a single-CPTS site), in which case
// it returns nil. theme gives the UI strings that name professions and
// mission kinds; memo keeps the terms of news items from one index to the
// next. The caller waits for it (wait) before it commits or discards out.
func startIndex(pl *plan.Plan, theme fs.FS, memo *search.Memo, out *output.Set) *indexRun {
	scoped := pl.Options().Scope
	if pl.Home() != nil {
		return nil
	}
	site := pl.Site()
	opts := search.Options{HasPage: pl.Has, Published: pl.Published, Memo: memo}
	if scoped != nil && !scoped.All() {
		opts.Communes = func(com *geo.Commune) bool { return scoped.Departements[com.Departement] }
	}
	labels := map[string]string{}
	if data, err := fs.ReadFile(theme, "i18n/"+site.Config.Language+".toml"); err == nil {
		_, _ = toml.Decode(string(data), &labels) // render reports any error
	}
	opts.Label = func(key string) string { return labels[key] }
	x := &indexRun{done: make(chan struct{})}
	go func() {
		defer close(x.done)
		files, st := search.Index(site, opts)
		x.diags = st.Diags
		for _, f := range files {
			x.diags.Append(render.AddCompactFile(out, f.Path, f.Data)) // compact JSON: no minifier
		}
	}()
	return x
}

// removeIndex removes the files of the search index from files.
func removeIndex(files *output.Set) {
	for _, p := range files.Paths() {
		if strings.HasPrefix(p, "search/") {
			files.Remove(p)
		}
	}
}

// wait waits for the index to be in the output, and returns what it
// reported.
func (x *indexRun) wait() diag.List {
	if x == nil {
		return nil
	}
	<-x.done
	return x.diags
}
