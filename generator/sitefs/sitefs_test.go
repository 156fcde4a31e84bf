package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/diag"
)

// writeTree writes, under top, a site folder beside a secret file, with
// secrets in hidden files of the site and a few ordinary files.
func writeTree(t testing.TB, top string) {
	t.Helper()
	for name, data := range map[string]string{
		"secret.txt":              "SECRET outside",
		"site/.git/config":        "SECRET git",
		"site/.env":               "SECRET env",
		"site/config.toml":        "title = \"T\"\n",
		"site/static/real.txt":    "real",
		"site/static/sub/a.txt":   "a",
		"site/content/pages/x.md": "+++\ntitle = \"x\"\n+++\n",
	} {
		p := filepath.Join(top, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// site makes a site folder beside a secret file and a hidden folder, with
// the links given (path in the site -> target), and opens it.
func site(t testing.TB, links map[string]string) (*FS, string) {
	t.Helper()
	top := t.TempDir()
	dir := filepath.Join(top, "site")
	writeTree(t, top)
	for name, target := range links {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	fsys, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return fsys, dir
}

func TestLinks(t *testing.T) {
	tests := []struct {
		link, target string
		want         string // "" when the link is followed; else part of the reason
	}{
		{"static/alias.txt", "real.txt", ""},
		{"static/deep.txt", "sub/a.txt", ""},
		{"static/up.txt", "../static/real.txt", ""},
		{"static/env.txt", "/proc/self/environ", "leaves the site folder"},
		{"static/passwd.txt", "/etc/passwd", "leaves the site folder"},
		{"static/etc", "/etc", "leaves the site folder"},
		{"static/secret.txt", "../../secret.txt", "leaves the site folder"},
		{"static/dotdot.txt", "sub/../../../secret.txt", "leaves the site folder"},
		{"static/git.txt", "../.git/config", "hidden"},
		{"static/env2.txt", "../.env", "hidden"},
		{"static/folder", "sub", "links to folders are not followed"},
		{"static/root", "..", "links to folders are not followed"},
		{"static/dangling.txt", "nowhere.txt", "broken symbolic link"},
		{"static/loop.txt", "loop.txt", "more than 16 links"},
		{"static/chain.txt", "hop.txt", "leaves the site folder"}, // hop.txt -> /etc/passwd
		{"static/through.txt", "dirlink/a.txt", "passes through the link"},
		{"static/backslash.txt", `\etc\passwd`, "leaves the site folder"},
		{"static/drive.txt", `C:\secret.txt`, "leaves the site folder"},
	}
	links := map[string]string{"static/hop.txt": "/etc/passwd", "static/dirlink": "sub"}
	for _, tt := range tests {
		links[tt.link] = tt.target
	}
	fsys, _ := site(t, links)
	for _, tt := range tests {
		t.Run(tt.link, func(t *testing.T) {
			data, err := fsys.ReadFile(tt.link)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("ReadFile: %v", err)
				}
				return
			}
			r, ok := AsRefused(err)
			if !ok {
				t.Fatalf("ReadFile = %q, %v; want a refusal", data, err)
			}
			if !strings.Contains(r.Reason, tt.want) {
				t.Errorf("reason %q does not say %q", r.Reason, tt.want)
			}
			if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("%v is not fs.ErrPermission", err)
			}
			if r.Hint == "" {
				t.Error("no hint")
			}
		})
	}
	// The folders on the way are judged too, whatever the operation.
	for _, op := range []func(string) error{
		func(p string) error { _, err := fsys.Open(p); return err },
		func(p string) error { _, err := fsys.Stat(p); return err },
		func(p string) error { _, err := fsys.ReadDir(p); return err },
	} {
		for _, p := range []string{"static/etc/passwd", "static/folder/a.txt", "static/etc", "static/root/.env"} {
			if _, ok := AsRefused(op(p)); !ok {
				t.Errorf("%s: not refused", p)
			}
		}
	}
}

func TestSpecialFiles(t *testing.T) {
	fsys, dir := site(t, nil)
	if err := syscall.Mkfifo(filepath.Join(dir, "static", "pipe.txt"), 0o644); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	// A FIFO would block a read for ever: refused before it is opened.
	if _, err := fsys.ReadFile("static/pipe.txt"); err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Fatalf("ReadFile of a FIFO: %v", err)
	}
	diags, refused := Scan(fsys, "config.toml")
	if !refused["static/pipe.txt"] || len(diags) != 1 || diags[0].Code != diag.Unsafe {
		t.Errorf("Scan: %v", diags)
	}
}

