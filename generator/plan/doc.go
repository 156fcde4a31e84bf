// Package plan decides, once, what a site publishes: which news are
// published at the build date, which tags, communes, départements and
// régions get a page, the CPTS of each département, and the site path of
// every page (paths.go is the only place URLs are made). Plan.Sections
// lists every HTML page with its layout and the records it is about, in
// sections by folder (pages.go, sections.go); render makes exactly those
// pages. Plan.Feeds and Plan.Calendars list the feeds and calendars with
// their items (outputs.go), which package feeds writes; Plan.Locations
// the location files with the communes each locates (locations.go), which
// render writes; LastMod dates the pages of the sitemap. Render,
// the search index, the incremental rebuilds of the dev server and the
// checks read the same Plan, so none of them keeps a copy of these rules.
//
// Pages and their URLs:
//
//	/                                   home
//	/cpts/                              list of CPTS
//	/cpts/<slug>/                       a CPTS
//	/cpts/<slug>/affiche/               its printable poster
//	/cpts/<slug>/territoire.geojson     its territory, for the tile map
//	/cpts/<slug>/communes/              its communes, when too many for its page
//	/cpts/<slug>/actualites/<news>/     a news item of a CPTS
//	/actualites/, /actualites/page/N/   all news, paginated
//	/actualites/<news>/                 a site-wide news item
//	/actualites/mots-cles/<tag>/        the news of a tag
//	/communes/, /communes/<letter>/     A-Z index of communes with a page
//	/communes/<insee>/                  a commune
//	/cpts/page/N/, /communes/<letter>/page/N/, /regions/<code>/page/N/
//	                                    pages 2... of the long lists
//	/departements/, /departements/<code>/, /regions/<code>/
//	/departements/<code>/sans-cpts/     its communes without a CPTS, when
//	                                    too many for its page (paginated)
//	/pages/<slug>/                      free pages
//	/carte/                             map of France
//	/accessibilite/                     accessibility statement
//	/glossaire/                         the words of the directory explained
//	/rejoindre/                         joining a CPTS, for professionals
//	/plan-du-site/                      the site map, for people
//	/actualites/atom.xml, feed.json     the site's feeds; a CPTS's in its actualites/
//	/evenements.ics                     the site's calendar; a CPTS's in its folder
//	/404.html, /sitemap.xml, /robots.txt
package plan
