package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/cpts-fr/cpts/internal/htmlcheck"
)

// TestBadInput runs the corpus of broken and hostile sites of
// testdata/badinput: each script states the exit status, the positioned
// diagnostics, that public/ is left as it was on error, that nothing is
// written outside it, and (harmless) that nothing harmful reaches the
// output. A panic fails every script: the binary's stderr is checked by
// each script with ! stderr panic.
func TestBadInput(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/badinput", Cmds: hostileCmds, Setup: englishMessages})
}

// cmdHarmless checks every HTML and SVG file under a folder with package
// htmlcheck: no inline script, no iframe, object, embed, style or base, no
// event handler, no javascript:, vbscript: or data: link.
func cmdHarmless(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: harmless dir")
	}
	root := ts.MkAbs(args[0])
	var problems []string
	checked := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		ext := filepath.Ext(p)
		if ext != ".html" && ext != ".svg" {
			return nil
		}
		checked++
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		found := htmlcheck.HTML(data)
		if ext == ".svg" {
			found = htmlcheck.SVG(data)
		}
		for _, p := range found {
			problems = append(problems, rel+": "+p)
		}
		return nil
	})
	if err != nil {
		ts.Fatalf("%v", err)
	}
	if checked == 0 {
		ts.Fatalf("no HTML or SVG file under %s", args[0])
	}
	if len(problems) > 0 {
		ts.Fatalf("harmful output:\n%s", strings.Join(problems, "\n"))
	}
}

// cmdManyFiles writes n files named <prefix>0001<suffix>... with the same
// content: manyfiles dir prefix suffix n content.
func cmdManyFiles(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 5 {
		ts.Fatalf("usage: manyfiles dir prefix suffix n content")
	}
	n, err := strconv.Atoi(args[3])
	if err != nil {
		ts.Fatalf("%v", err)
	}
	dir := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(dir, 0o755))
	content := strings.ReplaceAll(args[4], `\n`, "\n")
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("%s%04d%s", args[1], i, args[2])
		ts.Check(os.WriteFile(filepath.Join(dir, name), []byte(strings.ReplaceAll(content, "NNNN", fmt.Sprintf("%04d", i))), 0o644))
	}
}

// cmdBigFile writes a file of n bytes of TOML comments: bigfile path n.
func cmdBigFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile path bytes")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("%v", err)
	}
	line := "# padding padding padding padding padding padding padding padding\n"
	data := []byte(strings.Repeat(line, n/len(line)+1))[:n]
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), data, 0o644))
}
