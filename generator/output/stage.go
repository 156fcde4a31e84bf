package output

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

const stagePrefix = ".cpts-stage-"

// stage is a staging folder beside the destination of a build. Files are
// written by a pool of goroutines, so that the goroutines making pages
// do not wait for the disk.
type stage struct {
	dir, dest string
	writeFile writeFunc
	reuse     *reused // the previous site the stage was made from, or nil
	queue     chan queuedFile
	mu        sync.Mutex
	// made holds folders created, by site path ("." for the root), to
	// spare their system calls to the files that follow; at most
	// madeFolders, since a news item's page is alone in its folder.
	made    map[string]bool
	pending int        // files queued and not yet written
	done    *sync.Cond // signalled when pending falls to 0
	err     error      // the first write error
	closing sync.Once
	// record keeps how a staged file compares with the published site
	// (Set.record).
	record func(p string, v verdict)
	// A file written again (Replace) while its first write waits in the
	// queue must end with its last bytes: versions count the writes of
	// each path, and a writer skips a version older than one written. A
	// first write (Add) is version 0 and is not recorded: the maps hold
	// only the paths written again, not the hundreds of thousands of a
	// directory's pages.
	version map[string]int // the last version queued, by path
	written map[string]int // the last version written, by path, when > 0
	paths   [64]sync.Mutex // one writer at a time per path (striped)
}

// queued is how many files may wait for a writer: it bounds the memory
// the stage holds.
const queued = 64

// madeFolders is how many folders stage.made holds before it starts again.
const madeFolders = 1024

// NewStage returns an empty set that writes each file, as it is added,
// into a new staging folder beside dest (and removes the staging folders
// of builds that were killed). dest is not touched until Commit puts the
// staging folder in its place; Discard removes it. One of the two must be
// called, and the set not changed after.
func NewStage(dest string) (*Set, error) { return newStage(dest, os.WriteFile, false) }

func newStage(dest string, write writeFunc, reuse bool) (*Set, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	removeStale(parent, base)
	dir, err := os.MkdirTemp(parent, stagePrefix+base+"-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	st := &stage{dir: dir, dest: dest, writeFile: write, made: map[string]bool{".": true}, queue: make(chan queuedFile, queued)}
	if reuse {
		st.reuse = reusePrevious(filepath.Join(parent, prevPrefix+base), dir)
	}
	st.done = sync.NewCond(&st.mu)
	for range writers {
		go st.writer()
	}
	s := &Set{files: newTable(), stage: st}
	st.record = s.record
	return s, nil
}

// queuedFile is a file waiting for a writer, with the pooled buffer that
// holds its data, if any, and the version of its path it writes.
type queuedFile struct {
	File
	buf     *bytes.Buffer
	version int
}

// enqueue hands a file to the writers; it returns the first error a
// writer met, if any. buf, if not nil, goes back to the pool once the
// file is written. again is set for a write that may follow another of
// the same path.
func (st *stage) enqueue(p string, data []byte, buf *bytes.Buffer, again bool) error {
	st.mu.Lock()
	err := st.err
	st.pending++
	v := 0
	if again {
		if st.version == nil {
			st.version, st.written = map[string]int{}, map[string]int{}
		}
		st.version[p]++
		v = st.version[p]
	}
	st.mu.Unlock()
	st.queue <- queuedFile{File{Path: p, Data: data}, buf, v}
	return err
}

// writeVersion writes version v of a file unless a later one is written.
func (st *stage) writeVersion(f queuedFile) error {
	lock := &st.paths[stripe(f.Path)]
	lock.Lock()
	defer lock.Unlock()
	st.mu.Lock()
	stale := st.written[f.Path] > f.version // a nil map reads 0
	st.mu.Unlock()
	if stale {
		return nil
	}
	err := st.write(f.Path, f.Data)
	if f.version > 0 {
		st.mu.Lock()
		st.written[f.Path] = f.version
		st.mu.Unlock()
	}
	return err
}

// stripe picks the lock of a path.
func stripe(p string) int {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(p); i++ {
		h = (h ^ uint32(p[i])) * 16777619
	}
	return int(h % 64)
}

func (st *stage) writer() {
	for f := range st.queue {
		err := st.writeVersion(f)
		PutBuffer(f.buf)
		st.mu.Lock()
		if err != nil && st.err == nil {
			st.err = err
		}
		st.pending--
		if st.pending == 0 {
			st.done.Broadcast()
		}
		st.mu.Unlock()
	}
}

// wait returns once every queued file is written, with the first error.
func (st *stage) wait() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	for st.pending > 0 {
		st.done.Wait()
	}
	return st.err
}

