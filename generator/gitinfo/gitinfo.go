// Package gitinfo reads when each file of a site was last changed, from
// git history, in one `git log` for the whole tree (not one per file).
package gitinfo

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"time"
)

// Info is what git says of a site folder.
type Info struct {
	// Modified maps slash-separated paths, relative to the site folder, to
	// the commit time of the last commit that changed them.
	Modified map[string]time.Time
	// Shallow is true in a shallow clone (the default of most CI systems):
	// its history is cut, so most files look changed by the last commit.
	Shallow bool
}

// ErrNoGit means the folder is not in a git work tree, or git is missing.
var ErrNoGit = errors.New("not a git work tree")

// Read runs git in dir. It returns ErrNoGit outside a work tree.
func Read(dir string) (*Info, error) {
	prefix, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return nil, ErrNoGit
	}
	shallow, err := git(dir, "rev-parse", "--is-shallow-repository")
	if err != nil {
		return nil, err
	}
	out, err := git(dir, "-c", "core.quotepath=off", "log", "--no-renames", "--name-only", "--format=%x00%cI", "--", ".")
	if err != nil {
		return nil, err
	}
	info := &Info{Modified: map[string]time.Time{}, Shallow: strings.TrimSpace(shallow) == "true"}
	prefix = strings.TrimSpace(prefix)
	var when time.Time
	sc := bufio.NewScanner(bytes.NewReader([]byte(out)))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "\x00"):
			t, err := time.Parse(time.RFC3339, line[1:])
			if err != nil {
				return nil, fmt.Errorf("git log: bad date %q", line[1:])
			}
			when = t
		case line == "":
		default:
			p := strings.TrimPrefix(line, prefix)
			if _, seen := info.Modified[p]; !seen { // the log is newest first
				info.Modified[p] = when
			}
		}
	}
	return info, sc.Err()
}

func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

// Latest returns the latest change among paths under dir ("content/cpts/x/"),
// and false if none is known.
func (i *Info) Latest(dir string) (time.Time, bool) {
	var latest time.Time
	for p, t := range i.Modified {
		if strings.HasPrefix(p, dir) && t.After(latest) {
			latest = t
		}
	}
	return latest, !latest.IsZero()
}
