package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/stamp"
	"github.com/cpts-fr/cpts/internal/gcbudget"
	"github.com/cpts-fr/cpts/themes"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sf siteFlags
	sf.register(fl)
	var dest string
	var noMinify, drafts, reuse bool
	fl.StringVar(&dest, "destination", "", "folder to publish into (default: public/ in the site folder)")
	fl.StringVar(&dest, "d", "", "shorthand for --destination")
	fl.BoolVar(&noMinify, "no-minify", false, "keep the output unminified, for debugging templates")
	fl.BoolVar(&drafts, "drafts", false, "publish news marked draft = true")
	fl.BoolVar(&reuse, "reuse", true, "keep the replaced build beside the destination (.cpts-prev-<name>) and make the next build in it, writing only the files that changed; false removes it")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	memprofile := fl.String("memprofile", "", "write a memory profile to this file once the build is made (for go tool pprof: -sample_index=alloc_space for what the build allocated, inuse_space for what it still holds)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cpts build: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if err := sf.checkLang(); err != nil {
		fmt.Fprintf(stderr, "cpts build: %v\n", err)
		return exitUsage
	}
	fsys, prefix, err := sf.open(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "cpts build: %v\n", err)
		return exitUsage
	}
	if dest == "" {
		dest = filepath.Join(prefix, "public")
	}
	msgs := sf.messages(fsys, filepath.ToSlash(sf.config))
	table, err := geo.Load()
	if err != nil {
		fmt.Fprintf(stderr, "cpts build: commune reference data: %v\n", err)
		return exitContent
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "cpts build: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "cpts build: %v\n", err)
			return exitUsage
		}
		defer pprof.StopCPUProfile()
	}
	defer buildCollector()()
	now, err := buildTime()
	if err != nil {
		fmt.Fprintf(stderr, "cpts build: %v\n", err)
		return exitUsage
	}
	// A site published by a build of the same inputs is left as it is.
	stampStart := time.Now()
	git := sf.git()
	inputs := ""
	if reuse {
		inputs = buildInputs(fsys, load.ConfigFile(sf.config), git, noMinify, drafts)
		if st := upToDate(dest, inputs, now); st != nil {
			printDiagnostics(stderr, st.Diagnostics, prefix, msgs)
			took := time.Since(stampStart).Round(10 * time.Microsecond)
			fmt.Fprintf(stdout, "%s\n%s\n", msgs.Sprintf("Nothing to build: %s already holds this site (the files, program and options it is built from are unchanged)", dest),
				msgs.Lines(fmt.Sprintf("%s  %-9s %8s\n  %-9s %8s", st.Summary, "stamp", took, "total", took)))
			return exitOK
		}
	}
	if inputs == "" {
		stamp.Remove(dest) // a stamp is of the folder published, which this build may replace
	}
	stampTime := time.Since(stampStart)
	// Files go into a staging folder beside dest as they are made; it
	// replaces dest only when the whole build succeeded.
	newStage := output.NewReusingStage
	if !reuse {
		newStage = output.NewStage
		output.RemoveKept(dest)
	}
	staged, err := newStage(dest)
	if err != nil {
		fmt.Fprintf(stderr, "cpts build: %s\n", msgs.Sprintf("publish: %v; %s left as it was", err, dest))
		return exitContent
	}
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Config: filepath.ToSlash(sf.config), Geo: table, NoMinify: noMinify, Now: now, Drafts: drafts, Git: git, ImageCache: imageCacheDir(), Output: staged})
	printDiagnostics(stderr, diags, prefix, msgs)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			fmt.Fprintf(stderr, "cpts build: %v\n", err)
		}
	}
	if res == nil {
		staged.Discard()
		fmt.Fprintf(stderr, "cpts build: %s\n", msgs.Sprintf("%s; %s left as it was", msgs.Summary(diags), dest))
		return exitContent
	}
	res.Settle() // the site is not read again: the files are committed and stamped without it
	start := time.Now()
	if err := staged.Commit(); err != nil {
		fmt.Fprintf(stderr, "cpts build: %s\n", msgs.Sprintf("publish: %v; %s left as it was", err, dest))
		return exitContent
	}
	// The last writes, the swap and the removal of the previous build.
	res.Stages = append(res.Stages, build.Stage{Name: "publish", Duration: time.Since(start)})
	if inputs != "" {
		start = time.Now()
		if listing, err := stamp.ListingOf(dest, res.Files.Paths()); err == nil {
			st := &stamp.Stamp{Inputs: inputs, Output: listing, From: now, Until: res.Until(), Summary: res.Counts(), Diagnostics: diags}
			if err := st.Write(dest); err != nil {
				stamp.Remove(dest)
			}
		}
		res.Stages = append(res.Stages, build.Stage{Name: "stamp", Duration: stampTime + time.Since(start)})
	}
	fmt.Fprintf(stdout, "%s\n%s\n", msgs.Sprintf("Built %s", dest), msgs.Lines(res.Summary()))
	return exitOK
}

// writeHeapProfile writes the heap profile to file, the build's result
// still live.
func writeHeapProfile(file string) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	runtime.GC() // the profile shows the heap as of the last collection
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// buildTime is the date that decides which scheduled and expiring news are
// published: now, or SOURCE_DATE_EPOCH (seconds) for reproducible builds.
func buildTime() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// buildCollector sets the garbage collector of a build (gcbudget.Build)
// unless GOGC or GOMEMLIMIT is in the environment, and returns what puts
// an end to it.
func buildCollector() (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	end := gcbudget.Start(gcbudget.Build)
	return func() { end() }
}
