package linkcheck

import (
	"net/url"
	"testing"
)

// TestParseAgreesWithURLParse checks the shortcut of parse against
// url.Parse, on tricky links and on every short string of the characters
// that matter to it.
func TestParseAgreesWithURLParse(t *testing.T) {
	refs := []string{"", "#", "#top", "/", "/cpts/x/", "/cpts/x/#c", "/x#c#d", "#c#d", "//example.org/x/", "///x/",
		"/caf%C3%A9/", "/a%2Fb/", "/%zz", "/%00", "/a b/", "/x/?a=1", "/x?", "x/", "./", "../x/", "a:b", ":x", "*",
		"https://example.org/", "https://example.org/x/#c", "http://example.org", "https://", "https:///x", "HTTPS://x/",
		"https://exa mple.org/", "https://x/%zz", "https://x:80/", "https://[::1]/", "http://[::1", "https://a@b/",
		"mailto:a@example.org", "tel:+33467000000", "data:image/png;base64,AA", "/\x7f", "/x/\u00e9"}
	const chars = "a/#:%?.@ "
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		refs = append(refs, prefix, "/"+prefix, "https://"+prefix, "http://"+prefix)
		if n == 0 {
			return
		}
		for _, c := range chars {
			gen(prefix+string(c), n-1)
		}
	}
	gen("", 4)
	for _, ref := range refs {
		p, fragment, absolute, err := parse(ref)
		u, uerr := url.Parse(ref)
		if (err != nil) != (uerr != nil) {
			t.Fatalf("parse(%q): error %v, url.Parse: %v", ref, err, uerr)
		}
		if uerr != nil {
			continue
		}
		uabs := u.Scheme != "" || u.Host != "" || u.Opaque != ""
		if absolute != uabs || !absolute && (p != u.Path || fragment != u.Fragment) {
			t.Fatalf("parse(%q) = %q, %q, %v; url.Parse: %q, %q, %v", ref, p, fragment, absolute, u.Path, u.Fragment, uabs)
		}
	}
}
