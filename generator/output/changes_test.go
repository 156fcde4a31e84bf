package output

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestChangesAgainstPublished checks the counts a build reports against
// the site it replaces, and that an unchanged file keeps the modification
// time it was published with, with a reusing stage and a fresh one alike.
func TestChangesAgainstPublished(t *testing.T) {
	for _, reuse := range []bool{true, false} {
		dest := filepath.Join(t.TempDir(), "public")
		build := func(files map[string]string) Changes {
			s, err := newStage(dest, os.WriteFile, reuse)
			if err != nil {
				t.Fatal(err)
			}
			for p, d := range files {
				if err := s.Add(p, []byte(d)); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			return s.Changes()
		}
		if c := build(map[string]string{"a.html": "a", "b.html": "b", "c.html": "c"}); c.Published {
			t.Errorf("reuse %v: first build compared with %+v", reuse, c)
		}
		old := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
		for _, f := range []string{"a.html", "b.html", "c.html"} {
			if err := os.Chtimes(filepath.Join(dest, f), old, old); err != nil {
				t.Fatal(err)
			}
		}
		// Twice: a reusing stage is made from the site before the last.
		for i, want := range []Changes{{Added: 1, Changed: 1, Removed: 1, Unchanged: 1, Published: true}, {Unchanged: 3, Published: true}} {
			c := build(map[string]string{"a.html": "a", "b.html": "B", "d.html": "d"})
			if c != want {
				t.Errorf("reuse %v, build %d: %+v, want %+v", reuse, i+2, c, want)
			}
			info, err := os.Stat(filepath.Join(dest, "a.html"))
			if err != nil || !info.ModTime().Equal(old) {
				t.Errorf("reuse %v: a.html, unchanged, has time %v, want %v", reuse, info.ModTime(), old)
			}
		}
	}
}

// TestFileWrittenTwiceCountsOnce: a file replaced after it was staged (an
// image stripped of its metadata after its copy) is one file of the
// counts, with the verdict of its last write.
func TestFileWrittenTwiceCountsOnce(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build := func(replace string) Changes {
		s, err := newStage(dest, os.WriteFile, true)
		if err != nil {
			t.Fatal(err)
		}
		for _, err := range []error{s.Add("a.svg", []byte("brut")), s.Replace("a.svg", []byte(replace)), s.Add("b.html", []byte("b"))} {
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		return s.Changes()
	}
	build("propre")
	if c, want := build("propre"), (Changes{Unchanged: 2, Published: true}); c != want {
		t.Errorf("unchanged rebuild: %+v, want %+v", c, want)
	}
	if c, want := build("autre"), (Changes{Changed: 1, Unchanged: 1, Published: true}); c != want {
		t.Errorf("one file changed: %+v, want %+v", c, want)
	}
}
