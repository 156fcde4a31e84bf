package main

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// exporter writes the Hugo content of one site.
type exporter struct {
	site   *model.Site
	geo    *geo.Table
	labels map[string]string
	w      *writer
	byDept map[string][]*model.CPTS
}

func (x *exporter) label(kind string, v any) string {
	s := fmt.Sprint(v)
	if s == "" {
		s = "none"
	}
	if l, ok := x.labels[kind+"."+s]; ok {
		return l
	}
	return s
}

// Front matter shared by every page: Hugo's own keys, then params.
type front struct {
	Title       string         `toml:"title"`
	Type        string         `toml:"type,omitempty"`
	Description string         `toml:"description,omitempty"`
	Date        string         `toml:"date,omitempty"`
	ExpiryDate  string         `toml:"expiryDate,omitempty"`
	Draft       bool           `toml:"draft,omitempty"`
	Tags        []string       `toml:"tags,omitempty"`
	Weight      int            `toml:"weight,omitempty"`
	Params      map[string]any `toml:"params,omitempty"`
}

type cptsRef struct {
	Slug    string `toml:"slug"`
	Name    string `toml:"name"`
	Title   string `toml:"title,omitempty"`
	Status  string `toml:"status,omitempty"`
	Summary string `toml:"summary,omitempty"`
	Partial bool   `toml:"partial,omitempty"`
	Note    string `toml:"note,omitempty"`
	Km      string `toml:"km,omitempty"`
}

func (x *exporter) ref(c *model.CPTS) cptsRef {
	return cptsRef{Slug: c.Slug, Name: c.Name, Title: c.Title(), Status: x.label("status", c.Status), Summary: c.Summary}
}

func (x *exporter) all() {
	x.byDept = map[string][]*model.CPTS{}
	for _, c := range x.site.CPTS {
		for _, d := range departementsOf(c) {
			x.byDept[d] = append(x.byDept[d], c)
		}
	}
	x.w.page("content/_index.md", front{Title: x.site.Config.Title, Description: x.site.Config.Description,
		Params: map[string]any{"statuses": x.statusCounts()}}, "")
	x.w.page("content/cpts/_index.md", front{Title: "Les CPTS", Type: "cptslist", Params: map[string]any{"statuses": x.statusCounts()}}, "")
	for _, c := range x.site.CPTS {
		x.cpts(c)
	}
	x.w.page("content/actualites/_index.md", front{Title: "Actualités", Type: "newslist"}, "")
	for _, n := range x.site.News {
		x.news(n)
	}
	x.communes()
	x.departements()
	for _, p := range x.site.Pages {
		x.w.page("content/pages/"+p.Slug+".md", front{Title: p.Title, Description: p.Summary, Weight: p.Weight}, x.w.text(p.Body))
	}
	x.w.page("content/accessibilite.md", front{Title: "Accessibilité", Type: "page",
		Params: map[string]any{"entity": x.site.Config.Accessibility.Entity, "status": x.label("a11y", x.site.Config.Accessibility.Status)}},
		"Cette déclaration d’accessibilité s’applique à l’annuaire des CPTS.\n")
}

func (x *exporter) statusCounts() []map[string]any {
	var out []map[string]any
	for _, s := range model.Status("").Values() {
		n := 0
		for _, c := range x.site.CPTS {
			if string(c.Status) == s {
				n++
			}
		}
		out = append(out, map[string]any{"label": x.label("status", s), "count": n})
	}
	return out
}

