// Command cpts-corpus writes a synthetic site, for benchmarks, into a new
// or empty folder:
//
//	go run ./cmd/cpts-corpus -scale national -out /tmp/national
//
// Scales: small (about 50 CPTS, 1,000 news), national (about 900 CPTS,
// 20,000 news), national-x2 and national-x4 (2× and 4× the news). -news
// overrides the number of news items. The same scale always gives the
// same files. See package generator/corpus.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/cpts-fr/cpts/generator/corpus"
	"github.com/cpts-fr/cpts/generator/geo"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("cpts-corpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var names []string
	for _, s := range corpus.Scales() {
		names = append(names, s.Name)
	}
	scaleName := fl.String("scale", "small", "corpus size: "+strings.Join(names, ", "))
	out := fl.String("out", "", "folder to write the site into; it must not exist or be empty")
	news := fl.Int("news", -1, "number of news items (default: that of the scale)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	scale, ok := corpus.ScaleByName(*scaleName)
	if !ok {
		fmt.Fprintf(stderr, "cpts-corpus: unknown scale %q; want one of %s\n", *scaleName, strings.Join(names, ", "))
		return 2
	}
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: cpts-corpus [-scale NAME] [-news N] -out DIR")
		return 2
	}
	if *news >= 0 {
		scale.News = *news
	}
	start := time.Now()
	table, err := geo.Load()
	if err != nil {
		fmt.Fprintf(stderr, "cpts-corpus: commune reference data: %v\n", err)
		return 1
	}
	c, err := corpus.Generate(table, scale)
	if err != nil {
		fmt.Fprintf(stderr, "cpts-corpus: %v\n", err)
		return 1
	}
	if err := c.WriteDir(*out); err != nil {
		fmt.Fprintf(stderr, "cpts-corpus: %v\n", err)
		return 1
	}
	s := c.Stats
	fmt.Fprintf(stdout, "%s: %d CPTS, %d communes in territories (%d shared), %d members, %d news, %d pages, %d words, %d files, %.1f MiB in %s (%s)\n",
		scale.Name, s.CPTS, s.Communes, s.Shared, s.Members, s.News, s.Pages, s.Words, len(c.Files), float64(s.Bytes)/(1<<20),
		*out, time.Since(start).Round(time.Millisecond))
	return 0
}
