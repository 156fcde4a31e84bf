package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"time"

	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/themes"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sf siteFlags
	sf.register(fl)
	var dest string
	var noMinify, drafts bool
	fl.StringVar(&dest, "destination", "", "folder to publish into (default: public/ in the site folder)")
	fl.StringVar(&dest, "d", "", "shorthand for --destination")
	fl.BoolVar(&noMinify, "no-minify", false, "keep the output unminified, for debugging templates")
	fl.BoolVar(&drafts, "drafts", false, "publish news marked draft = true")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile of the build to this file (for go tool pprof)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cpts build: unexpected argument %q\n", fl.Arg(0))
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
	now, err := buildTime()
	if err != nil {
		fmt.Fprintf(stderr, "cpts build: %v\n", err)
		return exitUsage
	}
	res, diags := build.Run(build.Options{Source: fsys, Theme: themes.Default(), Config: filepath.ToSlash(sf.config), Geo: table, NoMinify: noMinify, Now: now, Drafts: drafts, Git: sf.git(), ImageCache: imageCacheDir()})
	printDiagnostics(stderr, userPaths(diags, prefix))
	if res == nil {
		fmt.Fprintf(stderr, "cpts build: %s; %s left as it was\n", diags.Summary(), dest)
		return exitContent
	}
	if err := output.Publish(res.Files, dest); err != nil {
		fmt.Fprintf(stderr, "cpts build: publish: %v; %s left as it was\n", err, dest)
		return exitContent
	}
	fmt.Fprintf(stdout, "Built %s\n%s\n", dest, res.Summary())
	return exitOK
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
