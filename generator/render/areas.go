package render

import (
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
	"github.com/cpts-fr/cpts/generator/plan"
)

// coverage counts the communes and inhabitants of an area covered whole by
// at least one CPTS, and apart the communes covered only in part. The
// inhabitants of a city covered in part count as covered for the
// arrondissements covered whole; PartialPopulation holds those of whom
// the directory cannot tell.
type coverage struct {
	Communes, CoveredCommunes, PartialCommunes       int
	Population, CoveredPopulation, PartialPopulation int
	// Incomplete are the CPTS of the area whose list of communes is
	// incomplete or missing: the figures above are a lower bound.
	Incomplete []*model.CPTS
}

// coverageOf counts the communes and inhabitants of an area covered by
// the CPTS listed, noting those of cpts (the area's) whose territory is
// not fully listed.
func (r *renderer) coverageOf(communes []*geo.Commune, cpts []*model.CPTS) coverage {
	var cv coverage
	for _, c := range cpts {
		if c.Territory.Incomplete || len(c.Territory.Entries) == 0 {
			cv.Incomplete = append(cv.Incomplete, c)
		}
	}
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

// departementList lists the départements with a page, and their CPTS.
func (r *renderer) departementList() []plan.Departement { return r.plan.Departements() }

// elsewhere is what the list of départements and the A-Z index of
// communes say of the communes of other départements, nil when every
// département has a page.
func (r *renderer) elsewhere() *elsewhereData {
	if !r.plan.HasElsewhere() {
		return nil
	}
	return &elsewhereData{ID: plan.ElsewhereID, ARS: r.site.Config.ARS}
}

func (r *renderer) departements() {
	list := r.departementList()
	r.emit("departements", &page{Path: plan.Departements, Title: r.t("departements"), Crumbs: []crumb{{r.t("home"), "/"}},
		Data: departementsData{Departements: list, Elsewhere: r.elsewhere()}})
	for _, item := range list {
		d := item.D
		if !r.wanted(plan.DepartementPage(d.Code)) {
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
		crumbs := []crumb{{r.t("home"), "/"}, {r.t("departements"), plan.Departements}}
		if region != nil {
			crumbs = append(crumbs, crumb{region.Name, plan.RegionPage(region.Code)})
		}
		title := d.Name + " (" + d.Code + ")"
		uncoveredPage := ""
		if len(uncovered) > uncoveredOnPage { // a list of its own, paginated
			uncoveredPage = plan.UncoveredPage(d.Code)
			guide := func(lo int) string { return uncovered[lo].Name }
			sub := append(crumbs[:len(crumbs):len(crumbs)], crumb{title, plan.DepartementPage(d.Code)})
			r.paginate(uncoveredPage, len(uncovered), communesPerPage, guide, func(path string, lo, hi int, p *pager) {
				r.emit("uncovered", &page{Path: path, Title: r.pageTitle(r.t("uncovered_in", title), p), Crumbs: sub,
					Data: uncoveredData{D: d, Communes: uncovered[lo:hi], Total: len(uncovered), Pager: p}})
			})
		}
		r.emit("departement", &page{Path: plan.DepartementPage(d.Code), Title: title, Crumbs: crumbs, Near: d.Code,
			Data: departementData{D: d, Region: region, CPTS: item.CPTS, Coverage: r.coverageOf(communes, item.CPTS),
				Uncovered: uncovered, UncoveredPage: uncoveredPage, Map: r.departementMap(d, item.CPTS, uncovered)}})
	}
	for _, reg := range r.site.Geo.Regions() {
		if !r.plan.HasRegionPage(reg.Code) || !r.wanted(plan.RegionPage(reg.Code)) {
			continue
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
			depts = append(depts, deptCoverage{d, r.plan.CPTSIn(d.Code), r.coverageOf(communes, r.plan.CPTSIn(d.Code))})
			for _, c := range r.plan.CPTSIn(d.Code) {
				if !seen[c] {
					seen[c] = true
					cpts = append(cpts, c)
				}
			}
		}
		cov := r.coverageOf(all, cpts)
		r.paginate(plan.RegionPage(reg.Code), len(cpts), cptsPerPage, nil, func(path string, lo, hi int, p *pager) {
			r.emit("region", &page{Path: path, Title: r.pageTitle(reg.Name, p),
				Crumbs: []crumb{{r.t("home"), "/"}, {r.t("departements"), plan.Departements}},
				Data:   regionData{R: reg, Departements: depts, CPTS: cpts[lo:hi], Coverage: cov, Pager: p}})
		})
	}
}

// claims returns the CPTS covering a commune, whole or in part, one claim
// per CPTS, sorted by CPTS slug (see model.Coverage).
func (r *renderer) claims(com *geo.Commune) []model.Claim {
	return r.site.Coverage.Of(com.Code)
}
