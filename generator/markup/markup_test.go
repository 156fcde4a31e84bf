package markup

import (
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

func TestConvertSafety(t *testing.T) {
	start := diag.Pos{File: "content/cpts/a/index.md", Line: 6, Col: 1}
	tests := []struct {
		name, in string
		want     []string // substrings of the HTML
		wantNot  []string
		wantDiag string // position of the one expected diagnostic, "" for none
		rawHTML  bool
	}{
		{name: "heading shifted", in: "# Titre\n\n## Sous-titre\n", want: []string{`<h2 id="titre">Titre</h2>`, `<h3 id="sous-titre">`}},
		{name: "top heading is h2 whatever the author starts at", in: "## Titre\n\n### Sous-titre\n\n## Autre\n", want: []string{`<h2 id="titre">`, `<h3 id="sous-titre">`, `<h2 id="autre">`}},
		{name: "deep headings capped at h6", in: "# A\n\n###### F\n", want: []string{`<h2 id="a">`, `<h6 id="f">`}},
		{name: "heading ids keep accented letters", in: "## Notre projet de santé\n\n## Adhérer\n\n## L’équipe & ses 12 membres\n", want: []string{`<h2 id="notre-projet-de-sante">`, `<h2 id="adherer">`, `<h2 id="l-equipe-ses-12-membres">`}},
		{name: "repeated heading ids are numbered", in: "## Actions\n\n## Actions\n\n## Actions\n\n## ???\n", want: []string{`<h2 id="actions">`, `<h2 id="actions-1">`, `<h2 id="actions-2">`, `<h2 id="heading">`}},
		{name: "raw inline html escaped", in: "Texte <script>alert(1)</script> fin\n", want: []string{"&lt;script&gt;alert(1)&lt;/script&gt;"}, wantNot: []string{"<script>"}},
		{name: "html block escaped", in: "<div onclick=\"x()\">\nbloc\n</div>\n", want: []string{"&lt;div onclick="}, wantNot: []string{"<div"}},
		{name: "raw html opt in", in: "<b>gras</b>\n", want: []string{"<b>gras</b>"}, rawHTML: true},
		{name: "javascript link neutralised", in: "Voir [ici](javascript:alert(1)).\n", want: []string{"Voir ici."}, wantNot: []string{"href", "javascript"}, wantDiag: "content/cpts/a/index.md:6:6"},
		{name: "obfuscated scheme", in: "x\n\n[a](java&#9;script:alert(1))\n", wantNot: []string{"href"}, wantDiag: "content/cpts/a/index.md:8:1"},
		{name: "data image refused", in: "![logo](data:image/svg+xml,<svg/onload=alert(1)>)\n", wantNot: []string{"<img"}, wantDiag: "content/cpts/a/index.md:6:1"},
		{name: "allowed links", in: "[a](https://example.org/) [b](/cpts/lunel/) [c](mailto:x@example.org) [d](tel:+33467000000) [e](#missions)\n",
			want: []string{`href="https://example.org/"`, `href="/cpts/lunel/"`, `href="mailto:x@example.org"`, `href="tel:+33467000000"`, `href="#missions"`}},
		{name: "image with alt and lazy loading", in: "![Le logo](/logo.png)\n", want: []string{`<img src="/logo.png" alt="Le logo" loading="lazy">`}},
		{name: "autolink", in: "<https://example.org/a>\n", want: []string{`<a href="https://example.org/a">https://example.org/a</a>`}},
		{name: "table", in: "| a | b |\n|---|---|\n| 1 | 2 |\n", want: []string{"<table>", "<th>a</th>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, diags := New(Options{RawHTML: tt.rawHTML}).Convert([]byte(tt.in), start)
			html := string(res.HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("HTML lacks %q:\n%s", w, html)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(html, w) {
					t.Errorf("HTML has %q:\n%s", w, html)
				}
			}
			switch {
			case tt.wantDiag == "" && len(diags) > 0:
				t.Errorf("unexpected diagnostics: %v", diags)
			case tt.wantDiag != "" && (len(diags) != 1 || diags[0].Pos.String() != tt.wantDiag):
				t.Errorf("diagnostics = %v, want one at %s", diags, tt.wantDiag)
			}
		})
	}
}

// TestReservedIDs checks that a heading does not take an id the page
// around the body uses.
func TestReservedIDs(t *testing.T) {
	c := New(Options{ReservedIDs: []string{"missions", "contacts"}})
	for range 2 { // the reserved ids stay reserved for the next document
		res, _ := c.Convert([]byte("## Missions\n\n## Missions\n\n## Nos missions\n"), diag.Pos{File: "f.md", Line: 1, Col: 1})
		for _, want := range []string{`<h2 id="missions-1">`, `<h2 id="missions-2">`, `<h2 id="nos-missions">`} {
			if !strings.Contains(string(res.HTML), want) {
				t.Errorf("no %s in\n%s", want, res.HTML)
			}
		}
	}
}

func TestConvertLinks(t *testing.T) {
	src := "Intro.\n\nVoir [Lunel](/cpts/pays-de-lunel/) et\n[la page](/pages/qu-est-ce-qu-une-cpts/).\n"
	res, _ := New(Options{}).Convert([]byte(src), diag.Pos{File: "f.md", Line: 5, Col: 1})
	var got []string
	for _, l := range res.Links {
		got = append(got, l.Dest+"@"+l.Pos.String())
	}
	want := "/cpts/pays-de-lunel/@f.md:7:6 /pages/qu-est-ce-qu-une-cpts/@f.md:8:1"
	if strings.Join(got, " ") != want {
		t.Errorf("links = %v, want %s", got, want)
	}
}

// TestLinksAsConvert checks that Links, which does not render, finds the
// links, images and warnings Convert finds.
func TestLinksAsConvert(t *testing.T) {
	src := "# Titre\n\nVoir [Lunel](/cpts/pays-de-lunel/), <https://example.org/a>,\n" +
		"![Une photo](photo.jpg) ![-](/images/deco.png) et [mal](javascript:alert(1)).\n\n" +
		"- [liste](mailto:a@example.org)\n- <b>brut</b> [tel](tel:+33100000000)\n"
	start := diag.Pos{File: "content/cpts/a/index.md", Line: 4, Col: 1}
	c := New(Options{})
	res, wantDiags := c.Convert([]byte(src), start)
	links, diags := c.Links([]byte(src), start)
	if len(links) != 6 || len(res.Links) != len(links) {
		t.Fatalf("Links found %d links, Convert %d; want 6: %+v", len(links), len(res.Links), links)
	}
	for i := range links {
		if links[i] != res.Links[i] {
			t.Errorf("link %d = %+v, Convert gives %+v", i, links[i], res.Links[i])
		}
	}
	if len(diags) != 1 || len(wantDiags) != 1 || diags[0].String() != wantDiags[0].String() {
		t.Errorf("Links diagnostics = %v, Convert gives %v; want the javascript: warning", diags, wantDiags)
	}
}
