package render_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/render"
)

var (
	cspMeta    = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
	scriptTag  = regexp.MustCompile(`<script\b[^>]*>`)
	styleAttr  = regexp.MustCompile(`<[^>]+\sstyle=`)
	blankLink  = regexp.MustCompile(`<a\b[^>]*\btarget="?_blank[^>]*>`)
	hrefScheme = regexp.MustCompile(`\s(?:href|src|action)="([a-zA-Z][a-zA-Z0-9+.-]*):`)
	handler    = regexp.MustCompile(`<[^>]+\son[a-z]+=`)
)

// TestEveryPageIsLockedDown checks each HTML file of the test site: the
// Content-Security-Policy meta, no inline script or style, no event
// handler attribute, no target=_blank without rel=noopener, and links only
// to http, https, mailto and tel.
func TestEveryPageIsLockedDown(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	pages := 0
	for _, p := range res.Files.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		pages++
		data, _ := res.Files.Get(p)
		html := string(data)
		if m := cspMeta.FindStringSubmatch(html); m == nil || m[1] != strings.ReplaceAll(render.ContentSecurityPolicy, "'", "&#39;") {
			t.Errorf("%s: no Content-Security-Policy meta, or another policy: %q", p, m)
		}
		for _, tag := range scriptTag.FindAllString(html, -1) {
			if !strings.Contains(tag, " src=") && !strings.Contains(tag, `type="application/ld+json"`) {
				t.Errorf("%s: inline script %s", p, tag)
			}
		}
		if strings.Contains(html, "<style") || styleAttr.MatchString(html) {
			t.Errorf("%s: inline style", p)
		}
		if m := handler.FindString(html); m != "" {
			t.Errorf("%s: event handler attribute in %s", p, m)
		}
		for _, a := range blankLink.FindAllString(html, -1) {
			if !strings.Contains(a, "noopener") {
				t.Errorf("%s: %s without rel=noopener", p, a)
			}
		}
		for _, m := range hrefScheme.FindAllStringSubmatch(html, -1) {
			switch strings.ToLower(m[1]) {
			case "http", "https", "mailto", "tel":
			default:
				t.Errorf("%s: link with scheme %s:", p, m[1])
			}
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages checked", pages)
	}
}

func TestHeadersFile(t *testing.T) {
	res, diags := renderArchive(t, "site.txtar", nil)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	data, ok := res.Files.Get("_headers")
	if !ok {
		t.Fatal("no _headers")
	}
	for _, want := range []string{
		"/*\n",
		"  Content-Security-Policy: " + render.ContentSecurityPolicy + "; frame-ancestors 'self'\n",
		"  X-Content-Type-Options: nosniff\n",
		"  Referrer-Policy: strict-origin-when-cross-origin\n",
	} {
		if !strings.Contains(string(data), want) {
			t.Errorf("_headers lacks %q:\n%s", want, data)
		}
	}
	if strings.Contains(render.ContentSecurityPolicy, "unsafe-inline") || strings.Contains(render.ContentSecurityPolicy, "*") {
		t.Errorf("the policy allows inline code or any host: %s", render.ContentSecurityPolicy)
	}
}
