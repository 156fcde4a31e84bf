package output

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStageWritesAsFilesComeAndCommits(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Publish(testSet(t, map[string]string{"index.html": "v1", "old/index.html": "stale"}), dest); err != nil {
		t.Fatal(err)
	}
	s, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	s.MinifyWith(NewMinifier())
	if err := s.Add("index.html", []byte("<p>  v2  </p>")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("a/b/data.bin", []byte("raw  bytes")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("/index.html", []byte("again")); !errors.Is(err, ErrDuplicate) {
		t.Errorf("Add of a path twice: err = %v, want ErrDuplicate", err)
	}
	if got, _ := s.Get("index.html"); string(got) != "<p>v2</p>" {
		t.Errorf("Get read back %q, want the minified page", got)
	}
	if s.Len() != 2 || s.Bytes() != int64(len("<p>v2</p>")+len("raw  bytes")) {
		t.Errorf("Len, Bytes = %d, %d", s.Len(), s.Bytes())
	}
	if got := readTree(t, dest); got["index.html"] != "v1" {
		t.Errorf("public changed before Commit: %v", got)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dest)
	if len(got) != 2 || got["index.html"] != "<p>v2</p>" || got["a/b/data.bin"] != "raw  bytes" {
		t.Errorf("public = %v, want the staged files only", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("leftovers beside public: %v", entries)
	}
}

func TestStageDiscardLeavesDestUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Publish(testSet(t, map[string]string{"index.html": "v1"}), dest); err != nil {
		t.Fatal(err)
	}
	s, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "x/index.html", "y/index.html"} {
		if err := s.Add(p, []byte("v2")); err != nil {
			t.Fatal(err)
		}
	}
	s.Discard()
	if got := readTree(t, dest); len(got) != 1 || got["index.html"] != "v1" {
		t.Errorf("public changed by a discarded build: %v", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("staging folder left behind: %v", entries)
	}
}

// TestStageWriteFailureStopsCommit injects a write failure: Commit must
// report it and leave the published folder as it was.
func TestStageWriteFailureStopsCommit(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Publish(testSet(t, map[string]string{"index.html": "v1"}), dest); err != nil {
		t.Fatal(err)
	}
	failing := func(name string, data []byte, perm os.FileMode) error {
		if strings.HasSuffix(filepath.ToSlash(name), "b/index.html") {
			return errors.New("disk full")
		}
		return os.WriteFile(name, data, perm)
	}
	s, err := newStage(dest, failing, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "a/index.html", "b/index.html", "c/index.html"} {
		_ = s.Add(p, []byte("v2")) // the error may come now or at Commit
	}
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("Commit = %v, want the injected error", err)
	}
	if got := readTree(t, dest); len(got) != 1 || got["index.html"] != "v1" {
		t.Errorf("public changed after a failed write: %v", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(dest)); len(entries) != 1 {
		t.Errorf("staging folder left behind: %v", entries)
	}
}

func TestCommitOfASetInMemory(t *testing.T) {
	if err := NewSet().Commit(); err == nil {
		t.Error("Commit of a set in memory: want an error")
	}
}

// TestStageKeepsTheLastWrite: a file replaced while its first write waits
// in the queue ends with the bytes of the replacement (a static image
// stripped of its metadata must not be published with it).
func TestStageKeepsTheLastWrite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := NewStage(dest)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		p := fmt.Sprintf("img/%d.jpg", i)
		if err := s.Add(p, []byte("avec GPS")); err != nil {
			t.Fatal(err)
		}
		if err := s.Replace(p, []byte("sans")); err != nil {
			t.Fatal(err)
		}
		if err := s.Add(fmt.Sprintf("page/%d.html", i), []byte("<p>x</p>")); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.stage.wait(); err != nil {
		t.Fatal(err)
	}
	if n, m := len(s.stage.version), len(s.stage.written); n != 300 || m != 300 {
		t.Errorf("the stage records the versions of %d and %d paths: want the 300 written again, not the pages written once", n, m)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if data, err := os.ReadFile(filepath.Join(dest, "img", fmt.Sprint(i)+".jpg")); err != nil || string(data) != "sans" {
			t.Fatalf("img/%d.jpg = %q, %v: the first write won", i, data, err)
		}
	}
}

// TestStageOfManyFolders writes files into more folders than the stage
// remembers, then again into the first ones.
func TestStageOfManyFolders(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	files := map[string]string{}
	for i := range madeFolders + 10 {
		files[fmt.Sprintf("n/%d/index.html", i)] = "a"
	}
	for i := range 10 {
		files[fmt.Sprintf("n/%d/b.html", i)] = "b"
	}
	reusingBuild(t, dest, files)
	if got := readTree(t, dest); !maps.Equal(got, files) {
		t.Fatalf("public has %d files, want %d", len(got), len(files))
	}
}
