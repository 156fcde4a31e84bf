// Command cpts checks, builds and serves a static directory of CPTS
// (Communautés Professionnelles Territoriales de Santé).
//
// Usage:
//
//	cpts build   [--source DIR] [--destination DIR]   build the site
//	cpts check   [--source DIR]   report every problem in the content
//	cpts import  LISTING [--out DIR]   turn a listing of CPTS into content records
//	cpts serve   [--source DIR] [--port N] [--bind ADDR]   serve with live reload
//	cpts version                  print the version
//
// Exit status: 0 on success (warnings allowed), 1 when the content has
// errors, 2 on a usage error.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// command is one subcommand.
type command struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the site into public/ (built aside, swapped in atomically)", runBuild},
		{"check", "report every problem in the content, with its position", runCheck},
		{"cms", "write the Decap CMS configuration (static/admin/) from the content model", runCMS},
		{"import", "turn a listing of CPTS (CSV, XLSX, GeoJSON) into content records", runImport},
		{"new", "write a new CPTS or news item from archetypes (never overwrites)", runNew},
		{"serve", "build in memory, serve on 127.0.0.1:1313 and rebuild on every change", runServe},
		{"version", "print the version", runVersion},
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help", "help":
		usage(stdout)
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "cpts: unknown command %q\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: cpts <command> [flags]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'cpts <command> -h' for the flags of a command.")
}
