package sitefs

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzRule makes a site with two links whose paths and targets the fuzzer
// chooses, beside a secret file and hidden files, then reads a path it
// chooses, and walks the site as the build does. Whatever the links, no
// read returns a secret, and every file Scan lets through resolves to a
// regular file inside the site, out of hidden folders.
func FuzzRule(f *testing.F) {
	f.Add("static/a.txt", "/etc/passwd", "static/b", "../.git", "static/a.txt")
	f.Add("static/a.txt", "b/../../../secret.txt", "static/b", "sub", "static/b/a.txt")
	f.Add("static/a.txt", "b", "static/b", "a.txt", "static/a.txt")
	f.Add("content", "../..", "static/x", "../content/../.env", "content/secret.txt")
	f.Add("static/x/y", "../../.env", "static/z", "x/y", "static/z")
	f.Fuzz(func(t *testing.T, link1, target1, link2, target2, open string) {
		if !fs.ValidPath(link1) || !fs.ValidPath(link2) || link1 == "." || link2 == "." {
			return
		}
		top := t.TempDir()
		dir := filepath.Join(top, "site")
		writeTree(t, top)
		for _, l := range [][2]string{{link1, target1}, {link2, target2}} {
			p := filepath.Join(dir, filepath.FromSlash(l[0]))
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.Symlink(l[1], p) // may fail: that case is not interesting
		}
		fsys, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if fs.ValidPath(open) {
			if data, err := fsys.ReadFile(open); err == nil && bytes.Contains(data, []byte("SECRET")) {
				t.Fatalf("ReadFile(%q) read a secret", open)
			}
		}
		_, refused := Scan(fsys)
		for _, top := range Read {
			fs.WalkDir(fsys, top, func(p string, d fs.DirEntry, err error) error {
				if err != nil || refused[p] {
					return fs.SkipDir
				}
				if d.IsDir() {
					return nil
				}
				data, err := fsys.ReadFile(p)
				if err != nil {
					return nil
				}
				if bytes.Contains(data, []byte("SECRET")) {
					t.Fatalf("%s: the walk read a secret", p)
				}
				real, err := filepath.EvalSymlinks(filepath.Join(dir, filepath.FromSlash(p)))
				if err != nil {
					t.Fatalf("%s: read, but does not resolve: %v", p, err)
				}
				rel, err := filepath.Rel(dir, real)
				if err != nil || rel == ".." || strings.HasPrefix(rel, "../") || hidden(filepath.ToSlash(rel)) {
					t.Fatalf("%s resolves to %s, outside the site or hidden", p, real)
				}
				return nil
			})
		}
	})
}
