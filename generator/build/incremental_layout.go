package build

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// reloadLayouts returns the layouts whose pages to render again, when
// changed names only page layouts of the site (layouts/cpts.html), edited
// or added over the theme's. Each page layout is parsed on its own over
// baseof.html and the partials, so its edit changes its pages only. It
// returns ok=false when the change needs a full build: other files,
// baseof.html or a partial (every page uses them), a layout in a
// sub-folder, a deleted layout (the theme's shows through). A folder
// made or moved in is the files it holds (filesUnder): layouts/, made for
// a first layout, is that layout.
func reloadLayouts(opts Options, changed []string) (layouts map[string]bool, ok bool) {
	layouts = map[string]bool{}
	changed, ok = filesUnder(opts.Source, changed, "layouts")
	if !ok {
		return nil, false
	}
	for _, p := range changed {
		name, found := strings.CutPrefix(p, "layouts/")
		if !found || strings.Contains(name, "/") || path.Ext(name) != ".html" || name == "baseof.html" {
			return nil, false
		}
		info, err := fs.Stat(opts.Source, p)
		if errors.Is(err, fs.ErrNotExist) || err == nil && info.IsDir() {
			return nil, false
		}
		layouts[strings.TrimSuffix(name, ".html")] = true
	}
	return layouts, true
}
