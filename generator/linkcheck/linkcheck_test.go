package linkcheck_test

import (
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/linkcheck"
	"github.com/cpts-fr/cpts/generator/output"
)

func TestCheck(t *testing.T) {
	page := func(prefix, body string) string {
		return `<!doctype html><html><head><link rel=stylesheet href=` + prefix + `css/site.1.css><script src="` + prefix + `js/a.js"></script></head><body id=top>` + body + `</body></html>`
	}
	tests := []struct {
		name, base, body string
		want             []string
	}{
		{"good links", "https://example.org/cpts/", `<a href="/cpts/">a</a><a href=/cpts/x/>b</a><a href="/cpts/x/#c">c</a><a href="x/">d</a><a href="#top">e</a>
			<a href="https://example.org/cpts/x/">f</a><link rel=canonical href=https://example.org/cpts/><img src="/cpts/img/a.png" srcset="/cpts/img/a.png 480w, /cpts/img/b.png 960w" alt="">
			<a href="mailto:a@example.org">g</a><a href="tel:+33467000000">h</a><a href="https://other.example/">i</a><a href="https://example.org/x/">j</a>
			<a href="/cpts/x/feed.json?v=1">k</a><a href="/cpts/x">l</a><form action="/cpts/x/"></form><!-- <a href="/nowhere/"> --><script>var a = '<a href="/nowhere/">'</script>`, nil},
		{"script in capitals", "https://example.org/", `<SCRIPT>var a = '<a href="/nowhere/">'</Script><STYLE>a{}</style><A HREF="/x/">a</A>`, nil},
		{"root base", "https://example.org", `<a href="/x/">a</a><a href="/">b</a>`, nil},
		{"missing page", "https://example.org/cpts/", `<a href="/cpts/y/">a</a>`, []string{"index.html: /cpts/y/: no file y/index.html in the output"}},
		{"ignores the base path", "https://example.org/cpts/", `<a href="/x/">a</a>`, []string{"index.html: /x/: outside the base path /cpts/"}},
		{"missing fragment", "https://example.org/cpts/", `<a href="/cpts/x/#d">a</a><a href="#nope">b</a>`, []string{"index.html: #nope: no id nope in index.html", "index.html: /cpts/x/#d: no id d in x/index.html"}},
		{"missing asset", "https://example.org/cpts/", `<img src="/cpts/img/c.png" srcset="/cpts/img/a.png 1x, /cpts/img/d.png 2x" alt="">`, []string{
			"index.html: /cpts/img/c.png: no file img/c.png in the output", "index.html: /cpts/img/d.png: no file img/d.png in the output"}},
		{"absolute URLs are another site's", "https://example.org/", `<a href="https://example.org/pays-de-lunel/">a</a><a href="//example.org/z/">b</a>`, nil},
		{"inline svg", "https://example.org/cpts/", `<svg><a href="/cpts/w/"><path d="M0 0"/></a></svg>`, []string{"index.html: /cpts/w/: no file w/index.html in the output"}},
		{"entities", "https://example.org/cpts/", `<a href="/cpts/x/feed.json?a=1&amp;b=2">a</a><a href="/cpts/caf%C3%A9/">b</a>`, []string{"index.html: /cpts/caf%C3%A9/: no file café/index.html in the output"}},
		{"unquoted, as the minifier writes them", "https://example.org/cpts/", `<a href=/cpts/x/#c>a</a><a href=#top>b</a><img src=/cpts/img/a.png srcset="/cpts/img/a.png 1x,/cpts/img/d.png 2x" alt=""><a href=/cpts/w/>c</a><a href=/cpts/>d</a>`, []string{
			"index.html: /cpts/img/d.png: no file img/d.png in the output", "index.html: /cpts/w/: no file w/index.html in the output"}},
		{"single quotes and odd spacing", "https://example.org/cpts/", "<a\nhref='/cpts/x/#d'\tid='q'>a</a><a href='#q'>b</a><a href = \"/nowhere/\">c</a><a href>d</a><a title='href=/nowhere/'>e</a>", []string{
			"index.html: /cpts/x/#d: no id d in x/index.html"}},
		{"relative links", "https://example.org/cpts/", `<a href="x/#c">a</a><a href="./x/">b</a><a href="x/#nope">c</a><a href="../">d</a><a href="y">e</a><a href="?q=1">f</a>`, []string{
			"index.html: ../: no file ../index.html in the output", "index.html: x/#nope: no id nope in x/index.html", "index.html: y: no file y in the output"}},
		{"the name of an a is an id", "https://example.org/", `<a name="here"></a><div name="there"></div><a href="#here">a</a><a href="#there">b</a>`, []string{
			"index.html: #there: no id there in index.html"}},
		{"escaped fragments and ids", "https://example.org/", `<h2 id="café">C</h2><h2 id="a&amp;b">D</h2><a href="#caf%C3%A9">a</a><a href="#café">b</a><a href="#a&amp;b">c</a><a href="#a%26b">d</a>`, nil},
		{"links that do not parse", "https://example.org/", `<a href="/x/%zz">a</a><a href="https://exa mple.org/">b</a><a href=":x">c</a>`, []string{
			"index.html: /x/%zz: not a URL", "index.html: :x: not a URL", "index.html: https://exa mple.org/: not a URL"}},
		{"a link repeated is reported once", "https://example.org/", `<a href="/y/">a</a><a href="/y/">b</a><a href="#nope">c</a><a href=#nope>d</a>`, []string{
			"index.html: #nope: no id nope in index.html", "index.html: /y/: no file y/index.html in the output"}},
		{"absolute URLs under the base URL", "https://example.org/cpts/", `<a href="https://example.org/cpts/nowhere/">a</a><a href="HTTPS://EXAMPLE.ORG/cpts/nowhere/">b</a><a href="http://example.org/cpts/nowhere/#x">c</a>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := output.NewSet()
			add := func(p, data string) {
				if err := files.Add(p, []byte(data)); err != nil {
					t.Fatal(err)
				}
			}
			prefix := strings.TrimPrefix(strings.TrimSuffix(tt.base, "/")+"/", "https://example.org")
			add("index.html", page(prefix, tt.body))
			add("x/index.html", page(prefix, `<h2 id="c">C</h2>`))
			add("x/feed.json", "{}")
			add("css/site.1.css", "")
			add("js/a.js", "")
			add("img/a.png", "")
			add("img/b.png", "")
			var got []string
			for _, b := range linkcheck.Check(files, tt.base) {
				got = append(got, b.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}
