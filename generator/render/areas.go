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

// The page types of the départements and régions.
var (
	_ = pageKind[departementsData]("departements", (*renderer).departementsPage)
	_ = pageKind[departementData]("departement", (*renderer).departementPage)
	_ = pageKind[uncoveredData]("uncovered", (*renderer).uncoveredPage)
	_ = pageKind[regionData]("region", (*renderer).regionPage)
)

func (r *renderer) departementsPage(plan.Page) *page {
	return &page{Title: r.t("departements"), Crumbs: r.homeCrumbs(),
		Data: departementsData{Departements: r.departementList(), Elsewhere: r.elsewhere()}}
}

// departementCrumbs are the breadcrumbs of a département's page, and its
// title.
func (r *renderer) departementCrumbs(d *geo.Departement) (crumbs []crumb, title string) {
	crumbs = []crumb{{r.t("home"), "/"}, {r.t("departements"), plan.Departements}}
	if region := r.site.Geo.Region(d.Region); region != nil {
		crumbs = append(crumbs, crumb{region.Name, plan.RegionPage(region.Code)})
	}
	return crumbs, d.Name + " (" + d.Code + ")"
}

func (r *renderer) departementPage(pg plan.Page) *page {
	item := pg.Departement
	d := item.D
	uncovered := r.plan.Uncovered(d.Code)
	crumbs, title := r.departementCrumbs(d)
	uncoveredPage := ""
	if len(uncovered) > plan.UncoveredOnPage { // a list of its own, paginated
		uncoveredPage = plan.UncoveredPage(d.Code)
	}
	return &page{Title: title, Crumbs: crumbs, Near: d.Code,
		Data: departementData{D: d, Region: r.site.Geo.Region(d.Region), CPTS: item.CPTS,
			Coverage:  r.coverageOf(r.site.Geo.InDepartement(d.Code), item.CPTS),
			Uncovered: uncovered, UncoveredPage: uncoveredPage, Map: r.departementMap(d, item.CPTS, uncovered)}}
}

// uncoveredPage is a page of the list of a département's communes
// without a CPTS, when they are too many for its page.
func (r *renderer) uncoveredPage(pg plan.Page) *page {
	d := pg.Departement.D
	uncovered := r.plan.Uncovered(d.Code)
	crumbs, title := r.departementCrumbs(d)
	crumbs = append(crumbs, crumb{title, plan.DepartementPage(d.Code)})
	p := r.pager(pg.List, func(lo int) string { return uncovered[lo].Name })
	return &page{Title: r.pageTitle(r.t("uncovered_in", title), p), Crumbs: crumbs,
		Data: uncoveredData{D: d, Communes: uncovered[pg.List.Lo:pg.List.Hi], Total: len(uncovered), Pager: p}}
}

// regionPage is a page of a région: its départements' coverage, and its
// CPTS, paginated.
func (r *renderer) regionPage(pg plan.Page) *page {
	reg := pg.Region
	if r.region == nil || r.region.code != reg.Code {
		r.region = r.regionFacts(reg.Code)
	}
	f := r.region
	p := r.pager(pg.List, nil)
	return &page{Title: r.pageTitle(reg.Name, p),
		Crumbs: []crumb{{r.t("home"), "/"}, {r.t("departements"), plan.Departements}},
		Data:   regionData{R: reg, Departements: f.depts, CPTS: f.cpts[pg.List.Lo:pg.List.Hi], Coverage: f.coverage, Pager: p}}
}

// regionFacts are what every page of a région shows: the coverage of its
// départements and of itself, and its CPTS.
type regionFacts struct {
	code     string
	depts    []deptCoverage
	cpts     []*model.CPTS
	coverage coverage
}

// regionFacts counts the coverage of a région, once for its pages.
func (r *renderer) regionFacts(code string) *regionFacts {
	f := &regionFacts{code: code, cpts: r.plan.RegionCPTS(code)}
	var all []*geo.Commune
	for _, d := range r.site.Geo.Departements() {
		if d.Region != code {
			continue
		}
		communes := r.site.Geo.InDepartement(d.Code)
		all = append(all, communes...)
		f.depts = append(f.depts, deptCoverage{d, r.plan.CPTSIn(d.Code), r.coverageOf(communes, r.plan.CPTSIn(d.Code))})
	}
	f.coverage = r.coverageOf(all, f.cpts)
	return f
}

// claims returns the CPTS covering a commune, whole or in part, one claim
// per CPTS, sorted by CPTS slug (see model.Coverage).
func (r *renderer) claims(com *geo.Commune) []model.Claim {
	return r.site.Coverage.Of(com.Code)
}
