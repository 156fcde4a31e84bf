package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

const stagePrefix = ".cpts-stage-"

func publish(set *Set, dest string, write writeFunc) (err error) {
	dest, err = filepath.Abs(dest)
	if err != nil {
		return err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	removeStale(parent, base)
	stage, err := os.MkdirTemp(parent, stagePrefix+base+"-")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(stage)
		}
	}()
	if err := os.Chmod(stage, 0o755); err != nil {
		return err
	}
	made := map[string]bool{}
	for _, p := range set.Paths() {
		name := filepath.Join(stage, filepath.FromSlash(p))
		if !strings.HasPrefix(name, stage+string(filepath.Separator)) {
			return fmt.Errorf("output: %s leaves the destination", p)
		}
		if dir := filepath.Dir(name); !made[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			made[dir] = true
		}
		data, _ := set.Get(p)
		if err := write(name, data, 0o644); err != nil {
			return err
		}
	}
	return swap(stage, dest)
}

// swap puts stage in place of dest and removes the old dest.
func swap(stage, dest string) error {
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
		return os.RemoveAll(stage) // stage now holds the old site
	}
	old := stage + ".old"
	if err := os.Rename(dest, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dest); err != nil {
		_ = os.Rename(old, dest)
		return err
	}
	return os.RemoveAll(old)
}

// removeStale deletes staging folders of builds that were killed.
func removeStale(parent, base string) {
	matches, _ := filepath.Glob(filepath.Join(parent, stagePrefix+base+"-*"))
	for _, m := range matches {
		_ = os.RemoveAll(m)
	}
}
