package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var sf siteFlags
	sf.register(fl)
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cpts check: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	fsys, prefix, err := sf.open(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "cpts check: %v\n", err)
		return exitUsage
	}
	site, diags, err := loadSite(fsys, prefix, filepath.ToSlash(sf.config))
	if err != nil {
		fmt.Fprintf(stderr, "cpts check: %v\n", err)
		return exitContent
	}
	printDiagnostics(stderr, diags)
	summary := fmt.Sprintf("%d CPTS, %d news, %d pages: %s", len(site.CPTS), len(site.News), len(site.Pages), diags.Summary())
	if diags.HasErrors() {
		fmt.Fprintln(stderr, summary)
		return exitContent
	}
	fmt.Fprintln(stdout, summary)
	return exitOK
}
