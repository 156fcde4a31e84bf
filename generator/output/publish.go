package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/sync/errgroup"
)

// Publish writes the set into dest atomically: files go into a staging
// folder beside dest, which then replaces dest in one rename (an exchange
// on Linux). If anything fails, dest is left exactly as it was and the
// staging folder is removed; staging folders left by a killed build are
// removed by the next one. Files of earlier builds that this one does not
// produce disappear with the old folder.
func Publish(set *Set, dest string) error { return publish(set, dest, os.WriteFile) }

// writeFunc writes one file; tests swap it to inject failures.
type writeFunc func(name string, data []byte, perm os.FileMode) error

// writers is how many files are written or removed at once: the work is
// mostly waiting for the file system, so more than the cores.
const writers = 8

func publish(set *Set, dest string, write writeFunc) error {
	staged, err := newStage(dest, write, false)
	if err != nil {
		return err
	}
	paths := set.Paths()
	var g errgroup.Group
	g.SetLimit(writers)
	for _, p := range paths {
		data, _ := set.Get(p)
		g.Go(func() error { return staged.stage.write(p, data) })
	}
	if err := g.Wait(); err != nil {
		staged.Discard()
		return err
	}
	return staged.Commit()
}

// swap puts stage in place of dest, and removes the old dest, or moves it
// to keep when keep is not empty.
func swap(stage, dest, keep string) error {
	info, err := os.Lstat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return os.Rename(stage, dest)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("output: %s exists and is not a folder", dest)
	}
	if err := exchange(stage, dest); err == nil {
		return retire(stage, keep) // stage now holds the old site
	}
	old := stage + ".old"
	if err := os.Rename(dest, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dest); err != nil {
		_ = os.Rename(old, dest)
		return err
	}
	return retire(old, keep)
}

// retire moves the replaced site to keep, or removes it.
func retire(old, keep string) error {
	if keep != "" && os.Rename(old, keep) == nil {
		return nil
	}
	return removeTree(old)
}

// removeTree removes a folder: first the entries of its subfolders, in
// parallel (a site is a few folders of tens of thousands of entries
// each), then what is left.
func removeTree(dir string) error {
	var inner []string
	tops, err := os.ReadDir(dir)
	if err != nil {
		return os.RemoveAll(dir)
	}
	for _, t := range tops {
		if !t.IsDir() {
			continue
		}
		subs, _ := os.ReadDir(filepath.Join(dir, t.Name()))
		for _, s := range subs {
			inner = append(inner, filepath.Join(dir, t.Name(), s.Name()))
		}
	}
	var g errgroup.Group
	g.SetLimit(writers)
	for _, p := range inner {
		g.Go(func() error { return os.RemoveAll(p) })
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return os.RemoveAll(dir)
}

// removeStale deletes staging folders of builds that were killed.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, stagePrefix+base+"-*"))
	for _, m := range matches {
		_ = os.RemoveAll(m)
	}
}
