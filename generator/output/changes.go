package output

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Changes count how a staged build differs from the site it replaces,
// file by file.
type Changes struct {
	Added, Changed, Removed, Unchanged int
	// Published tells whether there was a site to compare with.
	Published bool
}

// changes records, as files are staged, how each compares with the
// published site: the verdict of its last write, so that a file written
// twice (an image stripped after it was copied) counts once.
type changes struct {
	mu      sync.Mutex
	verdict map[string]verdict // by site path
}

type verdict int8

const (
	added verdict = iota
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

// record compares the staged file name of site path p with the
// published one, and gives it the modification time of the published
// file when their bytes are the same.
func (c *changes) record(p, name, pub string, data []byte) {
	mtime, same, existed := published(pub, data)
	v := added
	switch {
	case same:
		v = unchanged
		_ = os.Chtimes(name, mtime, mtime)
	case existed:
		v = changed
	}
	c.mu.Lock()
	if c.verdict == nil {
		c.verdict = map[string]verdict{}
	}
	c.verdict[p] = v
	c.mu.Unlock()
}

// count returns the counts of the files the build has.
func (c *changes) count(files map[string]entry) Changes {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out Changes
	for p, v := range c.verdict {
		if _, ok := files[p]; !ok {
			continue // written, then removed from the set
		}
		switch v {
		case added:
			out.Added++
		case changed:
			out.Changed++
		default:
			out.Unchanged++
		}
	}
	return out
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
