package load

import (
	"io/fs"
	"path"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/model"
)

// NewsFile reads one news item again, for the dev server: p is a news file
// (content/cpts/<slug>/news/<date>-<slug>.md or content/news/...) or the
// index.md of a news bundle; owner is its CPTS, nil for site news. Its
// diagnostics are those a full build gives of the file, its name's date
// included.
func NewsFile(fsys fs.FS, p string, owner *model.CPTS, opts Options) (*model.News, diag.List) {
	l := singleLoader(fsys, opts)
	var m []string
	if path.Base(p) == "index.md" {
		if m = newsBundle.FindStringSubmatch(path.Base(path.Dir(p))); m != nil {
			l.checkNewsDate(path.Dir(p), m[1], m[2], "/")
		}
	} else if m = newsName.FindStringSubmatch(path.Base(p)); m != nil {
		l.checkNewsDate(p, m[1], m[2], ".md")
	}
	if m == nil {
		l.diags.Errorf(diag.Pos{File: p}, diag.Slug, "news file name must start with its date: YYYY-MM-DD-slug.md").
			WithHint("rename it, for example %s-%s.md", "2020-07-17", Slugify(strings.TrimSuffix(path.Base(p), ".md")))
		return nil, l.diags
	}
	n := l.newsItem(p, m[1], m[2], owner)
	return n, l.diags.Sort()
}

// CPTSFolder reads the records of one CPTS again, for the dev server:
// content/cpts/<slug>/ with its index.md and TOML files. Its news are
// not read (the caller keeps those it has).
func CPTSFolder(fsys fs.FS, slug string, opts Options) (*model.CPTS, diag.List) {
	l := singleLoader(fsys, opts)
	l.skipNews = true
	c := l.cpts("content/cpts/"+slug, slug)
	return c, l.diags.Sort()
}

// PageFile reads one free page again, for the dev server: p is
// content/pages/<slug>.md.
func PageFile(fsys fs.FS, p string, opts Options) (*model.Page, diag.List) {
	l := singleLoader(fsys, opts)
	pg := &model.Page{Slug: strings.TrimSuffix(path.Base(p), ".md")}
	l.checkSlug(p, pg.Slug)
	body, ok := l.markdownFile(p, true, pg)
	if !ok {
		return nil, l.diags.Sort()
	}
	pg.Body = body
	return pg, l.diags.Sort()
}

// singleLoader is the loader of the dev server's reads of single files.
func singleLoader(fsys fs.FS, opts Options) *loader {
	if opts.MaxFileSize == 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	return &loader{fsys: fsys, opts: opts}
}

// NewsFolder lists the news items of a news folder as a full build reads
// them, for the dev server: the files news/<date>-<slug>.md and the
// index.md of each bundle news/<date>-<slug>/, with images beside them.
// ok is false when the folder holds anything else, or a name whose date
// does not parse: a full build reports those.
func NewsFolder(fsys fs.FS, dir string) (files []string, ok bool) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, false
	}
	dated := func(m []string) bool {
		_, err := model.ParseDate(m[1])
		return err == nil
	}
	for _, e := range entries {
		name, p := e.Name(), dir+"/"+e.Name()
		switch {
		case Ignored(name), !e.IsDir() && IsImage(name):
		case !e.IsDir():
			m := newsName.FindStringSubmatch(name)
			if m == nil || !dated(m) {
				return nil, false
			}
			files = append(files, p)
		default:
			m := newsBundle.FindStringSubmatch(name)
			if m == nil || !dated(m) || !bundleOfImages(fsys, p) {
				return nil, false
			}
			files = append(files, p+"/index.md")
		}
	}
	return files, true
}

// bundleOfImages reports whether a news bundle holds its index.md and
// images only.
func bundleOfImages(fsys fs.FS, dir string) bool {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return false
	}
	index := false
	for _, e := range entries {
		switch name := e.Name(); {
		case Ignored(name):
		case e.IsDir():
			return false
		case name == "index.md":
			index = true
		case !IsImage(name):
			return false
		}
	}
	return index
}
