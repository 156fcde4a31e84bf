package linkcheck

import (
	"net/url"
	"path"
	"strings"

	"github.com/cpts-fr/cpts/generator/output"
)

// resolver resolves the links of a site's pages.
type resolver struct {
	files    *output.Set
	basePath string
	// hasID tells whether target is a page, and whether it holds the id.
	hasID func(target, id string) (isPage, found bool)
}

// resolve returns why a link of the page file, not absolute, to the path
// p and the fragment (both unescaped) does not resolve, or "". A path
// from the root means the same from every page: its target does not
// depend on file, and is looked for unless it is file, a page of the
// output, which would be found.
func (r resolver) resolve(file, p, fragment string) string {
	files, basePath := r.files, r.basePath
	target := file
	switch {
	case p == "":
	case strings.HasPrefix(p, "/"):
		rest, ok := strings.CutPrefix(p, basePath)
		if !ok && p+"/" != basePath {
			return "outside the base path " + basePath
		}
		target = rest
	default:
		target = path.Join(path.Dir(file), p)
		if strings.HasSuffix(p, "/") {
			target += "/"
		}
	}
	if target != file {
		found := false
		switch {
		case target == "" || target == "." || strings.HasSuffix(target, "/"):
			target = strings.TrimPrefix(strings.TrimSuffix(target, ".")+"index.html", "/")
			found = files.Has(target)
		case files.Has(target):
			found = true
		case files.Has(target + "/index.html"):
			target, found = target+"/index.html", true
		}
		if !found {
			return "no file " + target + " in the output"
		}
	}
	if fragment == "" {
		return ""
	}
	if isPage, found := r.hasID(target, fragment); isPage && !found {
		return "no id " + fragment + " in " + target
	}
	return ""
}

// parse returns the path and the fragment of a link, unescaped, and
// whether it is absolute (http:, mailto:, tel:, data:, //host/), as
// url.Parse reads it. Most links of a site are paths from its root, or
// http(s) URLs, made of letters, digits and "-._~/", with maybe such a
// fragment: url.Parse would take them as they are, and they are cut
// without it.
func parse(ref string) (p, fragment string, absolute bool, err error) {
	rooted := ref == "" || ref[0] == '#' || ref[0] == '/' && !strings.HasPrefix(ref, "//")
	if rooted && plain(ref) {
		p, fragment, _ = strings.Cut(ref, "#")
		return p, fragment, false, nil
	}
	if rest, ok := cutHTTP(ref); ok && plain(rest) {
		return "", "", true, nil
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", "", false, err
	}
	return u.Path, u.Fragment, u.Scheme != "" || u.Host != "" || u.Opaque != "", nil
}

// cutHTTP returns ref without its "https://" or "http://".
func cutHTTP(ref string) (string, bool) {
	if rest, ok := strings.CutPrefix(ref, "https://"); ok {
		return rest, true
	}
	return strings.CutPrefix(ref, "http://")
}

// plain reports whether s holds only letters, digits and "-._~/", and at
// most one "#": nothing that url.Parse would unescape or reject.
func plain[T string | []byte](s T) bool {
	hash := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~', c == '/':
		case c == '#' && !hash:
			hash = true
		default:
			return false
		}
	}
	return true
}
