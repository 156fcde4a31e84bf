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
	format := fl.String("format", "text", "how to print diagnostics: text, github (workflow annotations) or gitlab (Code Quality report on stdout)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if *format != "text" && *format != "github" && *format != "gitlab" {
		fmt.Fprintf(stderr, "cpts check: unknown format %q: want text, github or gitlab\n", *format)
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
	site, diags, err := loadSite(fsys, filepath.ToSlash(sf.config))
	if err != nil {
		fmt.Fprintf(stderr, "cpts check: %v\n", err)
		return exitContent
	}
	switch *format {
	case "github":
		printGitHub(stdout, userPaths(diags, prefix))
	case "gitlab":
		if err := printGitLab(stdout, userPaths(diags, prefix)); err != nil {
			fmt.Fprintf(stderr, "cpts check: %v\n", err)
			return exitContent
		}
	default:
		printDiagnostics(stderr, diags, prefix)
	}
	summary := fmt.Sprintf("%d CPTS, %d news, %d pages: %s", len(site.CPTS), len(site.News), len(site.Pages), diags.Summary())
	if diags.HasErrors() {
		fmt.Fprintln(stderr, summary)
		return exitContent
	}
	fmt.Fprintln(stdout, summary)
	return exitOK
}
