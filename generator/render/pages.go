package render

import (
	"html/template"
	"slices"
	"strings"

	"github.com/cpts-fr/cpts/generator/plan"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// The page types of the directory's own pages.
var (
	_ = pageKind[homeData]("home", (*renderer).homePage)
	_ = pageKind[cptsListData]("cpts-list", (*renderer).cptsListPage)
	_ = pageKind[cptsData]("cpts", (*renderer).cptsPage)
	_ = pageKind[newsListData]("news-list", (*renderer).newsListPage)
	_ = pageKind[newsData]("news", (*renderer).newsPage)
	_ = pageKind[communesIndexData]("communes-index", (*renderer).communesIndexPage)
	_ = pageKind[communeData]("commune", (*renderer).communePage)
	_ = pageKind[template.HTML]("page", (*renderer).freePage)
	_ = pageKind[joinData]("rejoindre", (*renderer).joinPageOf)
	_ = pageKind[siteMapData]("plan-du-site", (*renderer).siteMapPage)
	_ = pageKind[glossaryData]("glossaire", (*renderer).glossaryPage)
	_ = plainKind("accessibilite", (*renderer).accessibilityPage)
	_ = plainKind("404", (*renderer).notFoundPage)
)

// homeCrumbs are the breadcrumbs of a page under the home page.
func (r *renderer) homeCrumbs() []crumb { return []crumb{{r.t("home"), plan.Home}} }

func (r *renderer) freePage(pg plan.Page) *page {
	p := pg.Free
	return &page{Title: p.Title, Description: p.Summary, Crumbs: r.homeCrumbs(), Data: r.markdown(p.Body, 2)}
}

func (r *renderer) joinPageOf(plan.Page) *page {
	return &page{Title: r.t("join_cpts"), Description: r.t("join_page_intro"), Crumbs: r.homeCrumbs(), Data: r.joinData()}
}

func (r *renderer) siteMapPage(plan.Page) *page {
	return &page{Title: r.t("sitemap"), Crumbs: r.homeCrumbs(), Data: siteMapData{Links: r.siteMapLinks()}}
}

func (r *renderer) glossaryPage(plan.Page) *page {
	return &page{Title: r.t("glossary_title"), Description: r.t("glossary_intro"), Crumbs: r.homeCrumbs(),
		Data: glossaryData{Stages: r.stages()}}
}

func (r *renderer) accessibilityPage(plan.Page) *page {
	return &page{Title: r.t("a11y_title"), Crumbs: r.homeCrumbs()}
}

func (r *renderer) notFoundPage(plan.Page) *page {
	return &page{Title: r.t("page_not_found"), NoIndex: true}
}

// statusCount is a lifecycle stage and how many CPTS are at it.
type statusCount struct {
	Status model.Status
	Count  int
}

// siteMapLinks lists the pages of the site map: the menu's, then the
// directory's lists and the site's furniture, those the site has.
func (r *renderer) siteMapLinks() []siteLink {
	var out []siteLink
	seen := map[string]bool{}
	add := func(title, path string) {
		if !seen[path] {
			seen[path] = true
			out = append(out, siteLink{title, path})
		}
	}
	for _, m := range r.menuEntries() {
		add(m.title, m.path)
	}
	single := r.homeCPTS() != nil
	if !single {
		add(r.t("all_cpts"), plan.CPTSList)
		add(r.t("departements"), plan.Departements)
		if r.plan.HasFranceMap() {
			add(r.t("map_france_page"), plan.FranceMap)
		}
		add(r.t("join_cpts"), plan.Join)
	}
	add(r.t("news"), plan.NewsList)
	add(r.t("communes_index"), plan.Communes)
	add(r.t("glossary_title"), plan.Glossary)
	add(r.t("data_title"), plan.OpenData)
	add(r.t("a11y_title"), plan.Accessibility)
	if !r.site.Config.Legal.IsZero() {
		add(r.t("legal_title"), plan.Legal)
	}
	return out
}

// joinPage is the path of the page for professionals, "" when the site
// has none (plan.HasJoinPage).
func (r *renderer) joinPage() string {
	if !r.plan.HasJoinPage() {
		return ""
	}
	return plan.Join
}

// joinData lists the CPTS of the site whose record says how to join (a
// form or an address), and the ARS of the régions of the site.
func (r *renderer) joinData() joinData {
	var d joinData
	for _, c := range r.site.CPTS {
		if j := c.Join; j != nil && (j.Form != "" || j.Email != "") {
			d.Open = append(d.Open, c)
		}
	}
	for _, a := range r.site.Config.ARS {
		if r.regionShown(a.Region) {
			d.ARS = append(d.ARS, a)
		}
	}
	return d
}

// regionShown reports whether the site shows something of a région: any,
// for a site of all France; one of whose départements holds a CPTS of
// the site, for a site in part.
func (r *renderer) regionShown(code string) bool {
	if !r.plan.Restricted() {
		return true
	}
	for _, d := range r.site.Geo.Departements() {
		if d.Region == code && len(r.plan.CPTSIn(d.Code)) > 0 {
			return true
		}
	}
	return false
}

// stages returns every lifecycle stage in order, then the stage of a CPTS
// whose source does not give it.
func (r *renderer) stages() []model.Status {
	var out []model.Status
	for _, s := range model.Status("").Values() {
		out = append(out, model.Status(s))
	}
	return append(out, model.StatusUnknown)
}

// statusCounts counts the CPTS at each stage, in lifecycle order, then
// those whose stage is not given, when there are some.
func (r *renderer) statusCounts() []statusCount {
	var out []statusCount
	for _, s := range model.Status("").Values() {
		out = append(out, statusCount{model.Status(s), 0})
	}
	unknown := 0
	for _, c := range r.site.CPTS {
		if i := slices.Index(model.Status("").Values(), string(c.Status)); i >= 0 {
			out[i].Count++
		} else {
			unknown++
		}
	}
	if unknown > 0 {
		out = append(out, statusCount{model.StatusUnknown, unknown})
	}
	return out
}

func (r *renderer) homePage(plan.Page) *page {
	news := r.plan.News
	if len(news) > 5 {
		news = news[:5]
	}
	events, _ := r.splitEvents(r.plan.Events())
	if len(events) > 5 {
		events = events[:5]
	}
	return &page{Title: r.site.Config.Title, Feeds: r.newsFeeds(nil), Data: homeData{
		Events:       events,
		Status:       r.statusCounts(),
		News:         news,
		Departements: r.departementList(),
		MapPage:      r.plan.HasFranceMap(),
		Restricted:   r.restricted(),
	}}
}

// cptsListPage is a page of /cpts/, the directory's CPTS.
func (r *renderer) cptsListPage(pg plan.Page) *page {
	p := r.pager(pg.List, nil)
	return &page{Title: r.pageTitle(r.t("all_cpts"), p), Crumbs: r.homeCrumbs(),
		Data: cptsListData{CPTS: r.site.CPTS[pg.List.Lo:pg.List.Hi], Status: r.statusCounts(), Pager: p}}
}

// group is a labelled count, for members by profession or structure.
type group struct {
	Label string
	Count int
}

// namedMember is a member whose name may be published.
type namedMember struct {
	Name, Profession, Role string
}

type missionGroup struct {
	Kind     model.MissionKind
	Missions []*model.Mission
}

// cptsNewsShown is how many news a CPTS's page names, the latest, by
// title and date; the others are on the CPTS's news list, so that the page
// does not grow with the years.
const cptsNewsShown = 3

func (r *renderer) cptsPage(pg plan.Page) *page {
	c := pg.CPTS
	news := r.plan.CPTSNews(c)
	// The news list of a single-CPTS site's own CPTS is /actualites/.
	newsList := plan.CPTSNewsList(c)
	if c == r.homeCPTS() {
		newsList = plan.NewsList
	}
	pop := c.Territory.Reach
	counts := c.CountMembers()
	var professions, structures []group
	count := func(groups *[]group, label string, n int) { // two values may share a label
		for i := range *groups {
			if (*groups)[i].Label == label {
				(*groups)[i].Count += n
				return
			}
		}
		*groups = append(*groups, group{label, n})
	}
	for p, n := range counts.ByProfession {
		count(&professions, r.label("profession", p), n)
	}
	for s, n := range counts.ByStructure {
		count(&structures, r.label("structure", s), n)
	}
	var named []namedMember
	for _, m := range counts.Named {
		role := ""
		if m.BoardRole != "" {
			role = r.label("board", m.BoardRole)
		}
		named = append(named, namedMember{m.PublicName(), r.label("profession", m.Profession), role})
	}
	sortGroups(professions)
	sortGroups(structures)
	var missions []missionGroup
	for _, k := range model.MissionKind("").Values() {
		var ms []*model.Mission
		for _, m := range c.Missions {
			if string(m.Kind) == k {
				ms = append(ms, m)
			}
		}
		if len(ms) > 0 {
			missions = append(missions, missionGroup{model.MissionKind(k), ms})
		}
	}
	var depts []*geo.Departement
	var near []string // the search form ranks their communes first
	for _, d := range c.AllDepartements() {
		if dep := r.site.Geo.Departement(d); dep != nil {
			depts = append(depts, dep)
			near = append(near, dep.Code)
		}
	}
	next, past := r.splitEvents(c.Events)
	return &page{
		Title: c.Name, Description: c.Summary, Near: strings.Join(near, " "),
		Crumbs: []crumb{{r.t("home"), "/"}, {r.t("all_cpts"), plan.CPTSList}},
		JSONLD: r.cptsJSONLD(c), Feeds: []string{plan.CPTSNewsList(c)}, Edit: c.File, // its own feeds: the site's are on its lists
		Data: cptsData{
			C: c, Body: r.markdown(c.Body, 3), Reach: pop,
			Professions: professions, Structures: structures, Named: named, Professionals: counts.Professionals, StructureCount: counts.Structures, Counted: counts.Counted,
			HasNotes: hasNotes(c), Communes: r.site.Geo,
			Missions: missions, Departements: depts, News: news[:min(cptsNewsShown, len(news))], NewsCount: len(news), NewsList: newsList,
			Events: next, PastEvents: past, Map: r.cptsMap(c), Tiles: r.tileMap(c), TerritoryPage: r.territoryPage(c), Entries: c.Territory.Entries,
			JoinPage: r.joinPage(), Search: r.homeCPTS() == nil,
		},
	}
}

// hasNotes reports whether a territory entry has a note or partial mark.
func hasNotes(c *model.CPTS) bool {
	for _, e := range c.Territory.Entries {
		if e.Note != "" || e.Partial {
			return true
		}
	}
	return false
}

// sortGroups orders groups by count, largest first, then by label: their
// labels are unique.
func sortGroups(gs []group) {
	slices.SortFunc(gs, func(a, b group) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Label, b.Label)
	})
}

