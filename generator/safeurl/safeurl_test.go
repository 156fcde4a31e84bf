package safeurl

import (
	"html"
	"strings"
	"testing"
	"unicode"
)

func TestCheckLink(t *testing.T) {
	refused := []string{
		"javascript:alert(1)",
		"JaVaScRiPt:alert(1)",
		"JAVASCRIPT:alert(1)",
		"javascript&#58;alert(1)",
		"javascript&#058;alert(1)",
		"javascript&#0000058alert(1)",
		"javascript&#x3A;alert(1)",
		"javascript&#X3a;alert(1)",
		"javascript&colon;alert(1)",
		"javascript&amp;colon;alert(1)",
		"javascript&amp;#58;alert(1)",
		"&#106;avascript:alert(1)",
		"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
		"javascript%3Aalert(1)",
		"javascript%3aalert(1)",
		"%6Aavascript:alert(1)",
		"%256Aavascript:alert(1)",
		"  javascript:alert(1)",
		"\tjavascript:alert(1)",
		"\x01javascript:alert(1)",
		"\x00javascript:alert(1)",
		"java\tscript:alert(1)",
		"java\nscript:alert(1)",
		"java\rscript:alert(1)",
		"java&Tab;script:alert(1)",
		"java&NewLine;script:alert(1)",
		"java\u00adscript:alert(1)",
		"java\u200bscript:alert(1)",
		"\u00a0javascript:alert(1)",
		"\u2028javascript:alert(1)",
		"\ufeffjavascript:alert(1)",
		"javascript :alert(1)",
		"vbscript:msgbox(1)",
		"VBScript:msgbox(1)",
		"data:text/html,<script>alert(1)</script>",
		"data:text/html;base64,PHNjcmlwdD4=",
		"DATA:image/svg+xml,<svg onload=alert(1)>",
		"file:///etc/passwd",
		"blob:https://example.org/x",
		"livescript:alert(1)",
		"x-javascript:alert(1)",
		"feed:javascript:alert(1)",
		"jar:file:///x!/y",
		"foo:bar",
		"javascript&#58alert(1)",
		"javascript&#x3A/**/alert(1)",
		"java&#x09;script:alert(1)",
		"java&#10;script:alert(1)",
		"&#x20;javascript:alert(1)",
		"&nbsp;javascript:alert(1)",
		"\u3000javascript:alert(1)",
		"\u180ejavascript:alert(1)",
		"java\u2029script:alert(1)",
		"\x7fjavascript:alert(1)",
		"javascript\x00:alert(1)",
		"vbscript&colon;msgbox(1)",
		"data&#58;text/html,x",
		"%64ata:text/html,x",
		"FILE:///C:/Windows/win.ini",
		"file&#x3a;//evil.example/share",
		"BLOB&colon;https://example.org/x",
	}
	for _, raw := range refused {
		if err := Check(raw, Link); err == nil {
			t.Errorf("Check(%q, Link) = nil, want a refusal", raw)
		}
		if err := Check(raw, Image); err == nil {
			t.Errorf("Check(%q, Image) = nil, want a refusal", raw)
		}
	}
	allowed := []string{
		"https://example.org/",
		"http://example.org/a?b=c#d",
		"HTTPS://EXAMPLE.ORG/",
		"/cpts/lunel/",
		"/cpts/lunel/#contacts",
		"#missions",
		"../actualites/",
		"photo.jpg",
		"mon%20document.pdf",
		"/pages/x:y/",
		"1foo:bar",
		"?page=2",
		"",
		"//example.org/",
		`\\example.org\x`, // protocol-relative: an http link to another host
		`/\example.org/x`,
	}
	for _, raw := range allowed {
		if err := Check(raw, Link); err != nil {
			t.Errorf("Check(%q, Link) = %v", raw, err)
		}
	}
	for _, raw := range []string{"mailto:contact@example.org", "MAILTO:x@example.org", "tel:+33467000000"} {
		if err := Check(raw, Link); err != nil {
			t.Errorf("Check(%q, Link) = %v", raw, err)
		}
		if err := Check(raw, Image); err == nil {
			t.Errorf("Check(%q, Image) = nil: not an image source", raw)
		}
	}
}

