package render

import (
	"io/fs"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/palette"
)

// The per-site settings of the configuration: logo, colours, menu and the
// legal notice (mentions légales).

// colorsAsset is the stylesheet of the [colors] of the configuration.
const colorsAsset = "css/site-colors.css"

// branding checks the logo, the colours and the menu of the configuration,
// and writes the colours' stylesheet. Run after staticFiles.
func (r *renderer) branding() {
	cfg := r.site.Config
	if logo := cfg.Logo; logo != "" {
		if _, ok := r.assets[strings.TrimPrefix(logo, "/")]; !strings.HasPrefix(logo, "/") || !ok {
			r.diags.Errorf(cfg.At("logo"), diag.Value, "logo: no file static%s", "/"+strings.TrimPrefix(logo, "/")).
				WithHint("put the logo in the site's static/ folder and write its site path: logo = \"/img/logo.svg\" for static/img/logo.svg")
		}
	}
	css, err := fs.ReadFile(r.opts.Theme, "static/css/site.css")
	if err != nil {
		css = nil // a theme without it has no defaults to check against
	}
	sheet, d := palette.Check(cfg.Colors, palette.Defaults(css))
	r.diags.Append(d)
	if sheet != nil {
		target := output.Fingerprint(colorsAsset, sheet)
		r.assets[colorsAsset] = target
		r.add(target, sheet)
	}
	if l := cfg.Legal; !l.IsZero() {
		for key, v := range map[string]string{"director": l.Director, "host": l.Host, "publisher": l.Publisher} {
			if v == "" {
				r.diags.Errorf(l.Pos, diag.Required, "legal: missing %s", key).
					WithHint("a legal notice names who publishes the site (publisher), who is responsible for it (director) and who hosts it (host)")
			}
		}
	}
	for _, m := range cfg.Menu {
		if !strings.HasPrefix(m.URL, "/") && !strings.HasPrefix(m.URL, "https://") && !strings.HasPrefix(m.URL, "http://") || strings.HasPrefix(m.URL, "//") {
			r.diags.Errorf(m.At("url"), diag.URL, "menu: %q is neither a site path nor an http(s) URL", m.URL).
				WithHint("write a site path such as \"/pages/adherer/\" or \"/#contacts\", or a full URL")
		}
	}
}

// siteLogo returns the URL of the configured logo, or "".
func (r *renderer) siteLogo() string {
	if fp, ok := r.assets[strings.TrimPrefix(r.site.Config.Logo, "/")]; ok && r.site.Config.Logo != "" {
		return r.url(fp)
	}
	return ""
}

// siteColors returns the URL of the colours' stylesheet, or "".
func (r *renderer) siteColors() string {
	if fp, ok := r.assets[colorsAsset]; ok {
		return r.url(fp)
	}
	return ""
}

// legalNotice renders /mentions-legales/ when [legal] is filled.
func (r *renderer) legalNotice() {
	if r.site.Config.Legal.IsZero() {
		return
	}
	r.emit("mentions-legales", &page{Path: "/mentions-legales/", Title: r.t("legal_title"), Crumbs: []crumb{{r.t("home"), "/"}}})
}
