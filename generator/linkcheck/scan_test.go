package linkcheck

import (
	"slices"
	"testing"
)

func TestRead(t *testing.T) {
	type list = []string
	tests := []struct {
		name, html string
		links, ids list
	}{
		{"quoted", `<a href="/x/" id="a">x</a><img src='/i.png'>`, list{"/x/", "/i.png"}, list{"a"}},
		{"unquoted, as the minifier writes them", `<a href=/x/ id=a>x</a><img src=/i.png alt=""/><use href=/m.svg#d />`, list{"/x/", "/i.png", "/m.svg#d"}, list{"a"}},
		{"names in any case", `<A HREF="/x/" NAME=top iD=b>x</A><Form Action=/f/></Form>`, list{"/x/", "/f/"}, list{"top", "b"}},
		{"name is an id on an a alone", `<div name=n></div><a name=m></a><abbr name=o></abbr>`, nil, list{"m"}},
		{"entities", `<a href="/x/?a=1&amp;b=2">x</a><h2 id="a&amp;b">`, list{"/x/?a=1&b=2"}, list{"a&b"}},
		{"srcset", "<img srcset=\"/a.png 1x,/b.png\u00a02x , ,\t/c.png\">", list{"/a.png", "/b.png", "/c.png"}, nil},
		{"comments, scripts and styles", `<!-- <a href=/c/> --><script>'<a href=/s/>'</script><STYLE>a{}</Style><a href=/x/>`, list{"/x/"}, nil},
		{"text and end tags", `a href=/t/ 1 < 2 <3 </a href=/e/><p/><a data-href=/d/ title="href=/q/">`, nil, nil},
		{"spaces around the equals sign", `<a href = "/x/">`, list{""}, nil},
		{"attributes without values", `<a href id>`, list{""}, list{""}}, // which resolve
		{"unterminated", `<a href="/x/`, nil, nil},
		{"plain http(s) URLs, never followed, are not kept", `<link rel=canonical href=https://example.org/x/><a href="http://a.example/b#c">a</a><a href="https://a.example/?q=1">b</a><a href=mailto:a@example.org>c</a><img srcset="https://i.example/a.png 1x, /b.png 2x">`,
			list{"https://a.example/?q=1", "mailto:a@example.org", "/b.png"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := new(reader)
			r.read([]byte(tt.html))
			if got := texts(r.names); !slices.Equal(got, tt.links) {
				t.Errorf("links %q, want %q", got, tt.links)
			}
			if got := texts(r.ids); !slices.Equal(got, tt.ids) {
				t.Errorf("ids %q, want %q", got, tt.ids)
			}
		})
	}
}

func texts(b [][]byte) []string {
	var s []string
	for _, x := range b {
		s = append(s, string(x))
	}
	return s
}
