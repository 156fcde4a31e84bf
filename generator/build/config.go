package build

import (
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/load"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/palette"
	"github.com/cpts-fr/cpts/generator/render"
	"github.com/cpts-fr/cpts/generator/safeurl"
)

// DefaultTheme is the one theme there is, embedded in the binary; a site
// changes it by overriding its files in layouts/, static/ and i18n/.
const DefaultTheme = "default"

// languageTag is the shape of a language a site may name: a BCP 47
// primary tag with optional subtags ("fr", "fr-FR", "oc-aranes").
var languageTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// checkConfig checks the values of the configuration that name files
// (theme, language, logo) and the settings the pages are made from
// (colours, legal notice), so that `cpts check` refuses what the build
// would. theme is the site's theme folders over the embedded theme
// (render.Overlay); nil skips the checks that read files.
func checkConfig(cfg model.Config, theme fs.FS) diag.List {
	var diags diag.List
	if cfg.Theme != DefaultTheme {
		diags.Errorf(cfg.At("theme"), diag.Value, "theme: unknown theme %q", cfg.Theme).
			WithHint("the theme is the embedded %q: remove the line, and override its files in the site's layouts/, static/ and i18n/ folders", DefaultTheme)
	}
	var css []byte
	if theme != nil {
		checkLanguage(&diags, cfg, theme)
		checkLogo(&diags, cfg, theme)
		css, _ = fs.ReadFile(theme, "static/css/site.css")
	}
	_, d := palette.Check(cfg.Colors, palette.Defaults(css))
	diags.Append(d)
	if l := cfg.Legal; !l.IsZero() {
		for _, m := range []struct{ key, v string }{{"director", l.Director}, {"host", l.Host}, {"publisher", l.Publisher}} {
			if m.v == "" {
				diags.Errorf(l.Pos, diag.Required, "legal: missing %s", m.key).
					WithHint("a legal notice names who publishes the site (publisher), who is responsible for it (director) and who hosts it (host)")
			}
		}
	}
	for _, m := range cfg.Menu {
		// A site path has no scheme; anything else must be a plain http(s) address.
		site := strings.HasPrefix(m.URL, "/") && !strings.HasPrefix(m.URL, "//") && !strings.Contains(m.URL, `\`)
		if !site && safeurl.Check(m.URL, safeurl.Web) != nil {
			diags.Errorf(m.At("url"), diag.URL, "menu: %q is neither a site path nor an http(s) URL", m.URL).
				WithHint("write a site path such as \"/pages/adherer/\" or \"/#contacts\", or a full URL")
		}
	}
	return diags
}

// checkLanguage wants a language tag with UI strings, i18n/<lang>.toml,
// in the site or the theme.
func checkLanguage(diags *diag.List, cfg model.Config, theme fs.FS) {
	lang := cfg.Language
	if languageTag.MatchString(lang) {
		if info, err := fs.Stat(theme, "i18n/"+lang+".toml"); err == nil {
			if info.IsDir() {
				diags.Errorf(cfg.At("language"), diag.IO, "language: i18n/%s.toml is a folder, want a file of UI strings", lang).
					WithHint("rename the folder i18n/%s.toml", lang)
			}
			return
		}
	}
	var known []string
	entries, _ := fs.ReadDir(theme, "i18n")
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".toml"); ok && languageTag.MatchString(name) {
			known = append(known, name)
		}
	}
	sort.Strings(known)
	msg := fmt.Sprintf("no UI strings for %q", lang)
	if !languageTag.MatchString(lang) {
		msg = fmt.Sprintf("%q is not a language tag such as \"fr\"", lang)
	}
	diags.Errorf(cfg.At("language"), diag.Value, "language: %s", msg).
		WithHint("write one of %s, or add the UI strings of your language as the site's i18n/<language>.toml", quoteAll(known))
}

// checkLogo wants the site path of an image of static/, in the site or
// the theme, that stays in static/.
func checkLogo(diags *diag.List, cfg model.Config, theme fs.FS) {
	logo := cfg.Logo
	if logo == "" {
		return
	}
	rel := strings.TrimPrefix(logo, "/")
	hint := "put the logo in the site's static/ folder and write its site path: logo = \"/img/logo.svg\" for static/img/logo.svg"
	switch {
	case !strings.HasPrefix(logo, "/") || !fs.ValidPath(rel) || path.Clean(logo) != logo || strings.Contains(logo, `\`):
		diags.Errorf(cfg.At("logo"), diag.Unsafe, "logo: %s is not the site path of a file of static/", strconv.Quote(logo)).WithHint("%s", hint)
	case !load.IsImage(rel):
		diags.Errorf(cfg.At("logo"), diag.Value, "logo: %s is not a JPEG, PNG, WebP or SVG image", strconv.Quote(logo)).WithHint("%s", hint)
	default:
		info, err := fs.Stat(theme, "static/"+rel)
		if err != nil || !info.Mode().IsRegular() {
			diags.Errorf(cfg.At("logo"), diag.Value, "logo: no file static/%s", rel).WithHint("%s", hint)
		}
	}
}

// checkOverrides reports a folder of the site where the theme has a file
// (layouts/baseof.html/, static/css/site.css/): the site's folder would
// hide the theme's file, and the build could not read it. (checkLanguage
// looks at i18n/.)
func checkOverrides(site, theme fs.FS) diag.List {
	var diags diag.List
	for _, top := range []string{"layouts", "static"} {
		_ = fs.WalkDir(theme, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			if info, err := fs.Stat(site, p); err == nil && info.IsDir() {
				diags.Errorf(diag.Pos{File: p}, diag.IO, "is a folder where the theme has a file").
					WithHint("rename the folder: a site overrides %s of the theme with a file of the same name", p)
			}
			return nil
		})
	}
	return diags
}

// themeOf is the theme the build renders with: the site's layouts/,
// static/ and i18n/ over base.
func themeOf(site, base fs.FS) render.Overlay {
	return render.Overlay{Top: siteThemeFS{site}, Base: base}
}

func quoteAll(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}
