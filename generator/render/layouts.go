package render

import (
	"html/template"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/opendata"
	"github.com/cpts-fr/cpts/generator/plan"
)

// The data of each layout, as its .Data: one struct a layout, so that a
// field the template names and the renderer does not give is an error of
// the template (package text/template reports it at its line), not an
// empty string. A layout no page type registers (the poster's) gets its
// plan.Page (kinds.go); a free page's is its HTML.

// homeData is the data of home.html.
type homeData struct {
	Events       []*model.Event // the next ones, 5 at most
	Status       []statusCount
	News         []*model.News // the latest, 5 at most
	Departements []plan.Departement
	MapPage      bool // the site has /carte/
	Restricted   bool // the site covers part of the directory
}

// cptsListData is the data of cpts-list.html.
type cptsListData struct {
	CPTS   []*model.CPTS // this page's
	Status []statusCount
	Pager  *pager
}

// newsListData is the data of news-list.html.
type newsListData struct {
	News        []*model.News // this page's
	Page, Pages int
	Prev, Next  string
	Pager       *pager
}

// newsData is the data of news.html.
type newsData struct {
	N    *model.News
	Body template.HTML
}

// cptsData is the data of cpts.html.
type cptsData struct {
	C                       *model.CPTS
	Body                    template.HTML
	Reach                   model.Reach
	Professions, Structures []group
	Named                   []namedMember
	Professionals           int
	StructureCount          int
	Counted                 bool // some member entries are counts, not one named person: the sums are totals
	HasNotes                bool
	Communes                *geo.Table
	Missions                []missionGroup
	Departements            []*geo.Departement
	News                    []*model.News // the latest, cptsNewsShown at most
	NewsCount               int
	NewsList                string
	Events, PastEvents      []*model.Event
	Map                     lazyFrame
	Tiles                   map[string]string
	TerritoryPage           string // the list of its communes, when on a page of their own
	Entries                 []*model.TerritoryEntry
	JoinPage                string // the page for professionals, "" on the site of one CPTS
	Search                  bool   // the site has a search index: not the site of one CPTS
}

// territoryData is the data of cpts-communes.html, a page of the list of
// a CPTS's communes.
type territoryData struct {
	C        *model.CPTS
	Entries  []*model.TerritoryEntry // this page's
	Reach    model.Reach
	HasNotes bool
	Communes *geo.Table
	Pager    *pager
}

// communesIndexData is the data of communes-index.html: the A-Z index
// (Letter empty), or a letter's page.
type communesIndexData struct {
	Letters      []string
	Letter       string
	Departements []plan.Departement // on the index
	Elsewhere    *elsewhereData     // on the index
	Communes     []*geo.Commune     // on a letter's page
	Pager        *pager
}

// communeData is the data of commune.html.
type communeData struct {
	Commune         *geo.Commune
	Claims          []claim
	Map             lazyMap
	Departement     *geo.Departement
	DepartementPage bool // its département has a page
	Region          *geo.Region
	Parent          *geo.Commune // the city of an arrondissement
	Arrondissements []*geo.Commune
	// When no CPTS covers it: the nearest ones, those of its département,
	// and whether one of their territories is incomplete.
	Nearest    []plan.Nearby
	DeptCPTS   []*model.CPTS
	Incomplete bool
	ARS        *model.ARS // of its région, to start a CPTS
}

// departementsData is the data of departements.html.
type departementsData struct {
	Departements []plan.Departement
	Elsewhere    *elsewhereData
}

// elsewhereData is the data of partials/elsewhere.html: what to do for a
// commune of a département the directory has no page for.
type elsewhereData struct {
	ID  string       // of the section, plan.ElsewhereID
	ARS []*model.ARS // all those of the configuration
}

// departementData is the data of departement.html.
type departementData struct {
	D             *geo.Departement
	Region        *geo.Region
	CPTS          []*model.CPTS
	Coverage      coverage
	Uncovered     []*geo.Commune
	UncoveredPage string // their own list, when too many for the page
	Map           lazyFrame
}

// uncoveredData is the data of uncovered.html, a page of a département's
// communes without a CPTS.
type uncoveredData struct {
	D        *geo.Departement
	Communes []*geo.Commune // this page's
	Total    int
	Pager    *pager
}

// regionData is the data of region.html.
type regionData struct {
	R            *geo.Region
	Departements []deptCoverage
	CPTS         []*model.CPTS // this page's
	Coverage     coverage
	Pager        *pager
}

// deptCoverage is a département of a région with its CPTS and coverage.
type deptCoverage struct {
	D        *geo.Departement
	CPTS     []*model.CPTS
	Coverage coverage
}

// franceMapData is the data of carte.html.
type franceMapData struct {
	Map    lazyFrame
	Legend []legendItem
	Status []statusCount
	CPTS   []*model.CPTS
	Listed bool // the CPTS are listed by stage as the map's text
	// Unmapped are the CPTS whose communes are not listed: not on the map.
	Unmapped []*model.CPTS
}

// siteMapData is the data of plan-du-site.html.
type siteMapData struct {
	Links []siteLink
}

// siteLink is a page of the site map.
type siteLink struct {
	Title, Path string
}

// joinData is the data of rejoindre.html: the CPTS that say how to join
// them, and the ARS to contact where none covers one's commune.
type joinData struct {
	Open []*model.CPTS
	ARS  []*model.ARS
}

// glossaryData is the data of glossaire.html: the stages to explain, in
// lifecycle order, then "not given".
type glossaryData struct {
	Stages []model.Status
}

// openDataData is the data of donnees.html.
type openDataData struct {
	Files   []opendata.File
	Licence opendata.Licence
}
