package build

import (
	"io/fs"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/linkcheck"
)

// checkOutput reports the links of the built pages that resolve to no
// file of the output (found by package linkcheck). Markdown links are checked
// before, at their position in the content, so what is left is what
// templates write: each is reported at the output file that holds it.
// HTML files of static/, copied as they are, are the site's own business
// (static/admin/index.html loads a script the user copies beside it).
func checkOutput(broken []linkcheck.Broken, theme fs.FS) diag.List {
	var diags diag.List
	for _, b := range broken {
		if _, err := fs.Stat(theme, "static/"+b.File); err == nil {
			continue
		}
		diags.Errorf(diag.Pos{File: "public/" + b.File}, diag.BrokenLink, "broken link in the built page: %s: %s", b.URL, b.Reason).
			WithHint("a layout writes this link: build every link with url (site paths) or asset (theme files), and link only to pages the site renders")
	}
	return diags
}