func TestScanReportsEveryFolderTheBuildReads(t *testing.T) {
	links := map[string]string{"config.toml.link": "/etc/passwd"}
	for _, dir := range Read {
		links[dir+"/out"] = "/etc/passwd"
	}
	fsys, _ := site(t, links)
	diags, refused := Scan(fsys, "config.toml.link")
	if len(diags) != len(Read)+1 {
		t.Errorf("%d diagnostics, want %d:\n%v", len(diags), len(Read)+1, diags)
	}
	for p := range links {
		if !refused[p] {
			t.Errorf("%s not refused", p)
		}
	}
}

func TestScanOfLinklessFS(t *testing.T) {
	fsys := fstest.MapFS{
		"content/pages/con.md":  {},
		"static/ok.txt":         {},
		"static/link":           {Mode: fs.ModeSymlink, Data: []byte("/etc/passwd")},
		"static/.hidden/aux.md": {}, // hidden files are not judged, hidden folders are
		"static/.aux":           {},
	}
	diags, refused := Scan(fsys)
	want := []string{"content/pages/con.md", "static/.hidden/aux.md", "static/link"}
	if len(refused) != len(want) {
		t.Errorf("refused %v, want %v", refused, want)
	}
	for _, p := range want {
		if !refused[p] {
			t.Errorf("%s not refused: %v", p, diags)
		}
	}
}

func TestNameProblem(t *testing.T) {
	tests := []struct{ name, problem, hint string }{
		{"index.md", "", ""},
		{"2026-01-01-con.md", "", ""},
		{"console.md", "", ""},
		{"com10.png", "", ""},
		{"été.jpg", "", ""},
		{"con", "reserves", `rename it "con-1"`},
		{"CON.md", "reserves", `rename it "con-1.md"`},
		{"aux.tar.gz", "reserves", `rename it "aux-tar.gz"`},
		{"nul.txt", "reserves", `rename it "nul-1.txt"`},
		{"com1", "reserves", `rename it "com1-1"`},
		{"LPT9.toml", "reserves", `rename it "lpt9-1.toml"`},
		{"com¹.md", "reserves", `rename it "com.md"`},
		{"a\nforged.md:1:1: error: x", "control character", `rename it "a-forged-md-1-1-error-x"`},
		{"a\x1b[2J.md", "control character", `rename it "a-2j.md"`},
		{"a:b.md", "Windows forbids", `rename it "a-b.md"`},
		{`a\..\evil.md`, "Windows forbids", `rename it "a-evil.md"`},
		{"what?.md", "Windows forbids", `rename it "what.md"`},
		{"x.", "ends with a dot", `rename it "x"`},
		{"x ", "ends with a dot or a space", `rename it "x"`},
		{"???", "Windows forbids", "rename it with letters, digits and hyphens"},
	}
	for _, tt := range tests {
		problem, hint := NameProblem(tt.name)
		if tt.problem == "" {
			if problem != "" {
				t.Errorf("NameProblem(%q) = %q", tt.name, problem)
			}
			continue
		}
		if !strings.Contains(problem, tt.problem) || hint != tt.hint {
			t.Errorf("NameProblem(%q) = %q, %q; want %q, %q", tt.name, problem, hint, tt.problem, tt.hint)
		}
		// Following the hint gives a name with no problem.
		if name, ok := strings.CutPrefix(hint, "rename it "); ok {
			name = strings.Trim(name, `"`)
			if p, _ := NameProblem(name); p != "" {
				t.Errorf("the hint of %q gives %q: %s", tt.name, name, p)
			}
		}
	}
}