func departementsOf(c *model.CPTS) []string {
	var out []string
	for _, e := range c.Territory.Entries {
		if e.Commune != nil && !slices.Contains(out, e.Commune.Departement) {
			out = append(out, e.Commune.Departement)
		}
	}
	for _, d := range c.Departements {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

// cpts writes a CPTS as a branch bundle: its news live below it.
func (x *exporter) cpts(c *model.CPTS) {
	type communeRow struct {
		Code       string `toml:"code"`
		Name       string `toml:"name"`
		Population int    `toml:"population"`
		Partial    bool   `toml:"partial,omitempty"`
		Note       string `toml:"note,omitempty"`
	}
	type group struct {
		Label string `toml:"label"`
		Count int    `toml:"count"`
	}
	var communes []communeRow
	for _, e := range c.Territory.Entries {
		if e.Commune != nil {
			communes = append(communes, communeRow{e.Commune.Code, e.Commune.Name, e.Commune.Population, e.Partial, e.Note})
		}
	}
	counts := map[string]int{}
	var order []string
	var named []map[string]string
	total := 0
	for _, m := range c.Members {
		total += m.Size()
		l := x.label("profession", m.Profession)
		if m.Kind == model.KindStructure {
			l = x.label("structure", m.Structure)
		}
		if _, ok := counts[l]; !ok {
			order = append(order, l)
		}
		counts[l] += m.Size()
		if name := m.PublicName(); name != "" {
			role := ""
			if m.BoardRole != "" {
				role = x.label("board", m.BoardRole)
			}
			named = append(named, map[string]string{"name": name, "profession": x.label("profession", m.Profession), "role": role})
		}
	}
	groups := make([]group, len(order))
	for i, l := range order {
		groups[i] = group{l, counts[l]}
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Count > groups[j].Count })
	var missions []map[string]string
	for _, m := range c.Missions {
		missions = append(missions, map[string]string{"kind": x.label("mission", m.Kind), "title": m.Title,
			"status": x.label("mission_status", m.Status), "summary": m.Summary})
	}
	var contacts []map[string]string
	for _, k := range c.Contacts {
		row := map[string]string{"label": k.Label, "email": string(k.Email), "phone": k.Phone.Text, "tel": k.Phone.E164,
			"website": string(k.Website), "form": string(k.Form), "hours": k.Hours}
		if k.Address != nil {
			row["address"] = k.Address.Street + ", " + k.Address.PostalCode
		}
		contacts = append(contacts, row)
	}
	var depts []map[string]string
	for _, d := range departementsOf(c) {
		if dep := x.geo.Departement(d); dep != nil {
			depts = append(depts, map[string]string{"code": dep.Code, "name": dep.Name})
		}
	}
	params := map[string]any{
		"name": c.Name, "status": x.label("status", c.Status), "created": c.Created.String(), "aci_signed": c.ACISigned.String(),
		"size_tier": c.SizeTier, "population": c.Territory.Reach.Population, "declared_population": c.DeclaredPopulation,
		"association": c.Association, "website": string(c.Website), "departements": depts, "communes": communes,
		"members_total": total, "professions": groups, "named": named, "missions": missions, "contacts": contacts,
	}
	x.w.page("content/cpts/"+c.Slug+"/_index.md", front{Title: c.Name, Type: "cpts", Description: c.Summary, Params: params}, x.w.text(c.Body))
}

func (x *exporter) news(n *model.News) {
	f := front{Title: n.Title, Type: "news", Description: n.Summary, Date: newsDate(n.Date), Draft: n.Draft, Tags: n.Tags}
	if !n.Expires.IsZero() {
		f.ExpiryDate = newsDate(n.Expires)
	}
	dir := "content/actualites/"
	if n.CPTS != nil {
		dir = "content/cpts/" + n.CPTS.Slug + "/actualites/"
		f.Params = map[string]any{"cpts": x.ref(n.CPTS)}
	}
	x.w.page(dir+n.Slug+".md", f, x.w.text(n.Body))
}

// newsDate writes a date of any precision as a full date for Hugo.
func newsDate(d model.Date) string {
	s := d.String()
	switch len(s) {
	case 4:
		return s + "-01-01"
	case 7:
		return s + "-01"
	}
	return s
}

// communes writes a page per commune of a département with a CPTS (the
// default of cpts: [communes] pages = "departments"), the letter pages and
// the index.
func (x *exporter) communes() {
	letters := map[string]bool{}
	for _, com := range x.geo.Communes() {
		if len(x.byDept[com.Departement]) == 0 {
			continue
		}
		letter := letterOf(com.Name)
		letters[letter] = true
		params := map[string]any{"code": com.Code, "population": com.Population, "postal_codes": com.PostalCodes,
			"letter": letter, "sortkey": fold.Fold(com.Name) + " " + com.Code}
		if d := x.geo.Departement(com.Departement); d != nil {
			params["departement"] = map[string]string{"code": d.Code, "name": d.Name}
		}
		if r := x.geo.Region(com.Region); r != nil {
			params["region"] = r.Name
		}
		if com.Parent != "" {
			if p := x.geo.Commune(com.Parent); p != nil {
				params["parent"] = p.Name
			}
		}
		var claims []cptsRef
		for _, cl := range x.site.Coverage.Of(com.Code) {
			r := x.ref(cl.CPTS)
			r.Partial, r.Note = cl.Partial, cl.Note()
			claims = append(claims, r)
		}
		params["claims"] = claims
		if len(claims) == 0 {
			params["nearest"] = x.nearest(com, 3)
			var dept []cptsRef
			for _, c := range x.byDept[com.Departement] {
				dept = append(dept, cptsRef{Slug: c.Slug, Name: c.Name})
			}
			params["dept_cpts"] = dept
		}
		x.w.page("content/communes/"+com.Code+".md", front{Title: com.Name + " (" + com.Departement + ")", Type: "commune",
			Description: com.Name, Params: params}, "")
	}
	var ls []string
	for l := range letters {
		ls = append(ls, l)
	}
	sort.Strings(ls)
	x.w.page("content/communes/_index.md", front{Title: "Index des communes de A à Z", Type: "communesindex",
		Params: map[string]any{"letters": ls}}, "")
	for _, l := range ls {
		x.w.page("content/communes/"+strings.ToLower(l)+".md", front{Title: "Communes commençant par " + l, Type: "letter",
			Params: map[string]any{"letter": l, "letters": ls}}, "")
	}
}

func letterOf(name string) string {
	for _, c := range fold.Fold(name) {
		if c >= 'a' && c <= 'z' {
			return strings.ToUpper(string(c))
		}
	}
	return "#"
}

// nearest returns the n CPTS whose territory comes closest to com.
func (x *exporter) nearest(com *geo.Commune, n int) []cptsRef {
	type near struct {
		c  *model.CPTS
		km float64
	}
	var all []near
	for _, c := range x.site.CPTS {
		best := math.Inf(1)
		for _, e := range c.Territory.Entries {
			if e.Commune != nil && e.Commune.HasPoint {
				best = math.Min(best, km(com, e.Commune))
			}
		}
		if !math.IsInf(best, 1) {
			all = append(all, near{c, best})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].km < all[j].km })
	var out []cptsRef
	for _, a := range all[:min(n, len(all))] {
		out = append(out, cptsRef{Slug: a.c.Slug, Name: a.c.Name, Km: fmt.Sprintf("%.0f km", a.km)})
	}
	return out
}

