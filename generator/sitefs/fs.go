package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"sync"
)

// FS is a site folder opened by Open: an fs.FS that reads only what Rule
// allows. It implements fs.StatFS, fs.ReadFileFS, fs.ReadDirFS and
// fs.ReadLinkFS, and is safe for concurrent use.
//
// It reads through os.DirFS, after Rule has judged every part of the
// path with Lstat: os.Root would add the kernel's word against a path
// replaced by a link between that judgement and the read, but it walks
// every folder of every path again (a national site loads in 3.0 s
// instead of 2.0 s), and nothing changes a site's folder while it is
// built but its author's own editor.
type FS struct {
	fsys fs.FS // os.DirFS
	link fs.ReadLinkFS
	// ok holds the paths known to be real folders (not links), from Lstat
	// or from the listing of their parent, so that reading a file costs
	// one Lstat, of the file itself: a file is judged at every read (the
	// dev server reads files again as they change).
	ok sync.Map
}

// Open opens the folder dir as a site. The folder itself may be reached
// through a link; nothing below it is read unless Rule allows it.
func Open(dir string) (*FS, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: errors.New("not a folder")}
	}
	fsys := os.DirFS(dir)
	return &FS{fsys: fsys, link: fsys.(fs.ReadLinkFS)}, nil
}

// check applies Rule to name and to each folder on its way to it.
func (f *FS) check(op, name string) error {
	if !fs.ValidPath(name) {
		return &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	if r := checkPath(f.link, name, &f.ok); r != nil {
		return &fs.PathError{Op: op, Path: name, Err: r}
	}
	return nil
}

// Check applies Rule to name and to each folder on its way to it, in any
// file system that has links (fs.ReadLinkFS); in one without, every path
// passes. FS applies it to every operation: readers of an FS need not
// call it.
func Check(fsys fs.FS, name string) error {
	l, ok := fsys.(fs.ReadLinkFS)
	if !ok || !fs.ValidPath(name) {
		return nil
	}
	if r := checkPath(l, name, nil); r != nil {
		return r
	}
	return nil
}

// checkPath is Check, remembering in ok (when not nil) the paths found
// to be real folders.
func checkPath(l fs.ReadLinkFS, name string, ok *sync.Map) *Refused {
	if name == "." {
		return nil
	}
	if dir := path.Dir(name); dir != "." {
		if r := checkPath(l, dir, ok); r != nil {
			return r
		}
	}
	if ok != nil {
		if _, known := ok.Load(name); known {
			return nil
		}
	}
	info, err := l.Lstat(name)
	if err != nil {
		return nil // the operation itself reports it
	}
	if r := Rule(l, name, info.Mode()); r != nil {
		return r
	}
	if ok != nil && info.IsDir() {
		ok.Store(name, true)
	}
	return nil
}

// Open opens name if Rule allows it.
func (f *FS) Open(name string) (fs.File, error) {
	if err := f.check("open", name); err != nil {
		return nil, err
	}
	return f.fsys.Open(name)
}

// Stat describes name, following an allowed link.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	if err := f.check("stat", name); err != nil {
		return nil, err
	}
	return fs.Stat(f.fsys, name)
}

// ReadFile reads name if Rule allows it.
func (f *FS) ReadFile(name string) ([]byte, error) {
	if err := f.check("read", name); err != nil {
		return nil, err
	}
	return fs.ReadFile(f.fsys, name)
}

// ReadDir lists the folder name, sorted. Entries are listed as they are
// (links as links): reading one applies Rule to it.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	if err := f.check("readdir", name); err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(f.fsys, name)
	for _, e := range entries {
		p := path.Join(name, e.Name())
		if e.Type().IsDir() {
			f.ok.Store(p, true)
		} else {
			f.ok.Delete(p)
		}
	}
	return entries, err
}

// ReadLink returns the target of the link name, without judging it.
func (f *FS) ReadLink(name string) (string, error) {
	if err := f.check("readlink", path.Dir(name)); err != nil {
		return "", err
	}
	return f.link.ReadLink(name)
}

// Lstat describes name without following it.
func (f *FS) Lstat(name string) (fs.FileInfo, error) {
	if err := f.check("lstat", path.Dir(name)); err != nil {
		return nil, err
	}
	return f.link.Lstat(name)
}

// AsRefused returns the refusal behind err, if it is one.
func AsRefused(err error) (*Refused, bool) {
	var r *Refused
	ok := errors.As(err, &r)
	return r, ok
}
