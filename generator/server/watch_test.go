package server

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		path string
		kind ChangeKind
		ok   bool
	}{
		{"config.toml", ChangeConfig, true},
		{"content/cpts/a/index.md", ChangeContent, true},
		{"layouts/cpts.html", ChangeTemplate, true},
		{"i18n/fr.toml", ChangeTemplate, true},
		{"static/css/site.css", ChangeStatic, true},
		{"public/index.html", 0, false},
		{"content/cpts/a/.index.md.swp", 0, false},
		{"content/cpts/a/index.md~", 0, false},
		{"README.md", 0, false},
	}
	for _, tt := range tests {
		kind, ok := Classify(tt.path, "config.toml")
		if kind != tt.kind || ok != tt.ok {
			t.Errorf("Classify(%q) = %v, %v; want %v, %v", tt.path, kind, ok, tt.kind, tt.ok)
		}
	}
}

// TestWatchRealEvents drives the watcher with real file events: a save,
// an editor's write-then-rename, a new folder and a file in it, a deleted
// file, a folder copied in with its files, a folder removed, and a change
// of the configuration.
func TestWatchRealEvents(t *testing.T) {
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(root, "content", "cpts", "a"), 0o755))
	must(os.WriteFile(filepath.Join(root, "config.toml"), []byte("x"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches := make(chan Batch, 16)
	go func() { _ = Watch(ctx, root, "config.toml", 40*time.Millisecond, func(b Batch) { batches <- b }, nil) }()
	time.Sleep(100 * time.Millisecond) // let the watcher start
	next := func(what string) Batch { t.Helper(); return nextBatch(t, batches, what) }

	index := filepath.Join(root, "content", "cpts", "a", "index.md")
	must(os.WriteFile(index, []byte("one"), 0o644))
	if b := next("a save"); b.Kind != ChangeContent || !contains(b.Paths, "content/cpts/a/index.md") {
		t.Errorf("save: %+v", b)
	}

	tmp := index + ".tmp"
	must(os.WriteFile(tmp, []byte("two"), 0o644))
	must(os.Rename(tmp, index))
	if b := next("a rename-on-save"); !contains(b.Paths, "content/cpts/a/index.md") {
		t.Errorf("rename: %+v", b)
	}

	// vim's write test and a JetBrains safe write: the temporary files are
	// gone when the batch is made, and left out of it.
	for _, name := range []string{"4913", "index.md___jb_tmp___"} {
		p := filepath.Join(root, "content", "cpts", "a", name)
		must(os.WriteFile(p, []byte("t"), 0o644))
		must(os.Remove(p))
	}
	must(os.WriteFile(index, []byte("three"), 0o644))
	if b := next("a save with temporary files"); len(b.Paths) != 1 || !contains(b.Paths, "content/cpts/a/index.md") {
		t.Errorf("temporary files: %+v, want only content/cpts/a/index.md", b)
	}
	p := filepath.Join(root, "content", "cpts", "a", "4913")
	must(os.WriteFile(p, []byte("t"), 0o644))
	must(os.Remove(p))
	if n := drain(batches); n != 0 {
		t.Errorf("temporary files alone gave %d batches, want none", n)
	}

	dir := filepath.Join(root, "content", "cpts", "b")
	must(os.MkdirAll(filepath.Join(dir, "news"), 0o755))
	time.Sleep(100 * time.Millisecond) // the new folders get watched
	_ = drain(batches)
	must(os.WriteFile(filepath.Join(dir, "news", "2020-01-01-x.md"), []byte("x"), 0o644))
	if b := next("a file in a new folder"); !contains(b.Paths, "content/cpts/b/news/2020-01-01-x.md") {
		t.Errorf("new folder: %+v", b)
	}

	news := filepath.Join(dir, "news", "2020-01-01-x.md")
	must(os.Remove(news))
	if b := next("a deleted file"); !contains(b.Paths, "content/cpts/b/news/2020-01-01-x.md") {
		t.Errorf("delete: %+v", b)
	}

	// A folder copied in with its files: they may be written before the
	// watcher sees the folder, so the batch names the folder (a full
	// build reads it), and later changes in it are seen.
	copied := filepath.Join(root, "content", "cpts", "c")
	must(os.MkdirAll(filepath.Join(copied, "news"), 0o755))
	must(os.WriteFile(filepath.Join(copied, "index.md"), []byte("x"), 0o644))
	if b := next("a copied folder"); !contains(b.Paths, "content/cpts/c") && !contains(b.Paths, "content/cpts/c/index.md") {
		t.Errorf("copied folder: %+v", b)
	}
	_ = drain(batches)
	must(os.WriteFile(filepath.Join(copied, "news", "2020-01-02-y.md"), []byte("y"), 0o644))
	if b := next("a file in a copied folder"); !contains(b.Paths, "content/cpts/c/news/2020-01-02-y.md") {
		t.Errorf("file in copied folder: %+v", b)
	}

	must(os.RemoveAll(dir))
	if b := next("a removed folder"); b.Kind != ChangeContent || !contains(b.Paths, "content/cpts/b") {
		t.Errorf("remove: %+v", b)
	}

	must(os.WriteFile(filepath.Join(root, "config.toml"), []byte("y"), 0o644))
	if b := next("a config change"); b.Kind != ChangeConfig {
		t.Errorf("config: %+v", b)
	}
}

func drain(c chan Batch) int {
	n := 0
	for {
		select {
		case <-c:
			n++
		case <-time.After(150 * time.Millisecond):
			return n
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s || strings.HasSuffix(x, "/"+s) {
			return true
		}
	}
	return false
}

// TestWatchDuringABatch: a change saved while the last batch is still
// being handled calls onChange (the rebuild stops its completion), and
// makes the next batch once that one returns.
func TestWatchDuringABatch(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	batches, release, changes := make(chan Batch, 4), make(chan struct{}), make(chan struct{}, 16)
	first := true
	go func() {
		_ = Watch(ctx, root, "config.toml", 20*time.Millisecond, func(b Batch) {
			batches <- b
			if first { // a long rebuild
				first = false
				<-release
			}
		}, func() { changes <- struct{}{} })
	}()
	time.Sleep(100 * time.Millisecond) // let the watcher start
	write := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	next := func(what string) Batch { t.Helper(); return nextBatch(t, batches, what) }
	write("a.md")
	if b := next("a save"); !contains(b.Paths, "content/a.md") {
		t.Fatalf("first batch %+v", b)
	}
	write("b.md")
	select {
	case <-changes:
	case <-time.After(5 * time.Second):
		t.Fatal("a save during the batch: onChange not called")
	}
	select {
	case b := <-batches:
		t.Fatalf("a batch (%+v) before the running one returned", b)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	if b := next("the running batch returned"); !contains(b.Paths, "content/b.md") || contains(b.Paths, "content/a.md") {
		t.Errorf("second batch %+v, want content/b.md alone", b)
	}
}

// nextBatch waits for the next batch of the watcher, after what.
func nextBatch(t *testing.T, batches <-chan Batch, what string) Batch {
	t.Helper()
	select {
	case b := <-batches:
		return b
	case <-time.After(5 * time.Second):
		t.Fatalf("no batch after %s", what)
	}
	return Batch{}
}
