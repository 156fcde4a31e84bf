package render

// ContentSecurityPolicy is the policy of every page: the meta tag of
// layouts/baseof.html (template function csp) and the _headers file. It
// forbids inline scripts and styles and every other host.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"
