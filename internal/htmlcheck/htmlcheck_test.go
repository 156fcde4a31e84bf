package htmlcheck

import (
	"strings"
	"testing"
)

func TestHTML(t *testing.T) {
	cases := []struct {
		html string
		want string // a substring of the only problem, or "" for none
	}{
		{`<p>&lt;script>alert(1)&lt;/script></p>`, ""},
		{`<meta name="description" content="<svg onload=alert(1)>">`, ""},
		{`<a href="https://example.org/" title="x onclick=y">x</a>`, ""},
		{`<script src="/js/search.js" defer></script>`, ""},
		{`<script type="application/ld+json">{"name":"\u003cscript"}</script>`, ""},
		{`<form class="search" role="search" action="/communes/"></form>`, ""},
		{`<script>alert(1)</script>`, "inline <script>"},
		{`<script type="application/ld+json">{"a":"</b>"}</script>`, "JSON-LD"},
		{`<img src=x onerror=alert(1)>`, "event handler"},
		{`<a href="java&#x09;script:alert(1)">x</a>`, "<a href="},
		{`<a href=" JavaScript:alert(1)">x</a>`, "<a href="},
		{`<a href='javascript:alert(1)'>x</a>`, "<a href="},
		{`<a href="'javascript:x">x</a>`, ""}, // a relative link: the quote is the URL's (FuzzConvertSafe)
		{`<img src="data:text/html,x">`, "<img src="},
		{`<iframe src="https://evil.example/"></iframe>`, "<iframe>"},
		{`<iframe src="//evil.example/carte.svg"></iframe>`, "<iframe>"},
		{`<iframe src="/page/"></iframe>`, "<iframe>"},
		{`<iframe src="/x.svg?u=https://evil.example/"></iframe>`, "<iframe>"},
		{`<iframe src="/cpts/a/carte.svg" class="map-frame map-r4"></iframe>`, ""},
		{`<style>body{}</style>`, "<style>"},
		{`<form action="https://evil.example/"></form>`, "<form>"},
		{`<meta http-equiv="refresh" content="0;url=https://evil.example/">`, "refresh"},
		{`<svg><a href="javascript:alert(1)"><text>x</text></a></svg>`, "javascript:"},
		{`<svg onload="alert(1)"></svg>`, "event handler in SVG"},
	}
	for _, tc := range cases {
		got := HTML([]byte(tc.html))
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("HTML(%s) = %q, want nothing", tc.html, got)
		case tc.want != "" && (len(got) != 1 || !strings.Contains(got[0], tc.want)):
			t.Errorf("HTML(%s) = %q, want one problem with %q", tc.html, got, tc.want)
		}
	}
}
