package render

import (
	"io/fs"
	"strings"

	"github.com/cpts-fr/cpts/generator/output"
	"github.com/cpts-fr/cpts/generator/palette"
	"github.com/cpts-fr/cpts/generator/plan"
)

// The per-site settings of the configuration: logo, colours, menu and the
// legal notice (mentions légales).

// colorsAsset is the stylesheet of the [colors] of the configuration.
const colorsAsset = "css/site-colors.css"

// branding writes the colours' stylesheet. The settings it uses were
// checked with the rest of the configuration (package build, checkConfig),
// which `cpts check` runs too. Run after staticFiles.
func (r *renderer) branding() {
	cfg := r.site.Config
	css, err := fs.ReadFile(r.opts.Theme, "static/css/site.css")
	if err != nil {
		css = nil // a theme without it has no defaults to check against
	}
	sheet, _ := palette.Check(cfg.Colors, palette.Defaults(css))
	if sheet != nil {
		target := colorsAsset
		if !r.opts.StableAssets {
			target = output.Fingerprint(colorsAsset, sheet)
		}
		r.assets[colorsAsset] = target
		r.add(target, sheet)
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

var _ = plainKind("mentions-legales", (*renderer).legalPage)

// legalPage is /mentions-legales/, when [legal] is filled.
func (r *renderer) legalPage(plan.Page) *page {
	return &page{Title: r.t("legal_title"), Crumbs: r.homeCrumbs()}
}
