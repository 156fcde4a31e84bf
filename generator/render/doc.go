// Package render turns a validated model.Site into the pages of the public
// site, with html/template layouts from a theme (the embedded default
// theme, overridden file by file by the site's own layouts/, static/ and
// i18n/ folders). It is a pure function of the model: the same site gives
// the same bytes.
//
// Pages and their URLs:
//
//	/                                   home
//	/cpts/                              list of CPTS
//	/cpts/<slug>/                       a CPTS
//	/cpts/<slug>/actualites/<news>/     a news item of a CPTS
//	/actualites/, /actualites/page/N/   all news, paginated
//	/actualites/<news>/                 a site-wide news item
//	/communes/, /communes/<letter>/     A-Z index of communes with a page
//	/communes/<insee>/                  a commune
//	/cpts/page/N/, /communes/<letter>/page/N/, /regions/<code>/page/N/
//	                                    pages 2... of the long lists
//	/departements/, /departements/<code>/, /regions/<code>/
//	/departements/<code>/sans-cpts/     its communes without a CPTS, when
//	                                    too many for its page (paginated)
//	/pages/<slug>/                      free pages
//	/accessibilite/                     accessibility statement
//	/404.html, /sitemap.xml, /robots.txt
package render
