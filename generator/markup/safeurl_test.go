package markup

import (
	"html"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/cpts-fr/cpts/generator/diag"
)

// hostileDests are destinations that a browser, or a tool on the way,
// reads as a scheme no link or image may have.
var hostileDests = []string{
	"javascript&#58;alert(1)",
	"javascript&#058;alert(1)",
	"javascript&#0000058alert(1)",
	"javascript&#x3A;alert(1)",
	"javascript&#X3a;alert(1)",
	"javascript&#x3A/**/alert(1)",
	"javascript&colon;alert(1)",
	"javascript&amp;colon;alert(1)",
	"javascript&amp;#58;alert(1)",
	"&#106;avascript:alert(1)",
	"&#x6A;avascript:alert(1)",
	"JaVaScRiPt:alert(1)",
	"javascript%3Aalert(1)",
	"%6Aavascript:alert(1)",
	"java&Tab;script:alert(1)",
	"java&NewLine;script:alert(1)",
	"java&#9;script:alert(1)",
	"java&#x0A;script:alert(1)",
	"&#x20;javascript:alert(1)",
	"&nbsp;javascript:alert(1)",
	"&#x2028;javascript:alert(1)",
	"java&shy;script:alert(1)",
	"java&#x200B;script:alert(1)",
	"&#xFEFF;javascript:alert(1)",
	"vbscript&#58;msgbox(1)",
	"data&colon;text/html,x",
	"data:text/html;base64,PHNjcmlwdD4=",
	"file&#58;///etc/passwd",
	"blob&#58;https://example.org/x",
}

// TestHostileDestinations writes each hostile destination as a link, a
// link in angle brackets, a reference, an image and an autolink: none
// becomes an href or a src, and each refused link is reported where it
// stands.
func TestHostileDestinations(t *testing.T) {
	start := diag.Pos{File: "content/cpts/a/index.md", Line: 6, Col: 1}
	c := New(Options{})
	for _, dest := range hostileDests {
		for _, tt := range []struct {
			src, pos string // pos of the warning, "" when it may not be a link at all
		}{
			{"Voir [ici](" + dest + ").\n", "6:6"},
			{"Voir [ici](<" + dest + ">).\n", "6:6"},
			{"Voir [ici][r].\n\n[r]: " + dest + "\n", "6:6"},
			{"Voir ![ici](" + dest + ").\n", "6:6"},
			// Only a few of them are autolinks, reported at the start of
			// their line (nodeOffset finds no text in an autolink).
			{"Voir <" + dest + ">.\n", ""},
		} {
			res, diags := c.Convert([]byte(tt.src), start)
			out := string(res.HTML)
			if strings.Contains(out, "href") || strings.Contains(out, "src") {
				t.Errorf("%q gave a link:\n%s", tt.src, out)
			}
			switch {
			case tt.pos != "" && (len(diags) != 1 || diags[0].Pos.String() != start.File+":"+tt.pos || diags[0].Code != diag.URL):
				t.Errorf("%q: diagnostics %v, want one %s warning at %s", tt.src, diags, diag.URL, tt.pos)
			case tt.pos == "" && len(diags) > 1:
				t.Errorf("%q: diagnostics %v, want at most one", tt.src, diags)
			case tt.pos == "" && len(diags) == 1 && (diags[0].Pos.Line != 6 || diags[0].Code != diag.URL):
				t.Errorf("%q: diagnostic %v, want a %s warning on line 6", tt.src, diags[0], diag.URL)
			}
		}
	}
}

// TestHrefsStaySafe renders hostile and allowed destinations in one page
// and reads every href and src the way a browser would, as written, and
// after one and two more decodings of character references (a minifier
// decodes them before writing its own) or of percent-escapes: each reads
// as http, https, mailto, tel (href only) or no scheme.
func TestHrefsStaySafe(t *testing.T) {
	allowed := []string{
		"https://example.org/?a=1&amp;b=2",
		"https://example.org/a&#x3A;b",
		"/cpts/lunel/#contacts",
		"mailto:contact@example.org",
		"tel:+33467000000",
		"&#x2F;&#x2F;example.org/",
		`/\evil.example/`,
		"/a&amp;#58;b",
		"photo&#58;x.jpg",
		"#missions",
	}
	var src strings.Builder
	for _, d := range append(append([]string{}, hostileDests...), allowed...) {
		src.WriteString("[a](" + d + ") ![b](" + d + ") <" + d + ">\n\n")
	}
	for _, basePath := range []string{"", "/base/"} {
		res, _ := New(Options{BasePath: basePath}).Convert([]byte(src.String()), diag.Pos{File: "f.md", Line: 1, Col: 1})
		attrs := attrRE.FindAllStringSubmatch(string(res.HTML), -1)
		if len(attrs) < len(allowed) {
			t.Fatalf("only %d links in\n%s", len(attrs), res.HTML)
		}
		for _, a := range attrs {
			once := html.UnescapeString(a[2])
			twice := html.UnescapeString(once)
			for _, form := range []string{a[2], once, twice, html.UnescapeString(twice), lenientUnescape(once)} {
				s := browserScheme(form)
				ok := s == "" || s == "http" || s == "https" || a[1] == "href" && (s == "mailto" || s == "tel")
				if !ok {
					t.Errorf("%s=%q reads as the scheme %q (form %q)", a[1], a[2], s, form)
				}
			}
		}
	}
}

var attrRE = regexp.MustCompile(`\s(href|src)="([^"]*)"`)

// browserScheme reads the scheme of an attribute value as a browser
// does: character references decoded, leading and trailing controls and
// spaces stripped, tabs and newlines removed, ASCII letters lower-cased.
func browserScheme(attr string) string {
	s := html.UnescapeString(attr)
	s = strings.TrimFunc(s, func(r rune) bool { return r <= 0x20 })
	s = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(s)
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case 'a' <= c && c <= 'z':
		case i > 0 && ('0' <= s[i] && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.'):
		case i > 0 && s[i] == ':':
			return strings.ToLower(s[:i])
		default:
			return ""
		}
	}
	return ""
}

// lenientUnescape percent-decodes s, or returns it when it is not valid.
func lenientUnescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// TestEntityLinkPosition checks the reported case: the link is dropped,
// its text kept, and the warning points at the link.
func TestEntityLinkPosition(t *testing.T) {
	src := "Intro.\n\nVoir [x](javascript&#58;alert(1)) et [y](https://example.org/).\n"
	res, diags := New(Options{}).Convert([]byte(src), diag.Pos{File: "f.md", Line: 3, Col: 1})
	if want := `<p>Voir x et <a href="https://example.org/">y</a>.</p>`; !strings.Contains(string(res.HTML), want) {
		t.Errorf("HTML = %s, want %s", res.HTML, want)
	}
	if len(diags) != 1 || diags[0].Pos.String() != "f.md:5:6" || !strings.Contains(diags[0].Msg, `"javascript&#58;alert(1)"`) {
		t.Errorf("diagnostics = %v, want one at f.md:5:6 quoting the destination", diags)
	}
}
