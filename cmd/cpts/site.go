package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/catalog"
	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/gitinfo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/sitefs"
	"github.com/cpts-fr/cpts/themes"
)

// siteFlags are the flags every command that reads a site accepts.
type siteFlags struct {
	source string
	config string
	lang   string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.source, "source", "", "site folder holding config.toml and content/ (default: the current folder, or the embedded sample when it has no config.toml)")
	fs.StringVar(&f.source, "s", "", "shorthand for --source")
	fs.StringVar(&f.config, "config", "", "configuration file, relative to the site folder (default config.toml)")
	fs.StringVar(&f.lang, "lang", "", "language of the messages: fr or en (default: $"+langEnv+", else the site's language)")
}

// open returns the site's file system and the prefix that turns its paths
// into paths the user can open.
func (f *siteFlags) open(stderr io.Writer) (fs.FS, string, error) {
	if f.source == "" {
		if _, err := os.Stat("config.toml"); errors.Is(err, fs.ErrNotExist) && f.config == "" {
			fmt.Fprintln(stderr, "cpts: no config.toml here: using the embedded sample site")
			return cpts.Sample, "", nil
		}
		f.source = "."
	}
	info, err := os.Stat(f.source)
	if err != nil {
		return nil, "", err
	}
	if !info.IsDir() {
		return nil, "", fmt.Errorf("%s is not a folder", f.source)
	}
	// Every read goes through sitefs: nothing outside the folder is read,
	// whatever its links say.
	fsys, err := sitefs.Open(f.source)
	if err != nil {
		return nil, "", err
	}
	prefix := ""
	if f.source != "." {
		prefix = f.source
	}
	return fsys, prefix, nil
}

// git reads the site folder's git history for last-modified dates; nil
// for the embedded sample or outside a git work tree.
func (f *siteFlags) git() *gitinfo.Info {
	if f.source == "" {
		return nil
	}
	info, err := gitinfo.Read(f.source)
	if err != nil {
		return nil
	}
	return info
}

// loadSite loads and validates a site. The diagnostics have paths relative
// to the site folder.
func loadSite(fsys fs.FS, config string) (*model.Site, diag.List, error) {
	table, err := geo.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("commune reference data: %w", err)
	}
	site, diags := load.Site(fsys, load.Options{Config: config})
	diags = append(diags, build.ValidateFS(site, table, build.Files{Site: fsys, Theme: themes.Default(), ImageCache: imageCacheDir()})...)
	return site, diags.Sort(), nil
}

// userPaths prefixes diagnostic paths with the site folder, for the
// machine formats: CI annotations name files from the repository root.
func userPaths(diags diag.List, prefix string) diag.List {
	if prefix == "" {
		return diags
	}
	for i := range diags {
		diags[i].Pos.File = filepath.Join(prefix, filepath.FromSlash(diags[i].Pos.File))
	}
	return diags
}

// printDiagnostics writes diagnostics as text, in the language of msgs. Their paths, and the
// positions their hints name, are relative to the site folder: when it is
// not the current folder, a first line names it as make does ("entering
// directory"), which editors' compilation modes follow.
func printDiagnostics(w io.Writer, diags diag.List, siteDir string, msgs *catalog.Catalog) {
	if len(diags) > 0 && siteDir != "" && filepath.Clean(siteDir) != "." {
		fmt.Fprintf(w, "cpts: Entering directory '%s'\n", diag.Escape(siteDir))
	}
	for _, d := range msgs.List(diags) {
		fmt.Fprintln(w, d.Format(msgs.Words()))
	}
}
