package output

import (
	"errors"
	"path/filepath"
	"testing"
)

// AddTransient must keep nothing of the caller's slice: the render
// workers write the next page into it as soon as it returns.
func TestAddTransientKeepsNoneOfTheCallersBytes(t *testing.T) {
	for _, tc := range []struct {
		name   string
		stage  bool
		minify bool
		want   string
	}{
		{"memory", false, false, "<p>  page  </p>"},
		{"memory minified", false, true, "<p>page</p>"},
		{"stage", true, false, "<p>  page  </p>"},
		{"stage minified", true, true, "<p>page</p>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			s := NewSet()
			if tc.stage {
				var err error
				if s, err = NewStage(dest); err != nil {
					t.Fatal(err)
				}
			}
			if tc.minify {
				s.MinifyWith(NewMinifier())
			}
			page := []byte("<p>  page  </p>")
			if err := s.AddTransient("a/index.html", page, false); err != nil {
				t.Fatal(err)
			}
			copy(page, "XXXXXXXXXXXXXXX") // the caller reuses its buffer
			if err := s.AddTransient("a/index.html", page, false); !errors.Is(err, ErrDuplicate) {
				t.Errorf("second AddTransient of a path: err = %v, want ErrDuplicate", err)
			}
			if got, _ := s.Get("a/index.html"); string(got) != tc.want {
				t.Errorf("Get = %q, want %q", got, tc.want)
			}
			if !tc.stage {
				return
			}
			if err := s.Commit(); err != nil {
				t.Fatal(err)
			}
			if got := readTree(t, dest)["a/index.html"]; got != tc.want {
				t.Errorf("written %q, want %q", got, tc.want)
			}
		})
	}
}
