package markup

import (
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/internal/htmlcheck"
)

// FuzzConvertSafe renders any Markdown with the default options (raw HTML
// escaped): it must not panic, and the HTML must hold no script, style,
// frame, event handler or javascript:, vbscript: or data: link.
// Longer runs: go test -run '^$' -fuzz FuzzConvertSafe -fuzztime 5m ./generator/markup
func FuzzConvertSafe(f *testing.F) {
	for _, seed := range []string{
		"# Titre\n\nTexte *gras* [lien](https://example.org/).\n",
		"<script>alert(1)</script>\n",
		"<div onclick=\"x()\">\nbloc\n</div>\n",
		"[a](javascript:alert(1)) [b](java&#9;script:x) [c](JAVASCRIPT:x) <javascript:alert(1)>\n",
		"![x](data:image/svg+xml,<svg/onload=alert(1)>) ![y](//evil.example/a.png)\n",
		"[a](https://example.org/ \"\\\" onmouseover=\\\"alert(1)\")\n",
		"| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | 2 |\n",
		"<!-- <script> -->\n\n<a href=\"vbscript:x\">a</a>\n",
		"[ref]: javascript:alert(1)\n\n[ref]\n",
	} {
		f.Add(seed)
	}
	c := New(Options{})
	start := diag.Pos{File: "content/cpts/a/index.md", Line: 6, Col: 1}
	f.Fuzz(func(t *testing.T, src string) {
		res, _ := c.Convert([]byte(src), start)
		if problems := htmlcheck.HTML(res.HTML); len(problems) > 0 {
			t.Fatalf("harmful HTML from %q:\n%s\n%q", src, res.HTML, problems)
		}
	})
}
