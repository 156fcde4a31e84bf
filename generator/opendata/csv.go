package opendata

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/cpts-fr/cpts/generator/model"
)

// cptsColumns are the columns of cpts.csv, in order; they are the fields
// of schemas/cpts.tableschema.json.
var cptsColumns = []string{
	"id", "nom", "nom_court", "statut", "date_creation", "date_signature_aci",
	"tranche_taille_declaree", "tranche_taille_calculee", "population_declaree", "nombre_communes_declare",
	"nombre_communes", "population_communes", "population_communes_partielles", "territoire_incomplet", "departements", "regions",
	"association", "site_web", "email", "telephone",
	"nombre_professionnels", "nombre_structures", "nombre_missions", "resume", "mise_a_jour", "page",
}

// communeColumns are the columns of communes-cpts.csv, in order; they are
// the fields of schemas/communes-cpts.tableschema.json.
var communeColumns = []string{
	"code_insee", "nom_commune", "code_departement", "code_region", "population",
	"id_cpts", "nom_cpts", "couverture_partielle", "via_codes_insee", "note",
}

// cptsTable has one row per CPTS. Lists are joined with ";"; the email
// and phone are those of the first contact that has one.
func cptsTable(rows []record) [][]string {
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		var email, phone string
		for _, c := range r.Contacts {
			if email == "" {
				email = c.Email
			}
			if phone == "" {
				phone = c.Phone
			}
		}
		out = append(out, []string{
			r.ID, text(r.Name), text(r.ShortName), r.Status, r.Created, r.ACISigned,
			number(r.DeclaredTier), number(r.ComputedTier), number(r.DeclaredPopulation), number(r.DeclaredCommunes),
			strconv.Itoa(r.Communes), strconv.Itoa(r.Population), strconv.Itoa(r.PartialPopulation), strconv.FormatBool(r.Incomplete),
			strings.Join(r.Departements, ";"), strings.Join(r.Regions, ";"),
			text(r.Association), r.Website, email, phone,
			strconv.Itoa(r.Members.Professionals), strconv.Itoa(r.Members.Structures), strconv.Itoa(len(r.Missions)),
			text(r.Summary), r.Updated, r.Page,
		})
	}
	return out
}

// communeTable has one row per commune and CPTS that covers it, sorted by
// INSEE code then CPTS id: the communes the territories name, the
// arrondissements of a city named whole and the cities of the
// arrondissements named, each with the codes it is covered through.
func communeTable(site *model.Site) [][]string {
	var out [][]string
	for _, code := range site.Coverage.Reached() {
		com := site.Geo.Commune(code)
		region := ""
		if dep := site.Geo.Departement(com.Departement); dep != nil {
			region = dep.Region
		}
		for _, cl := range site.Coverage.Of(code) {
			var via []string
			if cl.Entry != nil && cl.Entry.Commune != com {
				via = append(via, cl.Entry.Commune.Code)
			}
			for _, e := range cl.Arrondissements {
				via = append(via, e.Commune.Code)
			}
			out = append(out, []string{
				com.Code, text(com.Name), com.Departement, region, strconv.Itoa(com.Population),
				cl.CPTS.Slug, text(cl.CPTS.Name), strconv.FormatBool(cl.Partial), strings.Join(via, ";"), text(cl.Note()),
			})
		}
	}
	return out
}

// writeCSV writes a header and rows: UTF-8 without BOM, comma-separated,
// quoted where needed (RFC 4180), LF line ends.
func writeCSV(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(header) // writes to a bytes.Buffer cannot fail
	_ = w.WriteAll(rows)
	return b.Bytes()
}

// number writes an optional count: "" for zero (not given).
func number(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// text neutralises a free-text cell that a spreadsheet would run as a
// formula (CSV injection): one starting with =, +, -, @, a tab or a
// carriage return gets a leading apostrophe, as OWASP advises.
func text(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
