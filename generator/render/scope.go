package render

import (
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
	"github.com/cpts-fr/cpts/generator/scope"
)

// What a site with a [scope] changes in rendering (package scope has cut
// the model already): a single-CPTS site's home page is the CPTS, with
// its own menu; commune pages are those of the départements in scope, or
// of the CPTS's territory; and links to what is left out (a CPTS, a
// commune, a département) go to the directory URL.

// homeCPTS returns the CPTS of a single-CPTS site, or nil.
func (r *renderer) homeCPTS() *model.CPTS { return r.plan.Home() }

// restricted reports whether the site covers less than all content.
func (r *renderer) restricted() bool { return r.plan.Restricted() }

// scope is what the site covers; call it only when restricted.
func (r *renderer) scope() *scope.Result { return r.plan.Options().Scope }

// place maps a site path of the full directory to this site. The page of
// a single-CPTS site's CPTS is its home page, "/". For what the site
// leaves out, external is the page in the directory.
func (r *renderer) place(p string) (local, external string) {
	if !r.restricted() {
		return p, ""
	}
	if home := r.homeCPTS(); home != nil && p == plan.CPTSPage(home) {
		return "/", ""
	}
	if r.outside(p) && r.scope().Directory != "" {
		return p, r.scope().Directory + strings.TrimPrefix(p, "/")
	}
	return p, ""
}

// outside reports whether a site path is a page of the full directory
// that this site leaves out: out-of-scope CPTS, communes, départements
// and régions, the lists of a single-CPTS site, and the free pages when
// they are not shared.
func (r *renderer) outside(p string) bool {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) == 0 {
		return false
	}
	single := r.homeCPTS() != nil
	switch parts[0] {
	case "cpts":
		if len(parts) == 1 || len(parts) == 3 && parts[1] == "page" { // the list, or one of its pages
			return single
		}
		return r.scope().Outside[parts[1]]
	case "departements":
		if len(parts) == 1 {
			return single
		}
		return !r.plan.DepartementInScope(parts[1])
	case "regions":
		return len(parts) > 1 && !r.plan.RegionInScope(parts[1])
	case "pages":
		return len(parts) > 1 && !r.scope().Shared
	case "communes":
		if len(parts) < 2 {
			return false
		}
		com := r.site.Geo.Commune(parts[1])
		return com != nil && !r.plan.InUniverse(com)
	}
	return false
}

// scopePage adapts a page to a single-CPTS site before it is queued: the
// CPTS's page becomes the home page, and breadcrumbs lose the list of
// CPTS and the CPTS itself (which is the home page).
func (r *renderer) scopePage(layout string, p *page) {
	home := r.homeCPTS()
	if home == nil {
		return
	}
	if layout == "cpts" && p.Path == plan.Home { // the plan put it there
		p.Title, p.Crumbs = r.site.Config.Title, nil
		return
	}
	var crumbs []crumb
	news := false
	for _, c := range p.Crumbs {
		if c.Path == plan.CPTSList || c.Path == plan.CPTSPage(home) {
			continue
		}
		news = news || c.Path == plan.NewsList
		crumbs = append(crumbs, c)
	}
	if layout == "news" && !news {
		crumbs = append(crumbs, crumb{r.t("news"), plan.NewsList})
	}
	p.Crumbs = crumbs
}

// menuItem is an entry of the main menu.
type menuItem struct {
	Title, URL string
	Current    bool
}

// menu returns the main menu for the page at path current: the [[menu]]
// of the configuration, else the CPTS's sections on a single-CPTS site,
// else the directory's lists; then the free pages.
func (r *renderer) menu(current string) []menuItem {
	entries := r.menuEntries()
	items := make([]menuItem, len(entries))
	for i, e := range entries {
		items[i] = menuItem{e.title, r.link(e.path), e.path == current}
	}
	return items
}

// menuEntry is a menu item before it is placed: its title and site path
// (or URL, for a [[menu]] entry).
type menuEntry struct{ title, path string }

// menuEntries returns the entries of the menu, made once: every page's
// header asks for them.
func (r *renderer) menuEntries() []menuEntry {
	r.menuOnce.Do(func() {
		add := func(title, p string) { r.menuList = append(r.menuList, menuEntry{title, p}) }
		switch home := r.homeCPTS(); {
		case len(r.site.Config.Menu) > 0:
			for _, m := range r.site.Config.Menu {
				add(m.Title, m.URL)
			}
			return
		case home != nil:
			s := plan.SectionsOf(home) // an empty section is not shown
			if s.Text {
				add(r.t("presentation"), "/#presentation")
			}
			if s.Missions {
				add(r.t("missions"), "/#missions")
			}
			if s.Members {
				add(r.t("menu_professionals"), "/#membres")
			}
			add(r.t("news"), plan.NewsList)
			if s.Events {
				add(r.t("events"), "/#evenements")
			}
			add(r.t("contacts"), "/#contacts")
			add(r.t("menu_join"), "/#rejoindre")
		default:
			add(r.t("all_cpts"), plan.CPTSList)
			add(r.t("communes"), plan.Communes)
			add(r.t("departements"), plan.Departements)
			add(r.t("news"), plan.NewsList)
		}
		for _, p := range r.site.Pages {
			add(p.Title, plan.FreePage(p))
		}
	})
	return r.menuList
}

// menuCurrent returns what the theme's header depends on for the page at
// path: the path for the home page and the pages of the menu (the ones it
// marks aria-current), "" for every other page, which then share one
// header (partialCached).
func (r *renderer) menuCurrent(path string) string {
	if path == "/" {
		return path
	}
	for _, e := range r.menuEntries() {
		if e.path == path {
			return path
		}
	}
	return ""
}

// link is url for a site path, and leaves an http(s) URL as it is.
func (r *renderer) link(p string) string {
	if strings.HasPrefix(p, "/") && !strings.HasPrefix(p, "//") {
		return r.url(p)
	}
	return p
}

// siteLink rewrites a root-relative Markdown link for this site
// (markup.Options.SiteLink): to "/" for the home CPTS, to the directory
// for what the site leaves out.
func (r *renderer) siteLink(dest string) (string, bool) {
	if !r.restricted() {
		return "", false
	}
	p, rest := dest, ""
	if i := strings.IndexAny(dest, "?#"); i >= 0 {
		p, rest = dest[:i], dest[i:]
	}
	local, external := r.place(p)
	switch {
	case external != "":
		return external + rest, true
	case local != p:
		return r.basePath + strings.TrimPrefix(local, "/") + rest, true
	}
	return "", false
}