// newsFeeds returns the news folder of a CPTS, or of the site for nil.
func (r *renderer) newsFeeds(c *model.CPTS) []string {
	if c == nil {
		return []string{plan.NewsList}
	}
	return []string{plan.CPTSNewsList(c), plan.NewsList}
}

// cptsJSONLD describes a CPTS for search engines (schema.org). The
// communes it serves are named where they are listed: here, or on the
// territory page (territoryJSONLD).
func (r *renderer) cptsJSONLD(c *model.CPTS) template.JS {
	doc := map[string]any{
		"@context":    "https://schema.org",
		"@type":       "MedicalOrganization",
		"@id":         r.organisationID(c),
		"name":        c.Name,
		"url":         r.abs(plan.CPTSPage(c)),
		"description": c.Summary,
	}
	if area := areaServed(c.Territory.Entries); len(area) > 0 && r.territoryPage(c) == "" {
		doc["areaServed"] = area
	}
	if c.Website != "" {
		doc["sameAs"] = string(c.Website)
	}
	for _, k := range c.Contacts {
		if k.Email != "" {
			doc["email"] = string(k.Email)
		}
		if !k.Phone.IsZero() {
			doc["telephone"] = k.Phone.E164
		}
	}
	return jsonLD(doc)
}

// newsListPage is a page of a news list: the site's (/actualites/), a
// CPTS's or a tag's.
func (r *renderer) newsListPage(pg plan.Page) *page {
	title, crumbs, feeds, all := r.t("news_list"), r.homeCrumbs(), r.newsFeeds(nil), r.plan.NewsOf(pg)
	switch {
	case pg.CPTS != nil:
		c := pg.CPTS
		title, feeds = r.t("cpts_news_list", c.Title()), r.newsFeeds(c)
		crumbs = []crumb{{r.t("home"), "/"}, {r.t("all_cpts"), plan.CPTSList}, {c.Title(), plan.CPTSPage(c)}}
	case pg.Tag != nil:
		title, feeds = r.t("tag_title", pg.Tag.Name), nil
		crumbs = append(crumbs, crumb{r.t("news"), plan.NewsList})
	}
	p := r.pager(pg.List, nil)
	return &page{Title: r.pageTitle(title, p), Crumbs: crumbs, Feeds: feeds,
		Data: newsListData{News: all[pg.List.Lo:pg.List.Hi], Page: p.Page, Pages: p.Pages, Prev: p.Prev, Next: p.Next, Pager: p}}
}

