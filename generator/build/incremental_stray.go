package build

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/images"
	"github.com/cpts-fr/cpts/generator/load"
)

// strayFiles takes out of changed the files of a CPTS folder of the site
// that the content model does not read (see stray): they change no file
// of the output. It returns the rest, and the warning a full build gives
// of each that exists (load.WarnUnknown).
func strayFiles(prev *Result, src fs.FS, changed []string) (rest []string, warnings diag.List) {
	var warn []string
	for _, p := range changed {
		files, ok := stray(prev, src, p)
		if !ok {
			rest = append(rest, p)
		}
		warn = append(warn, files...)
	}
	slices.Sort(warn)
	for _, p := range slices.Compact(warn) {
		load.WarnUnknown(&warnings, p)
	}
	return rest, warnings
}

// stray reports whether p is a file or folder of the folder of a CPTS of
// the repository that the content model does not read (notes.txt beside
// index.md, documents in a folder of their own): not a record file, not
// an image (imageFiles), not under news/ nor under a name tools leave
// behind (load.Ignored), not a folder that holds an image the site shows
// (a path that no longer exists included: a folder deleted). It returns
// the files a full build warns of there (a folder's, but its images). A
// file the site's gate refuses (sitefs) is not one: a full build says
// why.
func stray(prev *Result, src fs.FS, p string) (warn []string, ok bool) {
	rest, found := strings.CutPrefix(p, "content/cpts/")
	slug, inside, nested := strings.Cut(rest, "/")
	if !found || !nested || prev.whole.CPTSBySlug(slug) == nil { // the repository's, in the site's [scope] or not
		return nil, false
	}
	for _, part := range strings.Split(inside, "/") {
		if part == "" || load.Ignored(part) {
			return nil, false
		}
	}
	name := path.Base(inside)
	first, _, deeper := strings.Cut(inside, "/")
	if first == "news" || !deeper && (recordFiles[name] || name == "communes.toml") || load.IsImage(name) || showsUnder(prev, p) {
		return nil, false
	}
	info, err := fs.Stat(src, p)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, true
	case err != nil:
		return nil, false
	case info.IsDir():
		return strayTree(src, p)
	case info.Mode().IsRegular():
		return []string{p}, true
	}
	return nil, false
}

// showsUnder reports whether an image a page of prev shows is under the
// folder dir.
func showsUnder(prev *Result, dir string) bool {
	for _, u := range prev.uses {
		if src, err := images.Source(u.ref.File, u.ref.Dest); err == nil && strings.HasPrefix(src, dir+"/") {
			return true
		}
	}
	return false
}

// strayTree returns the files at p, a file or a folder of a CPTS's folder
// that the content model does not read, that a full build warns of (all
// but images and names tools leave behind), and whether each is a regular
// file or a folder the site's gate lets through.
func strayTree(fsys fs.FS, p string) (strays []string, ok bool) {
	err := fs.WalkDir(fsys, p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if load.Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		info, err := fs.Stat(fsys, q)
		switch {
		case err != nil:
			return err
		case info.IsDir():
		case !info.Mode().IsRegular():
			return fs.ErrInvalid
		case !load.IsImage(q):
			strays = append(strays, q)
		}
		return nil
	})
	return strays, err == nil
}
