package server

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// ChangeKind classifies a changed file by the work it calls for.
type ChangeKind int

// The kinds of change, in the order of the work they could need. They
// name changes in the server's log; what is rebuilt is IncrementalBuilder's
// choice (build.Incremental says which changes it rebuilds alone).
const (
	ChangeStatic   ChangeKind = iota // static/
	ChangeContent                    // content/
	ChangeTemplate                   // layouts/, i18n/
	ChangeConfig                     // the configuration
)

// String names the kind.
func (k ChangeKind) String() string {
	return [...]string{"static", "content", "template", "config"}[k]
}

// Classify returns the kind of a path relative to the site folder, and
// false for files the site does not read (public/, editor backups, dotfiles).
func Classify(rel, config string) (ChangeKind, bool) {
	rel = filepath.ToSlash(rel)
	base := filepath.Base(rel)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") ||
		strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") {
		return 0, false
	}
	top, _, _ := strings.Cut(rel, "/")
	switch {
	case rel == config:
		return ChangeConfig, true
	case top == "content":
		return ChangeContent, true
	case top == "layouts" || top == "i18n":
		return ChangeTemplate, true
	case top == "static":
		return ChangeStatic, true
	}
	return 0, false
}

// Debounce is the quiet time `cpts serve` waits for after a file event
// before it rebuilds: editors that write a temporary file and rename it,
// or truncate and then write, give one batch. It is part of the time from
// a save to the reload of the page.
const Debounce = 30 * time.Millisecond

// Batch is a set of changes that arrived together.
type Batch struct {
	Kind  ChangeKind // the largest kind in the batch
	Paths []string   // relative paths, sorted
}

// Watch watches the site folder root and calls onBatch with each batch of
// changes, debounced by quiet: editors that save by writing a temporary
// file and renaming it give one batch, without the temporary file; a batch
// of temporary files alone is not reported. New folders are watched as
// they appear; removed ones are dropped. onBatch runs on a goroutine of
// its own, one batch at a time: the changes seen meanwhile make the next
// batch, and each calls onChange (when not nil), so that the work of the
// running batch may stop early (Server.Interrupt). It returns when ctx is
// done, once the running batch has returned.
func Watch(ctx context.Context, root, config string, quiet time.Duration, onBatch func(Batch), onChange func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	dirs := map[string]bool{} // the folders watched, to tell a removed folder from a temporary file
	if err := addTree(w, root, dirs); err != nil {
		return err
	}
	pending := map[string]ChangeKind{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	running := false                // onBatch is running
	returned := make(chan struct{}) // it returned
	var last time.Time              // of the last change
	defer func() {
		if running {
			<-returned
		}
	}()
	changed := func() {
		last = time.Now()
		timer.Reset(quiet)
		if running && onChange != nil {
			onChange()
		}
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-returned:
			running = false
			if len(pending) > 0 { // the quiet time may have passed meanwhile
				timer.Reset(max(0, quiet-time.Since(last)))
			}
		case err := <-w.Errors:
			if err != nil && !errors.Is(err, fsnotify.ErrEventOverflow) {
				return err
			}
			pending["content"] = ChangeConfig // overflow: rebuild everything
			changed()
		case ev := <-w.Events:
			rel, err := filepath.Rel(root, ev.Name)
			if err != nil {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					_ = addTree(w, ev.Name, dirs)
				}
			}
			kind, ok := Classify(rel, config)
			if !ok {
				continue
			}
			if k, seen := pending[rel]; !seen || kind > k {
				pending[rel] = kind
			}
			changed()
		case <-timer.C:
			if running {
				continue // the batch comes once the running one returns
			}
			b := Batch{}
			for p, k := range pending {
				full := filepath.Join(root, p)
				if _, err := os.Lstat(full); err != nil {
					if !dirs[full] && temporary(p) {
						continue // an editor's temporary file, already gone
					}
					delete(dirs, full)
				}
				b.Paths = append(b.Paths, p)
				if k > b.Kind {
					b.Kind = k
				}
			}
			pending = map[string]ChangeKind{}
			if len(b.Paths) == 0 {
				continue
			}
			sort.Strings(b.Paths)
			running = true
			go func() {
				onBatch(b)
				returned <- struct{}{}
			}()
		}
	}
}

// temporary reports whether a path that no longer exists was an editor's
// temporary file rather than a file of the site: a name without extension
// (vim's 4913, sed -i's sedXXXXXX) or a JetBrains safe-write copy. (Other
// editors' temporary files are left out by Classify.) Watch tells a
// removed folder by the folders it watches.
func temporary(p string) bool {
	base := path.Base(filepath.ToSlash(p))
	return !strings.Contains(base, ".") || strings.Contains(base, "___jb_")
}

// addTree watches dir and every folder below it, except public/ and
// hidden folders, and records them in dirs.
func addTree(w *fsnotify.Watcher, dir string, dirs map[string]bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // a folder removed while walking
		}
		if !d.IsDir() {
			return nil
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || name == "public" || name == "node_modules") {
			return filepath.SkipDir
		}
		dirs[p] = true
		return w.Add(p)
	})
}
