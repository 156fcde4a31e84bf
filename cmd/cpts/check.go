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
	if err := sf.checkLang(); err != nil {
		fmt.Fprintf(stderr, "cpts check: %v\n", err)
		return exitUsage
	}
	fsys, prefix, err := sf.open(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "cpts check: %v\n", err)
		return exitUsage
	}
	defer buildCollector()() // check reads and checks what build does
	site, diags, err := loadSite(fsys, filepath.ToSlash(sf.config))
	if err != nil {
		fmt.Fprintf(stderr, "cpts check: %v\n", err)
		return exitContent
	}
	msgs := sf.messages(fsys, filepath.ToSlash(sf.config))
	switch *format {
	case "github":
		printGitHub(stdout, userPaths(diags, prefix), msgs)
	case "gitlab":
		if err := printGitLab(stdout, userPaths(diags, prefix), msgs); err != nil {
			fmt.Fprintf(stderr, "cpts check: %v\n", err)
			return exitContent
		}
	default:
		printDiagnostics(stderr, diags, prefix, msgs)
	}
	summary := msgs.Sprintf("%d CPTS, %s, %s: %s", len(site.CPTS), msgs.Count(len(site.News), "news"), msgs.Count(len(site.Pages), "page"), msgs.Summary(diags))
	if diags.HasErrors() {
		fmt.Fprintln(stderr, summary)
		return exitContent
	}
	fmt.Fprintln(stdout, summary)
	return exitOK
}
