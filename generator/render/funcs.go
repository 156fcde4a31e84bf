package render

import (
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/hostfiles"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/output"
)

// funcs returns the template functions. r supplies the UI strings, the
// base path and the fingerprinted asset names.
func (r *renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"t":             r.t,
		"tn":            r.tn,
		"label":         r.label,
		"url":           r.url,
		"abs":           r.abs,
		"qr":            qrSVG,
		"subpages":      r.subpages,
		"asset":         r.asset,
		"csp":           r.csp,
		"date":          r.date,
		"num":           formatInt,
		"km":            func(f float64) string { return strings.Replace(strconv.FormatFloat(f, 'f', 0, 64), ".", ",", 1) },
		"pct":           func(n, d int) string { return percent(n, d) },
		"upper":         strings.ToUpper,
		"lower":         strings.ToLower,
		"safeJS":        func(s string) template.JS { return template.JS(s) },
		"add":           func(a, b int) int { return a + b },
		"cptsPath":      plan.CPTSPage,
		"tagPath":       plan.TagPage,
		"eventPlace":    r.plan.EventPlace,
		"hasPage":       r.plan.HasCommunePage,
		"newsPath":      plan.NewsPage,
		"communePath":   func(c *geo.Commune) string { return plan.CommunePage(c.Code) },
		"deptPath":      plan.DepartementPage,
		"sitePath":      sitePath,
		"regionPath":    plan.RegionPage,
		"letterPath":    plan.LetterPage,
		"logo":          r.logo,
		"menu":          r.menu,
		"menuCurrent":   r.menuCurrent,
		"partialCached": r.partialCached,
		"report":        r.report,
		"siteLogo":      r.siteLogo,
		"siteColors":    r.siteColors,
		"cover":         r.cover,
		"cardCover":     r.cardCover,
		"cardLogo":      r.cardLogo,
		"seq": func(n int) []int {
			out := make([]int, n)
			for i := range out {
				out[i] = i + 1
			}
			return out
		},
	}
}

// report returns where a reader can point out missing or wrong
// information about a CPTS: the edit link of its record when the site has
// an edit_url, else a mail to the publisher of the legal notice, else "".
func (r *renderer) report(c *model.CPTS) string {
	cfg := r.site.Config
	if cfg.EditURL != "" && c.File != "" {
		return string(cfg.EditURL) + c.File
	}
	if e := cfg.Legal.PublisherEmail; e != "" {
		subject := strings.ReplaceAll(url.QueryEscape(r.t("report_subject", c.Name)), "+", "%20")
		return "mailto:" + string(e) + "?subject=" + subject
	}
	return ""
}

