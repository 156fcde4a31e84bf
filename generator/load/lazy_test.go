package load

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/cpts-fr/cpts/generator/model"
)

// TestNewsTextsAreLeftInTheirFiles: the loader keeps no news item's text
// (a decade of them would not fit a build's memory): each is read again
// from its file, which must still hold what was loaded. The presentation
// of a CPTS and a free page, a handful, are held.
func TestNewsTextsAreLeftInTheirFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"config.toml":                            {Data: []byte("title = \"t\"\nbase_url = \"https://example.org/\"\n")},
		"content/cpts/a/index.md":                {Data: []byte("+++\nname = \"A\"\nstatus = \"projet\"\nsummary = \"s\"\n+++\nPrésentation.\n")},
		"content/cpts/a/news/2024-02-01-flat.md": {Data: []byte("\ufeff+++\ntitle = \"Flat\"\ndate = 2024-02-01\n+++\nLe texte.\n")},
		"content/pages/apropos.md":               {Data: []byte("+++\ntitle = \"À propos\"\n+++\nUne page.\n")},
	}
	site, diags := Site(fsys, Options{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	n, c, p := site.News[0], site.CPTS[0], site.Pages[0]
	if got, err := n.Body.Text(); err != nil || string(got) != "Le texte.\n" {
		t.Fatalf("news text = %q, %v", got, err)
	}
	fsys["content/cpts/a/news/2024-02-01-flat.md"].Data = []byte("\ufeff+++\ntitle = \"Flat\"\ndate = 2024-02-01\n+++\nLe texte!\n")
	if _, err := n.Body.Text(); !errors.Is(err, model.ErrChanged) {
		t.Errorf("news text after its file changed: err = %v, want model.ErrChanged", err)
	}
	delete(fsys, "content/cpts/a/news/2024-02-01-flat.md")
	if _, err := n.Body.Text(); !errors.Is(err, model.ErrChanged) {
		t.Errorf("news text after its file went: err = %v, want model.ErrChanged", err)
	}
	fsys["content/cpts/a/index.md"].Data = []byte("+++\nname = \"A\"\n+++\nAutre.\n")
	fsys["content/pages/apropos.md"].Data = []byte("+++\ntitle = \"À propos\"\n+++\nAutre.\n")
	for _, m := range []model.Markdown{c.Body, p.Body} {
		if got, err := m.Text(); err != nil || string(got) == "Autre.\n" {
			t.Errorf("%s: text %q, %v: want the text loaded", m.Pos.File, got, err)
		}
	}
}
