// Command hugo-export writes a cpts site as a Hugo site with equivalent
// pages, for the comparison of bench/run.sh:
//
//	go run ./bench/hugo-export -source /tmp/corpus/national -out /tmp/hugo/national
//	hugo --source /tmp/hugo/national --minify --destination /tmp/out
//
// It loads and validates the site as `cpts build` does, then writes one
// Hugo page per CPTS, news item, commune, commune letter, département,
// région and free page, with the list pages (CPTS, news by 10, tag pages),
// RSS feeds of the home page and sections (10 items, like the Atom feeds
// of cpts), the sitemap, and layouts that print the same information as
// the default theme. What cpts computes in Go (members by profession,
// coverage, nearest CPTS) is computed here and written as front matter,
// so Hugo's templates only format it: the comparison is, if anything,
// kind to Hugo.
package main

import (
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/themes"
)

//go:embed all:layouts
var layouts embed.FS

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("hugo-export", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("source", "", "cpts site folder (config.toml, content/)")
	out := fl.String("out", "", "folder for the Hugo site; it must not exist or be empty")
	old := fl.Bool("old", false, "layout names and config keys of Hugo before 0.146 (Debian's 0.111.3)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *src == "" || *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: hugo-export [-old] -source DIR -out DIR")
		return 2
	}
	if err := export(*src, *out, *old); err != nil {
		fmt.Fprintf(stderr, "hugo-export: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return 0
}

func export(src, out string, old bool) error {
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", out)
	}
	table, err := geo.Load()
	if err != nil {
		return err
	}
	site, diags := load.Site(os.DirFS(src), load.Options{})
	diags = append(diags, build.Validate(site, table)...)
	if diags.HasErrors() {
		return fmt.Errorf("%s has errors: %s", src, diags.Summary())
	}
	labels, err := loadLabels()
	if err != nil {
		return err
	}
	w := &writer{root: out}
	x := &exporter{site: site, geo: table, labels: labels, w: w}
	x.all()
	if w.err != nil {
		return w.err
	}
	rename := func(p string) string { return p }
	if old {
		rename = oldLayout
	}
	if err := copyFS(layouts, "layouts", filepath.Join(out, "layouts"), rename); err != nil {
		return err
	}
	css, err := fs.ReadFile(themes.Default(), "static/css/site.css")
	if err != nil {
		return err
	}
	w.file("static/css/site.css", string(css))
	config := hugoConfig(string(site.Config.BaseURL), site.Config.Title)
	if old {
		config = oldConfig(config)
	}
	w.file("hugo.toml", config)
	return w.err
}

// oldLayout is the name a layout of the export has in the template
// system of Hugo before 0.146: _default/ for the kinds, single and list
// for pages and sections, partials/ for _partials/.
func oldLayout(p string) string {
	dir, name := path.Split(p)
	switch {
	case dir == "_partials/":
		return "partials/" + name
	case p == "home.html":
		return "index.html"
	case p == "404.html":
		return p
	case dir == "":
		dir = "_default/"
	}
	switch name {
	case "page.html":
		name = "single.html"
	case "section.html":
		name = "list.html"
	}
	return dir + name
}

// oldConfig rewrites the config keys that Hugo before 0.128 reads under
// other names: the locale, the page size of lists and of feeds.
func oldConfig(c string) string {
	return strings.NewReplacer(
		"locale = \"fr\"\n", "languageCode = \"fr\"\npaginate = 10\nrssLimit = 10\n",
		"[pagination]\npagerSize = 10\n\n", "",
		"[services.rss]\nlimit = 10\n\n", "",
	).Replace(c)
}

func hugoConfig(baseURL, title string) string {
	return fmt.Sprintf(`# Written by bench/hugo-export: the cpts corpus as a Hugo site.
baseURL = %q
title = %q
locale = "fr"
defaultContentLanguage = "fr"
enableRobotsTXT = true
disableKinds = []

[taxonomies]
tag = "tags"

[pagination]
pagerSize = 10

[services.rss]
limit = 10

[outputs]
home = ["html", "rss"]
section = ["html", "rss"]
taxonomy = ["html"]
term = ["html"]

[markup.goldmark.renderer]
unsafe = false
`, baseURL, title)
}

// writer writes files under root and keeps the first error.
type writer struct {
	root string
	err  error
	made map[string]bool
}

func (w *writer) file(rel, text string) {
	if w.err != nil {
		return
	}
	full := filepath.Join(w.root, filepath.FromSlash(rel))
	if w.made == nil {
		w.made = map[string]bool{}
	}
	if d := filepath.Dir(full); !w.made[d] {
		if w.err = os.MkdirAll(d, 0o755); w.err != nil {
			return
		}
		w.made[d] = true
	}
	w.err = os.WriteFile(full, []byte(text), 0o644)
}

// page writes a Markdown file with TOML front matter.
// text returns a body's text, keeping the first error of reading it.
func (w *writer) text(m model.Markdown) string {
	t, err := m.Text()
	if err != nil && w.err == nil {
		w.err = fmt.Errorf("%s: %w", m.Pos.File, err)
	}
	return string(t)
}

func (w *writer) page(rel string, front any, body string) {
	var b strings.Builder
	b.WriteString("+++\n")
	if err := toml.NewEncoder(&b).Encode(front); err != nil && w.err == nil {
		w.err = fmt.Errorf("%s: %w", rel, err)
	}
	b.WriteString("+++\n")
	b.WriteString(body)
	w.file(rel, b.String())
}

func copyFS(fsys fs.FS, dir, dest string, rename func(string) string) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		target := filepath.Join(dest, filepath.FromSlash(rename(strings.TrimPrefix(p, dir+"/"))))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// loadLabels reads the UI strings of the default theme, for the French
// labels of statuses, professions and missions.
func loadLabels() (map[string]string, error) {
	data, err := fs.ReadFile(themes.Default(), "i18n/fr.toml")
	if err != nil {
		return nil, err
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		return nil, err
	}
	labels := map[string]string{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			labels[k] = s
		}
	}
	if len(labels) == 0 {
		return nil, errors.New("no UI strings in the default theme")
	}
	return labels, nil
}
