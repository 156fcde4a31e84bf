package build

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// reloadStatic returns the site paths of changed files of the site's
// static/ folder to copy again, when changed names only such files, added
// or edited. It returns ok=false when the change needs a full build: other
// files, a stylesheet or script when their names carry a fingerprint
// (every page names it; see Options.StableAssets), css/site.css when the
// configuration has [colors] (they are checked against its defaults), the
// configured logo (checked as an image by the configuration), a deleted
// file (pages may link to it, or the theme's file shows through).
func reloadStatic(site *model.Site, opts Options, changed []string) (wanted map[string]bool, ok bool) {
	wanted = map[string]bool{}
	for _, p := range changed {
		name, found := strings.CutPrefix(p, "static/")
		switch ext := path.Ext(name); {
		case !found || name == "":
			return nil, false
		case (ext == ".css" || ext == ".js") && !opts.StableAssets:
			return nil, false
		case name == "css/site.css" && site.Config.Has("colors"):
			return nil, false
		case "/"+name == site.Config.Logo:
			return nil, false
		}
		info, err := fs.Stat(opts.Source, p)
		if errors.Is(err, fs.ErrNotExist) || err == nil && info.IsDir() {
			return nil, false
		}
		wanted["/"+name] = true
	}
	return wanted, true
}
