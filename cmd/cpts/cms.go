package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/BurntSushi/toml"

	"github.com/cpts-fr/cpts/generator/cms"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/sitefs"
	"github.com/cpts-fr/cpts/themes"
)

// adminIndex loads Decap CMS from the site itself (static/admin/decap-cms.js),
// so not even the editor depends on a CDN.
const adminIndex = `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Édition du site</title>
<script src="decap-cms.js"></script>
</head>
<body></body>
</html>
`

// runCMS writes static/admin/config.yml for Decap CMS from the content
// model and the site's records, and static/admin/index.html if missing.
func runCMS(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("cms", flag.ContinueOnError)
	fl.SetOutput(stderr)
	source := fl.String("source", ".", "site folder")
	backend := fl.String("backend", "github", "Decap backend: github, gitlab, gitea or git-gateway")
	repo := fl.String("repo", "", "repository of the site, as owner/name")
	branch := fl.String("branch", "main", "branch the editor commits to (through merge requests)")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "cpts cms: unexpected argument %q\n", fl.Arg(0))
		return exitUsage
	}
	if *repo == "" && *backend != "git-gateway" {
		fmt.Fprintln(stderr, "cpts cms: --repo owner/name is required with this backend")
		return exitUsage
	}
	site, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintf(stderr, "cpts %s: %v\n", fl.Name(), err)
		return exitUsage
	}
	model, diags := load.Site(site, load.Options{})
	if diags.HasErrors() {
		printDiagnostics(stderr, diags, *source, english)
		fmt.Fprintln(stderr, "cpts cms: fix the content first (cpts check)")
		return exitContent
	}
	siteStrings, _ := fs.Sub(site, ".")
	labels := map[string]string{}
	if data, err := fs.ReadFile(render.Overlay{Top: siteStrings, Base: themes.Default()}, "i18n/"+model.Config.Language+".toml"); err == nil {
		_, _ = toml.Decode(string(data), &labels)
	}
	config := cms.Config(model, cms.Options{
		Backend: *backend, Repo: *repo, Branch: *branch,
		Label: func(k string) string {
			if l, ok := labels[k]; ok {
				return l
			}
			return k
		},
		Files: func(p string) bool { _, err := fs.Stat(site, p); return err == nil },
	})
	dir := filepath.Join(*source, "static", "admin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "cpts cms: %v\n", err)
		return exitContent
	}
	if err := os.WriteFile(filepath.Join(dir, "config.yml"), config, 0o644); err != nil {
		fmt.Fprintf(stderr, "cpts cms: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "wrote %s\n", filepath.Join(dir, "config.yml"))
	index := filepath.Join(dir, "index.html")
	if _, err := os.Stat(index); errors.Is(err, fs.ErrNotExist) {
		if err := os.WriteFile(index, []byte(adminIndex), 0o644); err != nil {
			fmt.Fprintf(stderr, "cpts cms: %v\n", err)
			return exitContent
		}
		fmt.Fprintf(stdout, "wrote %s\n", index)
	}
	if _, err := os.Stat(filepath.Join(dir, "decap-cms.js")); err != nil {
		fmt.Fprintf(stdout, "next: copy decap-cms.js (npm package decap-cms, dist/decap-cms.js) into %s\n", dir)
	}
	return exitOK
}
