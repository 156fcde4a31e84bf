package opendata

import (
	"slices"

	"github.com/cpts-fr/cpts/generator/model"
)

// record is one CPTS as the data files publish it: public fields only.
// The JSON keys are those of schemas/cpts.schema.json.
type record struct {
	ID                 string      `json:"id"`
	Name               string      `json:"nom"`
	ShortName          string      `json:"nom_court,omitempty"`
	Status             string      `json:"statut,omitempty"` // left out when not given
	Created            string      `json:"date_creation,omitempty"`
	ACISigned          string      `json:"date_signature_aci,omitempty"`
	DeclaredTier       int         `json:"tranche_taille_declaree,omitempty"`
	ComputedTier       int         `json:"tranche_taille_calculee,omitempty"`
	DeclaredPopulation int         `json:"population_declaree,omitempty"`
	DeclaredCommunes   int         `json:"nombre_communes_declare,omitempty"`
	Communes           int         `json:"nombre_communes"`
	Population         int         `json:"population_communes"`
	PartialPopulation  int         `json:"population_communes_partielles"`
	Incomplete         bool        `json:"territoire_incomplet"`
	Departements       []string    `json:"departements"`
	Regions            []string    `json:"regions"`
	Association        string      `json:"association,omitempty"`
	Website            string      `json:"site_web,omitempty"`
	Summary            string      `json:"resume"`
	Updated            string      `json:"mise_a_jour,omitempty"`
	Page               string      `json:"page"`
	Members            members     `json:"membres"`
	Territory          []territory `json:"communes"`
	Missions           []mission   `json:"missions"`
	Contacts           []contact   `json:"contacts"`
}

// members counts the members of a CPTS and names those whose record is
// public; the other names, and every note, stay out.
type members struct {
	Professionals int          `json:"professionnels"`
	Structures    int          `json:"structures"`
	ByProfession  []count      `json:"par_profession"`
	ByStructure   []count      `json:"par_structure"`
	Named         []namedEntry `json:"noms_publics"`
}

type count struct {
	Value string `json:"valeur"`
	N     int    `json:"nombre"`
}

type namedEntry struct {
	Name       string `json:"nom"`
	Profession string `json:"profession,omitempty"`
	Structure  string `json:"structure,omitempty"`
	BoardRole  string `json:"role_bureau,omitempty"`
}

type territory struct {
	Code        string `json:"code_insee"`
	Name        string `json:"nom"`
	Departement string `json:"code_departement"`
	Partial     bool   `json:"couverture_partielle"`
	Note        string `json:"note,omitempty"`
}

type mission struct {
	Kind    string `json:"type"`
	Title   string `json:"titre"`
	Status  string `json:"statut,omitempty"`
	Summary string `json:"resume,omitempty"`
}

type contact struct {
	Label   string   `json:"libelle"`
	Email   string   `json:"email,omitempty"`
	Phone   string   `json:"telephone,omitempty"`
	Website string   `json:"site_web,omitempty"`
	Form    string   `json:"formulaire,omitempty"`
	Hours   string   `json:"horaires,omitempty"`
	Address *address `json:"adresse,omitempty"`
}

type address struct {
	Street     string `json:"voie"`
	PostalCode string `json:"code_postal"`
	Code       string `json:"code_insee"`
	Commune    string `json:"commune,omitempty"`
}

// cptsRows returns the records of the site's CPTS, in the site's order
// (by slug).
func cptsRows(site *model.Site) []record {
	out := make([]record, 0, len(site.CPTS))
	for _, c := range site.CPTS {
		out = append(out, newRecord(site, c))
	}
	return out
}

func newRecord(site *model.Site, c *model.CPTS) record {
	r := record{
		ID: c.Slug, Name: c.Name, ShortName: c.ShortName, Status: string(c.Status),
		Created: dateString(c.Created), ACISigned: dateString(c.ACISigned),
		DeclaredTier: c.SizeTier, DeclaredPopulation: c.DeclaredPopulation, DeclaredCommunes: c.DeclaredCommunes,
		Communes: c.Territory.Reach.Communes, Population: c.Territory.Reach.Population, PartialPopulation: c.Territory.Reach.PartialPopulation,
		ComputedTier: c.Territory.Reach.Tier, Incomplete: c.Territory.Incomplete,
		Departements: c.AllDepartements(), Regions: []string{},
		Association: c.Association, Website: string(c.Website), Summary: c.Summary, Updated: dateString(c.Updated),
		Page:      baseURL(site) + "cpts/" + c.Slug + "/",
		Members:   newMembers(c),
		Territory: []territory{}, Missions: []mission{}, Contacts: []contact{},
	}
	for _, d := range r.Departements {
		if dep := site.Geo.Departement(d); dep != nil && !slices.Contains(r.Regions, dep.Region) {
			r.Regions = append(r.Regions, dep.Region)
		}
	}
	slices.Sort(r.Regions)
	for _, e := range c.Territory.Entries {
		t := territory{Code: e.Code, Partial: e.Partial, Note: e.Note}
		if e.Commune != nil {
			t.Name, t.Departement = e.Commune.Name, e.Commune.Departement
		}
		r.Territory = append(r.Territory, t)
	}
	for _, m := range c.Missions {
		r.Missions = append(r.Missions, mission{string(m.Kind), m.Title, string(m.Status), m.Summary})
	}
	for _, k := range c.Contacts {
		ct := contact{Label: k.Label, Email: string(k.Email), Phone: k.Phone.E164, Website: string(k.Website), Form: string(k.Form), Hours: k.Hours}
		if a := k.Address; a != nil {
			ct.Address = &address{Street: a.Street, PostalCode: a.PostalCode, Code: a.Commune}
			if com := site.Geo.Commune(a.Commune); com != nil {
				ct.Address.Commune = com.Name
			}
		}
		r.Contacts = append(r.Contacts, ct)
	}
	return r
}

// newMembers lists the counts of a CPTS's members (model.CountMembers)
// by profession and structure, in the order of the closed lists, and
// names the public ones in the file's order.
func newMembers(c *model.CPTS) members {
	mc := c.CountMembers()
	out := members{Professionals: mc.Professionals, Structures: mc.Structures, ByProfession: []count{}, ByStructure: []count{}, Named: []namedEntry{}}
	prof, str := map[string]int{}, map[string]int{}
	for p, n := range mc.ByProfession {
		prof[orUnknown(string(p))] += n
	}
	for s, n := range mc.ByStructure {
		str[orUnknown(string(s))] += n
	}
	for _, m := range mc.Named {
		e := namedEntry{Name: m.PublicName(), BoardRole: string(m.BoardRole)}
		if m.Kind == model.KindStructure {
			e.Structure = orUnknown(string(m.Structure))
		} else {
			e.Profession = orUnknown(string(m.Profession))
		}
		out.Named = append(out.Named, e)
	}
	out.ByProfession = counts(prof, model.Profession("").Values())
	out.ByStructure = counts(str, append(model.Structure("").Values(), unknown))
	return out
}

// unknown stands for a profession or structure the record leaves out.
const unknown = "non-precise"

func orUnknown(v string) string {
	if v == "" {
		return unknown
	}
	return v
}

// counts lists the non-zero counts in the order of values.
func counts(n map[string]int, values []string) []count {
	out := []count{}
	for _, v := range values {
		if n[v] > 0 {
			out = append(out, count{v, n[v]})
		}
	}
	return out
}

func dateString(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}
