package output

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// prevPrefix names the previous site that a reusing stage keeps beside
// its destination: ".cpts-prev-public".
const prevPrefix = ".cpts-prev-"

// NewReusingStage is NewStage for repeated builds into the same folder:
// Commit keeps the site it replaces beside dest (in .cpts-prev-<name>),
// and the next build is staged in that folder, where it rewrites only the
// files whose content changed and removes those it no longer makes. A
// directory whose pages barely change between builds is then mostly read,
// not written: no folder to create, no file to delete, no page for the
// disk to write back. The result is the same as NewStage's, byte for byte.
func NewReusingStage(dest string) (*Set, error) { return newStage(dest, os.WriteFile, true) }

// RemoveKept removes the previous site that NewReusingStage keeps beside
// dest, if any.
func RemoveKept(dest string) {
	if abs, err := filepath.Abs(dest); err == nil {
		_ = removeTree(filepath.Join(filepath.Dir(abs), prevPrefix+filepath.Base(abs)))
	}
}

// reused is the previous site a stage was made from: its files and
// folders, by site path, as found when the stage was made.
type reused struct {
	files map[string]bool
	dirs  []string
	keep  string // where Commit puts the site it replaces
	found bool   // whether the stage holds a previous site
}

// reusePrevious moves the previous site kept at prev into the empty
// staging folder dir, and lists it. Anything but files and folders
// (symbolic links a user may have put in the published folder) is
// removed first, so that no write can leave the staging folder. Without a
// previous site, or if it cannot be moved, the stage starts empty.
func reusePrevious(prev, dir string) *reused {
	r := &reused{files: map[string]bool{}, keep: prev}
	if info, err := os.Lstat(prev); err != nil || !info.IsDir() {
		return r
	}
	// os.Rename does not replace a folder, even an empty one.
	if err := os.Remove(dir); err != nil {
		return r
	}
	if err := os.Rename(prev, dir); err != nil {
		_ = os.Mkdir(dir, 0o755)
		return r
	}
	r.found = true
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return nil
		}
		switch rel = filepath.ToSlash(rel); {
		case d.IsDir():
			if p != dir {
				r.dirs = append(r.dirs, rel)
			}
		case d.Type().IsRegular():
			r.files[rel] = true
		default:
			_ = os.Remove(p)
		}
		return nil
	})
	return r
}

// write writes the file of the new build at site path p, name in the
// stage, unless the previous build left the same bytes there. A changed
// file is replaced by a new one, never written over: the old one may be a
// hard link to a file out of the site. A folder of the previous build in
// its way is removed.
func (r *reused) write(p, name string, data []byte, write writeFunc) error {
	if r.files[p] {
		if sameContent(name, data) {
			return nil
		}
		_ = os.Remove(name)
	}
	err := write(name, data, 0o644)
	if err != nil && !r.files[p] {
		if os.RemoveAll(name) == nil {
			err = write(name, data, 0o644)
		}
	}
	return err
}

// removeStale removes the files and folders of the previous build, in
// the stage dir, that the new one (files, by site path) does not have.
func (r *reused) removeStale(dir string, files *table) {
	for p := range r.files {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if !files.has(p) && isKind(name, false) {
			_ = os.Remove(name)
		}
	}
	// Deepest first; a folder that still holds something (a file of the
	// new build) is kept, os.Remove removing only empty folders, and a file
	// of the new build where a folder was is not a folder.
	sort.Slice(r.dirs, func(i, j int) bool { return len(r.dirs[i]) > len(r.dirs[j]) })
	for _, d := range r.dirs {
		if name := filepath.Join(dir, filepath.FromSlash(d)); isKind(name, true) {
			_ = os.Remove(name)
		}
	}
}

// isKind reports whether name is a folder (dir) or a regular file.
func isKind(name string, dir bool) bool {
	info, err := os.Lstat(name)
	if err != nil {
		return false
	}
	if dir {
		return info.IsDir()
	}
	return info.Mode().IsRegular()
}

// sameContent reports whether the file name holds exactly data.
func sameContent(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || info.Size() != int64(len(data)) {
		return false
	}
	b := GetBuffer()
	defer PutBuffer(b)
	b.Grow(len(data) + 1)
	if _, err := io.Copy(b, f); err != nil {
		return false
	}
	return bytes.Equal(b.Bytes(), data)
}

// clearPath removes the files of the previous build that stand where the
// folders leading to dir (under root) must be.
func clearPath(root, dir string) {
	rel, err := filepath.Rel(root, dir)
	if err != nil || strings.HasPrefix(rel, "..") {
		return
	}
	p := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return
		}
		if !info.IsDir() {
			_ = os.Remove(p)
			return
		}
	}
}
