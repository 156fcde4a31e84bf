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
// returns ok=false for other files: baseof.html or a partial (every page
// uses them), a layout in a sub-folder, a deleted layout (the theme's
// shows through) are reloadShared's. A folder
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

// reloadShared reports whether changed names only what every page shows
// and no record holds: templates of layouts/ other than the page layouts
// reloadLayouts takes (baseof.html, partials, a layout deleted, over
// which the theme's shows through), and UI strings of i18n/ edited or
// added (uiStrings: the search index reads their labels of professions
// and missions). Every file render makes is made again from the model
// as it is. It returns ok=false when the change needs a full build:
// other files, a file or folder of i18n/ deleted (the configured
// language may have lost its strings: the configuration's error).
func reloadShared(opts Options, changed []string) (uiStrings, ok bool) {
	byRoot := map[string][]string{}
	for _, p := range changed {
		root, _, _ := strings.Cut(p, "/")
		if root != "layouts" && root != "i18n" {
			return false, false
		}
		byRoot[root] = append(byRoot[root], p)
	}
	if _, ok := filesUnder(opts.Source, byRoot["layouts"], "layouts"); !ok {
		return false, false
	}
	strs, ok := filesUnder(opts.Source, byRoot["i18n"], "i18n") // i18n/, made for a first file, is that file
	if !ok {
		return false, false
	}
	for _, p := range strs {
		if info, err := fs.Stat(opts.Source, p); err != nil || !info.Mode().IsRegular() {
			return false, false
		}
	}
	return len(strs) > 0, true
}