func TestCheckMessage(t *testing.T) {
	err := Check("javascript&#58;alert(1)", Link)
	want := `"javascript&#58;alert(1)": the scheme javascript: is not allowed (only http, https, mailto and tel)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestCheckWeb(t *testing.T) {
	for raw, want := range map[string]string{
		"https://example.org/":             "",
		"http://example.org/a?b=c#d":       "",
		"https://example.org/mon%20doc":    "",
		"javascript:alert(1)":              "is not an http or https URL",
		"JavaScript:alert(1)":              "is not an http or https URL",
		"javascript&#58;alert(1)":          "is not an http or https URL",
		" https://example.org/":            "is not an http or https URL",
		"ht&#116;ps://example.org/":        "is not an http or https URL",
		"ftp://example.org/":               "is not an http or https URL",
		"www.example.org":                  "is not an http or https URL",
		"mailto:contact@example.org":       "is not an http or https URL",
		"data:text/html,<script>":          "is not an http or https URL",
		"//example.org/protocol-relative":  "is not an http or https URL",
		"https://":                         "has no host name",
		"https:///x":                       "has no host name",
		"https://exa mple.org/":            "is not a URL",
		"https://example.org/\x7f":         "is not a URL",
		`\\evil.example/x`:                 "is not an http or https URL",
		`/\evil.example/x`:                 "is not an http or https URL",
		`https:\\evil.example/`:            "has no host name",
		`https:/\evil.example/`:            "has no host name",
		`https://evil.example\@x.example/`: "is not a URL",
	} {
		err := Check(raw, Web)
		switch {
		case want == "" && err != nil:
			t.Errorf("Check(%q, Web) = %v", raw, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("Check(%q, Web) = %v, want %q", raw, err, want)
		}
	}
}

func TestScheme(t *testing.T) {
	for raw, want := range map[string]string{
		"https://x":             "https",
		"JavaScript&#58;x":      "javascript",
		"/a:b":                  "",
		"a+b.c-d:x":             "a+b.c-d",
		"#x":                    "",
		"":                      "",
		":x":                    "",
		"java\x00script:x":      "javascript",
		strings.Repeat("a", 99): "",
	} {
		if got := Scheme(raw); got != want {
			t.Errorf("Scheme(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestLinearTime(t *testing.T) {
	for _, unit := range []string{"&amp;", "%25", "&#", "a", "\t", "&amp;amp;", "%2525", "&#0000000058", "\u00a0"} {
		raw := strings.Repeat(unit, 2<<20/len(unit)) // 2 MiB
		_ = Check(raw, Link)
		_ = Check(raw, Web)
	}
}

// browserScheme is how a browser reads the scheme of an href attribute
// written in HTML: character references decoded, leading and trailing C0
// controls and spaces stripped, tabs and newlines removed, lower-cased.
func browserScheme(attr string) string {
	s := html.UnescapeString(attr)
	s = strings.TrimFunc(s, func(r rune) bool { return r <= 0x20 })
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	return scheme(s)
}

// FuzzCheck: whatever the input, an address Check allows never reads, in
// a browser or after one more decoding by a tool on the way (a minifier,
// a feed reader), as a scheme outside its use's list.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{"javascript:alert(1)", "javascript&#58;x", "%6Aavascript:x", "java\tscript:x", "https://example.org/", "/cpts/x/", "mailto:a@b.fr", "&amp;#106;avascript:x", "\u200bjavascript:x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, use := range []Use{Link, Image} {
			if Check(raw, use) != nil {
				continue
			}
			for _, form := range []string{raw, html.UnescapeString(raw), html.UnescapeString(html.UnescapeString(raw)), percentDecode(raw)} {
				for _, s := range []string{browserScheme(form), Scheme(form)} {
					ok := false
					for _, a := range allowed[use] {
						ok = ok || s == a
					}
					if !ok {
						t.Fatalf("Check(%q, %d) = nil, but %q reads as the scheme %q", raw, use, form, s)
					}
				}
			}
		}
		if Check(raw, Web) == nil {
			if s := browserScheme(raw); s != "http" && s != "https" {
				t.Fatalf("Check(%q, Web) = nil, but a browser reads the scheme %q", raw, s)
			}
			if strings.IndexFunc(raw, func(r rune) bool { return r < 0x20 || unicode.IsSpace(r) && r != ' ' }) == 0 {
				t.Fatalf("Check(%q, Web) = nil with a leading blank", raw)
			}
		}
	})
}
