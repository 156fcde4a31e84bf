package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/listing"
)

// mapFlags collects --map column=field flags.
type mapFlags map[string]string

func (m mapFlags) String() string { return "" }

func (m mapFlags) Set(s string) error {
	col, field, ok := strings.Cut(s, "=")
	if !ok || strings.TrimSpace(col) == "" {
		return fmt.Errorf("want COLUMN=FIELD, got %q", s)
	}
	m[strings.TrimSpace(col)] = strings.TrimSpace(field)
	return nil
}

// runImport turns a listing into content records: cpts import LISTING.
func runImport(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("out", ".", "site folder to write content/cpts/ into")
	fl.StringVar(out, "o", ".", "shorthand for --out")
	update := fl.Bool("update", false, "overwrite the files that exist and differ, printing what changes")
	keep := fl.Bool("keep-personal-emails", false, "keep e-mail addresses that look like a person's (left out by default)")
	maps := mapFlags{}
	fl.Var(maps, "map", "map a column to a field, COLUMN=FIELD (repeatable; FIELD \"-\" leaves it out); fields: "+strings.Join(listing.Fields(), ", "))
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: cpts import LISTING [--out DIR] [--map COLUMN=FIELD]... [--update] [--keep-personal-emails]\n\nLISTING is a .csv, .xlsx or .geojson file. Flags:")
		fl.PrintDefaults()
	}
	// Flags may come before or after the listing.
	var rest []string
	for {
		if err := fl.Parse(args); err != nil {
			return exitUsage
		}
		if fl.NArg() == 0 {
			break
		}
		rest = append(rest, fl.Arg(0))
		args = fl.Args()[1:]
	}
	if len(rest) != 1 {
		fl.Usage()
		return exitUsage
	}
	src := rest[0]
	info, err := os.Stat(src)
	if err != nil {
		fmt.Fprintf(stderr, "cpts import: %v\n", err)
		return exitUsage
	}
	if !info.Mode().IsRegular() || info.Size() > listing.MaxBytes {
		fmt.Fprintf(stderr, "cpts import: %s: want a regular file of at most %d bytes\n", src, listing.MaxBytes)
		return exitUsage
	}
	data, err := os.ReadFile(src)
	if err != nil {
		fmt.Fprintf(stderr, "cpts import: %v\n", err)
		return exitUsage
	}
	table, err := geo.Load()
	if err != nil {
		fmt.Fprintf(stderr, "cpts import: commune reference data: %v\n", err)
		return exitContent
	}
	start := time.Now()
	res, err := listing.Import(filepath.Base(src), data, listing.Options{Geo: table, Map: maps, KeepPersonalEmails: *keep})
	if err != nil {
		fmt.Fprintf(stderr, "cpts import: %v\n", err)
		return exitContent
	}
	for _, n := range res.Notes {
		fmt.Fprintln(stdout, n)
	}
	printDiagnostics(stderr, res.Errors, "", english) // the notes of an import are in English too
	t := res.Totals
	share := 100.0
	if t.Names > 0 {
		share = 100 * float64(t.NamesResolved) / float64(t.Names)
	}
	summary := fmt.Sprintf("%d rows, %d CPTS, %d commune cells (%d codes, %d names, %.1f %% of names resolved without a question), %d communes, %d unresolved, %d notes, in %s",
		t.Rows, t.CPTS, t.Cells, t.Codes, t.Names, share, t.Communes, t.Unresolved, len(res.Notes), time.Since(start).Round(time.Millisecond))
	if res.Errors.HasErrors() {
		fmt.Fprintln(stderr, summary)
		fmt.Fprintf(stderr, "cpts import: %s; nothing written: correct the listing, or map its columns (--map), then import again\n", res.Errors.Summary())
		return exitContent
	}
	fmt.Fprintln(stdout, summary)
	return writeImport(res.Files(filepath.Base(src)), *out, *update, stdout, stderr)
}

// writeImport writes the files under dir: new files always, files that
// differ only with update; nothing at all when a file differs without it.
func writeImport(files []listing.File, dir string, update bool, stdout, stderr io.Writer) int {
	type change struct {
		file  listing.File
		path  string
		state string // "new", "changed"
		diff  string
	}
	var todo []change
	conflicts := 0
	unchanged := 0
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if link := linkOnPath(dir, f.Path); link != "" {
			fmt.Fprintf(stderr, "cpts import: %s is a symbolic link or special file: refused, nothing written\n", link)
			return exitContent
		}
		old, err := os.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			todo = append(todo, change{f, p, "new", ""})
		case err != nil:
			fmt.Fprintf(stderr, "cpts import: %v\n", err)
			return exitContent
		case bytes.Equal(old, f.Data):
			unchanged++
		case !update:
			fmt.Fprintf(stderr, "%s: exists and differs; import with --update to overwrite it\n", p)
			conflicts++
		default:
			todo = append(todo, change{f, p, "changed", lineDiff(old, f.Data)})
		}
	}
	if conflicts > 0 {
		fmt.Fprintf(stderr, "cpts import: %d files exist and differ; nothing written\n", conflicts)
		return exitContent
	}
	added, changed := 0, 0
	for _, c := range todo {
		if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
			fmt.Fprintf(stderr, "cpts import: %v\n", err)
			return exitContent
		}
		if err := os.WriteFile(c.path, c.file.Data, 0o644); err != nil {
			fmt.Fprintf(stderr, "cpts import: %v\n", err)
			return exitContent
		}
		if c.state == "new" {
			added++
		} else {
			changed++
			fmt.Fprintf(stdout, "changed %s: %s\n", c.path, c.diff)
		}
	}
	fmt.Fprintf(stdout, "wrote %d new files, changed %d, %d unchanged, under %s\n", added, changed, unchanged, filepath.Join(dir, "content", "cpts"))
	return exitOK
}

// linkOnPath returns the first element of rel, under dir, that exists and
// is neither a folder nor a regular file (a symbolic link could lead the
// import to write outside the site); "" when there is none.
func linkOnPath(dir, rel string) string {
	p := dir
	for _, part := range strings.Split(rel, "/") {
		p = filepath.Join(p, part)
		info, err := os.Lstat(p)
		if err != nil {
			return ""
		}
		if !info.IsDir() && !info.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// maxDiffLines bounds the lines lineDiff names.
const maxDiffLines = 12

// lineDiff says which lines a change removes and adds.
func lineDiff(old, new []byte) string {
	count := func(b []byte) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(string(b), "\n") {
			m[l]++
		}
		return m
	}
	o, n := count(old), count(new)
	var minus, plus []string
	for l, k := range o {
		for range k - n[l] {
			minus = append(minus, "-"+l)
		}
	}
	for l, k := range n {
		for range k - o[l] {
			plus = append(plus, "+"+l)
		}
	}
	slices.Sort(minus)
	slices.Sort(plus)
	all := append(minus, plus...)
	if len(all) > maxDiffLines {
		return strings.Join(all[:maxDiffLines], " | ") + fmt.Sprintf(" | … (%d lines more)", len(all)-maxDiffLines)
	}
	return strings.Join(all, " | ")
}
