package server

import (
	"path/filepath"
	"slices"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/diag"
)

// IncrementalBuilder returns the Builder of `cpts serve`: it rebuilds only
// what a change touches (build.Incremental: news files edited, added or
// deleted; the records or territory of one CPTS; a free page; files of
// static/; layouts and UI strings) when the last build and its completion
// succeeded, and the whole site otherwise (a CPTS added, the
// configuration...): its open pages first, over the files of the last
// build (build.RunOver), the others when the server completes it.
// options is called for each build (the dev server publishes by the
// current date, and renders the open pages first).
func IncrementalBuilder(options func() build.Options) Builder {
	var last *build.Result
	failed := true              // the last full build failed: the next one is full
	broken := map[string]bool{} // news files whose last incremental build failed
	return func(changed []string) (*build.Result, diag.List) {
		opts := options()
		var paths []string
		for _, p := range changed {
			paths = append(paths, filepath.ToSlash(p))
		}
		if last != nil && !failed && !last.Broken() && changed != nil {
			if len(paths) == 0 && len(broken) == 0 {
				return last, nil
			}
			for p := range broken { // rebuilt with the change, so their errors stay shown until fixed
				if !slices.Contains(paths, p) {
					paths = append(paths, p)
				}
			}
			if res, diags, ok := build.Incremental(last, opts, paths); ok {
				clear(broken)
				if res == nil {
					for _, p := range paths {
						broken[p] = true
					}
					return nil, diags
				}
				last = res
				return res, diags
			}
		}
		clear(broken)
		res, diags := build.RunOver(last, opts)
		failed = res == nil
		if res != nil {
			last = res
		}
		return res, diags
	}
}
