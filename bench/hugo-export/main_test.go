package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOldLayouts checks the names the layouts take for Hugo before 0.146
// (-old): kinds under _default/, single and list, partials/.
func TestOldLayouts(t *testing.T) {
	for in, want := range map[string]string{
		"baseof.html":           "_default/baseof.html",
		"page.html":             "_default/single.html",
		"section.html":          "_default/list.html",
		"taxonomy.html":         "_default/taxonomy.html",
		"home.html":             "index.html",
		"404.html":              "404.html",
		"commune/page.html":     "commune/single.html",
		"cpts/section.html":     "cpts/list.html",
		"_partials/header.html": "partials/header.html",
		"newslist/section.html": "newslist/list.html",
	} {
		if got := oldLayout(in); got != want {
			t.Errorf("oldLayout(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestExportSample exports the sample content for both template systems:
// every page kind has its layout, and the old config has no new key.
func TestExportSample(t *testing.T) {
	for _, old := range []bool{false, true} {
		out := t.TempDir()
		if err := export(filepath.Join("..", ".."), out, old); err != nil {
			t.Fatal(err)
		}
		base := "baseof.html"
		if old {
			base = "_default/baseof.html"
		}
		if _, err := os.Stat(filepath.Join(out, "layouts", base)); err != nil {
			t.Errorf("old=%v: %v", old, err)
		}
		f, err := os.Open(filepath.Join(out, "hugo.toml"))
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(f)
		f.Close()
		if strings.Contains(string(b), "[pagination]") == old || strings.Contains(string(b), "paginate = 10") != old {
			t.Errorf("old=%v: hugo.toml:\n%s", old, b)
		}
	}
}
