package output

import (
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
)

func testSet(t *testing.T, files map[string]string) *Set {
	s := NewSet()
	for p, d := range files {
		if err := s.Add(p, []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func readTree(t *testing.T, dir string) map[string]string {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPublishReplacesAndCleans(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Publish(testSet(t, map[string]string{"index.html": "v1", "old/index.html": "stale"}), dest); err != nil {
		t.Fatal(err)
	}
	if err := Publish(testSet(t, map[string]string{"index.html": "v2", "css/a.css": "x"}), dest); err != nil {
		t.Fatal(err)
	}
	got := readTree(t, dest)
	if len(got) != 2 || got["index.html"] != "v2" || got["css/a.css"] != "x" {
		t.Errorf("public = %v, want the second build only", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("leftovers beside public: %v", entries)
	}
}

// TestPublishFailureLeavesDestUntouched injects a write failure in the
// middle of a build: the published folder must stay byte for byte as it was.
func TestPublishFailureLeavesDestUntouched(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first := map[string]string{"index.html": "v1", "a/index.html": "a1"}
	if err := Publish(testSet(t, first), dest); err != nil {
		t.Fatal(err)
	}
	var n atomic.Int32 // the writers run in parallel
	failing := func(name string, data []byte, perm os.FileMode) error {
		if n.Add(1) == 3 {
			return errors.New("disk full")
		}
		return os.WriteFile(name, data, perm)
	}
	next := testSet(t, map[string]string{"index.html": "v2", "a/index.html": "a2", "b/index.html": "b2", "c/index.html": "c2"})
	if err := publish(next, dest, failing); err == nil {
		t.Fatal("want the injected error")
	}
	got := readTree(t, dest)
	if len(got) != 2 || got["index.html"] != "v1" || got["a/index.html"] != "a1" {
		t.Errorf("public changed after a failed build: %v", got)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("staging folder left behind: %v", entries)
	}
}

func TestPublishRemovesStaleStaging(t *testing.T) {
	parent := t.TempDir()
	stale := filepath.Join(parent, stagePrefix+"public-123")
	if err := os.MkdirAll(stale, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Publish(testSet(t, map[string]string{"index.html": "x"}), filepath.Join(parent, "public")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale staging folder of a killed build is still there")
	}
}

func TestSetRejectsDuplicatesAndEscapes(t *testing.T) {
	s := NewSet()
	if err := s.Add("a/index.html", nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Add("/a/index.html", nil); err == nil {
		t.Error("want an error for a path produced twice")
	}
	if err := s.Add("../../etc/passwd", []byte("x")); err != nil || !s.Has("etc/passwd") {
		t.Errorf("a path with .. must be cleaned inside the site, got err=%v paths=%v", err, s.Paths())
	}
}

func TestFingerprint(t *testing.T) {
	a, b := Fingerprint("css/site.css", []byte("a")), Fingerprint("css/site.css", []byte("b"))
	if a == b || filepath.Ext(a) != ".css" || filepath.Dir(a) != "css" {
		t.Errorf("Fingerprint = %q, %q", a, b)
	}
}

func TestInspectSeesFilesAsStored(t *testing.T) {
	s := NewSet()
	s.MinifyWith(NewMinifier())
	seen := map[string]string{}
	s.InspectWith(func(p string, data []byte) { seen[p] = string(data) })
	if err := s.Add("/a/index.html", []byte("<p>  a  </p>")); err != nil {
		t.Fatal(err)
	}
	if err := s.Replace("a/index.html", []byte("<p>  b  </p>")); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Get("a/index.html")
	if len(seen) != 1 || seen["a/index.html"] != string(stored) || string(stored) != "<p>b</p>" {
		t.Errorf("inspected %q, stored %q", seen, stored)
	}
}
