// Package safeurl decides whether a URL written by a content author may
// become a link, an image source or a website, by reading it as a browser
// would before it looks for the scheme. The same URL can be spelt many
// ways, and every spelling below is the scheme "javascript:":
//
//	javascript:alert(1)         JaVaScRiPt:alert(1)
//	javascript&#58;alert(1)     javascript&colon;alert(1)   (HTML character references,
//	javascript&#x3A;alert(1)    javascript&#0000058alert(1)  decoded in an attribute)
//	  javascript:alert(1)       \x01javascript:alert(1)      (leading blanks and controls)
//	java\tscript:alert(1)       java\nscript:alert(1)        (tabs and newlines, dropped)
//	javascript%3Aalert(1)       %6Aavascript:alert(1)        (percent-encoding: not decoded
//	                                                          by browsers in a scheme, but
//	                                                          by some tools on the way)
//
// Plain undoes all of these at once: character references (named and
// numeric, with or without the final semicolon, repeated as long as
// something changes, a few times at most), percent-escapes, then every
// control character, blank and invisible format character. Scheme reads
// the scheme of the plain form, and Check allows only the schemes of
// its Use. This is stricter than a browser, on purpose: an address that
// is harmless only because one layer does not decode it is refused.
//
// Plain also drops the Unicode blanks and invisible characters a
// browser would not drop ("\u00a0javascript:", "java\u200bscript:"):
// they are refused all the same, since some tool on the way may drop them.
//
// A backslash is read as a slash, as browsers read it in http and https
// URLs: "\\evil.example" and "/\evil.example" are protocol-relative
// addresses of another host, like "//evil.example". They have no scheme,
// so they may be links and images (http), but they are not site paths
// and not Web addresses.
//
// The schemes of each Use:
//
//	Link   http, https, mailto, tel, or none ("/cpts/x/", "#missions", "photo.jpg")
//	Image  http, https, or none
//	Web    http or https as written, with a host ("https://example.org/")
//
// Everything runs in time linear in the input (a few rounds of decoding
// at most): a 2 MiB destination is checked in tens of milliseconds.
package safeurl

import (
	"fmt"
	"html"
	"net/url"
	"strings"
	"unicode"
)

// Use says where a URL goes, and so which schemes it may have.
type Use int

const (
	// Link is the target of a link: http, https, mailto, tel, or no
	// scheme (a site path, a relative path, a fragment).
	Link Use = iota
	// Image is the source of an image: http, https, or no scheme.
	Image
	// Web is an absolute http or https address with a host: a website
	// in a record or in the configuration.
	Web
)

// maxRounds bounds how many times character references and
// percent-escapes are decoded in a row ("&amp;#58;" needs two).
const maxRounds = 4

// Plain returns raw as a browser, and any tool on its way, could read it:
// character references and percent-escapes decoded (repeatedly, up to
// maxRounds), then control characters, white space and invisible format
// characters removed wherever they are.
func Plain(raw string) string {
	s := raw
	for range maxRounds {
		next := percentDecode(html.UnescapeString(s))
		if next == s {
			break
		}
		s = next
	}
	return strings.Map(func(r rune) rune {
		if r < 0x21 || r == 0x7f || unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// percentDecode decodes every valid %XX escape and leaves the rest.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// Scheme returns the scheme of raw's plain form, lower-cased and without
// its colon ("javascript"), or "" when it has none (a relative URL).
func Scheme(raw string) string {
	return scheme(Plain(raw))
}

// scheme reads the scheme of a plain URL: a letter, then letters, digits,
// "+", "-" or ".", up to a colon (RFC 3986, section 3.1).
func scheme(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return strings.ToLower(s[:i])
		default:
			return ""
		}
	}
	return ""
}

// allowed lists the schemes of links and images ("" is a relative URL).
var allowed = map[Use][]string{
	Link:  {"", "http", "https", "mailto", "tel"},
	Image: {"", "http", "https"},
}

// Check returns nil when raw may be used as use says, and else an error
// that quotes raw and says what is wrong, naming the scheme a browser
// would see: "javascript&#58;x": the scheme javascript: is not allowed
// (only http, https, mailto and tel). A Web address must be written
// plainly: its scheme as it stands must be http or https, and it must
// parse with a host.
func Check(raw string, use Use) error {
	if use == Web {
		if s := scheme(raw); s != "http" && s != "https" {
			return fmt.Errorf("%q is not an http or https URL", raw)
		}
		u, err := url.Parse(raw)
		if err != nil {
			return fmt.Errorf("%q is not a URL", raw)
		}
		if u.Host == "" {
			return fmt.Errorf("%q has no host name", raw)
		}
		return nil
	}
	s := Scheme(raw)
	for _, a := range allowed[use] {
		if s == a {
			return nil
		}
	}
	return fmt.Errorf("%q: the scheme %s: is not allowed (only %s)", raw, s, list(allowed[use]))
}

func list(schemes []string) string {
	var named []string
	for _, s := range schemes {
		if s != "" {
			named = append(named, s)
		}
	}
	return strings.Join(named[:len(named)-1], ", ") + " and " + named[len(named)-1]
}
