package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"
)

// Changes count how a staged build differs from the site it replaces,
// file by file.
type Changes struct {
	Added, Changed, Removed, Unchanged int
	// Published tells whether there was a site to compare with.
	Published bool
}

// changes counts, as files are staged, how they compare with the
// published site.
type changes struct {
	added, changed, unchanged atomic.Int64
}

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

// record counts a staged file and gives it the modification time of the
// published file when their bytes are the same.
func (c *changes) record(name, pub string, data []byte) {
	mtime, same, existed := published(pub, data)
	switch {
	case same:
		c.unchanged.Add(1)
		_ = os.Chtimes(name, mtime, mtime)
	case existed:
		c.changed.Add(1)
	default:
		c.added.Add(1)
	}
}

// removed counts the regular files of the published site at dest that
// the new build does not have.
func removed(dest string, files map[string]entry) int {
	n := 0
	_ = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dest, p)
		if err != nil {
			return nil
		}
		if _, ok := files[filepath.ToSlash(rel)]; !ok {
			n++
		}
		return nil
	})
	return n
}

// Changes returns how the committed build differed from the site it
// replaced; zero for a set in memory or not yet committed.
func (s *Set) Changes() Changes { return s.changes }
