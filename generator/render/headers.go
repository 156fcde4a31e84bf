package render

// ContentSecurityPolicy is the policy of every page: the meta tag of
// layouts/baseof.html (template function csp) and the _headers file. It
// forbids inline scripts and styles and every other host.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// headersFile returns _headers, the HTTP headers of every file for hosts
// that read one (Netlify, Cloudflare Pages): the policy, with
// frame-ancestors which a meta tag cannot carry, and the headers that
// stop MIME sniffing, framing by other sites (the site frames its own map
// documents), referrer leaks and browser features the site does not use
// (geolocation is its own, for the location button).
// The policy is the pages' (csp), with the tile host when the site has an
// interactive map.
func headersFile(csp string) []byte {
	return []byte("/*\n" +
		"  Content-Security-Policy: " + csp + "; frame-ancestors 'self'\n" +
		"  X-Content-Type-Options: nosniff\n" +
		"  X-Frame-Options: SAMEORIGIN\n" +
		"  Referrer-Policy: strict-origin-when-cross-origin\n" +
		"  Permissions-Policy: camera=(), microphone=(), geolocation=(self), payment=(), usb=(), interest-cohort=()\n" +
		"  Cross-Origin-Opener-Policy: same-origin\n")
}