func km(a, b *geo.Commune) float64 {
	rad := math.Pi / 180
	dlat, dlon := (b.Lat-a.Lat)*rad, (b.Lon-a.Lon)*rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371 * math.Asin(math.Sqrt(h))
}

type coverage struct {
	Communes          int `toml:"communes"`
	Covered           int `toml:"covered"`
	Population        int `toml:"population"`
	CoveredPopulation int `toml:"covered_population"`
}

func (x *exporter) coverage(cs []*geo.Commune) (coverage, []map[string]string) {
	var cv coverage
	var uncovered []map[string]string
	for _, com := range cs {
		if com.Kind == geo.KindArrondissement {
			continue
		}
		cv.Communes++
		cv.Population += com.Population
		if x.site.Coverage.Covered(com.Code) {
			cv.Covered++
			cv.CoveredPopulation += com.Population
		} else {
			uncovered = append(uncovered, map[string]string{"code": com.Code, "name": com.Name})
		}
	}
	return cv, uncovered
}

func (x *exporter) departements() {
	var list []map[string]any
	regions := map[string][]*geo.Departement{}
	var regionOrder []string
	for _, d := range x.geo.Departements() {
		cs := x.byDept[d.Code]
		if len(cs) == 0 {
			continue
		}
		var refs []cptsRef
		for _, c := range cs {
			refs = append(refs, x.ref(c))
		}
		cv, uncovered := x.coverage(x.geo.InDepartement(d.Code))
		params := map[string]any{"code": d.Code, "cpts": refs, "coverage": cv, "uncovered": uncovered}
		if r := x.geo.Region(d.Region); r != nil {
			params["region"] = map[string]string{"code": r.Code, "name": r.Name}
			if _, ok := regions[r.Code]; !ok {
				regionOrder = append(regionOrder, r.Code)
			}
			regions[r.Code] = append(regions[r.Code], d)
		}
		x.w.page("content/departements/"+d.Code+".md", front{Title: d.Name + " (" + d.Code + ")", Type: "departement", Params: params}, "")
		list = append(list, map[string]any{"code": d.Code, "name": d.Name, "count": len(cs)})
	}
	x.w.page("content/departements/_index.md", front{Title: "Départements", Type: "departements", Params: map[string]any{"list": list}}, "")
	sort.Strings(regionOrder)
	for _, code := range regionOrder {
		r := x.geo.Region(code)
		var depts []map[string]any
		var all []*geo.Commune
		var refs []cptsRef
		for _, d := range regions[code] {
			cs := x.geo.InDepartement(d.Code)
			all = append(all, cs...)
			cv, _ := x.coverage(cs)
			depts = append(depts, map[string]any{"code": d.Code, "name": d.Name, "count": len(x.byDept[d.Code]), "coverage": cv})
			for _, c := range x.byDept[d.Code] {
				refs = append(refs, cptsRef{Slug: c.Slug, Name: c.Name})
			}
		}
		cv, _ := x.coverage(all)
		x.w.page("content/regions/"+code+".md", front{Title: r.Name, Type: "region",
			Params: map[string]any{"departements": depts, "cpts": refs, "coverage": cv}}, "")
	}
}
