package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"time"

	"github.com/cpts-fr/cpts/generator/archetype"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/sitefs"
	"github.com/cpts-fr/cpts/themes"
)

const newUsage = `Usage:
  cpts new cpts <slug> ["Nom de la CPTS"]   a CPTS folder: index.md, communes.toml, members.toml, missions.toml, contacts.toml
  cpts new news <cpts-slug> "Titre"         a news item of that CPTS, dated today, as a draft
  cpts new news - "Titre"                   a site-wide news item
`

// runNew writes starting files from archetypes (the site's archetypes/
// folder over the theme's) and refuses to overwrite anything.
func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("new", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() { fmt.Fprint(stderr, newUsage) }
	source := fl.String("source", ".", "site folder")
	fl.StringVar(source, "s", ".", "shorthand for --source")
	if err := fl.Parse(args); err != nil {
		return exitUsage
	}
	a := fl.Args()
	if len(a) < 2 || len(a) > 3 || (a[0] == "news" && len(a) != 3) {
		fl.Usage()
		return exitUsage
	}
	today := time.Now().Format("2006-01-02")
	site, err := sitefs.Open(*source)
	if err != nil {
		fmt.Fprintf(stderr, "cpts %s: %v\n", fl.Name(), err)
		return exitUsage
	}
	msgs := chooseMessages("", site, "")
	theme, _ := fs.Sub(themes.Default(), "archetypes")
	siteArch, _ := fs.Sub(site, "archetypes")
	arch := render.Overlay{Top: siteArch, Base: theme}
	var name, target string
	data := archetype.Data{Date: today}
	switch a[0] {
	case "cpts":
		data.Slug = a[1]
		data.Title = "CPTS " + a[1]
		if len(a) == 3 {
			data.Title = a[2]
		}
		name, target = "cpts", "content/cpts/"+a[1]
	case "news":
		data.Title = a[2]
		data.Slug = load.Slugify(a[2])
		dir := "content/news"
		if a[1] != "-" {
			if _, err := fs.Stat(site, "content/cpts/"+a[1]+"/index.md"); err != nil {
				fmt.Fprintf(stderr, "cpts new: %s\n", msgs.Sprintf("no CPTS %q in %s (content/cpts/%s/index.md)", a[1], *source, a[1]))
				return exitUsage
			}
			dir = "content/cpts/" + a[1] + "/news"
		}
		name, target = "news.md", path.Join(dir, today+"-"+data.Slug+".md")
	default:
		fmt.Fprintf(stderr, "cpts new: unknown kind %q\n", a[0])
		fl.Usage()
		return exitUsage
	}
	if err := load.CheckSlug(data.Slug); err != nil {
		fmt.Fprintf(stderr, "cpts new: %v\n", err)
		return exitUsage
	}
	files, err := archetype.Expand(arch, name, target, data)
	if err == nil {
		err = archetype.Write(*source, files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "cpts new: %s\n", msgs.Text(err.Error()))
		if errors.Is(err, archetype.ErrExists) {
			return exitContent
		}
		return exitUsage
	}
	for _, f := range files {
		fmt.Fprintln(stdout, msgs.Sprintf("created %s", path.Join(*source, f.Path)))
	}
	return exitOK
}
