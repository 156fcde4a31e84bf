package render

import (
	"fmt"
	"testing"

	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// TestPlanPageOfEachRecord makes a page of a layout no page type
// registers (planPage) about each kind of record: its title is the
// layout's string with the record's name, its description the record's
// summary, its last crumb the record's page; about none, the string
// alone under the home page.
func TestPlanPageOfEachRecord(t *testing.T) {
	table, err := geo.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := &model.CPTS{Slug: "lunel", Name: "CPTS du Pays de Lunel", ShortName: "Lunel", Summary: "Le résumé."}
	r := newRenderer(&model.Site{Config: model.Config{BaseURL: "https://example.org/"}, Geo: table}, Options{})
	r.strings = map[string]string{"feuille_title": "Feuille de %s", "home": "Accueil", "all_cpts": "Les CPTS", "communes": "Communes",
		"departements": "Départements", "news": "Actualités"}
	for _, tc := range []struct {
		pg          plan.Page
		title, desc string
		crumbs      string
	}{
		{plan.Page{CPTS: c}, "Feuille de CPTS du Pays de Lunel", "Le résumé.", "[{Accueil /} {Les CPTS /cpts/} {Lunel /cpts/lunel/}]"},
		{plan.Page{News: &model.News{Slug: "ag", Title: "L’AG", Summary: "Elle a eu lieu.", CPTS: c}}, "Feuille de L’AG", "Elle a eu lieu.",
			"[{Accueil /} {Les CPTS /cpts/} {Lunel /cpts/lunel/} {L’AG /cpts/lunel/actualites/ag/}]"},
		{plan.Page{Commune: table.Commune("34145")}, "Feuille de Lunel (34)", "", "[{Accueil /} {Communes /communes/} {Lunel (34) /communes/34145/}]"},
		{plan.Page{Departement: &plan.Departement{D: table.Departement("34")}}, "Feuille de Hérault (34)", "",
			"[{Accueil /} {Départements /departements/} {Occitanie /regions/76/} {Hérault (34) /departements/34/}]"},
		{plan.Page{Free: &model.Page{Slug: "a-propos", Title: "À propos", Summary: "Qui sommes-nous."}}, "Feuille de À propos", "Qui sommes-nous.",
			"[{Accueil /} {À propos /pages/a-propos/}]"},
		{plan.Page{}, "Feuille de %s", "", "[{Accueil /}]"}, // the string as it is: a page about no record has no name to give it
	} {
		tc.pg.Layout = "feuille"
		p := r.planPage(tc.pg)
		if p.Title != tc.title || p.Description != tc.desc || fmt.Sprint(p.Crumbs) != tc.crumbs || p.Data != any(tc.pg) {
			t.Errorf("%+v: %q %q %v", tc.pg, p.Title, p.Description, p.Crumbs)
		}
	}
}
