package render

import (
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// coverage counts the communes and inhabitants of an area covered whole by
// at least one CPTS, and apart the communes covered only in part. The
// inhabitants of a city covered in part count as covered for the
// arrondissements covered whole; PartialPopulation holds those of whom
// the directory cannot tell.
type coverage struct {
	Communes, CoveredCommunes, PartialCommunes       int
	Population, CoveredPopulation, PartialPopulation int
}

func (r *renderer) coverageOf(communes []*geo.Commune) coverage {
	var cv coverage
	for _, com := range communes {
		if com.Kind == geo.KindArrondissement {
			continue // the city counts once, whole
		}
		cv.Communes++
		cv.Population += com.Population
		switch cov := r.site.Coverage; {
		case cov.Whole(com.Code):
			cv.CoveredCommunes++
			cv.CoveredPopulation += com.Population
		case cov.Covered(com.Code):
			cv.PartialCommunes++
			arrs := r.site.Geo.Arrondissements(com.Code)
			if len(arrs) == 0 {
				cv.PartialPopulation += com.Population
			}
			for _, a := range arrs {
				switch {
				case cov.Whole(a.Code):
					cv.CoveredPopulation += a.Population
				case cov.Covered(a.Code):
					cv.PartialPopulation += a.Population
				}
			}
		}
	}
	return cv
}

// departementItem is a departement with its CPTS, for lists.
type departementItem struct {
	D    *geo.Departement
	CPTS []*model.CPTS
}

// departementList lists the departements that have at least one CPTS.
func (r *renderer) departementList() []departementItem {
	var out []departementItem
	for _, d := range r.site.Geo.Departements() {
		if cs := r.cptsByDept[d.Code]; len(cs) > 0 && r.departementInScope(d.Code) {
			out = append(out, departementItem{d, cs})
		}
	}
	return out
}

func (r *renderer) departements() {
	list := r.departementList()
	r.emit("departements", &page{Path: "/departements/", Title: r.t("departements"), Crumbs: []crumb{{r.t("home"), "/"}},
		Data: map[string]any{"Departements": list}})
	regions := map[string]bool{}
	for _, item := range list {
		d := item.D
		regions[d.Region] = true
		if !r.wanted("/departements/" + d.Code + "/") {
			continue
		}
		communes := r.site.Geo.InDepartement(d.Code)
		var uncovered []*geo.Commune
		for _, com := range communes {
			if com.Kind != geo.KindArrondissement && len(r.claims(com)) == 0 {
				uncovered = append(uncovered, com)
			}
		}
		region := r.site.Geo.Region(d.Region)
		crumbs := []crumb{{r.t("home"), "/"}, {r.t("departements"), "/departements/"}}
		if region != nil {
			crumbs = append(crumbs, crumb{region.Name, "/regions/" + region.Code + "/"})
		}
		title := d.Name + " (" + d.Code + ")"
		uncoveredPage := ""
		if len(uncovered) > uncoveredOnPage { // a list of its own, paginated
			uncoveredPage = "/departements/" + d.Code + "/sans-cpts/"
			guide := func(lo int) string { return uncovered[lo].Name }
			sub := append(crumbs[:len(crumbs):len(crumbs)], crumb{title, "/departements/" + d.Code + "/"})
			r.paginate(uncoveredPage, len(uncovered), communesPerPage, guide, func(path string, lo, hi int, p *pager) {
				r.emit("uncovered", &page{Path: path, Title: r.pageTitle(r.t("uncovered_in", title), p), Crumbs: sub,
					Data: map[string]any{"D": d, "Communes": uncovered[lo:hi], "Total": len(uncovered), "Pager": p}})
			})
		}
		r.emit("departement", &page{Path: "/departements/" + d.Code + "/", Title: title, Crumbs: crumbs,
			Data: map[string]any{"D": d, "Region": region, "CPTS": item.CPTS, "Coverage": r.coverageOf(communes),
				"Uncovered": uncovered, "UncoveredPage": uncoveredPage, "Map": r.departementMap(d, item.CPTS, uncovered)}})
	}
	for _, reg := range r.site.Geo.Regions() {
		if !regions[reg.Code] || !r.regionInScope(reg.Code) || !r.wanted("/regions/"+reg.Code+"/") {
			continue
		}
		type deptCoverage struct {
			D        *geo.Departement
			CPTS     []*model.CPTS
			Coverage coverage
		}
		var depts []deptCoverage
		var all []*geo.Commune
		var cpts []*model.CPTS
		seen := map[*model.CPTS]bool{}
		for _, d := range r.site.Geo.Departements() {
			if d.Region != reg.Code {
				continue
			}
			communes := r.site.Geo.InDepartement(d.Code)
			all = append(all, communes...)
			depts = append(depts, deptCoverage{d, r.cptsByDept[d.Code], r.coverageOf(communes)})
			for _, c := range r.cptsByDept[d.Code] {
				if !seen[c] {
					seen[c] = true
					cpts = append(cpts, c)
				}
			}
		}
		cov := r.coverageOf(all)
		r.paginate("/regions/"+reg.Code+"/", len(cpts), cptsPerPage, nil, func(path string, lo, hi int, p *pager) {
			r.emit("region", &page{Path: path, Title: r.pageTitle(reg.Name, p),
				Crumbs: []crumb{{r.t("home"), "/"}, {r.t("departements"), "/departements/"}},
				Data:   map[string]any{"R": reg, "Departements": depts, "CPTS": cpts[lo:hi], "Coverage": cov, "Pager": p}})
		})
	}
}