// newsCrumbs are the breadcrumbs of a news item's page.
func (r *renderer) newsCrumbs(n *model.News) []crumb {
	if n.CPTS != nil {
		return []crumb{{r.t("home"), "/"}, {r.t("all_cpts"), plan.CPTSList}, {n.CPTS.Title(), plan.CPTSPage(n.CPTS)}}
	}
	return []crumb{{r.t("home"), "/"}, {r.t("news"), plan.NewsList}}
}

func (r *renderer) newsPage(pg plan.Page) *page {
	n := pg.News
	return &page{Title: n.Title, Description: n.Summary, Crumbs: r.newsCrumbs(n),
		JSONLD: jsonLD(map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": n.Title, "datePublished": n.Date.String()}),
		Feeds:  r.newsFeeds(n.CPTS), Edit: n.File,
		Data: newsData{N: n, Body: r.newsHTML(n)}}
}

// claim is a CPTS covering a commune, with the arrondissements through
// which it covers a city.
type claim struct {
	CPTS            *model.CPTS
	Partial         bool
	Note            string
	Arrondissements []*geo.Commune
	Key             string // the codes of Arrondissements, for partialCached
}

// communesIndexPage is the A-Z index of communes, or a page of one of
// its letters.
func (r *renderer) communesIndexPage(pg plan.Page) *page {
	letters, byLetter := r.plan.Letters()
	if pg.Letter == "" {
		return &page{Title: r.t("communes_index"), Crumbs: r.homeCrumbs(),
			Data: communesIndexData{Letters: letters, Departements: r.departementList(), Elsewhere: r.elsewhere()}}
	}
	coms := byLetter[pg.Letter]
	p := r.pager(pg.List, func(lo int) string { return coms[lo].Name })
	return &page{Title: r.pageTitle(r.t("communes_index_letter", pg.Letter), p),
		Crumbs: []crumb{{r.t("home"), "/"}, {r.t("communes_index"), plan.Communes}},
		Data:   communesIndexData{Letters: letters, Letter: pg.Letter, Communes: coms[pg.List.Lo:pg.List.Hi], Pager: p}}
}

func (r *renderer) communePage(pg plan.Page) *page {
	com := pg.Commune
	var claims []claim
	for _, cl := range r.claims(com) {
		c := claim{CPTS: cl.CPTS, Partial: cl.Partial, Note: cl.Note()}
		for _, e := range cl.Arrondissements {
			c.Arrondissements = append(c.Arrondissements, e.Commune)
			c.Key += e.Commune.Code
		}
		claims = append(claims, c)
	}
	dept := r.site.Geo.Departement(com.Departement)
	// A département without a CPTS has no page ([communes] pages = "all").
	deptPage := dept != nil && len(r.plan.CPTSIn(dept.Code)) > 0
	data := communeData{
		Commune: com, Claims: claims, Map: r.communeMap(com, claims),
		Departement: dept, DepartementPage: deptPage, Region: r.site.Geo.Region(com.Region),
		Arrondissements: r.site.Geo.Arrondissements(com.Code),
	}
	if com.Parent != "" {
		data.Parent = r.site.Geo.Commune(com.Parent)
	}
	if len(claims) == 0 {
		data.Nearest = r.plan.Points().Nearest(com, plan.NearestShown)
		data.DeptCPTS = r.plan.CPTSIn(com.Departement)
		data.ARS = r.site.Config.ARSOf(com.Region)
		for _, c := range data.DeptCPTS {
			data.Incomplete = data.Incomplete || c.Territory.Incomplete
		}
	}
	crumbs := []crumb{{r.t("home"), "/"}, {r.t("communes"), plan.Communes}}
	if deptPage {
		crumbs = append(crumbs, crumb{dept.Name, plan.DepartementPage(dept.Code)})
	}
	return &page{Title: communeName(com), Description: r.communeDescription(com, claims), Crumbs: crumbs, Data: data}
}

func (r *renderer) communeDescription(com *geo.Commune, claims []claim) string {
	if len(claims) == 0 {
		return com.Name + " : " + r.t("not_covered")
	}
	names := make([]string, len(claims))
	for i, c := range claims {
		names[i] = c.CPTS.Name
	}
	return com.Name + " : " + strings.Join(names, ", ")
}
