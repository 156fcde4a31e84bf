package plan

import (
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/model"
)

// The site paths of the directory's fixed pages. Every other site path is
// made by the functions below: they are the only place URLs are made.
const (
	Home          = "/"
	CPTSList      = "/cpts/"
	NewsList      = "/actualites/"
	Communes      = "/communes/"
	Departements  = "/departements/"
	Regions       = "/regions/" // its pages only: no list of régions
	FranceMap     = "/carte/"
	Accessibility = "/accessibilite/"
	NotFound      = "/404.html"
	Legal         = "/mentions-legales/"
	// Glossary explains the words of the directory (stages, ACI, ARS…):
	// the pages link their first use of one to it.
	Glossary = "/glossaire/"
	// Join is the way in for health professionals: from the commune where
	// one works to the CPTS that covers it and how to join it.
	Join = "/rejoindre/"
	// SiteMap is the site map for people (sitemap.xml is for robots).
	SiteMap = "/plan-du-site/"
	// OpenData is the page of the open data files, beside them (package
	// opendata writes them into the same folder, opendata.Dir).
	OpenData = "/donnees/"
	// Tags is the folder of the tags' news lists.
	Tags = NewsList + "mots-cles/"
	// ElsewhereID is the id of the note, on the list of départements and
	// the A-Z index of communes, on what to do for a commune of a
	// département the directory has no page for; Elsewhere is where the
	// search index leads such a commune.
	ElsewhereID = "ailleurs"
	Elsewhere   = Departements + "#" + ElsewhereID
	// LocationDir holds the location files of the communes (render's
	// locationFiles): LocationIndex lists them, for the "near me" search.
	LocationDir   = "/localisation/"
	LocationIndex = LocationDir + "index.json"
	// SearchIndex is the manifest of the search index (package search
	// writes it, and the shards it names, beside it).
	SearchIndex = "/search/manifest.json"
)

// CPTSPage is the page of a CPTS: "/cpts/<slug>/".
func CPTSPage(c *model.CPTS) string { return "/cpts/" + c.Slug + "/" }

// TerritoryGeoJSON is the GeoJSON of a CPTS's territory, beside its page,
// which its interactive map reads (with [maps] tiles):
// "/cpts/<slug>/territoire.geojson".
func TerritoryGeoJSON(c *model.CPTS) string { return CPTSPage(c) + "territoire.geojson" }

// CPTSNewsList is the news list of a CPTS: "/cpts/<slug>/actualites/".
func CPTSNewsList(c *model.CPTS) string { return CPTSPage(c) + "actualites/" }

// NewsPage is the page of a news item: under its CPTS's news, or under
// /actualites/ for the site's own news.
func NewsPage(n *model.News) string {
	if n.CPTS != nil {
		return CPTSNewsList(n.CPTS) + n.Slug + "/"
	}
	return NewsList + n.Slug + "/"
}

// CommunePage is the page of a commune: "/communes/<insee>/".
func CommunePage(code string) string { return Communes + code + "/" }

// LetterPage is the A-Z index of the communes whose names start with
// letter ("A"…"Z", "#"): "/communes/a/".
func LetterPage(letter string) string { return Communes + lower(letter) + "/" }

// DepartementPage is the page of a département: "/departements/<code>/".
func DepartementPage(code string) string { return Departements + code + "/" }

// UncoveredPage lists a département's communes without a CPTS, when they
// are too many for its page: "/departements/<code>/sans-cpts/".
func UncoveredPage(code string) string { return DepartementPage(code) + "sans-cpts/" }

// RegionPage is the page of a région: "/regions/<code>/".
func RegionPage(code string) string { return Regions + code + "/" }

// TagPage is the news list of a tag, by its name: "/actualites/mots-cles/<slug>/".
func TagPage(name string) string { return Tags + TagSlug(name) + "/" }

// TagSlug is the slug of a tag's page; tags whose names fold alike share it.
func TagSlug(name string) string { return fold.Slug(name) }

// FreePage is a page of content/pages: "/pages/<slug>/".
func FreePage(p *model.Page) string { return "/pages/" + p.Slug + "/" }

// ListPage is page i (from 1) of a paginated list at base: base itself,
// then base + "page/<i>/".
func ListPage(base string, i int) string {
	if i <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(i) + "/"
}

// NewsPerPage is how many news items a page of a news list shows (the
// site's, a CPTS's, a tag's).
const NewsPerPage = 10

// Pages is how many pages a list of n items takes at per a page: one for
// an empty list.
func Pages(n, per int) int { return max(1, (n+per-1)/per) }

// Paths returns the site paths of a feed's two files: "atom.xml" and
// "feed.json" in the folder of its news list.
func (f Feed) Paths() (atom, jsonFeed string) { return f.Dir + "atom.xml", f.Dir + "feed.json" }

// Calendar is the iCalendar file of a CPTS's events, or of the whole
// site's for nil.
func Calendar(c *model.CPTS) string {
	if c == nil {
		return "/evenements.ics"
	}
	return CPTSPage(c) + "evenements.ics"
}

// MapOf is the drawn map shown on the page at a site path: "carte.svg"
// beside it, "/carte/france.svg" for the map of France.
func MapOf(page string) string {
	if page == FranceMap {
		return FranceMap + "france.svg"
	}
	return page + "carte.svg"
}

// LocationMap is the base map of a département that commune pages place
// their commune on; LocationData, its communes' positions.
func LocationMap(dept string) string { return LocationDir + dept + ".svg" }

// LocationData is the positions of a département's communes, for the
// "near me" search.
func LocationData(dept string) string { return LocationDir + dept + ".json" }

// File is the output file of a site path: "/cpts/x/" is
// "cpts/x/index.html", "/robots.txt" is "robots.txt".
func File(sitePath string) string {
	f := strings.TrimPrefix(sitePath, "/")
	if f == "" || strings.HasSuffix(f, "/") {
		f += "index.html"
	}
	return f
}

func lower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// TerritoryList is the list of a CPTS's communes, when its territory is
// too long for its page: "/cpts/<slug>/communes/".
func TerritoryList(c *model.CPTS) string { return CPTSPage(c) + "communes/" }
