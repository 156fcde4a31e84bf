package corpus

import (
	"errors"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing/fstest"
	"time"
)

// indexedFS is a MapFS whose folders are indexed once. fstest.MapFS
// answers Open, Stat and ReadDir of a folder, and of a missing file, by
// scanning every file; indexedFS answers them from the index.
type indexedFS struct {
	fstest.MapFS
	dirs map[string][]fs.DirEntry
}

func newIndexedFS(m fstest.MapFS) indexedFS {
	f := indexedFS{MapFS: m, dirs: map[string][]fs.DirEntry{}}
	seen := map[string]bool{}
	paths := make([]string, 0, len(m))
	for p := range m {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		info, err := m.Stat(p)
		if err != nil {
			continue
		}
		f.dirs[path.Dir(p)] = append(f.dirs[path.Dir(p)], fs.FileInfoToDirEntry(info))
		for d := path.Dir(p); d != "." && !seen[d]; d = path.Dir(d) {
			seen[d] = true
			parent := path.Dir(d)
			f.dirs[parent] = append(f.dirs[parent], fs.FileInfoToDirEntry(dirInfo(path.Base(d))))
		}
	}
	for _, es := range f.dirs {
		slices.SortFunc(es, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	}
	return f
}

// Open opens a file of the MapFS, or a folder of the index.
func (f indexedFS) Open(name string) (fs.File, error) {
	if file, ok := f.MapFS[name]; ok && !file.Mode.IsDir() {
		return f.MapFS.Open(name)
	}
	if es, ok := f.dirs[name]; ok {
		return &dirFile{name: name, entries: es}, nil
	}
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// Stat describes a file or a folder.
func (f indexedFS) Stat(name string) (fs.FileInfo, error) {
	file, err := f.Open(name)
	if err != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: cause(err)}
	}
	defer file.Close()
	return file.Stat()
}

// ReadFile returns a copy of a file's contents.
func (f indexedFS) ReadFile(name string) ([]byte, error) {
	if file, ok := f.MapFS[name]; ok && !file.Mode.IsDir() {
		return slices.Clone(file.Data), nil
	}
	if _, ok := f.dirs[name]; ok {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	_, err := f.Open(name)
	return nil, &fs.PathError{Op: "read", Path: name, Err: cause(err)}
}

// ReadDir lists a folder from the index.
func (f indexedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if es, ok := f.dirs[name]; ok {
		return slices.Clone(es), nil
	}
	if _, err := f.Open(name); err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: cause(err)}
	}
	return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
}

// dirFile is an open folder of the index.
type dirFile struct {
	name    string
	entries []fs.DirEntry
	off     int
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return dirInfo(path.Base(d.name)), nil }
func (d *dirFile) Close() error               { return nil }

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: fs.ErrInvalid}
}

// ReadDir returns the next n entries, or all the rest when n <= 0.
func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return slices.Clone(rest), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	rest = rest[:min(n, len(rest))]
	d.off += len(rest)
	return slices.Clone(rest), nil
}

// dirInfo describes a folder of the index.
type dirInfo string

func (d dirInfo) Name() string       { return string(d) }
func (d dirInfo) Size() int64        { return 0 }
func (d dirInfo) Mode() fs.FileMode  { return fs.ModeDir | 0o555 } // as fstest.MapFS synthesises folders
func (d dirInfo) ModTime() time.Time { return time.Time{} }
func (d dirInfo) IsDir() bool        { return true }
func (d dirInfo) Sys() any           { return nil }

// cause returns the error inside a *fs.PathError.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
