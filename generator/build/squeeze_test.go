package build_test

import (
	"strings"
	"testing"

	"github.com/cpts-fr/cpts"
	"github.com/cpts-fr/cpts/generator/build"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/themes"
)

// TestSqueezedPagesMinifyAlike checks that a squeezed page (the theme's
// text and the Markdown squeezed once, no minifier) holds nothing that the
// HTML minifier would keep and the page lost: minified, every page of the
// sample is the page of the templates as written, minified. It also checks
// that the pages are squeezed: none of them starts a line with an indent.
func TestSqueezedPagesMinifyAlike(t *testing.T) {
	tb := table(t)
	squeezed, diags := build.Run(build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: tb})
	if squeezed == nil {
		t.Fatal(diags)
	}
	raw, diags := build.Run(build.Options{Source: cpts.Sample, Theme: themes.Default(), Geo: tb, NoMinify: true})
	if raw == nil {
		t.Fatal(diags)
	}
	m := output.NewMinifier()
	pages := 0
	for _, p := range raw.Files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		r, _ := raw.Files.Get(p)
		s, ok := squeezed.Files.Get(p)
		if !ok {
			t.Fatalf("the squeezed build lacks %s", p)
		}
		want, err := m.Minify(p, r)
		if err != nil {
			t.Fatal(err)
		}
		got, err := m.Minify(p, s)
		if err != nil {
			t.Fatalf("%s: the squeezed page does not minify: %v", p, err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: minified, the squeezed page differs from the minified page:\n%s", p, firstDiff(string(got), string(want)))
		}
		if strings.Contains(string(s), "\n ") {
			t.Errorf("%s: a line of the squeezed page starts with white space", p)
		}
		if len(s) > len(r) {
			t.Errorf("%s: squeezed %d bytes, more than the %d of the templates as written", p, len(s), len(r))
		}
	}
	if pages < 100 {
		t.Fatalf("the sample has %d pages", pages)
	}
}

// firstDiff shows where two strings part.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	return "got  …" + a[lo:min(len(a), i+80)] + "\nwant …" + b[lo:min(len(b), i+80)]
}
