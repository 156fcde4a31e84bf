package output

import (
	"strings"
	"testing"
)

func TestSqueezeHTML(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"between blocks", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", "<ul><li>a</li><li>b</li></ul>"},
		{"between inline elements", "<a href=\"/\">a</a>\n<a href=\"/b\">b</a>", "<a href=\"/\">a</a>\n<a href=\"/b\">b</a>"},
		{"in text", "un\n   deux", "un\ndeux"},
		{"spaces kept", "<b>a</b> <i>b</i>  c", "<b>a</b> <i>b</i>  c"},
		{"head", "<head>\n<meta charset=\"utf-8\">\n<title>T</title>\n</head>", "<head><meta charset=\"utf-8\"><title>T</title></head>"},
		{"after a block, before text", "<p>a</p>\n  texte", "<p>a</p>texte"},
		{"before a block, after text", "texte\n<div>", "texte<div>"},
		{"fragment edges", "\n<span>", "\n<span>"},
		{"quoted > before", "<a title=\"x>\">\n<b>", "<a title=\"x>\">\n<b>"},
		{"open quote before", "x\" title=\"a>\n<b>", "x\" title=\"a>\n<b>"},
		{"pre kept", "<p>a</p>\n<pre>  un\n    deux\n</pre>\n<p>b</p>", "<p>a</p><pre>  un\n    deux\n</pre><p>b</p>"},
		{"PRE kept", "<PRE>\n  x\n</PRE>", "<PRE>\n  x\n</PRE>"},
		{"textarea kept", "<textarea>\n a\n</textarea>", "<textarea>\n a\n</textarea>"},
		{"script kept", "<script>\nvar a = 1;\n\n  f();\n</script>\n<p>", "<script>\nvar a = 1;\n\n  f();\n</script><p>"},
		{"unclosed pre kept to the end", "<pre>\n a\n\n b", "<pre>\n a\n\n b"},
		{"end tag of a pre alone", "</pre>\n  <p>", "</pre><p>"},
		{"</pre/> ends no pre, for the minifier", "<pre>a</pre/>\n <p>", "<pre>a</pre/>\n <p>"},
		{"</script/> ends a script", "<script>a</script/>\n <p>", "<script>a</script/><p>"},
		{"</script0> ends a script, for the lexer", "<script>a</script0>\n <p>", "<script>a</script0><p>"},
		{"</p\f> is no p, for the minifier", "0</p\f>\n0", "0</p\f>\n0"},
		{"</p \t> is a p", "0</p \t>\n0", "0</p \t>0"},
		{"an entity after a block's end", "<p>a</p>\n&#32;x", "<p>a</p>\n&#32;x"},
		{"an entity before a block", "x&#32;\n<p>", "x&#32;\n<p>"},
		{"</pre x> ends no pre", "<pre>a</pre x>\n <p></pre>", "<pre>a</pre x>\n <p></pre>"},
		{"</pre > ends a pre", "<pre>a</pre >\n <p>", "<pre>a</pre ><p>"},
		{"a pre's end tag in an attribute", "<pre><a title=\"</pre>\">\n </pre>", "<pre><a title=\"</pre>\">\n </pre>"},
		{"a script's end tag in its comment", "<script><!--<script></script>\n <p>--></script>\n<p>", "<script><!--<script></script>\n <p>--></script><p>"},
		{"title kept", "<title>a\n  b</title>", "<title>a\n  b</title>"},
		{"svg kept", "<svg><text>a\n  b</text></svg>\n<p>", "<svg><text>a\n  b</text></svg><p>"},
		{"comment kept", "<!-- a=\">\n\" -->\n <p>", "<!-- a=\">\n\" --><p>"},
		{"= in a tag name opens no value", "<a= \"=\">\n <p>\"", "<a= \"=\">\n <p>\""},
		{"== opens an unquoted value", "<a ==\">\n <p>\"", "<a ==\"><p>\""},
		{"<0 is text", "<0 a>\n  b", "<0 a>\nb"},
		{"doctype", "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>", "<!DOCTYPE html><html lang=\"fr\"><head>"},
		{"crlf", "<li>a</li>\r\n<li>b</li>", "<li>a</li><li>b</li>"},
		{"no white space", "<p>a</p>", "<p>a</p>"},
		{"empty", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(SqueezeHTML(nil, []byte(tc.in))); got != tc.want {
				t.Errorf("SqueezeHTML(%q)\n = %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

// FuzzSqueezeHTML checks that squeezing changes nothing the HTML
// minifier keeps: the minified squeezed fragment is the minified fragment,
// tags left open and malformed markup included.
func FuzzSqueezeHTML(f *testing.F) {
	for _, s := range []string{
		"<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", "<p>un\n   <em>deux</em>\n trois</p>\n<p>x</p>",
		"<pre>  a\n\n b</pre>\n<p>", "<a href=\"/\">a</a>\n<a href=\"/b\">b</a>\n", "<div>\n<span>a</span>\n</div>",
	} {
		f.Add(s)
	}
	m := NewMinifier()
	f.Fuzz(func(t *testing.T, s string) {
		want, err := m.Minify("x.html", []byte(s))
		if err != nil {
			return
		}
		got, err := m.Minify("x.html", SqueezeHTML(nil, []byte(s)))
		if err != nil {
			t.Fatalf("the squeezed fragment does not minify: %v", err)
		}
		if string(got) != string(want) {
			t.Errorf("minify(SqueezeHTML(%q))\n = %q\nwant minify of the fragment %q", s, got, want)
		}
	})
}

// BenchmarkSqueezeHTML squeezes the HTML of a Markdown body of about
// 4 KB, as render does for every news item and presentation.
func BenchmarkSqueezeHTML(b *testing.B) {
	para := "<p>Le territoire de la <a href=\"/cpts/x/\">CPTS</a> compte 17 communes et environ 64 896 habitants.\nIl s’étend autour de <em>Villefontaine</em>.</p>\n"
	src := []byte(strings.Repeat("<h3 id=\"t\">Notre territoire</h3>\n"+para+para+"<ul>\n<li><strong>Accès</strong> : un médecin.</li>\n<li>Deux</li>\n</ul>\n", 8))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		SqueezeHTML(nil, src)
	}
}
