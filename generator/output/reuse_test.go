package output

import (
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
)

// reusingBuild stages files with a reusing stage, commits, and returns the
// files it wrote (relative paths).
func reusingBuild(t *testing.T, dest string, files map[string]string) []string {
	t.Helper()
	var mu sync.Mutex
	var written []string
	spy := func(name string, data []byte, perm os.FileMode) error {
		mu.Lock()
		written = append(written, name)
		mu.Unlock()
		return os.WriteFile(name, data, perm)
	}
	s, err := newStage(dest, spy, true)
	if err != nil {
		t.Fatal(err)
	}
	dir := s.stage.dir
	for p, d := range files {
		if err := s.Add(p, []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, w := range written {
		rel, _ := filepath.Rel(dir, w)
		out = append(out, filepath.ToSlash(rel))
	}
	sort.Strings(out)
	return out
}

func TestReusingStage(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	prev := filepath.Join(parent, prevPrefix+"public")
	outside := filepath.Join(parent, "outside.txt")
	if err := os.WriteFile(outside, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}

	first := map[string]string{"index.html": "v1", "same/index.html": "s", "old/index.html": "stale", "f/index.html": "dir", "g": "file", "link/index.html": "l"}
	reusingBuild(t, dest, first)
	if _, err := os.Stat(prev); !os.IsNotExist(err) {
		t.Fatalf("nothing to keep after the first build, got %v", err)
	}
	second := map[string]string{"index.html": "v2", "same/index.html": "s"}
	reusingBuild(t, dest, second)
	if got := readTree(t, dest); !maps.Equal(got, second) {
		t.Fatalf("public = %v, want %v", got, second)
	}
	if got := readTree(t, prev); !maps.Equal(got, first) {
		t.Fatalf("kept = %v, want the first build %v", got, first)
	}
	// Links that a user put in the published folder (symbolic, hard) must
	// not be written through when that folder is reused.
	if err := os.Remove(filepath.Join(prev, "link", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(prev, "link", "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(prev, "index.html")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(outside, filepath.Join(prev, "index.html")); err != nil {
		t.Fatal(err)
	}

	// The third build is staged in the first one's folder.
	third := map[string]string{"index.html": "v3", "same/index.html": "s", "f": "now a file", "g/index.html": "now a folder", "link/index.html": "new", "new/index.html": "n"}
	written := reusingBuild(t, dest, third)
	if got := readTree(t, dest); !maps.Equal(got, third) {
		t.Errorf("public = %v, want exactly %v", got, third)
	}
	if got := readTree(t, prev); !maps.Equal(got, second) {
		t.Errorf("kept = %v, want the second build", got)
	}
	if _, err := os.Stat(filepath.Join(dest, "old")); !os.IsNotExist(err) {
		t.Errorf("the folder of a file the build no longer has is still there: %v", err)
	}
	if strings.Contains(strings.Join(written, " "), "same/index.html") {
		t.Errorf("an unchanged file was written again: %v", written)
	}
	if data, _ := os.ReadFile(outside); string(data) != "mine" {
		t.Errorf("a write went through a link out of the site: %q", data)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 3 {
		t.Errorf("beside public: %v, want public, the kept build and outside.txt", entries)
	}
}

func TestReusingStageDiscardKeepsPrevious(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	prev := filepath.Join(parent, prevPrefix+"public")
	reusingBuild(t, dest, map[string]string{"index.html": "v1"})
	reusingBuild(t, dest, map[string]string{"index.html": "v2"})
	s, err := NewReusingStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add("index.html", []byte("v3")); err != nil {
		t.Fatal(err)
	}
	s.Discard()
	if got := readTree(t, dest); got["index.html"] != "v2" || len(got) != 1 {
		t.Errorf("public changed by a discarded build: %v", got)
	}
	if _, err := os.Stat(prev); err != nil {
		t.Errorf("the kept build is lost: %v", err)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		t.Errorf("beside public: %v", entries)
	}
}
