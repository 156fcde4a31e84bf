// Package validate checks a loaded site against the commune reference data
// (package geo) and across records: INSEE codes, communes claimed twice,
// declared figures, contacts, members and news. It also advises on what a
// published site should say and does not (advice.go): a CPTS without any
// contact, a configuration without a legal notice or an accessibility
// contact, starter text left in published content. It links the records
// it checks: territory entries get their geo.Commune, territories their
// Reach, and Site.Coverage tells which CPTS cover each commune.
package validate

import (
	"fmt"
	"strings"

	"github.com/cpts-fr/cpts/generator/diag"
	"github.com/cpts-fr/cpts/generator/fold"
	"github.com/cpts-fr/cpts/generator/geo"
	"github.com/cpts-fr/cpts/generator/model"
)

// Site checks site, links it to table, and returns the diagnostics, sorted.
func Site(site *model.Site, table *geo.Table) diag.List {
	v := &validator{site: site, geo: table}
	site.Geo = table
	for _, c := range site.CPTS {
		v.cpts(c)
	}
	v.coverage()
	v.ars(site.Config)
	v.news(site.News)
	v.advise()
	return v.diags.Sort()
}

// CPTS checks the records of one CPTS of site again (its territory, dates,
// members, contacts and events, and the advice on it: a contact, starter
// text), for the dev server when only they changed; the coverage of
// communes, which reads every territory, is left as it was.
func CPTS(site *model.Site, c *model.CPTS) diag.List {
	v := &validator{site: site, geo: site.Geo}
	v.cpts(c)
	return v.diags.Sort()
}

type validator struct {
	site  *model.Site
	geo   *geo.Table
	diags diag.List
}

func (v *validator) cpts(c *model.CPTS) {
	v.territory(c)
	v.departements(c)
	v.declared(c)
	v.lifecycle(c)
	for _, m := range c.Members {
		v.member(c, m)
	}
	for _, k := range c.Contacts {
		v.contact(c, k)
	}
	for _, e := range c.Events {
		v.event(c, e)
	}
	v.join(c)
	v.adviseCPTS(c)
}

func (v *validator) event(c *model.CPTS, e *model.Event) {
	if !e.Date.IsZero() && e.Date.Precision != model.Day {
		v.diags.Errorf(e.At("date"), diag.Date, "an event needs a full date, not %s", e.Date).
			WithHint("write the day: date = 2026-06-12")
	}
	if e.EndTime.Valid && !e.Time.Valid {
		v.diags.Errorf(e.At("end_time"), diag.Consistency, "end_time without time").WithHint("add time = \"HH:MM\" for the start")
	} else if e.EndTime.Valid && e.EndTime.Minutes() <= e.Time.Minutes() {
		v.diags.Errorf(e.At("end_time"), diag.Consistency, "end_time %s is not after time %s", e.EndTime, e.Time)
	}
	if e.Commune != "" {
		v.commune(e.At("commune"), e.Commune, c.Departements)
	}
}

