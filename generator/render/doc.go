// Package render turns a validated model.Site into the pages of the public
// site, with html/template layouts from a theme (the embedded default
// theme, overridden file by file by the site's own layouts/, static/ and
// i18n/ folders). It is a pure function of the model and its plan
// (package plan, which decides which pages exist and makes their URLs):
// the same site gives the same bytes.
package render
