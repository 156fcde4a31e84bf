package main

import (
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// hostileCmds are the commands the scripts of testdata/badinput add to
// testscript's.
var hostileCmds = map[string]func(*testscript.TestScript, bool, []string){
	"harmless":  cmdHarmless,
	"manyfiles": cmdManyFiles,
	"bigfile":   cmdBigFile,
	"agree":     cmdAgree,
	"repeat":    cmdRepeat,
	"mkfifo":    cmdMkfifo,
	"genimage":  genImage,
	"truncate":  cmdTruncate,
}

// agreeLimit is how long check and build may each take on a hostile site.
const agreeLimit = 10 * time.Second

// cmdAgree runs `cpts check` and `cpts build` on a site
// and fails unless they agree: the same exit status, the same error
// lines, each positioned in a file of the site (named as the commands
// print it, under the site folder as given), each in less than
// agreeLimit, and a failed build leaves the previous output byte for
// byte. With !, both must exit 0.
// Usage: agree site.
func cmdAgree(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: agree site")
	}
	site := args[0]
	dest := ts.MkAbs("agree-public")
	timed := func(args ...string) (int, []string) {
		start := time.Now()
		code := 0
		if err := ts.Exec("cpts", args...); err != nil {
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				ts.Fatalf("cpts %s: %v", args[0], err)
			}
			code = exit.ExitCode()
		}
		if d := time.Since(start); d > agreeLimit {
			ts.Fatalf("cpts %s took %s, more than %s", args[0], d.Round(time.Millisecond), agreeLimit)
		}
		stderr := ts.ReadFile("stderr")
		if strings.Contains(stderr, "panic") {
			ts.Fatalf("cpts %s panicked:\n%s", args[0], stderr)
		}
		var lines []string
		for l := range strings.SplitSeq(stderr, "\n") {
			if strings.Contains(l, ": error: ") {
				lines = append(lines, l)
			}
		}
		return code, lines
	}
	// A previous build, which a failed build must leave byte for byte.
	previous := map[string]string{"index.html": "<p>previous</p>", "img/logo.svg": "<svg/>", "keep.txt": "kept"}
	ts.Check(os.RemoveAll(dest))
	for name, data := range previous {
		p := filepath.Join(dest, filepath.FromSlash(name))
		ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
		ts.Check(os.WriteFile(p, []byte(data), 0o644))
	}
	checkCode, checkErrs := timed("check", "--source", site)
	buildCode, buildErrs := timed("build", "--source", site, "-d", dest)
	ts.Logf("check: exit %d, %d errors; build: exit %d, %d errors", checkCode, len(checkErrs), buildCode, len(buildErrs))
	if neg {
		if checkCode != 0 || buildCode != 0 {
			ts.Fatalf("want both to succeed:\n%s\n%s", strings.Join(checkErrs, "\n"), strings.Join(buildErrs, "\n"))
		}
		return
	}
	if checkCode != 1 || buildCode != 1 {
		ts.Fatalf("exit status: check %d, build %d; want 1 and 1", checkCode, buildCode)
	}
	if !slices.Equal(checkErrs, buildErrs) {
		ts.Fatalf("check and build disagree:\n--- check\n%s\n--- build\n%s", strings.Join(checkErrs, "\n"), strings.Join(buildErrs, "\n"))
	}
	// Positions are relative to the site folder: each names a file or
	// folder that is there.
	for _, l := range checkErrs {
		top, _, _ := strings.Cut(l, ":")
		top, _, _ = strings.Cut(top, "/")
		if _, err := os.Lstat(ts.MkAbs(filepath.Join(site, top))); err != nil || strings.HasPrefix(l, "/") {
			ts.Fatalf("error not positioned in a file of %s: %s", site, l)
		}
	}
	found := map[string]string{}
	ts.Check(filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dest, p)
		found[filepath.ToSlash(rel)] = string(data)
		return err
	}))
	if !maps.Equal(found, previous) {
		ts.Fatalf("the failed build changed the previous output: %v", found)
	}
}

// cmdRepeat writes a file made of a head, n copies of a unit and a tail
// (\n in them, and in the path, stands for a newline): repeat path head
// n unit tail.
func cmdRepeat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 5 {
		ts.Fatalf("usage: repeat path head n unit tail")
	}
	n, err := strconv.Atoi(args[2])
	if err != nil {
		ts.Fatalf("%v", err)
	}
	nl := func(s string) string { return strings.ReplaceAll(s, `\n`, "\n") }
	var b strings.Builder
	b.WriteString(nl(args[1]))
	b.WriteString(strings.Repeat(nl(args[3]), n))
	b.WriteString(nl(args[4]))
	p := ts.MkAbs(nl(args[0]))
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, []byte(b.String()), 0o644))
}

// cmdMkfifo makes a named pipe: mkfifo path.
func cmdMkfifo(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: mkfifo path")
	}
	p := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(syscall.Mkfifo(p, 0o644))
}

// cmdTruncate cuts a file to its first n bytes: truncate path n.
func cmdTruncate(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: truncate path n")
	}
	n, err := strconv.ParseInt(args[1], 10, 64)
	if err != nil {
		ts.Fatalf("%v", err)
	}
	ts.Check(os.Truncate(ts.MkAbs(args[0]), n))
}