// commune resolves an INSEE code written at pos, reporting what is wrong
// with it. near lists departement codes to prefer in suggestions.
func (v *validator) commune(pos diag.Pos, code string, near []string) *geo.Commune {
	code = strings.TrimSpace(code)
	if com := v.geo.Commune(code); com != nil {
		return com
	}
	if !looksLikeCode(code) {
		d := v.diags.Errorf(pos, diag.UnknownCommune, "%q is not an INSEE code", code)
		if named := preferDepartements(v.geo.ByName(code), near); len(named) > 0 {
			d.WithHint("%s", codeHint(named, "write the INSEE code: %s"))
		} else if named := preferDepartements(v.geo.SuggestNames(code, 3), near); len(named) > 0 {
			d.WithHint("%s", codeHint(named, "no commune has this name; did you mean %s?"))
		} else {
			d.WithHint("INSEE codes have 5 characters, such as \"34145\" (Lunel) or \"2A004\" (Ajaccio)")
		}
		return nil
	}
	if former := v.geo.Former(code); len(former) > 0 {
		f := former[0]
		cur := v.geo.Commune(f.Parent)
		name := f.ParentName
		if cur != nil {
			name = cur.Name
		}
		kind := map[string]string{"commune-deleguee": "commune déléguée", "commune-associee": "commune associée"}[f.Kind]
		if kind == "" {
			kind = "former commune"
		}
		v.diags.Errorf(pos, diag.MergedCommune, "%s (%s) is no longer a commune: it is a %s of %s (%s)", code, f.Name, kind, f.Parent, name).
			WithHint("write the current commune %q (%s)", f.Parent, name)
		return nil
	}
	if cur := v.geo.MergedInto(code); cur != nil {
		v.diags.Errorf(pos, diag.MergedCommune, "%s is a former code of %s (%s), merged since", code, cur.Code, cur.Name).
			WithHint("write the current commune %q (%s)", cur.Code, cur.Name)
		return nil
	}
	d := v.diags.Errorf(pos, diag.UnknownCommune, "unknown INSEE code %q", code)
	if near := preferDepartements(v.geo.SuggestCodes(code, 6), near); len(near) > 0 {
		if len(near) > 3 {
			near = near[:3]
		}
		d.WithHint("%s", codeHint(near, "did you mean %s?"))
	} else {
		d.WithHint("no current commune has this code (COG 2026); check it on the INSEE site")
	}
	return nil
}

// looksLikeCode reports whether s has the shape of an INSEE code.
func looksLikeCode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i, r := range s {
		if r >= '0' && r <= '9' || i == 1 && (r == 'A' || r == 'B' || r == 'a' || r == 'b') {
			continue
		}
		return false
	}
	return true
}

// preferDepartements moves communes of the given departements first, keeping order otherwise.
func preferDepartements(cs []*geo.Commune, depts []string) []*geo.Commune {
	if len(depts) == 0 {
		return cs
	}
	in := func(c *geo.Commune) bool {
		for _, d := range depts {
			if c.Departement == d {
				return true
			}
		}
		return false
	}
	out := make([]*geo.Commune, 0, len(cs))
	for _, c := range cs {
		if in(c) {
			out = append(out, c)
		}
	}
	for _, c := range cs {
		if !in(c) {
			out = append(out, c)
		}
	}
	return out
}

// codeHint writes up to three communes, "code" (name, département), into
// a format with one %s.
func codeHint(cs []*geo.Commune, format string) string {
	if len(cs) > 3 {
		cs = cs[:3]
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%q (%s, %s)", c.Code, c.Name, c.Departement)
	}
	return fmt.Sprintf(format, strings.Join(parts, " or "))
}

// departements checks the declared departement codes, and that listed
// communes lie in them.
func (v *validator) departements(c *model.CPTS) {
	var known []string
	for _, d := range v.geo.Departements() {
		known = append(known, d.Code)
	}
	for i, code := range c.Departements {
		if v.geo.Departement(code) == nil {
			d := v.diags.Errorf(c.At("departements"), diag.Value, "departements[%d]: unknown departement code %q", i, code)
			d.WithHint("%s", orDefault(diag.DidYouMean(diag.Suggest(code, known, 2)), "codes are written \"01\" to \"95\", \"2A\", \"2B\", \"971\" to \"976\""))
		}
	}
	if len(c.Departements) == 0 {
		return
	}
	for _, e := range c.Territory.Entries {
		if e.Commune != nil && !containsString(c.Departements, e.Commune.Departement) {
			v.diags.Warnf(e.At("insee"), diag.Consistency, "commune %s (%s) is in departement %s, not listed in departements of index.md",
				e.Commune.Code, e.Commune.Name, e.Commune.Departement).
				WithHint("add %q to departements in %s", e.Commune.Departement, c.File)
		}
	}
}

