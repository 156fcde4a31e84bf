package stamp

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/sitefs"
)

func site() fstest.MapFS {
	return fstest.MapFS{
		"config.toml":                  {Data: []byte("title = \"T\"\n")},
		"content/cpts/a/index.md":      {Data: []byte("+++\nname = \"A\"\n+++\n")},
		"content/cpts/a/communes.toml": {Data: []byte("communes = []\n")},
		"static/css/site.css":          {Data: []byte("body{}")},
	}
}

// TestInputsFollowWhatABuildReads: every change to what a build reads
// changes the fingerprint; what it never reads does not.
func TestInputsFollowWhatABuildReads(t *testing.T) {
	base, err := Inputs(site(), "config.toml", []byte("program"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		edit   func(fstest.MapFS)
		config string
		extra  string
		same   bool
	}{
		{"nothing", func(fstest.MapFS) {}, "", "", true},
		{"a modification time", func(m fstest.MapFS) { m["static/css/site.css"].ModTime = time.Unix(1, 0) }, "", "", true},
		{"a hidden file", func(m fstest.MapFS) { m["content/.DS_Store"] = &fstest.MapFile{Data: []byte("x")} }, "", "", true},
		{"a file of a folder a build does not read", func(m fstest.MapFS) { m["README.md"] = &fstest.MapFile{Data: []byte("x")} }, "", "", true},
		{"an entry of a hidden folder, which sitefs judges", func(m fstest.MapFS) { m["content/.notes/x.md"] = &fstest.MapFile{Data: []byte("x")} }, "", "", false},
		{"a byte of content", func(m fstest.MapFS) { m["content/cpts/a/index.md"].Data[4] = 'N' }, "", "", false},
		{"the configuration", func(m fstest.MapFS) { m["config.toml"].Data = []byte("title = \"U\"\n") }, "", "", false},
		{"another configuration file", func(m fstest.MapFS) { m["sites/x.toml"] = &fstest.MapFile{Data: []byte("title = \"T\"\n")} }, "sites/x.toml", "", false},
		{"a new file", func(m fstest.MapFS) { m["layouts/cpts.html"] = &fstest.MapFile{Data: []byte("x")} }, "", "", false},
		{"a removed file", func(m fstest.MapFS) { delete(m, "static/css/site.css") }, "", "", false},
		{"a new empty folder", func(m fstest.MapFS) { m["content/news"] = &fstest.MapFile{Mode: os.ModeDir} }, "", "", false},
		{"a file renamed", func(m fstest.MapFS) {
			m["static/css/other.css"] = m["static/css/site.css"]
			delete(m, "static/css/site.css")
		}, "", "", false},
		{"the program", func(fstest.MapFS) {}, "", "another program", false},
	} {
		m := site()
		for _, f := range m {
			f.Data = append([]byte(nil), f.Data...)
		}
		tc.edit(m)
		config, extra := "config.toml", "program"
		if tc.config != "" {
			config = tc.config
		}
		if tc.extra != "" {
			extra = tc.extra
		}
		got, err := Inputs(m, config, []byte(extra))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if (got == base) != tc.same {
			t.Errorf("%s: same fingerprint %v, want %v", tc.name, got == base, tc.same)
		}
	}
}

// TestInputsOfARefusedPath: a link sitefs refuses gives no fingerprint
// (the build runs, and reports it).
func TestInputsOfARefusedPath(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "static", "p.txt")); err != nil {
		t.Skip(err)
	}
	fsys, err := sitefs.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := Inputs(fsys, "config.toml"); err == nil {
		t.Errorf("a link to /etc/passwd: fingerprint %s, want an error", got)
	}
}

