// Package htmlcheck finds what must never reach a published page, for the
// tests of the generator (the bad-input corpus, fuzzing of Markdown): a
// script that is neither external nor a JSON-LD data block, a JSON-LD
// block holding "<", an iframe (other than the frame of a map: a site
// path to an SVG document), object, embed, style, base or meta
// refresh, a form other than the search form, an event handler attribute,
// and a javascript:, vbscript: or data: link. It reads HTML with a
// tokenizer, so text and quoted attribute values that merely look like
// markup are not reported; inline SVG and SVG files are checked by
// pattern.
package htmlcheck

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/tdewolff/parse/v2"
	htmllex "github.com/tdewolff/parse/v2/html"
)

var (
	svgTag     = regexp.MustCompile(`(?i)<(script|iframe|object|embed|style|base|foreignObject)\b`)
	svgHandler = regexp.MustCompile(`(?i)<[^>]+\son[a-z]+\s*=`)
	badScheme  = regexp.MustCompile(`^(javascript|vbscript|data):`)
)

// SVG returns the problems of an SVG document or fragment.
func SVG(data []byte) []string {
	var out []string
	if m := svgTag.Find(data); m != nil {
		out = append(out, fmt.Sprintf("%s in SVG", m))
	}
	if m := svgHandler.Find(data); m != nil {
		out = append(out, fmt.Sprintf("event handler in SVG: %s", m))
	}
	if bytes.Contains(bytes.ToLower(data), []byte("javascript:")) {
		out = append(out, "javascript: in SVG")
	}
	return out
}

// HTML returns the problems of an HTML document or fragment.
func HTML(data []byte) []string {
	var out []string
	report := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	l := htmllex.NewLexer(parse.NewInput(bytes.NewReader(data)))
	var tag string
	var attrs map[string]string
	for {
		tt, raw := l.Next()
		switch tt {
		case htmllex.ErrorToken:
			return out
		case htmllex.SVGToken:
			out = append(out, SVG(raw)...)
		case htmllex.StartTagToken:
			tag, attrs = strings.ToLower(string(l.Text())), map[string]string{}
		case htmllex.AttributeToken:
			name := strings.ToLower(string(l.AttrKey()))
			val := html.UnescapeString(unquote(string(l.AttrVal())))
			attrs[name] = val
			if strings.HasPrefix(name, "on") {
				report("<%s %s=...>: event handler", tag, name)
			}
			switch name {
			case "href", "src", "action", "formaction", "srcset", "poster", "xlink:href":
				if badScheme.MatchString(schemeText(val)) {
					report("<%s %s=%q>", tag, name, val)
				}
			}
		case htmllex.StartTagCloseToken, htmllex.StartTagVoidToken:
			out = append(out, tagProblems(l, tag, attrs)...)
		}
	}
}

// mapFrame tells whether an iframe's src is a map document of the site: a
// path on the same host ending in .svg, without query or fragment.
func mapFrame(src string) bool {
	return strings.HasPrefix(src, "/") && !strings.HasPrefix(src, "//") && !strings.ContainsAny(src, `?#\`) && strings.HasSuffix(src, ".svg")
}

// schemeText lowers a URL and drops the blanks and control characters
// browsers ignore inside a scheme ("java\tscript:").
func schemeText(u string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x21 || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToLower(u))
}

func tagProblems(l *htmllex.Lexer, tag string, attrs map[string]string) []string {
	switch tag {
	case "script":
		ld := attrs["type"] == "application/ld+json"
		if attrs["src"] == "" && !ld {
			return []string{"inline <script>"}
		}
		if ld {
			if tt, text := l.Next(); tt == htmllex.TextToken && bytes.Contains(text, []byte("<")) {
				return []string{"< inside a JSON-LD block"}
			}
		}
	case "iframe":
		if !mapFrame(attrs["src"]) {
			return []string{"<iframe>"}
		}
	case "object", "embed", "style", "base", "frame", "frameset", "applet":
		return []string{"<" + tag + ">"}
	case "form":
		if attrs["role"] != "search" {
			return []string{"<form> other than the search form"}
		}
	case "meta":
		if strings.EqualFold(attrs["http-equiv"], "refresh") {
			return []string{"<meta http-equiv=refresh>"}
		}
	}
	return nil
}

// unquote returns an attribute value without the quotes around it (the
// lexer keeps them), and only those: a quote inside the value is part of
// the URL a browser reads ("'javascript:x" is a relative link).
func unquote(v string) string {
	if n := len(v); n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n-1] == v[0] {
		return v[1 : n-1]
	}
	return v
}
