package gitinfo

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func run(t *testing.T, dir string, env []string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func commitAt(t *testing.T, dir, when string) {
	env := []string{"GIT_AUTHOR_DATE=" + when, "GIT_COMMITTER_DATE=" + when, "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org"}
	run(t, dir, env, "add", "-A")
	run(t, dir, env, "commit", "-q", "-m", "c")
}

func TestRead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	site := filepath.Join(repo, "site")
	write := func(p, s string) {
		full := filepath.Join(site, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run(t, repo, nil, "init", "-q")
	write("content/cpts/a/index.md", "1")
	write("content/cpts/b/index.md", "1")
	write("content/pages/é.md", "1")
	commitAt(t, repo, "2024-01-02T10:00:00Z")
	write("content/cpts/a/index.md", "2")
	commitAt(t, repo, "2024-03-04T10:00:00Z")

	info, err := Read(site)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"content/cpts/a/index.md": "2024-03-04T10:00:00Z",
		"content/cpts/b/index.md": "2024-01-02T10:00:00Z",
		"content/pages/é.md":      "2024-01-02T10:00:00Z",
	}
	for p, w := range want {
		if got := info.Modified[p].UTC().Format(time.RFC3339); got != w {
			t.Errorf("Modified[%q] = %s, want %s", p, got, w)
		}
	}
	if info.Shallow {
		t.Error("a full clone reported as shallow")
	}
	if l, ok := info.Latest("content/cpts/"); !ok || l.UTC().Format(time.RFC3339) != "2024-03-04T10:00:00Z" {
		t.Errorf("Latest = %v", l)
	}

	shallow := filepath.Join(t.TempDir(), "clone")
	run(t, repo, nil, "clone", "-q", "--depth=1", "file://"+repo, shallow)
	info, err = Read(filepath.Join(shallow, "site"))
	if err != nil || !info.Shallow {
		t.Errorf("shallow clone: %+v, %v", info, err)
	}

	if _, err := Read(t.TempDir()); !errors.Is(err, ErrNoGit) {
		t.Errorf("outside a work tree: %v, want ErrNoGit", err)
	}
}