// lifecycle checks that dates and status agree.
func (v *validator) lifecycle(c *model.CPTS) {
	if !c.ACISigned.IsZero() && c.Status != model.StatusACISigne && c.Status != "" {
		v.diags.Warnf(c.At("status"), diag.Consistency, "status is %q but aci_signed is set (%s)", c.Status, c.ACISigned).
			WithHint("a CPTS that signed its ACI has status = \"aci-signe\"")
	}
	if !c.ACISigned.IsZero() && !c.Created.IsZero() && c.ACISigned.Before(c.Created) && c.ACISigned.Time().Before(c.Created.Time()) {
		v.diags.Errorf(c.At("aci_signed"), diag.Consistency, "aci_signed (%s) is before created (%s)", c.ACISigned, c.Created)
	}
}

func (v *validator) member(c *model.CPTS, m *model.Member) {
	kind := m.Kind
	if kind == "" {
		kind = model.KindProfessionnel
	}
	switch {
	case kind == model.KindProfessionnel && !m.Has("profession"):
		v.diags.Errorf(m.Pos, diag.Required, "a professional member needs a profession").
			WithHint("add profession = \"...\" (\"non-precise\" when the source does not say), or kind = \"structure\"")
	case kind == model.KindStructure && m.Has("profession"):
		v.diags.Errorf(m.At("profession"), diag.Consistency, "a structure has no profession").
			WithHint("remove profession, or set kind = \"professionnel\"")
	}
	if m.Name != "" && m.Count > 1 {
		v.diags.Errorf(m.At("name"), diag.Consistency, "a group of %d members cannot have one name", m.Count).
			WithHint("list named members one by one, with count = 1")
	}
	if m.Public && strings.TrimSpace(m.Name) == "" {
		v.diags.Errorf(m.At("public"), diag.Required, "public = true but no name is given").
			WithHint("add name = \"...\" or remove public")
	}
	if m.Commune != "" {
		v.commune(m.At("commune"), m.Commune, c.Departements)
	}
}

func (v *validator) contact(c *model.CPTS, k *model.Contact) {
	if !k.Has("email") && !k.Has("phone") && !k.Has("website") && !k.Has("form") && !k.Has("address") {
		v.diags.Errorf(k.Pos, diag.Required, "contact %q has no way to reach it", k.Label).
			WithHint("add email, phone, website, form or an [contact.address]")
	}
	if a := k.Address; a != nil && a.Commune != "" {
		com := v.commune(k.At("address.commune"), a.Commune, c.Departements)
		if com != nil && a.PostalCode != "" && !containsString(com.PostalCodes, a.PostalCode) {
			v.diags.Errorf(k.At("address.postal_code"), diag.Value, "postal code %s is not a postal code of %s (%s)", a.PostalCode, com.Name, com.Code).
				WithHint("%s has postal code %s", com.Name, strings.Join(com.PostalCodes, ", "))
		}
	}
}

// News checks the news items alone (dates, slugs unique per CPTS), for the
// dev server when only news files changed.
func News(all []*model.News) diag.List {
	v := &validator{}
	v.news(all)
	return v.diags.Sort()
}

// news checks dates and slugs of every news item.
func (v *validator) news(all []*model.News) {
	seen := map[string]*model.News{}
	for _, n := range all {
		if !n.Expires.IsZero() && !n.Date.IsZero() && n.Expires.Before(n.Date) {
			v.diags.Errorf(n.At("expires"), diag.Consistency, "expires (%s) is before date (%s)", n.Expires, n.Date)
		}
		owner := ""
		if n.CPTS != nil {
			owner = n.CPTS.Slug
		}
		for _, t := range n.Tags {
			if fold.Slug(t) == "" {
				v.diags.Errorf(n.At("tags"), diag.Value, "tag %q has no letter or digit: its page would have no address", t).
					WithHint("remove it from tags, or write a word: tags = [\"prévention\"]")
			}
		}
		key := owner + "/" + n.Slug
		if prev, ok := seen[key]; ok {
			v.diags.Errorf(diag.Pos{File: n.File}, diag.DuplicateSlug, "news slug %q is used twice", n.Slug).
				WithHint("also used by %s; news URLs are made of the slug only, so rename one", prev.File)
			continue
		}
		seen[key] = n
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