// close waits for the writers and stops them.
func (st *stage) close() error {
	err := st.wait()
	st.closing.Do(func() { close(st.queue) })
	return err
}

func (st *stage) name(p string) (string, error) {
	name := filepath.Join(st.dir, filepath.FromSlash(p))
	if !strings.HasPrefix(name, st.dir+string(filepath.Separator)) {
		return "", fmt.Errorf("output: %s leaves the destination", p)
	}
	return name, nil
}

func (st *stage) write(p string, data []byte) error {
	name, err := st.name(p)
	if err != nil {
		return err
	}
	folder := path.Dir(p) // a part of p: the map costs no string of its own
	st.mu.Lock()
	made := st.made[folder]
	st.mu.Unlock()
	if !made {
		if err := st.mkdir(filepath.Dir(name)); err != nil {
			return err
		}
		st.mu.Lock()
		if len(st.made) == madeFolders {
			clear(st.made)
		}
		st.made[folder] = true
		st.mu.Unlock()
	}
	if st.reuse != nil {
		err = st.reuse.write(p, name, data, st.writeFile)
	} else {
		err = st.writeFile(name, data, 0o644)
	}
	if err == nil {
		st.record(p, compare(name, filepath.Join(st.dest, filepath.FromSlash(p)), data))
	}
	return err
}

// mkdir makes a folder and its parents; in a reused site, files of the
// previous build that stand in their way are removed.
func (st *stage) mkdir(dir string) error {
	if (st.reuse == nil || !st.reuse.found) && os.Mkdir(dir, 0o755) == nil {
		return nil // in an empty stage, the parent is most often made: one system call, where MkdirAll makes three
	}
	err := os.MkdirAll(dir, 0o755)
	if err != nil && st.reuse != nil {
		clearPath(st.dir, dir)
		err = os.MkdirAll(dir, 0o755)
	}
	return err
}

// read returns a file once every queued file is written.
func (st *stage) read(p string) ([]byte, error) {
	name, err := st.name(p)
	if err != nil {
		return nil, err
	}
	if err := st.wait(); err != nil {
		return nil, err
	}
	return os.ReadFile(name)
}

// Commit puts the staging folder of a set made by NewStage in place of its
// destination, in one rename (an exchange on Linux), then removes the
// previous site (or keeps it, for NewReusingStage). If it fails, the
// destination is left as it was and the staging folder is removed.
func (s *Set) Commit() error {
	st := s.stage
	if st == nil {
		return fmt.Errorf("output: the set is in memory, not staged")
	}
	if err := st.close(); err != nil {
		st.drop()
		return err
	}
	keep := ""
	if st.reuse != nil {
		st.reuse.removeStale(st.dir, s.files)
		keep = st.reuse.keep
	}
	changes := count(s.files)
	if info, err := os.Lstat(st.dest); err == nil && info.IsDir() {
		changes.Published, changes.Removed = true, removed(st.dest, s.files)
	}
	if err := swap(st.dir, st.dest, keep); err != nil {
		st.drop()
		return err
	}
	s.changes = changes
	return nil
}

// Discard removes the staging folder of a set made by NewStage, leaving
// its destination as it was; for a set in memory it does nothing.
func (s *Set) Discard() {
	if s.stage != nil {
		_ = s.stage.close()
		s.stage.drop()
	}
}

// drop removes the staging folder; one made from a previous site is kept
// for the next build instead, whatever this one wrote into it.
func (st *stage) drop() {
	if st.reuse != nil && st.reuse.found && os.Rename(st.dir, st.reuse.keep) == nil {
		return
	}
	os.RemoveAll(st.dir)
}