// t returns the UI string for key, formatted with args; a missing key
// shows as the key itself, and is reported once by the build.
func (r *renderer) t(key string, args ...any) string {
	s, ok := r.strings[key]
	if !ok {
		r.mu.Lock()
		r.missing[key] = true
		r.mu.Unlock()
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// tn returns the UI string for a count n: key_one when n takes the
// singular in the site's language and the theme has that string, else
// key; formatted with n (as num prints it), then args:
// {{tn "members_structures" 1}} gives "1 structure".
func (r *renderer) tn(key string, n int, args ...any) string {
	if singular(r.site.Config.Language, n) {
		if _, ok := r.strings[key+"_one"]; ok {
			key += "_one"
		}
	}
	return r.t(key, append([]any{formatInt(n)}, args...)...)
}

// singular reports whether a count of n takes the singular form: 0 and 1
// in French, as CLDR has it; only 1 in the other languages.
func singular(lang string, n int) bool {
	if lang == "fr" || strings.HasPrefix(lang, "fr-") {
		return n == 0 || n == 1
	}
	return n == 1
}

// label returns the French label of a closed-list value: label "status" "aci-signe".
func (r *renderer) label(kind string, value any) string {
	v := fmt.Sprint(value)
	if v == "" {
		v = "none"
	}
	return r.t(kind + "." + v)
}

// url turns a site path ("/cpts/x/") into a link that respects a base URL
// with a sub-path (https://example.org/annuaire/ -> /annuaire/cpts/x/).
// A path the site leaves out goes to the directory URL (scope.go).
func (r *renderer) url(p string) string {
	p, external := r.place(p)
	if external != "" {
		return external
	}
	return r.basePath + strings.TrimPrefix(p, "/")
}

// abs turns a site path into an absolute URL, for canonical links and feeds.
func (r *renderer) abs(p string) string {
	p, external := r.place(p)
	if external != "" {
		return external
	}
	return r.baseURL + strings.TrimPrefix(p, "/")
}

// asset returns the URL of a theme asset under its fingerprinted name.
func (r *renderer) asset(name string) (string, error) {
	fp, ok := r.assets[name]
	if !ok {
		return "", fmt.Errorf("no asset %q in static/", name)
	}
	return r.url(fp), nil
}

// date formats a date in French with its precision: "17 juillet 2020",
// "juin 2019", "2019".
func (r *renderer) date(d model.Date) string {
	switch d.Precision {
	case model.Year:
		return strconv.Itoa(int(d.Year))
	case model.Month:
		return r.t("month."+strconv.Itoa(int(d.Month))) + " " + strconv.Itoa(int(d.Year))
	case model.Day:
		day := strconv.Itoa(int(d.Day))
		if d.Day == 1 {
			day = "1er"
		}
		return day + " " + r.t("month."+strconv.Itoa(int(d.Month))) + " " + strconv.Itoa(int(d.Year))
	}
	return ""
}

// formatInt writes n with French digit grouping: 48219 -> "48 219" with a
// narrow no-break space.
func formatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// percent formats n/d as a French percentage with one decimal: "76,4".
func percent(n, d int) string {
	if d == 0 {
		return "0"
	}
	return strings.Replace(strconv.FormatFloat(float64(n)*100/float64(d), 'f', 1, 64), ".", ",", 1)
}

// partialCached executes the partial name (a path under layouts/, as
// for template) with data once per distinct key, and returns its HTML,
// for the parts that thousands of pages share: the theme's footer, its
// header on every page that is not in the menu, the card of a CPTS on each
// of its communes' pages. Not the card of a news item: kept for every item
// of a decade of news, the cards would cost more memory than executing
// each again costs time (the lists show an item two or three times). The
// keys (joined) must hold everything the partial's output depends on
// besides the site; it is called where {{template}} would stand, in HTML
// text. A partial that the site overrides is executed for each call, since
// its output may depend on more than the theme's key.
func (r *renderer) partialCached(name string, data any, key ...any) (template.HTML, error) {
	cached := !r.tmpl.overridden[name]
	k := partialKey{name: name}
	if len(key) == 1 {
		k.key, _ = key[0].(string)
	}
	if len(key) > 1 || len(key) == 1 && k.key == "" {
		parts := make([]string, len(key))
		for i, v := range key {
			parts[i] = keyString(v)
		}
		k.key = strings.Join(parts, "\x00") // ("a", true) and ("atrue") differ
	}
	if cached {
		r.partialsMu.RLock()
		h, ok := r.partials[k]
		r.partialsMu.RUnlock()
		if ok {
			return h, nil
		}
	}
	var b strings.Builder
	if err := r.tmpl.base.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if r.opts.Squeeze {
		h = template.HTML(output.SqueezeHTML(nil, []byte(h)))
	}
	if cached {
		r.partialsMu.Lock()
		r.partials[k] = h // two workers may both make it: the same bytes
		r.partialsMu.Unlock()
	}
	return h, nil
}

// keyString is fmt.Sprint(v) for the keys of partialCached, without fmt
// for the kinds of key the default theme uses: strings, booleans, numbers
// and the trail of a breadcrumb.
func keyString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case int:
		return strconv.Itoa(v)
	case []crumb:
		var b strings.Builder
		for _, c := range v {
			b.WriteString(c.Title)
			b.WriteByte(0)
			b.WriteString(c.Path)
			b.WriteByte(0)
		}
		return b.String()
	}
	return fmt.Sprint(v)
}

// partialKey names one output of partialCached: the partial and its key.
type partialKey struct{ name, key string }

// sitePaths names the directory's fixed pages for layouts, which ask for
// them by name ({{url (sitePath "glossary")}}): package plan makes every
// site path.
var sitePaths = map[string]string{
	"home": plan.Home, "cpts": plan.CPTSList, "news": plan.NewsList, "communes": plan.Communes,
	"departements": plan.Departements, "map": plan.FranceMap, "accessibility": plan.Accessibility,
	"legal": plan.Legal, "glossary": plan.Glossary, "join": plan.Join, "sitemap": plan.SiteMap,
	"opendata": plan.OpenData, "locations": plan.LocationIndex, "locations-dir": plan.LocationDir,
	"calendar": plan.Calendar(nil), "search-index": plan.SearchIndex, "sitemap-xml": "/" + hostfiles.Sitemap,
}

// sitePath returns the site path of a fixed page by its name in
// sitePaths; an unknown name is an error of the layout that asks.
func sitePath(name string) (string, error) {
	p, ok := sitePaths[name]
	if !ok {
		return "", fmt.Errorf("sitePath: no page named %q", name)
	}
	return p, nil
}
