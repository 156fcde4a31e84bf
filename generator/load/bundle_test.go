package load

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestNewsBundles reads a news item kept as a folder with its photos
// beside it, next to items kept as files, and reports a bundle without
// index.md or whose date disagrees with its folder name. Images under
// content/ get no unknown-file warning; other strays still do.
func TestNewsBundles(t *testing.T) {
	news := func(title, date string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\ndate = " + date + "\ncover = \"salle.jpg\"\ncover_alt = \"x\"\n+++\n")}
	}
	fsys := fstest.MapFS{
		"config.toml":                                 {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n")},
		"content/cpts/a/index.md":                     {Data: []byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\nlogo = \"logo.svg\"\n+++\n")},
		"content/cpts/a/logo.svg":                     {Data: []byte("<svg/>")},
		"content/cpts/a/news/2024-03-01-ag/index.md":  news("AG", "2024-03-01"),
		"content/cpts/a/news/2024-03-01-ag/salle.jpg": {Data: []byte("jpeg")},
		"content/cpts/a/news/2024-02-01-flat.md":      news("Flat", "2024-02-01"),
		"content/cpts/a/news/2024-04-01-vide/x.png":   {Data: []byte("png")},
		"content/news/2024-05-01-site/index.md":       news("Site", "2024-05-02"),
		"content/news/2024-05-01-site/notes.txt":      {Data: []byte("notes")},
		"content/news/brouillons/x.md":                {Data: []byte("x")},
	}
	site, diags := Site(fsys, Options{})
	var got []string
	for _, n := range site.News {
		got = append(got, n.Slug+"@"+n.File+"@"+n.Cover)
	}
	want := "site@content/news/2024-05-01-site/index.md@salle.jpg ag@content/cpts/a/news/2024-03-01-ag/index.md@salle.jpg flat@content/cpts/a/news/2024-02-01-flat.md@salle.jpg"
	if strings.Join(got, " ") != want {
		t.Errorf("news = %v\nwant %s", got, want)
	}
	if site.CPTS[0].Logo != "logo.svg" {
		t.Errorf("logo = %q", site.CPTS[0].Logo)
	}
	var ds []string
	for _, d := range diags {
		ds = append(ds, d.Pos.String()+" "+string(d.Code))
	}
	wantDiags := []string{
		"content/cpts/a/news/2024-04-01-vide/index.md required",
		"content/news/2024-05-01-site/index.md:3:8 consistency",
		"content/news/2024-05-01-site/notes.txt unknown-file",
		"content/news/brouillons/x.md unknown-file",
	}
	if strings.Join(ds, "\n") != strings.Join(wantDiags, "\n") {
		t.Errorf("diagnostics:\n%s\nwant\n%s", strings.Join(ds, "\n"), strings.Join(wantDiags, "\n"))
	}
}
