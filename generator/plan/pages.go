package plan

import (
	"iter"
	"slices"
	"sort"
	"sync"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// Page sizes of the lists that grow with the directory, chosen so that a
// page of each stays under 15 KB of HTML (issue #7): the directory's
// cards (and a région's), an A-Z letter's communes (and a département's
// without a CPTS), a territory's communes. NewsPerPage is the news lists'.
const (
	CPTSPerPage      = 25
	CommunesPerPage  = 100
	TerritoryPerPage = 50
	// UncoveredOnPage is the most communes without a CPTS a département's
	// page lists itself; more get a list of their own (UncoveredPage).
	UncoveredOnPage = 30
)

// Page is an HTML page of the site: its site path, the layout that makes
// it (layouts/<Layout>.html) and the records it is about. Render makes
// exactly the pages of Plan.Sections, each from its Page alone.
type Page struct {
	Path, Layout string
	// The record the page is about, when it is about one: a CPTS (its
	// page, poster, news list, list of communes), a news item, a tag, a
	// commune, a département with a page, a région, a free page, or the
	// letter of a page of the A-Z index of communes.
	CPTS        *model.CPTS
	News        *model.News
	Tag         *Tag
	Commune     *geo.Commune
	Departement *Departement
	Region      *geo.Region
	Free        *model.Page
	Letter      string
	// List is set on a page of a paginated list: which page, which items.
	List *Window
}

// Window is one page of a paginated list: page N of Of under Base (see
// ListPage), showing the list's items [Lo, Hi).
type Window struct {
	Base          string
	N, Of, Lo, Hi int
	// Per is the page size of the list, for the pager's guide words.
	Per int
}

// Windows splits a list of n items into pages of per items under base
// (base, then base + "page/2/"...; one page when n is 0).
func Windows(base string, n, per int) []*Window {
	of := Pages(n, per)
	out := make([]*Window, of)
	for i := range out {
		out[i] = &Window{Base: base, N: i + 1, Of: of, Lo: i * per, Hi: min((i+1)*per, n), Per: per}
	}
	return out
}

// Section is a part of the pages of the site, made on use: the pages
// under one site folder (Under), or the site's own few pages (Under is
// ""). A rebuild of some pages reads only the sections it wants.
type Section struct {
	Under string
	make  func(add func(Page))
	keep  bool // All yields Pages (not Options.Once)
	once  sync.Once
	pages []Page
}

// Pages returns the pages of the section, made once and kept: for the
// rebuilds that compare a plan with the next. It is safe for concurrent
// use.
func (s *Section) Pages() []Page {
	s.once.Do(func() {
		s.make(func(pg Page) { s.pages = append(s.pages, pg) })
	})
	return s.pages
}

// All yields the pages of the section: those Pages keeps, or, in a plan
// made for one build (Options.Once), pages made anew at each walk and
// kept by none, so that the build walks its plan without holding an
// entry per page (a decade of news is 400,000 of them). It is safe for
// concurrent use.
func (s *Section) All() iter.Seq[Page] {
	if s.keep {
		return slices.Values(s.Pages())
	}
	return func(yield func(Page) bool) {
		done := false
		s.make(func(pg Page) {
			if !done && !yield(pg) {
				done = true
			}
		})
	}
}

// Sections returns the parts of the pages of the site, in the order
// render queues them: the site's own pages (the home page, the lists of
// the directory, the site map...), then each CPTS's pages, the news, the
// communes, the départements and régions, the free pages.
func (p *Plan) Sections() []*Section {
	p.sectionsOnce.Do(p.makeSections)
	return p.sections
}

// Section returns the section of the pages under a folder (a CPTS's
// page, NewsList, Communes...), or nil.
func (p *Plan) Section(under string) *Section {
	p.Sections()
	return p.sectionAt[under]
}

// RecordPages returns the paths of the pages of c's folder that show its
// records alone: its page (on the site of this CPTS, the home page) and
// its pages such as its poster, not its news nor the pages of its lists.
// An edit of its records renders them again.
func (p *Plan) RecordPages(c *model.CPTS) []string {
	out := []string{CPTSPage(c)}
	if c == p.Home() {
		out = append(out, Home)
	}
	if s := p.Section(CPTSPage(c)); s != nil {
		for _, pg := range s.Pages() {
			if pg.News == nil && pg.List == nil && pg.Path != CPTSPage(c) {
				out = append(out, pg.Path)
			}
		}
	}
	return out
}

// NewsOf returns the whole list whose page pg is, for a page of a news
// list (layout "news-list"): a CPTS's, a tag's, or the site's.
func (p *Plan) NewsOf(pg Page) []*model.News {
	switch {
	case pg.CPTS != nil:
		return p.byCPTS[pg.CPTS]
	case pg.Tag != nil:
		return pg.Tag.News
	}
	return p.News
}

// Letters returns the letters of the A-Z index of communes, sorted, and
// the communes of each, sorted by folded name then code.
func (p *Plan) Letters() (letters []string, communes map[string][]*geo.Commune) {
	p.Section(Communes).Pages()
	c := p.communes.Load()
	return c.letters, c.byLetter
}

// TerritoryEntries returns the communes of c's territory sorted by folded
// name then code, for its list of communes (TerritoryList).
func TerritoryEntries(c *model.CPTS) []*model.TerritoryEntry {
	entries := listedEntries(c)
	keys := make(map[string]string, len(entries))
	for _, e := range entries {
		keys[e.Commune.Code] = fold.Fold(e.Commune.Name)
	}
	sort.SliceStable(entries, func(i, j int) bool {
		a, b := keys[entries[i].Commune.Code], keys[entries[j].Commune.Code]
		if a != b {
			return a < b
		}
		return entries[i].Commune.Code < entries[j].Commune.Code
	})
	return entries
}

// listedEntries returns the entries of c's territory whose commune is
// known, in the file's order: those its list of communes shows.
func listedEntries(c *model.CPTS) []*model.TerritoryEntry {
	entries := make([]*model.TerritoryEntry, 0, len(c.Territory.Entries))
	for _, e := range c.Territory.Entries {
		if e.Commune != nil {
			entries = append(entries, e)
		}
	}
	return entries
}

// HasTerritoryList reports whether c's communes are listed on a page of
// their own (TerritoryList): more than [communes] on_cpts_page of them.
func (p *Plan) HasTerritoryList(c *model.CPTS) bool {
	return len(c.Territory.Entries) > p.site.Config.Communes.OnCPTSPage
}

// RegionCPTS returns the CPTS of a région's départements, each once, in
// the order of its départements.
func (p *Plan) RegionCPTS(code string) []*model.CPTS {
	var out []*model.CPTS
	seen := map[*model.CPTS]bool{}
	for _, d := range p.site.Geo.Departements() {
		if d.Region != code {
			continue
		}
		for _, c := range p.byDept[d.Code] {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	return out
}

// LastMod is the date the record of a page was last changed, when it
// says: a CPTS's update date on its page, a news item's modification
// date (else its date, to the day), a free page's; "" otherwise.
func LastMod(pg Page) string {
	switch {
	case pg.Layout == "cpts" && !pg.CPTS.Updated.IsZero():
		return pg.CPTS.Updated.String()
	case pg.Layout == "news" && !pg.News.Modified.IsZero():
		return pg.News.Modified.String()
	case pg.Layout == "news" && pg.News.Date.Precision == model.Day:
		return pg.News.Date.String()
	case pg.Layout == "page" && !pg.Free.Modified.IsZero():
		return pg.Free.Modified.String()
	}
	return ""
}
