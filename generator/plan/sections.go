package plan

import (
	"slices"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// listed adds the pages of a list of n items, per a page, whose first
// page is pg.
func listed(add func(Page), pg Page, n, per int) {
	for _, w := range Windows(pg.Path, n, per) {
		page := pg
		page.Path, page.List = ListPage(w.Base, w.N), w
		add(page)
	}
}

// section returns a section of pages under a folder, which make lists
// with add.
func section(under string, make func(add func(Page))) *Section {
	return &Section{Under: under, make: make}
}

// makeSections lists the sections of the site.
func (p *Plan) makeSections() {
	site, home := p.site, p.Home()
	p.sectionAt = map[string]*Section{}
	add := func(s *Section) {
		s.keep = !p.opts.Once
		p.sections = append(p.sections, s)
		p.sectionAt[s.Under] = s
	}
	add(section("", p.ownPages))
	if home == nil {
		add(section(CPTSList+"page/", func(add func(Page)) { // its first page is the site's own
			listed(func(pg Page) {
				if pg.List.N > 1 {
					add(pg)
				}
			}, Page{Path: CPTSList, Layout: "cpts-list"}, len(site.CPTS), CPTSPerPage)
		}))
	}
	for _, c := range site.CPTS {
		add(section(CPTSPage(c), func(add func(Page)) { p.cptsPages(c, add) }))
	}
	add(section(NewsList, p.newsPages))
	add(section(Communes, p.communePages))
	if home == nil {
		add(section(Departements, p.departementPages))
		add(section(Regions, p.regionPages))
	}
	add(section("/pages/", func(add func(Page)) {
		for _, fp := range site.Pages {
			add(Page{Path: FreePage(fp), Layout: "page", Free: fp})
		}
	}))
}

// ownPages lists the site's own pages: the home page (the CPTS's, on a
// site of one CPTS), the first page of the directory's list and the
// pages of the site's furniture.
func (p *Plan) ownPages(add func(Page)) {
	if home := p.Home(); home != nil {
		add(Page{Path: Home, Layout: "cpts", CPTS: home})
	} else {
		add(Page{Path: Home, Layout: "home"})
		add(Page{Path: CPTSList, Layout: "cpts-list", List: Windows(CPTSList, len(p.site.CPTS), CPTSPerPage)[0]})
	}
	if p.HasFranceMap() {
		add(Page{Path: FranceMap, Layout: "carte"})
	}
	if p.HasJoinPage() {
		add(Page{Path: Join, Layout: "rejoindre"})
	}
	add(Page{Path: SiteMap, Layout: "plan-du-site"})
	add(Page{Path: Glossary, Layout: "glossaire"})
	add(Page{Path: Accessibility, Layout: "accessibilite"})
	if !p.site.Config.Legal.IsZero() {
		add(Page{Path: Legal, Layout: "mentions-legales"})
	}
	add(Page{Path: OpenData, Layout: "donnees"})
	add(Page{Path: NotFound, Layout: "404"})
}

// cptsPages lists the pages under a CPTS's folder: its news, its news
// list, its list of communes, its poster and its page (the home page,
// on the site of this CPTS: ownPages).
func (p *Plan) cptsPages(c *model.CPTS, add func(Page)) {
	home := c == p.Home()
	for _, n := range p.byCPTS[c] {
		add(Page{Path: NewsPage(n), Layout: "news", News: n, CPTS: c})
	}
	if news := p.byCPTS[c]; !home && len(news) > 0 {
		listed(add, Page{Path: CPTSNewsList(c), Layout: "news-list", CPTS: c}, len(news), NewsPerPage)
	}
	if p.HasTerritoryList(c) {
		listed(add, Page{Path: TerritoryList(c), Layout: "cpts-communes", CPTS: c}, len(listedEntries(c)), TerritoryPerPage)
	}
	add(Page{Path: CPTSPage(c) + "affiche/", Layout: "affiche", CPTS: c}) // its poster
	if !home {
		add(Page{Path: CPTSPage(c), Layout: "cpts", CPTS: c})
	}
}

// newsPages lists the site's news list, its own news and the tags' lists.
func (p *Plan) newsPages(add func(Page)) {
	listed(add, Page{Path: NewsList, Layout: "news-list"}, len(p.News), NewsPerPage)
	for _, n := range p.News {
		if n.CPTS == nil {
			add(Page{Path: NewsPage(n), Layout: "news", News: n})
		}
	}
	for _, t := range p.Tags {
		listed(add, Page{Path: Tags + t.Slug + "/", Layout: "news-list", Tag: t}, len(t.News), NewsPerPage)
	}
}

// communeSection is the part of the pages that lists communes: their
// own pages and the A-Z index. It depends only on which communes have a
// page, so that a plan made after an edit that leaves them so takes its
// previous plan's.
type communeSection struct {
	table    *geo.Table
	page     []bool // by index in table.Communes(): HasCommunePage
	pages    []Page
	letters  []string
	byLetter map[string][]*geo.Commune
}

// communePages lists the pages of the communes that have one, then the
// A-Z index and its letters' pages.
func (p *Plan) communePages(add func(Page)) {
	all := p.site.Geo.Communes()
	has := make([]bool, len(all))
	for i, com := range all {
		has[i] = p.HasCommunePage(com)
	}
	sec := p.lastCommunes
	p.lastCommunes = nil
	if sec == nil || sec.table != p.site.Geo || !slices.Equal(sec.page, has) {
		sec = newCommuneSection(p.site.Geo, has)
	}
	p.communes.Store(sec)
	for _, pg := range sec.pages {
		add(pg)
	}
}

// newCommuneSection lists the pages of the communes of table that have
// one (has, by index).
func newCommuneSection(table *geo.Table, has []bool) *communeSection {
	type entry struct {
		key string // the folded name, by which the letter's list is sorted
		com *geo.Commune
	}
	sec := &communeSection{table: table, page: has}
	byLetter := map[string][]entry{}
	for i, com := range table.Communes() {
		if !has[i] {
			continue
		}
		sec.pages = append(sec.pages, Page{Path: CommunePage(com.Code), Layout: "commune", Commune: com})
		key := fold.Fold(com.Name)
		l := letterOfFolded(key)
		byLetter[l] = append(byLetter[l], entry{key, com})
	}
	sec.byLetter = make(map[string][]*geo.Commune, len(byLetter))
	for l, es := range byLetter {
		sec.letters = append(sec.letters, l)
		slices.SortFunc(es, func(a, b entry) int { // codes are unique: no ties
			if c := strings.Compare(a.key, b.key); c != 0 {
				return c
			}
			return strings.Compare(a.com.Code, b.com.Code)
		})
		coms := make([]*geo.Commune, len(es))
		for i, e := range es {
			coms[i] = e.com
		}
		sec.byLetter[l] = coms
	}
	sort.Strings(sec.letters)
	sec.pages = append(sec.pages, Page{Path: Communes, Layout: "communes-index"})
	for _, l := range sec.letters {
		listed(func(pg Page) { sec.pages = append(sec.pages, pg) },
			Page{Path: LetterPage(l), Layout: "communes-index", Letter: l}, len(sec.byLetter[l]), CommunesPerPage)
	}
	return sec
}

// letterOfFolded is the index letter of a folded name: its first letter.
func letterOfFolded(f string) string {
	for _, c := range f {
		if c >= 'a' && c <= 'z' {
			return strings.ToUpper(string(c))
		}
	}
	return "#"
}

// Uncovered returns the communes of a département with a page that no
// CPTS covers, arrondissements aside, in the order of the département's
// communes.
func (p *Plan) Uncovered(dept string) []*geo.Commune {
	p.uncoveredOnce.Do(func() {
		p.uncovered = make(map[string][]*geo.Commune, len(p.depts))
		for _, d := range p.depts {
			var uncovered []*geo.Commune
			for _, com := range p.site.Geo.InDepartement(d.D.Code) {
				if com.Kind != geo.KindArrondissement && len(p.coverage.Of(com.Code)) == 0 {
					uncovered = append(uncovered, com)
				}
			}
			p.uncovered[d.D.Code] = uncovered
		}
	})
	return p.uncovered[dept]
}

// departementPages lists the list of départements, and the pages of each
// (its own, and the list of its communes without a CPTS when they are too
// many for it).
func (p *Plan) departementPages(add func(Page)) {
	add(Page{Path: Departements, Layout: "departements"})
	for i := range p.depts {
		d := &p.depts[i]
		if n := len(p.Uncovered(d.D.Code)); n > UncoveredOnPage {
			listed(add, Page{Path: UncoveredPage(d.D.Code), Layout: "uncovered", Departement: d}, n, CommunesPerPage)
		}
		add(Page{Path: DepartementPage(d.D.Code), Layout: "departement", Departement: d})
	}
}

// regionPages lists the pages of the régions with one.
func (p *Plan) regionPages(add func(Page)) {
	for _, reg := range p.site.Geo.Regions() {
		if p.regions[reg.Code] {
			listed(add, Page{Path: RegionPage(reg.Code), Layout: "region", Region: reg}, len(p.RegionCPTS(reg.Code)), CPTSPerPage)
		}
	}
}
