package load

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestNewsFolder lists the news items of a folder as a full build reads
// them, and refuses a folder with anything else.
func TestNewsFolder(t *testing.T) {
	file := &fstest.MapFile{Data: []byte("x")}
	for _, tc := range []struct {
		name  string
		files []string
		want  []string // nil: not ok
	}{
		{"items, a bundle, images, an editor's backup", []string{"2026-01-04-a.md", "photo.jpg", "2026-02-01-b/index.md", "2026-02-01-b/une.png", ".2026-01-04-a.md.swp", "2026-01-04-a.md~"},
			[]string{"n/2026-01-04-a.md", "n/2026-02-01-b/index.md"}},
		{"an item dated by month", []string{"2026-01-c.md"}, []string{"n/2026-01-c.md"}},
		{"a stray file", []string{"2026-01-04-a.md", "notes.txt"}, nil},
		{"no date", []string{"a.md"}, nil},
		{"a date that is none", []string{"2026-13-01-a.md"}, nil},
		{"a bundle without its index.md", []string{"2026-02-01-b/une.png"}, nil},
		{"a bundle with a stray file", []string{"2026-02-01-b/index.md", "2026-02-01-b/notes.txt"}, nil},
		{"a folder that is no bundle", []string{"photos/une.png"}, nil},
	} {
		fsys := fstest.MapFS{}
		for _, f := range tc.files {
			fsys["n/"+f] = file
		}
		got, ok := NewsFolder(fsys, "n")
		if ok != (tc.want != nil) || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, %v; want %q", tc.name, got, ok, tc.want)
		}
	}
}
