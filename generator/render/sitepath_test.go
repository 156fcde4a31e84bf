package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/themes"
)

// TestLayoutsSpellNoSitePath: the theme's layouts make no site path of
// their own (`url "/…"`, `print "/…"`): they name a fixed page by
// sitePath, or ask package plan's helpers, so that a path is made in one
// place. Every name they give sitePath exists.
func TestLayoutsSpellNoSitePath(t *testing.T) {
	spelt := regexp.MustCompile(`(url|print) "/`)
	named := regexp.MustCompile(`sitePath "([^"]*)"`)
	checked := 0
	err := fs.WalkDir(themes.Default(), "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		data, err := fs.ReadFile(themes.Default(), p)
		if err != nil {
			return err
		}
		checked++
		for i, line := range strings.Split(string(data), "\n") {
			if m := spelt.FindString(line); m != "" {
				t.Errorf("%s:%d: spells a site path (%s…): use sitePath or a path helper", p, i+1, m)
			}
			for _, m := range named.FindAllStringSubmatch(line, -1) {
				if _, err := sitePath(m[1]); err != nil {
					t.Errorf("%s:%d: %v", p, i+1, err)
				}
			}
		}
		return nil
	})
	if err != nil || checked < 20 {
		t.Fatalf("read %d layouts: %v", checked, err)
	}
}
