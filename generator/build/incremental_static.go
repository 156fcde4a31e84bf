package build

import (
	"bytes"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
)

// staticChange is what a change of the site's static/ folder makes again:
// the site paths to copy (wanted), those to remove (gone), and the site's
// static files after it (Result.static).
type staticChange struct {
	wanted map[string]bool
	gone   []string
	files  []string
}

// reloadStatic returns, for changed files of the site's static/ folder,
// the site paths to copy again (added, edited, or deleted where the theme
// has a file of that name, which shows through) and those to remove
// (deleted, that no file of the site names), when changed names only such
// files. It returns ok=false when the change needs a full build: other
// files, a stylesheet or script when their names carry a fingerprint
// (every page names it; see Options.StableAssets), css/site.css when the
// configuration has [colors] (they are checked against its defaults), the
// configured logo when it is no longer a file (the configuration's error;
// edited, it is copied as any image: its name has no fingerprint), a deleted
// file that a file of the site may link to (see named), a deleted path
// that held no file of the site's static/ but output files. A folder
// added is the files it holds (filesUnder); a folder deleted, the files
// of the site it held (Result.static).
func reloadStatic(prev *Result, opts Options, changed []string) (staticChange, bool) {
	site := prev.Site
	sc := staticChange{wanted: map[string]bool{}}
	changed, ok := filesUnder(opts.Source, changed, "static")
	if !ok {
		return sc, false
	}
	files := map[string]bool{}
	for _, p := range prev.static {
		files[p] = true
	}
	for _, p := range deletedFolders(prev, opts.Source, changed) {
		name, found := strings.CutPrefix(p, "static/")
		switch ext := path.Ext(name); {
		case !found || name == "":
			return sc, false
		case (ext == ".css" || ext == ".js") && !opts.StableAssets:
			return sc, false
		case name == "css/site.css" && site.Config.Has("colors"):
			return sc, false
		case "/"+name == site.Config.Logo && logoBroken(prev):
			return sc, false // the configuration's error
		}
		_, err := fs.Stat(opts.Source, p)
		files[p] = !errors.Is(err, fs.ErrNotExist)
		switch {
		case files[p]:
		case themeHas(prev, p):
		case wasFolder(prev, name) || named(prev, name):
			return sc, false // a link to it would be broken: the full build says where
		default:
			sc.gone = append(sc.gone, "/"+name)
			continue
		}
		sc.wanted["/"+name] = true
	}
	for p, ok := range files {
		if ok {
			sc.files = append(sc.files, p)
		}
	}
	slices.Sort(sc.files)
	return sc, true
}

// deletedFolders returns changed with each path that no longer exists
// and was a folder of the site's static files replaced by those files.
func deletedFolders(prev *Result, src fs.FS, changed []string) []string {
	var out []string
	for _, p := range changed {
		var under []string
		if _, err := fs.Stat(src, p); errors.Is(err, fs.ErrNotExist) {
			i, _ := slices.BinarySearch(prev.static, p+"/")
			for ; i < len(prev.static) && strings.HasPrefix(prev.static[i], p+"/"); i++ {
				under = append(under, prev.static[i])
			}
		}
		if len(under) == 0 {
			under = []string{p}
		}
		out = append(out, under...)
	}
	return out
}

// siteStatic lists the site's own files of static/ (not the theme's), as
// render copies them: every file but those whose name starts with a dot.
func siteStatic(src fs.FS) []string {
	var out []string
	_ = fs.WalkDir(src, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// themeHas reports whether the theme under the site has the file p.
func themeHas(prev *Result, p string) bool {
	if prev.theme.Base == nil {
		return false
	}
	info, err := fs.Stat(prev.theme.Base, p)
	return err == nil && !info.IsDir()
}

// named reports whether a file of prev's output may name the static file
// name (relative to static/): one holds its base name, or the name has
// bytes that a link may write otherwise (escaped), so that a search for
// it would not find every link, or a page links to it with its name
// escaped (/docs/%61.txt for docs/a.txt): a page holding a percent-escape,
// or any page when raw HTML (whose entities browsers decode) is allowed,
// has its links read as the full build's link check reads them
// (linkedFrom).
func named(prev *Result, name string) bool {
	base := path.Base(name)
	for i := 0; i < len(base); i++ {
		c := base[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return true
		}
	}
	raw := prev.Site.Config.Features.RawHTML
	var escaped []string // pages that may spell it with escapes
	for _, p := range prev.Files.Paths() {
		data, ok := prev.Files.Get(p)
		switch {
		case !ok || p == name:
		case bytes.Contains(data, []byte(base)):
			return true
		case strings.HasSuffix(p, ".html") && (raw || bytes.IndexByte(data, '%') >= 0):
			escaped = append(escaped, p)
		}
	}
	return linkedFrom(prev, []string{"/" + name}, escaped)
}

// filesUnder returns changed with each folder under root (static,
// layouts) replaced by the files it holds, as a full build reads them
// (not those whose name starts with a dot): a folder made or moved in,
// whose files the watcher may have missed. ok is false for a folder out
// of root.
func filesUnder(src fs.FS, changed []string, root string) (files []string, ok bool) {
	for _, p := range changed {
		info, err := fs.Stat(src, p)
		if err != nil || !info.IsDir() {
			files = append(files, p)
			continue
		}
		if p != root && !strings.HasPrefix(p, root+"/") {
			return nil, false
		}
		err = fs.WalkDir(src, p, func(q string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				files = append(files, q)
			}
			return err
		})
		if err != nil {
			return nil, false
		}
	}
	return files, true
}

// wasFolder reports whether prev published files under name: a deleted
// path that was a folder, which only a full build removes whole.
func wasFolder(prev *Result, name string) bool {
	prefix := name + "/"
	return slices.ContainsFunc(prev.Files.Paths(), func(p string) bool { return strings.HasPrefix(p, prefix) })
}

// logoBroken reports whether the configured logo is no longer what the
// configuration wants (a file of static/, in the site or the theme):
// the full build reports it.
func logoBroken(prev *Result) bool {
	var diags diag.List
	checkLogo(&diags, prev.Site.Config, prev.theme)
	return diags.HasErrors()
}
