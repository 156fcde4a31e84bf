package sitefs

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
)

// Read lists the folders of a site that a build or `cpts new` reads,
// besides its configuration file.
var Read = []string{"archetypes", "content", "i18n", "layouts", "static"}

// Scan applies Rule and NameProblem to the files given (the configuration
// file) and to every entry of the folders of Read, in fsys. It returns a
// diagnostic for each refused entry, and the set of refused paths, which
// a reader must leave alone (they are reported already). Files whose name
// starts with a dot are never read by the build, and not judged.
func Scan(fsys fs.FS, files ...string) (diag.List, map[string]bool) {
	s := &scanner{fsys: fsys, refused: map[string]bool{}}
	s.link, _ = fsys.(fs.ReadLinkFS)
	for _, f := range files {
		if info, err := lstat(fsys, f); err == nil {
			s.entry(f, info.Mode())
		}
	}
	for _, dir := range Read {
		if info, err := lstat(fsys, dir); err == nil && s.entry(dir, info.Mode()) && info.IsDir() {
			s.walk(dir)
		}
	}
	return s.diags.Sort(), s.refused
}

type scanner struct {
	fsys    fs.FS
	link    fs.ReadLinkFS
	diags   diag.List
	refused map[string]bool
}

func lstat(fsys fs.FS, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	return fs.Stat(fsys, name)
}

// entry judges one entry and reports whether it may be read.
func (s *scanner) entry(p string, mode fs.FileMode) bool {
	if problem, hint := NameProblem(path.Base(p)); problem != "" {
		s.refuse(&Refused{Path: p, Reason: problem, Hint: hint})
		return false
	}
	var r *Refused
	if mode&fs.ModeSymlink != 0 && s.link == nil {
		r = &Refused{Path: p, Reason: "symbolic link", Hint: "replace the link by a copy of the file"}
	} else if mode&fs.ModeSymlink != 0 || !mode.IsRegular() && !mode.IsDir() {
		r = Rule(s.link, p, mode)
	}
	if r != nil {
		s.refuse(r)
		return false
	}
	return true
}

func (s *scanner) refuse(r *Refused) {
	s.refused[r.Path] = true
	d := s.diags.Errorf(diag.Pos{File: r.Path}, diag.Unsafe, "%s: refused", r.Reason)
	if r.Hint != "" {
		d.WithHint("%s", r.Hint)
	}
}

func (s *scanner) walk(dir string) {
	entries, err := fs.ReadDir(s.fsys, dir)
	if err != nil {
		if r, ok := AsRefused(err); ok {
			s.refuse(r)
		} else if !errors.Is(err, fs.ErrNotExist) {
			s.diags.Errorf(diag.Pos{File: dir}, diag.IO, "cannot list: %v", unwrap(err))
		}
		return
	}
	folded := map[string]string{}
	for _, e := range entries {
		p := dir + "/" + e.Name()
		if strings.HasPrefix(e.Name(), ".") && !e.IsDir() {
			continue
		}
		if !s.entry(p, e.Type()) {
			continue
		}
		key := strings.ToLower(e.Name())
		if other, ok := folded[key]; ok {
			s.refuse(&Refused{Path: p, Reason: "the name differs from " + other + " only by case: a checkout on Windows or macOS keeps one of them",
				Hint: "rename one of them"})
			continue
		}
		folded[key] = e.Name()
		if e.IsDir() {
			s.walk(p)
		}
	}
}
