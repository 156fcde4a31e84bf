package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Changes count how a staged build differs from the site it replaces,
// file by file.
type Changes struct {
	Added, Changed, Removed, Unchanged int
	// Published tells whether there was a site to compare with.
	Published bool
}

// verdict is how a staged file compares with the published site: the
// verdict of its last write, kept in the set's entry, so that a file
// written twice (an image stripped after it was copied) counts once.
type verdict int8

const (
	unwritten verdict = iota
	added
	changed
	unchanged
)

// published compares data with the file the published site has at pub.
// same is true when it holds the same bytes; mtime is then its
// modification time, which the staged file takes, so that a tool that
// uploads what changed (rsync, aws s3 sync) sees nothing to do.
func published(pub string, data []byte) (mtime time.Time, same, existed bool) {
	info, err := os.Lstat(pub)
	if err != nil || !info.Mode().IsRegular() {
		return time.Time{}, false, false
	}
	if info.Size() != int64(len(data)) || !sameContent(pub, data) {
		return time.Time{}, false, true
	}
	return info.ModTime(), true, true
}

// compare compares the staged file name with the published one, pub,
// and gives it the modification time of the published file when their
// bytes are the same.
func compare(name, pub string, data []byte) verdict {
	mtime, same, existed := published(pub, data)
	switch {
	case same:
		_ = os.Chtimes(name, mtime, mtime)
		return unchanged
	case existed:
		return changed
	}
	return added
}

// record keeps the verdict of the last write of the file at p, unless the
// set no longer has it.
func (s *Set) record(p string, v verdict) {
	s.mu.Lock()
	if e, ok := s.files.get(p); ok {
		e.verdict = v
		s.files.set(p, e)
	}
	s.mu.Unlock()
}

// count returns the counts of the files the build has.
func count(files *table) Changes {
	var out Changes
	for _, e := range files.all() {
		switch e.verdict {
		case added:
			out.Added++
		case changed:
			out.Changed++
		case unchanged:
			out.Unchanged++
		}
	}
	return out
}

// removed counts the regular files of the published site at dest that
// the new build does not have.
func removed(dest string, files *table) int {
	n := 0
	_ = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dest, p)
		if err != nil {
			return nil
		}
		if !files.has(filepath.ToSlash(rel)) {
			n++
		}
		return nil
	})
	return n
}

// Changes returns how the committed build differed from the site it
// replaced; zero for a set in memory or not yet committed.
func (s *Set) Changes() Changes { return s.changes }