// TestListingFollowsThePublishedFolder: a file changed, added or removed
// in the published folder changes its listing.
func TestListingFollowsThePublishedFolder(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write := func(p, s string) {
		t.Helper()
		p = filepath.Join(dest, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "<p>a")
	write("cpts/a/index.html", "<p>b")
	listing := func() string {
		t.Helper()
		l, err := Listing(dest)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	l0 := listing()
	if l := listing(); l != l0 {
		t.Fatal("two listings of the same folder differ")
	}
	write("cpts/a/index.html", "<p>c") // same size: the time tells
	old := time.Now().Add(-time.Hour)
	_ = os.Chtimes(filepath.Join(dest, "cpts/a/index.html"), old, old)
	l1 := listing()
	if l1 == l0 {
		t.Error("a file changed by hand: same listing")
	}
	write("cpts/b/index.html", "<p>d")
	if l := listing(); l == l1 {
		t.Error("a file added by hand: same listing")
	}
	if _, err := Listing(filepath.Join(dest, "none")); err == nil {
		t.Error("a missing folder has a listing")
	}
}

func TestFresh(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 4, d, 0, 0, 0, 0, time.UTC) }
	st := &Stamp{Inputs: "i", Output: "o", From: day(10), Until: day(17)}
	for _, tc := range []struct {
		name           string
		inputs, output string
		now            time.Time
		want           bool
	}{
		{"same inputs, output and span", "i", "o", day(12), true},
		{"at the stamped date", "i", "o", day(10), true},
		{"other inputs", "x", "o", day(12), false},
		{"the published folder changed", "i", "x", day(12), false},
		{"before the stamped date", "i", "o", day(9), false},
		{"when the next change comes", "i", "o", day(17), false},
	} {
		if got := st.Fresh(tc.inputs, tc.output, tc.now); got != tc.want {
			t.Errorf("%s: Fresh = %v, want %v", tc.name, got, tc.want)
		}
	}
	forever := &Stamp{Inputs: "i", Output: "o", From: day(10)}
	if !forever.Fresh("i", "o", day(10).AddDate(30, 0, 0)) {
		t.Error("a stamp with no next change is not fresh thirty years on")
	}
	var none *Stamp
	if none.Fresh("i", "o", day(12)) {
		t.Error("no stamp is fresh")
	}
}

func TestWriteRead(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if Read(dest) != nil {
		t.Fatal("a stamp where none was written")
	}
	st := &Stamp{Inputs: "i", Output: "o", From: time.Unix(100, 0).UTC(), Summary: "1 CPTS\n",
		Diagnostics: diag.List{{Pos: diag.Pos{File: "content/x.md", Line: 2, Col: 3}, Severity: diag.Warning, Code: diag.Unsafe, Msg: "m", Hint: "h"}}}
	if err := st.Write(dest); err != nil {
		t.Fatal(err)
	}
	got := Read(dest)
	if got == nil || got.Inputs != "i" || !got.From.Equal(st.From) || !got.Until.IsZero() || got.Summary != st.Summary ||
		len(got.Diagnostics) != 1 || got.Diagnostics[0] != st.Diagnostics[0] {
		t.Fatalf("read %+v, want %+v", got, st)
	}
	if filepath.Dir(Path(dest)) != filepath.Dir(dest) {
		t.Errorf("the stamp %s is not beside %s", Path(dest), dest)
	}
	if err := os.WriteFile(Path(dest), []byte(`{"version": 0, "inputs": "i"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if Read(dest) != nil {
		t.Error("a stamp of another version is read")
	}
	Remove(dest)
	if Read(dest) != nil {
		t.Error("a removed stamp is read")
	}
}

// TestListingOfIsListing: the listing of a build's files, asked for one
// by one, is the listing of the folder read whole.
func TestListingOfIsListing(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	paths := []string{"index.html", "cpts/a/index.html", "cpts/a/affiche/index.html", "search/s/lu.0123456789.json", "404.html"}
	for i, p := range paths {
		name := filepath.Join(dest, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(strings.Repeat("x", i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	whole, err := Listing(dest)
	if err != nil {
		t.Fatal(err)
	}
	of, err := ListingOf(dest, paths)
	if err != nil || of != whole {
		t.Errorf("ListingOf = %s, %v; Listing = %s", of, err, whole)
	}
	if of, _ := ListingOf(dest, paths[1:]); of == whole {
		t.Error("the listing of some of the files is that of the folder")
	}
}
